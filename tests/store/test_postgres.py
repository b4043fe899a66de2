"""What is PostgreSQL's own in the PostgreSQL store: migrations, URLs, errors, the pool,
and numbers handed out to concurrent writers without races or gaps."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from claimscope.errors import StoreError
from claimscope.factchecks.record import build, content_hash
from claimscope.store import PostgresStore, Store, open_store
from claimscope.store.migrations import Migration
from claimscope.store.postgres import POSTGRES_MIGRATIONS, migrate, public_location


def _record(n: int, **fields):
    data = {"claim": f"Statement {n} on rainfall in the valley.", "review_url": f"https://p.example/{n}",
            "publisher": "Example", "language": "en", "rating": "False", **fields}
    return build(data)[0]


def test_migrations_are_numbered_recorded_and_applied_once(postgres_url):
    with open_store(postgres_url) as store:
        assert isinstance(store, PostgresStore) and isinstance(store, Store)
        assert store.schema_version() == max(m.version for m in POSTGRES_MIGRATIONS)
    with open_store(postgres_url) as store:
        assert store.schema_version() == len(POSTGRES_MIGRATIONS)
    with psycopg.connect(postgres_url) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in POSTGRES_MIGRATIONS]


def test_a_failing_migration_rolls_back_entirely(postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        migrate(conn)
        broken = POSTGRES_MIGRATIONS + (Migration(99, "broken", ("CREATE TABLE half (x INT)", "NOT SQL")),)
        with pytest.raises(psycopg.errors.SyntaxError):
            migrate(conn, broken)
        assert conn.execute("SELECT to_regclass('half')").fetchone()[0] is None
        assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == len(POSTGRES_MIGRATIONS)


def test_concurrent_first_opens_migrate_once(postgres_url):
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: open_store(postgres_url), range(4)))
    assert {s.schema_version() for s in stores} == {len(POSTGRES_MIGRATIONS)}
    for store in stores:
        store.close()


def test_the_location_hides_the_password():
    assert public_location("postgresql://ann:secret@db.example:5433/claims") == "postgresql://ann@db.example:5433/claims"
    assert public_location("postgresql://db.example/claims") == "postgresql://db.example/claims"


def test_an_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://nobody:pw@127.0.0.1:1/claims")
    message = str(info.value)
    assert "\n" not in message and "pw" not in message and "postgresql://nobody@127.0.0.1:1/claims" in message


def test_writers_sharing_a_store_get_distinct_gapless_numbers(postgres_url):
    with open_store(postgres_url) as store:
        def write(n: int) -> int:
            run = store.start_import(f"feed-{n}", f"hash-{n}", "claimreview")
            records = [_record(100 * n + i) for i in range(5)]
            store.write_chunk(run.id, [(r, content_hash(r)) for r in records], 5, {})
            store.finish_import(run.id, {})
            return run.id

        with ThreadPoolExecutor(8) as pool:
            ids = list(pool.map(write, range(16)))
        assert sorted(ids) == list(range(1, 17))
        seqs = [s for s, _ in store.changed_since(0, limit=1000)]
        assert seqs == list(range(1, 81))
        by_run = {}
        for _, record in store.changed_since(0, limit=1000):
            by_run.setdefault(record.import_id, []).append(record)
        assert all(len(v) == 5 for v in by_run.values()) and len(by_run) == 16


def test_a_failed_chunk_gives_its_numbers_back(postgres_url):
    with open_store(postgres_url) as store:
        run = store.start_import("x", "h", "claimreview")
        with pytest.raises(StoreError):
            store.write_chunk(run.id, [(_record(1), "h1"), (_record(2), None)], 2, {})
        store.write_chunk(run.id, [(_record(3), "h3")], 1, {})
        assert [s for s, _ in store.changed_since(0)] == [1]


def test_a_forked_child_uses_connections_of_its_own(postgres_url):
    import os

    with open_store(postgres_url) as store:
        run = store.start_import("feed", "h", "claimreview")
        store.write_chunk(run.id, [(_record(1), "d1")], 1, {})
        pid = os.fork()
        if pid == 0:  # the child: reads and writes through a pool of its own, then leaves at once
            try:
                store.write_chunk(run.id, [(_record(2), "d2")], 2, {})
                os._exit(0 if store.count() == 2 else 1)
            except BaseException:
                os._exit(2)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert store.count() == 2 and [s for s, _ in store.changed_since(0)] == [1, 2]  # the parent's pool still works
