"""JSONL batches: one JSON object per line, each an article; one bad record never stops the batch.

A record has ``text`` or ``html`` (exactly one, a string) and optionally ``id``
(string or integer), ``url``, ``title``, ``date`` (YYYY-MM-DD), ``lang`` (ISO 639
code). Other fields are ignored. Blank lines are skipped. See docs/input.md.
Each record carries the SHA-256 of its line (``content_hash``), by which a resumed
batch run knows what it has done (docs/batch.md).
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Article
from .fetch import without_credentials
from .html import from_html
from .load import open_file
from .text import MAX_BYTES, from_text, size_label

_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_OPTIONAL = ("url", "title", "date", "lang")
_SKIP_CHUNK = 1 << 20


@dataclass(frozen=True)
class BatchItem:
    """One record of a batch: its id, and either an article or an error.

    ``line`` is its 1-based line in a JSONL batch (None for an input that has no lines:
    a file of a folder, a WARC record); ``content_hash`` is the SHA-256 (hex) of the
    bytes it was read from (None when they could not be read).
    """

    line: int | None
    id: str | None
    article: Article | None = None
    error: InputError | None = None
    content_hash: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def read_batch(path_or_stream: str | os.PathLike | IO, *, max_bytes: int = MAX_BYTES) -> Iterator[BatchItem]:
    """The records of a JSONL batch (a path, or an open text or binary stream), in order.

    A path that cannot be opened raises :class:`InputError` at once; a bad record
    becomes a :class:`BatchItem` with ``error`` set and the batch goes on. A record
    without an ``id`` gets ``"line-N"``. Lines longer than ``max_bytes`` are refused.
    """
    if isinstance(path_or_stream, (str, os.PathLike)):
        path = Path(path_or_stream)
        handle = open_file(path, directory_hint="give the path of a JSONL file")
        return _records_of_file(path, handle, max_bytes)
    return _records(path_or_stream, getattr(path_or_stream, "name", "the batch"), max_bytes)


def _records_of_file(path: Path, handle: IO[bytes], max_bytes: int) -> Iterator[BatchItem]:
    with handle:
        yield from _records(handle, str(path), max_bytes)


def _records(stream: IO, name: str, max_bytes: int) -> Iterator[BatchItem]:
    for number, (line, digest) in enumerate(_lines(stream, max_bytes), 1):
        if line is None:
            yield BatchItem(number, f"line-{number}", error=InputError(
                f"line {number} of {name} is over the {size_label(max_bytes)} record limit: shorten it"),
                content_hash=digest)
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield BatchItem(number, f"line-{number}", error=InputError(
                    f"line {number} of {name} is not valid UTF-8: save the batch as UTF-8"), content_hash=digest)
                continue
        line = line.removeprefix("\ufeff")  # a BOM: at the start, or where files were concatenated
        if line.strip():
            yield dataclasses.replace(_item(number, line, name), content_hash=digest)


def _lines(stream: IO, limit: int) -> Iterator[tuple[bytes | str | None, str]]:
    """Each line (or None for a line over ``limit``, whose rest is skipped unread into
    memory) and the SHA-256 of its bytes without the line break."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        newline = b"\n" if isinstance(line, bytes) else "\n"
        digest = hashlib.sha256()
        if len(line.rstrip(newline)) <= limit:
            _hash(digest, line)
            yield line, digest.hexdigest()
            continue
        while line:
            _hash(digest, line)
            if line.endswith(newline):
                break
            line = stream.readline(_SKIP_CHUNK)
        yield None, digest.hexdigest()


def _hash(digest, part: bytes | str) -> None:
    if isinstance(part, str):
        part = part.encode("utf-8", "surrogatepass")
    digest.update(part.removesuffix(b"\n").removesuffix(b"\r") if part.endswith(b"\n") else part)


def _item(number: int, line: str, name: str) -> BatchItem:
    record_id = f"line-{number}"
    try:
        record = json.loads(line.rstrip())
        if not isinstance(record, dict):
            raise _bad(number, f"is a JSON {type(record).__name__}, not an object with a text or html field")
        record_id = _id(number, record.get("id"))
        return BatchItem(number, record_id, article=_article(number, record, f"{name}:{number}"))
    except json.JSONDecodeError as err:
        problem = f"{err.msg.removesuffix(' at')} at column {err.colno}"
        error = _bad(number, f"is not valid JSON ({problem}): write one JSON object per line")
    except ValueError:  # json's only other refusal: an integer past Python's digit limit
        error = _bad(number, f"has a number of more than {sys.get_int_max_str_digits()} digits: write it as a string")
    except RecursionError:
        error = _bad(number, "is nested too deeply to read: write one flat JSON object per line")
    except InputError as err:
        error = err
    return BatchItem(number, record_id, error=error)


def _bad(number: int, problem: str) -> InputError:
    return InputError(f"line {number} {problem}")


def _id(number: int, value) -> str:
    if value is None:
        return f"line-{number}"
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _bad(number, f"has an id of type {type(value).__name__}: use a string or an integer")
    return str(value)


def _article(number: int, record: dict, source: str) -> Article:
    fields = {key: _string(number, record, key) for key in ("text", "html", *_OPTIONAL)}
    if fields["url"]:
        fields["url"] = without_credentials(fields["url"])
    if (fields["text"] is None) == (fields["html"] is None):
        both = "both text and html" if fields["text"] is not None else "neither text nor html"
        raise _bad(number, f"has {both}: give exactly one of them")
    if fields["text"] is not None:
        article = from_text(fields["text"], name=f"the text of line {number}", url=fields["url"])
    else:
        article = from_html(fields["html"], url=fields["url"], name=f"the html of line {number}")
    given = {
        "title": fields["title"],
        "date": _date(number, fields["date"]),
        "lang": _lang(number, fields["lang"]),
        "source": source,
    }
    meta = dataclasses.replace(article.meta, **{key: value for key, value in given.items() if value})
    return dataclasses.replace(article, meta=meta)


def _string(number: int, record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise _bad(number, f"has a {key} of type {type(value).__name__}: it must be a string")
    return value


def _date(number: int, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise _bad(number, f"has the date {value!r}: write it as YYYY-MM-DD") from None


def _lang(number: int, value: str | None) -> str | None:
    if not value:
        return None
    found = _LANG.fullmatch(value.strip())
    if not found:
        raise _bad(number, f"has the lang {value!r}: use an ISO 639 code such as fr or pt-BR")
    return found.group(1).lower()
