"""A real import process killed with SIGKILL leaves a sound database; re-running completes it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from bench_import import write_feed

RECORDS = 30_000
CHUNK = 200


def _import(feed, db) -> subprocess.Popen:
    command = [sys.executable, "-m", "claimscope.cli_factchecks", "import", str(feed), "--db", str(db),
               "--chunk-size", str(CHUNK), "--no-index", "--json"]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def _count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def test_sigkill_mid_import_then_rerun_completes(tmp_path):
    feed = write_feed(tmp_path / "feed.json", RECORDS)
    db = tmp_path / "killed.sqlite"
    process = _import(feed, db)
    deadline = time.monotonic() + 120
    while _count(db) < 5 * CHUNK and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0]
        position, status = conn.execute("SELECT position, status FROM imports").fetchone()
        indexed = conn.execute("SELECT COUNT(*) FROM factchecks_fts").fetchone()[0]
    assert 0 < stored < RECORDS
    assert stored % CHUNK == 0 and position == stored == indexed and status == "running"

    rerun = _import(feed, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary["runs"][0]["resumed_from"] == stored
    assert (summary["added"], summary["stored"], summary["skipped"]) == (RECORDS, RECORDS, 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT status FROM imports").fetchall() == [("done",)]
