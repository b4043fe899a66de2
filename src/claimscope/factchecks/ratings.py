"""Normalise a publisher's rating to one claimscope verdict (see docs/factchecks.md).

Textual ratings are looked up in per-language tables
(``claimscope/data/ratings/<lang>.json``: wording → verdict). A rating that is not
a known wording on its own ("False. The photo is from 2015") is matched by the
earliest, longest known wording among its first words. Numeric ratings map their
position on the ``worst``..``best`` scale to a verdict. Text wins over numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from ..model import VERDICTS

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[^\w]+")
_SCAN_WORDS = 8  # how far into a long rating text a known wording may start

# position on the scale (0 = worst, 1 = best) → verdict, first bound that holds
_SCALE = ((0.125, "false"), (0.375, "mostly_false"), (0.625, "mixed"), (0.875, "mostly_true"))


def normalise_text(text: str) -> str:
    """Case-folded words of ``text`` joined by single spaces (the table key form)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).split())


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, str]]:
    """Every language table: {language code: {normalised wording: verdict}}."""
    out = {}
    for entry in sorted((resources.files("claimscope") / "data" / "ratings").iterdir(), key=str):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            out[data["language"]] = {normalise_text(k): v for k, v in data["ratings"].items()}
    return out


@lru_cache(maxsize=1)
def _merged() -> tuple[dict[str, str], int]:
    merged: dict[str, str] = {}
    for table in tables().values():
        for key, verdict in table.items():
            merged.setdefault(key, verdict)
    return merged, max(len(k.split()) for k in merged)


def verdict_from_text(text: str | None, language: str | None = None) -> str | None:
    """The verdict a rating wording stands for, or None when it is not known."""
    key = normalise_text(text or "")
    if not key:
        return None
    preferred = tables().get(language or "", {})
    merged, longest = _merged()
    if key in preferred:
        return preferred[key]
    if key in merged:
        return merged[key]
    words = key.split()
    for start in range(min(len(words), _SCAN_WORDS)):
        for size in range(min(longest, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size])
            verdict = preferred.get(phrase) or merged.get(phrase)
            if verdict:
                return verdict
    return None


def verdict_from_scale(value: float | None, best: float | None, worst: float | None) -> str | None:
    """The verdict for ``value`` on a ``worst``..``best`` scale (schema.org defaults 1..5)."""
    if value is None:
        return None
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if best == worst:
        return None
    position = (value - worst) / (best - worst)
    if not 0.0 <= position <= 1.0:
        return None
    return next((v for bound, v in _SCALE if position < bound), "true")


def normalise_verdict(
    text: str | None,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
    language: str | None = None,
) -> tuple[str, bool]:
    """(verdict, understood): ``unrated`` when nothing usable was given.

    ``understood`` is False when a rating was given but matched nothing, so the
    importer can report it; the original rating is kept by the caller either way.
    """
    verdict = verdict_from_text(text, language) or verdict_from_scale(value, best, worst)
    if verdict:
        assert verdict in VERDICTS, verdict
        return verdict, True
    given = bool((text or "").strip()) or value is not None
    return "unrated", not given
