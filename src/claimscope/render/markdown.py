"""The Markdown report (for pasting into a ticket or a newsroom chat)."""

from __future__ import annotations

from typing import Any

from .labels import language_counts, shorten
from .chain import tree
from .sections import Section, main_chain, sections


def _cell(text: str, quoted: bool = False) -> str:
    cell = shorten(text, 160).replace("|", "\\|")
    return f"“{cell}”" if quoted else cell


def render(view: dict[str, Any]) -> str:
    meta = view["article"]["meta"]
    lines = [f"# {meta.get('title') or 'Untitled article'}", ""]
    for key in ("source", "url", "site_name", "author", "date"):
        if meta.get(key):
            lines.append(f"- **{key.replace('_', ' ')}**: {meta[key]}")
    langs = ", ".join(f"{lang} ({n})" for lang, n in language_counts(view))
    lines += [
        f"- **main language**: {view['language']['main'] or 'unknown'}",
        f"- **sentences by language**: {langs or 'none'}",
        "",
    ]
    if view.get("triage"):
        lines += ["## Triage", "", *(f"- {line}" for line in view["triage"]), ""]
    for section in sections(view):
        lines += _section(section)
        if section.key == "sourcing" and main_chain(view):
            lines += ["```", tree(main_chain(view)), "```", ""]
    lines += [f"_claimscope {view['claimscope_version']} · {view['schema']}_", ""]
    return "\n".join(lines)


def _section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    if not section.rows:
        return lines + [section.empty, ""]
    lines.append("| " + " | ".join(section.columns) + " |")
    lines.append("|" + "---|" * len(section.columns))
    for row in section.rows:
        cells = (_cell(value, i in section.quoted) for i, value in enumerate(row))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]
