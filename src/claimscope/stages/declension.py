"""An adjective in a form its article never takes, and a noun of a gender its determiner
never takes (label ``agreement``; docs/stages.md, ``garbled_sentence``).

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

``genitive_gender`` finds a determiner that only a feminine or a plural noun follows
("die", "eine", "keine", "seine": the table's ``noun_gender.determiners``) before a
singular noun that is masculine or neuter, as its genitive in "-es" shows: the
lemmatiser reads "Grundes" as a form of "Grund" (it leaves "Antwortes" alone), and the
word list knows the genitive of the noun or of its head, a word ending the compound
("Hauptgrund" → "Grundes"), at Zipf ≥ 2.5: "die Hauptgrund", "eine Vertrag", and with
an adjective in "-e" between them, "eine neue Vertrag" (a translation from a language
without genders). A noun in one of the table's
``plural_endings`` ("-e", "-er", "-en", "-el": plurals that look singular, "die Lehrer")
or ``feminine_endings`` ("-ung", "-heit"), or in its ``homonyms`` (a feminine noun of the
same spelling, "die Band", or name, the newspaper "die Bild"), says nothing; nor a capitalised determiner inside the
sentence (a title), nor a relative pronoun (as above: "…, die Geld brauchen").
"""

from __future__ import annotations

import re

from .attribution.lemmas import listed
from .wordfreqs import frequencies
from .words import lemma_of, sentence_tokens

MIN_GENITIVE_FREQ = 10 ** (2.5 - 9)  # Zipf 2.5: the genitive of the noun is in use
MIN_HEAD = 3  # letters of the head of a compound ("Amt")
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


def genitive_gender(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a feminine or plural determiner and a masculine or neuter noun in
    the singular (see the module)."""
    rule = (table or {}).get("noun_gender")
    if not rule:
        return []
    determiners = frozenset(rule["determiners"])
    skip = tuple(rule["plural_endings"]) + tuple(rule["feminine_endings"])
    homonyms, vocabulary = frozenset(rule["homonyms"]), frequencies(lang) or {}
    tokens = sentence_tokens(sentence)
    found = []
    for i, (start, end, word) in enumerate(tokens[:-1]):
        if word.casefold() not in determiners or sentence[end : end + 1] != " ":
            continue
        if word[0].isupper() and sentence[:start].strip(" «\"“„'‘("):
            continue  # a title inside the sentence ("Die Zeit")
        _, n_end, noun = tokens[i + 1]
        if _weak_adjective(lang, noun) and i + 2 < len(tokens) and sentence[n_end : n_end + 1] == " ":
            _, n_end, noun = tokens[i + 2]  # "die neue Plan"
        if not noun.istitle() or sentence[n_end : n_end + 1] == "-" or noun.casefold().endswith(skip):
            continue
        if _relative(sentence, start, table):
            continue
        folded = noun.casefold()
        heads = (folded[k:] for k in range(len(folded) - MIN_HEAD + 1))
        if _takes_es(lang, folded, homonyms) and any(
            vocabulary.get(head + "es", 0.0) >= MIN_GENITIVE_FREQ and _takes_es(lang, head, homonyms) for head in heads
        ):
            found.append((start, n_end))
    return found


def _weak_adjective(lang: str, word: str) -> bool:
    """A lower-case word in "-e" that the lemmatiser's dictionary lists as a form of
    another lemma: an adjective or a participle after the determiner ("neue")."""
    return word.islower() and word.endswith("e") and listed(lang, word) and lemma_of(lang, word) != word


def _takes_es(lang: str, noun: str, homonyms: frozenset[str]) -> bool:
    """The lemmatiser reads ``noun`` + "es" as a form of ``noun`` (a genitive: the noun is
    masculine or neuter), and ``noun`` is not one of the ``homonyms``."""
    return noun not in homonyms and lemma_of(lang, noun + "es") == noun
