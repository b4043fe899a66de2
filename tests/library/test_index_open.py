"""Opening an exact search index reads the collection moments saved by the previous
open of the same vectors instead of computing them again; a change makes them stale."""

from __future__ import annotations

import shutil

import numpy as np

from claimscope.search.records import SearchRecord
from claimscope.search.sync import index_path, open_for_matching


def _copy(example_db, tmp_path) -> str:
    db = tmp_path / "factchecks.sqlite"
    shutil.copy(example_db, db)
    shutil.copy(index_path(example_db), index_path(str(db)))
    return str(db)


def _moments(db: str) -> bytes:
    store, index = open_for_matching(db)
    try:
        return index.dense.moments_bytes()
    finally:
        index.close()
        store.close()


def test_saved_moments_are_the_computed_ones_and_a_change_recomputes_them(example_db, tmp_path, monkeypatch):
    db = _copy(example_db, tmp_path)
    store, index = open_for_matching(db)
    with index.db:
        index.db.execute("DELETE FROM blobs WHERE k = 'dense_moments'")
    index.close()
    store.close()
    computed = _moments(db)  # computed from the vectors, and saved

    from claimscope.search import dense

    monkeypatch.setattr(dense._Moments, "update", lambda *a, **k: (_ for _ in ()).throw(AssertionError("recomputed")))
    assert _moments(db) == computed
    monkeypatch.undo()

    store, index = open_for_matching(db)
    index.upsert([SearchRecord(id="new", claim="A bridge in the harbour was closed for repairs.", date="2024-01-01")])
    index.close()
    store.close()
    changed = _moments(db)
    assert changed != computed
    n = np.frombuffer(changed, dtype=np.float64)[0]
    assert n == np.frombuffer(computed, dtype=np.float64)[0] + 1
