"""Text from articles, pages and feeds made inert for a terminal or a JSON document.

Stored or fetched text may hold control characters (``ESC[2J`` clears a screen,
``ESC]0;...`` retitles a window, ``CR`` overwrites a line) and bidirectional
overrides that reorder what is shown. Every terminal output passes such text
through :func:`terminal_text`, every JSON output goes through :func:`to_json`:
the characters stay visible as escapes (``\\x1b``) and are never executed.
"""

from __future__ import annotations

import json
import re

from ..errors import printable

_BUT_TABS_AND_NEWLINES = re.compile(r"[^\t\n]+")
# What json.dumps leaves raw but a terminal or a <script> block may act on (C0 it escapes itself).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: str) -> str:
    """``text`` with every control character shown as an escape, as in error messages; tab and newline kept."""
    return _BUT_TABS_AND_NEWLINES.sub(lambda part: printable(part.group()), text)


def to_json(data, **options) -> str:
    """``json.dumps`` (non-ASCII kept) with the characters it leaves raw escaped as ``\\uXXXX``.

    Valid JSON that decodes to the same data: those characters can only occur inside strings.
    """
    text = json.dumps(data, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
