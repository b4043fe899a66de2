"""A learned second look at the article's lines: is this line page furniture?

Helper of the traces stage (docs/stages.md, ``boilerplate``). The rules of ``traces`` and
``furniture`` find furniture by its marker words and shapes; a line they miss may still
look like furniture by where it stands and how it is built. ``line_features`` describes
each line with a few named, language-independent features (its place among the lines,
its length, its punctuation and case, a prompt verb of the language opening it, the
page addressing the reader, the furniture found on its neighbours) and the shipped
ranker (``data/traces/boilerplate_lines.json``, fitted on the dev articles by
``bench/fit_boilerplate_lines.py``) scores it: ``scored_lines`` gives the scores of the
candidate lines the rules left; the stage keeps those above the ranker's threshold.
"""

from __future__ import annotations

import bisect
import math
import unicodedata
from functools import lru_cache

from . import furniture
from ..dates import find_dates
from ..langdata import tables

RANKER = "traces/boilerplate_lines.json"
MAX_LINE_WORDS = 30  # a longer line is prose; it is never scored


def kinds_by_line(lines, findings) -> list[set[str]]:
    """The finding kinds on each line (a finding over several lines on each of them)."""
    kinds: list[set[str]] = [set() for _ in lines]
    starts = [s for s, _, _ in lines]
    for f in findings:
        for number in range(max(bisect.bisect_right(starts, f.start) - 1, 0), bisect.bisect_left(starts, f.end)):
            kinds[number].add(f.kind)
    return kinds


def _final(line: str) -> str:
    stripped = line.rstrip(" »”“\"')]")
    return stripped[-1:] if stripped else ""


def _shape(line: str) -> tuple[bool, bool]:
    """(short, open): at most ``furniture.MAX_HEADLINE_WORDS`` words; no final full stop."""
    short = len(line) <= furniture.MAX_UNIT_CHARS and len(furniture.words(line)) <= furniture.MAX_HEADLINE_WORDS
    return short, _final(line) not in furniture.FINAL


@lru_cache(maxsize=None)
def _opening_lemmas(lang: str) -> frozenset[str]:
    """Lemmas of the prompt verbs of ``lang`` and English, every key."""
    keys = {k for code in (lang, "en") for k in tables().get(code, {}).get("prompt_verbs", {})}
    return frozenset().union(*(furniture._prompt_lemmas(lang, k) for k in keys)) if keys else frozenset()


def line_features(doc, lines, found: list[set[str]], numbers: list[int]) -> list[dict[str, float]]:
    """Named features of the lines ``numbers`` (``lines``: (start, end, group) of the
    traces stage; ``found``: the finding kinds the rules gave each line)."""
    texts = [doc.text[s:e] for s, e, _ in lines]
    prose = [n for n, t in enumerate(texts) if furniture.is_prose(t)]
    last_prose, first_prose = (prose[-1], prose[0]) if prose else (len(lines), len(lines))
    lang = doc.language or ""
    notice = furniture.notice_words(doc.language)
    rows = []
    for n in numbers:
        line = texts[n]
        tokens = furniture.words(line)
        raw = line.split()
        short, open_ = _shape(line)
        capitals = sum(w[:1].isupper() for w in raw) / len(raw) if raw else 0.0
        lead = line.strip()[:1]
        from_end = len(lines) - 1 - n
        row = {
            "log_words": math.log1p(len(tokens)),
            "no_final": float(open_),
            "ends_colon": float(_final(line) in ":："),
            "capitals": capitals,
            "digits": sum(c.isdigit() for c in line) / max(len(line), 1),
            "symbol_lead": float(bool(lead) and (lead in furniture._BULLETS or lead in furniture._ARROWS
                                                 or unicodedata.category(lead) == "So")),
            "menu_parts": float(len(furniture.segments(line)) > 1),
            "quoted": float(any(m in line for m in "«»“”„\"")),
            "date": float(bool(find_dates(line))),
            "caption": float(bool(tokens) and tokens[0] in furniture.caption_words()),
            "closing3": float(from_end < 3),
            "after_prose": float(n > last_prose),
            "before_prose": float(0 < n < first_prose),
            "prompt_verb": float(bool(tokens and lang and furniture._lemma(lang, tokens[0].split("-")[0]) in _opening_lemmas(lang))),
            "you": float(bool(notice["you"].found_in(tokens) or notice["ours"].found_in(tokens))),
            "page_noun": float(bool(furniture._positions(tokens, notice["page"], doc.language, notice["page_lemmas"]))),
        }
        neighbours = [m for m in (n - 1, n + 1) if 0 < m < len(lines)]
        # furniture beside a line that does not end like a sentence (a sentence after a
        # share button is the article going on)
        row["prev_furniture"] = float(open_ and n - 1 in neighbours and "boilerplate" in found[n - 1])
        row["next_furniture"] = float(open_ and n + 1 in neighbours and "boilerplate" in found[n + 1])
        row["list_item"] = float(short and open_ and any(_shape(texts[m]) == (True, True) for m in neighbours))
        rows.append(row)
    return rows


def candidate(line: str) -> bool:
    """A line the ranker may score: at most ``MAX_LINE_WORDS`` words, at least one of
    them with letters (not a rule of dashes), not only a name (a byline or a signature:
    at most ``furniture.MAX_NAME_WORDS`` words, all capitalised)."""
    raw = line.split()
    name = len(raw) <= furniture.MAX_NAME_WORDS and all(furniture._capitalised(w) for w in raw)
    return len(raw) <= MAX_LINE_WORDS and bool(furniture.words(line)) and not name


def scored_lines(doc, lines, found: list[set[str]], ranker) -> list[tuple[int, float]]:
    """(line number, score) of the candidate lines the rules left unmarked (not the headline)."""
    numbers = [n for n in range(1, len(lines)) if not found[n] and candidate(doc.text[lines[n][0] : lines[n][1]])]
    return [(n, ranker.score(row)) for n, row in zip(numbers, line_features(doc, lines, found, numbers))]
