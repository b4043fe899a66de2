"""SearchIndex with the real e5 embedder, on a SQLite file and on PostgreSQL (``open_search``)."""

import numpy as np
import pytest

from claimscope.embed import default_embedder
from claimscope.errors import StoreError
from claimscope.search.dense import DenseIndex
from claimscope.search.fusion import fit_logistic
from claimscope.search.index import SearchIndex
from claimscope.search.records import SearchRecord, passage_text

RECORDS = [
    SearchRecord("daesh", "Images prove that the US is helping Daesh", keywords=("Syria",), date="2017-11-14"),
    SearchRecord("grodno", "Poland has begun to claim the Hrodna region", date="2020-08-28"),
    SearchRecord("fries", "McDonald's restaurants are offering $1 fries of any size.", title="$1 Fries", date="2015-05-26"),
    SearchRecord("anaconda", "A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.", date="2021-03-06"),
    SearchRecord("moon", "A photograph shows the Apollo 11 landing was staged in a studio.", date="2019-07-20"),
]


class Counting:
    """The real embedder, counting the passages it embeds."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.passages = inner, inner.name, inner.dim, 0

    def embed_queries(self, texts):
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):
        self.passages += len(texts)
        return self.inner.embed_passages(texts)


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


def test_identical_passages_are_embedded_once(open_search, embedder):
    counting = Counting(embedder)
    index = open_search(counting)
    twin = SearchRecord("daesh-2", RECORDS[0].claim, date="2017-11-15")
    assert index.upsert([*RECORDS, twin], batch_size=2) == len(RECORDS) + 1
    assert counting.passages == len(RECORDS)
    hits = index.search(RECORDS[0].claim, k=2, min_confidence=0.0)
    assert {h.id for h in hits} == {"daesh", "daesh-2"} and hits[0].cosine == pytest.approx(hits[1].cosine)


def test_index_persists_and_is_incremental(open_search, embedder):
    index = open_search(embedder, "factchecks")
    assert index.upsert(RECORDS) == len(RECORDS)
    assert index.upsert(RECORDS) == 0
    first = index.search("Des photos montrent que les États-Unis aident l'EI", k=3, min_confidence=0.0)
    assert first[0].id == "daesh"

    reopened = open_search(embedder, "factchecks")
    assert len(reopened) == len(RECORDS)
    again = reopened.search("Des photos montrent que les États-Unis aident l'EI", k=3, min_confidence=0.0)
    assert [h.id for h in again] == [h.id for h in first]

    changed = SearchRecord("moon", "The Moon landing photos were faked.", date="2019-07-20")
    assert reopened.upsert([*RECORDS[:-1], changed]) == 1
    assert reopened.remove(["grodno", "unknown"]) == 1
    assert "grodno" not in {h.id for h in reopened.search("Polska chce Grodna", k=10, min_confidence=0.0)}


def test_filters_and_threshold(open_search, embedder):
    index = open_search(embedder)
    index.upsert(RECORDS)
    assert all(h.id != "daesh" for h in index.search("US helping Daesh", since="2018-01-01"))
    assert index.search("US helping Daesh", min_confidence=1.01) == []
    hits = index.search("Video: a giant anaconda crosses a river in Brazil", k=5, min_confidence=0.0)
    assert hits[0].id == "anaconda"
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_search_many_merges_per_record(open_search, embedder):
    index = open_search(embedder)
    index.upsert(RECORDS)
    texts = ["Polska zaczęła rościć sobie prawa do Grodna.", "To nie pierwsza taka historia w regionie."]
    merged = index.search_many(texts, k=5, min_confidence=0.0)
    assert merged[0][0].id == "grodno" and merged[0][1] in (0, 1)
    assert len({h.id for h, _ in merged}) == len(merged)


def test_a_recurring_message_takes_a_far_date_as_no_evidence_against(open_search, embedder):
    index = open_search(embedder)
    index.upsert(RECORDS)
    text = ["Une vidéo virale montre un anaconda de dix mètres qui traverse une rivière au Brésil."]
    dated = index.search_many(text, k=5, min_confidence=0.0, date="2024-06-01")
    recurs = index.search_many(text, k=5, min_confidence=0.0, date="2024-06-01", recurring=[True])
    near = index.search_many(text, k=5, min_confidence=0.0, date="2021-03-06", recurring=[True])
    first = {h.id: h.confidence for h, _ in dated}["anaconda"]
    assert first < {h.id: h.confidence for h, _ in recurs}["anaconda"] < {h.id: h.confidence for h, _ in near}["anaconda"]
    assert [h.id for h, _ in recurs] == [h.id for h, _ in dated]  # the ranking does not change


class _Renamed:
    name = "another-model"
    dim = 384

    def __init__(self, inner):
        self.embed_queries, self.embed_passages = inner.embed_queries, inner.embed_passages


def test_model_change_needs_reindex(open_search, embedder):
    open_search(embedder).upsert(RECORDS[:1])
    with pytest.raises(StoreError, match="reindex"):
        open_search(_Renamed(embedder))


def test_unopenable_path_is_a_store_error(tmp_path, embedder):
    with pytest.raises(StoreError):
        SearchIndex(tmp_path / "missing" / "dir" / "s.sqlite", embedder)


def test_dense_background_matches_brute_force():
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(200, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    dense = DenseIndex(16)
    dense.add(list(range(200)), vecs)
    q = vecs[3]
    mean, sd = dense.background(q)
    sims = vecs @ q
    assert mean == pytest.approx(sims.mean(), abs=1e-5)
    assert sd == pytest.approx(sims.std(ddof=1), rel=1e-3)
    assert dense.search(q, 1)[0][0] == 3
    dense.remove([3])
    assert len(dense) == 199 and dense.search(q, 1)[0][0] != 3


def test_fit_logistic_separates():
    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    w = fit_logistic(x, np.array([0, 0, 1, 1]))
    assert w[0] > 0 and -w[1] / w[0] == pytest.approx(1.5, abs=0.2)


def test_passage_text_drops_repeats():
    r = SearchRecord("x", "Claim text here.", title="Claim text here", subtitle="More")
    assert passage_text(r) == "Claim text here. More."


def test_document_frequencies_follow_writes(tmp_path):
    import sqlite3
    from collections import Counter

    from claimscope.search.lexical import LexicalIndex, query_tokens

    db = sqlite3.connect(tmp_path / "lex.sqlite")
    lex = LexicalIndex(db)
    with db:
        lex.add([(1, "The US is helping Daesh", "Syria"), (2, "Poland claims Hrodna", "Belarus Poland")])
        lex.add([(1, "The US helps Daesh in Syria", "")])  # replaced
        lex.add([(3, "Daesh images", "Syria")])
        lex.remove([2])

    def expected():
        return Counter(t for _, text in lex.texts() for t in set(query_tokens(text)))

    words = ["daesh", "syria", "poland", "hrodna", "helping", "helps", "the"]
    assert {t: n for t, n in lex.document_frequencies(words).items() if n} == {t: expected()[t] for t in words if expected()[t]}
    db.execute("DELETE FROM lexical_df")
    db.commit()
    rebuilt = LexicalIndex(db)  # an index written before the table existed is counted on open
    assert rebuilt.document_frequencies(words) == {t: expected()[t] for t in words if expected()[t]}


def test_bm25_can_leave_out_common_words(tmp_path):
    import sqlite3

    from claimscope.search.lexical import LexicalIndex

    db = sqlite3.connect(tmp_path / "lex.sqlite")
    lex = LexicalIndex(db)
    with db:
        lex.add([(1, "the US is helping Daesh", ""), (2, "the Hrodna region", ""), (3, "the moon landing", "")])
    assert {k for k, _ in lex.search("the Daesh", 10)} == {1, 2, 3}
    assert {k for k, _ in lex.search("the Daesh", 10, max_df=2)} == {1}
    assert lex.search("the", 10, max_df=2) == []


def test_remove_takes_any_iterable(open_search, embedder):
    index = open_search(embedder)
    index.upsert(RECORDS)
    assert index.remove(r.id for r in RECORDS[:3]) == 3
    assert len(index) == len(RECORDS) - 3


def test_vectors_of_another_embedder_or_passage_format_are_refused(open_search, embedder, monkeypatch):
    import claimscope.search.index_storage as storage_module
    import claimscope.search.pg_index as pg_index_module

    open_search(embedder, "idx")

    class Other:
        name, dim = "another-model", embedder.dim

    with pytest.raises(StoreError, match="built with .*, not another-model.*reindex --rebuild"):
        open_search(Other(), "idx")
    for module in (storage_module, pg_index_module):
        monkeypatch.setattr(module, "PASSAGE_FORMAT", storage_module.PASSAGE_FORMAT + 1)
    with pytest.raises(StoreError, match="passage format"):
        open_search(embedder, "idx")


def test_a_passage_listed_twice_comes_in_id_order(open_search, embedder):
    # two records of one passage tie on every feature: their order must not depend on the
    # order the retrievers happened to give them (nor on the machine)
    twins = [SearchRecord(rid, "Wind turbines cause cancer in people living nearby.", date="2020-05-01")
             for rid in ("twin-b", "twin-a")]
    index = open_search(embedder)
    index.upsert([*RECORDS, *twins])
    hits = index.search("Do wind turbines give cancer to their neighbours?", k=2, min_confidence=0.0)
    assert [h.id for h in hits] == ["twin-a", "twin-b"] and hits[0].score == hits[1].score


def test_equal_similarities_come_in_key_order_even_at_the_cut():
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(4, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = DenseIndex(16)
    index.add([9, 4, 7], np.vstack([vecs[0]] * 3))  # one passage under three keys
    index.add([1, 2, 3], vecs[1:])
    assert [k for k, _ in index.search(vecs[0], k=2)] == [4, 7]
    assert [k for k, _ in index.search(vecs[0], k=4)][:3] == [4, 7, 9]
    assert [[k for k, _ in hits] for hits in index.search_many(np.vstack([vecs[0]] * 2), k=2)] == [[4, 7]] * 2


def test_a_cosine_does_not_depend_on_the_other_candidates():
    rng = np.random.default_rng(5)
    vecs = rng.normal(size=(301, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = DenseIndex(384)
    index.add(list(range(300)), vecs[:300])
    keys = [int(k) for k in rng.permutation(300)[:150]]
    together = index.cosines(vecs[300], keys)
    assert [float(c) for c in together] == [float(index.cosines(vecs[300], [k])[0]) for k in keys]
    assert [float(c) for c in index.cosines(vecs[300], keys[::-1])] == [float(c) for c in together[::-1]]
