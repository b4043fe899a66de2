"""The gender and number that speaker mentions, pronouns and verbs mark
(``data/speakers/genders.json``): a gendered word ("Mme", "ministra", "bà"), a determiner
before a role noun ("la maire"), a given name ("Laura", "Анна"), a pronoun ("elle", "его")
or a past-tense verb ("сказала"); a pronoun must agree with the group it stands for
(``entities.py``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .spans import WORD

GENDERS = Path(__file__).resolve().parents[2] / "data" / "speakers" / "genders.json"
DETERMINER_REACH = 2  # words before a name that a determiner of its description may be
MIN_ROLE_LETTERS = 6  # a role noun known by its suffix ("Ärztin", "actrice"; not a short word)
MIN_APPOSED_LETTERS = 5  # an apposed participle ("nacida", "elected"; not "nada")
CONTEXT_WORDS = 5  # words before a name that may describe it ("… rencontré la ministre X")

CONNECTORS = frozenset(  # words that join a name's parts ("ministra de Trabajo"): no role noun
    [
        "de",
        "del",
        "della",
        "di",
        "do",
        "da",
        "dos",
        "das",
        "of",
        "von",
        "van",
        "der",
        "du",
        "des",
        "y",
        "e",
    ]
)


@cache
def _genders(lang: str) -> dict:
    return json.loads(GENDERS.read_text(encoding="utf-8")).get(lang, {})


def pronoun_gender(word: str, lang: str) -> str | None:
    """"m" or "f" for a pronoun that marks its gender ("elle", "его", "bà"), else None."""
    return _genders(lang).get("pronouns", {}).get(word.lower())


def verb_gender(cue: str, lang: str) -> str | None:
    """The gender a past-tense verb of the cue marks on its subject ("сказала", "powiedział",
    ``verb_endings``), else None."""
    endings = _genders(lang).get("verb_endings", {})
    for word in WORD.findall(cue.lower()) if endings else ():
        end = max((e for e in endings if word.endswith(e) and len(word) > len(e) + 2), key=len, default=None)
        if end:
            return endings[end]
    return None


def word_gender(word: str, lang: str) -> str | None:
    """The gender a word marks on the person it describes: a listed word (table ``words``:
    "Mme", "ministra", "bà"), else a role noun of ``MIN_ROLE_LETTERS`` letters or more in
    one of the language's ``role_endings``, the suffixes that make a noun of a person of
    one sex ("Virologin", "chercheuse", "investigadora", "rzeczniczka"), else None."""
    g = _genders(lang)
    low = word.lower()
    if low in g.get("words", {}):
        return g["words"][low]
    if len(low) < MIN_ROLE_LETTERS:
        return None
    end = max((e for e in g.get("role_endings", {}) if low.endswith(e)), key=len, default=None)
    return g["role_endings"][end] if end else None


def after_gender(after: str, lang: str) -> str | None:
    """The gender the word right after a name marks on it (``after``: the text that follows
    the name): a past-tense verb of ``verb_endings`` ("Айно Мякинен встретилась …", "Aino
    Mäkinen spotkała …"), or, set off by a comma, a participle or adjective of
    ``apposed_endings`` ("Aino Mäkinen, interrogée …", "Ana Gil, detenida …", "Ana Gil,
    abogada …"; lower-case, of ``MIN_APPOSED_LETTERS`` letters or more); else None."""
    g = _genders(lang)
    apposed = after.startswith(", ")
    word = WORD.match(after[2:] if apposed else after[1:] if after[:1] == " " else "")
    if word is None or not word.group().islower():
        return None
    if apposed and len(word.group()) >= MIN_APPOSED_LETTERS:
        end = max((e for e in g.get("apposed_endings", {}) if word.group().endswith(e)), key=len, default=None)
        return g["apposed_endings"][end] if end else None
    return None if apposed else verb_gender(word.group(), lang)


def described_determiners(lang: str) -> frozenset[str]:
    """The determiners that mark a gender or number (table ``determiners``)."""
    return frozenset(_genders(lang).get("determiners", {}))


def noun_case(noun: str, lang: str) -> bool:
    """Whether a word is written as a common noun: lower-case, or capitalised where every
    noun is (``capitalised_nouns``: German)."""
    return noun.islower() or bool(_genders(lang).get("capitalised_nouns")) and noun[:1].isupper() and noun[1:].islower()


def determiner_number(determiner: str, lang: str) -> str | None:
    """What a determiner marks (table ``determiners``): "m", "f", "p" (plural), else None."""
    return _genders(lang).get("determiners", {}).get(determiner.lower())


def described_gender(determiner: str, noun: str, lang: str) -> str | None:
    """The gender of a description that is a determiner and a gendered role noun ("une
    habitante", "uma deputada", "the spokeswoman", "die Ministerin"): the noun's (table
    ``words`` or ``role_endings``), when the determiner marks the same or none; else None. A capitalised noun
    counts only where every noun is capitalised."""
    if not noun_case(noun, lang):
        return None
    g = _genders(lang)
    gender = word_gender(noun, lang)
    marked = g.get("determiners", {}).get(determiner.lower())
    return gender if gender in ("m", "f") and marked in (None, gender) else None


def singular(pronoun: str, lang: str) -> bool:
    """Whether a pronoun marks the singular: it marks a gender and is never plural too
    (German "sie" is "she" and "they")."""
    g = _genders(lang)
    return pronoun_gender(pronoun, lang) in ("m", "f") and pronoun.lower() not in g.get("also_plural", [])


def mention_gender(mention: str, lang: str, context: str = "", subject: bool = True) -> str | None:
    """The gender a person mention marks: a gendered word ("Mme", "ministra", "bà") or a
    determiner before a role noun ("la maire", "der Minister"; in the mention, else in
    the words just before it, nearest first, back to a lower-case word of another kind:
    "… rencontré la ministre Claire Dubois"),
    else a listed given name ("Laura Mills"), else, where given names mark it and the mention is
    a ``subject`` (in the nominative: "Алексея" is a man's name in the genitive), the ending of
    its first name ("Анна")."""
    g = _genders(lang)
    if not g:
        return None
    toks = WORD.findall(mention)
    seq = WORD.findall(context)[-CONTEXT_WORDS:] + toks
    n = len(seq) - len(toks)
    for i in [*range(n, len(seq)), *range(n - 1, -1, -1)]:
        low, nxt = seq[i].lower(), seq[i + 1] if i + 1 < len(seq) else ""
        if word_gender(low, lang):
            return word_gender(low, lang)
        if (low in g["determiners"] and nxt and (nxt.islower() or g.get("capitalised_nouns"))
                and i >= n - DETERMINER_REACH):  # "la ministre X", not "La police a arrêté X"
            return g["determiners"][low]
        if (i < n and seq[i].islower() and low not in g["determiners"] and low not in CONNECTORS
                and (i == 0 or seq[i - 1].lower() not in g["determiners"])):
            break  # a verb, not a role noun: "Bürgermeisterin Anna Berg traf Landrat Peter Koch"
    endings, masculine = g.get("feminine_name_endings", []), g.get("masculine_name_endings")
    pairs = [t for t, nxt in zip(toks, toks[1:]) if _given(t) and _given(nxt)]
    first = pairs[-1] if pairs else ""  # the given name before the surname: "Министр Анна Смирнова"
    if first.lower() in g.get("given_names", {}):  # "Laura Mills"
        return g["given_names"][first.lower()]
    if not (endings or masculine) or not subject or not first:
        return None
    if first.lower().endswith(tuple(endings)):
        return "f"
    if masculine is None or first.lower().endswith(tuple(masculine)):
        return "m"  # "Олег"; where masculine endings are listed, only those: "Pedro", not "Carmen"
    return None


def _given(word: str) -> bool:
    """A word that can be part of a person's name: capitalised letters, not an acronym."""
    return word.isalpha() and word[0].isupper() and word[1:].islower()
