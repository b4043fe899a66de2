"""Small helpers for stage tests: run the stages so far over a text."""

from __future__ import annotations

from claimscope.ingest.text import normalize_text
from claimscope.model import Article, Document
from claimscope.pipeline import Pipeline
from claimscope.stages import Language, Segment, Traces


def run(text: str) -> Document:
    """The segment, language and traces stages over ``text`` (normalised like ingest)."""
    return Pipeline([Segment(), Language(), Traces()]).run(Article(text=normalize_text(text)))


def spans(doc: Document, kind: str) -> list[str]:
    """The evidence texts of the findings of ``kind``."""
    return [doc.text[f.start : f.end] for f in doc.findings if f.kind == kind]


def sentences(doc: Document) -> list[str]:
    return [doc.text[s.start : s.end] for s in doc.sentences]
