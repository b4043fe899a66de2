"""Stage ``matching``: existing fact-checks that cover the article's check-worthy claims.

Needs ``claims``; provides ``matches``. It queries the hybrid search index beside the
fact-check store (docs/matching.md) with the check-worthy sentences and the article's
date, and keeps the fact-checks above the calibrated confidence threshold. Without a
store or without its index (a fresh machine) it adds nothing and loads nothing; an index
it cannot use (built by another embedder, say) leaves a line in ``Document.notices``
and the rest of the report stands. A
match whose verdict says the claim is false adds a ``known_disinformation`` flag to
the main sourcing chain.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import StoreError
from ..model import Document, Flag, Match
from ..pipeline import stage_tag
from .claims import sentence_text

FALSE_VERDICTS = ("false", "mostly_false", "disinformation", "misleading")
MAX_MATCHES = 10


class Matching:
    """Pipeline stage adding ``Document.matches``.

    ``store`` and ``index`` may be given (tests, batch jobs); otherwise the store at
    ``db`` (default: ``claimscope.store.db_location()``) and its index are opened on
    first use, with ``embedder`` (default: the process-wide e5 embedder).
    """

    name = "matching"
    version = "1"
    requires = ("claims",)
    provides = ("matches",)

    def __init__(self, store=None, index=None, db: str | None = None, embedder=None):
        self._store, self._index = store, index
        self._db, self._embedder = db, embedder
        self._opened = store is not None and index is not None

    def _open(self) -> bool:
        """Open the store and its index when both exist; False when there is nothing to match."""
        if not self._opened:
            self._opened = True
            from ..search.sync import index_path, open_index
            from ..store import db_location, open_store

            location = db_location(self._db)
            if "://" in location or not Path(location).is_file() or not index_path(location).is_file():
                return False
            self._store = self._store or open_store(location)
            self._index = self._index or open_index(self._store, self._embedder)
        return self._index is not None and len(self._index) > 0

    def __call__(self, doc: Document) -> Document:
        claims = checkworthy_claims(doc)
        if not claims:
            return doc
        try:
            if not self._open():
                return doc
        except StoreError as exc:  # e.g. an index built by another embedder: report the rest
            return doc.evolve(notices=(*doc.notices, f"fact-check matching skipped: {exc}"))
        texts = [doc.text[c.start:c.end] for c in claims]
        hits = self._index.search_many(texts, k=MAX_MATCHES, date=article_date(doc), known=self._known(doc, claims))
        records = {r.id: r for r in self._store.get_many([h.id for h, _ in hits])}
        tag = stage_tag(self)
        matches = tuple(
            Match(fc.id, fc.claim, fc.verdict, fc.rating, fc.publisher, fc.review_date, fc.review_url,
                  hit.confidence, claims[i].sentence, claims[i].start, claims[i].end, tag)
            for hit, i in hits if (fc := records.get(hit.id)) is not None
        )
        return _flag_known_disinformation(doc.evolve(matches=matches))

    def _known(self, doc: Document, claims: list) -> dict:
        """The claims stage's vectors of these sentences, when the index's model made them."""
        if doc.sentence_vectors is None or doc.vectors_model != self._index.embedder.name:
            return {}
        return {sentence_text(doc, c.sentence): doc.sentence_vectors[c.sentence] for c in claims}


def checkworthy_claims(doc: Document) -> list:
    """The claims the stage queries the index with: the check-worthy ones, in order."""
    return [c for c in doc.claims if c.checkworthy]


def article_date(doc: Document) -> str:
    """The article's publication date: its metadata, else a dateline the traces stage read."""
    if doc.article.meta.date:
        return doc.article.meta.date[:10]
    return next((f.value for f in doc.findings if f.kind == "foreign_dateline" and f.value), "")


def _flag_known_disinformation(doc: Document) -> Document:
    """Add ``known_disinformation`` to the main sourcing chain when a match rates the claim false."""
    bad = next((m for m in doc.matches if m.verdict in FALSE_VERDICTS), None)
    if bad is None or not doc.sourcing:
        return doc
    from ..outlets.flags import ORDER, triage

    chain = doc.sourcing[0]
    reason = f"already fact-checked as {bad.verdict.replace('_', ' ')} by {bad.publisher or 'a fact-checker'}"
    flags = sorted((*chain.flags, Flag("known_disinformation", reason, bad.start, bad.end)),
                   key=lambda f: ORDER.index(f.kind))
    chain = dataclasses.replace(chain, flags=tuple(flags))
    return doc.evolve(sourcing=(chain, *doc.sourcing[1:]), triage=triage(doc, chain))
