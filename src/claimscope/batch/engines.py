"""Where a batch run's chunks are analysed: an :class:`Engine` turns chunks of records
into chunks of JSON-ready output records, in order.

:func:`chunk_records` is the one piece of work every engine does with its analyzer;
the local engine runs it in this process, the Ray engine in actors (``ray_engine``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..analyzer import Analyzer
from ..ingest import BatchItem
from ..settings import Settings


class Engine(Protocol):
    """Analyses chunks of batch items; ``map`` yields each chunk's records in input order."""

    def map(self, chunks: Iterable[list[BatchItem]]) -> Iterator[list[dict]]: ...

    def close(self) -> None: ...


def chunk_records(analyzer: Analyzer, items: list[BatchItem], debug: bool = False) -> list[dict]:
    """One output record per item: ``line`` (JSONL inputs), ``id``, ``content_hash`` and
    ``report`` or ``error``. The chunk is one batch of ``Analyzer.analyze_records``: its
    articles analysed together (their sentences embedded in one call), and redone one by
    one when one of them fails, so only that one is an error."""
    records = analyzer.analyze_records(items, debug=debug, batch=max(1, len(items)))
    return [{**_head(item), **{key: record[key] for key in ("report", "error") if key in record}}
            for item, record in zip(items, records)]


def _head(item: BatchItem) -> dict:
    head = {"line": item.line} if item.line is not None else {}
    return {**head, "id": item.id, "content_hash": item.content_hash}


class LocalEngine:
    """Every chunk in this process, with one analyzer."""

    def __init__(self, settings: Settings, debug: bool = False):
        self.analyzer = Analyzer(settings)
        self.debug = debug

    def map(self, chunks: Iterable[list[BatchItem]]) -> Iterator[list[dict]]:
        for chunk in chunks:
            yield chunk_records(self.analyzer, chunk, self.debug)

    def close(self) -> None:
        self.analyzer.close()


def open_engine(name: str, settings: Settings, *, address: str | None = None, debug: bool = False) -> Engine:
    """The engine called ``name`` ("local" or "ray"); ``address`` is an existing Ray cluster."""
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(settings, address=address, debug=debug)
    return LocalEngine(settings, debug=debug)
