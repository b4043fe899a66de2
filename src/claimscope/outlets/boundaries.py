"""Where a registry name found in running text is only part of a longer proper name.

A name runs on into a longer name when the word right after it (parted by spaces only)
is capitalised, a Roman numeral or a figure ("Sputnik V" is a vaccine, "Sputnik 1" a
satellite), or a hyphen joins it to a capitalised word, a Roman numeral or a figure
("Sputnik-V"); or when a capitalised word right before it, not opening its sentence,
makes a longer name ("Prairie Daily Wire"). A neighbour clearly outside the name keeps the
mention: a function word of the language (articles, prepositions, coordinators), a month,
a demonym before the name ("Russian Sputnik"), an outlet noun ("Agency Reuters"), or
another registry name. The registry's own editions ("Sputnik Polska", "BBC Mundo") are
aliases, and the longest alias is taken first, so they never reach this test.

Where every noun is capitalised (the language table's ``capitalised_nouns``: German) a
capitalised neighbour says nothing ("dem Spiegel Ende Mai", "der Nachrichtenagentur
Reuters", "Spiegel-Reporter"): only numerals and figures do, and so where the language is
not given (the attribution and traces stages' finder, which reads German too). On a line
written in capitals or title case (a headline: "Sputnik Says Vaccine Works") capitals say
nothing either.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .. import langdata
from . import cues

_ROMAN = re.compile(r"X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|VI{0,3}|I{2,3}")  # II … XXXIX; a lone "I" is a pronoun
_NEXT = re.compile(r"[ \t\u00a0]+(\w+)|-(\w+)")
_PREV = re.compile(r"(\w+)[ \t\u00a0]+$")
_TITLE_SHARE = 0.75  # of a line's words of four letters or more, capitalised: a headline


@lru_cache(maxsize=None)
def _outside(lang: str | None) -> frozenset[str]:
    """Lower-case words that are never part of an outlet's longer name in ``lang``:
    function words, coordinators, outlet nouns, determiners and months."""
    langs = [lang] if lang in cues.languages() else list(cues.languages())
    words = {w.casefold() for code in langs for kind in ("speaker_stopwords", "coordinators", "outlet_nouns")
             for w in cues.table(code)[kind]}
    for code in ([lang] if langdata.table(lang) else list(langdata.tables())):
        table = langdata.tables()[code]
        words |= {w.casefold() for w in table.get("determiners", ())}
        words |= {w.casefold() for w in table.get("months", ())}
    return frozenset(words)


@lru_cache(maxsize=None)
def _demonyms(lang: str | None) -> frozenset[str]:
    """Demonyms of ``lang`` (the attribution table's), which may precede an outlet's name."""
    folder = resources.files("claimscope") / "data" / "attribution"
    names = [f"{lang}.json"] if lang and (folder / f"{lang}.json").is_file() else \
        [p.name for p in folder.iterdir() if p.name.endswith(".json")]
    found: set[str] = set()
    for name in names:
        found |= {w.casefold() for w in json.loads((folder / name).read_text(encoding="utf-8")).get("demonyms", {})}
    return frozenset(found)


def _capitals_mute(text: str, start: int, lang: str | None) -> bool:
    """Do capitals carry no sign of a name here: a text of no known language (it may be
    German), a language capitalising every noun, or a line in capitals or title case?"""
    if lang is None or (langdata.table(lang) or {}).get("capitalised_nouns"):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in re.findall(r"\w{4,}", text[line_start:line_end if line_end >= 0 else len(text)])
             if not w.isdigit()]
    return bool(words) and sum(w[:1].isupper() for w in words) >= _TITLE_SHARE * len(words)


def _numeral(word: str) -> bool:
    return word[:1].isdigit() or bool(_ROMAN.fullmatch(word))


def runs_on(text: str, start: int, end: int, lang: str | None = None, names_at=frozenset()) -> bool:
    """Is ``text[start:end]``, a registry name, part of a longer proper name? ``names_at``
    holds the offsets where another registry name starts (a list of outlets runs on into
    nothing)."""
    mute = None
    after = _NEXT.match(text, end)
    if after:
        word = after.group(1) or after.group(2)
        joined_at = after.start(1) if after.group(1) else after.start(2)
        if _numeral(word):
            return True
        if word[:1].isupper() and joined_at not in names_at and word.casefold() not in _outside(lang):
            mute = _capitals_mute(text, start, lang)
            if not mute:
                return True
    before = _PREV.search(text, max(0, start - 60), start)
    if before and before.group(1)[:1].isupper():
        word = before.group(1)
        opens = _opens(text, before.start(1))
        if not opens and before.start(1) not in names_at and word.casefold() not in _outside(lang) \
                and word.casefold() not in _demonyms(lang):
            return not (_capitals_mute(text, start, lang) if mute is None else mute)
    return False


def _opens(text: str, pos: int) -> bool:
    """Does ``pos`` open the text, a line or a sentence (after a quotation mark or bracket too)?"""
    before = text[:pos].rstrip(" \t\u00a0\"'«»“”„‘’([")
    return not before or before[-1] in ".!?…:\n"
