"""One entry point for a single input: a file path, ``-`` (standard input) or an http(s) URL."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from .fetch import fetch, without_credentials
from .html import from_html, looks_like_html, meta_charset
from .text import MAX_BYTES, decode_bytes, from_text, size_label

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".xht", ".shtml"}
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def load(
    source: str | os.PathLike,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Article:
    """Read ``source`` (a path, ``-`` for ``stdin``, or an http/https URL) as an article.

    HTML or plain text is decided by the file extension or Content-Type, else by
    sniffing the content. ``allow_private`` and ``timeout`` apply to URLs (see
    :func:`claimscope.ingest.fetch`); ``max_bytes`` caps every kind of input.
    Raises :class:`InputError` or :class:`FetchError` with a one-line reason.
    """
    source = os.fspath(source)
    if source == "-":
        raw = _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
        return from_bytes(raw, name="standard input", source="-")
    if _URL.match(source):
        page = fetch(source, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
        kind = "html" if page.content_type in _HTML_TYPES else ("text" if page.content_type else None)
        shown = without_credentials(source)
        return from_bytes(page.body, name=shown, source=shown, kind=kind, declared=page.charset, url=page.url)
    path = Path(source)
    raw = _read_path(path, max_bytes)
    suffix = path.suffix.lower()
    kind = "html" if suffix in _HTML_SUFFIXES else ("text" if suffix in _TEXT_SUFFIXES else None)
    return from_bytes(raw, name=source, source=source, kind=kind)


def from_bytes(
    raw: bytes,
    *,
    name: str = "the input",
    source: str | None = None,
    kind: str | None = None,
    declared: str | None = None,
    url: str | None = None,
) -> Article:
    """An article from raw bytes (an upload, a file's content...).

    ``kind`` is "html", "text" or None to sniff; ``declared`` a charset announced
    outside the bytes (HTTP header); ``name`` names the input in error messages.
    """
    if not raw:
        raise InputError(f"{name} is empty: nothing to check")
    if declared is None and kind != "text":
        declared = meta_charset(raw)
    text, encoding = decode_bytes(raw, declared=declared, name=name)
    if kind == "html" or (kind is None and looks_like_html(text)):
        article = from_html(text, url=url, name=name)
        return dataclasses.replace(
            article, meta=dataclasses.replace(article.meta, source=source, encoding=encoding)
        )
    return from_text(text, name=name, source=source, encoding=encoding, url=url)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> bytes:
    if getattr(stream, "isatty", lambda: False)():
        raise InputError("nothing on standard input: pipe an article in, e.g. cat article.txt | claimscope check -")
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise _too_large("standard input", max_bytes)
    return raw


def _read_path(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused from its size before reading when it is too large."""
    directory = "give the path of one file (a JSONL batch goes to --batch)"
    with open_file(path, max_bytes=max_bytes, directory_hint=directory) as handle, _read_errors(path):
        raw = handle.read(max_bytes + 1)  # files that grow, pipes and devices have no useful size
    if len(raw) > max_bytes:
        raise _too_large(path, max_bytes)
    return raw


def read_capped(path: Path, limit: int, too_big: Exception) -> bytes:
    """At most ``limit`` bytes of ``path``, else ``too_big``: a regular file is refused from
    its size unread, a pipe or device (/dev/zero) is read up to the limit only. OS errors
    propagate for the caller to word."""
    if path.is_file() and path.stat().st_size > limit:
        raise too_big
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise too_big
    return data


def open_file(path: Path, *, max_bytes: int | None = None, directory_hint: str) -> BinaryIO:
    """``path`` opened for reading, or one clear error: missing, directory, too large, forbidden."""
    with _read_errors(path):
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path} is a directory: {directory_hint}")
        if max_bytes is not None and info.st_size > max_bytes:
            raise _too_large(path, max_bytes, info.st_size)
        return path.open("rb")


@contextmanager
def _read_errors(path: Path):
    """Turn the OS's reasons for not reading ``path`` into one-line input errors."""
    try:
        yield
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path} does not exist: check the path") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied (check the file's permissions)") from None
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from None


def _too_large(name, max_bytes: int, size: int | None = None) -> InputError:
    what = f"is {size_label(size)}, over" if size is not None else "is over"
    return InputError(f"{name} {what} the {size_label(max_bytes)} input limit: check the article's text alone")
