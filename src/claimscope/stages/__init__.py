"""The analysis stages, in pipeline order (see docs/stages.md)."""

from __future__ import annotations

from .attribution import AttributionStage
from .claims import ClaimsStage
from .language import Language
from .matching import Matching
from .segment import Segment
from .sourcing import Sourcing
from .traces import Traces


def foundation_stages() -> list:
    """The text-only stages: sentences, language map, translation damage and copy traces."""
    return [Segment(), Language(), Traces()]


def default_stages() -> list:
    """Fresh instances of the stages ``claimscope check`` runs, in order."""
    return [*foundation_stages(), AttributionStage(), ClaimsStage(), Sourcing(), Matching()]
