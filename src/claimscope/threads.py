"""Sharing between threads, and surviving ``fork``: a guarded SQLite connection and a
thread pool of this process.

An analyzer is shared by the threads of a server; a batch engine may fork worker
processes from a parent that already holds open resources. A forked child has none of
its parent's threads and must not use its parent's SQLite connections, so both helpers
notice a new process id and make their own.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor


class Rows(list):
    """Result rows, read in full while the connection was held (a list with a cursor's
    ``fetchone``/``fetchall``)."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self) -> list:
        return list(self)


class SharedConnection:
    """One SQLite connection used by several threads, one call at a time.

    Each ``execute`` holds the lock while it runs and reads its rows; a ``with`` block
    holds it for the whole transaction (other threads wait, the same thread may go on
    calling). A forked child reopens the file; an in-memory database cannot be shared
    with a child (it raises ``sqlite3.ProgrammingError`` there).
    """

    def __init__(self, path: str, **options):
        self.path, self._options = str(path), options
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, **options)
        self._pid = os.getpid()

    def _current(self) -> sqlite3.Connection:
        if self._pid != os.getpid():
            if self.path == ":memory:":
                raise sqlite3.ProgrammingError("an in-memory database cannot be used by a forked process")
            self._lock = threading.RLock()
            self._conn = sqlite3.connect(self.path, check_same_thread=False, **self._options)
            self._pid = os.getpid()
        return self._conn

    def execute(self, sql: str, params=()) -> Rows:
        with self._lock:
            return Rows(self._current().execute(sql, params).fetchall())

    def executemany(self, sql: str, rows) -> None:
        with self._lock:
            self._current().executemany(sql, rows)

    def executescript(self, script: str) -> None:
        with self._lock:
            self._current().executescript(script)

    def __enter__(self) -> "SharedConnection":
        self._lock.acquire()
        try:
            self._current().__enter__()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc):
        try:
            return self._current().__exit__(*exc)
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class ProcessPool:
    """A thread pool made on first use in each process (a forked child gets its own
    threads, where its parent's pool would wait forever); ``shutdown`` ends it."""

    def __init__(self, workers: int, name: str):
        self.workers, self.name = workers, name
        self._pool: ThreadPoolExecutor | None = None
        self._pid = 0
        self._lock = threading.Lock()

    def get(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix=self.name)
                self._pid = os.getpid()
            return self._pool

    def submit(self, fn, *args):
        return self.get().submit(fn, *args)

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None and self._pid == os.getpid():
                self._pool.shutdown()
            self._pool = None
