"""Stage ``segment``: paragraphs, lines and sentences, as tight character spans.

* A paragraph is a block of text between blank lines.
* Inside a paragraph a single line break is a hard sentence boundary (captions,
  titles and datelines usually sit on their own line), unless the text is hard-wrapped
  there: the line ends on a lower-case letter or a comma and the next one starts in
  lower case.
* Inside a line a sentence ends at ``. ! ? … ؟ ۔`` (plus any closing quotes or
  brackets) followed by white space and a character that can start a sentence
  (not a lower-case letter; after the CJK ``。！？`` no space is needed), unless the full stop ends an abbreviation from the
  language table, an initial ("J. Smith"), a dotted abbreviation ("U.S.", "т.е."),
  a German/Polish ordinal ("3. Oktober"), or the boundary lies inside a short
  quotation that closes later on the same line.
* Two sentences glued at a full stop without a space ("directeur.Les habitants") are
  split before the capital, where fusions.py (``fused_sentences``, which the traces
  stage reports) finds the join: known words on both sides, no abbreviation, domain,
  initial or number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import langid
from ..model import Document, Paragraph, Sentence
from ..langdata import common, table
from .fusions import fused_sentences

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_BOUNDARY = re.compile(
    r"(?:\.{2,}|[.!?…؟۔]+)(?:[\"'»«”“’‘)\]]|[^\S\n]+[»”](?=\s|$))*(?=\s)"
    r"|[。！？]+[」』”）)]*"  # CJK full stops need no space after them
)
_LAST_TOKEN = re.compile(r"\S+$")
_DOTTED = re.compile(r"(?:\w{1,3}\.)+-?\w{1,3}")
_QUOTE_MARK = re.compile("[«»“”„\"「」『』]")
_ALWAYS_OPENING = frozenset("「『")  # CJK corner brackets: which side is never in doubt
_NEVER_OPENING = frozenset("」』")
_ALWAYS_CLOSING = frozenset("»”")
_OPEN_CONTEXT = frozenset(" \t([{«„“\"'")
_NO_START = frozenset(",;:)]}»”")
MAX_QUOTE = 250  # a quotation longer than this is split into sentences like prose
GUESS_CHARS = 1500  # how much text the abbreviation-table guess looks at


@dataclass(frozen=True)
class Rules:
    """What sentence splitting needs from a language table."""

    abbreviations: frozenset[str]
    ordinal_period: bool
    lang: str | None = None  # the language whose word list finds glued full stops


@lru_cache(maxsize=None)
def rules_for(lang: str | None) -> Rules:
    """Splitting rules of ``lang``; English abbreviations are always included
    (English datelines and titles are the most common foreign leftovers)."""
    tables = [t for t in (table(lang), table("en")) if t]
    abbreviations = set()
    for found in tables:
        for abbr in found["abbreviations"]:
            abbreviations.update((abbr, abbr[:1].upper() + abbr[1:]))
        abbreviations.update(found["month_abbreviations"])
    ordinal = bool(tables and tables[0]["ordinal_period"] and tables[0]["lang"] == lang)
    return Rules(frozenset(abbreviations), ordinal, lang)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Tight (start, end) spans of the blank-line separated blocks of ``text``."""
    spans, pos = [], 0
    for gap in _BLANK_LINE.finditer(text):
        spans.append((pos, gap.start()))
        pos = gap.end()
    spans.append((pos, len(text)))
    return [tight for span in spans if (tight := _tighten(text, *span))]


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Tight spans of the non-empty lines of ``text[start:end]``; a hard-wrapped line
    (ending on a lower-case word or a comma, the next starting in lower case) is
    joined to the next one."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if tight := _tighten(text, pos, stop):
            if spans and _wrapped(text, spans[-1][1], tight[0]):
                tight = (spans.pop()[0], tight[1])
            spans.append(tight)
        pos = stop + 1
    return spans


def _wrapped(text: str, line_end: int, next_start: int) -> bool:
    last, first = text[line_end - 1], text[next_start]
    return (last.islower() or last in ",;") and first.islower()


def sentence_spans(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    """Tight sentence spans of one line ``text[start:end]`` (no line breaks inside)."""
    line = text[start:end]
    quoted = quote_spans(line)
    cuts = {mark.end() for mark in _BOUNDARY.finditer(line) if _is_boundary(line, mark, rules, quoted)}
    cuts.update(cut for cut in _glued_stops(line, rules.lang) if not any(q0 < cut < q1 for q0, q1 in quoted))
    spans, pos = [], 0
    for cut in sorted(cuts):
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, len(line)))
    return [
        (start + s, start + e) for span in spans if (tight := _tighten(line, *span)) for s, e in [tight]
    ]


def _glued_stops(line: str, lang: str | None) -> list[int]:
    """Where a sentence glued to the one before it at a full stop starts with a capital."""
    found = fused_sentences(line, lang, table(lang), frozenset(common()["domain_endings"])) if lang else []
    return [cut for _, _, cut in found if line[cut].isupper()]


def _tighten(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_boundary(line: str, mark: re.Match, rules: Rules, quoted) -> bool:
    nxt = _next_visible(line, mark.end())
    if nxt is None or nxt.islower() or nxt in _NO_START:
        return False
    if any(q0 < mark.start() and mark.end() < q1 for q0, q1 in quoted):
        return False
    if mark.group() != ".":
        return True
    return not _ends_abbreviation(line, mark.start(), rules)


def _next_visible(line: str, pos: int) -> str | None:
    for char in line[pos : pos + 8]:
        if not char.isspace():
            return char
    return None


def _ends_abbreviation(line: str, dot: int, rules: Rules) -> bool:
    last = _LAST_TOKEN.search(line, max(0, dot - 40), dot)
    token = last.group().lstrip("([{«„“\"'") if last else ""
    if not token:
        return False
    if token in rules.abbreviations or _DOTTED.fullmatch(token):
        return True
    if token.isupper() and token.capitalize() in rules.abbreviations:
        return True  # "ST. LOUIS", "DR. SMITH"
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return rules.ordinal_period and token.isdigit() and len(token) <= 2


def quote_spans(line: str, longest: int = MAX_QUOTE) -> list[tuple[int, int]]:
    """(open, close+1) of quotations that open and close in ``line``, at most ``longest`` long."""
    spans, stack = [], []
    for mark in _QUOTE_MARK.finditer(line):
        i, char = mark.start(), mark.group()
        prev = line[i - 1] if i else " "
        nxt = line[i + 1] if i + 1 < len(line) else " "
        if char in _ALWAYS_OPENING or char in _NEVER_OPENING:
            opening = char in _ALWAYS_OPENING
        elif char in _ALWAYS_CLOSING:
            opening = prev in _OPEN_CONTEXT and nxt.isalnum()
        else:
            opening = prev in _OPEN_CONTEXT
        if opening:
            stack.append(i)
        elif stack:
            begin = stack.pop()
            if i + 1 - begin <= longest:
                spans.append((begin, i + 1))
    return spans


def _guess_language(text: str) -> str | None:
    return langid.best(text[:GUESS_CHARS])[0]


class Segment:
    """Split the article into paragraphs and sentences (see the module docstring)."""

    name = "segment"
    version = "1"
    requires = ("text",)
    provides = ("paragraphs", "sentences")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        rules = rules_for(doc.language or _guess_language(text))
        paragraphs, sentences = [], []
        for index, (p0, p1) in enumerate(paragraph_spans(text)):
            paragraphs.append(Paragraph(p0, p1))
            for l0, l1 in line_spans(text, p0, p1):
                sentences.extend(Sentence(s, e, index) for s, e in sentence_spans(text, l0, l1, rules))
        return doc.evolve(paragraphs=tuple(paragraphs), sentences=tuple(sentences))


def line_groups(doc: Document) -> list[list[int]]:
    """Indices of ``doc.sentences`` grouped by the line they sit on, in order."""
    groups: list[list[int]] = []
    previous = None
    for index, sentence in enumerate(doc.sentences):
        same_line = (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and doc.text.find("\n", previous.end, sentence.start) < 0
        )
        if same_line:
            groups[-1].append(index)
        else:
            groups.append([index])
        previous = sentence
    return groups
