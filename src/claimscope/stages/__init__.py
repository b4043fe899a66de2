"""The analysis stages, in pipeline order (see docs/stages.md)."""

from __future__ import annotations

from .language import Language
from .segment import Segment
from .traces import Traces


def default_stages() -> list:
    """Fresh instances of the stages ``claimscope check`` runs, in order."""
    return [Segment(), Language(), Traces()]
