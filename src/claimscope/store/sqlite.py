"""The default Store backend: one SQLite file (WAL journal, FTS5 lexical index).

A store may be shared by threads: each thread uses its own connection (opened on first
use; a forked child opens its own too), and ``close`` closes them all.

Each record is kept as its JSON (``record``) next to a few indexed columns
(verdict, language, publisher, review date) and the source record (``raw``).
Writes happen in explicit transactions (``BEGIN IMMEDIATE``), so a process killed
mid-import leaves the last committed chunk and nothing half-written. A running
import records its ``owner`` (host and process id): only a run whose owner has
died is resumed, so two live imports of one file never share a run.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Sequence
from datetime import datetime, UTC
from pathlib import Path

from ..errors import StoreError
from ..factchecks.record import to_dict
from ..model import FactCheck
from .base import ImportRun
from .migrations import migrate
from .reads import RecordReads
from .reports import ReportRows

_BATCH_IDS = 500  # ids per IN (...) query
_UPSERT = """
INSERT INTO factchecks (id, seq, content_hash, import_id, claim, verdict, language, publisher,
                        review_date, record, raw)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    seq = excluded.seq, content_hash = excluded.content_hash, import_id = excluded.import_id,
    claim = excluded.claim, verdict = excluded.verdict, language = excluded.language,
    publisher = excluded.publisher, review_date = excluded.review_date,
    record = excluded.record, raw = excluded.raw
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _owner() -> str:
    """This process, as recorded in a running import (called each time: a fork has a new pid)."""
    return f"{socket.gethostname()} {os.getpid()}"


def _held_elsewhere(owner: str | None) -> bool:
    """Whether another live process may be running the import that ``owner`` started.

    No owner (a run from before owners were recorded) and this very process count as
    free (an interrupted import is resumed in-process too); a process on another
    host counts as alive, since it cannot be checked from here.
    """
    if owner is None or owner == _owner():
        return False
    host, _, pid = owner.rpartition(" ")
    if not pid.isdigit():
        return False
    if host != socket.gethostname():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, run by another user
        pass
    return True


def fts_query(text: str) -> str:
    """An FTS5 query matching any word of ``text`` (each word quoted, so no syntax errors)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " OR ".join('"' + w + '"' for w in words)


BUSY_TIMEOUT = 30.0  # seconds a connection waits for another one's lock


def connect(target: str) -> sqlite3.Connection:
    """An autocommit connection in WAL mode with foreign keys on, usable from any thread
    (``target`` a path or a ``file:`` URI)."""
    conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT, check_same_thread=False,
                           uri=target.startswith("file:"))
    _enter_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL mode. On a new file whose first writer is still at work, SQLite refuses the
    switch at once rather than wait (waiting could deadlock), so the switch is retried here."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class SQLiteStore(RecordReads, ReportRows):
    """Store protocol on a SQLite file (see :class:`claimscope.store.base.Store`)."""

    def __init__(self, path: str | Path):
        self.location = str(path)
        # ":memory:" is one in-memory database shared by this store's connections
        self._target = f"file:claimscope-{id(self)}?mode=memory&cache=shared" if self.location == ":memory:" \
            else self.location
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []  # every thread's, closed by close()
        self._lock = threading.Lock()
        try:
            if self.location != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._version = migrate(self._conn)
        except (sqlite3.Error, OSError) as err:
            raise StoreError(f"cannot open the fact-check database {self.location} ({err}): "
                             "check the path, or choose another with --db") from None

    @property
    def _conn(self) -> sqlite3.Connection:
        """This thread's connection: each thread (and each forked process) opens its own."""
        if getattr(self._local, "pid", None) != os.getpid():
            conn = connect(self._target)
            with self._lock:
                self._connections.append(conn)
            self._local.conn, self._local.pid = conn, os.getpid()
        return self._local.conn

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()

    def schema_version(self) -> int:
        return self._version

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"reading {self.location} failed ({err})") from None

    # --- writing ------------------------------------------------------------------
    def _transaction(self, work) -> None:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                work()
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise StoreError(f"writing {self.location} failed ({err}): nothing from this chunk was saved") from None

    def _write_many(self, sql: str, rows: Sequence[tuple]) -> None:
        self._transaction(lambda: self._conn.executemany(sql, rows))

    def start_import(self, source: str, source_hash: str, fmt: str) -> ImportRun:
        owner = _owner()

        def claim():  # one transaction: two processes never claim the same run
            rows = self._conn.execute(
                "SELECT id, owner FROM imports WHERE source_hash = ? AND status = 'running' ORDER BY id DESC",
                (source_hash,),
            ).fetchall()
            orphan = next((run_id for run_id, held_by in rows if not _held_elsewhere(held_by)), None)
            if orphan is not None:
                self._conn.execute("UPDATE imports SET owner = ? WHERE id = ?", (owner, orphan))
                ids.append(orphan)
                return
            cursor = self._conn.execute(
                "INSERT INTO imports (source, source_hash, format, status, position, counts, started_at, owner) "
                "VALUES (?, ?, ?, 'running', 0, '{}', ?, ?)",
                (source, source_hash, fmt, _now(), owner),
            )
            ids.append(cursor.lastrowid)

        ids: list[int] = []
        self._transaction(claim)
        return self._run(ids[0])

    def write_chunk(self, run_id: int, records: Sequence[tuple[FactCheck, str]], position: int, counts: dict) -> None:
        def work():
            seq = self._conn.execute("SELECT COALESCE(MAX(seq), 0) FROM factchecks").fetchone()[0]
            rows = [
                (r.id, seq + n, digest, run_id, r.claim, r.verdict, r.language, r.publisher, r.review_date,
                 json.dumps(to_dict(r), ensure_ascii=False), r.raw)
                for n, (r, digest) in enumerate(records, 1)
            ]
            self._conn.executemany(_UPSERT, rows)
            self._reindex([r for r, _ in records])
            self._conn.execute(
                "UPDATE imports SET position = ?, counts = ? WHERE id = ?", (position, json.dumps(counts), run_id)
            )

        self._transaction(work)

    def _reindex(self, records: list[FactCheck]) -> None:
        pks = {}
        for start in range(0, len(records), _BATCH_IDS):
            part = [r.id for r in records[start : start + _BATCH_IDS]]
            marks = ",".join("?" * len(part))
            pks.update(self._conn.execute(f"SELECT id, pk FROM factchecks WHERE id IN ({marks})", part))
        self._conn.executemany("DELETE FROM factchecks_fts WHERE rowid = ?", [(pks[r.id],) for r in records])
        self._conn.executemany(
            "INSERT INTO factchecks_fts (rowid, claim, title, summary, tags, publisher) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (pks[r.id], r.claim, r.title or "", r.summary or "",
                 " ".join(r.keywords + r.countries + r.outlets), r.publisher or "")
                for r in records
            ],
        )

    def finish_import(self, run_id: int, counts: dict, status: str = "done") -> None:
        self._transaction(lambda: self._conn.execute(
            "UPDATE imports SET status = ?, counts = ?, finished_at = ? WHERE id = ?",
            (status, json.dumps(counts), _now(), run_id),
        ))

    # --- reading (the rest in RecordReads) -----------------------------------------
    def _with_ids(self, columns: str, ids: Sequence[str]) -> list[tuple]:
        rows = []
        for start in range(0, len(ids), _BATCH_IDS):
            part = list(ids[start : start + _BATCH_IDS])
            rows += self._rows(f"SELECT {columns} FROM factchecks WHERE id IN ({','.join('?' * len(part))})", part)
        return rows

    def search(self, text: str, limit: int = 10) -> list[tuple[FactCheck, float]]:
        query = fts_query(text)
        if not query:
            return []
        rows = self._rows(
            "SELECT f.record, f.import_id, f.raw, bm25(factchecks_fts) AS score "
            "FROM factchecks_fts JOIN factchecks f ON f.pk = factchecks_fts.rowid "
            "WHERE factchecks_fts MATCH ? ORDER BY score LIMIT ?",
            (query, limit),
        )
        return [(self._record(row[:3]), -row[3]) for row in rows]
