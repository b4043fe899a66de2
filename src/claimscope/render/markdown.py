"""The Markdown report (for pasting into a ticket or a newsroom chat).

Nothing from the article, its page or the fact-check store is interpreted: HTML
(``<script>``, ``<img onerror=...>``) is written as entities, the characters that
make links, images, emphasis and code (``[ ] * _ ` ~``) are backslash-escaped,
line breaks are flattened, control characters are shown as escapes, and the
sourcing tree sits in a code fence longer than any backtick run it holds.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .labels import language_counts, shorten
from .chain import tree
from .safe import terminal_text
from .sections import Section, main_chain, sections

_MARKUP = re.compile(r"([\\`*_\[\]~|])")
_BACKTICKS = re.compile(r"`+")


def text(value: str) -> str:
    """``value`` as inert inline Markdown on one line."""
    flat = terminal_text(" ".join(str(value).split()))
    return _MARKUP.sub(r"\\\1", html.escape(flat, quote=False))


def _cell(value: str, quoted: bool = False) -> str:
    cell = text(shorten(value, 160))
    return f"“{cell}”" if quoted else cell


def _fenced(block: str) -> list[str]:
    """``block`` in a code fence that nothing inside it can close."""
    fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(block)), default=0))
    return [fence, terminal_text(block), fence]


def render(view: dict[str, Any]) -> str:
    meta = view["article"]["meta"]
    lines = [f"# {text(meta.get('title') or 'Untitled article')}", ""]
    for key in ("source", "url", "site_name", "author", "date"):
        if meta.get(key):
            lines.append(f"- **{key.replace('_', ' ')}**: {text(meta[key])}")
    langs = ", ".join(f"{lang} ({n})" for lang, n in language_counts(view))
    lines += [
        f"- **main language**: {text(view['language']['main'] or 'unknown')}",
        f"- **sentences by language**: {text(langs or 'none')}",
        "",
    ]
    if view.get("triage"):
        lines += ["## Triage", "", *(f"- {text(line)}" for line in view["triage"]), ""]
    for section in sections(view):
        lines += _section(section)
        if section.key == "sourcing" and main_chain(view):
            lines += [*_fenced(tree(main_chain(view))), ""]
    lines += [f"_claimscope {view['claimscope_version']} · {view['schema']}_", ""]
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    lines = [f"## {text(section.title)}", ""]
    if not section.rows:
        return lines + [text(section.empty), ""]
    lines.append("| " + " | ".join(text(c) for c in section.columns) + " |")
    lines.append("|" + "---|" * len(section.columns))
    for row in section.rows:
        cells = (_cell(value, i in section.quoted) for i, value in enumerate(row))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]
