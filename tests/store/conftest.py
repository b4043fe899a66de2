"""Store fixtures: every test that takes ``store`` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from claimscope.store import open_store

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def store_location(request, tmp_path):
    """Where a fresh store of each backend lives: a SQLite path or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "factchecks.sqlite")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_location):
    with open_store(store_location) as opened:
        yield opened


def set_owner(store, run_id: int, owner: str) -> None:
    """Record ``owner`` as the process running import ``run_id`` (behind the protocol's back)."""
    if hasattr(store, "pool"):
        with store.pool.connection() as conn:
            conn.execute("UPDATE imports SET owner = %s WHERE id = %s", (owner, run_id))
    else:
        store._conn.execute("UPDATE imports SET owner = ? WHERE id = ?", (owner, run_id))
