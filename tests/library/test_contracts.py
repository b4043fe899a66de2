"""Stage contracts hold: each stage, given a document carrying only what it declares it
requires, neither fails nor gives anything else than what it gives on the full document
(so it reads nothing it did not declare)."""

from __future__ import annotations

import dataclasses

import pytest

from claimscope import Analyzer, Article, Meta, Settings
from claimscope.model import Document
from tests.library.conftest import ARTICLE

# The Document fields each capability stands for; findings and each sentence's language
# belong to the stage that made them (the capability of the same name).
FIELDS = {
    "paragraphs": ("paragraphs",),
    "sentences": ("sentences",),
    "language": ("language", "language_score"),
    "attributions": ("attributions",),
    "claims": ("claims", "sentence_vectors", "vectors_model"),
    "sourcing": ("sourcing",),
    "matches": ("matches",),
    "triage": ("triage",),
}


def carrying(doc: Document, capabilities) -> Document:
    """A document of ``doc``'s article with only the fields of ``capabilities``."""
    fields = {f: getattr(doc, f) for cap in capabilities for f in FIELDS.get(cap, ())}
    if "sentences" in capabilities and "language" not in capabilities:
        fields["sentences"] = tuple(dataclasses.replace(s, lang=None, lang_score=None) for s in doc.sentences)
    found = tuple(f for f in doc.findings if f.stage.partition("@")[0] in capabilities)
    return Document(article=doc.article, findings=found, **fields)


def given(doc: Document, stage) -> dict:
    """What ``stage`` provides in ``doc``: its fields and the findings it tagged."""
    fields = {f: getattr(doc, f) for cap in stage.provides for f in FIELDS.get(cap, ()) if f != "sentence_vectors"}
    return {**fields, "findings": [f for f in doc.findings if f.stage.startswith(stage.name + "@")]}


@pytest.fixture(scope="module")
def runs(example_db):
    """(stage, its input, the final document) along a full run with matching."""
    with Analyzer(Settings(db=example_db)) as analyzer:
        doc = analyzer._document(Article(ARTICLE, Meta(title=ARTICLE.splitlines()[0], date="2017-11-14")))
        inputs = []
        for stage in analyzer.pipeline.stages:
            inputs.append((stage, doc))
            doc = stage(doc)
        assert doc.matches and doc.attributions and doc.triage and any(c.checkworthy for c in doc.claims)
        yield [(stage, before, doc) for stage, before in inputs]


@pytest.mark.parametrize("position", range(8))
def test_a_stage_reads_only_what_it_requires(runs, position):
    stage, before, final = runs[position]
    later = {cap for other, _, _ in runs[position + 1:] for cap in other.provides} - set(stage.provides)
    known = {"text", *(cap for other, _, _ in runs[:position] for cap in other.provides)}
    assert set(stage.requires) <= known, stage.name
    rich = carrying(final, later)
    everything = before.evolve(**{f: getattr(rich, f) for cap in later for f in FIELDS.get(cap, ())},
                               findings=before.findings + rich.findings)
    alone = stage(carrying(before, stage.requires))
    assert given(alone, stage) == given(stage(everything), stage), stage.name


def test_every_stage_is_covered(runs):
    assert len(runs) == 8 and runs[-1][0].name == "triage"
