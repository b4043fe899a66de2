"""The report view and its renderers, on documents built by hand."""

from __future__ import annotations

import json

import pytest

from claimscope import report
from claimscope.model import (
    Article, Attribution, Claim, Document, Finding, Meta, Paragraph, Sentence, StageRun,
)
from claimscope.render import FORMATS, render

HOSTILE = "<script>alert('x')</script> [bold red]not markup[/] | pipe"


def _doc(text: str = f"Un titre.\n\n{HOSTILE} Fin.") -> Document:
    hostile_at = text.index("<script>")
    return Document(
        article=Article(text=text, meta=Meta(title="<b>Titre</b>", source="t.txt")),
        language="fr",
        language_score=0.97,
        paragraphs=(Paragraph(0, 9), Paragraph(11, len(text))),
        sentences=(Sentence(0, 9, 0, "fr", 0.9), Sentence(11, len(text), 1, "en", 0.8)),
        findings=(
            Finding("untranslated_fragment", hostile_at, len(text), "left in <English>", "language@1", lang="en"),
            Finding("boilerplate", 0, 9, "a [link]x[/link] line", "traces@1", label="related_links"),
        ),
        stages=(StageRun("segment", "1"), StageRun("language", "1"),
                StageRun("attribution", "1"), StageRun("claims", "1")),
    )


def test_view_quotes_every_span_and_is_json():
    view = report.build(_doc())
    assert view["schema"] == "claimscope.report/1"
    assert view["language"] == {"main": "fr", "score": 0.97}
    assert view["stages"] == ["segment@1", "language@1", "attribution@1", "claims@1"]
    for item in view["findings"] + view["sentences"] + view["paragraphs"]:
        assert view["article"]["text"][item["start"] : item["end"]] == item["text"]
    assert json.loads(render(view, "json")) == view


def test_html_escapes_article_text_meta_and_reasons():
    page = render(report.build(_doc()), "html")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<b>Titre</b>" not in page
    assert "left in &lt;English&gt;" in page


def test_terminal_never_interprets_article_text_as_markup():
    out = render(report.build(_doc()), "text")
    assert "[bold red]not markup[/]" in out
    assert "[link]x[/link]" in out
    assert "\x1b[" not in out  # no colour codes when rendering to a string


def test_markdown_escapes_table_pipes():
    out = render(report.build(_doc()), "md")
    assert "\\| pipe" in out
    assert "| Untranslated fragment (en) |" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_report(fmt):
    doc = Document(article=Article(text="Rien."), language="fr")
    assert render(report.build(doc), fmt).strip()


def _with_claims() -> Document:
    text = 'Le <i>ministère</i> a dit que 40 camions sont partis. "Fin", dit X.'
    doc = Document(article=Article(text=text), language="fr")
    cue = text.index("a dit")
    return doc.evolve(
        stages=(StageRun("attribution", "1"), StageRun("claims", "1")),
        attributions=(
            Attribution(cue, cue + 5, 0, cue - 1, cue + 6, len(doc.text), False, False,
                        "Ministère <x>", None, "attribution@1"),
        ),
        claims=(
            Claim(0, 0, 53, 0.91, True, ("number", "reported"), "claims@1", attribution=0),
            Claim(1, 54, len(doc.text), 0.1, False, (), "claims@1"),
        ),
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_claims_and_attributions_appear_in_every_format(fmt):
    out = render(report.build(_with_claims()), fmt)
    assert "0.91" in out
    assert ("Ministère &lt;x&gt;" if fmt in ("html", "md") else "Ministère <x>") in out
    if fmt == "html":
        assert "<i>ministère</i>" not in out and 'class="claim"' in out


def test_claim_rows_rank_only_checkworthy_claims():
    from claimscope.render.sections import claim_rows

    rows = claim_rows(report.build(_with_claims()))
    assert [r["sentence"] for r in rows] == [0]
    assert rows[0]["speaker"] == "Ministère <x>"


def test_sections_of_stages_that_did_not_run_are_left_out():
    doc = Document(article=Article(text="Rien."), language="fr")
    out = render(report.build(doc), "md")
    assert "Check-worthy claims" not in out and "Who says what" not in out
