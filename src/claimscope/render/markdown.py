"""The Markdown report (for pasting into a ticket or a newsroom chat)."""

from __future__ import annotations

from typing import Any

from .labels import kind_title, language_counts, shorten


def _cell(text: str) -> str:
    return shorten(text, 120).replace("|", "\\|")


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
        f"## Translation damage and copy traces ({len(view.get('findings', []))})",
        "",
    ]
    findings = view.get("findings", [])
    if not findings:
        lines.append("None found.")
    else:
        lines += ["| Kind | Evidence | Why | Offsets |", "|---|---|---|---|"]
        for f in findings:
            kind = kind_title(f["kind"]) + (f" ({f['lang']})" if f.get("lang") else "")
            lines.append(
                f"| {kind} | “{_cell(f['text'])}” | {_cell(f['reason'])} | {f['start']}–{f['end']} |"
            )
    lines += ["", f"_claimscope {view['claimscope_version']} · {view['schema']}_", ""]
    return "\n".join(lines)
