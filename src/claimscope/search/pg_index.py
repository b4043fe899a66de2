"""The search index in a PostgreSQL database, beside the fact-check store's tables.

Same behaviour as ``SearchIndex`` (same candidates, features, fusion and confidence);
only where things live differs, all in the database (docs/postgres.md):

- records, their metadata, texts and float32 embeddings: ``search_records`` (pgvector);
- the dense side: below ``ann_threshold`` records an exact search over a copy of the
  vectors in memory (``DenseIndex``, as SQLite's exact mode; kept current by ``_refresh``);
  from there on a pgvector HNSW index on the embeddings, built when the collection first
  reaches that size (inner product; ``HNSW_M``, ``HNSW_EF_CONSTRUCTION`` and ``EF_SEARCH``
  below, measured by bench/bench_postgres.py), candidates' cosines recomputed exactly;
- the collection's moments (anisotropy correction): ``search_blobs``, updated with each write;
- BM25: ``pg_lexical.PgLexicalIndex``, which ranks like FTS5's ``bm25()``.

Writes go in bulk: a batch's records are copied (binary COPY) into a temporary table and
merged into ``search_records`` by one statement, their postings copied too. Writers take
an advisory lock, so concurrent indexers serialise; every write bumps ``vectors_version``,
and each search first loads the records other processes wrote since (``_refresh``, one
snapshot). An ``upsert`` that brings the collection to ``ann_threshold`` builds the HNSW
index once at its end, over everything it loaded, rather than keeping a graph up to
date record by record while it loads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date as date_cls

import numpy as np

from claimscope.embed import Embedder
from claimscope.errors import StoreError
from claimscope.search.aliases import AliasTable, default_aliases
from claimscope.search.dense import DenseIndex, _Moments
from claimscope.search.fusion import FusionWeights
from claimscope.search.index import CANDIDATES, COMMON_MIN, COMMON_SHARE, SearchIndex, date_window
from claimscope.search.index_storage import ANN_THRESHOLD, RecordMeta, record_digest
from claimscope.search.pg_lexical import PgLexicalIndex
from claimscope.search.records import PASSAGE_FORMAT, SearchRecord, passage_text
from claimscope.store.postgres import PostgresStore
from claimscope.threads import ProcessPool

WRITE_LOCK = 0x636C_7378  # advisory lock key held by a writing transaction
# a batch of records is copied into this per-connection table, then merged into search_records
_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS search_stage (id TEXT, digest TEXT, date TEXT, lang TEXT, "
          "entities TEXT, body TEXT, tags TEXT, ntok INTEGER, v VECTOR) ON COMMIT DELETE ROWS")
_MERGE = ("INSERT INTO search_records (id, digest, date, lang, entities, body, tags, ntok, version, v) "
          "SELECT id, digest, date, lang, entities, body, tags, ntok, %s, v FROM search_stage "
          "ON CONFLICT (id) DO UPDATE SET digest = excluded.digest, date = excluded.date, lang = excluded.lang, "
          "entities = excluded.entities, body = excluded.body, tags = excluded.tags, ntok = excluded.ntok, "
          "version = excluded.version, v = excluded.v RETURNING id, key")
# The HNSW graph (docs/postgres.md, "Benchmarks"; bench/bench_postgres.py vectors): over
# 1,000,000 generated e5-like vectors on the 2-core machine, ef_construction 128 and
# ef_search 400 give recall@10 0.988 against exact search with a p95 of 39 ms for the
# 100 candidates of a search (15 ms of server CPU); the graph of ef_construction 64 needed
# ef_search 512 for 0.964 at over twice the latency.
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 128
EF_SEARCH = 400
HNSW_BUILD_WORKERS = 2  # parallel workers asked for the build (the server's own limits still apply)
# records embedded and written per transaction when the caller does not say: each write
# also rewrites the collection moments (1.2 MB) and the counts of every term it touches,
# so fewer, larger writes load faster (clef2020's 10,375 records: 20 s in batches of 64,
# 11 s of 512, 6 s of 2,048 on the loaded 2-core machine)
WRITE_BATCH = 2048


def hnsw_memory_mb(rows: int, dim: int, m: int = HNSW_M) -> int:
    """``maintenance_work_mem`` that holds the whole graph of ``rows`` vectors while it is
    built (a graph that outgrows it is finished on disk, many times slower): per element
    the vector, its neighbour lists (2m on the ground layer, ~m/(m-1) above) and pgvector's
    bookkeeping, with a quarter to spare."""
    per_row = 4 * dim + 8 + (2 * m + 2) * 16 + 200
    return max(64, int(rows * per_row * 1.25 / 2**20) + 1)


def build_hnsw(conn, dim: int, rows: int, m: int = HNSW_M, ef_construction: int = HNSW_EF_CONSTRUCTION) -> None:
    """Create the HNSW index on ``search_records`` in ``conn``'s open transaction, with
    memory for an in-memory build of ``rows`` vectors and parallel workers (settings
    raised for this transaction only, never lowered below the server's)."""
    conn.execute("SELECT set_config('maintenance_work_mem', "
                 "GREATEST(pg_size_bytes(current_setting('maintenance_work_mem')) / 1024, %s)::text || 'kB', true)",
                 (hnsw_memory_mb(rows, dim, m) * 1024,))
    conn.execute("SELECT set_config('max_parallel_maintenance_workers', "
                 "GREATEST(current_setting('max_parallel_maintenance_workers')::int, %s)::text, true)",
                 (HNSW_BUILD_WORKERS,))
    conn.execute(
        f"CREATE INDEX IF NOT EXISTS search_records_hnsw_{dim} ON search_records "
        f"USING hnsw ((v::vector({dim})) vector_ip_ops) WITH (m = {int(m)}, ef_construction = {int(ef_construction)})"
    )


class PgVectorIndex:
    """The dense side on pgvector, with the ``DenseIndex`` reading interface."""

    def __init__(self, index: "PostgresSearchIndex", ef_search: int = EF_SEARCH):
        self.index = index
        self.ef_search = ef_search
        self.cast = f"vector({index.embedder.dim})"
        self._moments: tuple[int, _Moments] | None = None  # (vectors_version, moments)

    def __len__(self) -> int:
        return len(self.index)

    def search(self, query: np.ndarray, k: int = 100) -> list[tuple[int, float]]:
        """Top ``k`` (key, cosine) pairs, best first: exact in memory below ``ann_threshold``, else HNSW."""
        exact = self.index._exact_vectors()
        if exact is not None:
            return exact.search(query, k)
        with self.index.pool.connection() as conn, conn.transaction():
            conn.execute(f"SET LOCAL hnsw.ef_search = {int(self.ef_search)}")
            rows = conn.execute(
                f"SELECT key, -((v::{self.cast}) <#> %(q)s::{self.cast}) FROM search_records "
                f"ORDER BY (v::{self.cast}) <#> %(q)s::{self.cast} LIMIT %(k)s",
                {"q": np.asarray(query, dtype=np.float32), "k": k},
            ).fetchall()
        return [(int(key), float(cos)) for key, cos in rows]

    def search_many(self, queries: np.ndarray, k: int = 100) -> list[list[tuple[int, float]]]:
        """``search`` for each row of ``queries`` (exact: one matrix product)."""
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.index.embedder.dim)
        exact = self.index._exact_vectors()
        return exact.search_many(queries, k) if exact is not None else [self.search(q, k) for q in queries]

    def moments(self) -> _Moments:
        """The collection's moments as last written (cached per ``vectors_version``)."""
        version = self.index.get_meta("vectors_version")
        if self._moments is None or self._moments[0] != version:
            with self.index.pool.connection() as conn:
                row = conn.execute("SELECT v FROM search_blobs WHERE k = 'moments'", binary=True).fetchone()
            moments = _Moments.from_bytes(row[0], self.index.embedder.dim) if row else _Moments(self.index.embedder.dim)
            self._moments = (version, moments)
        return self._moments[1]

    def background(self, query: np.ndarray) -> tuple[float, float]:
        return self.moments().background(query)

    def centroid(self) -> np.ndarray:
        return self.moments().centroid()


class PostgresSearchIndex(SearchIndex):
    """``SearchIndex`` kept in a PostgreSQL database (a ``PostgresStore`` or its URL)."""

    def __init__(
        self,
        store,
        embedder: Embedder,
        weights: FusionWeights | None = None,
        aliases: AliasTable | None = None,
        ann_threshold: int = ANN_THRESHOLD,
        ef_search: int = EF_SEARCH,
    ):
        self._owned = isinstance(store, str)
        self.store = PostgresStore(store) if self._owned else store
        self.embedder = embedder
        self.ann_threshold = ann_threshold
        self.weights = weights or FusionWeights()
        self.aliases = aliases or default_aliases()
        try:
            self._check_model()
        except BaseException:
            if self._owned:
                self.store.close()
            raise
        self.lexical = PgLexicalIndex(self.store)
        self.dense = PgVectorIndex(self, ef_search)
        self._meta: dict[int, RecordMeta] = {}
        self._exact: DenseIndex | None = None  # below ann_threshold: the vectors, for exact search
        self._words = {}  # record key -> its query_tokens (``_record_words``), forgotten on any change
        self._verifier = False  # looked for on first use (``SearchIndex.verifier``)
        self._seen = (-1, -1)  # (vectors_version, removals) the records in memory reflect
        self._deferred = False  # an upsert is loading: the HNSW index is built at its end
        self._loading = threading.Lock()  # one thread refreshes at a time
        self._worker = ProcessPool(1, "claimscope-bm25")
        self._embedding = ProcessPool(1, "claimscope-index")
        self._hnsw = False
        self._refresh()
        self._ensure_hnsw()

    @property
    def pool(self):
        return self.store.pool

    def _check_model(self) -> None:
        """Refuse vectors made by another embedder or from another passage format."""
        made_by = f"{self.embedder.name}, passage format {PASSAGE_FORMAT}"
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            row = conn.execute("SELECT v FROM search_meta WHERE k = 'model'").fetchone()
            if row is None:
                conn.execute("INSERT INTO search_meta VALUES ('model', %s)", (made_by,))
            elif row[0] != made_by:
                raise StoreError(
                    f"the search index was built with {row[0]}, not {made_by}; "
                    "run `claimscope factchecks reindex --rebuild`"
                )

    def _ensure_hnsw(self) -> None:
        """From ``ann_threshold`` records on, make sure the HNSW index exists (built once from
        the stored vectors, then kept up to date by PostgreSQL); below, searches scan."""
        if self._hnsw or self._deferred or len(self._meta) < self.ann_threshold:
            return
        dim = int(self.embedder.dim)
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            build_hnsw(conn, dim, len(self._meta))
        self._hnsw = True

    def close(self) -> None:
        self._worker.shutdown()
        self._embedding.shutdown()
        if self._owned:
            self.store.close()

    def _refresh(self) -> None:
        """Bring the records in memory (metadata, and below ``ann_threshold`` the vectors) up
        to what the database holds: the rows written since, all of them after a removal.
        Searches on other threads go on with the previous copies until the new ones are made."""
        if self._state() == self._seen:
            return
        with self._loading, self.pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot of the tables
            version, removals = self._state(conn)
            if (version, removals) == self._seen:  # another thread loaded them
                return
            since = -1 if removals != self._seen[1] else self._seen[0]
            meta = dict(self._meta) if since >= 0 else {}
            for key, rid, day, lang, ents in conn.execute(
                "SELECT key, id, date, lang, entities FROM search_records WHERE version > %s", (since,)
            ):
                meta[key] = RecordMeta.of(rid, day, lang, ents)
            exact = None
            if len(meta) < self.ann_threshold:
                exact = DenseIndex(self.embedder.dim)
                if since >= 0 and self._exact is not None:
                    exact.add(*self._exact.items(), moments=False)
                else:
                    since = -1
                found = conn.execute("SELECT key, v FROM search_records WHERE version > %s", (since,), binary=True)
                while chunk := found.fetchmany(10_000):
                    exact.add([k for k, _ in chunk], np.stack([v.to_numpy() for _, v in chunk]), moments=False)
            self._meta, self._exact = meta, exact
            self._words.clear()
            self._seen = (version, removals)

    def _state(self, conn=None) -> tuple[int, int]:
        """(vectors_version, removals) as the database has them."""
        sql = "SELECT k, v::bigint FROM search_meta WHERE k IN ('vectors_version', 'removals')"
        state = dict(conn.execute(sql).fetchall() if conn else self._query(sql))
        return state.get("vectors_version", 0), state.get("removals", 0)

    def _exact_vectors(self) -> DenseIndex | None:
        """The vectors in memory, current, when the collection is below ``ann_threshold``."""
        self._refresh()
        return self._exact

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self.pool.connection() as conn:
            return conn.execute(sql, params).fetchall()

    def __len__(self) -> int:
        self._refresh()
        return len(self._meta)

    def get_meta(self, key: str, default: int = 0) -> int:
        rows = self._query("SELECT v FROM search_meta WHERE k = %s", (key,))
        return int(rows[0][0]) if rows else default

    def set_meta(self, key: str, value: int) -> None:
        with self.pool.connection() as conn:
            conn.execute("INSERT INTO search_meta VALUES (%s, %s) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
                         (key, str(value)))

    def flush(self) -> None:
        """Nothing to save: the HNSW index lives in the database."""

    def _digests(self) -> dict[str, str]:
        return dict(self._query("SELECT id, digest FROM search_records"))

    def _bump(self, conn, key: str) -> int:
        return int(conn.execute(
            "INSERT INTO search_meta VALUES (%s, '1') "
            "ON CONFLICT (k) DO UPDATE SET v = (search_meta.v::bigint + 1)::text RETURNING v", (key,),
        ).fetchone()[0])

    def _update_moments(self, conn, old: list[np.ndarray], new: np.ndarray) -> None:
        row = conn.execute("SELECT v FROM search_blobs WHERE k = 'moments'", binary=True).fetchone()
        moments = _Moments.from_bytes(row[0], self.embedder.dim) if row else _Moments(self.embedder.dim)
        if old:
            moments.update(np.asarray(old), sign=-1)
        if len(new):
            moments.update(new)
        conn.execute("INSERT INTO search_blobs VALUES ('moments', %s) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
                     (moments.to_bytes(),))

    def _write(self, chunk: Sequence[SearchRecord], vectors: np.ndarray) -> None:
        latest = {r.id: (r, v) for r, v in zip(chunk, np.asarray(vectors, dtype=np.float32))}  # the last copy wins
        records = [r for r, _ in latest.values()]
        vectors = np.asarray([v for _, v in latest.values()], dtype=np.float32).reshape(len(records), self.embedder.dim)
        texts = [(passage_text(r), " ".join(r.keywords)) for r in records]
        analysed = self.lexical.analyse(texts)
        entities = [" ".join(sorted({m.entity for m in self.aliases.find(passage_text(r))})) for r in records]
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            version = self._bump(conn, "vectors_version")
            old = conn.execute("SELECT key, v FROM search_records WHERE id = ANY(%s)", ([r.id for r in records],),
                               binary=True).fetchall()
            self.lexical.remove(conn, [k for k, _ in old])
            conn.execute(_STAGE)
            with conn.cursor().copy("COPY search_stage FROM STDIN WITH (FORMAT BINARY)") as copy:
                copy.set_types(["text"] * 7 + ["integer", "vector"])
                for r, ents, (body, tags), (_, ntok), vec in zip(records, entities, texts, analysed, vectors):
                    copy.write_row((r.id, record_digest(r), r.date, r.lang, ents, body, tags, ntok, vec))
            key_of = dict(conn.execute(_MERGE, (version,)).fetchall())
            keys = [key_of[r.id] for r in records]
            self.lexical.add(conn, [(k, body, tags, tf, ntok)
                                    for k, (body, tags), (tf, ntok) in zip(keys, texts, analysed)])
            self._update_moments(conn, [v.to_numpy() for _, v in old], vectors)
        for key, record, ents in zip(keys, records, entities):
            self._meta[key] = RecordMeta.of(record.id, record.date, record.lang, ents)
        self._ensure_hnsw()

    def upsert(self, records: Iterable[SearchRecord], batch_size: int = WRITE_BATCH, progress=None) -> int:
        """``SearchIndex.upsert``, in larger batches by default (``WRITE_BATCH``); when it
        brings the collection to ``ann_threshold``, the HNSW index is built once at the end
        over all it loaded."""
        self._deferred = True
        try:
            written = super().upsert(records, batch_size, progress)
        finally:
            self._deferred = False
        self._ensure_hnsw()
        return written

    def remove(self, ids: Iterable[str]) -> int:
        """Drop records by id; returns how many were indexed."""
        wanted = list(set(ids))
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            old = conn.execute("SELECT key, v FROM search_records WHERE id = ANY(%s)", (wanted,), binary=True).fetchall()
            if old:
                self.lexical.remove(conn, [k for k, _ in old])
                conn.execute("DELETE FROM search_records WHERE key = ANY(%s)", ([k for k, _ in old],))
                self._update_moments(conn, [v.to_numpy() for _, v in old], np.zeros((0, self.embedder.dim), dtype=np.float32))
                self._bump(conn, "vectors_version")
                self._bump(conn, "removals")
        for key, _ in old:
            self._meta.pop(key, None)
        return len(old)

    def candidates(self, text: str, vector: np.ndarray | None = None, date: str = "", dense=None):
        self._refresh()
        return super().candidates(text, vector, date, dense)

    def _max_df(self) -> int | None:
        """BM25's limit on a query word's document frequency: none in exact mode."""
        n = len(self._meta)
        return max(int(COMMON_SHARE * n), COMMON_MIN) if n >= self.ann_threshold else None

    def _cosines(self, vector: np.ndarray, keys: list[int]) -> np.ndarray:
        if self._exact is not None and keys:
            return self._exact.cosines(vector, keys)
        return super()._cosines(vector, keys)

    def _vectors_of(self, keys: list[int]) -> np.ndarray:
        with self.pool.connection() as conn:
            found = dict(conn.execute("SELECT key, v FROM search_records WHERE key = ANY(%s)", (keys,), binary=True))
        return np.asarray([found[k].to_numpy() for k in keys], dtype=np.float32).reshape(len(keys), self.embedder.dim)

    def _dated_near(self, date: str) -> list[int]:
        """Records dated within DATE_WINDOW days of ``date`` (at most CANDIDATES of them)."""
        window = date_window(date)
        if window is None:
            return []
        day, lo, hi = window
        rows = self._query("SELECT key, date FROM search_records WHERE date BETWEEN %s AND %s", (lo, hi))
        rows.sort(key=lambda row: (_days_apart(day, row[1]), row[0]))
        return [k for k, _ in rows[:CANDIDATES] if k in self._meta]


def _days_apart(day: date_cls, other: str) -> float:
    try:
        return abs((date_cls.fromisoformat(other) - day).days)
    except ValueError:
        return float("inf")


def has_index(store) -> bool:
    """Whether the PostgreSQL ``store``'s database has anything indexed for search."""
    with store.pool.connection() as conn:
        return conn.execute("SELECT EXISTS (SELECT 1 FROM search_records)").fetchone()[0]


def drop_index(store) -> None:
    """Empty the search index of the PostgreSQL ``store`` (``reindex --rebuild``)."""
    with store.pool.connection() as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        conn.execute("TRUNCATE search_postings, search_records, search_terms, search_words, search_meta, search_blobs")
