"""Import fact-checks from files, folders and URLs into a Store.

Each source file (or fetched URL) is one import run. Records are written in
chunks, each chunk in one transaction together with the run's progress, so a
killed import leaves a consistent store and running it again resumes after the
last committed chunk. A record is ``added`` when its id is new, ``updated`` when
its content changed, ``unchanged`` otherwise; malformed records are skipped and
counted by reason (``strict`` turns them into an error before anything is written).
A source larger than MAX_SOURCE_BYTES is refused before it is parsed. A source
whose reading breaks part-way keeps the records committed before the break: its
run is marked ``failed`` and the source is listed as not imported.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from ..errors import ClaimscopeError, ImportFormatError
from ..ingest.fetch import JSON_TYPES, TEXT_TYPES, fetch
from ..ingest.load import read_capped
from ..ingest.text import decode_bytes
from ..model import FactCheck
from .formats import FORMATS, IMPORTABLE_SUFFIXES, Candidate, Mapping, detect_format, read
from .record import RecordError, build, content_hash

MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a file or a fetched URL; bigger feeds are imported in parts
MAX_EXAMPLES = 5  # malformed-record examples kept per reason


@dataclass(frozen=True)
class ImportOptions:
    """How to read the sources: format ("auto" detects), column mapping, strictness, chunk size."""

    format: str = "auto"
    mapping: Mapping = field(default_factory=Mapping)
    strict: bool = False
    chunk_size: int = 1000
    allow_private_urls: bool = False


@dataclass
class ImportSummary:
    """What an import did. ``ids`` lists the records added or updated, in commit order."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skip_reasons: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Plain JSON data (``ids`` left out: use the attribute)."""
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped, "skip_reasons": dict(self.skip_reasons),
            "warnings": dict(self.warnings), "examples": self.examples, "runs": self.runs,
            "failed": self.failed,
        }


OnCommitted = Callable[[Sequence[str]], None]
Progress = Callable[[str, int], None]  # (source, records of it handled so far)


def import_sources(
    store,
    sources: Sequence[str],
    options: ImportOptions | None = None,
    on_committed: OnCommitted | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import every file, folder (recursively) and URL in ``sources`` into ``store``.

    ``on_committed(ids)`` is called after each committed chunk with the ids it added
    or updated (the seam for incremental indexing); ``progress(source, records)``
    after each chunk. A source that cannot be read
    raises ImportFormatError when it is the only one (or ``strict``); otherwise it
    is listed in ``summary.failed`` and the others are imported.
    """
    options = options or ImportOptions()
    if options.format not in FORMATS:
        raise ImportFormatError(f"unknown format {options.format!r}: use one of {', '.join(FORMATS)}")
    units = [unit for source in sources for unit in _units(source, options)]
    summary = ImportSummary()
    for name, load in units:
        try:
            _import_unit(store, name, load, options, summary, (on_committed, progress))
        except ClaimscopeError as err:
            if len(units) == 1 or options.strict:
                raise
            summary.failed.append(err.message)
    return summary


def _units(source: str, options: ImportOptions) -> list[tuple[str, Callable[[], bytes]]]:
    if source.startswith(("http://", "https://")):
        def download() -> bytes:
            return fetch(
                source, allow_private=options.allow_private_urls, max_bytes=MAX_SOURCE_BYTES,
                media_types=TEXT_TYPES + JSON_TYPES,
            ).body

        return [(source, download)]
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES)
        if not files:
            raise ImportFormatError(f"{source} has no importable files ({', '.join(sorted(IMPORTABLE_SUFFIXES))})")
        return [(str(p), partial(_read_file, p)) for p in files]
    if path.exists():  # a regular file, or a pipe or device read up to the limit
        return [(source, partial(_read_file, path))]
    raise ImportFormatError(f"{source} does not exist: give a file, a folder or an http(s) URL")


def _read_file(path: Path) -> bytes:
    """The bytes of ``path``; ImportFormatError when it cannot be read or exceeds MAX_SOURCE_BYTES."""
    too_big = ImportFormatError(
        f"{path} is larger than the {MAX_SOURCE_BYTES // 2**20} MiB limit for one source: "
        "split it into several files and import their folder"
    )
    try:
        return read_capped(path, MAX_SOURCE_BYTES, too_big)
    except OSError as err:
        raise ImportFormatError(f"cannot read {path} ({err.strerror or err})") from None


def _decode(raw: bytes, name: str) -> str:
    try:
        return decode_bytes(raw, name=name)[0]
    except ClaimscopeError as err:
        raise ImportFormatError(err.message) from None


def _checked(candidate: Candidate) -> tuple[FactCheck | None, list[str], str | None, str | None]:
    """(record, warnings, skip reason, detail) for one candidate."""
    if candidate.reason:
        return None, [], candidate.reason, candidate.detail
    try:
        record, warnings = build(candidate.fields, candidate.raw)
    except RecordError as err:
        return None, [], err.reason, err.detail
    except (ValueError, TypeError, OverflowError, RecursionError) as err:  # a value no check foresaw
        return None, [], "bad_value", f"{type(err).__name__}: {str(err)[:200]}"
    return record, warnings, None, None


def _import_unit(store, name, load, options, summary: ImportSummary, callbacks) -> None:
    try:
        digest, fmt, first, candidates = _open_unit(name, load, options)
    except ClaimscopeError:
        raise
    except Exception as err:  # a parser's limit no format check foresaw: this source only
        raise ImportFormatError(f"{name} cannot be read ({type(err).__name__}: {str(err)[:200]}); nothing imported")
    run = store.start_import(name, digest, fmt)
    _Run(store, run, options, summary, *callbacks).feed(chain([first], candidates))


def _open_unit(name, load, options) -> tuple[str, str, Candidate, Iterator[Candidate]]:
    """(digest of bytes and options, format, first record, the other records) of one source."""
    raw = load()
    digest = hashlib.sha256(raw)
    text = _decode(raw, name)
    del raw  # big feeds: keep one copy of the data in memory at a time
    fmt = detect_format(name, text) if options.format == "auto" else options.format
    digest.update(json.dumps([fmt, repr(options.mapping)]).encode())
    if options.strict:
        for number, candidate in enumerate(read(text, fmt, name, options.mapping), 1):
            reason, detail = _checked(candidate)[2:]
            if reason:
                raise ImportFormatError(f"{name}: record {number} is malformed ({reason}: {detail}); nothing imported")
    candidates = read(text, fmt, name, options.mapping)
    del text
    first = next(candidates, None)
    if first is None:
        raise ImportFormatError(f"{name} holds no fact-check records (read as {fmt}): check --format")
    return digest.hexdigest(), fmt, first, candidates


class _Run:
    """One import run: counts, duplicate detection and chunked writes."""

    def __init__(self, store, run, options: ImportOptions, summary: ImportSummary, on_committed, progress):
        self.store, self.run, self.options = store, run, options
        self.summary, self.on_committed, self.progress = summary, on_committed, progress
        self.counts = Counter({k: v for k, v in run.counts.items() if isinstance(v, int)})
        self.skip_reasons = Counter(run.counts.get("skip_reasons", {}))
        self.warnings = Counter(run.counts.get("warnings", {}))
        self.seen: set[str] = set()

    def feed(self, candidates: Iterator[Candidate]) -> None:
        chunk: list[tuple[FactCheck, str]] = []
        position = self.run.position
        try:
            for number, candidate in enumerate(candidates):
                if number < self.run.position:
                    continue
                record, warnings, reason, detail = _checked(candidate)
                self.warnings.update(warnings)
                if reason:
                    self._skip(reason, f"record {number + 1}: {detail}")
                else:
                    chunk.append((record, content_hash(record)))
                position = number + 1
                if len(chunk) >= self.options.chunk_size:
                    self._commit(chunk, position)
                    chunk = []
        except ClaimscopeError:
            raise  # the store failed: the run stays resumable
        except Exception as err:  # the reader broke part-way (a parser's limit, memory): keep what was read
            self._commit(chunk, position)
            self.store.finish_import(self.run.id, self._counts(), "failed")
            self._report(position)
            raise ImportFormatError(
                f"{self.run.source}: reading stopped after record {position} "
                f"({type(err).__name__}: {str(err)[:200]}); the records before it were imported"
            ) from None
        self._commit(chunk, position)
        self.store.finish_import(self.run.id, self._counts())
        self._report(position)

    def _skip(self, reason: str, detail: str) -> None:
        self.counts["skipped"] += 1
        self.skip_reasons[reason] += 1
        if self.skip_reasons[reason] <= MAX_EXAMPLES:
            self.summary.examples.append(f"{self.run.source}: {reason}: {detail}")

    def _counts(self) -> dict:
        return {
            **{k: self.counts[k] for k in ("added", "updated", "unchanged", "skipped")},
            "skip_reasons": dict(self.skip_reasons), "warnings": dict(self.warnings),
        }

    def _commit(self, chunk: list[tuple[FactCheck, str]], position: int) -> None:
        stored = self.store.stored_hashes([r.id for r, _ in chunk])
        writes = []
        for record, digest in chunk:
            before = stored.get(record.id)
            if record.id in self.seen or (before and before[1] == self.run.id):
                self._skip("duplicate_id", f"{record.id} appears twice in this source (the first is kept)")
                continue
            self.seen.add(record.id)
            if before and before[0] == digest:
                self.counts["unchanged"] += 1
                continue
            self.counts["updated" if before else "added"] += 1
            writes.append((record, digest))
        self.store.write_chunk(self.run.id, writes, position, self._counts())
        ids = [r.id for r, _ in writes]
        self.summary.ids.extend(ids)
        if ids and self.on_committed:
            self.on_committed(ids)
        if self.progress:
            self.progress(self.run.source, position)

    def _report(self, position: int) -> None:
        summary = self.summary
        summary.added += self.counts["added"]
        summary.updated += self.counts["updated"]
        summary.unchanged += self.counts["unchanged"]
        summary.skipped += self.counts["skipped"]
        summary.skip_reasons.update(self.skip_reasons)
        summary.warnings.update(self.warnings)
        summary.runs.append({
            "run": self.run.id, "source": self.run.source, "format": self.run.format,
            "records": position, "resumed_from": self.run.position, **self._counts(),
        })
