"""What the routes use, built once per application: the shared analyzer, the desk store,
the fact-check catalog, the job pool and the rate limiters."""

from __future__ import annotations

from dataclasses import dataclass

from ..analyzer import Analyzer
from ..resources import Resources
from ..settings import Settings
from ..store import open_store
from .catalog import Catalog
from .config import WebConfig
from .desk import DeskStore
from .jobs import Jobs
from .security import RateLimiter


@dataclass
class Services:
    """What the routes use, built once per application."""

    config: WebConfig
    analyzer: Analyzer
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


def open_services(config: WebConfig, analyzer: Analyzer | None = None) -> Services:
    """The analyzer (a given one is used as it is, and left open), the desk and the job pool."""
    opened: list = []
    if analyzer is None:
        resources = None
        if config.matching:
            from ..search.sync import index_path, open_index
            from ..store.postgres import is_postgres_url

            location = config.store_location
            if is_postgres_url(location) or index_path(location).exists():
                store = open_store(location)
                resources = Resources(store=store, index=open_index(store))
                opened += [store, resources.index]
        analyzer = Analyzer(Settings(db=config.db, ratings_db=config.ratings_db, matching=config.matching), resources)
        opened.append(analyzer)
    desk = DeskStore(config.desk_location)
    opened.append(desk)
    jobs = Jobs(lambda article: analyzer.analyze(article).data, desk.add_analysis, config.workers)
    return Services(config, analyzer, desk, Catalog(analyzer.resources.store, analyzer.resources.index), jobs,
                    RateLimiter(config.write_rate), RateLimiter(config.read_rate), tuple(opened))
