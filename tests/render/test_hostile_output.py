"""Hostile text from the article, its page and the fact-check store is inert in every format."""

from __future__ import annotations

import json
import re

import pytest

from claimscope import report
from claimscope.model import Article, Document, Match, Meta, Sentence, StageRun
from claimscope.render import FORMATS, render
from claimscope.render.markdown import text as md_text
from claimscope.render.safe import terminal_text, to_json

ESCAPES = "\x1b[2J\x1b]0;owned\x07\r\x9b31m\u202e"
ACTIVE = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))"
TEXT = "Une phrase assez longue pour un rapport. Fin."


def _doc() -> Document:
    match = Match(
        "fc-1", f"Stored claim {ACTIVE} {ESCAPES}", "false", f"[/x] {ESCAPES}", f"Pub <b>{ESCAPES}</b>",
        "2020-01-01", "javascript:alert(4)", 0.9, 0, 0, 40, "matching@1",
    )
    return Document(
        article=Article(text=TEXT, meta=Meta(
            title=f"Title {ACTIVE}\n# heading {ESCAPES}", site_name=f"Site <iframe src=x> {ESCAPES}",
            author="``` fence", source="a.html")),
        language="fr", sentences=(Sentence(0, 40, 0, "fr"), Sentence(41, 45, 0, "fr")),
        stages=(StageRun("segment", "1"), StageRun("matching", "1")), matches=(match,),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_control_character_reaches_any_format(fmt):
    out = render(report.build(_doc()), fmt)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
    if fmt == "json":
        assert json.loads(out)["matches"][0]["publisher"].endswith("</b>")  # same data, escaped


def test_markdown_passes_no_raw_html_or_links():
    out = render(report.build(_doc()), "md")
    for active in ("<script", "<img", "<iframe", "<b>", "[click]"):
        assert active not in out, active
    assert not re.search(r"(?<!\\)\]\(javascript:", out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "\\[click\\]" in out
    title = out.splitlines()[0]
    assert title.startswith("# Title &lt;script") and "\\x1b\\[2J" in title  # one line, escapes visible
    assert "\n# heading" not in out


def test_markdown_text_escapes_each_construct():
    assert md_text("a *b* _c_ `d` ~e~ [f](g) | h \\ i & <j>") == (
        "a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\[f\\](g) \\| h \\\\ i &amp; &lt;j&gt;"
    )


def test_terminal_report_shows_escapes_instead_of_running_them():
    out = render(report.build(_doc()), "text")
    assert "\x1b" not in out and "\\x1b[2J" in out and "[/x]" in out


def test_safe_helpers():
    assert terminal_text("a\tb\nc\x1b[2J\x9b\u202e") == "a\tb\nc\\x1b[2J\\x9b\\u202e"
    assert json.loads(to_json({"k": ESCAPES})) == {"k": ESCAPES}
    assert "\x9b" not in to_json(ESCAPES) and "\u202e" not in to_json(ESCAPES)
