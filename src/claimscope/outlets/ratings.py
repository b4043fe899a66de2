"""Domain reliability ratings a user imports, kept in a small SQLite file.

Nothing is shipped: ``claimscope outlets import FILE`` reads a ratings file the user
supplies, in one of three formats (docs/sourcing.md):

- ``lin``: the Lin et al. 2023 aggregated ratings CSV (``domain,pc1[,...]``; pc1 in 0..1);
- ``mbfc``: an MBFC-style JSON, ``{"source": ..., "ratings": [{"domain", "factual_reporting",
  "bias", "credibility", "score"}]}`` or a bare list of such objects;
- ``csv``: plain ``domain,score[,label]`` with or without a header, score in 0..1.

Ratings live in ``outlet-ratings.sqlite`` in the user data directory, or wherever
the caller points (``--db``, ``CLAIMSCOPE_RATINGS_DB`` on the command line). Importing a source again replaces its rows. A file
larger than MAX_FILE_BYTES is refused before it is read; any unreadable content
(deep nesting, a number too large for a float, a broken CSV) is an ImportFormatError.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ImportFormatError, StoreError
from ..ingest.load import read_capped
from ..model import Rating
from ..threads import SharedConnection
from .registry import domain_suffixes, normalize_host

FORMATS = ("lin", "mbfc", "csv")
MAX_FILE_BYTES = 16 * 1024 * 1024  # the largest published ratings files are a few MB
FACTUAL_SCORES = {"very high": 1.0, "high": 0.8, "mostly factual": 0.6, "mixed": 0.4, "low": 0.2, "very low": 0.0}
_MIGRATIONS = (
    (1, "rating sources and ratings", (
        "CREATE TABLE rating_sources (name TEXT PRIMARY KEY, file TEXT NOT NULL, format TEXT NOT NULL,"
        " imported_at TEXT NOT NULL, count INTEGER NOT NULL)",
        "CREATE TABLE ratings (domain TEXT NOT NULL, source TEXT NOT NULL REFERENCES rating_sources (name)"
        " ON DELETE CASCADE, score REAL, label TEXT, PRIMARY KEY (domain, source))",
    )),
)


@dataclass(frozen=True)
class ImportSummary:
    source: str
    format: str
    count: int


def default_path() -> Path:
    """``outlet-ratings.sqlite`` in the user data directory (the command line's
    ``$CLAIMSCOPE_RATINGS_DB`` is read by ``claimscope.settings``)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("claimscope")) / "outlet-ratings.sqlite"


class RatingsDB:
    """The ratings file: import, look up by domain (a subdomain falls back to its parents)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = SharedConnection(str(self.path), isolation_level=None, timeout=30)  # lookups from any thread
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except (sqlite3.Error, OSError) as err:
            raise StoreError(f"cannot open the ratings database {self.path} ({err}): "
                             "check the path or set CLAIMSCOPE_RATINGS_DB") from None

    @classmethod
    def open_existing(cls, path: str | Path | None = None) -> "RatingsDB | None":
        """The ratings database if one was ever imported into, else None (never creates one)."""
        path = Path(path) if path is not None else default_path()
        return cls(path) if path.is_file() else None

    def close(self) -> None:
        self._conn.close()

    def __getstate__(self) -> dict:  # pickles as its path (batch workers reopen the file)
        return {"path": str(self.path)}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    def __enter__(self) -> "RatingsDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        self._conn.execute("CREATE TABLE IF NOT EXISTS ratings_migrations (version INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self._conn.execute("SELECT version FROM ratings_migrations")}
        for version, name, statements in _MIGRATIONS:
            if version in done:
                continue
            with self._transaction():
                for sql in statements:
                    self._conn.execute(sql)
                self._conn.execute("INSERT INTO ratings_migrations VALUES (?, ?, ?)", (version, name, _now()))

    def _transaction(self):
        return _Transaction(self._conn)

    def import_file(self, path: str | Path, fmt: str | None = None, source: str | None = None) -> ImportSummary:
        """Read a ratings file and replace the rows of its source (named after the file
        unless ``source`` is given). Raises ImportFormatError on unreadable input."""
        path = Path(path)
        raw = _read(path)
        try:
            fmt = fmt or detect_format(path.name, raw)
            name, rows = parse(raw, fmt, path.name)
        except csv.Error as err:
            raise ImportFormatError(f"{path.name}: not a readable CSV file ({err})") from None
        name = source or name or f"{fmt}:{path.name}"
        with self._transaction():
            self._conn.execute("DELETE FROM rating_sources WHERE name = ?", (name,))
            self._conn.execute("INSERT INTO rating_sources VALUES (?, ?, ?, ?, ?)",
                               (name, str(path), fmt, _now(), len(rows)))
            self._conn.executemany("INSERT OR REPLACE INTO ratings VALUES (?, ?, ?, ?)",
                                   [(d, name, s, lab) for d, s, lab in rows])
        return ImportSummary(name, fmt, len(rows))

    def lookup(self, host: str) -> tuple[Rating, ...]:
        """Each source's rating of ``host``, from its most specific rated parent domain."""
        found: dict[str, Rating] = {}
        for domain in domain_suffixes(host):
            for source, score, label in self._conn.execute(
                "SELECT source, score, label FROM ratings WHERE domain = ? ORDER BY source", (domain,)
            ):
                found.setdefault(source, Rating(domain, source, score, label))
        return tuple(found.values())

    def sources(self) -> list[dict]:
        """The imported sources: name, file, format, imported_at, count."""
        rows = self._conn.execute("SELECT name, file, format, imported_at, count FROM rating_sources ORDER BY name")
        return [dict(zip(("name", "file", "format", "imported_at", "count"), r)) for r in rows]


def _read(path: Path) -> str:
    """The text of a ratings file, refused past MAX_FILE_BYTES without reading it all."""
    too_big = ImportFormatError(
        f"ratings file {path} is larger than the {MAX_FILE_BYTES // 2**20} MiB limit: "
        "it is not a domain-ratings file (see docs/sourcing.md)"
    )
    try:
        return read_capped(path, MAX_FILE_BYTES, too_big).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ImportFormatError(f"cannot read ratings file {path} ({err}): give a UTF-8 CSV or JSON file") from None


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *exc):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def detect_format(filename: str, raw: str) -> str:
    """``mbfc`` for JSON, ``lin`` for a CSV whose header has domain and pc1, else ``csv``."""
    if filename.lower().endswith(".json") or raw.lstrip()[:1] in ("[", "{"):
        return "mbfc"
    header = [h.strip().lower() for h in next(csv.reader(io.StringIO(raw)), [])]
    return "lin" if "domain" in header and "pc1" in header else "csv"


def parse(raw: str, fmt: str, filename: str) -> tuple[str | None, list[tuple[str, float | None, str | None]]]:
    """(source name found in the file or None, [(domain, score, label)])."""
    if fmt not in FORMATS:
        raise ImportFormatError(f"unknown ratings format {fmt!r}: use one of {', '.join(FORMATS)}")
    name, rows = {"lin": _parse_lin, "mbfc": _parse_mbfc, "csv": _parse_csv}[fmt](raw, filename)
    if not rows:
        raise ImportFormatError(f"{filename}: no ratings found; see docs/sourcing.md for the formats")
    return name, rows


def _parse_lin(raw: str, filename: str):
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "domain" not in reader.fieldnames or "pc1" not in reader.fieldnames:
        raise ImportFormatError(f"{filename}: a Lin et al. ratings file needs 'domain' and 'pc1' columns")
    rows = []
    for line, row in enumerate(reader, start=2):
        score = _score(row["pc1"], filename, line) if (row["pc1"] or "").strip() else None
        rows.append((_domain(row["domain"], filename, line), score, None))
    return f"Lin et al. 2023 ({filename})", rows


def _parse_csv(raw: str, filename: str):
    rows = []
    for line, row in enumerate(csv.reader(io.StringIO(raw)), start=1):
        if not row or not "".join(row).strip():
            continue
        if line == 1 and row[0].strip().lower() == "domain":
            continue
        if len(row) < 2:
            raise ImportFormatError(f"{filename}:{line}: expected domain,score[,label]")
        label = row[2].strip() if len(row) > 2 and row[2].strip() else None
        rows.append((_domain(row[0], filename, line), _score(row[1], filename, line), label))
    return None, rows


def _parse_mbfc(raw: str, filename: str):
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ImportFormatError(f"{filename}: not valid JSON ({err.msg} at line {err.lineno})") from None
    except (ValueError, RecursionError) as err:  # an integer of thousands of digits, deep nesting
        reason = "nested too deeply" if isinstance(err, RecursionError) else str(err)
        raise ImportFormatError(f"{filename}: not readable JSON ({reason})") from None
    name, items = (data.get("source"), data.get("ratings")) if isinstance(data, dict) else (None, data)
    if not isinstance(name, str):
        name = None
    if not isinstance(items, list):
        raise ImportFormatError(f"{filename}: expected a 'ratings' list of objects with a 'domain'")
    return name, [_mbfc_row(item, filename, i) for i, item in enumerate(items)]


def _mbfc_row(item, filename: str, i: int):
    if not isinstance(item, dict) or not item.get("domain"):
        raise ImportFormatError(f"{filename}: rating #{i + 1} is not an object with a 'domain'")
    factual = str(item.get("factual_reporting") or "").strip().lower() or None
    score = item.get("score")
    score = _score(score, filename, i + 1) if score is not None else FACTUAL_SCORES.get(factual or "")
    parts = [f"{key.replace('_', ' ')}: {item[key]}" for key in ("factual_reporting", "bias", "credibility")
             if item.get(key)]
    return _domain(item["domain"], filename, i + 1), score, "; ".join(parts) or None


def _domain(value: str, filename: str, line: int) -> str:
    host = normalize_host(str(value))
    if "." not in host or " " in host:
        raise ImportFormatError(f"{filename}:{line}: {_shown(value)} is not a domain name")
    return host


def _score(value, filename: str, line: int) -> float:
    try:
        score = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ImportFormatError(f"{filename}:{line}: score {_shown(value)} is not a number") from None
    if not 0.0 <= score <= 1.0:
        raise ImportFormatError(f"{filename}:{line}: score {score} is outside 0..1")
    return score


def _shown(value) -> str:
    """A value for an error message: its repr, cut short."""
    text = repr(value)  # json.loads refuses integers of over 4,300 digits, so repr cannot fail
    return text if len(text) <= 60 else text[:59] + "…"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
