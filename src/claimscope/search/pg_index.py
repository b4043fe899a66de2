"""The search index in a PostgreSQL database, beside the fact-check store's tables.

Same behaviour as ``SearchIndex`` (same candidates, features, fusion and confidence);
only where things live differs, all in the database (docs/postgres.md):

- records, their metadata, texts and float32 embeddings: ``search_records`` (pgvector);
- the dense side: below ``ann_threshold`` records an exact scan, as SQLite's in-memory
  search; from there on a pgvector HNSW index on the embeddings, built when the
  collection first reaches that size (inner product; ``HNSW_M``, ``HNSW_EF_CONSTRUCTION``
  and ``EF_SEARCH`` below, measured by bench/bench_postgres.py), candidates' cosines
  recomputed exactly;
- the collection's moments (anisotropy correction): ``search_blobs``, updated with each write;
- BM25: ``pg_lexical.PgLexicalIndex``, which ranks like FTS5's ``bm25()``.

Writers take an advisory lock, so concurrent indexers serialise; every write bumps
``vectors_version``, and each search first loads the metadata of records other
processes wrote since (``_refresh``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date as date_cls

import numpy as np

from claimscope.embed import Embedder
from claimscope.errors import StoreError
from claimscope.search.aliases import AliasTable, default_aliases
from claimscope.search.dense import _Moments
from claimscope.search.fusion import FusionWeights
from claimscope.search.index import (
    ANN_THRESHOLD, CANDIDATES, COMMON_MIN, COMMON_SHARE, SearchIndex, _digest, _Meta, date_window,
)
from claimscope.search.pg_lexical import PgLexicalIndex
from claimscope.search.records import PASSAGE_FORMAT, SearchRecord, passage_text
from claimscope.store.postgres import PostgresStore
from claimscope.threads import ProcessPool

WRITE_LOCK = 0x636C_7378  # advisory lock key held by a writing transaction
# The HNSW graph (docs/postgres.md, "Benchmarks"; bench/bench_postgres.py vectors): over
# 1,000,000 generated e5-like vectors on the 2-core machine, ef_construction 128 and
# ef_search 400 give recall@10 0.988 against exact search with a p95 of 39 ms for the
# 100 candidates of a search (15 ms of server CPU); the graph of ef_construction 64 needed
# ef_search 512 for 0.964 at over twice the latency.
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 128
EF_SEARCH = 400
HNSW_BUILD_WORKERS = 2  # parallel workers asked for the build (the server's own limits still apply)


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
        """Top ``k`` (key, cosine) pairs, best first: exact below ``ann_threshold``, else HNSW."""
        exact = len(self.index._meta) < self.index.ann_threshold
        with self.index.pool.connection() as conn, conn.transaction():
            if exact:
                conn.execute("SET LOCAL enable_indexscan = off")
            else:
                conn.execute(f"SET LOCAL hnsw.ef_search = {int(self.ef_search)}")
            rows = conn.execute(
                f"SELECT key, -((v::{self.cast}) <#> %(q)s::{self.cast}) FROM search_records "
                f"ORDER BY (v::{self.cast}) <#> %(q)s::{self.cast} LIMIT %(k)s",
                {"q": np.asarray(query, dtype=np.float32), "k": k},
            ).fetchall()
        return [(int(key), float(cos)) for key, cos in rows]

    def search_many(self, queries: np.ndarray, k: int = 100) -> list[list[tuple[int, float]]]:
        """``search`` for each row of ``queries``."""
        return [self.search(q, k) for q in np.asarray(queries, dtype=np.float32).reshape(-1, self.index.embedder.dim)]

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
        self._meta: dict[int, _Meta] = {}
        self._seen = (-1, -1)  # (vectors_version, removals) the metadata in memory reflects
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
        if self._hnsw or len(self._meta) < self.ann_threshold:
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
        """Bring the records' metadata in memory up to what the database holds."""
        version, removals = self.get_meta("vectors_version"), self.get_meta("removals")
        if (version, removals) == self._seen:
            return
        sql = "SELECT key, id, date, lang, entities FROM search_records"
        if removals != self._seen[1]:
            self._meta = {}
            rows = self._query(sql)
        else:
            rows = self._query(sql + " WHERE version > %s", (self._seen[0],))
        for key, rid, day, lang, ents in rows:
            self._meta[key] = _Meta.of(rid, day, lang, ents)
        self._seen = (version, removals)

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
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO search_records (id, digest, date, lang, entities, body, tags, ntok, version, v) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
                    "digest = excluded.digest, date = excluded.date, lang = excluded.lang, entities = excluded.entities, "
                    "body = excluded.body, tags = excluded.tags, ntok = excluded.ntok, version = excluded.version, "
                    "v = excluded.v RETURNING key",
                    [(r.id, _digest(r), r.date, r.lang, ents, body, tags, ntok, version, vec)
                     for r, ents, (body, tags), (_, ntok), vec in zip(records, entities, texts, analysed, vectors)],
                    returning=True,
                )
                keys = []
                while True:
                    keys.append(cur.fetchone()[0])
                    if not cur.nextset():
                        break
            self.lexical.add(conn, [(k, body, tags, tf, ntok)
                                    for k, (body, tags), (tf, ntok) in zip(keys, texts, analysed)])
            self._update_moments(conn, [v.to_numpy() for _, v in old], vectors)
        for key, record, ents in zip(keys, records, entities):
            self._meta[key] = _Meta.of(record.id, record.date, record.lang, ents)
        self._ensure_hnsw()

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
