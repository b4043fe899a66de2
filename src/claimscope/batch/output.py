"""The JSONL output of a batch run: appended whole lines, read back to resume.

Each chunk's lines go out in one append-mode write followed by ``fsync``, so a run
killed at any moment leaves complete lines and at most one cut last line. Opening the
output again discards that cut line and collects the ``(id, content_hash)`` of every
record written, which a resumed run skips.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

_UNSYNCABLE = {errno.EINVAL, errno.ENOTSUP, errno.EROFS}  # a device or pipe: nothing to flush


def record_key(record: dict) -> tuple[str, str] | None:
    """What marks a record done: its id and content hash (None for a record without a hash)."""
    if record.get("content_hash") is None:
        return None
    return (str(record.get("id")), record["content_hash"])


class ReportLog:
    """An output file opened for appending, with the keys of the records already in it."""

    def __init__(self, path: Path):
        self.path = path
        self.done: set[tuple[str, str]] = set()
        if _is_regular(path):
            self._recover()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _recover(self) -> None:
        kept = 0
        with self.path.open("rb+") as handle:
            for line in handle:
                if not line.endswith(b"\n"):  # a line cut by a kill: dropped, its record is analysed again
                    handle.truncate(kept)
                    break
                kept += len(line)
                try:
                    key = record_key(json.loads(line))
                except (ValueError, AttributeError):
                    continue  # not a record of ours
                if key is not None:
                    self.done.add(key)

    def write(self, records: list[dict]) -> None:
        """Append ``records`` (one JSON line each) and flush them to disk."""
        data = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        try:
            os.fsync(self._fd)
        except OSError as err:
            if err.errno not in _UNSYNCABLE:
                raise
        self.done.update(key for key in map(record_key, records) if key is not None)

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> "ReportLog":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
