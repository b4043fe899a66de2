"""Two processes importing one file at once: each gets its own import run, and its counts are right."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from bench_import import write_feed

RECORDS = 3_000


def test_concurrent_imports_of_one_file_keep_their_own_runs(tmp_path):
    feed = write_feed(tmp_path / "feed.json", RECORDS)
    db = tmp_path / "shared.sqlite"
    command = [sys.executable, "-m", "claimscope.cli_factchecks", "import", str(feed), "--db", str(db),
               "--chunk-size", "100", "--no-index", "--json"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
                 for _ in range(2)]
    results = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in results]
    summaries = [json.loads(out) for out, _ in results]
    assert sorted(s["runs"][0]["run"] for s in summaries) == [1, 2]
    for summary in summaries:  # every record counted once per run, none a false duplicate
        assert summary["skipped"] == 0 and summary["runs"][0]["resumed_from"] == 0
        assert summary["added"] + summary["updated"] + summary["unchanged"] == RECORDS
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0] == RECORDS
        runs = conn.execute("SELECT status, position, counts FROM imports ORDER BY id").fetchall()
    assert [(status, position) for status, position, _ in runs] == [("done", RECORDS)] * 2
    assert [json.loads(counts)["skipped"] for _, _, counts in runs] == [0, 0]
