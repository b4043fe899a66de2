"""The terminal report (rich)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .labels import kind_title, language_counts, shorten
from .sections import attribution_rows, claim_rows, ran


def render(view: dict[str, Any], width: int = 100, color: bool = False) -> str:
    """The report as terminal text; ANSI colours only when ``color``."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color)
    console.print(renderable(view))
    return buffer.getvalue()


def renderable(view: dict[str, Any]) -> Group:
    return Group(_header(view), _claims(view), _attributions(view), _findings(view))


def _header(view: dict[str, Any]) -> Panel:
    meta = view["article"]["meta"]
    lines = Text()
    for key in ("source", "site_name", "author", "date"):
        if meta.get(key):
            lines.append(f"{key.replace('_', ' ')}: ", style="bold").append(f"{meta[key]}\n")
    langs = ", ".join(f"{lang} {n}" for lang, n in language_counts(view))
    lines.append("main language: ", style="bold").append(f"{view['language']['main'] or 'unknown'}")
    lines.append(f"   (sentences: {langs or 'none'})")
    title = Text(shorten(meta.get("title") or "Untitled article", 80), style="bold")
    return Panel(lines, title=title, title_align="left")


def _findings(view: dict[str, Any]) -> Table | Text:
    findings = view.get("findings", [])
    title = f"Translation damage and copy traces ({len(findings)})"
    if not findings:
        return Text(f"{title}: none found.\n")
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    table.add_column("Kind", style="bold", no_wrap=True)
    table.add_column("Evidence", ratio=3)
    table.add_column("Why", ratio=2)
    table.add_column("Offsets", no_wrap=True)
    for f in findings:
        kind = kind_title(f["kind"]) + (f" ({f['lang']})" if f.get("lang") else "")
        # Text objects, never markup strings: article text must not be parsed as rich markup.
        table.add_row(
            Text(kind),
            Text(f"“{shorten(f['text'], 160)}”"),
            Text(f["reason"]),
            Text(f"{f['start']}–{f['end']}"),
        )
    return table


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    for name in columns:
        table.add_column(name)
    return table


def _claims(view: dict[str, Any]) -> Table | Text:
    if not ran(view, "claims"):
        return Text()
    rows = claim_rows(view)
    title = f"Check-worthy claims ({len(rows)})"
    if not rows:
        return Text(f"{title}: none found.\n")
    table = _table(title, ["Score", "Claim", "Why", "Said by"])
    for row in rows:
        table.add_row(
            Text(f"{row['score']:.2f}"),
            Text(shorten(row["text"], 200)),
            Text(", ".join(row["reasons"])),
            Text(row["speaker"] or ""),
        )
    return table


def _attributions(view: dict[str, Any]) -> Table | Text:
    if not ran(view, "attribution"):
        return Text()
    rows = attribution_rows(view)
    title = f"Who says what ({len(rows)})"
    if not rows:
        return Text(f"{title}: no attributions found.\n")
    table = _table(title, ["Speaker", "Cue", "Content", "Quote"])
    for row in rows:
        table.add_row(
            Text(row["speaker"]),
            Text(row["cue_text"]),
            Text(f"“{shorten(row['content_text'], 160)}”"),
            Text(row["quote"]),
        )
    return table
