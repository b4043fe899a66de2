"""Dates written with month names or as d/m/y numbers, and whether their form fits a language.

Month names, the connectors between day, month and year ("de", "of", "năm"), the
orders a language writes (``date_orders``: "dm" = 14 novembre, "md" = November 14)
and its numeric orders (``numeric_date_orders``: "dmy", "mdy", "ymd") all come from
the language tables. A date is foreign to a language when its month name is not one
of the language's, or its order is not one the language uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .langdata import in_a, language_name, tables

_TIME = r"(?:,?\s+(?:[^\W\d_]{1,4}\s+)?\d{1,2}[:h]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?)?"
_WORD = re.compile(r"[^\W\d_]+")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)")


@dataclass(frozen=True)
class DateMention:
    """A date found in text: span, order and the languages its month name belongs to."""

    start: int
    end: int
    order: str  # "md", "dm", "my" (no day: order says nothing), "dmy", "mdy"
    langs: frozenset[str]  # languages whose month names include it; empty for numeric dates
    iso: str | None  # YYYY-MM-DD when year, month and day are known
    month: int | None = None  # when the languages of its month name agree on the number
    year: int | None = None


@lru_cache(maxsize=1)
def _months() -> dict[str, dict[str, tuple[int, bool]]]:
    """casefolded month name -> {lang: (month number, written lower-case)}."""
    found: dict[str, dict[str, tuple[int, bool]]] = {}
    for lang, table in tables().items():
        names = {**table["months"], **table["month_abbreviations"]}
        for name, number in names.items():
            found.setdefault(name.casefold(), {})[lang] = (number, name[:1].islower())
    return found


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Patterns anchored at a month name ("md", "my") or at the day before it ("dm")."""
    months = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    connectors = {c for t in tables().values() for c in t["date_connectors"]}
    conn = "|".join(re.escape(c) for c in sorted(connectors, key=len, reverse=True))
    month = rf"(?P<m>{months})(?!\w)"
    year = r"(?P<y>\d{4})(?!\d)"
    day_first = rf"(?P<d>\d{{1,2}})(?:\.|er|º|st|nd|rd|th|-?го)?\s(?:(?:{conn})\s)?"
    flags = re.IGNORECASE
    return {
        "md": re.compile(rf"{month}\.?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s{year})?{_TIME}", flags),
        "my": re.compile(rf"{month},?\s(?:(?:{conn})\s)?{year}{_TIME}", flags),
        "dm": re.compile(rf"{day_first}{month}(?:,?\s(?:(?:{conn})\s)?{year})?{_TIME}", flags),
        "day_before": re.compile(rf"(?<![\w.]){day_first}$", flags),
    }


@lru_cache(maxsize=1)
def _month_heads() -> frozenset[str]:
    """First words of the month names: only these positions are tried."""
    return frozenset(name.split()[0] for name in _months())


def find_dates(text: str) -> list[DateMention]:
    """Dates written with a month name or as unambiguous d/m/y numbers, in text order."""
    patterns, heads = _patterns(), _month_heads()
    found: list[DateMention] = []
    for word in _WORD.finditer(text):
        if word.group().casefold() not in heads or (found and word.start() < found[-1].end):
            continue
        pos = word.start()
        before = patterns["day_before"].search(text, max(0, pos - 16), pos)
        candidates = [(patterns["dm"].match(text, before.start()), "dm")] if before else []
        candidates += [(patterns["md"].match(text, pos), "md"), (patterns["my"].match(text, pos), "my")]
        for match, order in candidates:
            mention = match and _named(match, order)
            if mention:
                found.append(mention)
                break
    for match in _NUMERIC.finditer(text):
        mention = _numeric(match)
        if mention and not any(_overlap(mention, other) for other in found):
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


def foreign_form(mention: DateMention, lang: str) -> tuple[str, str, str | None] | None:
    """(label, reason, language of the form) when ``mention`` is not written the way
    ``lang`` writes dates; None when it is, or when ``lang`` has no table."""
    table = tables().get(lang)
    if table is None:
        return None
    name = language_name(lang)
    if mention.langs and lang not in mention.langs:
        other = "en" if "en" in mention.langs else sorted(mention.langs)[0]
        return "month_name", f"{language_name(other)} month name in {in_a(lang)} article", other
    if mention.langs and mention.order in ("md", "dm") and mention.order not in table["date_orders"]:
        style = "month before day" if mention.order == "md" else "day before month"
        return "date_order", f"date written {style}, not the {name} order", None
    if not mention.langs and mention.order not in table["numeric_date_orders"]:
        style = "month/day/year" if mention.order == "mdy" else "day/month/year"
        return "numeric_order", f"numeric date in {style} order, foreign to {name}", None
    return None


def _named(match: re.Match, order: str) -> DateMention | None:
    word, year = match.group("m"), match.group("y")
    capitalised = word[:1].isupper() and not word.isupper()
    langs = {  # a capitalised lower-case month counts only in a full "14 Mars 2020"
        lang: number
        for lang, (number, lower) in _months()[word.casefold()].items()
        if not (lower and capitalised and (order != "dm" or not year))
    }
    if not langs:
        return None  # "Mars 2020" is a name, not a French date
    day = int(match.group("d")) if "d" in match.groupdict() and match.group("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    numbers = set(langs.values())
    month = numbers.pop() if len(numbers) == 1 else None
    iso = f"{year}-{month:02d}-{day:02d}" if year and day and month else None
    return DateMention(match.start(), match.end(), order, frozenset(langs), iso, month, int(year) if year else None)


def _numeric(match: re.Match) -> DateMention | None:
    first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
    if first > 12 and 1 <= second <= 12 and first <= 31:
        order, day, month = "dmy", first, second
    elif second > 12 and 1 <= first <= 12 and second <= 31:
        order, day, month = "mdy", second, first
    else:
        return None  # 5/6/2017 could be either
    iso = f"{year}-{month:02d}-{day:02d}" if len(year) == 4 else None
    return DateMention(match.start(), match.end(), order, frozenset(), iso)


def _overlap(a: DateMention, b: DateMention) -> bool:
    return a.start < b.end and b.start < a.end


_ISO = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")


def full_dates(text: str, lang: str | None = None) -> list[tuple[int, str]]:
    """(offset, ISO date) of every date in ``text`` with day, month and year: written with a
    month name in any language, as d/m/y numbers (an ambiguous 5/6/2017 read in ``lang``'s
    numeric order, when its table has one) or as YYYY-MM-DD; in text order."""
    found = [(m.start, m.iso) for m in find_dates(text) if m.iso]
    orders = tables().get(lang or "", {}).get("numeric_date_orders", ())
    for match in _NUMERIC.finditer(text):
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        if _numeric(match) is None and len(year) == 4 and first <= 12 and second <= 12 and orders:
            day, month = (first, second) if orders[0] == "dmy" else (second, first)
            found.append((match.start(), f"{year}-{month:02d}-{day:02d}"))
    for match in _ISO.finditer(text):
        if 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31:
            found.append((match.start(), match.group(0)))
    return sorted(found)
