"""The analysis worker: a separate process, at a lower CPU priority, holding its own
:class:`~claimscope.Analyzer` and analysing one article at a time for the web server.

The server's process keeps the requests (search, pages, the desk); an analysis is long
Python work that would hold the interpreter lock there and starve them. The server
talks to each worker over a pipe: it sends a loader (``web.intake``: the reading and
fetching happen in the worker too) and gets back ``("running", pid)`` when the worker
starts on it, then ``("done", report)`` or ``("failed", error, status)``. A worker that
dies (killed, out of memory, a crash in native code) fails the job it had with
:class:`WorkerLost` and a new one is started. docs/web.md#concurrency.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from typing import Any, Callable

from ..errors import ClaimscopeError, internal_message
from ..settings import Settings
from .errors import WorkerLost, status_of

log = logging.getLogger(__name__)
NICE = 10  # added to the worker's niceness: the server's requests come first on a busy CPU
SHUTDOWN_GRACE = 10.0  # seconds a stopping server lets a running analysis finish
WARM_UP = "Warm-up text.\n\nThe committee said on Monday that the new bridge opened."


class Failed(Exception):
    """An analysis that failed in the worker: its ``error`` (code, message) and HTTP ``status``."""

    def __init__(self, error: dict[str, str], status: int):
        super().__init__(error["message"])
        self.error, self.status = error, status


def _analyse(analyzer, load: Callable) -> tuple:
    """The answer for one job: ``("done", report)`` or ``("failed", error, status)``."""
    try:
        return "done", analyzer.analyze(load()).data
    except ClaimscopeError as err:
        return "failed", {"code": err.code, "message": err.message}, status_of(err)
    except Exception as err:  # a bug on one article: the job fails, the worker goes on
        log.exception("analysis failed in the worker")
        return "failed", {"code": "internal", "message": internal_message(err)}, 500


def serve(conn, settings: Settings, nice: int) -> None:
    """The worker process's main: open the analyzer, then answer jobs until told to stop
    (``None``) or until the server is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl+C is the server's to handle
    os.nice(nice)  # before any thread starts: the embedder's and ONNX Runtime's threads inherit it
    from ..analyzer import Analyzer

    try:
        with Analyzer(settings) as analyzer:
            analyzer.analyze(WARM_UP)  # loads the models now, not on the first article
            while (load := conn.recv()) is not None:
                conn.send(("running", os.getpid()))
                conn.send(_analyse(analyzer, load))
    except (EOFError, BrokenPipeError):
        return  # the server stopped
    except Exception as err:  # cannot start: said to the server, which fails the job with it
        conn.send(("failed", {"code": "internal", "message": f"the analysis worker cannot start: "
                              f"{internal_message(err)}"}, 500))


class Worker:
    """The server's handle on one worker process: started on first use (or by
    :meth:`start`), started again when it died, stopped by :meth:`stop` and :meth:`join`."""

    def __init__(self, settings: Settings, name: str, nice: int = NICE):
        self.settings, self.name, self.nice = settings, name, nice
        self.closed = False
        self._process = None
        self._conn = None
        self._job_lock = threading.Lock()  # one job at a time
        self._send_lock = threading.Lock()  # a job and the stop signal never interleave

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the process now (it loads its analyzer while the server starts)."""
        with self._job_lock:
            self._ensure_running()

    def _ensure_running(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        if self._process is not None:
            log.warning("analysis worker %s had stopped (exit code %s): starting a new one",
                        self.name, self._process.exitcode)
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        parent, child = context.Pipe()
        process = context.Process(target=serve, args=(child, self.settings, self.nice), name=self.name, daemon=True)
        process.start()
        child.close()  # the worker holds the only other end: its death reads as end of file here
        self._process, self._conn = process, parent

    def analyse(self, load: Callable, started: Callable[[int], None]) -> dict[str, Any]:
        """The report of the article ``load`` gives; ``started(pid)`` is called when the
        worker starts on it. Raises :class:`Failed` (the analysis failed) or
        :class:`WorkerLost` (the worker stopped under it: a new one is started)."""
        with self._job_lock:
            try:
                with self._send_lock:
                    if self.closed:
                        raise WorkerLost("the server is stopping: send the article again once it is back")
                    self._ensure_running()
                    self._conn.send(load)
                while (answer := self._conn.recv())[0] == "running":
                    started(answer[1])
            except (EOFError, BrokenPipeError, ConnectionResetError):
                raise self._lost() from None
            if answer[0] == "failed":
                raise Failed(answer[1], answer[2])
            return answer[1]

    def _lost(self) -> WorkerLost:
        """The error for a job whose worker stopped; a new worker is started unless the server is stopping."""
        self._process.join(timeout=5)
        if self.closed:
            return WorkerLost("the server stopped before this analysis finished: send the article again")
        code = self._process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.error("analysis worker %s (pid %s) stopped during a job (%s)", self.name, self._process.pid, how)
        with self._send_lock:
            if not self.closed:
                self._ensure_running()
        return WorkerLost(f"the analysis worker stopped while analysing this article ({how}); a new worker "
                          "has started: send the article again, and report it if it happens again")

    def stop(self) -> None:
        """Tell the process to stop: at once when idle, after its running analysis otherwise."""
        with self._send_lock:
            self.closed = True
            if self._process is None:
                return
            try:
                self._conn.send(None)
            except OSError:
                pass  # already gone

    def join(self, timeout: float) -> None:
        """Wait for the stopped process at most ``timeout`` seconds, then end it."""
        if self._process is None:
            return
        self._process.join(max(timeout, 0))
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        with self._job_lock:  # the job's thread has read the end of the pipe and let go
            self._conn.close()
