"""Sentences that are not claims, known from the page's structure (and one construction).

A fact-checker checks statements. Whatever the head scores, these are not: the
headline (a label over the story, its claim is repeated in the body); a line that ends
without a sentence's final punctuation (bylines, datelines, captions, section and list
labels, "Tags: ...", "Name | date | n comments"); a question; page furniture the traces
stage found (``boilerplate`` and ``credit_line`` findings); a sentence left in another
language than the article's (an ``untranslated_fragment`` finding: a caption or line
copied from the source, not a statement of this article). These tests are the same in
every language: final punctuation, line ends and findings. One lexical test joins them:
a sentence that reports a non-answer ("did not respond to a request for comment", the
``no_comment`` constructions of the language's cue table) states no checkable fact.
"""

from __future__ import annotations

import unicodedata

from ..model import Document
from . import features

FURNITURE = ("boilerplate", "credit_line")
UNTRANSLATED = ("untranslated_fragment",)
FINAL = frozenset(".!…。！;")  # ";" ends a list item that states something
QUESTION = frozenset("?？¿")
_CLOSING = frozenset("\"'»”“’")  # closing quotes after the final mark


def not_claims(doc: Document) -> dict[int, str]:
    """Sentence index -> why it cannot be check-worthy ("headline", "label_line",
    "question", "furniture", "untranslated", "no_comment"), for the sentences of
    ``doc`` that are not claims.

    Headline, label-line and question need a page: a text of one line (a claim typed
    or pasted alone) is judged by the head only."""
    found: dict[int, str] = {}
    page = "\n" in doc.text.strip()
    headline = headline_span(doc) if page else None
    headline_end = headline[1] if headline else 0
    for i, s in enumerate(doc.sentences):
        ending = _ending(doc.text[s.start:s.end]) if page else "final"
        if s.start < headline_end:
            found[i] = "headline"
        elif ending == "none" and _ends_line(doc.text, s.end):
            found[i] = "label_line"
        elif ending == "question":
            found[i] = "question"
        elif _covered(doc, s.start, s.end, FURNITURE):
            found[i] = "furniture"
        elif _covered(doc, s.start, s.end, UNTRANSLATED):
            found[i] = "untranslated"
        elif features.no_comment(doc.text[s.start:s.end], s.lang or doc.language):
            found[i] = "no_comment"
    return found


def _ending(sentence: str) -> str:
    """"final", "question" or "none": how the sentence ends, past closing quotes,
    symbols and emoji; a trailing bracket is skipped ("... (AFP)."), a sentence that is
    all bracket ("(Reporting by ...)") ends in none."""
    text = sentence.rstrip()
    while text and (text[-1] in _CLOSING or text[-1].isspace() or _is_symbol(text[-1])):
        text = text[:-1]
    if text.endswith((")", "]")):
        opener = max(text.rfind("("), text.rfind("["))
        return _ending(text[:opener]) if text[:opener].strip() else "none"
    if not text:
        return "none"
    if text[-1] in QUESTION:
        return "question"
    return "final" if text[-1] in FINAL else "none"


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char).startswith("S") or unicodedata.category(char) in ("Mn", "Cf")


def headline_span(doc: Document) -> tuple[int, int] | None:
    """(start, end) of the headline: the first line when it is the article's title and
    does not end like a sentence (a first paragraph taken for the title does) or ends on
    an exclamation mark (a headline that shouts: "Salt water cures the flu in one
    night!"), else None. Not a check-worthy claim, but what the story is about:
    matching may search it."""
    title = (doc.article.meta.title or "").strip()
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    return (start, end) if title and line == title and (_ending(line) != "final" or _exclaims(line)) else None


def _exclaims(line: str) -> bool:
    """``line`` ends on an exclamation mark, past closing quotes, symbols and emoji."""
    text = line.rstrip()
    while text and (text[-1] in _CLOSING or text[-1].isspace() or _is_symbol(text[-1])):
        text = text[:-1]
    return text.endswith(("!", "！"))


def _ends_line(text: str, end: int) -> bool:
    rest = text[end:]
    return not rest.strip() or "\n" in rest[: len(rest) - len(rest.lstrip())]


def _covered(doc: Document, start: int, end: int, kinds: tuple[str, ...]) -> bool:
    """At least half of the span lies inside findings of ``kinds``."""
    inside = sum(
        max(0, min(end, f.end) - max(start, f.start)) for f in doc.findings if f.kind in kinds
    )
    return inside * 2 >= end - start
