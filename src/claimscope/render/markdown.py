"""The Markdown report (for pasting into a ticket or a newsroom chat)."""

from __future__ import annotations

from typing import Any

from .labels import kind_title, language_counts, shorten
from .sections import attribution_rows, claim_rows, ran


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
        *_claims(view),
        *_attributions(view),
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


def _claims(view: dict[str, Any]) -> list[str]:
    if not ran(view, "claims"):
        return []
    rows = claim_rows(view)
    lines = [f"## Check-worthy claims ({len(rows)})", ""]
    if not rows:
        return lines + ["None found.", ""]
    lines += ["| Score | Claim | Why | Said by |", "|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {row['score']:.2f} | {_cell(row['text'])} | {', '.join(row['reasons'])} "
            f"| {_cell(row['speaker'] or '')} |"
        )
    return lines + [""]


def _attributions(view: dict[str, Any]) -> list[str]:
    if not ran(view, "attribution"):
        return []
    rows = attribution_rows(view)
    lines = [f"## Who says what ({len(rows)})", ""]
    if not rows:
        return lines + ["No attributions found.", ""]
    lines += ["| Speaker | Cue | Content | Quote |", "|---|---|---|---|"]
    for row in rows:
        lines.append(
            f"| {_cell(row['speaker'])} | {_cell(row['cue_text'])} | “{_cell(row['content_text'])}” "
            f"| {row['quote']} |"
        )
    return lines + [""]
