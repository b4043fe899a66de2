"""The PostgreSQL Store backend (psycopg 3, a psycopg-pool connection pool).

Same protocol and behaviour as the SQLite store (docs/postgres.md). Records are kept
as their JSON text next to a few indexed columns and a ``tsvector`` for
:meth:`PostgresStore.search`. Numbered migrations (``POSTGRES_MIGRATIONS``) are applied
each in its own transaction, one migrating process at a time (an advisory lock).

Concurrent writers: import ids and change numbers come from the ``counters`` table,
whose row is locked by ``UPDATE ... RETURNING`` until the writing transaction commits.
So ids and change numbers are handed out in commit order with no gap (a rolled-back
chunk gives its numbers back), and an indexer that has seen change ``n`` has seen every
change before it. A running import records its ``owner`` as in the SQLite store, and
claiming a run to resume is serialised per source by an advisory lock. A forked child
process opens connections of its own on first use (its parent's are left alone).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..errors import StoreError
from ..factchecks.record import to_dict
from ..model import FactCheck
from .base import ImportRun
from .migrations import DESK_TABLES, Migration, apply_missing
from .reads import RecordReads
from .reports import REPORT_TABLES, ReportRows
from .sqlite import _held_elsewhere, _now, _owner

MIGRATION_LOCK = 0x636C_6D73  # advisory lock key held while migrating
_INHERITED: list = []  # pools a forked child inherited: closing them would close its parent's connections
POOL_SIZE = 4

POSTGRES_MIGRATIONS = (
    Migration(1, "factchecks, import runs and counters", (
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
        "INSERT INTO counters VALUES ('imports', 0), ('seq', 0)",
        """CREATE TABLE imports (
            id BIGINT PRIMARY KEY,
            source TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            format TEXT NOT NULL,
            status TEXT NOT NULL,
            position BIGINT NOT NULL DEFAULT 0,
            counts TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            finished_at TEXT,
            owner TEXT
        )""",
        "CREATE INDEX imports_resume ON imports (source_hash, status)",
        """CREATE TABLE factchecks (
            pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            seq BIGINT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            import_id BIGINT REFERENCES imports (id),
            claim TEXT NOT NULL,
            verdict TEXT NOT NULL,
            language TEXT,
            publisher TEXT,
            review_date TEXT,
            record TEXT NOT NULL,
            raw TEXT,
            words TSVECTOR NOT NULL
        )""",
        "CREATE INDEX factchecks_verdict ON factchecks (verdict)",
        "CREATE INDEX factchecks_language ON factchecks (language)",
        "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
        "CREATE INDEX factchecks_words ON factchecks USING gin (words)",
    )),
    Migration(2, "search index: records, vectors (pgvector), BM25 postings", (
        "CREATE EXTENSION IF NOT EXISTS vector",
        "CREATE TABLE search_meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
        "CREATE TABLE search_blobs (k TEXT PRIMARY KEY, v BYTEA NOT NULL)",
        """CREATE TABLE search_records (
            key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            digest TEXT NOT NULL,
            date TEXT NOT NULL,
            lang TEXT NOT NULL,
            entities TEXT NOT NULL,
            body TEXT NOT NULL,
            tags TEXT NOT NULL,
            ntok INTEGER NOT NULL,
            version BIGINT NOT NULL,
            v VECTOR NOT NULL
        )""",
        "CREATE INDEX search_records_date ON search_records (date)",
        "CREATE INDEX search_records_version ON search_records (version)",
        """CREATE TABLE search_postings (
            term TEXT NOT NULL,
            key BIGINT NOT NULL REFERENCES search_records (key) ON DELETE CASCADE,
            tf REAL NOT NULL,
            PRIMARY KEY (term, key)
        )""",
        "CREATE INDEX search_postings_key ON search_postings (key)",
        "CREATE TABLE search_terms (term TEXT PRIMARY KEY, n BIGINT NOT NULL)",
        "CREATE TABLE search_words (term TEXT PRIMARY KEY, n BIGINT NOT NULL)",
    )),
    Migration(3, "web desk: analyses, claim statuses, match decisions, API keys", DESK_TABLES),
    Migration(4, "search blobs stored uncompressed (the moments are rewritten with every write)", (
        "ALTER TABLE search_blobs ALTER COLUMN v SET STORAGE EXTERNAL",
    )),
    Migration(5, "batch reports (claimscope batch --store)", REPORT_TABLES),
)

_UPSERT = """
INSERT INTO factchecks (id, seq, content_hash, import_id, claim, verdict, language, publisher,
                        review_date, record, raw, words)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, to_tsvector('simple', %s))
ON CONFLICT (id) DO UPDATE SET
    seq = excluded.seq, content_hash = excluded.content_hash, import_id = excluded.import_id,
    claim = excluded.claim, verdict = excluded.verdict, language = excluded.language,
    publisher = excluded.publisher, review_date = excluded.review_date,
    record = excluded.record, raw = excluded.raw, words = excluded.words
"""


def is_postgres_url(location: str) -> bool:
    return location.startswith(("postgres://", "postgresql://"))


def public_location(url: str) -> str:
    """The URL without its password (what ``Store.location`` shows)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc[-1]}").geturl()


def plain_words(text: str) -> str:
    """Lower-case words without diacritics, separated by spaces (what is indexed and searched)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


def _configure(conn) -> None:
    """A new pooled connection: pgvector's types (numpy arrays in and out), left idle."""
    from pgvector.psycopg import register_vector

    register_vector(conn)
    conn.commit()


def migrate(conn, migrations=POSTGRES_MIGRATIONS) -> int:
    """Apply the missing ``migrations`` on an autocommit psycopg connection; the new version."""
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        return apply_missing(conn, migrations, conn.transaction, "%s")
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))


class PostgresStore(RecordReads, ReportRows):
    """Store protocol on a PostgreSQL database (see :class:`claimscope.store.base.Store`)."""

    _MARK = "%s"
    _BINARY = ' COLLATE "C"'

    def __init__(self, url: str, pool_size: int = POOL_SIZE):
        try:
            import psycopg
            from psycopg_pool import ConnectionPool
        except ImportError:
            raise StoreError("a PostgreSQL --db needs psycopg 3 and psycopg-pool: "
                             "pip install 'claimscope[postgres]'") from None
        self._errors = psycopg.Error
        self.url = url
        self.location = public_location(url)
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
                self._version = migrate(conn)
        except psycopg.Error as err:
            raise StoreError(f"cannot open the fact-check database {self.location} "
                             f"({' '.join(str(err).split())}): check the URL and that the server runs "
                             "(pgvector must be installed: docs/postgres.md)") from None
        self._new_pool = lambda: ConnectionPool(url, min_size=1, max_size=pool_size, open=True, name="claimscope",
                                                configure=_configure)
        self._pool, self._pid = self._new_pool(), os.getpid()

    @property
    def pool(self):
        """This process's connection pool: a forked child makes its own on first use."""
        if self._pid != os.getpid():
            _INHERITED.append(self._pool)  # the parent's connections: never used, closed or collected here
            self._pool, self._pid = self._new_pool(), os.getpid()
        return self._pool

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pid == os.getpid():
            self._pool.close()

    def schema_version(self) -> int:
        return self._version

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            with self.pool.connection() as conn:
                return conn.execute(sql, params).fetchall()
        except self._errors as err:
            raise StoreError(f"reading {self.location} failed ({' '.join(str(err).split())})") from None

    # --- writing ------------------------------------------------------------------
    def _transaction(self, work):
        """Run ``work(conn)`` in one transaction; its result, or StoreError (nothing saved)."""
        try:
            with self.pool.connection() as conn, conn.transaction():
                return work(conn)
        except self._errors as err:
            raise StoreError(f"writing {self.location} failed ({' '.join(str(err).split())}): "
                             "nothing from this chunk was saved") from None

    def _write_many(self, sql: str, rows: Sequence[tuple]) -> None:
        def work(conn):
            with conn.cursor() as cur:
                cur.executemany(sql, rows)

        self._transaction(work)

    @staticmethod
    def _take(conn, counter: str, n: int) -> int:
        """Reserve ``n`` numbers of ``counter``; the first one. Locks the counter until commit."""
        return conn.execute(
            "UPDATE counters SET value = value + %s WHERE name = %s RETURNING value - %s", (n, counter, n - 1)
        ).fetchone()[0]

    def start_import(self, source: str, source_hash: str, fmt: str) -> ImportRun:
        owner = _owner()

        def claim(conn) -> int:  # two processes never claim the same run
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (source_hash,))
            rows = conn.execute(
                "SELECT id, owner FROM imports WHERE source_hash = %s AND status = 'running' ORDER BY id DESC",
                (source_hash,),
            ).fetchall()
            orphan = next((run_id for run_id, held_by in rows if not _held_elsewhere(held_by)), None)
            if orphan is not None:
                conn.execute("UPDATE imports SET owner = %s WHERE id = %s", (owner, orphan))
                return orphan
            run_id = self._take(conn, "imports", 1)
            conn.execute(
                "INSERT INTO imports (id, source, source_hash, format, status, position, counts, started_at, owner) "
                "VALUES (%s, %s, %s, %s, 'running', 0, '{}', %s, %s)",
                (run_id, source, source_hash, fmt, _now(), owner),
            )
            return run_id

        return self._run(self._transaction(claim))

    def write_chunk(self, run_id: int, records: Sequence[tuple[FactCheck, str]], position: int, counts: dict) -> None:
        def work(conn):
            seq = self._take(conn, "seq", len(records)) if records else 0
            rows = [
                (r.id, seq + n, digest, run_id, r.claim, r.verdict, r.language, r.publisher, r.review_date,
                 json.dumps(to_dict(r), ensure_ascii=False), r.raw, plain_words(_searchable(r)))
                for n, (r, digest) in enumerate(records)
            ]
            with conn.cursor() as cur:
                cur.executemany(_UPSERT, rows)
            conn.execute("UPDATE imports SET position = %s, counts = %s WHERE id = %s",
                         (position, json.dumps(counts), run_id))

        self._transaction(work)

    def finish_import(self, run_id: int, counts: dict, status: str = "done") -> None:
        self._transaction(lambda conn: conn.execute(
            "UPDATE imports SET status = %s, counts = %s, finished_at = %s WHERE id = %s",
            (status, json.dumps(counts), _now(), run_id),
        ))

    # --- reading (the rest in RecordReads) -----------------------------------------
    def _with_ids(self, columns: str, ids: Sequence[str]) -> list[tuple]:
        return self._rows(f"SELECT {columns} FROM factchecks WHERE id = ANY(%s)", (list(ids),))

    def search(self, text: str, limit: int = 10) -> list[tuple[FactCheck, float]]:
        words = plain_words(text).split()
        if not words:
            return []
        rows = self._rows(
            "SELECT record, import_id, raw, ts_rank(words, q) AS score "
            "FROM factchecks, to_tsquery('simple', %s) AS q WHERE words @@ q ORDER BY score DESC, pk LIMIT %s",
            (" | ".join(words), limit),
        )
        return [(self._record(row[:3]), float(row[3])) for row in rows]


def _searchable(r: FactCheck) -> str:
    """The text :meth:`PostgresStore.search` matches: the fields the SQLite store's FTS5 table holds."""
    return " ".join([r.claim, r.title or "", r.summary or "", *r.keywords, *r.countries, *r.outlets, r.publisher or ""])
