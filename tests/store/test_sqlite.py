"""What is SQLite's own in the SQLite store: migrations, location rules, errors (the
behaviour every backend shares is in test_store.py)."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from claimscope.errors import StoreError
from claimscope.store import Store, db_location, default_db_path, open_store
from claimscope.store.migrations import SQLITE_MIGRATIONS, Migration, migrate


def test_migrations_are_numbered_recorded_and_applied_once(tmp_path):
    path = tmp_path / "m.sqlite"
    with open_store(path) as store:
        assert isinstance(store, Store)
        assert store.schema_version() == max(m.version for m in SQLITE_MIGRATIONS)
    latest = len(SQLITE_MIGRATIONS)
    with open_store(path) as store:
        assert store.schema_version() == latest
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [v for v, _ in rows] == list(range(1, latest + 1))


def test_a_failing_migration_rolls_back_entirely(tmp_path):
    conn = sqlite3.connect(tmp_path / "f.sqlite", isolation_level=None)
    migrate(conn)
    latest = len(SQLITE_MIGRATIONS)
    broken = SQLITE_MIGRATIONS + (Migration(latest + 1, "broken", ("CREATE TABLE half (x)", "NOT SQL")),)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == latest


def test_location_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMSCOPE_DB", str(tmp_path / "env.sqlite"))  # read by the command line only
    assert db_location() == str(default_db_path())
    assert default_db_path().name == "factchecks.sqlite" and default_db_path().parent.name == "claimscope"
    assert db_location(tmp_path / "flag.sqlite") == str(tmp_path / "flag.sqlite")
    with open_store(f"sqlite:///{tmp_path / 'url.sqlite'}"):
        assert (tmp_path / "url.sqlite").exists()


@pytest.mark.parametrize("make", [
    lambda p: (p / "notdb.sqlite").write_text("this is not a database " * 100) and p / "notdb.sqlite",
    lambda p: p,
])
def test_unusable_locations_raise_store_error(tmp_path, make):
    with pytest.raises(StoreError) as info:
        open_store(make(tmp_path))
    assert "\n" not in str(info.value)


def test_locations_that_do_not_exist_are_not_created_for_reading(tmp_path):
    missing = tmp_path / "no" / "such" / "db.sqlite"
    with pytest.raises(StoreError, match="no fact-check database at .*import fact-checks first"):
        open_store(missing, create=False)
    assert not (tmp_path / "no").exists()


def test_opening_a_new_file_waits_for_its_first_writer(tmp_path):
    """SQLite refuses the switch to WAL at once while another connection writes a new file;
    the store waits for it instead of failing (two imports started together hit this)."""
    path = tmp_path / "new.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with open_store(path) as store:
            assert store.schema_version() == len(SQLITE_MIGRATIONS)
    finally:
        release.join()
        holder.close()
