"""Bodies named by a common noun ("the health ministry", "la police", "die
Staatsanwaltschaft", "городская администрация"): a noun phrase whose head is one of the
language's ``institution_nouns``, by lemma (docs/sourcing.md)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...outlets import cues
from ..attribution.lemmas import lemma, supported

HEAD_WORDS = 4  # words of a noun phrase, past its determiners, its head may be among
_PHRASE = re.compile(r"[^,;:.!?()\[\]–—«»\"“”„\n]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=None)
def _nouns(lang: str) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """The language's institution nouns: single words, compound endings (``*ministerium``),
    phrases of several words; and where its noun phrases have their head."""
    table = cues.table(lang)
    words = [w.casefold() for w in table["institution_nouns"]]
    return (frozenset(w for w in words if " " not in w and not w.startswith("*")),
            tuple(w[1:] for w in words if w.startswith("*")),
            tuple(tuple(w.split()) for w in words if " " in w),
            (table["noun_phrase_head"] or ["first"])[0])


def _noun(lang: str, word: str, base: bool) -> bool:
    """Is ``word`` an institution noun, in any inflection (in its base form only when ``base``)?"""
    single, endings, _, _ = _nouns(lang)
    forms = {word.casefold()}
    if supported(lang) and not base:
        forms.add(lemma(lang, word))
    return bool(forms & single) or any(f.endswith(e) and len(f) > len(e) for f in forms for e in endings)


def institution(phrase: str, lang: str | None) -> bool:
    """Does ``phrase`` (up to its first punctuation) name a body by a common noun? Past its
    determiners, its head is an institution noun: the first word (``first``: "la police
    municipale", not "un porte-parole de la police"), the last before a function word
    (``last``: "the health ministry", not "a police officer"), or one of the first words
    in its base form (``case``: "городская администрация", not "сотрудник полиции")."""
    if lang not in cues.languages():
        return False
    _, _, phrases, head = _nouns(lang)
    stop = cues.stopwords(lang)
    words = _WORD.findall(_PHRASE.match(phrase).group())
    while words and words[0].casefold() in stop:
        words.pop(0)
    run = []
    for w in words[:HEAD_WORDS]:
        if w.casefold() in stop:
            break
        run.append(w)
    if not run:
        return False
    folded = tuple(w.casefold() for w in words)
    if any(folded[:len(p)] == p or head == "last" and folded[len(run) - len(p):len(run)] == p for p in phrases):
        return True
    if head == "first":
        return _noun(lang, run[0], False)
    if head == "last":
        return _noun(lang, run[-1], False)
    return any(_noun(lang, w, True) for w in run)
