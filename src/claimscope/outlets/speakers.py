"""Group the speakers a document quotes into independent origins.

Speakers the attribution stage gave one entity form one group. Beyond that, a group
whose name words (first five letters of each word that is not a determiner or a
preposition) are all among another group's merges into it: "Министерства" and "В
Министерстве обороны России" join "Министерство обороны России"; "the ministry" joins
"the Russian Defence Ministry". Every anonymous speaker joins one group: anonymous
sources cannot be shown to be independent of each other, so they count once.
"""

from __future__ import annotations

import re

from . import cues

ANONYMOUS = "anonymous"
_WORD = re.compile(r"\w+")


def stems(name: str, lang: str | None) -> frozenset[str]:
    """The comparable words of a speaker name."""
    stop = cues.stopwords(lang)
    words = [w for w in _WORD.findall(name.casefold()) if w not in stop and (len(w) > 1 or not w.isdigit())]
    return frozenset(w[:5] for w in words if not w.isdigit())


def group(speakers: list[tuple[str, str, bool, object]], lang: str | None) -> dict[str, list]:
    """``speakers`` as (entity key, speaker text, anonymous, item) → {group key: [item, ...]}."""
    groups: dict[str, list] = {}
    words: dict[str, set[str]] = {}
    for key, said, anonymous, item in speakers:
        key = ANONYMOUS if anonymous else key
        groups.setdefault(key, []).append(item)
        words.setdefault(key, set()).update(stems(said, lang) | stems(key, lang))
    for key in sorted(groups, key=lambda k: len(words[k])):
        if key == ANONYMOUS or not words[key]:
            continue
        into = next((k for k in groups if k not in (key, ANONYMOUS) and words[key] <= words[k]), None)
        if into is not None:
            groups[into] += groups.pop(key)
            words[into] |= words.pop(key)
    return groups


def acronyms(name: str) -> frozenset[str]:
    """Upper-case abbreviations in a name ("FSB", "ТАСС"), which identify it on their own."""
    return frozenset(w for w in _WORD.findall(name) if len(w) >= 2 and w.isupper() and not w.isdigit())
