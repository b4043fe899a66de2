"""The fact-check store: a :class:`Store` protocol and its default SQLite backend.

Where the database lives (docs/factchecks.md): the ``db`` argument (the CLI's ``--db``,
or the ``CLAIMSCOPE_DB`` environment variable, which only the command line reads:
``claimscope.settings``), else ``<user data dir>/claimscope/factchecks.sqlite``
(platformdirs). A
``postgresql://`` URL opens the PostgreSQL backend instead (docs/postgres.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from ..errors import StoreError
from .base import ImportRun, Store
from .postgres import PostgresStore, is_postgres_url
from .sqlite import SQLiteStore

__all__ = ["ImportRun", "PostgresStore", "SQLiteStore", "Store", "db_location", "default_db_path", "open_store"]

def default_db_path() -> Path:
    """The database used when none is named."""
    return Path(user_data_dir("claimscope", appauthor=False)) / "factchecks.sqlite"


def db_location(db: str | os.PathLike | None = None) -> str:
    """The database to open: ``db``, else the default path."""
    return str(db or default_db_path())


def open_store(db: str | os.PathLike | None = None, create: bool = True) -> Store:
    """Open (migrating when needed) the store at :func:`db_location`.

    A missing database is created, unless ``create`` is False (commands that only
    read): then it is a StoreError, and no folder or empty file is left behind.
    """
    location = db_location(db)
    if is_postgres_url(location):
        return PostgresStore(location)  # a missing database is the server's error either way
    if location.startswith("sqlite:///"):
        location = location.removeprefix("sqlite:///")
    if not create and location != ":memory:" and not Path(location).exists():
        raise StoreError(
            f"no fact-check database at {location}: import fact-checks first "
            "(`claimscope factchecks import FILE`) or name an existing one with --db"
        )
    return SQLiteStore(location)
