"""Words in a case their governor does not take (docs/stages.md, ``government``): a
preposition followed by a word in a case it does not govern (Russian "к дом" for "к дому",
"о новый закон" for "о новом законе"), a verb whose complement is in the instrumental
followed by a nominative ("является президент"), a noun in a form the number before it
does not take ("участвовали 154 человек"; ``agreement``, ``numeral_agreement``) and a
plural subject with a singular reflexive verb ("выборы проводится"; ``subject_agreement``).

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

from .words import is_year

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


_NUMBER_NOUN = re.compile(r"(?<![\d.,:/–—-])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+) ([^\W\d_]+)")
_CLAUSE_MARKS = frozenset(",;:—–(«\"“„")


@lru_cache(maxsize=65536)
def _noun_forms(lang: str, word: str) -> frozenset[tuple[str, str]] | None:
    """(case, number) of every reading of ``word`` when the dictionary reads it as a noun
    that has a singular (not a plural-only one: "суток") in every reading, else None."""
    analyser = _analyser(lang)
    if not analyser.word_is_known(word):
        return None
    parses = analyser.parse(word)
    if not parses or any(p.tag.POS != "NOUN" or "Pltm" in p.tag or "Fixd" in p.tag for p in parses):
        return None
    return frozenset((_OTHER_CASES.get(str(p.tag.case), str(p.tag.case)), str(p.tag.number)) for p in parses)


def numeral_agreement(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a number written in digits and the noun it counts, in the subject
    or the object of a verb (the number opens the clause or follows a finite verb), where
    the noun is in a form the number does not take: after a number ending in 2, 3 or 4
    (not 12–14) the genitive singular ("232 человека", not "232 человек"); after one ending
    in 1 (not 11) a singular; after any other a plural. Not after one of the table's
    ``genitive_verbs`` ("достигло 232 человек" is right), nor after a negated verb; not a
    decimal fraction, a range, a year or a date ("2,5 года", "2–4 человек", "2015 году",
    "12 мая": the table's ``months``)."""
    governing = (table or {}).get("genitive_verbs")
    if governing is None or lang not in _ANALYSERS:
        return []
    governing, months = frozenset(governing), table.get("months", {})
    found = []
    for match in _NUMBER_NOUN.finditer(sentence):
        digits, noun = match.group(1).replace(" ", "").replace("\u00a0", ""), match.group(2)
        if noun in months or is_year(digits):
            continue
        forms = _noun_forms(lang, noun) if noun.islower() else None
        if forms is None or not _counted_by_verb(sentence, match.start(), lang, governing):
            continue
        last, tens = int(digits) % 10, int(digits) % 100
        if 2 <= last <= 4 and not 12 <= tens <= 14:
            wrong = ("gent", "sing") not in forms
        elif last == 1 and tens != 11:
            wrong = all(number != "sing" for _, number in forms)
        else:
            wrong = all(number != "plur" for _, number in forms)
        if wrong:
            found.append((match.start(), match.end()))
    return found


def _counted_by_verb(sentence: str, start: int, lang: str, governing: frozenset[str]) -> bool:
    """The number at ``start`` opens its clause or follows a finite verb, not negated and
    not one that governs the genitive."""
    before = sentence[:start].rstrip()
    if not before or before[-1] in _CLAUSE_MARKS:
        return True
    words = _WORD.findall(before)
    if not words or not before.endswith(words[-1]) or len(words) > 1 and words[-2].casefold() == "не":
        return False
    parses = _analyser(lang).parse(words[-1].casefold())
    return bool(parses) and all(p.tag.POS == "VERB" and p.normal_form not in governing for p in parses)


def subject_agreement(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a plural subject opening its clause and a singular reflexive or
    intransitive verb after it ("Местные выборы в регионе проводится" for "проводятся",
    "Новые правила вступил в силу"): adjectives and a
    noun plural in every reading, one of them nominative; between them and the verb only
    prepositional phrases (a preposition of the table's ``preposition_cases`` and words
    with no nominative reading), adverbs and "не"; the verb a reflexive one (its lemma in
    "-ся") or an intransitive one, singular in every reading, no infinitive after it
    ("Новые правила планируется ввести", where the plural is the infinitive's object), and
    no singular noun or pronoun that may be a nominative after it in its clause ("Все
    выходные шёл дождь": the subject after its verb, the plural a time)."""
    prepositions = (table or {}).get("preposition_cases")
    if not prepositions or lang not in _ANALYSERS:
        return []
    durations = frozenset((table or {}).get("duration_nouns", ()))
    found = []
    for clause in _CLAUSE.finditer(sentence):
        words = [(m.start() + clause.start(), m.end() + clause.start(), m.group().casefold()) for m in _WORD.finditer(clause.group())]
        head = 0  # the words are read one by one, as far as the pattern holds
        while head < len(words) and _all(_parses(lang, words[head][2]), lambda t: t.POS in ("ADJF", "PRTF") and t.number == "plur"):
            head += 1
        if head >= len(words) or not _all(_parses(lang, words[head][2]), lambda t: t.POS == "NOUN" and t.number == "plur"):
            continue
        if not any("nomn" in p.tag for p in _parses(lang, words[head][2])):
            continue
        verb, after_preposition = head + 1, False
        while verb < len(words) and not _all(_parses(lang, words[verb][2]), lambda t: t.POS == "VERB"):
            word = words[verb][2]
            if word in prepositions:
                after_preposition = True
            elif not (word == "не" or _all(_parses(lang, word), lambda t: t.POS == "ADVB")):
                if not after_preposition or any("nomn" in p.tag for p in _parses(lang, word)):
                    break
            verb += 1
        if verb >= len(words) or not _all(_parses(lang, words[verb][2]), lambda t: t.POS == "VERB" and t.number == "sing"):
            continue
        reflexive = all(p.normal_form.endswith("ся") for p in _parses(lang, words[verb][2]))
        if not (reflexive or all("intr" in p.tag for p in _parses(lang, words[verb][2]))):
            continue
        if verb + 1 < len(words) and any(p.tag.POS == "INFN" for p in _parses(lang, words[verb + 1][2])):
            continue
        if _subject_after(lang, [w for _, _, w in words[verb + 1 :]], prepositions):
            continue  # the subject after its verb ("Все выходные шёл дождь": the plural a time)
        if any(p.normal_form in durations for p in _parses(lang, words[head][2])) and not reflexive:
            continue  # "Долгие годы работал на заводе": a time, the subject left out
        found.append((words[0][0], words[verb][1]))
    return found


def _subject_after(lang: str, words: list[str], prepositions) -> bool:
    """A singular noun or pronoun that may be a nominative among ``words``, not governed
    by a preposition (the words after one up to its noun)."""
    governed = False
    for word in words:
        if word in prepositions:
            governed = True
            continue
        readings = _parses(lang, word)
        nominal = any(p.tag.POS in ("NOUN", "NPRO") for p in readings)
        if nominal and not governed and any(
            p.tag.POS in ("NOUN", "NPRO") and p.tag.number == "sing" and "nomn" in p.tag for p in readings
        ):
            return True
        governed = governed and not nominal
    return False


@lru_cache(maxsize=65536)
def _parses(lang: str, word: str) -> tuple:
    return tuple(_analyser(lang).parse(word))


def _all(parses, test) -> bool:
    """Every reading's tag passes ``test`` (and there is one)."""
    return bool(parses) and all(test(p.tag) for p in parses)
