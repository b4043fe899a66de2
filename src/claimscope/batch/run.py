"""A batch run: read the inputs, skip what the output already has, analyse the rest in
chunks on an engine, append each chunk's records to the output (and, with a store,
save them into its ``reports`` table first)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ingest import BatchItem
from ..store import Store
from .engines import Engine
from .output import ReportLog
from .sources import read_inputs

CHUNK_SIZE = 16  # articles sent together: their sentences are embedded in shared batches


@dataclass
class Summary:
    """What a run did: records written (analysed or failed) and records skipped as done."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def written(self) -> int:
        return self.analysed + self.failed

    def line(self, out: Path) -> str:
        done = f", {self.skipped} already done" if self.skipped else ""
        return f"{self.written} records: {self.analysed} analysed, {self.failed} failed{done} -> {out}"


def run_batch(items: Iterable[BatchItem], log: ReportLog, engine: Engine, *, chunk_size: int = CHUNK_SIZE,
              on_chunk: Callable[[Summary], None] | None = None, store: Store | None = None) -> Summary:
    """Analyse every item whose ``(id, content_hash)`` is not yet in ``log`` and append
    its record; ``on_chunk`` is called with the running summary after each chunk.

    With a ``store``, each chunk's records are saved into it (``Store.save_reports``)
    before they are appended to ``log``: a run killed between the two analyses the
    chunk again and its rows are replaced, never doubled."""
    summary = Summary()

    def todo() -> Iterator[BatchItem]:
        for item in items:
            if item.content_hash is not None and (str(item.id), item.content_hash) in log.done:
                summary.skipped += 1
                continue
            yield item

    for records in engine.map(_chunks(_unique(todo()), chunk_size)):
        if store is not None:
            store.save_reports(records)
        log.write(records)
        failed = sum("error" in record for record in records)
        summary.failed += failed
        summary.analysed += len(records) - failed
        if on_chunk is not None:
            on_chunk(summary)
    return summary


def _unique(items: Iterator[BatchItem]) -> Iterator[BatchItem]:
    """The items, a repeat of an ``(id, content_hash)`` seen earlier in this run left out."""
    seen: set[tuple[str, str]] = set()
    for item in items:
        key = (str(item.id), item.content_hash)
        if item.content_hash is None or key not in seen:
            seen.add(key)
            yield item


def _chunks(items: Iterator[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    chunk: list[BatchItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_files(inputs: list[Path], out: Path, engine: Engine, *, chunk_size: int = CHUNK_SIZE,
              progress: bool | None = None, store: Store | None = None) -> Summary:
    """:func:`run_batch` over input paths into the JSONL file ``out`` (and ``store``), with
    a progress bar on standard error (by default only when it is a terminal)."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    shown = console.is_terminal if progress is None else progress
    with ReportLog(out) as log, Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                         console=console, transient=True, disable=not shown) as bar:
        task = bar.add_task("starting")

        def advance(summary: Summary) -> None:
            bar.update(task, description=f"{summary.analysed} analysed, {summary.failed} failed, "
                                         f"{summary.skipped} already done")

        return run_batch(read_inputs(inputs, out), log, engine, chunk_size=chunk_size, on_chunk=advance, store=store)

