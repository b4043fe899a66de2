"""The desk's own data, kept in the fact-check SQLite file (migration 4, docs/web.md).

Every analysis is stored with its report under a random id (its permalink); the
desk's decisions on it — a status and a note per claim sentence, confirm or reject
per suggested fact-check — sit beside it. API keys are stored as SHA-256 digests of
the key (a key is 32 random bytes, so a fast digest is safe) and shown only once.
One connection (SQLite, or PostgreSQL when the location is a ``postgresql://`` URL:
the desk tables are then the store's PostgreSQL migration 3) shared by the server's
threads, serialised by a lock: desk work is small next to analyses.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..render.safe import to_json
from ..store.migrations import migrate
from ..store.postgres import is_postgres_url
from ..store.sqlite import connect
from .errors import NotFound

CLAIM_STATUSES = ("to_check", "checking", "checked", "not_checkworthy")
DECISIONS = ("confirmed", "rejected")
KEY_PREFIX = "csk_"


def _now() -> str:
    """UTC time to the microsecond: analyses made in the same second still sort newest first."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _text(value: str | None) -> str | None:
    """``value`` as a column can hold it everywhere (PostgreSQL refuses NUL characters)."""
    return value.replace("\x00", "\\x00") if value else value


def report_flags(report: dict[str, Any]) -> list[str]:
    """The flag kinds raised on the article's sourcing chains, in order, once each."""
    kinds = [flag["kind"] for chain in report.get("sourcing") or [] for flag in chain.get("flags", [])]
    return list(dict.fromkeys(kinds))


@dataclass(frozen=True)
class ApiKey:
    id: str
    name: str
    created_at: str
    revoked_at: str | None


class DeskStore:
    """Analyses, desk decisions and API keys in a SQLite file or a PostgreSQL database."""

    def __init__(self, location: str | Path):
        self.location = str(location)
        self._lock = threading.Lock()
        if is_postgres_url(self.location):
            self._conn, self._errors, self._marks = _postgres(self.location), _pg_errors(), "%s"
        else:
            self._conn, self._errors, self._marks = _sqlite(self.location), sqlite3.Error, "?"

    def close(self) -> None:
        self._conn.close()

    def _run(self, sql: str, params=()) -> list[tuple]:
        try:
            with self._lock:
                cursor = self._conn.execute(sql.replace("?", self._marks), params)
                return cursor.fetchall() if cursor.description else []
        except self._errors as err:
            raise StoreError(f"the desk database failed ({' '.join(str(err).split())})") from None

    # --- analyses -------------------------------------------------------------------
    def add_analysis(self, report: dict[str, Any]) -> str:
        """Store ``report``; its new id."""
        analysis_id = secrets.token_urlsafe(9)
        meta = report["article"]["meta"]
        flags = report_flags(report)
        self._run(
            "INSERT INTO analyses (id, created_at, title, source, lang, flags, report) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (analysis_id, _now(), _text(meta.get("title")), _text(meta.get("url") or meta.get("source")),
             report["language"].get("main"), " " + " ".join(flags) + " " if flags else "", to_json(report)),
        )
        return analysis_id

    def analysis(self, analysis_id: str) -> dict[str, Any]:
        """The stored analysis: ``id``, ``created_at``, ``report``, ``statuses``, ``decisions``."""
        rows = self._run("SELECT created_at, report FROM analyses WHERE id = ?", (analysis_id,))
        if not rows:
            raise NotFound(f"no analysis {analysis_id!r}: see the history for the stored ones")
        statuses = {
            sentence: {"status": status, "note": note, "updated_at": at}
            for sentence, status, note, at in self._run(
                "SELECT sentence, status, note, updated_at FROM claim_statuses WHERE analysis_id = ?", (analysis_id,))
        }
        decisions = {
            fc: {"decision": decision, "updated_at": at}
            for fc, decision, at in self._run(
                "SELECT factcheck_id, decision, updated_at FROM match_decisions WHERE analysis_id = ?", (analysis_id,))
        }
        return {"id": analysis_id, "created_at": rows[0][0], "report": json.loads(rows[0][1]),
                "statuses": statuses, "decisions": decisions}

    def history(self, *, query: str = "", flag: str = "", limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
        """Stored analyses newest first, filtered by a word of the title or source and by a
        flag; (one page of rows, total matching)."""
        where, params = [], []
        if query:
            where.append("(LOWER(title) LIKE LOWER(?) ESCAPE '\\' OR LOWER(source) LIKE LOWER(?) ESCAPE '\\')")
            like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [like, like]
        if flag:
            where.append("flags LIKE ?")
            params.append(f"% {flag} %")
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        total = self._run(f"SELECT COUNT(*) FROM analyses {clause}", params)[0][0]
        rows = self._run(
            f"SELECT a.id, a.created_at, a.title, a.source, a.lang, a.flags, "
            f"(SELECT COUNT(*) FROM match_decisions d WHERE d.analysis_id = a.id AND d.decision = 'confirmed'), "
            f"(SELECT COUNT(*) FROM match_decisions d WHERE d.analysis_id = a.id AND d.decision = 'rejected'), "
            f"(SELECT COUNT(*) FROM claim_statuses s WHERE s.analysis_id = a.id AND s.status = 'checked') "
            f"FROM analyses a {clause} ORDER BY a.created_at DESC, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        keys = ("id", "created_at", "title", "source", "lang", "flags", "confirmed", "rejected", "checked")
        items = [dict(zip(keys, row)) for row in rows]
        for item in items:
            item["flags"] = item["flags"].split()
        return items, total

    def _require(self, analysis_id: str) -> None:
        if not self._run("SELECT 1 FROM analyses WHERE id = ?", (analysis_id,)):
            raise NotFound(f"no analysis {analysis_id!r}: see the history for the stored ones")

    def set_status(self, analysis_id: str, sentence: int, status: str, note: str) -> None:
        self._require(analysis_id)
        self._run(
            "INSERT INTO claim_statuses (analysis_id, sentence, status, note, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (analysis_id, sentence) DO UPDATE SET status = excluded.status, note = excluded.note, "
            "updated_at = excluded.updated_at",
            (analysis_id, sentence, status, note, _now()),
        )

    def decide(self, analysis_id: str, factcheck_id: str, decision: str) -> None:
        self._require(analysis_id)
        self._run(
            "INSERT INTO match_decisions (analysis_id, factcheck_id, decision, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (analysis_id, factcheck_id) DO UPDATE SET decision = excluded.decision, "
            "updated_at = excluded.updated_at",
            (analysis_id, factcheck_id, decision, _now()),
        )

    def decisions(self) -> list[tuple[str, str, str, str, str]]:
        """Every (analysis id, fact-check id, decision, updated at, report JSON), oldest first."""
        return self._run(
            "SELECT d.analysis_id, d.factcheck_id, d.decision, d.updated_at, a.report FROM match_decisions d "
            "JOIN analyses a ON a.id = d.analysis_id ORDER BY d.updated_at, a.id, d.factcheck_id"
        )

    # --- API keys ---------------------------------------------------------------------
    def create_key(self, name: str) -> tuple[str, str]:
        """A new key for ``name``: (its id, the key itself, to be shown once)."""
        key_id = secrets.token_hex(4)
        key = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
        self._run("INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (?, ?, ?, ?)",
                  (key_id, name, _digest(key), _now()))
        return key_id, key

    def keys(self) -> list[ApiKey]:
        return [ApiKey(*row) for row in self._run(
            "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id")]

    def revoke_key(self, key_id: str) -> bool:
        """Revoke the key ``key_id``; False when there is no such live key."""
        found = self._run("SELECT 1 FROM api_keys WHERE id = ? AND revoked_at IS NULL", (key_id,))
        if found:
            self._run("UPDATE api_keys SET revoked_at = ? WHERE id = ?", (_now(), key_id))
        return bool(found)

    def key_id(self, key: str) -> str | None:
        """The id of the live key ``key``, or None (unknown, malformed or revoked)."""
        key_id = key[len(KEY_PREFIX):].split("_", 1)[0] if key.startswith(KEY_PREFIX) else ""
        rows = self._run("SELECT key_hash FROM api_keys WHERE id = ? AND revoked_at IS NULL", (key_id,))
        return key_id if rows and hmac.compare_digest(rows[0][0], _digest(key)) else None


def _sqlite(path: str) -> sqlite3.Connection:
    try:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = connect(path)
        migrate(conn)
    except (sqlite3.Error, OSError) as err:
        raise StoreError(f"cannot open the desk database {path} ({err}): check the path, "
                         "or choose another with --desk-db") from None
    return conn


def _postgres(url: str):
    """An autocommit connection to ``url``, migrated (the desk tables are migration 3)."""
    import psycopg

    from ..store.postgres import migrate as migrate_postgres, public_location

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        migrate_postgres(conn)
    except psycopg.Error as err:
        raise StoreError(f"cannot open the desk database {public_location(url)} "
                         f"({' '.join(str(err).split())}): check the URL and that the server runs") from None
    return conn


def _pg_errors():
    import psycopg

    return psycopg.Error


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
