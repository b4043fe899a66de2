"""FTS5's ``bm25()`` outside SQLite: its tokenizer, and its ranking over postings in memory.

``Fts5Tokenizer`` splits texts into FTS5's own terms (``porter unicode61 remove_diacritics
2``, as ``lexical.SCHEMA``) through an in-memory SQLite table. ``Postings`` holds, for every
term of an FTS5 table, the records that contain it with their body and tag hit counts, and
every record's length in tokens; ``Postings.search`` ranks an OR query of single-term
phrases exactly as FTS5 does (``ORDER BY -bm25(...) DESC LIMIT k``), the same floating-point
operations in the same order, so scores and order are bit for bit FTS5's:

score = Σ over the query's phrases, in order, of idf × (tf (k1 + 1)) / (tf + k1 (1 − b + b · D / avgdl)),
idf = ln((N − n + 0.5) / (n + 0.5)), at least 1e-6; k1 = 1.2, b = 0.75; tf = body hits +
tag_weight × tag hits; D the record's tokens in both columns; N the records, avgdl their
mean length; equal scores in ascending key order.

FTS5 computes the idf of every phrase by walking its whole list of records and scores each
record that matches any word: a sentence with "the" in it scores most of a 25,000-record
collection (30 ms). Here the lists are numpy arrays and each phrase costs one vector
operation over its records (well under a millisecond). ``lexical.LexicalIndex`` builds them
from FTS5's ``fts5vocab`` view once and keeps them in its file.
"""

from __future__ import annotations

import io
import math
import sqlite3
import threading
from collections import Counter
from typing import Sequence

import numpy as np

K1, B = 1.2, 0.75  # FTS5's constants
CACHED_WORDS = 200_000  # words whose terms the tokenizer remembers


class Fts5Tokenizer:
    """FTS5's tokens of texts: ``porter unicode61 remove_diacritics 2``, as ``lexical.SCHEMA``."""

    def __init__(self):
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, tags, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        self._db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        self._lock = threading.Lock()
        self._terms: dict[str, tuple[str, ...]] = {}

    def counts(self, docs: Sequence[tuple[str, str]]) -> list[tuple[Counter, Counter]]:
        """(body term counts, tags term counts) of each (body, tags)."""
        out = [(Counter(), Counter()) for _ in docs]
        with self._lock, self._db:
            self._db.executemany("INSERT INTO t (rowid, body, tags) VALUES (?, ?, ?)",
                                 [(i, body, tags) for i, (body, tags) in enumerate(docs)])
            for doc, col, term, n in self._db.execute("SELECT doc, col, term, COUNT(*) FROM v GROUP BY doc, col, term"):
                out[doc][col == "tags"][term] = n
            self._db.execute("DELETE FROM t")
        return out

    def terms(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        """The terms of each word in order (a word FTS5 splits, ``a_b``, has several), cached."""
        new = [w for w in dict.fromkeys(words) if w not in self._terms]
        if new:
            if len(self._terms) > CACHED_WORDS:
                self._terms.clear()
            found: dict[int, list[tuple[int, str]]] = {}
            with self._lock, self._db:
                self._db.executemany("INSERT INTO t (rowid, body, tags) VALUES (?, ?, '')", list(enumerate(new)))
                for doc, offset, term in self._db.execute("SELECT doc, offset, term FROM v"):
                    found.setdefault(doc, []).append((offset, term))
                self._db.execute("DELETE FROM t")
            self._terms.update((w, tuple(t for _, t in sorted(found.get(i, [])))) for i, w in enumerate(new))
        return [self._terms[w] for w in words]


class Postings:
    """Every term of an FTS5 table (body and tags columns) with the records that hold it."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self._arrays = arrays
        self.keys = arrays["keys"]  # record keys (rowids), ascending
        self.lengths = arrays["lengths"]  # tokens per record, both columns
        self._docs, self._body, self._tags = arrays["docs"], arrays["body"], arrays["tags"]  # per posting
        self.rows, self.tokens = (int(n) for n in arrays["totals"])
        avgdl = float(self.tokens) / float(self.rows) if self.rows else 1.0
        self._norm = K1 * ((1 - B) + B * self.lengths / avgdl)  # per record: k1 (1 - b + b D / avgdl)
        self._starts = arrays["starts"]
        names = arrays["terms"].tobytes().decode("utf-8").split("\x00") if len(self._starts) > 1 else []
        self._number = dict(zip(names, range(len(names))))  # term -> its place (its span: ``_span``)

    @classmethod
    def build(cls, db, table: str = "lexical") -> "Postings":
        """The postings of FTS5 table ``table`` of connection ``db`` (its ``fts5vocab``
        view: about a second for 25,000 records)."""
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_instances USING fts5vocab(main, {table}, instance)")
        rows = db.execute(
            f"SELECT term, doc, col = 'tags', COUNT(*) FROM temp.{table}_instances GROUP BY term, doc, col"
        ).fetchall()
        keys = np.asarray([k for (k,) in db.execute(f"SELECT rowid FROM {table} ORDER BY rowid")], dtype=np.int64)
        terms: list[str] = []
        starts: list[int] = []
        docs = np.zeros(len(rows), dtype=np.int64)
        body = np.zeros(len(rows), dtype=np.int32)
        tags = np.zeros(len(rows), dtype=np.int32)
        n = -1
        for i, (term, key, is_tag, count) in enumerate(rows):
            if n < 0 or term != terms[-1] or docs[n] != key:
                n += 1
                docs[n] = key
                if not terms or term != terms[-1]:
                    terms.append(term)
                    starts.append(n)
            (tags if is_tag else body)[n] = count
        docs, body, tags = docs[: n + 1], body[: n + 1], tags[: n + 1]
        positions = np.searchsorted(keys, docs)
        lengths = np.bincount(positions, weights=body + tags, minlength=len(keys))
        return cls({
            "keys": keys, "lengths": lengths, "docs": positions.astype(np.int32), "body": body, "tags": tags,
            "starts": np.asarray([*starts, n + 1], dtype=np.int64),
            "terms": np.frombuffer("\x00".join(terms).encode("utf-8"), dtype=np.uint8),
            "totals": np.asarray([len(keys), int(lengths.sum())], dtype=np.int64),
        })

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        np.savez(out, **self._arrays)
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Postings":
        with np.load(io.BytesIO(data), allow_pickle=False) as saved:
            return cls({name: saved[name] for name in saved.files})

    def _span(self, term: str) -> tuple[int, int]:
        """Where ``term``'s postings lie in the posting arrays (empty when unknown)."""
        i = self._number.get(term)
        return (0, 0) if i is None else (int(self._starts[i]), int(self._starts[i + 1]))

    def search(self, phrases: Sequence[str], k: int, tag_weight: float) -> list[tuple[int, float]]:
        """Up to ``k`` (key, BM25 score) pairs, best first, for an OR of the single-term
        ``phrases`` (in query order; a term twice counts twice, as in FTS5)."""
        if not self.rows:
            return []
        scores = np.zeros(len(self.keys), dtype=np.float64)
        hit = np.zeros(len(self.keys), dtype=bool)
        for term in phrases:
            lo, hi = self._span(term)
            docs = self._docs[lo:hi]
            idf = math.log((self.rows - (hi - lo) + 0.5) / ((hi - lo) + 0.5))  # libm's log, as SQLite
            idf = idf if idf > 0.0 else 1e-6
            tf = self._body[lo:hi].astype(np.float64) + tag_weight * self._tags[lo:hi]
            scores[docs] += idf * ((tf * (K1 + 1.0)) / (tf + self._norm[docs]))
            hit[docs] = True
        found = np.flatnonzero(hit)
        if len(found) > k:  # the k best and any tied with the k-th
            found = found[scores[found] >= -np.partition(-scores[found], k - 1)[k - 1]]
        order = found[np.lexsort((found, -scores[found]))][:k]  # best first, ties by key
        return [(int(self.keys[i]), float(scores[i])) for i in order]
