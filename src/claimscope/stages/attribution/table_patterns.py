"""The patterns and word sets a language table's phrase lists compile into (tables.py
builds each table's ``Table`` with them; docs/attribution.md describes the keys).

A phrase list becomes a case-insensitive alternation, longest phrase first, that
matches whole words with any run of spaces and either apostrophe; prepositional cues
also match a headed preposition before one of its source nouns; a table with
``form_lemmas`` makes every listed verb form a cue by its lemma.
"""

from __future__ import annotations

import re

from .lemmas import lemma, supported


def alternation(phrases) -> str:
    """A regex alternation of ``phrases``: longest first, flexible spaces and apostrophes."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(phrase.strip())
        body = re.sub(r"(\\ )+", r"\\s+", body)
        body = re.sub("['’]", "['’]", body)
        parts.append(body)
    return "|".join(parts) if parts else r"(?!x)x"


def word_pattern(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """Whole-word matcher for a list of phrases."""
    return re.compile(
        rf"(?<![\w'’])(?:{alternation(phrases)})(?:(?<=['’])|(?!\w))", flags
    )


def first_words(raw: dict, *keys: str) -> frozenset:
    """Lower-cased first words of the phrases listed under ``keys``."""
    return frozenset(
        phrase.split()[0].lower().replace("’", "'")
        for key in keys
        for phrase in raw.get(key, [])
        if phrase.split()
    )


def form_lemmas(raw: dict, key: str) -> frozenset:
    """With ``form_lemmas``, the lemmas of the one-word forms listed under ``key``: a verb
    the table lists in one form is a cue in all ("recalled" -> "recall": "recalls",
    "recalling"), when the lemma has the shape of an infinitive (``infinitive_shape``; not
    an adjective: "precisa" -> "preciso"); not an auxiliary's lemma, nor a form that is its
    own lemma (a noun or an adverb read so: "annonce", "allegedly")."""
    lang = raw["language"]
    if not raw.get("form_lemmas") or not supported(lang):
        return frozenset()
    aux = {w.lower() for w in raw.get("auxiliaries", []) + raw.get("passive_auxiliaries", [])}
    aux |= {lemma(lang, w) for w in aux}
    verb = re.compile(raw.get("infinitive_shape", r"(?!x)x"))
    forms = [w for w in raw.get(key, []) if re.fullmatch(r"[^\W\d_]{4,}", w) and w.islower()]
    return frozenset({lemma(lang, w) for w in forms if lemma(lang, w) != w and verb.search(lemma(lang, w))} - aux)


def preposition_pattern(raw: dict) -> re.Pattern:
    """Prepositional cues: the listed ones, and each headed one ("in") when one of
    its source nouns ("poll", "survey") follows within a few words."""
    parts = [alternation(raw.get("prepositions", []))]
    for prep, heads in raw.get("headed_prepositions", {}).items():
        parts.append(
            rf"(?:{alternation([prep])})(?=(?:\s+[^\s,.;:]+){{0,7}}?\s+"
            rf"(?:{alternation(heads)})(?!\w))"
        )
    for prep, heads in raw.get("report_prepositions", {}).items():  # "по предварительным данным"
        nouns = "|".join(
            rf"\w*{re.escape(h[1:])}" if h.startswith("*") else re.escape(h) for h in heads
        )  # "*berichten": a compound ending ("Nach Zeitungsberichten")
        parts.append(
            rf"(?:{alternation([prep])})(?=(?:\s+[^\W\d]+){{0,2}}?\s+(?:{nouns})(?!\w))"
        )
    return re.compile(
        rf"(?<![\w'’])(?:{'|'.join(parts)})(?:(?<=['’])|(?!\w))", re.IGNORECASE
    )
