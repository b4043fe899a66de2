"""The fact-check store as the server's threads read it: search with filters, one record.

Every store may be shared by threads (a SQLite store opens one connection per thread,
a PostgreSQL store pools its connections), so the server's threads share one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..factchecks.record import to_dict
from .errors import BadRequest, NotFound


def iso_date(value: str | None, name: str) -> str:
    """``value`` as YYYY-MM-DD ("" when empty); BadRequest for anything else."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadRequest(f"{name} {value[:40]!r} is not a date: write YYYY-MM-DD, e.g. 2024-01-31") from None


class Catalog:
    """Fact-check search and look-up over a store and (when there is one) its search index."""

    def __init__(self, store, index=None):
        self.store = store
        self.index = index

    def _query_vector(self, text: str):
        """The query's vector, embedded on this request's own thread when the embedder
        lets us (``E5Embedder.encoder``): an interactive search is never queued behind
        the sentence batches of the analyses running on the embedder's pool."""
        encoder = getattr(getattr(self.index, "embedder", None), "encoder", None)
        prepare = getattr(self.index, "prepare", None)
        return encoder().encode([prepare(text)], True)[0] if encoder and prepare else None

    def get(self, record_id: str) -> dict[str, Any]:
        record = self.store.get(record_id) if self.store is not None else None
        if record is None:
            raise NotFound(f"no fact-check {record_id!r}: search for one first")
        return to_dict(record)

    def search(self, text: str = "", *, lang: str = "", verdict: str = "", publisher: str = "",
               since: str = "", until: str = "", limit: int = 20) -> list[dict[str, Any]]:
        """Fact-checks covering ``text`` (any language), most confident first, filtered;
        without ``text`` the latest stored ones that pass the filters."""
        if self.store is None:
            return []
        since, until = iso_date(since, "since"), iso_date(until, "until")

        def keep(record) -> bool:
            day = record.review_date or ""
            return ((not lang or record.language == lang) and (not verdict or record.verdict == verdict)
                    and (not publisher or record.publisher == publisher)
                    and (not since or day >= since) and (not until or (day and day <= until)))

        if text.strip() and self.index is not None:
            hits = self.index.search(text, k=3 * limit, lang=lang, since=since, vector=self._query_vector(text))
            records = {r.id: r for r in self.store.get_many([h.id for h in hits])}
            found = [(records[h.id], round(h.confidence, 4)) for h in hits if h.id in records]
        elif text.strip():
            found = [(r, None) for r, _ in self.store.search(text, 3 * limit)]
        else:
            found = [(r, None) for r in self.store.list(limit=3 * limit, language=lang or None, verdict=verdict or None,
                                                          publisher=publisher or None)]
        return [{**to_dict(r), "confidence": c} for r, c in found if keep(r)][:limit]
