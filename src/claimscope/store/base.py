"""The Store protocol: what the importer, the CLI and the search indexer need from a backend.

A backend keeps FactCheck records keyed by their stable id. Every write gives the
record a new ``seq`` from one increasing counter, so an indexer can ask for
everything changed since the last ``seq`` it saw (:meth:`Store.changed_since`).
Imports are recorded as runs whose progress (``position``: records of the source
already handled) is saved in the same transaction as each chunk of records, which
is what makes an interrupted import resumable.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..model import FactCheck


@dataclass(frozen=True)
class ImportRun:
    """One import of one source (file or URL) as recorded in the store."""

    id: int
    source: str
    source_hash: str  # digest of the source bytes and the import options
    format: str
    status: str  # "running" (or interrupted), "done", "failed" (the source broke part-way)
    position: int  # records of the source handled and committed so far
    counts: dict = field(default_factory=dict)  # added/updated/unchanged/skipped/... so far
    started_at: str = ""
    finished_at: str | None = None


@runtime_checkable
class Store(Protocol):
    """A fact-check store backend (SQLite today; PostgreSQL later, same protocol)."""

    location: str  # where the data lives (a file path or a connection URL without password)

    def close(self) -> None:
        """Release the connection."""

    def schema_version(self) -> int:
        """The highest migration applied."""

    # --- writing (one writer) -------------------------------------------------
    def start_import(self, source: str, source_hash: str, fmt: str) -> ImportRun:
        """The interrupted run of the same source and options to resume, else a new run.

        Claimed atomically: a run that another live process is importing is never
        handed out, so concurrent imports of one file each get their own run.
        """

    def stored_hashes(self, ids: Sequence[str]) -> dict[str, tuple[str, int | None]]:
        """{id: (content hash, import id)} for the ids already stored."""

    def write_chunk(
        self, run_id: int, records: Sequence[tuple[FactCheck, str]], position: int, counts: dict
    ) -> None:
        """Upsert ``(record, content hash)`` pairs and save the run's progress, atomically."""

    def finish_import(self, run_id: int, counts: dict, status: str = "done") -> None:
        """Close a run with its final counts: ``done``, or ``failed`` (never resumed)."""

    # --- reading ----------------------------------------------------------------
    def get(self, record_id: str) -> FactCheck | None:
        """One record (with ``import_id`` and ``raw``), or None."""

    def get_many(self, ids: Sequence[str]) -> list[FactCheck]:
        """The stored records among ``ids``, in the order given."""

    def count(self) -> int:
        """How many records are stored."""

    def max_seq(self) -> int:
        """The latest change number (0 for an empty store)."""

    def changed_since(self, seq: int, limit: int = 1000) -> list[tuple[int, FactCheck]]:
        """Up to ``limit`` (seq, record) pairs written after change ``seq``, oldest first."""

    def iter_batches(self, batch_size: int = 1000, **filters) -> Iterator[list[FactCheck]]:
        """Every record (matching ``filters``: language, verdict, publisher), in batches."""

    def list(self, limit: int = 20, offset: int = 0, **filters) -> list[FactCheck]:
        """A page of records, newest review first; filters as in :meth:`iter_batches`."""

    def search(self, text: str, limit: int = 10) -> list[tuple[FactCheck, float]]:
        """Lexical search over claim, title, summary, keywords and publisher; best first."""

    def stats(self) -> dict:
        """{"total", "by_language", "by_publisher", "by_verdict", "imports"}."""

    def imports(self, limit: int = 20) -> list[ImportRun]:
        """The latest import runs, newest first."""

    # --- batch reports (``claimscope batch --store``) ---------------------------------
    def save_reports(self, records: Sequence[dict]) -> int:
        """Upsert batch output records, keyed by ``(content_hash, id)``; how many were saved."""

    def report(self, content_hash: str, record_id: str | None = None) -> dict | None:
        """The stored batch record of an article with that content hash (and id), or None."""

    def report_count(self) -> int:
        """How many batch records are stored."""
