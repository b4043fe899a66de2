"""Stage ``sourcing``: the main claim, its sourcing chain, independent sources, flags.

Needs sentences, language, traces (credit lines, translation damage), attributions and
claims; provides ``sourcing``. See docs/sourcing.md. The chain logic lives here, in reading
order: the main claim → the attributions it rests on → the outlets credited or relayed →
the origin. The outlet package only answers "which outlet is this name or domain".
Outlet ratings come from the ratings database passed in (an analyzer opens the one the
user imported into with ``claimscope outlets import``, when there is one).
"""

from __future__ import annotations

from functools import lru_cache

from ...model import Document, Hop, Rating, SourceChain, stage_tag
from ...outlets.flags import flags
from ...outlets.mentions import MentionFinder
from ...outlets.ratings import RatingsDB
from ...outlets.registry import default_registry, normalize_host
from ..attribution.lemmas import lemma, supported
from .counts import article_sources, independent_sources, rests_on_anonymous
from .names import Names, Source, bare_name
from .route import Chain

__all__ = ["Sourcing"]


def _lemma(lang: str, word: str) -> str | None:
    return lemma(lang, word) if supported(lang) else None


@lru_cache(maxsize=1)
def inflecting_finder() -> MentionFinder:
    """The packaged registry's finder, matching names of two words or more in any
    inflection through the attribution stage's lemmas ("Первого канала")."""
    return MentionFinder(default_registry(), _lemma)


class Sourcing:
    """Pipeline stage adding ``Document.sourcing`` (one chain, the main claim's); the
    triage lines come from the final ``triage`` stage."""

    name = "sourcing"
    version = "2"
    requires = ("sentences", "language", "traces", "attributions", "claims")
    provides = ("sourcing",)

    def __init__(self, finder: MentionFinder | None = None, ratings: RatingsDB | None = None):
        self.finder = finder or inflecting_finder()
        self.ratings = ratings  # an analyzer passes the ratings database it opened (docs/library.md)

    def __call__(self, doc: Document) -> Document:
        chain = self.chain(doc)
        return doc.evolve(sourcing=(chain,))

    def chain(self, doc: Document) -> SourceChain:
        """The main claim's chain: this article, credited and relaying outlets, the origin."""
        built = Chain(doc, Names(doc, self.finder)).build()
        article = self._article(doc)
        if article.outlet_id and any(h.outlet and h.outlet.id == article.outlet_id for h in built.hops):
            own = next(h for h in built.hops if h.outlet and h.outlet.id == article.outlet_id)
            built.circular = built.circular or own
            if built.hops[-1] is not own:
                built.hops.append(own)
        hops = (article, *(self._hop(h, doc.language) for h in built.hops))
        start, end = (doc.sentences[built.claim].start, doc.sentences[built.claim].end) if built.claim is not None \
            else (0, 0)
        independent = independent_sources(built)
        anonymous = rests_on_anonymous(built)
        circular = bare_name(built.circular.name, doc.language) if built.circular else None
        found = flags(doc, hops, independent, circular, anonymous, (start, end))
        return SourceChain(start, end, hops, independent, found, stage_tag(self),
                           article_sources=max(article_sources(built), independent))

    def _article(self, doc: Document) -> Hop:
        meta = doc.article.meta
        host = normalize_host(meta.canonical_url or meta.url or "") or None
        outlet = self.finder.registry.by_domain(host) if host else None
        return Hop(kind="article", name="this article", domain=host, outlet_id=outlet.id if outlet else None,
                   ownership=outlet.ownership if outlet else None, ratings=self._ratings([host] if host else []))

    def _hop(self, src: Source, lang: str | None) -> Hop:
        domains = list(src.outlet.domains) if src.outlet else ([src.domain] if src.domain else [])
        return src.hop(self._ratings(domains), lang)

    def _ratings(self, domains) -> tuple[Rating, ...]:
        if self.ratings is None:
            return ()
        return next((found for d in domains if (found := self.ratings.lookup(d))), ())
