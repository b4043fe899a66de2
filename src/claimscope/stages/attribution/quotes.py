"""Quotation marks: which opening mark pairs with which closing one."""

from __future__ import annotations

import re

OPENING = {"«": "»", "“": '”"', "„": "“”", '"': '"”', "‘": "’", "‚": "‘’"}  # “…" and "…” mix
QUOTE_MARK = re.compile(r"''|[«»“”„‚\"‘’]")
CLOSING = set('»”“"’‘')


def _opens(text: str, i: int, width: int) -> bool:
    """Whether the straight quote at ``i`` can open: after a space or bracket, before text."""
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def find_quotes(text: str) -> dict[int, int]:
    """Opening-quote offset -> closing-quote offset for every closed quotation.

    A quotation never runs over a blank line; straight quotes ("…" and ''…'') open
    only after a space and close only after text, so one stray mark does not shift
    every later pair.
    """
    marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text)]
    quotes: dict[int, int] = {}
    k = 0
    while k < len(marks):
        i, mark = marks[k]
        straight = mark in ('"', "''")
        closers = "''" if mark == "''" else OPENING.get(mark)
        if closers is None or (straight and not _opens(text, i, len(mark))):
            k += 1
            continue
        limit = text.find("\n\n", i)
        limit = len(text) if limit < 0 else limit
        j, closed = k + 1, False
        while j < len(marks) and marks[j][0] < limit:
            pos, other = marks[j]
            if (
                not straight and other == mark
            ):  # reopened before closing: not a quotation
                break
            if (
                len(other) == len(mark)
                and other in closers
                and (
                    not straight
                    or not text[pos - 1].isspace()
                    or text[pos - 2 : pos - 1] in ("'", "’")  # ''… 'Park Avenue,' ''
                )
            ):
                closed = True
                break
            j += 1
        if closed:
            quotes[i + len(mark) - 1] = marks[j][0]
            k = j + 1
        else:
            k = j if j < len(marks) and marks[j][0] < limit else k + 1
    return quotes
