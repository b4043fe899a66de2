"""Analyses run off the event loop and out of the server's process: a bounded queue of
jobs, each analysed by one of the worker processes (``web.worker``).

Each analysis is a job (queued → running → done or failed); a finished one is stored
in the desk (its permalink). The web answers a short text synchronously by waiting
for its job a bounded time, and a long one (or one still running at that time) with
the job to poll: the event loop never waits on an analysis.
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import ClaimscopeError, internal_message
from ..model import Article
from ..settings import Settings
from .errors import NotFound, RateLimited, status_of
from .worker import SHUTDOWN_GRACE, Failed, Worker

log = logging.getLogger(__name__)
KEEP_JOBS = 2000  # finished jobs remembered (their analyses are stored for good)


@dataclass
class Job:
    id: str
    status: str = "queued"  # queued, running, done, failed
    analysis_id: str | None = None
    error: dict[str, str] | None = None
    error_status: int = 500  # the HTTP status of the failure, for a caller that waited
    worker_pid: int | None = field(default=None, repr=False)  # the process that analysed it
    future: Future | None = field(default=None, repr=False)

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "analysis_id": self.analysis_id, "error": self.error}


class Jobs:
    """A bounded queue of analyses over ``workers`` worker processes, each opening an
    analyzer with ``settings``; ``store`` keeps each report (in the server's process)."""

    def __init__(self, settings: Settings, store: Callable[[dict], str], workers: int, max_queued: int = 64):
        self._store = store
        self.workers = [Worker(settings, f"claimscope-analysis-{n + 1}") for n in range(workers)]
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        for worker in self.workers:
            self._idle.put(worker)
        # one thread per worker process, waiting on it: the queue of jobs is the pool's
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimscope-analysis")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self.max_queued = max_queued

    def start(self) -> None:
        """Start the worker processes now rather than on the first analysis."""
        for worker in self.workers:
            worker.start()

    def submit(self, load: Callable[[], Article]) -> Job:
        """Queue an analysis of what ``load`` returns (the reading and fetching happen in
        the worker too, so ``load`` must pickle: ``web.intake.loader`` makes one)."""
        with self._lock:
            waiting = sum(job.status in ("queued", "running") for job in self._jobs.values())
            if waiting >= self.max_queued:
                raise RateLimited(f"{waiting} analyses are waiting: try again in a minute")
            job = Job(secrets.token_urlsafe(9))
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].status in ("queued", "running"):
                    break
                del self._jobs[oldest]
        job.future = self._pool.submit(self._run, job, load)
        return job

    def _run(self, job: Job, load: Callable[[], Article]) -> None:
        def started(pid: int) -> None:
            job.worker_pid, job.status = pid, "running"

        worker = self._idle.get()
        try:
            job.analysis_id = self._store(worker.analyse(load, started))
            job.status = "done"
        except Failed as failed:
            job.error, job.error_status, job.status = failed.error, failed.status, "failed"
        except ClaimscopeError as err:  # the worker stopped, or the desk cannot store the report
            job.error, job.error_status = {"code": err.code, "message": err.message}, status_of(err)
            job.status = "failed"
        except Exception as err:  # a bug: the job fails, the server goes on
            log.exception("analysis job %s failed", job.id)
            job.error, job.status = {"code": "internal", "message": internal_message(err)}, "failed"
        finally:
            self._idle.put(worker)

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}: it finished long ago (see the history) or never existed")
        return job

    def close(self) -> None:
        """Drop the queued jobs, let the running ones finish (briefly), stop the workers."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + SHUTDOWN_GRACE
        for worker in self.workers:
            worker.stop()
        for worker in self.workers:
            worker.join(deadline - time.monotonic())
        self._pool.shutdown(wait=True)
