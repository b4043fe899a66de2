"""The analysis stages, in pipeline order (see docs/stages.md)."""

from __future__ import annotations

from .attribution import AttributionStage
from .claims import ClaimsStage
from .language import Language
from .matching import Matching
from .segment import Segment
from .sourcing import Sourcing
from .traces import Traces
from .triage import Triage


def foundation_stages() -> list:
    """The text-only stages: sentences, language map, translation damage and copy traces."""
    return [Segment(), Language(), Traces()]


def default_stages(resources=None) -> list:
    """Fresh instances of the stages ``claimscope check`` runs, in order, working with
    ``resources`` (a ``claimscope.Resources``); without them: the default embedder, the
    shipped check-worthiness head, no outlet ratings and no fact-check matching."""
    res = resources
    return [
        *foundation_stages(), AttributionStage(),
        ClaimsStage(embedder=res and res.embedder, head=res and res.head),
        Sourcing(ratings=res and res.ratings),
        Matching(store=res and res.store, index=res and res.index),
        Triage(),
    ]
