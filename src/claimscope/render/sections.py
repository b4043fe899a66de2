"""The report's sections as plain tables, computed once from the view for every renderer.

Each renderer (terminal, Markdown, HTML) draws the same :class:`Section` list, so
adding a section here adds it to every format. Cells are plain strings; renderers
escape them for their format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .chain import EVIDENCE, hop_label
from .labels import kind_title, reasons_text


@dataclass(frozen=True)
class Section:
    key: str  # stable id (HTML anchor)
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    empty: str  # what to say when there are no rows
    quoted: tuple[int, ...] = ()  # columns holding article text (quoted, shortened)
    row_ids: list[str] = field(default_factory=list)


def ran(view: dict[str, Any], stage: str) -> bool:
    """Whether the stage named ``stage`` ran (its section is shown only then)."""
    return any(tag.split("@", 1)[0] == stage for tag in view.get("stages", []))


def speaker_name(attribution: dict[str, Any]) -> str:
    """Who an attribution names: the normalised entity, else the span, else anonymous."""
    if attribution.get("anonymous"):
        return "anonymous: " + (attribution.get("speaker_text") or "unnamed source")
    return attribution.get("speaker_entity") or attribution.get("speaker_text") or "unnamed"


def claim_rows(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Check-worthy claims, most check-worthy first, with who is said to make them."""
    attributions = view.get("attributions", [])
    rows = []
    for claim in view.get("claims", []):
        if not claim["checkworthy"]:
            continue
        index = claim.get("attribution")
        speaker = speaker_name(attributions[index]) if index is not None else None
        rows.append({**claim, "speaker": speaker})
    return sorted(rows, key=lambda row: (-row["score"], row["start"]))


def _claims(view: dict[str, Any]) -> Section:
    rows = claim_rows(view)
    return Section(
        "claims", f"Check-worthy claims ({len(rows)})", ("Score", "Claim", "Why", "Said by"),
        [(f"{r['score']:.2f}", r["text"], reasons_text(r["reasons"]), r["speaker"] or "") for r in rows],
        "None found.", quoted=(1,), row_ids=[f"claim-{r['sentence']}" for r in rows],
    )


def _attributions(view: dict[str, Any]) -> Section:
    rows = view.get("attributions", [])
    return Section(
        "attributions", f"Who says what ({len(rows)})", ("Speaker", "Cue", "Content", "Quote"),
        [
            (speaker_name(a), a["cue_text"], a["content_text"], "direct" if a["direct"] else "indirect")
            for a in rows
        ],
        "No attributions found.", quoted=(2,),
    )


def _findings(view: dict[str, Any]) -> Section:
    rows = view.get("findings", [])
    return Section(
        "findings", f"Translation damage and copy traces ({len(rows)})",
        ("Kind", "Evidence", "Why", "Offsets"),
        [
            (
                kind_title(f["kind"]) + (f" ({f['lang']})" if f.get("lang") else ""),
                f["text"], f["reason"], f"{f['start']}–{f['end']}",
            )
            for f in rows
        ],
        "None found.", quoted=(1,), row_ids=[f"finding-{i}" for i in range(len(rows))],
    )


def main_chain(view: dict[str, Any]) -> dict[str, Any] | None:
    """The sourcing chain of the main claim, when the sourcing stage found one."""
    chains = view.get("sourcing") or []
    return chains[0] if chains else None


def _sourcing(view: dict[str, Any]) -> Section:
    chain = main_chain(view)
    hops = chain["hops"] if chain else []
    count = f", {chain['independent_sources']} independent source(s)" if chain else ""
    return Section(
        "sourcing", f"Sourcing chain of the main claim{count}", ("#", "Who", "Facts", "Evidence"),
        [
            (
                str(i), hop["name"], hop_label(hop)[len(hop["name"]):].strip(),
                f"{EVIDENCE.get(hop.get('evidence'), hop.get('evidence'))}: “{hop['text']}”"
                if hop.get("text") else "",
            )
            for i, hop in enumerate(hops)
        ],
        "No sourcing chain found.",
    )


def _flags(view: dict[str, Any]) -> Section:
    chain = main_chain(view)
    flags = chain["flags"] if chain else []
    return Section(
        "flags", f"Sourcing flags ({len(flags)})", ("Flag", "Why", "Evidence"),
        [(f["kind"], f["reason"], f.get("text") or "") for f in flags],
        "None raised.", quoted=(2,),
    )


def _matches(view: dict[str, Any]) -> Section:
    rows = view.get("matches", [])
    return Section(
        "matches", f"Already fact-checked ({len(rows)})",
        ("Verdict", "Fact-check", "Publisher", "Date", "Link", "Confidence", "Matched sentence"),
        [
            (m["verdict"].replace("_", " ") + (f" ({m['rating']})" if m.get("rating") else ""), m["claim"],
             m.get("publisher") or "", m.get("review_date") or "", m.get("review_url") or "",
             f"{m['confidence']:.2f}", m["text"])
            for m in rows
        ],
        "No existing fact-check matches (or no fact-check database: see `claimscope factchecks import`).",
        quoted=(6,),
    )


# (stage whose run shows the section, builder), in report order.
_SECTIONS: list[tuple[str, Callable[[dict[str, Any]], Section]]] = [
    ("matching", _matches),
    ("sourcing", _sourcing),
    ("sourcing", _flags),
    ("claims", _claims),
    ("attribution", _attributions),
    ("language", _findings),
]


def sections(view: dict[str, Any]) -> list[Section]:
    """The sections of the report, for the stages that ran; notices first, when any."""
    notices = view.get("notices", [])
    first = [Section("notices", "Notices", ("Notice",), [(n,) for n in notices], "")] if notices else []
    return first + [build(view) for stage, build in _SECTIONS if ran(view, stage)]
