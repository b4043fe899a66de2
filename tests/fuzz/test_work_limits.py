"""The work per article is bounded: characters and sentences analysed, markup read."""

from __future__ import annotations

from claimscope import pipeline
from claimscope.ingest import from_bytes, from_text
from claimscope.pipeline import MAX_CHARS, MAX_SENTENCES, Pipeline
from claimscope.stages import foundation_stages


class Seen:
    """A last stage that records how many sentences and characters reach it (the embedding stage's share)."""

    name, version, requires, provides = "seen", "1", ("sentences",), ()

    def __init__(self):
        self.calls: list[tuple[int, int]] = []

    def __call__(self, doc):
        self.calls.append((len(doc.sentences), len(doc.text)))
        return doc


def run(article):
    seen = Seen()
    doc = Pipeline([*foundation_stages(), seen]).run(article)
    return doc, seen.calls


def test_many_short_lines_are_not_all_analysed():
    text = "".join(f"Line {n}.\n" for n in range(100_000))[:300_000]
    doc, calls = run(from_text(text))
    assert calls == [(len(doc.sentences), len(doc.text))]  # the later stages ran once, on the cut text
    assert len(doc.sentences) <= MAX_SENTENCES and len(doc.text) < MAX_CHARS
    assert len(doc.notices) == 1 and f"of {len(text):,} characters were analysed" in doc.notices[0]
    assert text.startswith(doc.text)


def test_a_long_text_is_cut_at_a_line_before_the_character_limit(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_SENTENCES", 10**6)
    paragraph = "The ferry left at noon. It came back at night.\n\n"
    text = paragraph * (3 * MAX_CHARS // len(paragraph))
    doc, _ = run(from_text(text))
    assert MAX_CHARS // 2 < len(doc.text) <= MAX_CHARS and doc.text.endswith("night.")
    assert "characters were analysed" in doc.notices[0]


def test_one_huge_token_is_cut_at_the_character_limit():
    doc, _ = run(from_text("Start. " + "x" * (2 * MAX_CHARS)))
    assert len(doc.text) == MAX_CHARS and doc.notices


def test_an_article_within_the_limits_is_untouched():
    article = from_text("The ferry left at noon.\n\nIt came back at night.\n")
    doc, _ = run(article)
    assert doc.text == article.text and doc.notices == ()


def test_a_notice_from_reading_the_page_reaches_the_report(monkeypatch):
    from claimscope.ingest import html

    monkeypatch.setattr(html, "MAX_HTML_CHARS", 5000)
    page = "<html><body>" + "<p>The ferry left at noon and came back at night.</p>\n" * 500 + "</body></html>"
    doc, _ = run(from_bytes(page.encode(), kind="html"))
    assert any("of the page's HTML were read" in notice for notice in doc.notices)
