"""The report view: one data dict per stored analysis, rendered by the API (JSON) and
the pages (HTML) alike.

The view is the stored report (docs/report-format.md, unchanged) with the desk's
state beside it: ``claims`` (the check-worthy ones, most check-worthy first, each with
its speaker, status and note) and ``matches`` (each with the desk's decision).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..render.sections import claim_rows
from .errors import NotFound


def report_view(analysis: dict[str, Any]) -> dict[str, Any]:
    report, statuses, decisions = analysis["report"], analysis["statuses"], analysis["decisions"]
    claims = [
        {"sentence": c["sentence"], "start": c["start"], "end": c["end"], "text": c["text"],
         "score": c["score"], "reasons": c["reasons"], "speaker": c["speaker"],
         "status": statuses.get(c["sentence"], {}).get("status", "to_check"),
         "note": statuses.get(c["sentence"], {}).get("note", "")}
        for c in claim_rows(report)
    ]
    matches = [{**m, "decision": decisions.get(m["factcheck_id"], {}).get("decision")}
               for m in report.get("matches", [])]
    return {"id": analysis["id"], "created_at": analysis["created_at"], "permalink": f"/analyses/{analysis['id']}",
            "claims": claims, "matches": matches, "flags": flags_of(report), "report": report}


def flags_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The flags of the main sourcing chain (with their reasons)."""
    chains = report.get("sourcing") or []
    return list(chains[0].get("flags", [])) if chains else []


def claim_of(view: dict[str, Any], sentence: int) -> dict[str, Any]:
    for claim in view["report"].get("claims", []):
        if claim["sentence"] == sentence:
            return claim
    raise NotFound(f"analysis {view['id']} has no sentence {sentence}")


def match_of(view: dict[str, Any], factcheck_id: str) -> dict[str, Any]:
    for match in view["matches"]:
        if match["factcheck_id"] == factcheck_id:
            return match
    raise NotFound(f"analysis {view['id']} has no suggested match {factcheck_id!r}")


def draft_claimreview(view: dict[str, Any], sentence: int) -> dict[str, Any]:
    """A ClaimReview (schema.org JSON-LD) prefilled from one claim of the analysis: the
    claim, who is said to make it, when and where it appeared; the verdict, the review's
    author and URL are left for the fact-checker."""
    claim = next((c for c in view["claims"] if c["sentence"] == sentence), None) or {
        **claim_of(view, sentence), "speaker": None}
    meta = view["report"]["article"]["meta"]
    item: dict[str, Any] = {"@type": "Claim"}
    if claim["speaker"]:
        item["author"] = {"@type": "Person", "name": claim["speaker"]}
    if meta.get("date"):
        item["datePublished"] = meta["date"]
    appearance = meta.get("url") or meta.get("canonical_url")
    if appearance:
        item["appearance"] = [{"@type": "CreativeWork", "url": appearance}]
    return {
        "@context": "https://schema.org", "@type": "ClaimReview",
        "claimReviewed": claim["text"], "itemReviewed": item,
        "datePublished": date.today().isoformat(), "inLanguage": view["report"]["language"].get("main"),
        "author": {"@type": "Organization", "name": ""}, "url": "",
        "reviewRating": {"@type": "Rating", "alternateName": "", "ratingValue": None,
                         "bestRating": None, "worstRating": None},
    }
