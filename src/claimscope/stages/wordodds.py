"""Word-level evidence that a piece of text is in one language rather than another.

Character n-gram language ID (``claimscope.langid``) guesses poorly on a short caption
and between close languages (Catalan and Spanish, Czech and Polish, Ukrainian and
Russian). Words settle it: "això", "és", "amb" are frequent Catalan words that Spanish
text never uses, while "los", "pero", "con" are frequent Spanish words that Catalan text
rarely does. Each word is weighed by how much more frequent it is in one language's
word list (wordfreq's, read through ``wordfreqs``) than in the other's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..langdata import common
from .wordfreqs import frequencies

FLOOR = 1e-7  # frequency of a word a list lacks (wordfreq lists stop near 1e-8)
STRONG = 1.0  # a word at least 10x more frequent in one list speaks for that language
CLIP = 3.0  # no single word weighs more than a factor 1000


@dataclass(frozen=True)
class Odds:
    """How the words of a text split between ``lang`` and ``other``."""

    words: int  # words weighed
    for_lang: int  # words strongly more frequent in ``lang``
    for_other: int  # words strongly more frequent in ``other``
    mean: float  # mean log10 frequency ratio, lang over other

    def favours(self, min_words: int, min_mean: float) -> bool:
        """At least ``min_words`` words speak for ``lang``, none for the other language,
        and on average the words are ``10 ** min_mean`` times more frequent in ``lang``."""
        return self.for_lang >= min_words and self.for_other == 0 and self.mean >= min_mean


def _word_list(lang: str):
    return frequencies(common()["word_lists"].get(lang, lang))


def odds(words: list[str], lang: str, other: str) -> Odds | None:
    """The evidence of lower-cased ``words`` for ``lang`` against ``other``; None when a
    language has no word list."""
    if not words:
        return None
    ours, theirs = _word_list(lang), _word_list(other)
    if ours is None or theirs is None:
        return None
    ratios = [
        max(-CLIP, min(CLIP, math.log10(ours.get(w, 0.0) + FLOOR) - math.log10(theirs.get(w, 0.0) + FLOOR)))
        for w in words
    ]
    return Odds(
        words=len(ratios),
        for_lang=sum(r >= STRONG for r in ratios),
        for_other=sum(r <= -STRONG for r in ratios),
        mean=sum(ratios) / len(ratios),
    )
