"""The hybrid fact-check search index: one SQLite file with FTS5 text and vectors.

``SearchIndex`` keeps, in its own SQLite file (by convention next to the fact-check
store, ``<store>.search.sqlite``): a row per record with a digest of its indexed text,
the record's embedding, and an FTS5 table. ``upsert`` only embeds records whose text
changed (identical passages once), commits batch by batch (an interrupted indexing run
resumes where it stopped) and the index survives restarts. Up to ``ann_threshold``
records, vectors are loaded into memory on open for exact search (with the collection
moments the previous open of the same vectors saved, blob ``dense_moments``); from there on the
dense side is an int8 HNSW graph (``AnnIndex``) saved beside the SQLite file
(``<store>.search.usearch``, written by ``flush``) and memory-mapped on open; it is
rebuilt from the stored vectors only when missing or stale. In that mode BM25 also
leaves out the query's words found in more than 5% of the records.

A search cleans the query (``clean_query``), appends English names of entities it
names in other languages (``AliasTable.expand``), retrieves candidates from both BM25
and the dense index, ranks them with ``FusionWeights`` and attaches a calibrated
confidence; ``min_confidence`` drops hits below the threshold, so a query whose claim
nobody checked returns nothing.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from concurrent.futures import Future
from datetime import date as date_cls
from datetime import timedelta
import sqlite3
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from claimscope import langid
from claimscope.embed import Embedder
from claimscope.errors import StoreError
from claimscope.search.aliases import AliasTable, default_aliases
from claimscope.search.candidates import Candidates, SearchHit, date_gaps
from claimscope.search.dense import AnnIndex, DenseIndex, row_dots
from claimscope.search.fusion import FEATURES, FusionWeights, date_evidence, merge_texts, score_lead
from claimscope.search.lexical import LexicalIndex, query_tokens
from claimscope.search.query import clean_query
from claimscope.search.records import PASSAGE_FORMAT, SearchRecord, lexical_text, passage_text
from claimscope.search.verify import VERIFIED, Verifier, for_embedder
from claimscope.threads import ProcessPool, SharedConnection

CANDIDATES = 100  # per retriever
DATE_WINDOW = 3  # with a query date, records dated this many days around it are candidates too
ANN_THRESHOLD = 200_000  # from this many records on, approximate (HNSW) dense search
LENGTH_CAP = 12  # the length prior only tells very short records apart (fusion.py)
COMMON_SHARE = 0.05  # in HNSW mode, BM25 leaves out words found in more than this share of records
COMMON_MIN = 1000  # ... and in more than this many
WORDS_KEPT = 50_000  # records whose words the coverage feature remembers (~1.5 KB each)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    key INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, digest TEXT NOT NULL,
    date TEXT NOT NULL, lang TEXT NOT NULL, entities TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (key INTEGER PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (k TEXT PRIMARY KEY, v BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS records_date ON records (date);
"""


@dataclass(frozen=True, slots=True)
class _Meta:
    id: str
    date: str
    lang: str
    entities: frozenset[str]

    @classmethod
    def of(cls, rid: str, date: str, lang: str, entities: str) -> "_Meta":
        """A record's metadata, sharing equal dates, languages and entity sets (a
        million records' metadata stays in a few hundred MB)."""
        return cls(rid, sys.intern(date), sys.intern(lang), _entity_set(entities))


@lru_cache(maxsize=65536)
def _entity_set(entities: str) -> frozenset[str]:
    return frozenset(entities.split())


def _digest(record: SearchRecord) -> str:
    text = "\x00".join([passage_text(record), lexical_text(record), record.date, record.lang])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class SearchIndex:
    """Hybrid search over fact-check records, persisted in one SQLite file.

    ``ann_threshold``: from this many records on, dense search is approximate (int8
    HNSW, ``<path minus .sqlite>.usearch`` beside the SQLite file); below, exact.
    Searches may run on several threads at once (the SQLite connection is guarded,
    ``threads.SharedConnection``); writes (``upsert``, ``remove``) must not overlap them.
    ``close`` ends its threads and closes the file.
    """

    def __init__(
        self,
        path: str | Path,
        embedder: Embedder,
        weights: FusionWeights | None = None,
        aliases: AliasTable | None = None,
        ann_threshold: int = ANN_THRESHOLD,
    ):
        self.embedder = embedder
        self.ann_threshold = ann_threshold
        self.ann_path = None if str(path) == ":memory:" else Path(path).with_suffix(".usearch")
        self._ann_dirty = False
        self.weights = weights or FusionWeights()
        self.aliases = aliases or default_aliases()
        try:
            self.db = SharedConnection(str(path))  # guarded: searches may run on many threads
            self.db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the search index {path}: {exc}; check the path") from exc
        self._check_model()
        self.lexical = LexicalIndex(self.db)
        self.dense: DenseIndex | AnnIndex = DenseIndex(embedder.dim)
        self._meta: dict[int, _Meta] = {}
        self._words: dict[int, frozenset[str]] = {}  # record key -> its query_tokens, as searches meet it
        self._verifier: Verifier | None | bool = False  # False: not looked for yet (``verifier``)
        self._worker = ProcessPool(1, "claimscope-bm25")
        self._embedding = ProcessPool(1, "claimscope-index")
        self._load()

    def _check_model(self) -> None:
        """Refuse vectors made by another embedder or from another passage format."""
        made_by = f"{self.embedder.name}, passage format {PASSAGE_FORMAT}"
        row = self.db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES ('model', ?)", (made_by,))
        elif row[0] != made_by:
            raise StoreError(
                f"the search index was built with {row[0]}, not {made_by}; "
                "run `claimscope factchecks reindex --rebuild`"
            )

    def _load(self) -> None:
        rows = self.db.execute("SELECT key, id, date, lang, entities FROM records")
        intern, entity_set = sys.intern, _entity_set  # ``_Meta.of``, inlined: 25,000 rows and more
        self._meta = {key: _Meta(rid, intern(date), intern(lang), entity_set(ents)) for key, rid, date, lang, ents in rows}
        if len(self._meta) >= self.ann_threshold:
            self.dense = self._open_ann()
            return
        saved = self._saved_moments()
        for keys, vectors in self._stored_vectors():
            self.dense.add(keys, vectors, moments=saved is None)
        if saved is not None:
            self.dense.set_moments(saved)
        else:
            self._save_moments()
        if self.ann_path and self.ann_path.exists():  # the collection shrank below the threshold
            self.ann_path.unlink()

    def _saved_moments(self) -> bytes | None:
        """The exact index's moments as the last open computed them from the same vectors
        (computing them again costs about a second for 25,000 records), or None."""
        row = self.db.execute("SELECT v FROM blobs WHERE k = 'dense_moments'").fetchone()
        current = self.get_meta("dense_moments_version", -1) == self.get_meta("vectors_version")
        return row[0] if row and current else None

    def _save_moments(self) -> None:
        """Keep the moments just computed for the next open (a read-only file: not kept)."""
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO blobs VALUES ('dense_moments', ?)", (self.dense.moments_bytes(),))
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('dense_moments_version', ?)",
                                (str(self.get_meta("vectors_version")),))
        except sqlite3.Error:
            pass

    def _stored_vectors(self, chunk: int = 50_000) -> Iterable[tuple[list[int], np.ndarray]]:
        """Every stored (keys, vectors), ``chunk`` rows at a time."""
        last = -1
        while True:
            rows = self.db.execute("SELECT key, v FROM vectors WHERE key > ? ORDER BY key LIMIT ?", (last, chunk)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            vectors = np.frombuffer(b"".join(v for _, v in rows), dtype=np.float32)
            yield [k for k, _ in rows], vectors.reshape(len(rows), self.embedder.dim)

    def _vectors_of(self, keys: list[int]) -> np.ndarray:
        """The stored (exact, float32) vectors of ``keys``, in order."""
        found: dict[int, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT key, v FROM vectors WHERE key IN ({marks})", chunk))
        return np.frombuffer(b"".join(found[k] for k in keys), dtype=np.float32).reshape(len(keys), self.embedder.dim)

    def _open_ann(self) -> AnnIndex:
        """The saved HNSW index when it is current, else one rebuilt from the stored vectors."""
        moments = self.db.execute("SELECT v FROM blobs WHERE k = 'moments'").fetchone()
        current = self.get_meta("ann_version", -1) == self.get_meta("vectors_version")
        if self.ann_path and self.ann_path.exists() and moments and current:
            try:
                ann = AnnIndex.open(self.ann_path, self.embedder.dim, moments[0])
                if len(ann) == len(self._meta):
                    return ann
            except (RuntimeError, ValueError, OSError):
                pass  # unreadable or foreign: rebuild
        ann = AnnIndex(self.embedder.dim)
        for keys, vectors in self._stored_vectors():
            ann.add(keys, vectors)
        self.dense, self._ann_dirty = ann, True
        self.flush()
        return ann

    def flush(self) -> None:
        """Save the HNSW index beside the SQLite file if it changed (``sync`` calls this;
        without it, the next open rebuilds the graph from the stored vectors)."""
        if not (self._ann_dirty and self.ann_path and isinstance(self.dense, AnnIndex)):
            return
        self.dense.save(self.ann_path)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO blobs VALUES ('moments', ?)", (self.dense.moments_bytes(),))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('ann_version', ?)", (str(self.get_meta("vectors_version")),))
        self._ann_dirty = False

    def _changed(self) -> None:
        """Bookkeeping after a write: new vectors version (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO meta VALUES ('vectors_version', '1') "
            "ON CONFLICT(k) DO UPDATE SET v = CAST(v AS INTEGER) + 1"
        )
        self._ann_dirty = isinstance(self.dense, AnnIndex)

    def __len__(self) -> int:
        return len(self._meta)

    def close(self) -> None:
        """Shut the index's worker threads down and close its SQLite file."""
        self._worker.shutdown()
        self._embedding.shutdown()
        self.db.close()

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get_meta(self, key: str, default: int = 0) -> int:
        """An integer bookkeeping value stored with the index (e.g. the last store change)."""
        row = self.db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return int(row[0]) if row else default

    def set_meta(self, key: str, value: int) -> None:
        """Save an integer bookkeeping value."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))

    def _digests(self) -> dict[str, str]:
        """{record id: digest of its indexed text} for every indexed record."""
        return dict(self.db.execute("SELECT id, digest FROM records"))

    def upsert(
        self,
        records: Iterable[SearchRecord],
        batch_size: int = 64,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Index new or changed records (unchanged ones are skipped); returns how many.

        Each batch is embedded while the previous one is written; a passage identical to
        one met earlier in the call is not embedded again. In HNSW mode, ``flush`` saves
        the graph afterwards.
        """
        known = self._digests()
        todo = [r for r in records if known.get(r.id) != _digest(r)]
        chunks = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
        repeated = {t for t, n in Counter(passage_text(r) for r in todo).items() if n > 1}
        seen: dict[str, np.ndarray] = {}  # vectors of the repeated passages
        pending = self._embedding.submit(self._embed, chunks[0], repeated, seen) if chunks else None
        for n, chunk in enumerate(chunks):
            vectors = pending.result()
            if n + 1 < len(chunks):
                pending = self._embedding.submit(self._embed, chunks[n + 1], repeated, seen)
            self._write(chunk, vectors)
            if progress:
                progress(len(chunk))
        return len(todo)

    def _embed(self, chunk: Sequence[SearchRecord], repeated: set[str], seen: dict[str, np.ndarray]) -> np.ndarray:
        """Passage vectors of ``chunk``, each distinct passage embedded once; vectors of
        ``repeated`` passages are kept in ``seen`` for later chunks."""
        texts = [passage_text(r) for r in chunk]
        fresh = [t for t in dict.fromkeys(texts) if t not in seen]
        vectors = dict(zip(fresh, self.embedder.embed_passages(fresh)))
        seen.update((t, v) for t, v in vectors.items() if t in repeated)
        return np.asarray([vectors.get(t, seen.get(t)) for t in texts], dtype=np.float32).reshape(len(texts), self.embedder.dim)

    def _write(self, chunk: Sequence[SearchRecord], vectors: np.ndarray) -> None:
        keys = []
        with self.db:
            for record, vec in zip(chunk, vectors):
                entities = " ".join(sorted({m.entity for m in self.aliases.find(passage_text(record))}))
                self.db.execute(
                    "INSERT INTO records (id, digest, date, lang, entities) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET digest = excluded.digest, date = excluded.date, "
                    "lang = excluded.lang, entities = excluded.entities",
                    (record.id, _digest(record), record.date, record.lang, entities),
                )
                key = self.db.execute("SELECT key FROM records WHERE id = ?", (record.id,)).fetchone()[0]
                self.db.execute("INSERT OR REPLACE INTO vectors VALUES (?, ?)", (key, vec.astype(np.float32).tobytes()))
                self._meta[key] = _Meta.of(record.id, record.date, record.lang, entities)
                self._words.pop(key, None)
                keys.append(key)
            self.lexical.add(
                (k, passage_text(r), " ".join(r.keywords)) for k, r in zip(keys, chunk)
            )
            self._changed()
        self.dense.add(keys, vectors)
        if isinstance(self.dense, DenseIndex) and len(self.dense) >= self.ann_threshold:
            ann = AnnIndex(self.embedder.dim)
            ann.add(*self.dense.items())
            self.dense, self._ann_dirty = ann, True

    def remove(self, ids: Iterable[str]) -> int:
        """Drop records by id; returns how many were indexed."""
        wanted = set(ids)
        keys = [k for k, m in self._meta.items() if m.id in wanted]
        with self.db:
            self.db.executemany("DELETE FROM records WHERE key = ?", [(k,) for k in keys])
            self.db.executemany("DELETE FROM vectors WHERE key = ?", [(k,) for k in keys])
            self.lexical.remove(keys)
            self._changed()
        self.dense.remove(keys)
        for k in keys:
            del self._meta[k]
            self._words.pop(k, None)
        return len(keys)

    def prepare(self, text: str) -> str:
        """The query text actually searched: cleaned, with entity names bridged."""
        cleaned = clean_query(text)
        return self.aliases.expand(cleaned, langid.best(cleaned)[0])

    def candidates(self, text: str, vector: np.ndarray | Future | None = None, date: str = "",
                   dense: list[tuple[int, float]] | None = None) -> "Candidates":
        """The union of the dense and BM25 candidate lists for ``text``, with raw scores.

        ``vector`` is the query embedding of ``prepare(text)`` when the caller has it (or a
        future of it, None meaning: embed it); ``date`` (ISO) is when the text was published,
        if known.
        """
        query = self.prepare(text)
        if vector is None or isinstance(vector, Future):  # BM25 runs while the query is embedded (both release the GIL)
            pending = self._worker.submit(self.lexical.search, query, CANDIDATES, self._max_df())
            vector = vector.result() if isinstance(vector, Future) else None
            if vector is None:
                vector = self.embedder.embed_queries([query])[0]
            lex = dict(pending.result())
        else:
            lex = dict(self.lexical.search(query, CANDIDATES, self._max_df()))
        dense = self.dense.search(vector, CANDIDATES) if dense is None else dense  # given: found in a batch
        dated = self._dated_near(date)
        keys = list(dict.fromkeys([k for k, _ in dense] + [k for k in lex if k in self._meta] + dated))
        cos = self._cosines(vector, keys)
        q_ents = {m.entity for m in self.aliases.find(query)}
        mean, sd = self.dense.background(vector)
        centroid = np.asarray(self.dense.centroid(), dtype=np.float32)
        q_lang = langid.best(clean_query(text))[0]
        coverage, length = self._coverage(query, keys)
        gaps, stale = date_gaps(text, date, [self._meta[k].date for k in keys])
        return Candidates(
            keys=keys,
            cos=np.asarray(cos, dtype=np.float64),
            bm25=np.asarray([lex.get(k, 0.0) for k in keys], dtype=np.float64),
            background=(mean, sd),
            entity=np.asarray(
                [len(q_ents & self._meta[k].entities) / len(q_ents) if q_ents else 0.0 for k in keys]
            ),
            date_gap=gaps,
            coverage=coverage,
            hub=np.asarray(self._cosines(centroid, keys), dtype=np.float64),
            mu2=float(centroid @ centroid),
            cross=np.asarray([bool(q_lang and self._meta[k].lang and self._meta[k].lang != q_lang) for k in keys], dtype=np.float64),
            length=length,
            stale=stale,
        )

    def _max_df(self) -> int | None:
        """BM25's limit on a query word's document frequency: none in exact mode."""
        return max(int(COMMON_SHARE * len(self._meta)), COMMON_MIN) if isinstance(self.dense, AnnIndex) else None

    def _cosines(self, vector: np.ndarray, keys: list[int]) -> np.ndarray:
        """Exact cosines of the candidates (in HNSW mode from the stored float vectors,
        so only which records become candidates is approximate)."""
        if not keys:
            return np.zeros(0)
        if isinstance(self.dense, DenseIndex):
            return self.dense.cosines(vector, keys)
        return row_dots(self._vectors_of(keys), vector)

    def _dated_near(self, date: str) -> list[int]:
        """Records dated within DATE_WINDOW days of ``date`` (at most CANDIDATES of them)."""
        window = date_window(date)
        if window is None:
            return []
        _, lo, hi = window
        rows = self.db.execute(
            "SELECT key FROM records WHERE date BETWEEN ? AND ? ORDER BY abs(julianday(date) - julianday(?)), key LIMIT ?",
            (lo, hi, date, CANDIDATES),
        )
        return [k for (k,) in rows if k in self._meta]

    def _coverage(self, query: str, keys: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """IDF-weighted share of the query's words that each record contains, and each
        record's length feature (``Candidates.length``)."""
        df = self.lexical.document_frequencies(query_tokens(query))
        n = max(len(self._meta), 1)
        idf = {t: np.log1p(n / (df.get(t, 0) + 1)) for t in query_tokens(query)}
        total = sum(idf.values())
        words = self._record_words(keys)
        length = np.log1p(np.minimum([len(w) for w in words], LENGTH_CAP).astype(np.float64))
        if total == 0:
            return np.zeros(len(keys)), length
        weight = idf.__getitem__
        return np.asarray([sum(map(weight, w & idf.keys())) / total for w in words]), length

    def _record_words(self, keys: list[int]) -> list[frozenset[str]]:
        """The ``query_tokens`` of each record's indexed text, remembered per record (a
        record met by one search is often met again; WORDS_KEPT records at most) by an
        index that keeps ``_words`` current with its writes (PostgreSQL's forgets them all
        whenever any process wrote: ``PostgresSearchIndex._refresh``)."""
        kept = self._words
        found = {k: kept.get(k) for k in keys}
        missing = [k for k, words in found.items() if words is None]
        if missing:
            texts = dict(self.lexical.texts(missing))
            if len(kept) > WORDS_KEPT:
                kept.clear()
            for k in missing:
                found[k] = kept[k] = frozenset(map(sys.intern, query_tokens(texts.get(k, ""))))
        return [found[k] for k in keys]

    def search(
        self,
        text: str,
        k: int = 10,
        min_confidence: float | None = None,
        since: str = "",
        lang: str = "",
        vector: np.ndarray | None = None,
        date: str = "",
        article: bool = False,
        dense: list[tuple[int, float]] | None = None,
        recurring: bool = False,
    ) -> list[SearchHit]:
        """The best ``k`` records for ``text``, best first, with confidence ≥ ``min_confidence``.

        ``min_confidence`` defaults to the calibrated threshold (``FusionWeights.threshold``);
        pass 0 to see every candidate.
        ``since`` (ISO date) and ``lang`` filter records by their date and language;
        ``date`` is when ``text`` was published (fact-checks near it rank higher).
        ``article``: ``text`` is one sentence of an article (``search_many``): the
        confidence is the article model's (``FusionWeights.article_confidence``).
        ``recurring``: ``text`` reports a message that circulates from reader to reader
        (``stages.matching.recurring``), which recurs for years: a record dated far from
        ``date`` gets no date evidence against it (a near one still gets it for).
        """
        verifier = self.verifier() if min_confidence is None and not article else None
        query = None  # the query's pieces for the verifier, encoded while candidates are found
        if verifier is not None:
            if vector is None and dense is None and self.prepare(text) == text:  # one encoder run for both
                vector = Future()
                query = verifier.begin(text, vector)
            else:
                query = verifier.begin(text)
        cands = self.candidates(text, vector, date, dense)
        if not cands.keys:
            return []
        keys, cos, bm = cands.keys, cands.cos, cands.bm25
        feats = cands.features()
        scores = self.weights.score(feats)
        centred = cands.centred()
        dated = date_evidence(feats[:, FEATURES.index("date_prox")])
        if recurring:
            dated = np.maximum(dated, 0.0)
        lead = score_lead(scores, cos) if article else None
        if min_confidence is None:
            min_confidence = self.weights.threshold
        hits, at = [], []  # the hits and their candidate rows
        ids = [self._meta[key].id for key in keys]  # equal scores (a passage listed twice) in id order
        for i in sorted(range(len(keys)), key=lambda j: (-scores[j], ids[j])):
            meta = self._meta[keys[i]]
            if (since and meta.date < since) or (lang and meta.lang != lang):
                continue
            evidence = {"centred": float(centred[i]), "cosine": float(cos[i]), "date": float(dated[i]),
                        "stale": float(cands.stale[i]), "lead": float(lead[i]) if article else 0.0}
            conf = self.weights.probability(evidence, article)
            if conf >= min_confidence or (verifier is not None and len(hits) < VERIFIED):
                hits.append(SearchHit(meta.id, float(scores[i]), conf, float(cos[i]), float(bm[i])))
                at.append(keys[i])
            if len(hits) == k + (VERIFIED if verifier is not None else 0):
                break
        return (hits if verifier is None else self._verified(verifier, query, hits, at))[:k]

    def verifier(self) -> Verifier | None:
        """The verifier of a single query's first hits over this index's embedder (made on
        first use; None for an embedder without token states, search/verify.py)."""
        if self._verifier is False:
            self._verifier = for_embedder(self.embedder)
        return self._verifier

    def _verified(self, verifier: Verifier, query: Future, hits: list[SearchHit], keys: list[int]) -> list[SearchHit]:
        """``hits`` whose first VERIFIED have the verifier's confidence and are kept from its
        threshold on; the later ones were kept from the search threshold on already.
        ``query``: the query's content pieces (``Verifier.begin``)."""
        first = hits[:VERIFIED]
        passages = self.lexical.passages(keys[:VERIFIED]) if first else {}
        checked = verifier.verify(query, [h.confidence for h in first], [passages.get(k, "") for k in keys[:VERIFIED]])
        kept = [replace(h, confidence=c) for h, c in zip(first, checked) if c is not None and c >= verifier.threshold]
        return kept + hits[VERIFIED:]

    def search_many(
        self, texts: Sequence[str], k: int = 10, min_confidence: float | None = None, date: str = "",
        known: Mapping[str, np.ndarray] | None = None, recurring: Sequence[bool] = (),
    ) -> list[tuple[SearchHit, int]]:
        """Search several texts (an article's claim sentences) and merge per record
        (``fusion.merge_texts``: each text contributes its best hit; a record several texts
        agree on gathers their evidence). ``min_confidence`` defaults to the article
        threshold (``FusionWeights.article_threshold``). Returns (hit, index of the text
        that gave the most confident hit), most confident first, at most ``k``. ``known``
        maps query texts, as ``prepare`` makes them, to vectors this index's embedder already
        made for them (the claims stage's sentence vectors); those are not embedded again.
        ``recurring``: per text, whether it reports a circulating message (``search``).
        """
        return self.search_articles([(texts, date, known or {}, recurring)], k, min_confidence)[0]

    def search_articles(
        self, articles: Sequence[tuple[Sequence[str], str, Mapping[str, np.ndarray]]], k: int = 10,
        min_confidence: float | None = None,
    ) -> list[list[tuple[SearchHit, int]]]:
        """``search_many`` for several articles at once, each given as (texts, date, known)
        or (texts, date, known, recurring):
        the query texts of them all are embedded in one batch and their dense candidates
        found by one matrix product; each article's result is what ``search_many`` gives."""
        if min_confidence is None:
            min_confidence = self.weights.article_threshold
        texts = [t for group, *_ in articles for t in group]
        known = {q: v for _, _, given, *_ in articles for q, v in given.items()}
        vectors = self._query_vectors([self.prepare(t) for t in texts], known)
        dense = self.dense.search_many(np.asarray(vectors).reshape(len(texts), -1), CANDIDATES) if texts else []
        found, at = [], 0
        for group, date, _, *rest in articles:
            recurs = list(rest[0]) if rest else []
            results = [self.search(t, k=k, min_confidence=0.0, vector=vectors[at + j], date=date, article=True,
                                   dense=dense[at + j], recurring=j < len(recurs) and bool(recurs[j]))
                       for j, t in enumerate(group)]
            at += len(group)
            merged = merge_texts(results, self.weights.evidence_floor)
            found.append([(hit, i) for hit, i in merged if hit.confidence >= min_confidence][:k])
        return found

    def _query_vectors(self, queries: list[str], known: Mapping[str, np.ndarray]) -> list[np.ndarray]:
        """Vectors of ``queries``: from ``known`` where present, the rest embedded in one batch."""
        missing = [q for q in dict.fromkeys(queries) if q not in known]
        made = dict(zip(missing, self.embedder.embed_queries(missing))) if missing else {}
        return [known[q] if q in known else made[q] for q in queries]


def date_window(date: str) -> tuple[date_cls, str, str] | None:
    """``date`` parsed, and the ISO days DATE_WINDOW days before and after it; None if unparsable."""
    try:
        day = date_cls.fromisoformat(date)
    except ValueError:
        return None
    return day, (day - timedelta(days=DATE_WINDOW)).isoformat(), (day + timedelta(days=DATE_WINDOW)).isoformat()
