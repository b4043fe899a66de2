"""Lexical search: BM25 over an SQLite FTS5 table (incremental, lives in any SQLite file).

Records are keyed by an integer ``key`` chosen by the caller (the search index maps
record ids to keys). The query is turned into an OR of its distinct word tokens, so
a whole tweet or sentence can be passed as is; FTS5 ranks with BM25. Beside it, the
table ``lexical_df`` keeps how many records contain each word (``query_tokens``),
updated with every write, so a query's IDF weights cost one lookup at any collection size.

A search without a document-frequency cut ranks on a copy of FTS5's postings in memory
(``bm25.Postings``: the same scores and order as FTS5's ``bm25()``, about 50 times
faster on a query with common words); the copy is kept in the file (table
``lexical_saved``, with a counter every write bumps) and rebuilt when a write made it stale.
A query word FTS5 splits into several tokens (a phrase, ``a_b``) sends the query to FTS5.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import zipfile
from collections import Counter
from typing import Iterable

from claimscope.search.bm25 import Fts5Tokenizer, Postings

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TOKENS = 64

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS lexical USING fts5(
    body, tags, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS lexical_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lexical_saved (k TEXT PRIMARY KEY, v);
"""


def query_tokens(text: str) -> list[str]:
    """Distinct lower-case word tokens of ``text`` (at most MAX_QUERY_TOKENS)."""
    seen: dict[str, None] = {}
    for tok in _WORD.findall(text.lower()):
        if tok not in seen and (len(tok) > 1 or tok.isdigit()):
            seen[tok] = None
    return list(seen)[:MAX_QUERY_TOKENS]


class LexicalIndex:
    """BM25 search over the ``lexical`` FTS5 table of an open SQLite connection.

    ``memory``: rank on the postings in memory (module docstring); False: always in FTS5."""

    def __init__(self, db: sqlite3.Connection, tag_weight: float = 0.5, memory: bool = True):
        self.db = db
        self.tag_weight = tag_weight
        self.memory = memory
        self._tokenizer = Fts5Tokenizer() if memory else None
        self._postings: tuple[int, Postings] | None = None  # (version, postings)
        self._lock = threading.Lock()
        db.executescript(SCHEMA)
        if db.execute("SELECT 1 FROM lexical_df LIMIT 1").fetchone() is None:
            with db:  # rows written before document frequencies were kept
                self._count([text for _, text in self.texts()], 1)

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Insert or replace (key, body, tags) rows; the caller commits."""
        rows = list(rows)
        self.remove([k for k, _, _ in rows])
        self.db.executemany("INSERT INTO lexical (rowid, body, tags) VALUES (?, ?, ?)", rows)
        self._count([f"{body} {tags}" for _, body, tags in rows], 1)

    def remove(self, keys: Iterable[int]) -> None:
        """Delete rows by key; the caller commits."""
        keys = list(keys)
        self._count([text for _, text in self.texts(keys)], -1)
        self.db.executemany("DELETE FROM lexical WHERE rowid = ?", [(k,) for k in keys])

    def _count(self, texts: list[str], sign: int) -> None:
        counts = Counter(t for text in texts for t in set(query_tokens(text)))
        self.db.executemany(
            "INSERT INTO lexical_df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            [(t, sign * n) for t, n in counts.items()],
        )
        self.db.execute("INSERT INTO lexical_saved VALUES ('version', 1) ON CONFLICT(k) DO UPDATE SET v = v + 1")

    def document_frequencies(self, tokens: list[str]) -> dict[str, int]:
        """How many records contain each of ``tokens`` (as ``query_tokens`` splits them)."""
        if not tokens:
            return {}
        marks = ",".join("?" * len(tokens))
        return dict(self.db.execute(f"SELECT term, n FROM lexical_df WHERE term IN ({marks})", tokens))

    def texts(self, keys: list[int] | None = None) -> list[tuple[int, str]]:
        """(key, indexed text) for ``keys``, or for every row when ``keys`` is None."""
        sql = "SELECT rowid, body || ' ' || tags FROM lexical"
        if keys is None:
            return list(self.db.execute(sql))
        out: list[tuple[int, str]] = []
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += self.db.execute(f"{sql} WHERE rowid IN ({marks})", chunk).fetchall()
        return out

    def passages(self, keys: list[int]) -> dict[int, str]:
        """The passage (``records.passage_text``, without the tags) of each of ``keys``."""
        marks = ",".join("?" * len(keys))
        return dict(self.db.execute(f"SELECT rowid, body FROM lexical WHERE rowid IN ({marks})", keys).fetchall())

    def search(self, text: str, k: int = 100, max_df: int | None = None) -> list[tuple[int, float]]:
        """Up to ``k`` (key, BM25 score) pairs, best first; scores are positive.

        ``max_df``: leave out words found in more records than this (in a million
        records, an OR over words like "the" would score most of the collection).
        """
        tokens = rare_tokens(self, text, max_df)
        if not tokens:
            return []
        if self.memory and max_df is None:
            phrases = self._tokenizer.terms(tokens)
            if all(len(terms) == 1 for terms in phrases):
                return self.postings().search([terms[0] for terms in phrases], k, self.tag_weight)
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens)
        sql = (
            "SELECT rowid, -bm25(lexical, 1.0, ?) AS s FROM lexical "
            "WHERE lexical MATCH ? ORDER BY s DESC LIMIT ?"
        )
        return [(int(r), float(s)) for r, s in self.db.execute(sql, (self.tag_weight, match, k))]

    def postings(self) -> Postings:
        """The postings in memory, current with the file (loaded, or rebuilt and saved)."""
        version = self._saved("version") or 0
        with self._lock:
            if self._postings is None or self._postings[0] != version:
                self._postings = (version, self._load(version))
            return self._postings[1]

    def _saved(self, key: str):
        row = self.db.execute("SELECT v FROM lexical_saved WHERE k = ?", (key,)).fetchone()
        return row[0] if row else None

    def _load(self, version: int) -> Postings:
        """The saved postings of ``version``, else built from FTS5 and saved (when the file
        is writable); a damaged copy is rebuilt."""
        if self._saved("postings_version") == version:
            try:
                return Postings.from_bytes(self._saved("postings"))
            except (ValueError, OSError, KeyError, EOFError, TypeError, zipfile.BadZipFile):
                pass
        postings = Postings.build(self.db)
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO lexical_saved VALUES ('postings', ?)", (postings.to_bytes(),))
                self.db.execute("INSERT OR REPLACE INTO lexical_saved VALUES ('postings_version', ?)", (version,))
        except sqlite3.Error:
            pass
        return postings


def rare_tokens(index, text: str, max_df: int | None) -> list[str]:
    """``query_tokens(text)`` without those found in more than ``max_df`` records of
    ``index`` (its ``document_frequencies``); all of them when ``max_df`` is None."""
    tokens = query_tokens(text)
    if max_df is not None:
        df = index.document_frequencies(tokens)
        tokens = [t for t in tokens if df.get(t, 0) <= max_df]
    return tokens
