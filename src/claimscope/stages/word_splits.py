"""Words cut in two by machine translation or copying (label ``split_word``;
docs/stages.md, ``garbled_sentence``); words glued together are in fusions.py.

* ``split_words``: a word cut in two by a space ("gouver nement"): one part rare in
  the word list, both parts joined a word twenty times as frequent.
* ``hyphen_splits``: the same with the hyphen of a printed line's end kept
  ("govern- ment").
"""

from __future__ import annotations

import re

from .fusions import plain_tokens
from .wordfreqs import frequencies

MIN_SPLIT_FREQ = 3e-6  # a word cut in two: the joined word at least this frequent (Zipf 3.5)
MIN_SPLIT_PART = 2
SPLIT_RATIO = 20


def split_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, text) of a word cut in two by one space ("gouver nement"): both parts
    lower-case, the joined word known and at least ``SPLIT_RATIO`` times as frequent as
    the rarer part (the word list knows many fragments of words as words)."""
    vocabulary = frequencies(lang) if table is not None and not table.get("syllabic") else None
    if not vocabulary:
        return []
    tokens = plain_tokens(sentence)
    found = []
    for (at, left), (at_right, right) in zip(tokens, tokens[1:]):
        if at_right != at + len(left) + 1 or not (left.islower() and right.islower()):
            continue
        if min(len(left), len(right)) >= MIN_SPLIT_PART and _cut_word(left, right, vocabulary):
            found.append((at, sentence[at : at_right + len(right)]))
    return found


def _cut_word(left: str, right: str, vocabulary) -> bool:
    """``left`` + ``right`` is a known word at least ``SPLIT_RATIO`` times as frequent as
    the rarer part (the word list knows many fragments of words as words)."""
    joined = vocabulary.get(left + right, 0.0)
    return joined >= MIN_SPLIT_FREQ and min(vocabulary.get(left, 0.0), vocabulary.get(right, 0.0)) * SPLIT_RATIO < joined


_HYPHEN_SPLIT = re.compile(r"(?<![\w./@#'’-])([^\W\d_]{2,})- ([^\W\d_]{2,})(?![\w'’-])")


def hyphen_splits(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, text) of a word cut at the end of a printed line and copied with its
    hyphen and a space ("pollu- tion", "Luftver- schmutzung"): both parts lower-case
    (the first may be capitalised), the joined word known and at least ``SPLIT_RATIO``
    times as frequent as the rarer part. A suspended compound ("Luft- und
    Wasserverschmutzung", "pre- and post-war") joins into no known word."""
    vocabulary = frequencies(lang) if table is not None and not table.get("syllabic") else None
    if not vocabulary:
        return []
    found = []
    for m in _HYPHEN_SPLIT.finditer(sentence):
        left, right = m.group(1), m.group(2)
        if not (left[1:].islower() and right.islower()):
            continue
        if _cut_word(left.casefold(), right, vocabulary):
            found.append((m.start(), m.group()))
    return found
