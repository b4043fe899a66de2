"""Bodies named by a common noun ("the health ministry", "la police", "die
Staatsanwaltschaft", "городская администрация"): a noun phrase whose head is one of the
language's institution nouns, by lemma: the attribution table's ``body_nouns`` of the
institution kinds and the sourcing table's ``institution_nouns`` (docs/sourcing.md)."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ...outlets import cues
from ..attribution.kinds import body_nouns
from ..attribution.lemmas import lemma, supported

INSTITUTION_KINDS = frozenset({"ministry", "agency", "party", "organisation"})  # of body_nouns
HEAD_WORDS = 4  # words of a noun phrase, past its determiners, its head may be among
OPENING_WORDS = 4  # an opening clause this short, set off by a comma, may come before a sentence's subject
_PHRASE = re.compile(r"[^,;:.!?()\[\]–—«»\"“”„\n]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=None)
def _nouns(lang: str) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...], str]:
    """The language's institution nouns: single words, compound endings (``*ministerium``),
    phrases of several words; and where its noun phrases have their head."""
    table = cues.table(lang)
    listed = body_nouns(lang, INSTITUTION_KINDS)
    base = {w for w in listed if not (supported(lang) and lemma(lang, w) != w and lemma(lang, w) in listed)}
    words = [w.casefold() for w in table["institution_nouns"]] + sorted(base)  # not "министерства" beside its lemma
    return (frozenset(w for w in words if " " not in w and not w.startswith("*")),
            tuple(w[1:] for w in words if w.startswith("*")),
            tuple(tuple(w.split()) for w in words if " " in w),
            (table["noun_phrase_head"] or ["first"])[0])


def head_last(lang: str | None) -> bool:
    """Do noun phrases of ``lang`` have their head last ("the county roads department")?"""
    return lang in cues.languages() and _nouns(lang)[3] == "last"


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
    return body_span(phrase, lang) is not None


def body_span(phrase: str, lang: str | None) -> tuple[int, int] | None:
    """The span in ``phrase`` of the body it opens on (:func:`institution`), from its first
    word past the determiners to its head and, where the head comes first, the word after it
    when that word ends the phrase's first run of words ("la police municipale", "Consiglio
    regionale"); None when the phrase names no body."""
    if lang not in cues.languages():
        return None
    _, _, phrases, head = _nouns(lang)
    stop = cues.stopwords(lang)
    words = list(_WORD.finditer(_PHRASE.match(phrase).group()))
    while words and words[0].group().casefold() in stop:
        words.pop(0)
    run = []
    for w in words[:HEAD_WORDS]:
        if w.group().casefold() in stop:
            break
        run.append(w)
    if not run:
        return None
    folded = tuple(w.group().casefold() for w in words)
    at = next((len(p) - 1 for p in phrases if folded[:len(p)] == p), None)
    if at is None and head == "last":
        at = next((len(run) - 1 for p in phrases if folded[len(run) - len(p):len(run)] == p), None)
    if at is None and head == "first" and _noun(lang, run[0].group(), False):
        at = 0
    if at is None and head == "last" and _noun(lang, run[-1].group(), False):
        at = len(run) - 1
    if at is None and head == "case":
        at = next((k for k, w in enumerate(run) if _noun(lang, w.group(), True)), None)
    if at is None:
        return None
    end = at + 1 if head == "first" and len(run) == at + 2 else at
    return run[0].start(), run[end].end()


def subject_body(sentence: str, lang: str | None) -> tuple[int, int] | None:
    """The span of the named body a sentence opens on as its subject, past an opening clause
    of at most ``OPENING_WORDS`` words set off by a comma ("Réunie lundi, la commission
    régionale de X a rejeté …"); None when it opens on none. Where the head comes last, the
    verb cannot be told from a noun, so the head is the last institution noun of the first
    ``HEAD_WORDS`` + 1 words past the determiners, with the capitalised words right after it
    ("Das Landgericht Obertal hat …", "The Valley County Council's roads committee
    approved …"); elsewhere :func:`body_span`."""
    if lang not in cues.languages():
        return None
    opening = re.match(r"[^,;:()\n]*,\s*", sentence)
    starts = [0] + ([opening.end()] if opening and len(opening.group().split()) <= OPENING_WORDS else [])
    for at in starts:
        span = _subject_at(sentence[at:], lang)
        if span is not None:
            return at + span[0], at + span[1]
    return None


def _subject_at(phrase: str, lang: str) -> tuple[int, int] | None:
    """The body ``phrase`` opens on, with the capitalised words right after its head."""
    stop = cues.stopwords(lang)
    words = list(_WORD.finditer(_PHRASE.match(phrase).group()))
    while words and words[0].group().casefold() in stop:
        words.pop(0)
    run = list(itertools.takewhile(lambda w: w.group().casefold() not in stop, words[:HEAD_WORDS + 1]))
    if _nouns(lang)[3] == "last":
        heads = [k for k, w in enumerate(run) if _noun(lang, re.sub(r"['’]s$", "", w.group()), False)]
    else:
        span = body_span(phrase, lang)
        heads = [k for k, w in enumerate(run) if span and w.end() == span[1]]
    if not heads:
        return None
    end = heads[-1]
    while end + 1 < len(run) and run[end + 1].group()[:1].isupper():
        end += 1
    return run[0].start(), run[end].end()
