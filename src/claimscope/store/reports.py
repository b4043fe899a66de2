"""Batch reports kept in the store (``claimscope batch --store``), on either backend.

One row per analysed article, keyed by its ``(content_hash, id)``: the same article
written again (a resumed or repeated run) replaces its row, so the table never holds
two rows for one content under one id. ``report`` is the report's JSON, ``error`` the
``{"code", "message"}`` of an article that failed (one of the two is NULL). The table
comes with a numbered migration on each backend (``REPORT_TABLES``, portable SQL).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, UTC

REPORT_TABLES = (
    """CREATE TABLE reports (
        content_hash TEXT NOT NULL,
        id TEXT NOT NULL,
        analysed_at TEXT NOT NULL,
        report TEXT,
        error TEXT,
        PRIMARY KEY (content_hash, id)
    )""",
    "CREATE INDEX reports_id ON reports (id)",
)


class ReportRows:
    """``save_reports`` / ``report`` / ``report_count`` (mixed into each backend, which
    provides ``_MARK``, ``_rows(sql, params)`` and ``_write_many(sql, rows)``)."""

    _MARK = "?"

    def save_reports(self, records: Sequence[dict]) -> int:
        """Upsert batch output records (``id``, ``content_hash``, ``report`` or ``error``) in
        one transaction; records without a content hash are left out. How many were saved."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        latest = {(r["content_hash"], str(r["id"])): r for r in records if r.get("content_hash")}
        rows = [(digest, rid, now, _json(r.get("report")), _json(r.get("error"))) for (digest, rid), r in latest.items()]
        if rows:
            m = self._MARK
            self._write_many(
                f"INSERT INTO reports (content_hash, id, analysed_at, report, error) VALUES ({m}, {m}, {m}, {m}, {m}) "
                "ON CONFLICT (content_hash, id) DO UPDATE SET analysed_at = excluded.analysed_at, "
                "report = excluded.report, error = excluded.error",
                rows,
            )
        return len(rows)

    def report(self, content_hash: str, record_id: str | None = None) -> dict | None:
        """The stored record of an article (``id``, ``content_hash``, ``analysed_at`` and
        ``report`` or ``error``) by its content hash (and id, when several ids share it)."""
        sql = f"SELECT id, content_hash, analysed_at, report, error FROM reports WHERE content_hash = {self._MARK}"
        params: list = [content_hash]
        if record_id is not None:
            sql += f" AND id = {self._MARK}"
            params.append(str(record_id))
        rows = self._rows(sql + " ORDER BY analysed_at DESC, id LIMIT 1", params)
        if not rows:
            return None
        rid, digest, at, report, error = rows[0]
        found = {"report": json.loads(report)} if report is not None else {"error": json.loads(error)}
        return {"id": rid, "content_hash": digest, "analysed_at": at, **found}

    def report_count(self) -> int:
        """How many article reports (and errors) are stored."""
        return self._rows("SELECT COUNT(*) FROM reports")[0][0]


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
