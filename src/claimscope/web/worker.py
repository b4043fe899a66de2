"""Worker processes for the web server: the analyses, and the fact-check searches, run
out of the server's process, so that no request waits for the interpreter lock behind
them (docs/web.md#concurrency).

A worker runs one *service*: a picklable callable that opens what the work needs (an
analyzer, a search index) as a context manager yielding ``handle(request)``. The
server talks to each worker over a pipe: it sends a request and gets back
``("running", pid)`` when the worker starts on it, then ``("done", value)`` or
``("failed", error, status)``. A worker that dies (killed, out of memory, a crash in
native code) fails the request it had with :class:`WorkerLost` and a new one is started.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from typing import Any, Callable, ContextManager

from ..errors import ClaimscopeError, internal_message
from .errors import WebError, WorkerLost, status_of

log = logging.getLogger(__name__)
SHUTDOWN_GRACE = 10.0  # seconds a stopping server lets running requests finish
Service = Callable[[], ContextManager[Callable[[Any], Any]]]


def one_blas_thread() -> None:
    """One thread for numpy's BLAS (and OpenMP) in this process. Workers already run side
    by side, one per CPU: BLAS threads of their own only spin against each other. Measured
    with bench/bench_web.py on 2 CPUs: search p95 415-437 ms with the default threads,
    260 ms with one (docs/web.md)."""
    import numpy  # noqa: F401 - loads the BLAS library, so that the limit reaches it
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


class Failed(WebError):
    """A request that failed in a worker, with the code and HTTP status it failed with there."""

    def __init__(self, error: dict[str, str], status: int):
        super().__init__(error["message"])
        self.code, self.status = error["code"], status


def _answer(handle: Callable, request) -> tuple:
    """``("done", value)`` or ``("failed", error, status)`` for one request."""
    try:
        return "done", handle(request)
    except ClaimscopeError as err:
        return "failed", {"code": err.code, "message": err.message}, status_of(err)
    except Exception as err:  # a bug on one request: it fails, the worker goes on
        log.exception("a request failed in the worker")
        return "failed", {"code": "internal", "message": internal_message(err)}, 500


def serve(conn, service: Service, nice: int) -> None:
    """A worker process's main: open the service, then answer requests until told to
    stop (``None``) or until the server is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl+C is the server's to handle
    os.nice(nice)  # before any thread starts: the embedder's and ONNX Runtime's threads inherit it
    one_blas_thread()
    try:
        with service() as handle:
            while (request := conn.recv()) is not None:
                conn.send(("running", os.getpid()))
                conn.send(_answer(handle, request))
    except (EOFError, BrokenPipeError):
        return  # the server stopped
    except Exception as err:  # cannot start: said to the server, which fails the request with it
        conn.send(("failed", {"code": "internal", "message": f"the worker cannot start: {internal_message(err)}"}, 500))


class Worker:
    """The server's handle on one worker process: started on first use (or by
    :meth:`start`), started again when it died, stopped by :meth:`stop` and :meth:`join`.
    It stays in the server's session, so that its ``nice`` counts against the server's
    own threads (the kernel shares the CPU between sessions first)."""

    def __init__(self, service: Service, name: str, nice: int = 0):
        self.service, self.name, self.nice = service, name, nice
        self.closed = False
        self._process = None
        self._conn = None
        self._call_lock = threading.Lock()  # one request at a time
        self._send_lock = threading.Lock()  # a request and the stop signal never interleave

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the process now (it opens its service while the server starts)."""
        with self._call_lock, self._send_lock:
            if not self.closed:
                self._ensure_running()

    def _ensure_running(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        if self._process is not None:
            log.warning("worker %s had stopped (exit code %s): starting a new one", self.name, self._process.exitcode)
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        parent, child = context.Pipe()
        process = context.Process(target=serve, args=(child, self.service, self.nice), name=self.name, daemon=True)
        process.start()
        child.close()  # the worker holds the only other end: its death reads as end of file here
        self._process, self._conn = process, parent

    def call(self, request, started: Callable[[int], None] | None = None) -> Any:
        """What the service answers to ``request``; ``started(pid)`` is called when the
        worker starts on it. Raises :class:`Failed` (the request failed) or
        :class:`WorkerLost` (the worker stopped under it: a new one is started). A
        request the worker died before starting on is sent once more, to the new worker."""
        with self._call_lock:
            for again in (True, False):
                running = False
                try:
                    with self._send_lock:
                        if self.closed:
                            raise WorkerLost("the server is stopping: try again once it is back")
                        self._ensure_running()
                        self._conn.send(request)
                    while (answer := self._conn.recv())[0] == "running":
                        running = True
                        if started:
                            started(answer[1])
                    break
                except (EOFError, BrokenPipeError, ConnectionResetError):
                    lost = self._lost()
                    if running or not again:
                        raise lost from None
            if answer[0] == "failed":
                raise Failed(answer[1], answer[2])
            return answer[1]

    def _lost(self) -> WorkerLost:
        """The error for a request whose worker stopped; a new worker is started unless the server is stopping."""
        self._process.join(timeout=5)
        if self.closed:
            return WorkerLost("the server stopped before this request finished: send it again once it is back")
        code = self._process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.error("worker %s (pid %s) stopped (%s)", self.name, self._process.pid, how)
        with self._send_lock:
            if not self.closed:
                self._ensure_running()
        return WorkerLost(f"the worker stopped while it had this request ({how}); a new worker has started: "
                          "send it again, and report it if it happens again")

    def stop(self) -> None:
        """Tell the process to stop: at once when idle, after its running request otherwise."""
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
        with self._call_lock:  # the request's thread has read the end of the pipe and let go
            self._conn.close()


class Pool:
    """``size`` workers running ``service`` (at ``nice``); a call takes an idle one,
    waiting for one when all are busy."""

    def __init__(self, service: Service, size: int, name: str, nice: int = 0):
        self.workers = [Worker(service, f"{name}-{n + 1}", nice) for n in range(size)]
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        for worker in self.workers:
            self._idle.put(worker)

    def start(self) -> None:
        """Start the worker processes now rather than on the first request."""
        for worker in self.workers:
            worker.start()

    def call(self, request, started: Callable[[int], None] | None = None) -> Any:
        """What an idle worker answers to ``request`` (see :meth:`Worker.call`)."""
        worker = self._idle.get()
        try:
            return worker.call(request, started)
        finally:
            self._idle.put(worker)

    def close(self, grace: float = SHUTDOWN_GRACE) -> None:
        """Stop every worker, letting running requests finish for at most ``grace`` seconds."""
        deadline = time.monotonic() + grace
        for worker in self.workers:
            worker.stop()
        for worker in self.workers:
            worker.join(deadline - time.monotonic())
