"""How the web server is set up: one :class:`WebConfig`, filled by ``claimscope serve``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ingest.text import MAX_BYTES
from ..store import default_db_path


def usable_cpus() -> int:
    """The CPUs this process may use (as the embedder counts them)."""
    from ..embed import _usable_cpus

    return _usable_cpus()


def default_workers() -> int:
    """One analysis worker per two CPUs this process may use: the other half serves requests."""
    return max(1, usable_cpus() // 2)


@dataclass(frozen=True)
class WebConfig:
    """``db``: the fact-check store (path or postgresql:// URL; None: the default path);
    ``ratings_db``: the outlet ratings (None: the default path, when it exists).
    ``desk_db``: where analyses, desk decisions and API keys live, a SQLite path or a
    PostgreSQL URL (None: the ``db`` itself).
    ``workers``: analysis worker processes, i.e. analyses run at once (default: one per
    two usable CPUs, at least one). ``searchers``: fact-check search worker processes
    (default: one per usable CPU). ``private_reads``: reads need a key too.
    ``write_rate`` / ``read_rate``: requests per minute per key / per address (0: no
    limit). ``sync_chars``: longer texts are always analysed as a job; ``sync_timeout``:
    seconds an API call waits for its analysis before answering with the job.
    """

    db: str | None = None
    ratings_db: str | None = None
    desk_db: str | None = None
    workers: int = field(default_factory=default_workers)
    searchers: int = field(default_factory=usable_cpus)
    private_reads: bool = False
    write_rate: int = 120
    read_rate: int = 600
    sync_chars: int = 20_000
    sync_timeout: float = 30.0
    max_body: int = MAX_BYTES + 64 * 1024
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False
    matching: bool = True

    @property
    def store_location(self) -> str:
        return str(self.db or default_db_path())

    @property
    def desk_location(self) -> str:
        if self.desk_db:
            return self.desk_db
        return self.store_location.removeprefix("sqlite:///")
