"""The reference article against the EUvsDisinfo cases: its 2017 case is the top match.

Imports the shared EUvsDisinfo CSV (10,892 cases) into a tmp store and indexes it with
the evaluation's embedding cache (bench/eval_retrieval.py): seconds with a warm cache,
several minutes when the cache is cold.
"""

from __future__ import annotations

import pytest

from claimscope import ingest
from claimscope.embed import CachedEmbedder, cache_path, default_embedder
from claimscope.factchecks import ImportOptions, import_sources
from claimscope.pipeline import Pipeline
from claimscope.search.sync import open_index, sync
from claimscope.settings import Settings
from claimscope.stages import default_stages
from claimscope.stages.matching import Matching, article_date
from claimscope.store import open_store

CASE = "Images prove that the US is helping Daesh"
# EUvsDisinfo cases of the same days covering the article's two other claims (the US-led
# coalition let the IS convoy flee; the US plans a zone east of the Euphrates under
# pro-US forces): reporting them is not reporting something unrelated (docs/matching.md)
RELATED = {("The US is saving Daesh from a final defeat", "2017-11-14"), ("The US occupies Syria", "2017-11-16")}


@pytest.fixture
def seed_run(shared_dir, tmp_path):
    store = open_store(tmp_path / "factchecks.sqlite")
    import_sources(store, [str(shared_dir / "data" / "disinfo" / "euvsdisinfo-cases-2015-2021.csv")], ImportOptions())
    index = open_index(store, CachedEmbedder(default_embedder(), cache_path(Settings.from_env().embedding_cache)))
    assert sync(store, index) == store.count() > 10_000
    stages = [Matching(store=store, index=index) if s.name == "matching" else s for s in default_stages()]
    doc = Pipeline(stages).run(
        ingest.load(str(shared_dir / "seed" / "albu-kamal-fr.txt")))
    yield store, index, doc
    store.close()


def test_seed_ranks_the_2017_case_first_and_reports_nothing_unrelated(seed_run):
    store, index, doc = seed_run
    assert article_date(doc) == "2017-11-14"
    claims = [doc.text[c.start:c.end] for c in doc.claims if c.checkworthy]
    hits = index.search_many(claims, k=5, min_confidence=0.0, date=article_date(doc))
    top = store.get(hits[0][0].id)
    assert (top.claim, top.review_date) == (CASE, "2017-11-14")
    assert all((m.claim, m.review_date) in RELATED | {(CASE, "2017-11-14")} for m in doc.matches)


def test_seed_check_reports_the_2017_case(seed_run):
    _, _, doc = seed_run
    assert doc.matches and (doc.matches[0].claim, doc.matches[0].review_date) == (CASE, "2017-11-14")
    assert "known_disinformation" in [f.kind for f in doc.sourcing[0].flags]
