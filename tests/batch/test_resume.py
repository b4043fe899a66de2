"""A batch run resumes where it stopped, and one failing article never stops it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

from claimscope import analyzer
from claimscope.batch import LocalEngine, ReportLog, run_batch
from claimscope.ingest import read_batch
from claimscope.settings import Settings
from claimscope.stages import foundation_stages
from tests.conftest import REPO

from .conftest import ARTICLES, read_rows, write_jsonl


def test_a_second_run_skips_what_is_done_and_redoes_what_changed(invoke, tmp_path):
    records = [{"id": str(i), "text": text} for i, text in enumerate(ARTICLES)]
    batch, out = write_jsonl(tmp_path / "in.jsonl", records[:4]), tmp_path / "out.jsonl"
    assert invoke("batch", batch, "--out", out, "--no-matching").exit_code == 0
    write_jsonl(batch, [*records[:3], {"id": "3", "text": ARTICLES[5]}, records[4], records[4]])
    result = invoke("batch", batch, "--out", out, "--no-matching")
    assert result.exit_code == 0, result.output
    assert "2 records: 2 analysed, 0 failed, 3 already done" in result.stderr
    rows = read_rows(out)
    assert [row["id"] for row in rows] == ["0", "1", "2", "3", "3", "4"]
    assert "débordé" in rows[4]["report"]["article"]["text"]


def test_a_cut_last_line_is_dropped_and_its_article_analysed_again(invoke, tmp_path):
    batch = write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": text} for i, text in enumerate(ARTICLES[:3])])
    out = tmp_path / "out.jsonl"
    assert invoke("batch", batch, "--out", out, "--no-matching").exit_code == 0
    data = out.read_bytes()
    out.write_bytes(data[: data.rindex(b'"report"') + 20])  # killed in the middle of the last line
    assert invoke("batch", batch, "--out", out, "--no-matching").exit_code == 0
    assert [row["id"] for row in read_rows(out)] == ["0", "1", "2"]


class Fragile:
    """A stage with a bug on one kind of text."""

    name, version, requires, provides = "fragile", "1", (), ()

    def __call__(self, doc):
        if "explode" in doc.text:
            raise ZeroDivisionError("a bug")
        return doc


def test_a_failing_article_is_recorded_and_its_chunk_neighbours_analysed(monkeypatch, tmp_path):
    monkeypatch.setattr(analyzer, "default_stages", lambda resources=None: [*foundation_stages(), Fragile()])
    texts = [ARTICLES[0], "This one will explode.", ARTICLES[1], "{}"]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps({"text": t}) for t in texts[:3]) + "\n{broken\n", encoding="utf-8")
    engine = LocalEngine(Settings(matching=False))
    with ReportLog(tmp_path / "out.jsonl") as log:
        summary = run_batch(read_batch(batch), log, engine, chunk_size=4)
    engine.close()
    rows = read_rows(tmp_path / "out.jsonl")
    assert [sorted(set(row) & {"report", "error"}) for row in rows] == [["report"], ["error"], ["report"], ["error"]]
    assert rows[1]["error"]["code"] == "internal" and "ZeroDivisionError" in rows[1]["error"]["message"]
    assert (summary.analysed, summary.failed) == (2, 2)


_SLOW_BATCH = """
import sys, time
from claimscope import analyzer
from claimscope.stages import foundation_stages

class Slow:
    name, version, requires, provides = "slow", "1", (), ()
    def __call__(self, doc):
        time.sleep(0.15)
        return doc

analyzer.default_stages = lambda resources=None: [*foundation_stages(), Slow()]
from claimscope.cli import main
main(sys.argv[1:])
"""


def _batch_process(batch, out) -> subprocess.Popen:
    command = [sys.executable, "-c", _SLOW_BATCH, "batch", str(batch), "--out", str(out), "--no-matching",
               "--chunk-size", "2"]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_run_killed_mid_way_and_run_again_has_every_article_exactly_once(tmp_path):
    ids = [f"a{i}" for i in range(40)]
    batch = write_jsonl(tmp_path / "in.jsonl",
                        [{"id": name, "text": f"{ARTICLES[i % len(ARTICLES)]}\n\nItem {i}."} for i, name in enumerate(ids)])
    out = tmp_path / "out.jsonl"
    process = _batch_process(batch, out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 6):
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    first = out.read_bytes().count(b"\n")
    assert 6 <= first < len(ids), "the run was not killed mid-way"
    with out.open("ab") as handle:  # as if the kill had cut a write short
        handle.write(b'{"line": 99, "id": "a39", "content_hash": "')
    again = _batch_process(batch, out)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert "already done" in err.decode()
    rows = read_rows(out)
    assert Counter(row["id"] for row in rows) == Counter(ids)
    assert all("report" in row for row in rows)
