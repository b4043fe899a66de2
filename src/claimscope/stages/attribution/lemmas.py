"""Word lemmas (simplemma), so that a table keyed by lemma matches every inflection:
"reacted", "testifies" -> "react", "testify"; "передаёт" -> "передавать".

A language simplemma does not cover (Vietnamese, which does not inflect) has no
lemmas: its tables list the verb forms themselves. A language's dictionary is loaded
on first use (about 0.5 s for English, several seconds and a few hundred MB for
Polish and Russian), then a lookup costs about a microsecond.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

_SUPPORTED = frozenset(SUPPORTED_LANGUAGES)


def supported(lang: str) -> bool:
    return lang in _SUPPORTED


@lru_cache(maxsize=200_000)
def lemma(lang: str, word: str) -> str:
    """The lemma of ``word`` (lower-cased; the word itself when unknown)."""
    return simplemma.lemmatize(word.lower(), lang=lang).lower()
