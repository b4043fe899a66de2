"""`claimscope check` in-process over generated options, texts, pages and batches.

Whatever the input, the command exits 0, or 2 with one ``error[CODE]: ...`` line:
never 70 (an internal error), never a traceback.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope import analyzer, cli
from claimscope.stages import foundation_stages
from tests.fuzz.strategies import (
    BATCH_LINES, BYTES, CHECK_SECONDS, FORMATS, FUZZ, HTML, TEXT, TIMEOUTS, bound, within,
)

ARTICLE = b"The ferry company said on Friday that two new boats would join the fleet.\n"


def check(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(cli.main, ["check", *args], input=input)
    assert result.exit_code in (0, 2), (result.exit_code, result.stderr, result.exception)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("error[") and len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result


@pytest.fixture
def text_stages(monkeypatch):
    """Option handling does not depend on the stages: the text-only ones keep it fast."""
    monkeypatch.setattr(analyzer, "default_stages", lambda resources=None: foundation_stages())


@FUZZ
@given(TIMEOUTS, FORMATS)
def test_any_option_values_give_a_report_or_one_error_line(text_stages, timeout, fmt):
    check("-", "--timeout", timeout, "--format", fmt, input=ARTICLE)


@FUZZ
@given(st.lists(st.sampled_from(["--timeout", "--format", "-f", "--out", "--batch", "--allow-private-urls",
                                 "-", "--", "--help", "nan", "json", "--debug", "-x", "\x1b[2J"]), max_size=6))
def test_any_argument_soup_gives_a_report_or_one_error_line(text_stages, tmp_path_factory, args):
    if "--debug" in args or "--help" in args:
        return  # --debug is a group option and asks for tracebacks; --help prints help
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path_factory.mktemp("soup"))
        check(*args, input=ARTICLE)


@settings(FUZZ, max_examples=50)
@given(st.one_of(TEXT.map(lambda t: t.encode("utf-8", errors="replace")), HTML.map(str.encode), BYTES))
def test_any_input_through_the_whole_pipeline_gives_a_report_or_one_error_line(raw):
    with within(bound(len(raw), CHECK_SECONDS), "check"):
        result = check("-", "--format", "json", input=raw)
    if result.exit_code == 0:
        report = json.loads(result.stdout)
        assert report["article"]["text"].strip()


@FUZZ
@given(BATCH_LINES)
def test_any_batch_writes_one_line_per_record(text_stages, tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("batch")
    batch, out = folder / "in.jsonl", folder / "out.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    result = check("--batch", str(batch), "--out", str(out))
    if result.exit_code == 0:
        rows = out.read_text(encoding="utf-8").splitlines()
        assert all(("report" in json.loads(row)) != ("error" in json.loads(row)) for row in rows)
