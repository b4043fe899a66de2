"""Runs the stages in order over one document.

A stage is any object with ``name``, ``version``, ``requires`` and ``provides``
(tuples of capability names) that is callable as ``stage(doc) -> Document``.
The pipeline checks, before running anything, that every stage's requirements are
provided by a stage before it, and records each stage it ran in ``doc.stages``.
"""

from __future__ import annotations

from typing import Iterable, Protocol, Sequence

from .errors import PipelineError
from .model import Article, Document, StageRun


class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def stage_tag(stage: Stage) -> str:
    """The ``name@version`` string every finding of ``stage`` carries."""
    return f"{stage.name}@{stage.version}"


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
            doc = Document(article=doc)
        for stage in self.stages:
            doc = stage(doc)
            doc = doc.evolve(stages=doc.stages + (StageRun(stage.name, stage.version),))
        return doc

    def run_many(self, docs: Iterable[Document | Article]) -> Iterable[Document]:
        for doc in docs:
            yield self.run(doc)


def default_stages() -> list[Stage]:
    """The stages ``claimscope check`` runs, in order."""
    from .stages import default_stages as _default

    return _default()


def analyze(article: Article) -> Document:
    """Run the default pipeline over one article."""
    return Pipeline(default_stages()).run(article)
