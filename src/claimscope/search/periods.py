"""The periods a text says its claim happened in: days, months and years it names.

A query rarely comes with a publication date, but it often says when ("in April 2019",
"ngày 13/5/2020", "в 2023 году", "(noviembre 2022)"): a fact-check of that claim is dated
near that period, and one written a long time before every period the text names cannot
be about it. Recognised, in any language the tables know (``claimscope.dates``): full dates
(a day), a month name with a year or a numeric month/year ("6/2020"), and a bare year
from 1800 to the current one (a later year is a prediction, not when anything happened).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimscope.dates import find_dates, full_dates

Period = tuple[date, date]  # first and last day

_YEAR = re.compile(r"(?<![\d.,/-])(1[89]\d\d|20\d\d)(?![\d.,]\d|\d)")
_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{4})(?![\d/])")


def text_periods(text: str) -> list[Period]:
    """The days, months and years ``text`` names, in text order of their spans."""
    found: list[tuple[int, int, Period]] = []  # (start, end, period)
    for m in find_dates(text):
        if m.month and m.year:
            day = parse_day(m.iso or "")
            found.append((m.start, m.end, (day, day) if day else _month(m.year, m.month)))
    named = {s for s, _, _ in found}
    for at, iso in full_dates(text):  # numeric dates (at most 10 characters)
        day = parse_day(iso)
        if day and at not in named:
            found.append((at, at + 10, (day, day)))
    for m in _MONTH_YEAR.finditer(text):
        if 1 <= int(m.group(1)) <= 12:
            found.append((m.start(), m.end(), _month(int(m.group(2)), int(m.group(1)))))
    spans = [(s, e) for s, e, _ in found]
    for m in _YEAR.finditer(text):
        year = int(m.group())
        if year <= date.today().year and not any(s <= m.start() < e for s, e in spans):
            found.append((m.start(), m.end(), (date(year, 1, 1), date(year, 12, 31))))
    return [p for _, _, p in sorted(found, key=lambda f: f[0])]


def gap_to_periods(day: str, periods: list[Period]) -> float:
    """Days from ISO ``day`` to the nearest of ``periods`` (0 inside one); NaN when
    ``day`` is unknown or there is no period."""
    when = parse_day(day)
    if when is None or not periods:
        return float("nan")
    return float(min(max((p[0] - when).days, (when - p[1]).days, 0) for p in periods))


def predates(day: str, periods: list[Period], slack_days: int) -> bool:
    """Whether ISO ``day`` lies more than ``slack_days`` before every one of ``periods``
    (a fact-check written then cannot be about what the text tells)."""
    when = parse_day(day)
    return when is not None and bool(periods) and (min(p[0] for p in periods) - when).days > slack_days


def _month(year: int, month: int) -> Period:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def parse_day(iso: str) -> date | None:
    """The day an ISO date (or datetime) names; None when malformed or empty."""
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None
