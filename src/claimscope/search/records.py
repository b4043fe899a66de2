"""The plain record the search layer indexes: an id and a few text fields.

The search core never depends on the fact-check store; the store (or an evaluation)
turns whatever it holds into ``SearchRecord``s.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchRecord:
    """One searchable fact-check or disinformation case.

    ``claim`` is the checked statement, ``title``/``subtitle`` the headline text;
    ``keywords`` are topic tags (entities, countries) used by lexical search only.
    ``date`` is an ISO date (YYYY-MM-DD) or "".
    """

    id: str
    claim: str
    title: str = ""
    subtitle: str = ""
    keywords: tuple[str, ...] = ()
    date: str = ""
    lang: str = "en"


# Bump when passage_text changes: an index whose vectors were embedded from another
# passage format is then refused until `claimscope factchecks reindex --rebuild` (sync
# alone re-embeds only the records the store changed).
PASSAGE_FORMAT = 1


def passage_text(record: SearchRecord) -> str:
    """The text embedded for a record: title, subtitle and claim, repeats removed."""
    parts: list[str] = []
    for field in (record.title, record.subtitle, record.claim):
        field = " ".join(field.split())
        key = field.rstrip(".?!").lower()
        if key and not any(key in p.lower() for p in parts):
            parts.append(field)
    return " ".join(p if p[-1] in ".?!" else p + "." for p in parts)


def lexical_text(record: SearchRecord) -> str:
    """The text indexed lexically: the passage plus keyword tags."""
    return " ".join([passage_text(record), *record.keywords])
