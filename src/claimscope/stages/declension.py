"""An adjective in a form its article never takes (label ``agreement``; docs/stages.md,
``garbled_sentence``).

After a definite article German declines an adjective weakly: "dem neuen Plan", "vom
Statistischen Bundesamt", "die neue Regel", never "dem neues Plan", "vom Statistisches
Bundesamt" (the strong ending of an adjective without article, which a translation from
a language without articles writes). The table's ``declension`` lists ``articles``
(word -> the adjective endings it never takes before a noun); ``weak_declension`` finds
an article, one space, a word in one of those endings that the lemmatiser's dictionary
lists as an inflected form of another lemma (an adjective or a participle; a comparative
in "-er" is not a case ending: "die besser Verdienenden"), one space and a capitalised
word (the noun). A capitalised adjective (of a name: "vom Statistisches Bundesamt")
counts only where the dictionary does not list it as a noun ("am Rande Europas"). Not
the table's ``determiners`` (a determiner after a pronoun: "mit dem seine Frau …"), nor
before a noun of its ``time_nouns`` (an adverbial inside an attribute: "der letztes Jahr
gewählte Rat", "dem vorige Woche eröffneten Markt"), nor an article after a comma, or a
comma and a preposition, which may be a relative pronoun ("…, über den weitere
Gespräche folgen").
"""

from __future__ import annotations

import re

from .attribution.lemmas import listed
from .words import lemma_of, sentence_tokens

_RELATIVE = re.compile(r",\s*(?:([^\W\d_]+)\s+)?$")  # "…, den", "…, über den"


def weak_declension(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of an article, an adjective in an ending it never takes and the noun
    (see the module)."""
    rule = (table or {}).get("declension")
    if not rule:
        return []
    articles, determiners = rule["articles"], frozenset(rule.get("determiners", ()))
    times = frozenset(rule.get("time_nouns", ()))
    tokens = sentence_tokens(sentence)
    found = []
    for (start, end, word), (_, a_end, adjective), (_, n_end, noun) in zip(tokens, tokens[1:], tokens[2:]):
        never = articles.get(word.casefold())
        if not never or sentence[end : end + 1] != " " or sentence[a_end : a_end + 1] != " " or not noun[0].isupper():
            continue
        if noun in times:  # a time inside an attribute: "der letztes Jahr gewählte Rat"
            continue
        folded = adjective.casefold()
        ending = next((e for e in sorted(never, key=len, reverse=True) if folded.endswith(e)), None)
        if ending is None or folded.endswith("en") or _relative(sentence, start, table):
            continue
        lemma = lemma_of(lang, adjective)
        if lemma in determiners or lemma == folded or not _adjective(lang, adjective):
            continue
        if ending == "er" and lemma != folded[:-2]:
            continue  # a comparative ("besser" -> "gut")
        found.append((start, n_end))
    return found


def _adjective(lang: str, word: str) -> bool:
    """The lemmatiser's dictionary lists ``word`` in lower case, and not as a capitalised
    form (a noun: "am Rande"); a capitalised adjective opens a name ("Statistisches")."""
    return listed(lang, word.casefold()) and (word.islower() or not listed(lang, word))


def _relative(sentence: str, start: int, table: dict) -> bool:
    """The word at ``start`` may be a relative pronoun: a comma before it, or a comma and
    a preposition (the table's ``verb_bracket.prepositions``: "…, über den …")."""
    match = _RELATIVE.search(sentence, 0, start)
    prepositions = (table.get("verb_bracket") or {}).get("prepositions", ())
    return bool(match) and (match.group(1) is None or match.group(1).casefold() in prepositions)
