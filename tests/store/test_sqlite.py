"""The SQLite store: migrations, location rules, the reads an indexer needs, clear errors."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys

import pytest

from claimscope.errors import StoreError
from claimscope.factchecks.record import build, content_hash
from claimscope.store import ENV_VAR, Store, db_location, default_db_path, open_store
from claimscope.store.migrations import SQLITE_MIGRATIONS, Migration, migrate


def _record(n: int, **fields):
    data = {"claim": f"Claim {n} about tides and the moon.", "review_url": f"https://c.example/{n}",
            "publisher": "Example", "language": "en", "rating": "False", **fields}
    return build(data)[0]


def _fill(store, records, run_name="test"):
    run = store.start_import(run_name, f"hash-{run_name}", "claimreview")
    store.write_chunk(run.id, [(r, content_hash(r)) for r in records], len(records), {"added": len(records)})
    store.finish_import(run.id, {"added": len(records)})
    return run


def test_migrations_are_numbered_recorded_and_applied_once(tmp_path):
    path = tmp_path / "m.sqlite"
    with open_store(path) as store:
        assert isinstance(store, Store)
        assert store.schema_version() == max(m.version for m in SQLITE_MIGRATIONS)
    with open_store(path) as store:
        assert store.schema_version() == 3
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert [v for v, _ in rows] == [1, 2, 3]


def test_a_failing_migration_rolls_back_entirely(tmp_path):
    conn = sqlite3.connect(tmp_path / "f.sqlite", isolation_level=None)
    migrate(conn)
    broken = SQLITE_MIGRATIONS + (Migration(4, "broken", ("CREATE TABLE half (x)", "NOT SQL")),)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall() == []
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 3


def test_location_rules(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert db_location() == str(default_db_path())
    assert default_db_path().name == "factchecks.sqlite" and default_db_path().parent.name == "claimscope"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert db_location() == str(tmp_path / "env.sqlite")
    assert db_location(tmp_path / "flag.sqlite") == str(tmp_path / "flag.sqlite")
    with open_store(f"sqlite:///{tmp_path / 'url.sqlite'}"):
        assert (tmp_path / "url.sqlite").exists()


@pytest.mark.parametrize("make", [
    lambda p: (p / "notdb.sqlite").write_text("this is not a database " * 100) and p / "notdb.sqlite",
    lambda p: p,
    lambda p: "postgresql://localhost/claimscope",
])
def test_unusable_locations_raise_store_error(tmp_path, make):
    with pytest.raises(StoreError) as info:
        open_store(make(tmp_path))
    assert "\n" not in str(info.value)


def test_incremental_reads_for_an_indexer(store):
    _fill(store, [_record(n) for n in range(5)], "one")
    assert store.max_seq() == 5
    seen = store.changed_since(0, limit=3)
    assert [s for s, _ in seen] == [1, 2, 3]
    _fill(store, [_record(1, rating="True"), _record(9)], "two")
    later = store.changed_since(5)
    assert [(s, r.rating) for s, r in later] == [(6, "True"), (7, "False")]
    assert store.count() == 6
    ids = [r.id for _, r in later]
    assert [r.id for r in store.get_many(ids[::-1] + ["fc-missing"])] == ids[::-1]
    batches = list(store.iter_batches(batch_size=4))
    assert [len(b) for b in batches] == [4, 2]
    assert [len(b) for b in store.iter_batches(verdict="true")] == [1]


def test_write_chunk_is_atomic(store):
    good = _record(1)
    run = store.start_import("x", "h", "claimreview")
    with pytest.raises(StoreError):
        store.write_chunk(run.id, [(good, "h1"), (_record(2), None)], 2, {})  # NULL hash violates NOT NULL
    assert store.count() == 0
    assert store.imports()[0].position == 0


def test_search_and_stats(store):
    _fill(store, [_record(1), _record(2, claim="Volcanoes erupt because of wifi.", language="fr", rating="Faux")])
    assert [r.claim for r, _ in store.search("wifi volcano volcanoes")] == ["Volcanoes erupt because of wifi."]
    assert store.search("!!! ???") == []
    assert store.search('"zzz NEAR( qqq') == []  # FTS5 syntax in user text is not an error
    stats = store.stats()
    assert stats["total"] == 2 and stats["by_language"] == {"en": 1, "fr": 1} and stats["imports"] == 1
    with pytest.raises(StoreError, match="unknown filter"):
        store.list(colour="red")


def test_resuming_finds_the_unfinished_run(store):
    run = store.start_import("feed.json", "same", "claimreview")
    store.write_chunk(run.id, [(_record(1), "d")], 1, {"added": 1})
    resumed = store.start_import("feed.json", "same", "claimreview")
    assert (resumed.id, resumed.position, resumed.counts) == (run.id, 1, {"added": 1})
    store.finish_import(run.id, {"added": 1})
    assert store.start_import("feed.json", "same", "claimreview").id != run.id


def _owned_by(store, run_id: int, pid: int) -> None:
    store._conn.execute("UPDATE imports SET owner = ? WHERE id = ?", (f"{socket.gethostname()} {pid}", run_id))


def test_a_run_another_live_process_holds_is_never_shared(store):
    run = store.start_import("feed.json", "same", "claimreview")
    _owned_by(store, run.id, os.getppid())  # alive: the process that started this test run
    second = store.start_import("feed.json", "same", "claimreview")
    assert second.id != run.id and second.position == 0
    store.finish_import(second.id, {})
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    _owned_by(store, run.id, int(gone.stdout))  # that process has exited: its run is resumed
    assert store.start_import("feed.json", "same", "claimreview").id == run.id


def test_locations_that_do_not_exist_are_not_created_for_reading(tmp_path):
    missing = tmp_path / "no" / "such" / "db.sqlite"
    with pytest.raises(StoreError, match="no fact-check database at .*import fact-checks first"):
        open_store(missing, create=False)
    assert not (tmp_path / "no").exists()
