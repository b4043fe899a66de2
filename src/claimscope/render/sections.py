"""Rows of the report's sections, computed once from the view for every renderer."""

from __future__ import annotations

from typing import Any


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


def attribution_rows(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Attributions in text order, with a display name for the speaker."""
    return [
        {**a, "speaker": speaker_name(a), "quote": "direct" if a["direct"] else "indirect"}
        for a in view.get("attributions", [])
    ]
