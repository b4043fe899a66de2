"""Words in a case their governor does not take (docs/stages.md, ``government``): a
preposition followed by a word in a case it does not govern (Russian "к дом" for "к дому",
"о новый закон" for "о новом законе"), a verb whose complement is in the instrumental
followed by a nominative ("является президент").

The language table's ``preposition_cases`` maps each preposition to the cases it takes
(OpenCorpora grammemes: ``gent``, ``datv``, ``accs``, ``ablt``, ``loct``); the cases a word
can be in come from a morphological analyser (pymorphy3 with its Russian dictionary,
loaded once, on the first Russian sentence). The word right after the preposition must
be lower-case and known to the dictionary, a noun, an adjective or a participle in every
reading (so not a numeral, a pronoun or an indeclinable word), and none of its readings
may be in a case the preposition takes. ``preposition_idioms`` are the pairs where the
preposition takes something else ("что за" + nominative: "что за человек"), and
``nominative_plural`` the prepositions that also take a nominative plural ("в депутаты").

``instrumental_verbs`` are the verbs whose complement is in the instrumental ("являться":
"он является президентом"): a form of one followed by a noun or an adjective with no
instrumental reading is an error ("является президент"), unless an instrumental stands
before the verb in its clause, where the subject follows the verb ("Главной причиной
является ремонт").
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ANALYSERS = {"ru": "ru"}  # table language -> pymorphy3 dictionary
_OTHER_CASES = {"gen1": "gent", "gen2": "gent", "loc1": "loct", "loc2": "loct", "acc2": "accs"}
_DECLINED = frozenset({"NOUN", "ADJF", "PRTF"})
_CLAUSE = re.compile(r"[^,;:()«»\"“”„–—]+")


@lru_cache(maxsize=None)
def _analyser(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=_ANALYSERS[lang])


@lru_cache(maxsize=65536)
def _cases(lang: str, word: str) -> frozenset[tuple[str, str]] | None:
    """(case, number) of every reading of ``word``, or None when the dictionary does not
    know it or a reading is not declined."""
    analyser = _analyser(lang)
    if not analyser.word_is_known(word):
        return None
    found = set()
    for parse in analyser.parse(word):
        tag = parse.tag
        if tag.POS not in _DECLINED or "Fixd" in tag:
            return None
        found.add((_OTHER_CASES.get(str(tag.case), str(tag.case)), str(tag.number)))
    return frozenset(found)


def wrong_case(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a preposition and the next word where that word is in none of the
    cases the preposition governs (the table's ``preposition_cases``)."""
    governs = (table or {}).get("preposition_cases")
    if not governs or lang not in _ANALYSERS:
        return []
    idioms = {tuple(pair.split()) for pair in table.get("preposition_idioms", ())}
    plural_nominative = frozenset(table.get("nominative_plural", ()))
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]
    found = []
    for i in range(len(words) - 1):
        (start, end, preposition), (_, next_end, word) = words[i], words[i + 1]
        allowed = governs.get(preposition.casefold())
        if not allowed or sentence[end : words[i + 1][0]] != " " or not word.islower():
            continue
        if i and (words[i - 1][2].casefold(), preposition.casefold()) in idioms:
            continue
        cases = _cases(lang, word)
        if cases is None or any(case in allowed for case, _ in cases):
            continue
        if preposition.casefold() in plural_nominative and ("nomn", "plur") in cases:
            continue
        found.append((start, next_end))
    return found


@lru_cache(maxsize=65536)
def _lemmas(lang: str, word: str) -> frozenset[str]:
    return frozenset(parse.normal_form for parse in _analyser(lang).parse(word) if parse.tag.POS in ("VERB", "INFN"))


def nominative_complement(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a form of one of the table's ``instrumental_verbs`` and the next
    word, where that word (a noun or an adjective the dictionary knows) has no
    instrumental reading and no instrumental stands before the verb in its clause."""
    verbs = frozenset((table or {}).get("instrumental_verbs", ()))
    if not verbs or lang not in _ANALYSERS:
        return []
    found = []
    for clause in _CLAUSE.finditer(sentence):
        words = [(m.start() + clause.start(), m.group()) for m in _WORD.finditer(clause.group())]
        for i in range(len(words) - 1):
            (start, verb), (next_start, word) = words[i], words[i + 1]
            if not word.islower() or not (_lemmas(lang, verb.casefold()) & verbs):
                continue
            cases = _cases(lang, word)
            if cases is None or any(case == "ablt" for case, _ in cases):
                continue
            if any(case == "ablt" for _, before in words[:i] for case, _ in (_cases(lang, before.casefold()) or ())):
                continue
            found.append((start, next_start + len(word)))
    return found
