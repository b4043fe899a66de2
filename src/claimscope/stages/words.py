"""Word helpers shared by the garbled-sentence checks (fusions.py, gender.py, grammar.py,
garbled.py, cases.py): the word pattern and a sentence's words by it (found once for all
the checks), the frequencies that make a word known or a function word, the table's
abbreviations, a word's lemma, whether a position opens a clause, whether a number is a
year, and a regex alternation of words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from .attribution.lemmas import lemma, supported

MIN_KNOWN_FREQ = 1e-6  # a word the word list knows (Zipf 3)
MIN_FUNCTION_FREQ = 1e-3  # a function word is this frequent (Zipf 6: der, ihre, und)
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_YEAR, MAX_YEAR = 1800, 2100  # a four-digit number between them is a year


@lru_cache(maxsize=64)
def sentence_tokens(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, word) of each ``TOKEN`` of ``sentence``; kept for the last sentences,
    which every check of a sentence reads again."""
    return tuple((m.start(), m.end(), m.group()) for m in TOKEN.finditer(sentence))


def function_words_of(table: dict) -> frozenset[str]:
    """The table's words that never end a sentence (articles, prepositions, conjunctions)
    and its ``function_words`` that may (German "das", the separable prefix "ein"):
    function words even where the word list ranks them below Zipf 6 ("aos", "pelas")."""
    return frozenset(table.get("never_final", ())) | frozenset(table.get("function_words", ()))


def abbreviations_of(table: dict) -> frozenset[str]:
    """The table's ``abbreviations`` (words a full stop follows inside a sentence), case-folded."""
    return _folded(tuple(table.get("abbreviations", ())))


@lru_cache(maxsize=None)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def lemma_of(lang: str, word: str) -> str:
    return lemma(lang, word) if supported(lang) else word.casefold()


QUOTE_CHARS = frozenset('"«»“”„')


def inside_quotes(before: str, sentence: str) -> Callable[[int], bool]:
    """Whether an offset of ``sentence`` lies inside a quotation (an odd number of
    quotation marks before it), ``before`` being the paragraph's text before the sentence
    (a quotation may be open)."""
    marks = [k for k, c in enumerate(sentence) if c in QUOTE_CHARS]
    opened = sum(c in QUOTE_CHARS for c in before)
    return lambda offset: (opened + bisect.bisect_left(marks, offset)) % 2 == 1


_CLAUSE_OPENERS = frozenset(",;:—–(«“„\"")


def opens_clause(sentence: str, start: int) -> bool:
    """Only white space, or a clause mark and white space, before ``start``."""
    before = start - 1
    while before >= 0 and sentence[before].isspace():
        before -= 1
    return before < 0 or sentence[before] in _CLAUSE_OPENERS


def is_year(digits: str) -> bool:
    """A number written in four digits between ``MIN_YEAR`` and ``MAX_YEAR`` ("2015")."""
    return len(digits) == 4 and digits.isdigit() and MIN_YEAR <= int(digits) <= MAX_YEAR


def alternation(words) -> str:
    """A regex alternation of ``words``, escaped, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
