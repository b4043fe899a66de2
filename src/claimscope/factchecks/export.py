"""Export stored fact-checks as schema.org ClaimReview JSON-LD (docs/factchecks.md)."""

from __future__ import annotations

import json
from typing import TextIO

from .claimreview import to_claimreview

EXPORT_FORMATS = ("claimreview", "jsonl")


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
            data = json.dumps(to_claimreview(record), ensure_ascii=False)
            if fmt == "claimreview":
                out.write(("," if count else "") + "\n  " + data)
            else:
                out.write(data + "\n")
            count += 1
    if fmt == "claimreview":
        out.write("\n]\n")
    return count
