"""The HNSW (usearch) side of the search index: saved beside the SQLite file, reopened
memory-mapped without re-embedding, rebuilt only when missing or stale."""

import subprocess
import sys

import numpy as np
import pytest

from claimscope.embed import default_embedder
from claimscope.search.dense import AnnIndex, DenseIndex
from claimscope.search.index import SearchIndex
from claimscope.search.records import SearchRecord
from claimscope.search.sync import open_index, sync
from claimscope.store import open_store
from claimscope.model import FactCheck
from tests.search.test_index import Counting

RECORDS = [
    SearchRecord("daesh", "Images prove that the US is helping Daesh", keywords=("Syria",), date="2017-11-14"),
    SearchRecord("grodno", "Poland has begun to claim the Hrodna region", date="2020-08-28"),
    SearchRecord("fries", "McDonald's restaurants are offering $1 fries of any size.", title="$1 Fries"),
    SearchRecord("anaconda", "A viral video shows a 10-meter-long anaconda swimming across a river in Brazil."),
    SearchRecord("moon", "A photograph shows the Apollo 11 landing was staged in a studio.", date="2019-07-20"),
]
QUERY = "Des photos montrent que les États-Unis aident l'EI"


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


def _vectors(n, dim=16, seed=0):
    vecs = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def test_ann_saves_and_reopens_memory_mapped(tmp_path):
    vecs = _vectors(300)
    ann = AnnIndex(16)
    ann.add(list(range(300)), vecs)
    ann.save(tmp_path / "a.usearch")
    reopened = AnnIndex.open(tmp_path / "a.usearch", 16, ann.moments_bytes())
    assert reopened.memory_mapped and len(reopened) == 300
    assert reopened.search(vecs[7], 5) == ann.search(vecs[7], 5)
    assert reopened.background(vecs[7]) == pytest.approx(ann.background(vecs[7]))
    reopened.add([300], vecs[:1])  # a change copies the mapped index into memory
    assert not reopened.memory_mapped and len(reopened) == 301
    reopened.remove([7])
    assert 7 not in {k for k, _ in reopened.search(vecs[7], 5)}


def test_ann_background_matches_exact():
    vecs = _vectors(500, seed=1)
    dense, ann = DenseIndex(16), AnnIndex(16)
    dense.add(list(range(500)), vecs)
    ann.add(list(range(500)), vecs)
    assert ann.background(vecs[0]) == pytest.approx(dense.background(vecs[0]))
    assert ann.search(vecs[0], 1)[0][0] == 0


def test_large_index_uses_hnsw_and_reopens_without_rebuilding(tmp_path, embedder):
    path = tmp_path / "factchecks.search.sqlite"
    counting = Counting(embedder)
    index = SearchIndex(path, counting, ann_threshold=3)
    index.upsert(RECORDS)
    assert isinstance(index.dense, AnnIndex)
    index.flush()
    ann_file = tmp_path / "factchecks.search.usearch"
    stamp = ann_file.stat().st_mtime_ns
    first = index.search(QUERY, k=3, min_confidence=0.0)
    assert first[0].id == "daesh"

    exact = SearchIndex(tmp_path / "exact.sqlite", embedder)
    exact.upsert(RECORDS)
    assert [(h.id, round(h.confidence, 6)) for h in exact.search(QUERY, k=3, min_confidence=0.0)] == [
        (h.id, round(h.confidence, 6)) for h in first
    ]

    reopened = SearchIndex(path, counting, ann_threshold=3)
    assert reopened.dense.memory_mapped and ann_file.stat().st_mtime_ns == stamp
    assert counting.passages == len(RECORDS)  # nothing re-embedded on reopen
    assert [h.id for h in reopened.search(QUERY, k=3, min_confidence=0.0)] == [h.id for h in first]


def test_stale_or_missing_hnsw_file_is_rebuilt(tmp_path, embedder):
    path = tmp_path / "s.sqlite"
    index = SearchIndex(path, embedder, ann_threshold=3)
    index.upsert(RECORDS[:4])
    index.flush()
    index.upsert(RECORDS[4:])  # changed after the last flush: the file is stale
    counting = Counting(embedder)
    rebuilt = SearchIndex(path, counting, ann_threshold=3)
    assert len(rebuilt.dense) == len(RECORDS) and counting.passages == 0
    assert rebuilt.search("The Apollo 11 Moon landing was filmed in a studio", k=1, min_confidence=0.0)[0].id == "moon"
    (tmp_path / "s.usearch").unlink()
    again = SearchIndex(path, counting, ann_threshold=3)
    assert len(again.dense) == len(RECORDS) and (tmp_path / "s.usearch").exists()
    assert SearchIndex(path, counting, ann_threshold=3).dense.memory_mapped


def test_small_index_stays_exact(tmp_path, embedder):
    path = tmp_path / "s.sqlite"
    index = SearchIndex(path, embedder, ann_threshold=3)
    index.upsert(RECORDS)
    index.flush()
    index.remove(["moon", "fries", "grodno"])
    reopened = SearchIndex(path, embedder, ann_threshold=3)
    assert isinstance(reopened.dense, DenseIndex) and len(reopened) == 2
    assert not (tmp_path / "s.usearch").exists()


def test_sync_saves_the_hnsw_file(tmp_path, embedder):
    store = open_store(tmp_path / "factchecks.sqlite")
    facts = [FactCheck(id=r.id, claim=r.claim, review_date=r.date or None, language="en") for r in RECORDS]
    run = store.start_import("test", "hash", "jsonl")
    store.write_chunk(run.id, [(f, f.claim) for f in facts], len(facts), {})
    store.finish_import(run.id, {})
    index = SearchIndex(tmp_path / "factchecks.search.sqlite", embedder, ann_threshold=3)
    assert sync(store, index) == len(RECORDS)
    assert (tmp_path / "factchecks.search.usearch").exists()
    assert open_index(store, embedder).search(QUERY, k=1, min_confidence=0.0)[0].id == "daesh"


def test_embedder_loads_after_usearch():
    """An HNSW index opened before the first embedding must not crash the process."""
    script = (
        "from claimscope.search.dense import AnnIndex\n"
        "AnnIndex(384)\n"
        "from claimscope.embed import E5Embedder\n"
        "print(E5Embedder(workers=1).embed_queries(['ok']).shape)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "(1, 384)"
