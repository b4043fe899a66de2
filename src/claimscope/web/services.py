"""What the routes use, built once per application: the desk store, the fact-check
catalog (in the search workers), the job queue (over the analysis workers) and the
rate limiters."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..settings import Settings
from .catalog import RemoteCatalog, catalog_service
from .config import WebConfig
from .desk import DeskStore
from .jobs import NICE, Jobs, analysis_service
from .security import RateLimiter
from .worker import Pool


@dataclass
class Services:
    """What the routes use, built once per application."""

    config: WebConfig
    desk: DeskStore
    catalog: RemoteCatalog
    jobs: Jobs
    writes: RateLimiter
    reads: RateLimiter

    def start(self) -> None:
        """Start the worker processes now rather than on the first search or analysis."""
        self.catalog.pool.start()
        self.jobs.pool.start()

    def close(self) -> None:
        self.jobs.close()
        self.catalog.pool.close()
        self.desk.close()


def open_services(config: WebConfig) -> Services:
    """The desk, and the worker pools (started on first use, or by :meth:`Services.start`)."""
    desk = DeskStore(config.desk_location)
    settings = Settings(db=config.db, ratings_db=config.ratings_db, matching=config.matching)
    analyses = Pool(partial(analysis_service, settings), config.workers, "claimscope-analysis", NICE)
    searches = Pool(partial(catalog_service, config), config.searchers, "claimscope-search")
    return Services(config, desk, RemoteCatalog(searches), Jobs(analyses, desk.add_analysis),
                    RateLimiter(config.write_rate), RateLimiter(config.read_rate))
