"""Analyses run off the event loop, on a pool of worker threads sharing one analyzer.

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
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import ClaimscopeError, internal_message
from ..model import Article
from .errors import NotFound, RateLimited

log = logging.getLogger(__name__)
KEEP_JOBS = 2000  # finished jobs remembered (their analyses are stored for good)


@dataclass
class Job:
    id: str
    status: str = "queued"  # queued, running, done, failed
    analysis_id: str | None = None
    error: dict[str, str] | None = None
    failure: ClaimscopeError | None = field(default=None, repr=False)  # an expected failure, for its status
    future: Future | None = field(default=None, repr=False)

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "analysis_id": self.analysis_id, "error": self.error}


class Jobs:
    """A bounded queue of analyses over ``workers`` threads; ``store`` keeps each report."""

    def __init__(self, analyze: Callable[[Article], dict], store: Callable[[dict], str], workers: int,
                 max_queued: int = 64):
        self._analyze, self._store = analyze, store
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimscope-analysis")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self.max_queued = max_queued

    def submit(self, load: Callable[[], Article]) -> Job:
        """Queue an analysis of what ``load`` returns (the reading and fetching happen in the job too)."""
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
        job.status = "running"
        try:
            job.analysis_id = self._store(self._analyze(load()))
            job.status = "done"
        except ClaimscopeError as err:
            job.error, job.failure = {"code": err.code, "message": err.message}, err
            job.status = "failed"
        except Exception as err:  # a bug on one article: the job fails, the server goes on
            log.exception("analysis job %s failed", job.id)
            job.error, job.status = {"code": "internal", "message": internal_message(err)}, "failed"

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}: it finished long ago (see the history) or never existed")
        return job

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
