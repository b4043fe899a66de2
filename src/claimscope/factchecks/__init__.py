"""Fact-checks (ClaimReview): read every published format, normalise verdicts, import, export.

Public API::

    from claimscope.factchecks import import_sources, ImportOptions, export
    from claimscope.store import open_store

    with open_store("factchecks.sqlite") as store:
        summary = import_sources(store, ["feed.json"], ImportOptions())
"""

from __future__ import annotations

from .claimreview import fields_from_claimreview, find_claimreviews, to_claimreview
from .export import EXPORT_FORMATS, export
from .formats import FORMATS, Mapping
from .importer import ImportOptions, ImportSummary, import_sources
from .ratings import normalise_verdict

__all__ = [
    "EXPORT_FORMATS", "FORMATS", "ImportOptions", "ImportSummary", "Mapping", "export",
    "fields_from_claimreview", "find_claimreviews", "import_sources", "normalise_verdict", "to_claimreview",
]
