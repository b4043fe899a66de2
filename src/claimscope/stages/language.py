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
from dataclasses import replace

from ..model import Document, Finding, stage_tag
from ..langdata import in_a, language_name, table
from .langguess import (
    MIN_CONTENT, QUOTE_WORDS, TITLE_WORDS, Guess, by_words, foreign_language, guess, main_language, word_count,
)
from .segment import line_groups, quote_spans

MIN_ANCHORS = 2
SPOKEN_WORDS = 4  # a quotation this long (shorter than QUOTE_WORDS) is checked when set off as speech
LIST_WORDS = 3  # a clause with a comma for every this many words is a list, not a sentence
QUOTE_LETTERS = 12  # word evidence decides on a quotation from this many letters (a sentence: MIN_LETTERS)
_SPOKEN_END = ".!?…,"
_ANCHOR = re.compile(r"(?<=\s)[A-ZÀ-ÝĐА-Я][\w-]+|\d+")
_QUOTE_OPEN = "«“„\"'‘「『"
_QUOTE_CLOSE = "»”“\"'’」』"


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
                checked = g.content >= MIN_CONTENT and (what == "quotation" or by_words(g, main, QUOTE_LETTERS))
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
