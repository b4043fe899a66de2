"""`claimscope outlets import` on hostile files: a size limit, and one clear line for unreadable content."""

from __future__ import annotations

import json
import re
import time

import pytest
from click.testing import CliRunner

from claimscope.cli import main


def _import(tmp_path, path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["outlets", "import", str(path), "--db", str(tmp_path / "r.sqlite")])
    return result.exit_code, result.output


@pytest.mark.parametrize("name,content,message", [
    ("huge-int.json", json.dumps({"ratings": [{"domain": "a.example", "score": int("9" * 400)}]}),
     "score 999.* is not a number"),
    ("digits.json", '{"ratings": [{"domain": "a.example", "score": ' + "9" * 5000 + "}]}", "not readable JSON"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "not readable JSON .nested too deeply"),
    # csv.field_size_limit is process-wide: the fact-check reader may have raised it
    ("cell.csv", "domain,score\n" + "a" * 200_000 + ",0.5\n", "not a readable CSV file|is not a domain name"),
    ("short.csv", "domain,pc1,extra\n", "no ratings found"),
    ("source.json", json.dumps({"source": {"not": "text"}, "ratings": "none"}), "expected a 'ratings' list"),
])
def test_unreadable_content_is_one_error_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, output = _import(tmp_path, path)
    assert code == 2 and output.startswith("error[E500]: ") and output.count("\n") == 1, output
    assert re.search(message, output), output


def test_files_over_the_limit_are_refused_fast(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:  # sparse: 200 MB on paper
        handle.truncate(200 * 2**20)
    for path in (big, "/dev/zero"):
        start = time.monotonic()
        code, output = _import(tmp_path, path)
        assert code == 2 and "larger than the 16 MiB limit" in output and output.count("\n") == 1
        assert time.monotonic() - start < 2


def test_text_from_the_file_reaches_the_terminal_inert(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"source": "Ratings \x1b]0;owned\x07 [b]x[/b]",
                                "ratings": [{"domain": "a.example", "score": 0.5}]}), encoding="utf-8")
    code, output = _import(tmp_path, path)
    assert code == 0 and "\x1b" not in output and "\\x1b]0;owned\\x07" in output
    listed = CliRunner().invoke(main, ["outlets", "ratings", "--db", str(tmp_path / "r.sqlite")]).output
    assert "\x1b" not in listed and "[b]x[/b]" in listed


def test_a_full_standard_output_is_one_clear_line():
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "claimscope.cli", "outlets", "list"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.startswith("error[E600]: cannot write standard output"), done.stderr
