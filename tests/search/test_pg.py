"""What is PostgreSQL's own in the search index: BM25 computed in SQL ranks exactly as
FTS5's bm25(), the HNSW side agrees with exact search, and writers in other processes
are seen."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from claimscope.errors import StoreError
from claimscope.search.index import SearchIndex
from claimscope.search.pg_index import HNSW_EF_CONSTRUCTION, HNSW_M, PostgresSearchIndex, hnsw_memory_mb
from claimscope.search.records import SearchRecord


class HashEmbedder:
    """Deterministic unit vectors from a digest of the text (no model needed)."""

    name, dim = "hash-embedder", 16

    def _embed(self, texts):
        vecs = np.asarray([np.frombuffer(hashlib.sha512(t.encode()).digest()[:64], dtype=np.int32) for t in texts],
                          dtype=np.float32).reshape(len(texts), self.dim)
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)

    embed_queries = embed_passages = _embed


WORDS = ("river flood dam rain storm harvest wheat price bread tax school teacher vaccine clinic "
         "élection député sénat réforme Straße Brücke Überschwemmung café naïve helping helped helps").split()


def _corpus(n: int, seed: int = 0) -> list[SearchRecord]:
    rng = np.random.default_rng(seed)
    return [
        SearchRecord(f"r{i}", " ".join(rng.choice(WORDS, size=int(rng.integers(3, 14)))),
                     title=" ".join(rng.choice(WORDS, size=int(rng.integers(0, 4)))),
                     keywords=tuple(rng.choice(WORDS, size=int(rng.integers(0, 3)))), date=f"2021-03-{1 + i % 28:02d}")
        for i in range(n)
    ]


def _by_id(index, hits):
    return [(index._meta[k].id, round(s, 9)) for k, s in hits]


def test_bm25_in_sql_ranks_as_fts5(tmp_path, postgres_url):
    records = _corpus(120)
    sqlite_index = SearchIndex(tmp_path / "s.search.sqlite", HashEmbedder())
    pg_index = PostgresSearchIndex(postgres_url, HashEmbedder())
    for index in (sqlite_index, pg_index):
        index.upsert(records, batch_size=16)
        index.upsert([SearchRecord("r3", "bread price tax reform", keywords=("wheat",))])  # changed
        index.remove(["r5", "r6"])
    for query in ("bread price", "Die Brücke nach der Überschwemmung", "helping the river clinic",
                  "naive cafe election", "wheat wheat harvest storm", "nothing matches here"):
        for max_df in (None, 20):
            expected = _by_id(sqlite_index, sqlite_index.lexical.search(query, 30, max_df))
            assert _by_id(pg_index, pg_index.lexical.search(query, 30, max_df)) == expected
    words = ["bread", "wheat", "brucke", "the"]
    assert {w: n for w, n in pg_index.lexical.document_frequencies(words).items() if n} == {
        w: n for w, n in sqlite_index.lexical.document_frequencies(words).items() if n}
    for query in ("bread tax", "flood at the dam"):
        assert [(h.id, round(h.score, 6)) for h in pg_index.search(query, k=10, min_confidence=0.0)] == [
            (h.id, round(h.score, 6)) for h in sqlite_index.search(query, k=10, min_confidence=0.0)]
    pg_index.close()


def test_hnsw_mode_agrees_with_exact_search(postgres_url):
    records = _corpus(60, seed=1)
    exact = PostgresSearchIndex(postgres_url, HashEmbedder())
    exact.upsert(records)
    hnsw = PostgresSearchIndex(postgres_url, HashEmbedder(), ann_threshold=10)
    query = np.asarray(HashEmbedder().embed_queries(["a query"])[0])
    assert [k for k, _ in hnsw.dense.search(query, 5)] == [k for k, _ in exact.dense.search(query, 5)]
    assert [h.id for h in hnsw.search("vaccine clinic school", k=5, min_confidence=0.0)] == [
        h.id for h in exact.search("vaccine clinic school", k=5, min_confidence=0.0)]
    with hnsw.pool.connection() as conn:
        definition = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_records_hnsw_16'").fetchone()[0]
        reset = conn.execute("SELECT setting = reset_val FROM pg_settings WHERE name = 'maintenance_work_mem'").fetchone()[0]
    assert f"m='{HNSW_M}'" in definition and f"ef_construction='{HNSW_EF_CONSTRUCTION}'" in definition
    assert reset  # raised for the build's transaction only
    exact.close()
    hnsw.close()


def test_exact_mode_searches_the_vectors_in_memory_as_an_exact_scan_in_sql(postgres_url):
    index = PostgresSearchIndex(postgres_url, HashEmbedder())
    index.upsert(_corpus(80, seed=2), batch_size=16)
    query = np.asarray(HashEmbedder().embed_queries(["a query"])[0])
    with index.pool.connection() as conn:
        scan = conn.execute("SELECT key FROM search_records ORDER BY v <#> %s::vector LIMIT 20", (query,)).fetchall()
    assert [k for k, _ in index.dense.search(query, 20)] == [k for (k,) in scan]
    assert [[k for k, _ in hits] for hits in index.dense.search_many(np.stack([query, -query]), 5)][0] == [
        k for (k,) in scan[:5]]
    index.close()


def test_a_rewritten_record_keeps_its_key_and_the_copies_in_memory_follow(postgres_url):
    index = PostgresSearchIndex(postgres_url, HashEmbedder())
    index.upsert(_corpus(30), batch_size=8)
    key = next(k for k, m in index._meta.items() if m.id == "r7")
    index.upsert([SearchRecord("r7", "Quartz zebras juggle lanterns.")])
    assert next(k for k, m in index._meta.items() if m.id == "r7") == key and len(index) == 30
    vector = HashEmbedder().embed_passages(["Quartz zebras juggle lanterns."])[0]
    assert index.dense.search(vector, 1)[0][0] == key  # the vector in memory is the new one
    assert index.lexical.search("zebras lanterns", 5)[0][0] == key  # and so are the postings
    with index.pool.connection() as conn:
        assert conn.execute("SELECT count(*) FROM search_postings WHERE key = %s", (key,)).fetchone()[0] == 4
    index.close()


def test_an_upsert_reaching_the_threshold_builds_the_hnsw_index_once_at_its_end(postgres_url, monkeypatch):
    from claimscope.search import pg_index

    built = []
    build = pg_index.build_hnsw
    monkeypatch.setattr(pg_index, "build_hnsw", lambda conn, dim, rows, *a: built.append(rows) or build(conn, dim, rows, *a))
    index = PostgresSearchIndex(postgres_url, HashEmbedder(), ann_threshold=50)
    index.upsert(_corpus(120, seed=3), batch_size=16)
    assert built == [120] and len(index) == 120 and index._exact is None
    index.upsert(_corpus(130, seed=3)[120:], batch_size=16)  # from then on PostgreSQL keeps it up to date
    assert built == [120]
    query = np.asarray(HashEmbedder().embed_queries(["a query"])[0])
    assert len(index.dense.search(query, 10)) == 10
    index.close()


def test_the_build_memory_holds_a_million_vectors_graph():
    assert 2_000 < hnsw_memory_mb(1_000_000, 384) < 4_000  # the 384-dim vectors alone are 1,465 MB
    assert hnsw_memory_mb(10, 16) == 64


def test_an_index_sees_what_other_writers_wrote(postgres_url):
    reader = PostgresSearchIndex(postgres_url, HashEmbedder())
    writer = PostgresSearchIndex(postgres_url, HashEmbedder())
    writer.upsert([*_corpus(9), SearchRecord("odd", "Zebras play the xylophone in quartz caves.")])
    assert len(reader) == 10
    assert reader.search("zebra xylophone quartz caves", k=1, min_confidence=0.0)[0].id == "odd"
    writer.remove(["r4"])
    assert len(reader) == 9 and "r4" not in {h.id for h in reader.search("bread price", min_confidence=0.0)}
    moments = reader.dense.moments()
    vectors = reader._vectors_of(list(reader._meta))
    assert moments.n == 9 and np.allclose(moments.s1, vectors.sum(axis=0), atol=1e-4)
    reader.close()
    writer.close()


def test_an_unreachable_database_is_a_store_error():
    with pytest.raises(StoreError, match="cannot open the fact-check database postgresql://x@127.0.0.1:1/db"):
        PostgresSearchIndex("postgresql://x:pw@127.0.0.1:1/db", HashEmbedder())


def test_the_cli_imports_indexes_searches_and_rebuilds_on_postgresql(postgres_url, tmp_path):
    import json

    from click.testing import CliRunner

    from claimscope import cli

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"claim": "Drinking sea water cures the flu.", "rating": "False", "review_url": "https://c.example/1",
         "language": "en", "review_date": "2023-01-05"},
        {"claim": "The new bridge was paid for by a foreign lottery.", "rating": "Misleading",
         "review_url": "https://c.example/2", "language": "en"},
    ]), encoding="utf-8")

    def run(*args):
        done = CliRunner().invoke(cli.main, ["factchecks", *args, "--db", postgres_url])
        assert done.exit_code == 0, done.output
        return done.output

    assert "indexed 2 new or changed" in run("import", str(feed))
    found = json.loads(run("search", "L'eau de mer guérit-elle la grippe ?", "--json"))
    assert found[0]["claim"].startswith("Drinking sea water") and "confidence" in found[0]
    assert "indexed 2 new or changed" in run("reindex", "--rebuild")
