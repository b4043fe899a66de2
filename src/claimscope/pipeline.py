"""Runs the stages in order over one document.

A stage is any object with ``name``, ``version``, ``requires`` and ``provides``
(tuples of capability names) that is callable as ``stage(doc) -> Document``.
The pipeline checks, before running anything, that every stage's requirements are
provided by a stage before it, and records each stage it ran in ``doc.stages``.

The work per article is bounded (docs/input.md, *Limits*): at most
:data:`MAX_CHARS` characters and :data:`MAX_SENTENCES` sentences are analysed. A longer
article is cut at a line, sentence or word boundary before that point, its report is
about the part kept, and a notice in the report says so.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterable, Protocol, Sequence

from .errors import PipelineError
from .model import Article, Document, StageRun

MAX_CHARS = 100_000  # characters analysed per article (a long feature is about 30,000)
MAX_SENTENCES = 400  # sentences analysed (and embedded) per article (a long feature has about 250)
_BOUNDARIES = (re.compile(r"\n"), re.compile(r"[.!?…。！？]\s"), re.compile(r"\s"))


class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        self.stages = tuple(stages)
        self._check()

    def _check(self) -> None:
        available: set[str] = {"text"}
        for stage in self.stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier "
                    "stage provides; put the stage that provides it first"
                )
            available.update(stage.provides)

    def run(self, doc: Document | Article) -> Document:
        if isinstance(doc, Article):
            doc = Document(article=doc, notices=doc.notices)
        given = doc
        if len(doc.text) > MAX_CHARS:
            doc = _cut(given, _boundary(given.text, MAX_CHARS))
        for stage in self.stages:
            doc = _step(stage, doc)
            if "sentences" in stage.provides and len(doc.sentences) > MAX_SENTENCES:
                doc = _cut(given, doc.sentences[MAX_SENTENCES - 1].end)
                return functools.reduce(lambda done, again: _step(again, done), self.stages, doc)
        return doc

    def run_many(self, docs: Iterable[Document | Article]) -> Iterable[Document]:
        for doc in docs:
            yield self.run(doc)

    def close(self) -> None:
        """Close the stages that hold something open (those with a ``close`` method)."""
        for stage in self.stages:
            if hasattr(stage, "close"):
                stage.close()


def _step(stage: Stage, doc: Document) -> Document:
    doc = stage(doc)
    return doc.evolve(stages=doc.stages + (StageRun(stage.name, stage.version),))


def _boundary(text: str, limit: int) -> int:
    """Where to cut ``text`` at or before ``limit``: after a line, else a sentence, else a word."""
    for boundary in _BOUNDARIES:
        ends = [found.end() for found in boundary.finditer(text, limit // 2, limit)]
        if ends:
            return ends[-1]
    return limit


def _cut(doc: Document, end: int) -> Document:
    """A new document of ``doc``'s first ``end`` characters, with a notice saying so."""
    text = doc.text
    notice = (
        f"only the first {end:,} of {len(text):,} characters were analysed (at most {MAX_CHARS:,} characters "
        f"and {MAX_SENTENCES} sentences per article, see docs/input.md): check the rest as a separate text"
    )
    article = dataclasses.replace(doc.article, text=text[:end].rstrip())
    return Document(article=article, notices=(*doc.notices, notice))
