"""Stage ``sourcing``: the main claim's sourcing chain, independent sources, flags, triage.

Needs sentences, language, traces (credit lines, translation damage) and attributions;
provides ``sourcing``. See docs/sourcing.md. Outlet ratings come from the ratings
database the user imported into (``claimscope outlets import``), when there is one.
"""

from __future__ import annotations

from ..model import Document, Hop, Rating, SourceChain
from ..outlets.chain import Node, Path, gather, trace
from ..outlets.flags import flags, triage
from ..outlets.mentions import MentionFinder, default_finder
from ..outlets.ratings import RatingsDB
from ..outlets.registry import normalize_host
from ..pipeline import stage_tag


class Sourcing:
    """Pipeline stage adding ``Document.sourcing`` (one chain, the main claim's) and ``Document.triage``."""

    name = "sourcing"
    version = "1"
    requires = ("sentences", "language", "traces", "attributions")
    provides = ("sourcing",)

    def __init__(self, finder: MentionFinder | None = None, ratings: RatingsDB | None = None, use_default_ratings=True):
        self.finder = finder or default_finder()
        self.ratings = ratings if ratings is not None or not use_default_ratings else RatingsDB.open_existing()

    def __call__(self, doc: Document) -> Document:
        chain = self.chain(doc)
        return doc.evolve(sourcing=(chain,), triage=triage(doc, chain))

    def chain(self, doc: Document) -> SourceChain:
        """The main claim's chain: this article, credited and relaying outlets, the origin."""
        src = gather(doc, self.finder)
        article = self._article(doc)
        own = article.outlet_id or (f"domain:{article.domain}" if article.domain else None)
        path = trace(src, doc, own)
        hops = [article] + [self._hop(n, "outlet") for n in path.outlets]
        if path.circular and (not path.outlets or path.circular[0] is not path.outlets[-1]):
            hops.append(self._hop(path.circular[0], "outlet"))
        elif path.origin is not None:
            hops.append(path.origin.hop("speaker"))
        start, end = _claim_span(doc, path, src.speakers.get(path.origin.key, []) if path.origin else [])
        return SourceChain(start, end, tuple(hops), path.independent, flags(doc, src, path), stage_tag(self))

    def _article(self, doc: Document) -> Hop:
        meta = doc.article.meta
        host = normalize_host(meta.canonical_url or meta.url or "") or None
        outlet = self.finder.registry.by_domain(host) if host else None
        return Hop(kind="article", name="this article", domain=host, outlet_id=outlet.id if outlet else None,
                   ownership=outlet.ownership if outlet else None, ratings=self._ratings([host] if host else []))

    def _hop(self, node: Node, kind: str) -> Hop:
        domains = list(node.outlet.domains) if node.outlet else ([node.domain] if node.domain else [])
        return node.hop(kind, self._ratings(domains))

    def _ratings(self, domains) -> tuple[Rating, ...]:
        if self.ratings is None:
            return ()
        return next((found for d in domains if (found := self.ratings.lookup(d))), ())


def _claim_span(doc: Document, path: Path, origin: list[Node]) -> tuple[int, int]:
    """The main claim: the first content a relaying outlet or the origin is credited with,
    else the highest-scoring check-worthy claim, else the first sentence."""
    contents = [n.content for n in list(path.outlets) + origin if n.content and n.evidence != "credit_line"]
    if contents:
        return min(contents)
    worthy = [c for c in doc.claims if c.checkworthy]
    if worthy:
        best = max(worthy, key=lambda c: c.score)
        return best.start, best.end
    return (doc.sentences[0].start, doc.sentences[0].end) if doc.sentences else (0, 0)
