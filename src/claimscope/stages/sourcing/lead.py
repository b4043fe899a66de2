"""The main claim: the sentence of an article the sourcing chain follows (docs/sourcing.md)."""

from __future__ import annotations

from ...model import Document

LEAD_MARGIN = 0.15  # a later lead sentence this much more check-worthy than the first is the main claim
_TERMINAL = ".!?…»\"”“'’)"


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:len(text) if end < 0 else end].strip()


def headline_end(text: str) -> int:
    """Where the headline, the text's first line, ends (0 for a text of one line)."""
    return text.find("\n") if "\n" in text.strip() else 0


def body_sentences(doc: Document) -> list[int]:
    """Sentences of the running text: not the headline line, not a short or unpunctuated
    line (byline, dateline, subheading), not boilerplate or a credit line, not a question."""
    text = doc.text
    skip = [(f.start, f.end) for f in doc.findings if f.kind in ("boilerplate", "credit_line")]
    headline = headline_end(text)
    out = []
    for i, s in enumerate(doc.sentences):
        line = _line(text, s.start)
        sentence = text[s.start:s.end].strip()
        if s.start < headline or len(line.split()) < 10 or line[-1] not in _TERMINAL or " | " in line:
            continue
        if sentence.endswith("?") or len(sentence.split()) < 5:
            continue
        if not any(a <= s.start and s.end <= b for a, b in skip):
            out.append(i)
    return out


def main_claim(doc: Document) -> int | None:
    """The sentence carrying the central claim: in the first body paragraph with a
    check-worthy sentence, its first check-worthy sentence unless a later one there scores
    clearly higher (by more than ``LEAD_MARGIN``); the first body sentence when none is
    check-worthy; the headline when there is no body."""
    claims = {c.sentence: c for c in doc.claims if c.checkworthy}
    body = body_sentences(doc)
    worthy = [i for i in body if i in claims]
    if not worthy:
        return body[0] if body else (0 if doc.sentences else None)
    paragraph = [i for i in worthy if doc.sentences[i].paragraph == doc.sentences[worthy[0]].paragraph]
    best = max(claims[i].score for i in paragraph)
    return next(i for i in paragraph if claims[i].score >= best - LEAD_MARGIN)
