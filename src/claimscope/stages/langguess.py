"""A sentence's language, guessed on strong evidence only (the ``language`` stage's rules,
docs/stages.md): language ID (``claimscope.langid``) on the whole text and again on its
content words alone (names mislead it), the text's script, Vietnamese-only letters,
Vietnamese typed without accents (frequent syllables), and word evidence from the
languages' word lists (``wordodds``) when language ID only leans one way. The stage
(``language.py``) decides from these guesses which sentences are fragments.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import langid
from ..langdata import common, tables
from .wordfreqs import frequencies
from .wordodds import odds
from .words import MIN_FUNCTION_FREQ

MIN_LETTERS = 20
MIN_SCORE = 0.7
MAX_MAIN_SCORE = 0.1
CONFUSABLE_SCORE = 0.95
CONFUSABLE_LETTERS = 60
MIN_CONTENT = 3
TITLE_WORDS = 6
TITLE_CASE_MIN = 5  # words of a title-case headline ...
TITLE_CASE_WORDS = 2  # ... of which this many capitalised function words inside it
QUOTE_WORDS = TITLE_WORDS + 1  # longer quotations inside a sentence are checked (shorter: titles)
UNACCENTED_WORDS = 6  # unaccented-language check from this many words...
UNACCENTED_SHARE = 0.6  # ...when this share of them is in the table's unaccented_words
UNACCENTED_SCORE = 0.9
WORDS_SCORE = 0.4  # word evidence is weighed when language ID gives another language this much
WORDS_FOR = 2  # and decides for it with this many of its words
WORDS_MEAN = 0.5  # and a mean log10 frequency ratio this high, with no word for the main language

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ELIDED_NAME = re.compile(r"[^\W\d_]{1,4}['’][A-ZÀ-ÝĐА-Я]")
_MAYBE_NOISE = re.compile(r"\d|\w[.@/]\w")
# URLs, e-mail addresses, domains and numbers; every alternative starts only where its run
# of characters starts (the lookbehinds), so the pattern is linear in the token length
_NOISE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*"
    r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?![\w-])"
    r"|\d+",
    re.IGNORECASE,
)
_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "cjk": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
    "hangul": re.compile(r"[\uac00-\ud7af]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "lao": re.compile(r"[\u0e80-\u0eff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"),
    "ethiopic": re.compile(r"[\u1200-\u139f]"),
    "myanmar": re.compile(r"[\u1000-\u109f]"),
    "khmer": re.compile(r"[\u1780-\u17ff]"),
    "bengali": re.compile(r"[\u0980-\u09ff]"),
    "tamil": re.compile(r"[\u0b80-\u0bff]"),
    "other_indic": re.compile(r"[\u0a00-\u0b7f\u0c00-\u0dff]"),  # Gurmukhi to Oriya, Telugu to Sinhala
}
_OTHER_SCRIPT = re.compile("|".join(pattern.pattern for pattern in _SCRIPTS.values()))
_UNSPACED = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # written without spaces
UNSPACED_WORD = 2  # characters of such a script counted as one word


@dataclass(frozen=True)
class Guess:
    """What one piece of text says about its language."""

    guesses: tuple[tuple[str, float], ...]
    letters: int
    content: int  # content words: lower-case or caseless words, not names (plus each clause's first word)
    content_text: str  # the content words alone (names mislead language ID)
    script: str
    vietnamese: int  # Vietnamese-only letters

    @property
    def lang(self) -> str | None:
        return self.guesses[0][0] if self.guesses else None

    @property
    def score(self) -> float:
        return self.guesses[0][1] if self.guesses else 0.0

    def score_of(self, lang: str | None) -> float:
        return next((score for code, score in self.guesses if code == lang), 0.0)

    @property
    def reliable(self) -> bool:
        return self.letters >= MIN_LETTERS and self.content >= MIN_CONTENT


def guess(text: str) -> Guess:
    """Language evidence of ``text``: language ID guesses, script, content words."""
    cleaned = _NOISE.sub(" ", text) if _MAYBE_NOISE.search(text) else text
    clauses = _clauses(cleaned)
    words = [w for clause in clauses for w in clause]
    letters = sum(map(len, words))
    if letters and sum(w.isupper() for w in words) * 2 > len(words):
        cleaned = cleaned.lower()  # language ID reads shouting poorly
        clauses = _clauses(cleaned)
        words = [w for clause in clauses for w in clause]
    titles = [_title_case(clause) for clause in clauses]  # its capitalised words are words, not names
    content = [
        w for clause, title in zip(clauses, titles) for i, w in enumerate(clause)
        if len(w) > 1 and (i == 0 or title or not _named(w))
    ]
    plain = cleaned.isascii()
    identified = cleaned.lower() if any(titles) else cleaned  # ... and title case
    return Guess(
        guesses=_identify(identified, words) if letters else (),
        letters=letters,
        content=len(content) if plain else max(len(content), _unspaced_words(cleaned)),
        content_text=" ".join(content),
        script="latin" if plain else _script(cleaned, letters),
        vietnamese=0 if plain else len(_VIETNAMESE.findall(cleaned)),
    )


def _title_case(clause: list[str]) -> bool:
    """A headline written in title case ("Mayor Calls For Vote Over New Bridge"): at least
    ``TITLE_CASE_MIN`` words, every one capitalised, and at least ``TITLE_CASE_WORDS`` of
    them inside the clause function words (Zipf 6) of a language with a word list. Names
    leave those in lower case ("Bank of America and the New York Times")."""
    if len(clause) < TITLE_CASE_MIN or any(not w[0].isupper() for w in clause):
        return False
    inside = {w.casefold() for w in clause[1:]}
    return sum(any(_frequent(lang, w) for lang in tables()) for w in inside) >= TITLE_CASE_WORDS


def _frequent(lang: str, word: str) -> bool:
    return ((frequencies(lang) or {}).get(word) or 0.0) >= MIN_FUNCTION_FREQ


def _named(word: str) -> bool:
    """A capitalised word, also after an elided article ("l'Eixample", "dell'Emilia")."""
    return word[0].isupper() or ("'" in word or "’" in word) and _ELIDED_NAME.match(word) is not None


def _clauses(text: str) -> list[list[str]]:
    """The words of ``text`` by clause: a colon opens one ("Foto: Manifestants a la
    plaça"), whose first word is capitalised as a sentence's is."""
    return [_WORD.findall(part) for part in text.split(":")] if ":" in text else [_WORD.findall(text)]


def _unspaced_words(text: str) -> int:
    """Words of a script written without spaces (Chinese, Japanese, Thai), by characters."""
    return len(_UNSPACED.findall(text)) // UNSPACED_WORD


def word_count(text: str) -> int:
    return len(text.split()) + _unspaced_words(text)


def _identify(text: str, words: list[str]) -> tuple[tuple[str, float], ...]:
    """Language ID guesses, corrected for languages typed without their accents."""
    guesses = tuple(langid.detect(text))
    if len(words) >= UNACCENTED_WORDS and text.isascii():
        guesses = _unaccented(words, guesses)
    return guesses


@lru_cache(maxsize=1)
def _unaccented_tables() -> dict[str, frozenset[str]]:
    return {lang: frozenset(t["unaccented_words"]) for lang, t in tables().items() if "unaccented_words" in t}


def _unaccented(words: list[str], guesses):
    """Put first a language written here without its accents ("nguoi dan", Vietnamese),
    which language ID misses, when most words are in its ``unaccented_words`` table."""
    lowered = [w.lower() for w in words]
    for lang, vocabulary in _unaccented_tables().items():
        if sum(w in vocabulary for w in lowered) >= UNACCENTED_SHARE * len(lowered):
            score = max(UNACCENTED_SCORE, dict(guesses).get(lang, 0.0))
            return ((lang, score),) + tuple(g for g in guesses if g[0] != lang)[:2]
    return guesses


def _script(text: str, letters: int) -> str:
    if max(text) < "\u0370" or not _OTHER_SCRIPT.search(text):  # Latin letters only (Vietnamese too)
        return "latin"
    for name, pattern in _SCRIPTS.items():
        if len(pattern.findall(text)) * 2 > letters:
            return name
    return "latin"


@lru_cache(maxsize=None)
def _confusable(a: str, b: str) -> bool:
    return any(a in group and b in group for group in common()["confusable_groups"])


def main_language(guesses: list[Guess], text: str) -> tuple[str | None, float]:
    """The language holding most letters among confidently identified sentences."""
    weights: Counter[str] = Counter()
    for g in guesses:
        if g.lang and g.reliable:
            weights[g.lang] += g.letters * g.score
    if not weights:
        return langid.best(text)
    lang, weight = weights.most_common(1)[0]
    return lang, round(weight / sum(weights.values()), 3)


def foreign_language(g: Guess, main: str, script: str, letters: int = MIN_LETTERS) -> tuple[str, float] | None:
    """The language of ``g`` when the evidence says it is not ``main``, else None (word
    evidence is weighed from ``letters`` letters on)."""
    if g.letters >= 4 and g.script != script:
        return (g.lang or "und", max(g.score, 0.5)) if g.lang != main else None
    if g.vietnamese >= 2 and main != "vi":
        return "vi", max(g.score_of("vi"), 0.9)
    if by_words(g, main, letters):
        return g.lang, g.score
    if not g.reliable or g.lang in (None, main) or g.score < MIN_SCORE:
        return None
    if g.score_of(main) >= MAX_MAIN_SCORE:
        return None
    second = _identify(g.content_text, g.content_text.split())  # a second opinion without names
    if not second or second[0][0] != g.lang or dict(second).get(main, 0.0) >= MAX_MAIN_SCORE:
        return None
    if _confusable(g.lang, main):
        main_absent = main not in dict(g.guesses) and main not in dict(second)
        if g.letters < CONFUSABLE_LETTERS or not (g.score >= CONFUSABLE_SCORE or main_absent):
            return None
    return g.lang, g.score


def by_words(g: Guess, main: str, letters: int) -> bool:
    """Language ID leans to another language and its words decide for it: a short
    caption, or a language close to the main one ("això és" in a Spanish article)."""
    if g.lang in (None, main) or g.score < WORDS_SCORE or g.letters < letters or g.content < MIN_CONTENT:
        return False
    found = odds(g.content_text.lower().split(), g.lang, main)
    if found is None or not found.favours(WORDS_FOR, WORDS_MEAN):
        return False
    second = _identify(g.content_text, g.content_text.split())  # without names, as below
    return bool(second) and second[0][0] == g.lang
