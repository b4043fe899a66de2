"""Hand features of a sentence and the reasons shown to the user.

Per-language cue lists live in ``claimscope/data/checkworthy/<lang>.json``
(comparison, causal, reporting, quantity and subjective phrases, and the
constructions that report a non-answer, ``no_comment``; an entry ending in ``*``
matches any word that starts with it). Digits, capitalised words and
punctuation are read the same way in every language.
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
def _no_comment(lang: str | None) -> re.Pattern | None:
    entries = _raw(lang).get("no_comment", [])
    return _compile(entries) if entries else None


def no_comment(text: str, lang: str | None) -> bool:
    """Whether the sentence reports that someone did not answer or comment ("did not
    respond to a request for comment"): the table's ``no_comment`` constructions."""
    pattern = _no_comment(lang)
    return bool(pattern and pattern.search(text.replace("’", "'")))


def _compile(entries: list[str]) -> re.Pattern:
    alts = sorted((_entry(e) for e in entries), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _entry(entry: str) -> str:
    entry = entry.strip()
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
