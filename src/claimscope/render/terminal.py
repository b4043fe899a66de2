"""The terminal report (rich).

Every piece of text is a rich ``Text`` (never parsed as markup) that went through
:func:`claimscope.render.safe.terminal_text` (no control character reaches the terminal).
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .labels import language_counts, shorten
from .chain import tree
from .safe import terminal_text
from .sections import Section, main_chain, sections


def render(view: dict[str, Any], width: int = 100, color: bool = False) -> str:
    """The report as terminal text; ANSI colours only when ``color``."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color)
    console.print(renderable(view))
    return buffer.getvalue()


def renderable(view: dict[str, Any]) -> Group:
    parts = [_header(view)]
    for section in sections(view):
        parts.append(_table(section))
        if section.key == "sourcing" and main_chain(view):
            parts.append(Text(terminal_text(tree(main_chain(view))) + "\n"))
    return Group(*parts)


def _header(view: dict[str, Any]) -> Panel:
    meta = view["article"]["meta"]
    lines = Text()
    for key in ("source", "site_name", "author", "date"):
        if meta.get(key):
            lines.append(f"{key.replace('_', ' ')}: ", style="bold").append(f"{terminal_text(str(meta[key]))}\n")
    langs = ", ".join(f"{lang} {n}" for lang, n in language_counts(view))
    lines.append("main language: ", style="bold").append(f"{view['language']['main'] or 'unknown'}")
    lines.append(f"   (sentences: {langs or 'none'})")
    for line in view.get("triage", []):
        lines.append("\n").append(terminal_text(line))
    title = Text(terminal_text(shorten(meta.get("title") or "Untitled article", 80)), style="bold")
    return Panel(lines, title=title, title_align="left")


def _table(section: Section) -> Table | Text:
    if not section.rows:
        return Text(terminal_text(f"{section.title}: {section.empty}") + "\n")
    table = Table(title=Text(terminal_text(section.title)), title_justify="left", expand=True)
    for column in section.columns:
        table.add_column(column)
    for row in section.rows:
        # Text objects, never markup strings: article text must not be parsed as rich markup.
        table.add_row(*(_cell(value, i in section.quoted) for i, value in enumerate(row)))
    return table


def _cell(value: str, quoted: bool) -> Text:
    return Text(terminal_text(f"“{shorten(value, 200)}”" if quoted else value))
