"""Fact-check search and look-up, run in the search worker processes (``web.worker``):
the server's process only forwards the requests (:class:`RemoteCatalog`), so that the
Python work of many searches at once runs on every CPU instead of one interpreter lock.

A search worker opens the fact-check store and its search index (:func:`catalog_service`)
as the analyses' matching does: none with matching off or without an index.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import date
from typing import Any

from ..errors import StoreError
from ..factchecks.record import to_dict
from .config import WebConfig
from .errors import BadRequest, NotFound
from .worker import Pool

log = logging.getLogger(__name__)


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
        """The query's vector, embedded on this thread when the embedder lets us
        (``E5Embedder.encoder``): one text needs no hop to the embedder's pool."""
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


@contextmanager
def catalog_service(config: WebConfig):
    """A search worker's service: the store and its index; a request is ``("search",
    arguments)`` or ``("get", record_id)``."""
    from ..search.sync import open_for_matching

    found = None
    if config.matching:
        try:
            found = open_for_matching(config.store_location)
        except StoreError as err:  # the analyses' reports carry the notice; searches find nothing
            log.warning("fact-check search unavailable: %s", err)
    catalog = Catalog(*found) if found else Catalog(None)
    try:
        catalog.search("warm-up query")  # loads the model now, not on the first search
        yield lambda request: catalog.search(**request[1]) if request[0] == "search" else catalog.get(request[1])
    finally:
        for resource in reversed(found or ()):
            resource.close()


class RemoteCatalog:
    """The :class:`Catalog` of the search workers, as the server's threads call it."""

    def __init__(self, pool: Pool):
        self.pool = pool

    def get(self, record_id: str) -> dict[str, Any]:
        return self.pool.call(("get", record_id))

    def search(self, text: str = "", **filters) -> list[dict[str, Any]]:
        """See :meth:`Catalog.search`."""
        return self.pool.call(("search", {"text": text, **filters}))
