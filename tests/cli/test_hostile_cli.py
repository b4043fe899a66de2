"""Regressions of issue 12 for `claimscope check`: options, output errors, batches that go on.

Most run in-process with the text-only stages (the output and option handling is the
same for every stage); one runs the real command against /dev/full.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimscope import analyzer, cli
from claimscope.stages import foundation_stages
from tests.conftest import REPO

ARTICLE = "The harbour reopened on Monday after the storm.\n\nFerries will run on the winter timetable.\n"


@pytest.fixture
def invoke(monkeypatch):
    monkeypatch.setattr(analyzer, "default_stages", lambda resources=None: foundation_stages())

    def run(*args, input=None):
        return CliRunner().invoke(cli.main, list(args), input=input)

    return run


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def one_line_error(result, code: str, words: str = "") -> str:
    err = result.stderr
    assert result.exit_code == 2, (result.exit_code, err, result.exception)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"error[{code}]: ") and words in err, err
    return err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300", "0", "-5", "soon"])
def test_a_timeout_that_is_not_a_sensible_number_of_seconds_is_refused(invoke, article, value):
    one_line_error(invoke("check", str(article), "--timeout", value), "E001", "--timeout")


@pytest.mark.parametrize("args", [
    ("check", "--no-such-option"),
    ("check", "--format", "pdf", "x.txt"),
    ("check", "--batch"),
    ("no-such-command",),
    ("--no-such-flag", "check"),
    ("check", "a.txt", "b.txt"),
])
def test_usage_errors_are_one_documented_line(invoke, args):
    one_line_error(invoke(*args), "E001", "--help")


def test_help_still_works(invoke):
    result = invoke("check", "--help")
    assert result.exit_code == 0 and "--timeout" in result.output


@pytest.mark.parametrize("args", [(), ("factchecks",)])
def test_a_group_without_a_command_still_prints_its_help(invoke, args):
    result = invoke(*args)
    assert "Usage:" in result.output + result.stderr and "error[" not in result.stderr


def test_an_out_path_in_a_missing_folder_is_refused_before_the_work(invoke, tmp_path):
    missing = tmp_path / "nowhere" / "report.json"
    # the input does not exist either: the output is checked first, so no work is done
    one_line_error(invoke("check", str(tmp_path / "absent.txt"), "--out", str(missing)), "E600", "does not exist")


def test_an_out_path_that_is_a_directory_is_refused(invoke, article, tmp_path):
    one_line_error(invoke("check", str(article), "--out", str(tmp_path)), "E001", "is a directory")


def test_a_batch_out_path_in_a_missing_folder_is_refused(invoke, tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    one_line_error(invoke("check", "--batch", str(batch), "--out", str(tmp_path / "no" / "o.jsonl")), "E600")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_a_clear_error(invoke, article):
    one_line_error(invoke("check", str(article), "-f", "json", "--out", "/dev/full"), "E600", "No space left")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_batch_output_is_a_clear_error(invoke, tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"text": ARTICLE * 2000}) + "\n", encoding="utf-8")
    one_line_error(invoke("check", "--batch", str(batch), "--out", "/dev/full"), "E600", "No space left")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_a_clear_error(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "claimscope.cli", "check", str(path), "-f", "json"],
            stdout=full, stderr=subprocess.PIPE, timeout=300, cwd=REPO,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and "Exception ignored" not in err, err
    assert err.startswith("error[E600]: cannot write standard output: No space left on device"), err
    assert len(err.strip().splitlines()) == 1, err


def test_a_batch_is_never_overwritten_by_its_own_reports(invoke, tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    one_line_error(invoke("check", "--batch", str(batch), "--out", str(batch)), "E100", "the batch file itself")
    assert batch.read_text(encoding="utf-8").startswith("{")


def test_one_bad_line_never_stops_a_batch(invoke, tmp_path):
    batch = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "first", "text": ARTICLE}),
        "[" * 100_000,
        '{"id": ' + "9" * 5000 + ', "text": "x"}',
        json.dumps({"id": "deep", "html": "<div>" * 10_000 + "<p>The quay was repaired.</p>"}),
        json.dumps({"id": "last", "text": ARTICLE}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("check", "--batch", str(batch), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [("report" in row, row["line"]) for row in rows] == [
        (True, 1), (False, 2), (False, 3), (True, 4), (True, 5)
    ]
    assert "5 records: 3 analysed, 2 failed" in result.stderr


def test_a_bug_on_one_record_is_recorded_and_the_batch_goes_on(invoke, monkeypatch, tmp_path):
    class Fragile:
        name, version, requires, provides = "fragile", "1", (), ()

        def __call__(self, doc):
            if "explode" in doc.text:
                raise ZeroDivisionError("a bug")
            return doc

    monkeypatch.setattr(analyzer, "default_stages", lambda resources=None: [*foundation_stages(), Fragile()])
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps({"text": t}) for t in ["Calm text.", "Please explode.", "Calm again."]),
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("check", "--batch", str(batch), "--out", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 0 and len(rows) == 3
    assert rows[1]["error"]["code"] == "internal" and "ZeroDivisionError" in rows[1]["error"]["message"]
    assert "report" in rows[2]


def test_error_messages_never_carry_raw_control_characters(invoke, tmp_path):
    result = invoke("check", str(tmp_path / "evil\x1b[2J\rname.txt"))
    err = one_line_error(result, "E100", "does not exist")
    assert "\x1b" not in err and "\r" not in err and "\\x1b[2J\\rname" in err
