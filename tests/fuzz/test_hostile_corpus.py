"""The hostile corpus (tests/fuzz/corpus.py) through `claimscope check`: bounded, never a crash.

Every case runs in-process with every default stage, except the largest accepted
input, which runs as a real command in a child process so that its peak memory can be
measured too.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimscope import cli
from tests.conftest import REPO
from tests.fuzz.corpus import cases
from tests.fuzz.strategies import CHECK_SECONDS, bound, within

MAX_PEAK_MB = 2048  # the child's peak resident memory for a 16 MiB input (about 0.7 GB measured)
# `check` in a child that prints its own peak (VmHWM, in kB): ru_maxrss of a child would
# include the pages of the forking test process, which holds models and indexes by then.
PEAK_OF_CHECK = (
    "import re, sys\n"
    "from claimscope import cli\n"
    "try:\n"
    "    cli.main(['check', sys.argv[1], '-f', 'json', '-o', sys.argv[2]], standalone_mode=False)\n"
    "finally:\n"
    "    print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
)
SMALL = cases(large=False)
SINGLE = [case for case in SMALL if not case.batch]


def check(case, folder):
    path = case.write(folder)
    if case.batch:
        args = ["check", "--batch", str(path), "--out", str(folder / "out.jsonl")]
    else:
        args = ["check", str(path), "--format", "json", "--out", str(folder / "out.json")]
    with within(bound(len(case.data), CHECK_SECONDS), case.name):
        result = CliRunner().invoke(cli.main, args)
    assert result.exit_code in (0, 2), (case.name, result.exit_code, result.stderr, result.exception)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("case", SINGLE, ids=[case.name for case in SINGLE])
def test_each_hostile_input_gives_a_report_or_one_error_line_in_bounded_time(case, tmp_path):
    result = check(case, tmp_path)
    if result.exit_code == 2:
        assert result.stderr.startswith("error[E100]: ") and len(result.stderr.splitlines()) == 1


def test_the_hostile_batch_goes_on_past_every_bad_line(tmp_path):
    case = next(case for case in SMALL if case.batch)
    check(case, tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(case.data.splitlines())
    assert "report" in rows[0] and "report" in rows[-1]


def test_the_largest_accepted_input_finishes_in_bounded_time_and_memory(tmp_path):
    case = next(case for case in cases() if case.name == "near-limit-text")
    path = case.write(tmp_path)
    out = tmp_path / "report.json"
    with within(bound(len(case.data), CHECK_SECONDS + 15), case.name):  # + starting Python and the model
        proc = subprocess.run([sys.executable, "-c", PEAK_OF_CHECK, str(path), str(out)],
                              capture_output=True, text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    peak_mb = int(proc.stdout.split()[-1]) / 1024
    assert peak_mb < MAX_PEAK_MB, f"peak memory {peak_mb:.0f} MB"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["notices"] and "characters were analysed" in report["notices"][0]
    assert report["article"]["length"] <= 100_000
