"""The hybrid fact-check search index: BM25 and dense retrieval, fused and calibrated.

``SearchIndex`` searches the records ``IndexStorage`` keeps (index_storage.py: the
SQLite file, the vectors, the HNSW graph beyond ``ann_threshold`` records). In HNSW
mode BM25 also leaves out the query's words found in more than 5% of the records.

A search cleans the query (``clean_query``), appends English names of entities it
names in other languages (``AliasTable.expand``), retrieves candidates from both BM25
and the dense index, ranks them with ``FusionWeights`` and attaches a calibrated
confidence; ``min_confidence`` drops hits below the threshold, so a query whose claim
nobody checked returns nothing.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future
from datetime import date as date_cls
from datetime import timedelta
from dataclasses import replace
from typing import Mapping, Sequence

import numpy as np

from claimscope import langid
from claimscope.search.candidates import Candidates, SearchHit, date_gaps
from claimscope.search.dense import AnnIndex, DenseIndex, row_dots
from claimscope.search.fusion import FEATURES, date_evidence, merge_texts, score_lead
from claimscope.search.index_storage import IndexStorage
from claimscope.search.lexical import query_tokens
from claimscope.search.query import clean_query
from claimscope.search.verify import VERIFIED, Verifier, for_embedder

CANDIDATES = 100  # per retriever
DATE_WINDOW = 3  # with a query date, records dated this many days around it are candidates too
LENGTH_CAP = 12  # the length prior only tells very short records apart (fusion.py)
COMMON_SHARE = 0.05  # in HNSW mode, BM25 leaves out words found in more than this share of records
COMMON_MIN = 1000  # ... and in more than this many
WORDS_KEPT = 50_000  # records whose words the coverage feature remembers (~1.5 KB each)


class SearchIndex(IndexStorage):
    """Hybrid search over fact-check records, persisted in one SQLite file (``IndexStorage``).

    Searches may run on several threads at once (the SQLite connection is guarded,
    ``threads.SharedConnection``); writes (``upsert``, ``remove``) must not overlap them.
    """

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
