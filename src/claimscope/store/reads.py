"""The read methods both Store backends share, written once for either SQL dialect.

A backend sets ``_MARK`` (its parameter placeholder), ``_BINARY`` (what makes text
sort by code point) and provides ``_rows(sql, params)`` and ``_with_ids(columns, ids)``
(the rows of ``factchecks`` whose id is one of ``ids``: how a long id list is passed
differs between the two).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..errors import StoreError
from ..factchecks.record import from_dict
from ..model import FactCheck
from .base import ImportRun

FILTERS = ("language", "verdict", "publisher")


class RecordReads:
    """Store reads on the ``factchecks`` and ``imports`` tables (mixed into each backend)."""

    _MARK = "?"
    _BINARY = ""

    @staticmethod
    def _record(row: tuple) -> FactCheck:
        record, import_id, raw = row
        return from_dict(json.loads(record), import_id, raw)

    def _where(self, filters: dict) -> tuple[str, list]:
        unknown = set(filters) - set(FILTERS)
        if unknown:
            raise StoreError(f"unknown filter {sorted(unknown)[0]!r}: use one of {', '.join(FILTERS)}")
        used = [(k, v) for k, v in filters.items() if v is not None]
        clause = " AND ".join(f"{k} = {self._MARK}" for k, _ in used)
        return (f"WHERE {clause}" if clause else ""), [v for _, v in used]

    def _run(self, run_id: int) -> ImportRun:
        row = self._rows(
            "SELECT id, source, source_hash, format, status, position, counts, started_at, finished_at "
            f"FROM imports WHERE id = {self._MARK}", (run_id,),
        )[0]
        return ImportRun(*row[:6], json.loads(row[6]), *row[7:])

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, tuple[str, int | None]]:
        return {rid: (digest, import_id) for rid, digest, import_id in self._with_ids("id, content_hash, import_id", ids)}

    def get(self, record_id: str) -> FactCheck | None:
        rows = self._rows(f"SELECT record, import_id, raw FROM factchecks WHERE id = {self._MARK}", (record_id,))
        return self._record(rows[0]) if rows else None

    def get_many(self, ids: Sequence[str]) -> list[FactCheck]:
        found = {record.id: record for record in map(self._record, self._with_ids("record, import_id, raw", ids))}
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        return self._rows("SELECT COUNT(*) FROM factchecks")[0][0]

    def max_seq(self) -> int:
        return self._rows("SELECT COALESCE(MAX(seq), 0) FROM factchecks")[0][0]

    def changed_since(self, seq: int, limit: int = 1000) -> list[tuple[int, FactCheck]]:
        rows = self._rows(
            f"SELECT seq, record, import_id, raw FROM factchecks WHERE seq > {self._MARK} ORDER BY seq "
            f"LIMIT {self._MARK}", (seq, limit)
        )
        return [(row[0], self._record(row[1:])) for row in rows]

    def iter_batches(self, batch_size: int = 1000, **filters) -> Iterator[list[FactCheck]]:
        where, params = self._where(filters)
        clause = f"{where} AND pk > {self._MARK}" if where else f"WHERE pk > {self._MARK}"
        last = 0
        while True:
            rows = self._rows(
                f"SELECT pk, record, import_id, raw FROM factchecks {clause} ORDER BY pk LIMIT {self._MARK}",
                [*params, last, batch_size],
            )
            if not rows:
                return
            last = rows[-1][0]
            yield [self._record(row[1:]) for row in rows]

    def list(self, limit: int = 20, offset: int = 0, **filters) -> list[FactCheck]:
        where, params = self._where(filters)
        rows = self._rows(
            f"SELECT record, import_id, raw FROM factchecks {where} "
            f"ORDER BY review_date IS NULL, review_date{self._BINARY} DESC, pk DESC "
            f"LIMIT {self._MARK} OFFSET {self._MARK}",
            [*params, limit, offset],
        )
        return [self._record(row) for row in rows]

    def stats(self) -> dict:
        def grouped(column: str) -> dict[str, int]:
            rows = self._rows(
                f"SELECT COALESCE({column}, '(unknown)'), COUNT(*) FROM factchecks "
                f"GROUP BY {column} ORDER BY COUNT(*) DESC, {column}{self._BINARY} NULLS FIRST"
            )
            return dict(rows)

        return {
            "total": self.count(),
            "by_language": grouped("language"),
            "by_publisher": grouped("publisher"),
            "by_verdict": grouped("verdict"),
            "imports": self._rows("SELECT COUNT(*) FROM imports")[0][0],
        }

    def imports(self, limit: int = 20) -> list[ImportRun]:
        rows = self._rows(f"SELECT id FROM imports ORDER BY id DESC LIMIT {self._MARK}", (limit,))
        return [self._run(row[0]) for row in rows]
