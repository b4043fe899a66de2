"""Numbered schema migrations, each applied in its own transaction and recorded.

The ``schema_migrations`` table lists every applied version with its name and
time. :func:`migrate` applies the missing ones in order; a failing migration rolls
back entirely and leaves the previous version in place. Core tables use portable
SQL; the lexical index (FTS5) is SQLite's own and lives in a migration of its own.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, UTC

from .reports import REPORT_TABLES


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


# The web desk's tables (docs/web.md), in portable SQL (PostgreSQL takes them as they
# are): every analysis stored with its report (a permalink), the desk's decisions on
# it, and the hashed API keys.
DESK_TABLES = (
    """CREATE TABLE analyses (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        title TEXT,
        source TEXT,
        lang TEXT,
        flags TEXT NOT NULL DEFAULT '',
        report TEXT NOT NULL
    )""",
    "CREATE INDEX analyses_created ON analyses (created_at)",
    """CREATE TABLE claim_statuses (
        analysis_id TEXT NOT NULL REFERENCES analyses (id),
        sentence INTEGER NOT NULL,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (analysis_id, sentence)
    )""",
    """CREATE TABLE match_decisions (
        analysis_id TEXT NOT NULL REFERENCES analyses (id),
        factcheck_id TEXT NOT NULL,
        decision TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (analysis_id, factcheck_id)
    )""",
    """CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        key_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)

SQLITE_MIGRATIONS = (
    Migration(1, "factchecks and import runs", (
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            format TEXT NOT NULL,
            status TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            counts TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            finished_at TEXT
        )""",
        "CREATE INDEX imports_resume ON imports (source_hash, status)",
        """CREATE TABLE factchecks (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            seq INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            import_id INTEGER REFERENCES imports (id),
            claim TEXT NOT NULL,
            verdict TEXT NOT NULL,
            language TEXT,
            publisher TEXT,
            review_date TEXT,
            record TEXT NOT NULL,
            raw TEXT
        )""",
        "CREATE UNIQUE INDEX factchecks_seq ON factchecks (seq)",
        "CREATE INDEX factchecks_verdict ON factchecks (verdict)",
        "CREATE INDEX factchecks_language ON factchecks (language)",
        "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
    )),
    Migration(2, "lexical index (FTS5, bm25)", (
        """CREATE VIRTUAL TABLE factchecks_fts USING fts5 (
            claim, title, summary, tags, publisher,
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
    )),
    Migration(3, "the process that owns a running import", (
        "ALTER TABLE imports ADD COLUMN owner TEXT",
    )),
    Migration(4, "web desk: analyses, claim statuses, match decisions, API keys", DESK_TABLES),
    Migration(5, "batch reports (claimscope batch --store)", REPORT_TABLES),
)


def migrate(conn, migrations=SQLITE_MIGRATIONS) -> int:
    """Apply the missing ``migrations`` on a DB-API connection in autocommit mode; the new version."""
    return apply_missing(conn, migrations, lambda: _immediate(conn))


@contextmanager
def _immediate(conn):
    """A SQLite write transaction, taken at once (so migrating processes queue here)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def apply_missing(conn, migrations, transaction, mark: str = "?") -> int:
    """Apply the ``migrations`` not yet recorded, each in a ``transaction()`` (a context
    manager); ``mark`` is the driver's parameter placeholder. The new version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version in done:
            continue
        with transaction():
            found = conn.execute(f"SELECT 1 FROM schema_migrations WHERE version = {mark}", (migration.version,))
            if found.fetchone():
                continue  # another process applied it while we waited for the lock
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                f"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({mark}, {mark}, {mark})",
                (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    return max([m.version for m in migrations] + list(done))
