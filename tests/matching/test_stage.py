"""The matching stage: nothing (and nothing loaded) without a store; real matches with one."""

from __future__ import annotations

from claimscope import report
from claimscope.model import Article, FactCheck, Meta
from claimscope.render import FORMATS, render
from claimscope.pipeline import Pipeline
from claimscope.search.fusion import FusionWeights
from claimscope.search.sync import index_path, open_index, sync
from claimscope.stages import default_stages
from claimscope.stages.matching import Matching
from claimscope.store import open_store

FACTCHECKS = [
    FactCheck(id="daesh", claim="Images prove that the US is helping Daesh", verdict="disinformation",
              publisher="EUvsDisinfo", review_date="2017-11-14", review_url="https://checks.example/daesh",
              language="en", countries=("Russia", "US", "Syria")),
    FactCheck(id="anaconda", claim="A viral video shows a 10-meter-long anaconda in Brazil.", verdict="false",
              publisher="Example Checks", review_date="2021-03-06", language="en"),
    FactCheck(id="wind", claim="Wind turbines cause cancer.", verdict="false", publisher="Example Checks",
              review_date="2020-05-01", language="en"),
]

# Written for this test (facts of the 2017 case, our own sentences).
ARTICLE = (
    "Moscou accuse Washington de soutenir l'État islamique en Syrie.\n\n"
    "Le ministère russe de la Défense a publié mardi des images qui prouveraient que les États-Unis "
    "aident Daech près d'Abou Kamal, selon un communiqué publié à Moscou.\n\n"
    "Le Pentagone a démenti ces accusations et parlé de propagande."
)


def _store_with_index(tmp_path):
    store = open_store(tmp_path / "factchecks.sqlite")
    run = store.start_import("test", "h", "jsonl")
    store.write_chunk(run.id, [(r, r.claim) for r in FACTCHECKS], len(FACTCHECKS), {})
    store.finish_import(run.id, {})
    index = open_index(store)
    sync(store, index)
    return store, index


def _pipeline(matching):
    return Pipeline([matching if s.name == "matching" else s for s in default_stages()])


def test_without_a_store_nothing_is_matched_or_created(tmp_path):
    db = tmp_path / "absent.sqlite"
    stage = Matching(db=str(db))
    doc = _pipeline(stage).run(Article(ARTICLE, Meta(date="2017-11-14")))
    assert doc.matches == () and doc.has_stage("matching")
    assert not db.exists() and stage._index is None


def test_a_store_without_index_is_not_matched(tmp_path):
    store, _ = _store_with_index(tmp_path)
    index_path(store.location).unlink()
    doc = _pipeline(Matching(db=store.location)).run(Article(ARTICLE, Meta(date="2017-11-14")))
    assert doc.matches == ()


def test_an_index_of_another_embedder_leaves_a_notice_and_the_rest_of_the_report(tmp_path):
    store, index = _store_with_index(tmp_path)
    with index.db:
        index.db.execute("UPDATE meta SET v = 'an-older-model' WHERE k = 'model'")
    doc = _pipeline(Matching(db=store.location)).run(Article(ARTICLE, Meta(date="2017-11-14")))
    assert doc.matches == () and doc.claims and doc.attributions
    assert len(doc.notices) == 1
    assert doc.notices[0].startswith("fact-check matching skipped: the search index was built with an-older-model")
    assert "reindex --rebuild" in doc.notices[0]
    view = report.build(doc)
    assert view["notices"] == list(doc.notices)
    for fmt in FORMATS:
        assert "an-older-model" in render(view, fmt), fmt


def test_every_document_of_a_batch_gets_the_notice_not_only_the_first(tmp_path):
    store, index = _store_with_index(tmp_path)
    with index.db:
        index.db.execute("UPDATE meta SET v = 'an-older-model' WHERE k = 'model'")
    pipeline = _pipeline(Matching(db=store.location))
    docs = list(pipeline.run_many([Article(ARTICLE, Meta(date="2017-11-14"))] * 3))
    assert [len(d.notices) for d in docs] == [1, 1, 1]
    assert all("an-older-model" in d.notices[0] for d in docs)


def test_matches_the_checked_claim_and_flags_known_disinformation(tmp_path):
    store, _ = _store_with_index(tmp_path)
    doc = _pipeline(Matching(db=store.location)).run(Article(ARTICLE, Meta(date="2017-11-14")))
    assert [m.factcheck_id for m in doc.matches] == ["daesh"]
    match = doc.matches[0]
    assert match.verdict == "disinformation" and match.publisher == "EUvsDisinfo"
    assert match.review_url == "https://checks.example/daesh"
    assert FusionWeights().article_threshold <= match.confidence <= 1
    assert doc.sentences[match.sentence].start == match.start and match.stage == "matching@2"
    flags = [f.kind for f in doc.sourcing[0].flags]
    assert flags[0] == "known_disinformation"
    assert any("already fact-checked" in line for line in doc.triage)


def test_store_and_index_can_be_passed_in(tmp_path):
    store, index = _store_with_index(tmp_path)
    doc = _pipeline(Matching(store=store, index=index)).run(Article(ARTICLE, Meta(date="2017-11-14")))
    assert [m.factcheck_id for m in doc.matches] == ["daesh"]


class _Counting:
    """The real embedder, counting the query texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.queries = inner, inner.name, inner.dim, []

    def embed_queries(self, texts):
        self.queries.extend(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)


ENGLISH = (
    "Officials said on Tuesday that images prove that the US is helping Daesh in Syria.\n\n"
    "The Pentagon called the claim propaganda and said the photos came from a video game."
)


def test_sentence_vectors_of_the_claims_stage_are_not_embedded_again(tmp_path):
    store, index = _store_with_index(tmp_path)
    counting = _Counting(index.embedder)
    index.embedder = counting
    doc = _pipeline(Matching(store=store, index=index)).run(Article(ENGLISH, Meta(date="2017-11-14")))
    assert doc.vectors_model == counting.name and [m.factcheck_id for m in doc.matches] == ["daesh"]
    reused = [index.prepare(doc.text[c.start:c.end]) for c in doc.claims if c.checkworthy]
    assert reused and not set(reused) & set(counting.queries)
    fresh = index.search_many([doc.text[c.start:c.end] for c in doc.claims if c.checkworthy], date="2017-11-14")
    assert [(h.id, round(h.confidence, 6)) for h, _ in fresh] == [
        (m.factcheck_id, round(m.confidence, 6)) for m in doc.matches]
