"""The search index follows a real fact-check store incrementally (SQLite and PostgreSQL)."""

import pytest

from claimscope.errors import StoreError
from claimscope.model import FactCheck
from claimscope.search.sync import index_path, open_index, sync
from claimscope.store import open_store

FACTCHECKS = [
    FactCheck(id="a", claim="Images prove that the US is helping Daesh", review_date="2017-11-14",
              language="en", keywords=("Syrian War",), countries=("Russia", "US")),
    FactCheck(id="b", claim="A viral video shows a 10-meter-long anaconda in Brazil.", title="Giant anaconda?",
              review_date="2021-03-06", language="en"),
]


def _write(store, records):
    run = store.start_import("test", f"hash-{len(records)}-{records[0].claim[:8]}", "jsonl")
    store.write_chunk(run.id, [(r, r.claim) for r in records], len(records), {})
    store.finish_import(run.id, {})


def test_sync_is_incremental_and_survives_reopen(store_location, tmp_path):
    store = open_store(store_location)
    _write(store, FACTCHECKS)
    index = open_index(store)
    if "://" not in store_location:
        assert index_path(store.location) == tmp_path / "factchecks.search.sqlite"
    assert sync(store, index) == 2
    assert sync(store, index) == 0
    assert index.search("Les États-Unis aident l'EI", k=1, min_confidence=0.0)[0].id == "a"

    _write(store, [FactCheck(id="c", claim="Poland has begun to claim the Hrodna region", review_date="2020-08-28")])
    reopened = open_index(store)
    assert len(reopened) == 2
    assert sync(store, reopened) == 1
    assert reopened.search("Polska chce przejąć Grodno", k=1, min_confidence=0.0)[0].id == "c"
    store.close()


def test_no_index_beside_a_database_url():
    with pytest.raises(StoreError):
        index_path("postgresql://db.example/claims")


def test_matching_opens_a_postgresql_store_once_it_has_an_index(postgres_url):
    from claimscope.search.sync import open_for_matching

    assert open_for_matching(postgres_url) is None  # nothing indexed yet
    with open_store(postgres_url) as store:
        _write(store, FACTCHECKS)
        sync(store, open_index(store))
    store, index = open_for_matching(postgres_url)
    assert len(index) == 2 and index.search("Les États-Unis aident l'EI", k=1, min_confidence=0.0)[0].id == "a"
    index.close()
    store.close()
