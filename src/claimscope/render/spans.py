"""Cutting an article into pieces so overlapping spans can be highlighted."""

from __future__ import annotations

from typing import Iterable


def pieces(text: str, spans: Iterable[tuple[int, int, int]]) -> list[tuple[str, list[int]]]:
    """Split ``text`` at every span boundary.

    ``spans`` are (start, end, key) triples; the result is a list of
    (piece, keys of the spans covering that piece), in text order.
    """
    spans = [(max(0, s), min(len(text), e), k) for s, e, k in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[tuple[str, list[int]]] = []
    for a, b in zip(cuts, cuts[1:]):
        keys = [k for s, e, k in spans if s <= a and b <= e]
        out.append((text[a:b], keys))
    return out
