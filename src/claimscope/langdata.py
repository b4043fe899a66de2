"""Per-language tables for the segment, language and traces stages.

One JSON file per language under ``claimscope/data/lang/<code>.json`` (documented in
docs/stages.md); ``_common.json`` holds the language-independent lists (news agencies,
social networks). Adding a language is adding a file: the code is generic.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "lang"

REQUIRED_KEYS = (
    "lang", "name", "abbreviations", "ordinal_period", "months", "month_abbreviations",
    "date_connectors", "date_orders", "numeric_date_orders", "quote_pairs", "boilerplate",
    "credit_cues", "agency_cues", "caption_cues", "compounding", "compound_prefixes",
    "compound_suffixes", "page_words",
)


@lru_cache(maxsize=None)
def tables() -> dict[str, dict]:
    """Every language table, keyed by ISO 639-1 code."""
    found = {}
    for path in sorted(DATA_DIR.glob("[a-z]*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        found[table["lang"]] = table
    return found


def table(lang: str | None) -> dict | None:
    """The table of ``lang``, or None when claimscope has none for it."""
    return tables().get(lang) if lang else None


@lru_cache(maxsize=1)
def common() -> dict:
    """The language-independent lists (``_common.json``)."""
    return json.loads((DATA_DIR / "_common.json").read_text(encoding="utf-8"))


def language_name(lang: str | None) -> str:
    """English name of ``lang`` for reasons ("French"), or the code itself."""
    found = table(lang)
    return found["name"] if found else (lang or "unknown")


def in_a(lang: str | None) -> str:
    """"a French" / "an English": the indefinite article with the language's name."""
    name = language_name(lang)
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
