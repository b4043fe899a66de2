"""The records of a batch run's inputs: JSONL files, folders of text/HTML files, WARC files.

Every input becomes a stream of :class:`~claimscope.ingest.BatchItem`: an id, the
SHA-256 of the bytes the article was read from, and the article or the reason it could
not be read. A bad record never stops the stream; an input that cannot be opened at
all raises :class:`InputError` before anything is analysed (:func:`check_inputs`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import ClaimscopeError, InputError
from ..ingest import BatchItem, from_bytes, load, read_batch
from ..ingest.load import _HTML_SUFFIXES, _HTML_TYPES, _TEXT_SUFFIXES, open_file
from ..ingest.text import MAX_BYTES, size_label

WARC_SUFFIXES = (".warc", ".warc.gz")
FILE_SUFFIXES = tuple(sorted(_HTML_SUFFIXES | _TEXT_SUFFIXES))  # what ``load`` reads as HTML or text


def check_inputs(inputs: Sequence[Path], out: Path) -> None:
    """Refuse, before any work, an input that does not exist or is the output itself."""
    if not inputs:
        raise InputError("nothing to run: give a JSONL file, a folder of text/HTML files, or WARC files")
    for path in inputs:
        if path.is_dir():
            continue
        open_file(path, directory_hint="").close()  # missing or unreadable: its one-line error
        if out.exists() and path.resolve() == out.resolve():
            raise InputError("--out is the batch file itself: write the reports to another file")


def read_inputs(inputs: Sequence[Path], out: Path | None = None) -> Iterator[BatchItem]:
    """The records of every input in turn (a folder's files in name order; ``out`` skipped)."""
    for path in inputs:
        if path.is_dir():
            for file in _files(path, out):
                yield from _records_of(file, str(file.relative_to(path).as_posix()))
        else:
            yield from _records_of(path, None)


def _records_of(path: Path, file_id: str | None) -> Iterator[BatchItem]:
    if path.name.lower().endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    elif file_id is not None:
        yield read_file(path, file_id)
    else:
        yield from read_batch(path)


def _files(folder: Path, out: Path | None) -> list[Path]:
    skip = out.resolve() if out is not None and out.exists() else None
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.name.lower().endswith(FILE_SUFFIXES + WARC_SUFFIXES) and path.resolve() != skip
    )


def read_file(path: Path, file_id: str) -> BatchItem:
    """One text or HTML file as a record: its id is its path within the folder."""
    try:
        digest = _file_hash(path)
    except OSError:
        digest = None  # unreadable: load() below says why, and a re-run tries it again
    try:
        return BatchItem(None, file_id, article=load(path), content_hash=digest)
    except ClaimscopeError as err:
        return BatchItem(None, file_id, error=err, content_hash=digest)


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_warc(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[BatchItem]:
    """The HTML responses of a WARC file (``.warc`` or ``.warc.gz``), each a record whose
    id is its target URI; other records (requests, metadata, images...) are passed over."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        while True:
            try:
                record = next(records, None)
                if record is None:
                    return
                wanted = record.rec_type == "response" and record.http_headers is not None
                item = _warc_item(record, path, max_bytes) if wanted else None
            except Exception as err:  # a damaged or cut file: warcio fails in many ways
                message = (f"{path} could not be read to its end as WARC ({type(err).__name__}): "
                           "the records before were kept")
                digest = hashlib.sha256(message.encode()).hexdigest()  # the same damage is recorded once
                yield BatchItem(None, str(path), error=InputError(message), content_hash=digest)
                return
            if item is not None:
                yield item


def _warc_item(record, path: Path, max_bytes: int) -> BatchItem | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime, _, params = content_type.partition(";")
    status = record.http_headers.get_statuscode() or ""
    if mime.strip().lower() not in _HTML_TYPES or not status.startswith("2"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path.name}#{record.rec_headers.get_header('WARC-Record-ID')}"
    body = record.content_stream().read(max_bytes + 1)
    digest = hashlib.sha256(body).hexdigest()
    if len(body) > max_bytes:
        return BatchItem(None, uri, error=InputError(
            f"the response for {uri} in {path} is over the {size_label(max_bytes)} limit"), content_hash=digest)
    charset = next((part.split("=", 1)[1].strip(' "\'') for part in params.split(";")
                    if part.strip().lower().startswith("charset=")), None)
    try:
        article = from_bytes(body, name=uri, source=uri, kind="html", declared=charset, url=uri)
    except ClaimscopeError as err:
        return BatchItem(None, uri, error=err, content_hash=digest)
    return BatchItem(None, uri, article=article, content_hash=digest)
