"""What the routes use, built once per application: the desk store, the fact-check
catalog, the job queue over the analysis workers and the rate limiters."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..errors import StoreError
from ..settings import Settings
from .catalog import Catalog
from .config import WebConfig
from .desk import DeskStore
from .jobs import Jobs
from .security import RateLimiter

log = logging.getLogger(__name__)


@dataclass
class Services:
    """What the routes use, built once per application."""

    config: WebConfig
    desk: DeskStore
    catalog: Catalog
    jobs: Jobs
    writes: RateLimiter
    reads: RateLimiter
    opened: tuple = ()  # what open_services opened and close() closes, last first

    def close(self) -> None:
        self.jobs.close()
        for resource in reversed(self.opened):
            resource.close()


def open_catalog(config: WebConfig) -> tuple[Catalog, list]:
    """The fact-check store and its search index, as the analyses match against them
    (none with matching off or without an index), and what to close."""
    from ..search.sync import open_for_matching

    found = None
    if config.matching:
        try:
            found = open_for_matching(config.store_location)
        except StoreError as err:  # the workers' reports carry the notice; the search finds nothing
            log.warning("fact-check search unavailable: %s", err)
    return (Catalog(*found), list(found)) if found else (Catalog(None), [])


def open_services(config: WebConfig) -> Services:
    """The desk, the catalog searched in this process and the jobs analysed in worker processes."""
    catalog, opened = open_catalog(config)
    desk = DeskStore(config.desk_location)
    opened.append(desk)
    settings = Settings(db=config.db, ratings_db=config.ratings_db, matching=config.matching)
    jobs = Jobs(settings, desk.add_analysis, config.workers)
    return Services(config, desk, catalog, jobs, RateLimiter(config.write_rate), RateLimiter(config.read_rate),
                    tuple(opened))
