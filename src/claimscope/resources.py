"""What the stages work with: the fact-check store and its search index, the outlet
ratings, the embedder and the check-worthiness head.

:meth:`Resources.open` opens whatever the caller did not pass in, as :class:`Settings`
say; a resource that cannot be opened (a corrupt file, an index built by another
embedder) is left out and its notice goes on every report (``Resources.notices``).
Only what ``open`` opened itself is closed by :meth:`Resources.close`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .checkworthy.head import Head, load_head
from .embed import E5Embedder, Embedder, default_embedder
from .errors import StoreError
from .settings import Settings


@dataclass
class Resources:
    """The shared, read-only resources of an analyzer; any field may be given.

    ``store`` and ``index``: the fact-check store and its search index (both, or
    neither: no matching). ``ratings``: an ``outlets.ratings.RatingsDB`` or None.
    ``embedder``: any ``embed.Embedder``. ``head``: a ``checkworthy.head.Head``.
    ``notices``: one line per resource that could not be opened.
    """

    store: Any = None
    index: Any = None
    ratings: Any = None
    embedder: Embedder | None = None
    head: Head | None = None
    notices: tuple[str, ...] = ()
    _opened: list = field(default_factory=list, repr=False)  # what close() closes

    @classmethod
    def open(cls, settings: Settings | None = None, given: "Resources | None" = None) -> "Resources":
        """``given``'s resources, and the missing ones opened as ``settings`` say."""
        settings = settings or Settings()
        res = dataclasses.replace(given, _opened=[]) if given is not None else cls()
        if res.embedder is None:
            res.embedder = default_embedder() if settings.embed_workers is None else E5Embedder(settings.embed_workers)
            if res.embedder is not default_embedder():
                res._opened.append(res.embedder)
        if res.head is None:
            res.head = load_head(settings.checkworthy_head)
        if res.ratings is None:
            res.ratings = res._try("outlet ratings not used", lambda: _open_ratings(settings))
        if settings.matching and res.index is None:
            found = res._try("fact-check matching skipped", lambda: _open_matching(settings, res.embedder))
            res.store, res.index = found or (None, None)
        if not settings.matching:
            res.store = res.index = None
        return res

    def _try(self, notice: str, opener):
        """What ``opener`` returns (kept to be closed), or None with a notice when it fails."""
        try:
            found = opener()
        except StoreError as exc:
            self.notices = (*self.notices, f"{notice}: {exc}")
            return None
        self._opened.extend(found if isinstance(found, tuple) else [found] if found is not None else [])
        return found

    def close(self) -> None:
        """Close what :meth:`open` opened (last opened first); given resources stay open."""
        while self._opened:
            self._opened.pop().close()


def _open_ratings(settings: Settings):
    from .outlets.ratings import RatingsDB

    return RatingsDB.open_existing(settings.ratings_db)


def _open_matching(settings: Settings, embedder: Embedder):
    from .search.sync import open_for_matching
    from .store import default_db_path

    return open_for_matching(str(settings.db or default_db_path()), embedder)
