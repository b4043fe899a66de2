"""Quotation marks and characters damaged by translation or copying (labels
``glued_quote``, ``broken_quotes``, ``encoding``, ``punctuation``, ``number_format``,
``mixed_script``; docs/stages.md, ``garbled_sentence``).

* ``glued_quotes``: an opening quotation mark stuck to the end of a word ("l'EI« Ils").
* ``quote_problems``: a quotation opened again before it was closed, closed by the mark
  of another pair ("« … ”", "„ … »", a straight quote closed by "»"), a closing mark
  with nothing open, or a quotation left open at the end of a paragraph when the next
  paragraph does not continue it.
* ``copy_damage``: text damaged by copying: mojibake ("Ã©", "â€™"), HTML entities
  ("&quot;"), the replacement character, a word mixing Latin and Cyrillic letters,
  a doubled quotation mark, a space before a comma or full stop, doubled commas; a
  number with English thousands separators where decimals take a comma ("3,000").
"""

from __future__ import annotations

import re
from functools import lru_cache

_GLUED_OPENERS = frozenset("«„")
_GUILLEMET_OPENERS = frozenset("«")
_GLUED = re.compile(r"(?<=[^\W\d_])[«„]")


def glued_quotes(text: str, table: dict | None) -> list[int]:
    """Offsets of opening quotation marks stuck to the end of a word."""
    openers = {pair[0] for pair in (table or {}).get("quote_pairs", ())} & _GLUED_OPENERS
    return [m.start() for m in _GLUED.finditer(text) if m.group() in openers]


def quote_problems(text: str, start: int, end: int, next_start: str, table: dict | None):
    """(start, end, reason) for unbalanced quotation marks in the paragraph ``text[start:end]``;
    ``end`` is None when the problem runs on from ``start`` (a quotation never closed).

    Where the table sets ``nested_quotes`` (Russian), a mark opened again with words
    between is a quotation inside a quotation ("«A «B» C»"), and a quotation whose inner
    one closed may share that closing mark (a name inside a name: «Заповедник «Лесной»);
    opened again with only white space between, it is damage (« « …).

    ``next_start`` is the first character of the next paragraph (a quotation may run on
    into a paragraph that opens with a quotation mark)."""
    openers, closers, pairs, marks = _quote_marks(table)
    nesting = (table or {}).get("nested_quotes", False)
    problems, stack, shared = [], [], set()
    for mark in marks.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char == '"':  # a straight quote closes whatever is open, or opens
            if stack:
                opened = stack.pop()
                if text[opened] in _GUILLEMET_OPENERS:  # "« … \"": two styles in one quotation
                    problems.append((opened, i + 1, f"{text[opened]} closed by {char}"))
            else:
                stack.append(i)
        elif char in openers:
            if stack and text[stack[-1]] == char and not (nesting and text[stack[-1] + 1 : i].strip()):
                problems.append((stack[-1], i + 1, f"{char} opened again before it was closed"))
            stack.append(i)
        elif stack:
            opened = stack.pop()
            if char not in pairs.get(text[opened], (char,)):
                problems.append((opened, i + 1, f"{text[opened]} closed by {char}"))
            elif nesting and stack and text[stack[-1]] == text[opened]:
                shared.add(stack[-1])  # «A «B»: the name's closing mark may close both
        else:
            problems.append((None, i + 1, f"{char} closes a quotation that was never opened"))
    stack = [opened for opened in stack if opened not in shared]
    if stack and next_start not in openers | {'"'}:
        problems.append((stack[0], None, f"{text[stack[0]]} never closed in its paragraph"))
    return problems


@lru_cache(maxsize=None)
def _quote_table(pairs: tuple[tuple[str, str], ...]):
    openers = {o for o, c in pairs} - {c for o, c in pairs}
    closers = {c for o, c in pairs} - {o for o, c in pairs}
    closing: dict[str, set[str]] = {'"': {'"', "”", "“"}}  # a straight quote: by curly quotes too
    for o, c in pairs:
        closing.setdefault(o, set()).add(c)
    marks = re.compile("[" + re.escape("".join(openers | closers | {'"'})) + "]")
    return openers, closers, closing, marks


def _quote_marks(table: dict | None):
    """(openers, closers, opener -> its closers, pattern finding both) of the table's
    unambiguous quote pairs."""
    return _quote_table(tuple(tuple(p) for p in (table or {}).get("quote_pairs", ())))


_SPEECH_DASH = re.compile(r'[»"”“],[ \u00a0]*[—–](?=\s)')
_COPY_DAMAGE = (
    ("encoding", re.compile(  # UTF-8 read as Latin-1 ("Ã©", "â€™", "Ð¿"), HTML entities, U+FFFD
        "[ÃÂÐÑÄÅ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122\u0153\u0161\u02dc]"
        "|&(?:amp|quot|apos|lt|gt|nbsp|#\\d{2,5}|#x[0-9a-fA-F]{2,4});|\ufffd"
    ), "text damaged by a wrong character encoding"),
    ("punctuation", re.compile(r'(["«»“”„])\1'), "quotation mark doubled"),
    ("punctuation", re.compile(r"[^\W\d_][»”\"')]? +[,.](?![.\w])"), "space before a comma or full stop"),
    ("punctuation", re.compile(r",,|,\.(?!\.)"), "doubled comma"),
    ("punctuation", re.compile(r"(?<![\w./@&])[^\W\d_]{2,}[,;][^\W\d_]{2,}(?![\w.]*\.\w)"), "no space after a comma"),
)
_LETTERS = re.compile(r"[^\W\d_]+")  # "Telegram-каналах" is two words
_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ENGLISH_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")


def copy_damage(sentence: str, table: dict | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, label, detail) of copy damage: a wrong encoding, HTML entities,
    doubled quotation marks, a space before a comma or full stop, doubled commas, two
    words joined by a comma or semicolon without a space ("liar,rampant"), a word
    mixing Latin and Cyrillic letters (look-alike letters swapped); in a language writing
    decimals with a comma (the table's ``decimal_comma``), a number with English
    thousands separators ("3,000"); where the table does not set ``speech_dash``
    (Russian and Ukrainian do), a quotation closed by a comma and a dash before its
    speaker ("„…", — meint er")."""
    found = [
        (m.start(), m.end(), label, f"{detail} “{m.group().strip()}”")
        for label, pattern, detail in _COPY_DAMAGE
        for m in pattern.finditer(sentence)
    ]
    if (table or {}).get("decimal_comma"):
        found += [
            (m.start(), m.end(), "number_format", f"number with English thousands separators “{m.group()}”")
            for m in _ENGLISH_THOUSANDS.finditer(sentence)
        ]
    if table is not None and not table.get("speech_dash"):
        found += [
            (m.start(), m.end(), "punctuation", f"a comma and a dash after a quotation, as Russian writes speech “{m.group().strip()}”")
            for m in _SPEECH_DASH.finditer(sentence)
        ]
    mixed = _LATIN.search(sentence) and _CYRILLIC.search(sentence)  # else no word can mix them
    for m in _LETTERS.finditer(sentence) if mixed else ():
        if _LATIN.search(m.group()) and _CYRILLIC.search(m.group()):
            found.append((m.start(), m.end(), "mixed_script", f"Latin and Cyrillic letters in one word “{m.group()}”"))
    return found
