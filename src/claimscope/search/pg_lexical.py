"""BM25 in PostgreSQL that ranks like the SQLite index's FTS5 ``bm25()``.

The fusion weights were fitted on FTS5's BM25 (``lexical.LexicalIndex``: porter stemmer
over unicode61 tokens without diacritics, body weight 1, tags ``tag_weight``), so this
side reproduces that formula from term statistics kept in tables:

- ``search_postings (term, key, tf)``: per record and stem, body hits + tag_weight × tag hits;
- ``search_terms (term, n)``: how many records contain each stem;
- ``search_records.ntok``: a record's tokens in both fields, and the ``rows``/``tokens``
  totals in ``search_meta`` (the collection size and average length);
- ``search_words (term, n)``: document frequencies of ``query_tokens`` words, as
  ``lexical_df`` in SQLite (IDF-weighted coverage, the common-word cut).

score = Σ over the query's phrases of idf × tf (k1 + 1) / (tf + k1 (1 − b + b · ntok / avgdl)),
idf = ln((N − n + 0.5) / (n + 0.5)), at least 1e-6; k1 = 1.2, b = 0.75, as FTS5. Texts are
split into stems by FTS5's own tokenizer (an in-memory SQLite table), so the terms are
FTS5's exactly. A query word that FTS5 splits into several tokens (``a_b``) is a phrase
FTS5 matches by position; it is left out here (no positions are kept).

A search without a document-frequency cut (the exact mode, below ``ann_threshold``
records) ranks, as the SQLite index does, on a copy of the postings in memory
(``bm25.Postings``, the same scores and order bit for bit), read from these tables in one
snapshot and read again after any writer changed them (``vectors_version``): a query with
common words would otherwise add up tens of thousands of postings in SQL. With a cut
(HNSW mode) the query's rare words are few and the SQL above ranks them.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

from claimscope.search.bm25 import B, K1, Fts5Tokenizer, Postings
from claimscope.search.lexical import query_tokens, rare_tokens


_BM25 = """
WITH n AS (
    SELECT (SELECT v::float8 FROM search_meta WHERE k = 'rows') AS rows,
           (SELECT v::float8 FROM search_meta WHERE k = 'tokens') AS tokens
), q AS (
    SELECT t.term, COUNT(*) AS phrases,
           GREATEST(ln((n.rows - s.n + 0.5) / (s.n + 0.5)), 1e-6) AS idf
    FROM unnest(%(terms)s::text[]) AS t (term) JOIN search_terms s USING (term), n
    GROUP BY t.term, s.n, n.rows
)
SELECT p.key, SUM(q.phrases * q.idf * (p.tf * %(k1)s + p.tf)
                  / (p.tf + %(k1)s * (1 - %(b)s + %(b)s * r.ntok / (n.tokens / n.rows)))) AS s
FROM q JOIN search_postings p USING (term) JOIN search_records r USING (key), n
GROUP BY p.key ORDER BY s DESC, p.key LIMIT %(k)s
"""


class PgLexicalIndex:
    """BM25 over the search tables of a ``PostgresStore``'s database."""

    def __init__(self, store, tag_weight: float = 0.5):
        self.store = store
        self.tag_weight = tag_weight
        self.tokenizer = Fts5Tokenizer()
        self._postings: tuple[int, Postings] | None = None  # (vectors_version, postings)
        self._lock = threading.Lock()

    def analyse(self, docs: Sequence[tuple[str, str]]) -> list[tuple[dict[str, float], int]]:
        """(weighted term frequencies, token count) of each (body, tags)."""
        out = []
        for body, tags in self.tokenizer.counts(docs):
            tf = {t: body.get(t, 0) + self.tag_weight * tags.get(t, 0) for t in body.keys() | tags.keys()}
            out.append((tf, sum(body.values()) + sum(tags.values())))
        return out

    def add(self, conn, rows: Iterable[tuple[int, str, str, dict[str, float], int]]) -> None:
        """Index (key, body, tags, term frequencies, tokens) rows of records written in
        ``conn``'s transaction (their old postings removed first with ``remove``)."""
        rows = list(rows)
        with conn.cursor().copy("COPY search_postings (term, key, tf) FROM STDIN") as copy:
            for key, _, _, tf, _ in rows:
                for term, f in tf.items():
                    copy.write_row((term, key, f))
        stems = Counter(t for *_, tf, _ in rows for t in tf)
        self._count(conn, stems, [f"{body} {tags}" for _, body, tags, _, _ in rows], sum(n for *_, n in rows), 1)

    def remove(self, conn, keys: list[int]) -> None:
        """Take records out of the statistics and postings, in ``conn``'s transaction."""
        if not keys:
            return
        stems = Counter(t for (t,) in conn.execute("SELECT term FROM search_postings WHERE key = ANY(%s)", (keys,)))
        rows = conn.execute("SELECT body || ' ' || tags, ntok FROM search_records WHERE key = ANY(%s)", (keys,)).fetchall()
        conn.execute("DELETE FROM search_postings WHERE key = ANY(%s)", (keys,))
        self._count(conn, stems, [text for text, _ in rows], sum(n for _, n in rows), -1)

    @staticmethod
    def _count(conn, stems: Counter, texts: list[str], tokens: int, sign: int) -> None:
        """Add (``sign`` 1) or take away (-1) records' stems, words, number and tokens."""
        words = Counter(t for text in texts for t in set(query_tokens(text)))
        for table, counts in (("search_terms", stems), ("search_words", words)):
            terms = sorted(counts)
            conn.execute(
                f"INSERT INTO {table} SELECT * FROM unnest(%s::text[], %s::bigint[]) "
                f"ON CONFLICT (term) DO UPDATE SET n = {table}.n + excluded.n",
                (terms, [sign * counts[t] for t in terms]),
            )
        conn.execute(
            "INSERT INTO search_meta SELECT * FROM unnest(%s::text[], %s::text[]) "
            "ON CONFLICT (k) DO UPDATE SET v = (search_meta.v::bigint + excluded.v::bigint)::text",
            (["rows", "tokens"], [str(sign * len(texts)), str(sign * tokens)]),
        )

    def document_frequencies(self, tokens: list[str]) -> dict[str, int]:
        """How many records contain each of ``tokens`` (as ``query_tokens`` splits them)."""
        if not tokens:
            return {}
        with self.store.pool.connection() as conn:
            return dict(conn.execute("SELECT term, n FROM search_words WHERE term = ANY(%s)", (tokens,)))

    def texts(self, keys: list[int]) -> list[tuple[int, str]]:
        """(key, indexed text) for ``keys``."""
        with self.store.pool.connection() as conn:
            return conn.execute("SELECT key, body || ' ' || tags FROM search_records WHERE key = ANY(%s)", (keys,)).fetchall()

    def passages(self, keys: list[int]) -> dict[int, str]:
        """The passage of each of ``keys`` (``LexicalIndex.passages``)."""
        with self.store.pool.connection() as conn:
            return dict(conn.execute("SELECT key, body FROM search_records WHERE key = ANY(%s)", (keys,)).fetchall())

    def search(self, text: str, k: int = 100, max_df: int | None = None) -> list[tuple[int, float]]:
        """Up to ``k`` (key, BM25 score) pairs, best first (``LexicalIndex.search``)."""
        tokens = rare_tokens(self, text, max_df)
        terms = [t[0] for t in self.tokenizer.terms(tokens) if len(t) == 1]
        if not terms:
            return []
        if max_df is None:
            return self.postings().search(terms, k, self.tag_weight)
        with self.store.pool.connection() as conn:
            rows = conn.execute(_BM25, {"terms": terms, "k1": K1, "b": B, "k": k}).fetchall()
        return [(int(key), float(s)) for key, s in rows]

    def postings(self) -> Postings:
        """The postings in memory, current with the database (read again after a write)."""
        with self._lock, self.store.pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")  # one snapshot of the tables
            row = conn.execute("SELECT v::bigint FROM search_meta WHERE k = 'vectors_version'").fetchone()
            version = row[0] if row else 0
            if self._postings is None or self._postings[0] != version:
                self._postings = (version, _read_postings(conn))
            return self._postings[1]


def _read_postings(conn) -> Postings:
    """``bm25.Postings`` of the search tables: each term's records (ascending keys) and
    weighted term frequencies (as ``body``; ``tags`` zero: tf already holds tag_weight × tag
    hits), every record's tokens."""
    records = conn.execute("SELECT key, ntok FROM search_records ORDER BY key").fetchall()
    keys = np.asarray([k for k, _ in records], dtype=np.int64)
    lengths = np.asarray([n for _, n in records], dtype=np.float64)
    terms, starts, docs, tfs = [], [0], [], []
    for term, term_keys, term_tfs in conn.execute(
        "SELECT term, array_agg(key ORDER BY key), array_agg(tf ORDER BY key) FROM search_postings GROUP BY term"
    ):
        terms.append(term)
        starts.append(starts[-1] + len(term_keys))
        docs.append(np.asarray(term_keys, dtype=np.int64))
        tfs.append(np.asarray(term_tfs, dtype=np.float32))
    docs_all = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    return Postings({
        "keys": keys, "lengths": lengths, "docs": np.searchsorted(keys, docs_all).astype(np.int32),
        "body": np.concatenate(tfs) if tfs else np.zeros(0, dtype=np.float32),
        "tags": np.zeros(len(docs_all), dtype=np.float32), "starts": np.asarray(starts, dtype=np.int64),
        "terms": np.frombuffer("\x00".join(terms).encode("utf-8"), dtype=np.uint8),
        "totals": np.asarray([len(keys), int(lengths.sum())], dtype=np.int64),
    })
