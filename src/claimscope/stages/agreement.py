"""Does a fact-check state the claim of the sentence that found it, or only its topic?
(docs/matching.md, steps 10 to 15)

A case of another claim about the same topic matches a sentence nearly as well as the
right one: what tells them apart is what is claimed (who, what, numbers, place). The
checks the ``matching`` stage makes of a match found in the front paragraphs below the
body bar, each on evidence that holds across languages:

- ``numbers_contradict``: both texts give numbers and share none (a claim about 300
  soldiers is not one about 5,000);
- ``person_absent``: the fact-check names a person the article never names (a claim
  about one named nurse is not one about another). A person's name is the one part of a
  claim that other languages do not translate, only transliterate: it is compared on its
  first letters, accents dropped and other scripts written in Latin letters;
- ``rare_name_absent``: the fact-check names a place or a thing by a rare capitalised
  word the article never names (a fire in one town is not a fire in another);
- ``entity_absent``: the fact-check names a country, capital, leader or organisation of
  the alias tables that the article never names, in any language (a claim about one
  country is not one about another);
- ``period_absent``: the fact-check names a year, a month or a day more than a year away
  from the article's date and from every period the article names (a claim about one
  year's meteor shower is not one about another year's);
- ``tags_absent``: the fact-check's own tags (its keywords) name places,
  organisations or people of the alias tables, and the article names none of them, nor
  is one of them the country of its language (a case filed under one country and its
  leader is not about a town elsewhere).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from ..search.aliases import default_aliases
from ..search.periods import parse_day, text_periods
from .wordfreqs import frequencies

# a number: "5,000", "47.2", "2018", or groups of three digits after a space ("10 000")
_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word: it opens with a letter
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
COMMON = 10 ** (4.5 - 9)  # a word this frequent in the record's language is a word ("Baker", "Golden"), not a name
RARE = 10 ** -5.5  # a capitalised word this rare is a name on its own (a town, a firm), not a common word
TITLE_CASE = 0.8  # a sentence with this share of its longer words capitalised is a headline ("Did X Die from Y?")
PREFIX = 4  # letters of a name compared (inflected and transliterated forms differ in their endings)
# spellings that transliteration makes differ ("Клинтон" klinton, "Юлия" iuliia): one form each
_SOUNDS = (("kh", "h"), ("c", "k"), ("w", "v"), ("y", "i"), ("j", "i"), ("q", "k"))


# entities of the alias tables that are a topic (a disease, an event), not a who or a where:
# an article names them in ways the tables lack ("the virus", "the downed airliner")
TOPICS = frozenset({"covid", "mh17"})

PERIOD_SLACK = 365  # days: a fact-check's period this close to the article's agrees with it


def period_absent(article: str, article_date: str, record: str) -> bool:
    """Whether the fact-check names periods (a year, a month, a day: ``periods.text_periods``)
    and each lies more than PERIOD_SLACK days from the article's date and from every
    period the article names: a claim about the 2017 meteor shower is not one about this
    year's, whatever their topic. A fact-check naming no period, or an article with no
    date and no period, says nothing."""
    named = text_periods(record)
    day = parse_day(article_date) if article_date else None
    anchors = text_periods(article) + ([(day, day)] if day else [])
    if not named or not anchors:
        return False
    return all(min(_days_apart(p, a) for a in anchors) > PERIOD_SLACK for p in named)


def _days_apart(a: tuple, b: tuple) -> int:
    """Days between two periods (first day, last day); 0 when they overlap."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def numbers_contradict(sentence: str, record: str) -> bool:
    """Whether both texts give numbers and share none: a claim about 300 soldiers is not
    one about 5,000, whatever their topic. Digit groups are compared without their
    separators ("5,000", "5.000" and "5000" are one number); years are left out (a fact-check
    written years later may date the claim, and the search weighs dates already); a
    number in one text only says nothing."""
    a, b = _numbers(sentence), _numbers(record)
    return bool(a and b and not a & b)


def _numbers(text: str) -> set[str]:
    found = {re.sub(r"\D", "", m.group()).lstrip("0") or "0" for m in _NUMBER.finditer(text)}
    return {n for n in found if not _YEAR.fullmatch(n)}


def person_absent(article: str, record: str, lang: str) -> bool:
    """Whether ``record`` (in language ``lang``) names a person (``persons``) that ``article``
    never names: none of the name's words of PREFIX letters or more begins a word of the
    article, compared by ``key``. Unknown when the article is mostly in a script without a
    romanisation (Arabic, Chinese: False)."""
    return _unnamed(article, persons(record, lang))


def rare_name_absent(article: str, record: str, lang: str) -> bool:
    """Whether ``record`` names a place or a thing by a rare name (``rare_names``) that
    ``article`` never names, compared as persons are: a claim about a fire in one town is
    not one about a fire in another."""
    return _unnamed(article, [(w,) for w in rare_names(record, lang)])


def _unnamed(article: str, found: list[tuple[str, ...]]) -> bool:
    """Whether one of the names ``found`` has no word of PREFIX letters or more that
    begins a word of ``article``, or a part of a hyphenated one ("Port-Vila"), compared by
    ``key``; False when the article is mostly in a script without a romanisation."""
    if not found or not _comparable(article):
        return False
    named = {key(part) for w in _WORD.findall(article) for part in (w, *w.split("-"))}
    return any(not any(len(k) >= PREFIX and k in named for k in map(key, name)) for name in found)


def rare_names(record: str, lang: str) -> list[str]:
    """Capitalised words of ``record`` rarer than RARE in ``lang`` (a town, a firm, a
    surname alone: "Vierzon", not "Whale" or "Consumers"), in its sentences that are not
    in title case, not opening a sentence, not in capitals nor hyphenated ("X-ray"), and
    not an entity of the alias tables ("Daesh": ``entity_absent`` knows how other
    languages write it). Nothing for a language without a word list."""
    freq = frequencies(lang)
    if freq is None:
        return []
    entities = {w for m in default_aliases().find(record) for w in _WORD.findall(record[m.start:m.end])}
    found = []
    for sentence in _SENTENCE.split(record):
        words = _WORD.findall(sentence)
        if _title_case(words):
            continue
        found += [w for w in words[1:] if w[:1].isupper() and not w.isupper() and "-" not in w and w not in entities
                  and freq.get(re.sub(r"['’]s$", "", w).casefold(), 0.0) < RARE]
    return found


def _title_case(words: list[str]) -> bool:
    """A headline in title case ("Did X Die from Y?"): its capitalised words are no names."""
    long = [w for w in words if len(w) > 3]
    return sum(w[0].isupper() for w in long) >= TITLE_CASE * len(long)


def persons(record: str, lang: str) -> list[tuple[str, ...]]:
    """The names of people in ``record``: runs of two or more capitalised words none of which
    is a common word of ``lang`` (a given name and a surname: "Ottilie Brandt", not "Golden
    Harvest" or "Town Council"), in its sentences that are not in title case. Nothing
    for a language without a word list (a name could not be told from a word)."""
    freq = frequencies(lang)
    if freq is None:
        return []
    found = []
    for sentence in _SENTENCE.split(record):
        words = _WORD.findall(sentence)
        if _title_case(words):
            continue
        run: list[str] = []
        for w in [*words, ""]:
            if w[:1].isupper() and not w.isupper() and freq.get(re.sub(r"['’]s$", "", w).casefold(), 0.0) < COMMON:
                run.append(w)
                continue
            if len(run) > 1:
                found.append(tuple(run))
            run = []
    return found


def key(word: str) -> str:
    """``word`` compared across languages: lower case, accents dropped, other scripts in
    Latin letters (``romanise.json``), spellings that transliteration varies made one
    (``_SOUNDS``), its first PREFIX letters."""
    plain = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(_letters().get(c, c) for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z]", "", plain)
    for a, b in _SOUNDS:
        plain = plain.replace(a, b)
    return plain[:PREFIX]


def _comparable(text: str) -> bool:
    """Whether most of ``text``'s letters are Latin or have a romanisation."""
    letters = Counter(c for c in text if c.isalpha())
    latin = sum(n for c, n in letters.items() if key(c))
    return 2 * latin >= sum(letters.values())


@lru_cache(maxsize=1)
def _letters() -> dict[str, str]:
    path = resources.files("claimscope") / "data" / "search" / "romanise.json"
    return json.loads(path.read_text(encoding="utf-8"))["letters"]


def entity_absent(article: str, record: str) -> bool:
    """Whether ``record`` names an entity of the alias tables (a country, a capital, a
    leader, an organisation: ``search.aliases``, every language) that ``article`` never
    names: a claim about one country is not one about another. The article names it by
    one of its aliases, or by a word that begins like one of them (``key``: "allemande"
    and "Allemagne", "russische" and "Russland": the forms a table lacks)."""
    named = _names_entity(article)
    return any(not named(m.entity) for m in default_aliases().find(record))


def tags_absent(article: str, tags: Sequence[str], lang: str = "") -> bool:
    """Whether the fact-check's ``tags`` (its keywords, e.g. EUvsDisinfo's) name entities of the
    alias tables that are a who or a where (not a topic, ``TOPICS``) and ``article`` names
    none of them, as ``entity_absent`` compares: a case filed under "Ukraine" alone is not
    about a bridge in another country, however alike their words. All of them unnamed, not
    one: tags list every country a case touches. The country of the article's language
    (``lang``; the alias table's "_home") counts as named: a French article about France
    need not say "France"."""
    table = default_aliases()
    entities = {m.entity for tag in tags for m in table.find(tag)} - TOPICS
    if not entities or table.home.get(lang) in entities:
        return False
    named = _names_entity(article)
    return not any(named(e) for e in entities)


def _names_entity(article: str):
    """A test of whether ``article`` names an entity of the alias tables: by one of its
    aliases, or by a word that begins like one of its names (``key``)."""
    table = default_aliases()
    found = {m.entity for m in table.find(article)}
    words = {k for k in map(key, _WORD.findall(article)) if len(k) >= PREFIX}
    return lambda entity: entity in found or any(key(name) in words for name in table.names.get(entity, ()))

