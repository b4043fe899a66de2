"""Credit lines built from parts, and notes on where the text comes from (docs/stages.md,
``credit_line``).

Helpers of the traces stage beside ``furniture``:

* ``source_note``: a note at the edges crediting a vague source ("Material prepared
  from open sources", "Texto elaborado con información de agencias");
* ``page_led``: a line led by a page noun ("This article first appeared …");
* ``publication_note``: a note naming where the text first appeared ("First published in …");
* ``credit``: a credit line built from parts: a credit cue with its name, translation
  notes, agency names ("(Fonte: x.com, traduzione dall'inglese)", "(Theo A, B)").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .furniture import (
    EMPTY, MAX_HEADLINE_WORDS, MAX_NAME_WORDS, SYLLABIC_SCALE, _WORD, Lexicon, _lemma, _networks, _positions,
    notice_words, page_words, words,
)
from ..langdata import tables

MAX_NOTE_WORDS = 10  # a translation note ("traduit de l'allemand par ...")
_PARTS = re.compile(r"\s*[|;,()\[\]]\s*")


def vague_credit(name: str) -> bool:
    """A credited name that is only a word for agencies ("agências", "Agenturen")."""
    return bool(page_words(None).get("vague_sources", EMPTY).found_in([" ".join(words(name))]))


def source_note(line: str, lang: str | None) -> str | None:
    """The vague source of a note saying what the text was put together from ("Material
    prepared from open sources", "Texto elaborado con información de agencias"): at most
    ``MAX_NOTE_WORDS`` words, opening (within its first two words) on a ``page`` noun of
    ``lang`` or English, on a credit cue of ``lang`` or on a vague source ("Compiled from
    agencies"), and ending (within its last two words) on a
    vague source of ``lang`` or English, compared by lemma; no quotation, no other
    capitalised word (a name makes it a credit or a sentence)."""
    stripped = line.strip()
    tokens = words(stripped)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not lang or not 2 < len(tokens) <= MAX_NOTE_WORDS * scale or stripped[0] in "«“„\"'‘(":
        return None
    if any(w[:1].isupper() for w in _WORD.findall(stripped)[1:]):
        return None
    lemmas = [_lemma(lang, t) for t in tokens]
    found = notice_words(lang)
    head = [n for n in _positions(tokens, found["page"], lang, found["page_lemmas"]) if n < 2 * scale]
    head = head or _credit_cues(lang).opens(tokens)  # "Подготовлено по материалам …"
    head = head or any(tuple(lemmas[: len(e)]) == e for e in _vague_lemmas(lang))  # "Tổng hợp từ các hãng tin"
    for entry in _vague_lemmas(lang):
        size = len(entry)
        at = [n for n in range(len(lemmas) - size + 1) if tuple(lemmas[n : n + size]) == entry]
        ends = [n for n in at if n + size >= len(lemmas) - 2 * scale + 1]
        if ends and head:
            return " ".join(tokens[ends[-1] : ends[-1] + size])
    return None


def page_led(line: str, lang: str | None) -> bool:
    """A line of at most ``MAX_HEADLINE_WORDS`` words whose first three words hold a
    ``page`` noun of ``lang`` or English ("This article first appeared …", "Cet article a
    été publié …")."""
    tokens = words(line)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not tokens or len(tokens) > MAX_HEADLINE_WORDS * scale or line.lstrip()[:1] in "«“„\"'‘(":
        return False
    found = notice_words(lang)
    return any(n < 3 * scale for n in _positions(tokens, found["page"], lang, found["page_lemmas"]))


MAX_PUBLISHED_AT = 6  # the verb among the first words: "A version of this article appeared in …"


def publication_note(line: str, lang: str | None, name_of) -> str | None:
    """The outlet a note on the text's first publication credits: a line of at most
    ``MAX_HEADLINE_WORDS`` words with a ``published`` word of ``lang`` or English (by
    lemma) among its first ``MAX_PUBLISHED_AT`` words, after a ``page`` noun or opening the
    line past one adverb ("This story first appeared in the Harbour Gazette.", "Материал
    впервые опубликован в газете «Вести»", "Originally published at example.org"), and
    the words from the first capitalised, quoted or linked one after it to the end a name
    (``name_of``); or an agency before the verb ("Reuters contributed to this report.")."""
    raw = line.strip().rstrip(".!").split()
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not lang or not raw or len(words(line)) > MAX_HEADLINE_WORDS * scale or raw[0][:1] in "«“„\"'‘(":
        return None
    tokens, owner = [], []  # the words of the line, and the raw word each belongs to
    for n, w in enumerate(raw):
        tokens += words(w)
        owner += [n] * len(words(w))
    verbs = [n for n in _positions(tokens, page_words(lang).get("published", EMPTY), lang, _published_lemmas(lang))
             if n < MAX_PUBLISHED_AT * scale]
    if not verbs:
        return None
    found = notice_words(lang)
    pages = _positions(tokens, found["page"], lang, found["page_lemmas"])
    first, verb = owner[min(verbs)], owner[max(verbs)]
    if any(owner[n] < first for n in pages) or first <= 1:
        head = next((n for n in range(verb + 1, len(raw)) if raw[n][:1].isupper() or raw[n][:1] in "«“„\"" or "." in raw[n]), None)
        network = head is not None and words(raw[head])[:1] and words(raw[head])[0] in _networks()
        if head is not None and not network and (name := name_of(" ".join(raw[head:]))):
            return name  # not a post on a network: "The video first appeared on Facebook by …"
    return first and name_of(" ".join(raw[:first]), True) or None


@lru_cache(maxsize=None)
def _published_lemmas(lang: str) -> frozenset[str]:
    """Lemmas of the single-word ``published`` page words of ``lang`` and English."""
    return frozenset(
        _lemma(code, w) for code in dict.fromkeys((lang, "en"))
        for w in tables().get(code, {}).get("page_words", {}).get("published", ()) if " " not in w
    )


@lru_cache(maxsize=None)
def _credit_cues(lang: str) -> Lexicon:
    return Lexicon.of(" ".join(words(c)) for c in tables().get(lang, {}).get("credit_cues", ()))


@lru_cache(maxsize=None)
def _vague_lemmas(lang: str) -> tuple[tuple[str, ...], ...]:
    """The ``vague_sources`` of ``lang`` and English as lemma sequences."""
    found = []
    for code in dict.fromkeys((lang, "en")):
        for entry in tables().get(code, {}).get("page_words", {}).get("vague_sources", ()):
            found.append(tuple(_lemma(code, w) for w in words(entry)))
    return tuple(dict.fromkeys(found))


def translation_note(part: str, lang: str | None) -> bool:
    """A short part that opens (within its first three words) or, when it is neither a
    heading (a colon, capitals) nor led by a page noun (a notice, boilerplate), closes
    (where a verb-final language puts the participle: "Aus dem Englischen übersetzt")
    on a translation word ("traduit de l'allemand"), or on another form of one of ``lang``
    or English, compared by lemma ("Tekst przetłumaczony automatycznie" = "przetłumaczone")."""
    found = words(part)
    if not 0 < len(found) <= MAX_NOTE_WORDS:
        return False
    heading = ":" in part or part.isupper()  # "PART ONE: A TALE RETOLD"
    closing = [] if heading or page_led(part, lang) else found[3:][-1:]  # "This text was translated": a notice
    edges = found[:3] + closing
    if page_words(lang).get("translation", EMPTY).found_in(edges):
        return True
    return bool(lang) and any(_lemma(lang, w) in _translation_lemmas(lang) for w in edges)


@lru_cache(maxsize=None)
def _translation_lemmas(lang: str) -> frozenset[str]:
    """Lemmas of the single-word ``translation`` page words of ``lang`` and English."""
    return frozenset(
        _lemma(code, w) for code in dict.fromkeys((lang, "en"))
        for w in tables().get(code, {}).get("page_words", {}).get("translation", ()) if " " not in w
    )


def credit(line: str, lang: str | None, cue_name, is_name) -> tuple[str, str] | None:
    """(label, credited name) when ``line`` is a credit made of parts.

    ``cue_name(part)`` gives the name of a "cue + name" part or None; ``is_name(part)``
    says a part is a name (agency, domain, capitalised words). Bracketed, every part may
    come in any order and a vague source alone counts ("(tổng hợp)"); unbracketed, the
    credit or a translation note comes first."""
    text = line.strip().rstrip(".")
    bracketed = text[:1] in "([" and text[-1:] in ")]"
    parts = [p for p in _PARTS.split(text) if p.strip()]
    if not parts:
        return None
    names, notes = [], 0
    for part in parts:
        name = cue_name(part)
        if name:
            names.append(name)
        elif translation_note(part, lang):
            notes += 1
        elif names and is_name(part) and len(part.split()) <= MAX_NAME_WORDS:
            names.append(part.strip())
        elif bracketed and vague_credit(part):  # "(tổng hợp)", "(agencias)"
            names.append(part.strip())
        else:
            return None
    if names:
        return "source_line", ", ".join(names)
    if notes and (bracketed or len(parts) == 1):
        return "translation_note", ""
    return None
