"""Stage ``language``: the article's main language, each sentence's language, and
fragments left in another language (``untranslated_fragment`` findings).

Language ID (``claimscope.langid``) is unreliable on short text, so a sentence only
gets a language other than the main one on strong evidence:

* its script differs from the article's (Cyrillic in a French text), or it carries
  Vietnamese-only letters (ă đ ơ ư ạ ả ế ồ ...), or
* it is long enough (``MIN_LETTERS``) and language ID is confident (``MIN_SCORE``)
  while giving the main language almost nothing (``MAX_MAIN_SCORE``), on the whole
  sentence and again on its content words alone (names mislead language ID);
  languages ID confuses with the main one (``confusable_groups``) need at least
  ``CONFUSABLE_LETTERS`` letters and either ``CONFUSABLE_SCORE`` or the main language
  missing from the top three guesses of both opinions, or
* language ID leans to another language (``WORDS_SCORE``) and the sentence's words
  decide for it (``wordodds``: words far more frequent in that language's word list than
  in the main one's, none the other way): short captions, close languages.

A short sentence takes the language of its line when the line as a whole is
confidently foreign, otherwise the main language. Consecutive foreign sentences of a
paragraph form one fragment, reported only when it holds at least ``MIN_CONTENT``
content words (names, numbers, URLs, bylines and one-word terms do not count) and is
not a short quoted title; a short foreign sentence ("Foto: arxiu") joins its foreign
neighbour. Vietnamese typed without accents, which language ID misses, is recognised
by its frequent syllables (``unaccented_words`` in its table). A quotation inside a
main-language sentence is checked on its own the same way ("label": "quotation") when
it has at least ``QUOTE_WORDS`` words, or ``SPOKEN_WORDS`` set off as speech (shorter
quotations are titles); so is the clause after a colon, when its words decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import langid
from ..model import Document, Finding, stage_tag
from .langdata import common, in_a, language_name, table, tables
from .segment import line_groups, quote_spans
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
MIN_ANCHORS = 2
QUOTE_WORDS = TITLE_WORDS + 1  # longer quotations inside a sentence are checked (shorter: titles)
UNACCENTED_WORDS = 6  # unaccented-language check from this many words...
UNACCENTED_SHARE = 0.6  # ...when this share of them is in the table's unaccented_words
UNACCENTED_SCORE = 0.9
WORDS_SCORE = 0.4  # word evidence is weighed when language ID gives another language this much
WORDS_FOR = 2  # and decides for it with this many of its words
WORDS_MEAN = 0.5  # and a mean log10 frequency ratio this high, with no word for the main language
SPOKEN_WORDS = 4  # a quotation this long (shorter than QUOTE_WORDS) is checked when set off as speech
LIST_WORDS = 3  # a clause with a comma for every this many words is a list, not a sentence
QUOTE_LETTERS = 12  # word evidence decides on a quotation from this many letters (a sentence: MIN_LETTERS)
_SPOKEN_END = ".!?…,"

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
_ANCHOR = re.compile(r"(?<=\s)[A-ZÀ-ÝĐА-Я][\w-]+|\d+")
_QUOTE_OPEN = "«“„\"'‘「『"
_QUOTE_CLOSE = "»”“\"'’」』"
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
    if _by_words(g, main, letters):
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


def _by_words(g: Guess, main: str, letters: int) -> bool:
    """Language ID leans to another language and its words decide for it: a short
    caption, or a language close to the main one ("això és" in a Spanish article)."""
    if g.lang in (None, main) or g.score < WORDS_SCORE or g.letters < letters or g.content < MIN_CONTENT:
        return False
    found = odds(g.content_text.lower().split(), g.lang, main)
    if found is None or not found.favours(WORDS_FOR, WORDS_MEAN):
        return False
    second = _identify(g.content_text, g.content_text.split())  # without names, as below
    return bool(second) and second[0][0] == g.lang


class Language:
    """Detect the main language, label every sentence, report untranslated fragments."""

    name = "language"
    version = "1"
    requires = ("sentences",)
    provides = ("language",)

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        guesses = [guess(text[s.start : s.end]) for s in doc.sentences]
        main, main_score = main_language(guesses, text)
        if main is None:
            return doc.evolve(language=None, language_score=0.0)
        script = _article_script(guesses, main)
        lines = line_groups(doc)
        langs = self._sentence_languages(doc, lines, guesses, main, script)
        sentences = tuple(
            replace(s, lang=lang, lang_score=round(score, 3))
            for s, (lang, score) in zip(doc.sentences, langs)
        )
        doc = doc.evolve(language=main, language_score=main_score, sentences=sentences)
        findings = self._fragments(doc, lines, guesses, main) + self._quotations(doc, main, script)
        return doc.add_findings(sorted(findings, key=lambda f: f.start))

    def _quotations(self, doc: Document, main: str, script: str) -> list[Finding]:
        """Quotations, and clauses a colon introduces, in another language inside
        main-language sentences."""
        findings = []
        for sentence in doc.sentences:
            if sentence.lang != main:
                continue
            text = doc.text[sentence.start : sentence.end]
            for offset, inner, what in _embedded(text):
                g = guess(inner)
                # a clause without quotation marks needs its words' say too (not a list of brands)
                checked = g.content >= MIN_CONTENT and (what == "quotation" or _by_words(g, main, QUOTE_LETTERS))
                found = foreign_language(g, main, script, QUOTE_LETTERS) if checked else None
                if found:
                    start = sentence.start + offset
                    reason = (
                        f"{language_name(found[0])} {what} left untranslated in "
                        f"{in_a(main)} sentence (language ID {found[1]:.2f})"
                    )
                    findings.append(self._fragment(start, start + len(inner), found[0], reason, "quotation"))
        return findings

    def _fragment(self, start: int, end: int, lang: str, reason: str, label: str | None) -> Finding:
        return Finding(
            kind="untranslated_fragment", start=start, end=end, reason=reason,
            stage=stage_tag(self), lang=lang, label=label,
        )

    def _sentence_languages(self, doc, lines, guesses, main, script):
        langs = []
        for group in lines:
            line = None
            for index in group:
                g = guesses[index]
                found = foreign_language(g, main, script)
                if found is None and not g.reliable and len(group) > 1:
                    if line is None:
                        first, last = doc.sentences[group[0]], doc.sentences[group[-1]]
                        line = foreign_language(guess(doc.text[first.start : last.end]), main, script)
                    found = line
                langs.append(found or (main, g.score_of(main)))
        for run in _short_runs(doc, guesses, langs, main):  # a caption of two short sentences
            first, last = doc.sentences[run[0]], doc.sentences[run[-1]]
            found = foreign_language(guess(doc.text[first.start : last.end]), main, script)
            for index in run if found else ():
                langs[index] = found
        return langs

    def _fragments(self, doc: Document, lines, guesses, main: str) -> list[Finding]:
        findings, run = [], []
        for index, sentence in enumerate(doc.sentences):
            if run and not _continues(doc.sentences[run[-1]], sentence, main, guesses[run[-1]], guesses[index]):
                findings.extend(self._report(doc, lines, run, guesses, main))
                run = []
            if sentence.lang != main:
                run.append(index)
        findings.extend(self._report(doc, lines, run, guesses, main))
        return findings

    def _report(self, doc: Document, lines, run: list[int], guesses, main: str) -> list[Finding]:
        if not run:
            return []
        first, last = doc.sentences[run[0]], doc.sentences[run[-1]]
        joined = len(run) > 1 and guess(doc.text[first.start : last.end]).content >= MIN_CONTENT
        if not joined and not any(_substantial(doc, i, guesses[i]) for i in run):
            return []
        lead = doc.sentences[max(run, key=lambda i: guesses[i].letters)]  # short ones are misread
        lang = lead.lang
        kind = "caption" if _is_caption(doc.text[last.start : last.end], lang) else "text"
        beside = _beside_translation(doc, run, main, lines)
        reason = f"{language_name(lang)} {kind} left in {in_a(main)} article"
        if beside:
            reason += f", next to its {language_name(main)} translation"
        else:
            reason += f" (language ID {lead.lang_score:.2f})"
        return [self._fragment(first.start, last.end, lang, reason, "beside_translation" if beside else None)]


def _embedded(text: str) -> list[tuple[int, str, str]]:
    """(offset, text, "quotation" or "clause") of what a sentence quotes: its quotations
    of ``QUOTE_WORDS`` words or more, or of ``SPOKEN_WORDS`` set off as speech (shorter
    ones are titles), and the clause after its last colon ("on pouvait lire : Stop the
    war now") when it holds no quotation mark and is no list ("Tags : Paris, police, …",
    a comma for every ``LIST_WORDS`` words or more)."""
    found = []
    for q0, q1 in quote_spans(text, longest=len(text)):
        inner = text[q0 + 1 : q1 - 1].strip()
        words = word_count(inner)
        if words < SPOKEN_WORDS or (q0 == 0 and q1 == len(text)):
            continue
        if words < QUOTE_WORDS and not _spoken(text, q0, q1, inner):
            continue
        found.append((text.index(inner, q0), inner, "quotation"))
    colon = text.rfind(": ")
    clause = text[colon + 2 :].strip() if colon > 0 else ""
    words = word_count(clause)
    listed = clause.count(",") * LIST_WORDS >= words
    if words >= SPOKEN_WORDS and not listed and not any(c in _QUOTE_OPEN or c in _QUOTE_CLOSE for c in clause):
        found.append((text.index(clause, colon), clause, "clause"))
    return found


def _spoken(text: str, q0: int, q1: int, inner: str) -> bool:
    """A short quotation set off as speech, not a title: it ends on its own punctuation
    ("We will not," he said), follows a colon, or opens the sentence before a comma or
    dash (« We will not », a-t-il dit)."""
    after = text[q1:].lstrip()[:1]
    return inner[-1] in _SPOKEN_END or text[:q0].rstrip().endswith(":") or (q0 == 0 and after in ",–—")


def _article_script(guesses: list[Guess], main: str) -> str:
    letters: Counter[str] = Counter()
    for g in guesses:
        if g.lang == main:
            letters[g.script] += g.letters
    return letters.most_common(1)[0][0] if letters else "latin"


def _short_runs(doc: Document, guesses, langs, main: str) -> list[list[int]]:
    """Runs of at least two consecutive short main-language sentences of one paragraph."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, sentence in enumerate(doc.sentences):
        short = not guesses[index].reliable and langs[index][0] == main
        if short and current and doc.sentences[current[-1]].paragraph == sentence.paragraph:
            current.append(index)
            continue
        if len(current) > 1:
            runs.append(current)
        current = [index] if short else []
    if len(current) > 1:
        runs.append(current)
    return runs


def _continues(previous, sentence, main: str, g_previous: Guess, g_sentence: Guess) -> bool:
    """The same paragraph and language; a short foreign sentence ("Foto: arxiu") joins a
    foreign neighbour whatever language ID made of it."""
    short = sentence.lang != main and not (g_previous.reliable and g_sentence.reliable)
    return previous.paragraph == sentence.paragraph and (previous.lang == sentence.lang or short)


def _substantial(doc: Document, index: int, g: Guess) -> bool:
    """Enough content words, and not a short quoted title."""
    if g.content < MIN_CONTENT:
        return False
    text = doc.text[doc.sentences[index].start : doc.sentences[index].end].rstrip(".!?")
    quoted = text[:1] in _QUOTE_OPEN and text[-1:] in _QUOTE_CLOSE
    return not (quoted and word_count(text) <= TITLE_WORDS)


def _is_caption(last_sentence: str, lang: str | None) -> bool:
    """The run ends like a caption credit: "Ảnh: Sputnik.", "Photo : AFP"."""
    head, colon, _ = last_sentence.partition(":")
    return bool(colon) and head.strip().casefold() in (table(lang) or {}).get("caption_cues", ())


def _beside_translation(doc: Document, run: list[int], main: str, lines) -> bool:
    """A neighbouring main-language line shares names and numbers with the run."""
    first, last = doc.sentences[run[0]], doc.sentences[run[-1]]
    anchors = _anchors(doc.text[first.start : last.end])
    for group in lines:
        if run[0] - 1 in group or run[-1] + 1 in group:
            line = [doc.sentences[i] for i in group]
            if all(s.lang == main for s in line):
                near = _anchors(doc.text[line[0].start : line[-1].end])
                if len(anchors & near) >= MIN_ANCHORS:
                    return True
    return False


def _anchors(text: str) -> set[str]:
    return {token.casefold() for token in _ANCHOR.findall(" " + text)}
