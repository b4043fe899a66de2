"""Export stored fact-checks as schema.org ClaimReview JSON-LD (docs/factchecks.md).

The JSON is meant to be pasted into a ``<script type="application/ld+json">`` block:
``<``, ``>`` and ``&`` are written as ``\u003c``, ``\u003e`` and ``\u0026`` (the same
data to any JSON reader), so no stored text can close the block (``</script>``).
"""

from __future__ import annotations

from typing import TextIO

from ..render.safe import to_json
from .claimreview import to_claimreview

EXPORT_FORMATS = ("claimreview", "jsonl")
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def jsonld(data) -> str:
    """``data`` as one line of JSON that is safe inside an HTML ``<script>`` block."""
    return to_json(data).translate(_SCRIPT_SAFE)


def export(store, out: TextIO, fmt: str = "claimreview", **filters) -> int:
    """Write the records matching ``filters`` to ``out``; the number written.

    ``claimreview`` writes one JSON array of ClaimReview objects; ``jsonl`` writes
    one ClaimReview object per line. Records are streamed in batches.
    """
    count = 0
    if fmt == "claimreview":
        out.write("[")
    for batch in store.iter_batches(**filters):
        for record in batch:
            data = jsonld(to_claimreview(record))
            if fmt == "claimreview":
                out.write(("," if count else "") + "\n  " + data)
            else:
                out.write(data + "\n")
            count += 1
    if fmt == "claimreview":
        out.write("\n]\n")
    return count
