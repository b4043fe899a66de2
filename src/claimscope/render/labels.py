"""Human names and one-line explanations of finding kinds, shared by all renderers."""

from __future__ import annotations

KIND_TITLES = {
    "untranslated_fragment": "Untranslated fragment",
    "foreign_dateline": "Foreign dateline or date format",
    "garbled_sentence": "Garbled sentence",
    "boilerplate": "Copied boilerplate",
    "credit_line": "Credit line",
}


REASONS = {
    "number": "a number",
    "named_entity": "named entities",
    "comparison": "a comparison",
    "causal": "a causal claim",
    "reported": "a reported statement",
}


def reasons_text(reasons: list[str]) -> str:
    """Why a sentence is check-worthy, in words."""
    return ", ".join(REASONS.get(r, r.replace("_", " ")) for r in reasons)


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind, kind.replace("_", " ").capitalize())


def shorten(text: str, width: int = 90) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def language_counts(view: dict) -> list[tuple[str, int]]:
    """(language, number of sentences) pairs, most frequent first."""
    counts: dict[str, int] = {}
    for sentence in view.get("sentences", []):
        lang = sentence.get("lang") or "?"
        counts[lang] = counts.get(lang, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
