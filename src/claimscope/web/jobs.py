"""Analyses run off the event loop and out of the server's process: a bounded queue of
jobs, each analysed by one of the analysis worker processes (``web.worker``), which
run at a lower CPU priority than the server, each with its own analyzer.

Each analysis is a job (queued → running → done or failed); a finished one is stored
in the desk (its permalink). The web answers a short text synchronously by waiting
for its job a bounded time, and a long one (or one still running at that time) with
the job to poll: the event loop never waits on an analysis.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import ClaimscopeError, internal_message
from ..model import Article
from ..settings import Settings
from .errors import NotFound, RateLimited, status_of
from .worker import Pool

log = logging.getLogger(__name__)
KEEP_JOBS = 2000  # finished jobs remembered (their analyses are stored for good)
NICE = 10  # added to the analysis workers' niceness: the server's requests come first on a busy CPU
WARM_UP = "Warm-up text.\n\nThe committee said on Monday that the new bridge opened."


@contextmanager
def analysis_service(settings: Settings):
    """An analysis worker's service: its own analyzer; a request is a loader, the answer its report."""
    from ..analyzer import Analyzer

    with Analyzer(settings) as analyzer:
        analyzer.analyze(WARM_UP)  # loads the models now, not on the first article
        yield lambda load: analyzer.analyze(load()).data


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
    """A bounded queue of analyses over the worker processes of ``pool``; ``store``
    keeps each report (in the server's process)."""

    def __init__(self, pool: Pool, store: Callable[[dict], str], max_queued: int = 64):
        self.pool, self._store = pool, store
        # one thread per worker process, waiting on it: the queue of jobs is this executor's
        self._queue = ThreadPoolExecutor(max_workers=len(pool.workers), thread_name_prefix="claimscope-analysis")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self.max_queued = max_queued

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
        job.future = self._queue.submit(self._run, job, load)
        return job

    def _run(self, job: Job, load: Callable[[], Article]) -> None:
        def started(pid: int) -> None:
            job.worker_pid, job.status = pid, "running"

        try:
            job.analysis_id = self._store(self.pool.call(load, started))
            job.status = "done"
        except ClaimscopeError as err:  # the analysis failed, its worker stopped, or the desk cannot store it
            job.error, job.error_status = {"code": err.code, "message": err.message}, status_of(err)
            job.status = "failed"
        except Exception as err:  # a bug: the job fails, the server goes on
            log.exception("analysis job %s failed", job.id)
            job.error, job.status = {"code": "internal", "message": internal_message(err)}, "failed"

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}: it finished long ago (see the history) or never existed")
        return job

    def close(self) -> None:
        """Drop the queued jobs, let the running ones finish (briefly), stop the workers."""
        self._queue.shutdown(wait=False, cancel_futures=True)
        self.pool.close()
        self._queue.shutdown(wait=True)
