"""Runs the stages in order over one document.

A stage is any object with ``name``, ``version``, ``requires`` and ``provides``
(tuples of capability names) that is callable as ``stage(doc) -> Document``.
The pipeline checks, before running anything, that every stage's requirements are
provided by a stage before it, and records each stage it ran in ``doc.stages``. A stage
may also have ``run_many(docs) -> list[Document]``, which must give what calling it on
each document gives: ``run_many`` hands it a batch of documents at once (one embedding
call for the sentences of them all, one search of the fact-check index).

The work per article is bounded (docs/input.md, *Limits*): at most
:data:`MAX_CHARS` characters and :data:`MAX_SENTENCES` sentences are analysed. A longer
article is cut at a line, sentence or word boundary before that point, its report is
about the part kept, and a notice in the report says so.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from typing import Iterable, Iterator, Protocol, Sequence

from .errors import PipelineError
from .model import Article, Document, StageRun

MAX_CHARS = 100_000  # characters analysed per article (a long feature is about 30,000)
MAX_SENTENCES = 400  # sentences analysed (and embedded) per article (a long feature has about 250)
BATCH = 16  # documents that go through the stages together in run_many
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
        """The analysed document."""
        return self._run_batch([doc])[0]

    def run_many(self, docs: Iterable[Document | Article], batch: int = BATCH) -> Iterator[Document]:
        """``run`` of each document, in order, made ``batch`` documents at a time: a stage
        with a ``run_many`` method (one embedding call, one index search for them all) gets
        the batch's documents together; a stage without one gets them one by one."""
        docs = iter(docs)
        while chunk := list(itertools.islice(docs, batch)):
            yield from self._run_batch(chunk)

    def _run_batch(self, docs: Sequence[Document | Article]) -> list[Document]:
        given = [Document(article=d, notices=d.notices) if isinstance(d, Article) else d for d in docs]
        done = [_cut(d, _boundary(d.text, MAX_CHARS)) if len(d.text) > MAX_CHARS else d for d in given]
        for n, stage in enumerate(self.stages):
            done = _step_many(stage, done)
            if "sentences" not in stage.provides:
                continue
            for j, doc in enumerate(done):  # too many sentences: the first part, again from the start
                if len(doc.sentences) > MAX_SENTENCES:
                    cut = _cut(given[j], doc.sentences[MAX_SENTENCES - 1].end)
                    done[j] = functools.reduce(lambda so_far, again: _step(again, so_far), self.stages[: n + 1], cut)
        return done

    def close(self) -> None:
        """Close the stages that hold something open (those with a ``close`` method)."""
        for stage in self.stages:
            if hasattr(stage, "close"):
                stage.close()


def _step(stage: Stage, doc: Document) -> Document:
    doc = stage(doc)
    return doc.evolve(stages=doc.stages + (StageRun(stage.name, stage.version),))


def _step_many(stage: Stage, docs: list[Document]) -> list[Document]:
    done = stage.run_many(docs) if hasattr(stage, "run_many") else [stage(doc) for doc in docs]
    return [doc.evolve(stages=doc.stages + (StageRun(stage.name, stage.version),)) for doc in done]


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
