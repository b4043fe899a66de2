"""Reporting infinitives governed by a finite verb ("ha voluto precisare che …", "a tenu à
rappeler que …", "se limitó a decir que …", "хотел подчеркнуть, что …", "fanno notare che …"):
the bare infinitive of a reporting lemma is no cue alone ("le moment est venu de dire"), but
is one with the inflected verb before it (past the table's ``infinitive_links`` word, "à",
"a", "di", and adverbs) when a complementizer, a colon or a quotation follows it. The cue
runs from that verb (with its auxiliary) to the infinitive, so the verb's subject is the
speaker.
"""

from __future__ import annotations

import re

from .lemmas import lemma
from .spans import BOUNDARY, WORD

OPENING_QUOTES = "«“„\"'‘"


def bare_infinitive(table, word: str) -> bool:
    """Whether ``word`` (lower-cased) is the bare infinitive of a reporting verb of the
    table, where the lemma is the infinitive (``lemma_infinitive``)."""
    return table.lemma_infinitive and word in table.lemmas["verb"]


def finite_verb(table, word: str) -> bool:
    """Whether ``word`` (lower-cased; a joined reflexive dropped: "limitou-se") is an
    inflected verb form: its lemma differs from it and has the language's infinitive shape."""
    shape = table.raw.get("infinitive_shape")
    base = word.split("-")[0]
    found = lemma(table.language, base)
    return bool(shape) and found != base and re.search(shape, found) is not None and not (
        base in table.determiners or base in table.pronouns or base in table.lemmas["verb"])


def governed_infinitive(spans, toks: list[tuple[int, str]], k: int, hi: int) -> tuple[int, int] | None:
    """The span of the cue whose infinitive is ``toks[k]``: from the finite verb that governs
    it (with its auxiliary) to its end; None when no such verb or no report follows."""
    table, text = spans.t, spans.text
    end = WORD.match(text, toks[k][0]).end()
    rest = text[end:hi].lstrip(" ,")
    if not (spans.t.complementizer.match(rest) or rest[:1] == ":" or rest[:1] in OPENING_QUOTES):
        return None
    links = set(table.raw.get("infinitive_links", ()))
    j = k - 1
    while j >= 0 and (toks[j][1] in links or toks[j][1] in table.adverbs) and k - j <= 3:
        j -= 1
    if j < 0 or any(c in BOUNDARY for c in text[toks[j][0] : toks[k][0]]):
        return None
    if not finite_verb(table, toks[j][1]):
        return None
    if j and toks[j - 1][1] in table.determiners:
        return None  # "la volontà di dire": a noun
    start = toks[j - 1][0] if j and (toks[j - 1][1] in spans.aux or toks[j - 1][1] in table.clitics) else toks[j][0]
    return start, end
