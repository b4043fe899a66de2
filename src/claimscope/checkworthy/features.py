"""Hand features of a sentence and the reasons shown to the user.

Per-language cue lists live in ``claimscope/data/checkworthy/<lang>.json``
(comparison, causal, reporting, quantity and subjective phrases; the constructions
that report a non-answer, ``no_comment``; the reportative or conditional words of
hearsay, ``hearsay``; the constructions of a sentence that only names a source,
``source_only``; the labels of an opinion piece's headline, ``opinion_labels``). An entry ending in ``*`` matches any word that starts with it, and
`` … `` inside an entry up to eight words. Digits, capitalised words and punctuation
are read the same way in every language.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources

import numpy as np

CATEGORIES = ("comparison", "causal", "reporting", "quantity", "subjective")
FEATURES = (
    "digit", "quantity", "entities", "acronym", "comparison", "causal",
    "reporting", "subjective", "question", "exclamation", "length", "quote",
)
REASONS = ("number", "named_entity", "comparison", "causal", "reported")
FALLBACK = "en"

_WORD = re.compile(r"\w[\w-]*")  # an apostrophe ends a word: l'EI -> l, EI
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[«»“”„\"]")
GAP = " … "  # in a table entry: up to eight words between its parts ("soll … haben")
_GAP = r"(?:\W+\w+){0,8}?\W+"


def languages() -> tuple[str, ...]:
    """Languages that have a cue table."""
    folder = resources.files("claimscope") / "data" / "checkworthy"
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@cache
def table(lang: str | None) -> dict[str, re.Pattern]:
    """Compiled cue patterns of ``lang`` (English when there is no table for it)."""
    return {cat: _compile(_raw(lang)[cat]) for cat in CATEGORIES}


@cache
def _raw(lang: str | None) -> dict:
    if lang not in languages():
        lang = FALLBACK
    path = resources.files("claimscope") / "data" / "checkworthy" / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _construction(lang: str | None, key: str) -> re.Pattern | None:
    entries = _raw(lang).get(key, [])
    return _compile(entries) if entries else None


def _has(text: str, lang: str | None, key: str) -> bool:
    pattern = _construction(lang, key)
    return bool(pattern and pattern.search(text.replace("’", "'")))


def no_comment(text: str, lang: str | None) -> bool:
    """Whether the sentence reports that someone did not answer or comment ("did not
    respond to a request for comment"): the table's ``no_comment`` constructions."""
    return _has(text, lang, "no_comment")


def hearsay(text: str, lang: str | None) -> bool:
    """Whether the sentence states a claim as hearsay, in the reportative or conditional
    mood ("would have", "aurait", "avrebbe", "habría", "soll ... haben"): the table's
    ``hearsay`` words. Such a claim is still a claim to check."""
    return _has(text, lang, "hearsay")


def source_only(text: str, lang: str | None) -> bool:
    """Whether the sentence only says where the story came from, pointing back at it
    ("this was reported by", "об этом сообщает", "lo riporta"): the table's
    ``source_only`` constructions (a pronoun standing for the claim plus a reporting
    verb)."""
    return _has(text, lang, "source_only")


def opinion_label(label: str, lang: str | None) -> bool:
    """Whether ``label`` (the words a header line opens on before its first ":", "|", "."
    or dash) names an opinion genre ("Opinion", "Kommentar", "Tribuna abierta"): it opens
    on one of the table's ``opinion_labels``, at most one word following."""
    pattern = _construction(lang, "opinion_labels")
    found = pattern.match(label.strip()) if pattern else None
    return bool(found) and len(label.strip()[found.end():].split()) <= 1


def _compile(entries: list[str]) -> re.Pattern:
    alts = sorted((_entry(e) for e in entries), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _entry(entry: str) -> str:
    entry = entry.strip()
    if GAP in entry:
        return _GAP.join(_entry(part) for part in entry.split(GAP))
    if entry.endswith("*"):
        return re.escape(entry[:-1]) + r"\w*"
    return re.escape(entry)


def counts(text: str, lang: str | None) -> dict[str, int]:
    """How many times each cue category, digits and capitalised words occur."""
    cues = {cat: len(pattern.findall(text)) for cat, pattern in table(lang).items()}
    words = _WORD.findall(text)
    inner = words[1:]
    cues["digit"] = len(_DIGIT.findall(text))
    cues["entities"] = sum(1 for w in inner if w[0].isupper() and len(w) > 1)
    cues["acronym"] = sum(1 for w in words if len(w) > 1 and w.isupper() and w.isalpha())
    cues["words"] = len(words)
    return cues


def vector(text: str, lang: str | None, found: dict[str, int] | None = None) -> np.ndarray:
    """The hand-feature vector (order: ``FEATURES``) of one sentence; pass ``found``
    (its :func:`counts`) when already computed."""
    c = found if found is not None else counts(text, lang)
    return np.array(
        [
            min(c["digit"], 1),
            min(c["quantity"], 1),
            math.log1p(c["entities"]),
            min(c["acronym"], 1),
            min(c["comparison"], 1),
            min(c["causal"], 1),
            min(c["reporting"], 1),
            min(c["subjective"], 1),
            float("?" in text),
            float("!" in text),
            math.log1p(c["words"]) / 4,
            float(bool(_QUOTE.search(text))),
        ],
        dtype=np.float32,
    )


def matrix(texts, langs) -> np.ndarray:
    """Hand features of many sentences, one row each."""
    if not texts:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    return np.stack([vector(t, lang) for t, lang in zip(texts, langs)])


def reasons(text: str, lang: str | None, found: dict[str, int] | None = None) -> tuple[str, ...]:
    """What makes the sentence checkable, in the order of ``REASONS``."""
    c = found if found is not None else counts(text, lang)
    present = {
        "number": c["digit"] > 0 or c["quantity"] > 0,
        "named_entity": c["entities"] > 0 or c["acronym"] > 0,
        "comparison": c["comparison"] > 0,
        "causal": c["causal"] > 0,
        "reported": c["reporting"] > 0,
    }
    return tuple(r for r in REASONS if present[r])
