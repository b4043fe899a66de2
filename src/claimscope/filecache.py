"""Files that claimscope builds once and keeps in its cache folder, checked before use.

A kept file ``F`` has its SHA-256 beside it in ``F.sha256``, and, once its bytes were
hashed and found right, the file's identity at that moment (size, modification and
change times, inode). A file whose identity has not changed since is used without
reading it again: any write to it changes its identity (hashing the 86 MB encoder graph
at every start cost about 0.05 s of CPU). A file written within :data:`SETTLE_NS` of
being hashed is hashed again the next time: a write in the same clock tick as the hash
could leave its times as they were. A file whose bytes do not match its checksum
(truncated, damaged, half written) is never used; the caller builds it again.

Files are written whole (a temporary file renamed over the old one); a folder that
cannot be written only means building again next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

SETTLE_NS = 2_000_000_000  # a file's times must be this much older than its hash to be trusted


def folder(name: str) -> Path:
    """``name/`` in the user cache directory (``~/.cache/claimscope`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimscope")) / name


def intact(path: Path) -> bool:
    """Whether ``path`` holds the bytes its checksum file names."""
    stamp = _stamp_of(path)
    try:
        expected, seen = _read_stamp(stamp)
        identity, changed = _identity(path)
        if seen == identity:
            return True
        started = time.time_ns()
        with path.open("rb") as f:
            if hashlib.file_digest(f, "sha256").hexdigest() != expected:
                return False
    except (OSError, ValueError):
        return False
    if changed <= started - SETTLE_NS:
        _write(stamp, _stamp_text(expected, identity))
    return True


def keep(path: Path, content: bytes | Path) -> bool:
    """Put ``content`` (bytes, or a finished file, which is moved) at ``path`` with its
    checksum; False when the folder cannot be written (a file given stays where it was)."""
    if isinstance(content, Path):
        try:
            with content.open("rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(content, path)
        except OSError:
            return False
    elif not _write(path, content):
        return False
    else:
        digest = hashlib.sha256(content).hexdigest()
    return _write(_stamp_of(path), _stamp_text(digest, None))


def keep_table(path: Path, create: str, insert: str, rows: Iterable[tuple]) -> bool:
    """Build an SQLite file with one table (``create``, then ``insert`` for each row) and
    :func:`keep` it at ``path``; False when the folder cannot be written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        with db:
            db.execute(create)
            db.executemany(insert, rows)
        db.close()
    except (OSError, sqlite3.Error):
        kept = False
    else:
        kept = keep(path, tmp)
    if not kept:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return kept


def remembered_sha256(path: Path, stamp: Path, compute: Callable[[], str]) -> str:
    """The SHA-256 of the file at ``path``: ``compute()``, remembered in ``stamp`` and
    given from there while the file's identity stays the same."""
    try:
        identity, changed = _identity(path)
        known, seen = _read_stamp(stamp)
        if seen == identity:
            return known
    except (OSError, ValueError):
        pass
    started = time.time_ns()
    digest = compute()
    with contextlib.suppress(OSError):
        identity, changed = _identity(path)  # read again: a write while it was hashed counts
        if changed <= started - SETTLE_NS:
            _write(stamp, _stamp_text(digest, identity))
    return digest


def _stamp_of(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _identity(path: Path) -> tuple[str, int]:
    """(size, times and inode of ``path`` as one string, its latest time in ns)."""
    st = os.stat(path)
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}", max(st.st_mtime_ns, st.st_ctime_ns)


def _stamp_text(digest: str, identity: str | None) -> bytes:
    return (digest + (f"\n{identity}" if identity else "") + "\n").encode("ascii")


def _read_stamp(stamp: Path) -> tuple[str, str | None]:
    """(SHA-256, identity of the file when it was last found to have it, or None)."""
    lines = stamp.read_text(encoding="ascii").splitlines()
    if not lines or len(lines[0].strip()) != 64:
        raise ValueError(f"{stamp} holds no checksum")
    return lines[0].strip(), lines[1].strip() if len(lines) > 1 else None


def _write(target: Path, content: bytes) -> bool:
    """Write ``target`` whole; False when its folder cannot be written."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(content)
        os.replace(tmp, target)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
