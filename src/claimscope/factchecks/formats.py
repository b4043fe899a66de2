"""Format readers: decoded file text → a stream of :class:`Candidate` records.

Every reader yields, in file order, either the FactCheck fields of one record
(``Candidate.fields``) or the reason a record is malformed (``Candidate.reason``);
a file that cannot be read at all raises :class:`ImportFormatError`. Formats and
the CSV/JSONL column mapping are described in docs/factchecks.md.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

import lxml.html

from ..errors import ImportFormatError
from .claimreview import fields_from_claimreview, find_claimreviews
from .record import INPUT_FIELDS, LIST_FIELDS, MAX_ITEMS, MAX_TEXT

FORMATS = ("auto", "claimreview", "html", "google-api", "datafeed", "jsonl", "csv", "euvsdisinfo")

# field → column names tried in order when no --map names the column
DEFAULT_COLUMNS = {
    "claim": ("claim", "claimReviewed", "claim_reviewed", "vclaim", "statement", "text"),
    "claimant": ("claimant", "claim_author", "speaker"),
    "claim_date": ("claim_date", "claimDate"),
    "appearances": ("appearances", "appearance", "claim_url"),
    "review_url": ("review_url", "url", "reviewUrl", "link"),
    "publisher": ("publisher", "publisher_name", "organization"),
    "publisher_site": ("publisher_site", "site"),
    "review_author": ("review_author", "author", "reviewer"),
    "review_date": ("review_date", "reviewDate", "date_published", "datePublished", "date"),
    "language": ("language", "lang", "languageCode", "inLanguage"),
    "rating": ("rating", "textual_rating", "textualRating", "alternateName", "verdict", "label"),
    "rating_value": ("rating_value", "ratingValue"),
    "rating_best": ("rating_best", "bestRating", "best"),
    "rating_worst": ("rating_worst", "worstRating", "worst"),
    "title": ("title", "headline"),
    "summary": ("summary", "subtitle", "description"),
    "image_urls": ("image_urls", "image", "images", "image_url"),
    "keywords": ("keywords", "tags"),
    "countries": ("countries", "country"),
    "outlets": ("outlets", "outlet"),
    "languages": ("languages",),
    "source_ref": ("source_ref", "vclaim_id", "identifier", "id"),
}
assert set(DEFAULT_COLUMNS) == set(INPUT_FIELDS)

_EUVSDISINFO_HEADER = {"date", "id", "title", "countries", "keywords", "languages", "outlets"}
_JSON_SUFFIXES = {".json", ".jsonld"}
_SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv"}
IMPORTABLE_SUFFIXES = set(_SUFFIX_FORMATS) | _JSON_SUFFIXES
_LINE_BREAK = re.compile(r"\r\n?|\n")
# The longest CSV cell a record can use (a list field at its limits); a longer one is
# skipped as too_long while it is read, never held whole (csv keeps 4 bytes a character).
MAX_CELL = (MAX_TEXT + 1) * MAX_ITEMS
_COMMENT_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


@dataclass(frozen=True)
class Mapping:
    """How CSV columns / JSONL keys become FactCheck fields.

    ``columns`` names the column for a field (overriding DEFAULT_COLUMNS; ``None``
    unmaps it); ``constants`` fill fields the record leaves empty; ``only`` uses
    ``columns`` alone; cells of list fields are split on ``list_sep``.
    """

    columns: dict[str, str | None] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    list_sep: str = "|"
    only: bool = False

    def merged(self, other: Mapping) -> Mapping:
        """This mapping with ``other``'s columns and constants on top."""
        return Mapping(
            {**self.columns, **other.columns}, {**self.constants, **other.constants}, self.list_sep, self.only
        )


EUVSDISINFO = Mapping(
    columns={
        "claim": "title", "review_url": "id", "review_date": "date", "countries": "countries",
        "keywords": "keywords", "languages": "languages", "outlets": "outlets",
    },
    constants={  # the database's case titles are written in English
        "rating": "Disinformation", "publisher": "EUvsDisinfo", "publisher_site": "https://euvsdisinfo.eu",
        "language": "en",
    },
    list_sep="+",
    only=True,
)


@dataclass(frozen=True)
class Candidate:
    """One record read from a file: its fields, or why it is malformed."""

    fields: dict | None = None
    raw: str | None = None
    reason: str | None = None
    detail: str | None = None


def _bad(reason: str, detail: str) -> Candidate:
    return Candidate(reason=reason, detail=detail)


def _dump(value) -> str | None:
    """The source record as JSON text (None if it cannot be written back)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):
        return None


def _parse_json(text: str):
    """json.loads that reports deep nesting as ValueError instead of RecursionError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None


def load_json(text: str, name: str):
    """The parsed JSON of a whole file, or an ImportFormatError saying where it broke."""
    try:
        return _parse_json(text)
    except json.JSONDecodeError as err:
        raise ImportFormatError(
            f"{name} is not valid JSON ({err.msg} at line {err.lineno}, column {err.colno}): "
            "fix the file or choose the right --format"
        ) from None
    except ValueError as err:
        raise ImportFormatError(f"{name}: {err}") from None


def detect_format(name: str, text: str) -> str:
    """The format of a file from its suffix, then its content."""
    suffix = PurePath(name).suffix.lower()
    head = text.lstrip()[:1]
    if suffix in _SUFFIX_FORMATS:
        fmt = _SUFFIX_FORMATS[suffix]
    elif head == "<":
        fmt = "html"
    elif head in ("{", "["):
        fmt = _json_kind(text)
    elif suffix in _JSON_SUFFIXES:
        fmt = "claimreview"
    elif "," in text.partition("\n")[0] or "\t" in text.partition("\n")[0]:
        fmt = "csv"
    else:
        raise ImportFormatError(f"cannot tell the format of {name}: give --format ({', '.join(FORMATS[1:])})")
    if fmt == "csv" and _EUVSDISINFO_HEADER <= set(_csv_header(text)):
        return "euvsdisinfo"
    return fmt


def _json_kind(text: str) -> str:
    first, _, rest = text.lstrip().partition("\n")
    if rest.strip() and first.rstrip().endswith("}"):
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (json.JSONDecodeError, RecursionError):
            pass
    return "claimreview"


def read(text: str, fmt: str, name: str, mapping: Mapping | None = None) -> Iterator[Candidate]:
    """The records of ``text`` (already decoded) read as ``fmt`` (not "auto")."""
    mapping = mapping or Mapping()
    if fmt == "html":
        return _read_html(text, name)
    if fmt == "jsonl":
        return _read_jsonl(text, mapping)
    if fmt == "csv":
        return _read_csv(text, name, mapping)
    if fmt == "euvsdisinfo":
        return _read_csv(text, name, EUVSDISINFO.merged(mapping))
    data = load_json(text, name)
    if fmt == "google-api":
        return _read_google(data, name)
    if fmt == "datafeed" and not (isinstance(data, dict) and "dataFeedElement" in data):
        raise ImportFormatError(f"{name} has no dataFeedElement: it is not a DataFeed (try --format auto)")
    return _read_json(data)


def _read_json(data) -> Iterator[Candidate]:
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        yield from _read_google(data, "")
        return
    for review in find_claimreviews(data):
        yield Candidate(fields_from_claimreview(review), _dump(review))


def _read_google(data, name: str) -> Iterator[Candidate]:
    if not (isinstance(data, dict) and isinstance(data.get("claims"), list)):
        raise ImportFormatError(f"{name} has no claims list: it is not a Fact Check Tools API response")
    for number, claim in enumerate(data["claims"]):
        if not isinstance(claim, dict) or not isinstance(claim.get("claimReview", []), list):
            yield _bad("wrong_type", f"claims[{number}] is not a claim object with a claimReview list")
            continue
        base = {k: v for k, v in claim.items() if k != "claimReview"}
        for review in claim.get("claimReview", []):
            if not isinstance(review, dict):
                yield _bad("wrong_type", f"claims[{number}].claimReview has a {type(review).__name__}")
                continue
            yield Candidate(_google_fields(claim, review), _dump({**base, "claimReview": [review]}))


def _google_fields(claim: dict, review: dict) -> dict:
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    return {
        "claim": claim.get("text"),
        "claimant": claim.get("claimant"),
        "claim_date": claim.get("claimDate"),
        "review_url": review.get("url"),
        "publisher": publisher.get("name"),
        "publisher_site": publisher.get("site"),
        "review_date": review.get("reviewDate"),
        "language": review.get("languageCode"),
        "rating": review.get("textualRating"),
        "title": review.get("title"),
    }


def _read_jsonl(text: str, mapping: Mapping) -> Iterator[Candidate]:
    # Records end at a line break (LF, CRLF, CR: JSON strings cannot hold them raw); not at
    # U+2028, U+0085, \x1c... as str.splitlines would: JSON writers leave those raw in strings.
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if not line.strip():
            continue
        try:
            data = _parse_json(line)
        except ValueError as err:
            yield _bad("bad_json", f"line {number}: {getattr(err, 'msg', err)}")
            continue
        reviews = list(find_claimreviews(data))
        if reviews:
            yield from (Candidate(fields_from_claimreview(r), _dump(r)) for r in reviews)
        elif isinstance(data, dict) and isinstance(data.get("claims"), list):
            yield from _read_google(data, f"line {number}")
        elif isinstance(data, dict):
            yield Candidate(mapped_fields(data, mapping), line.strip())
        else:
            yield _bad("wrong_type", f"line {number}: a {type(data).__name__}, not an object")


def mapped_fields(row: dict, mapping: Mapping) -> dict:
    """FactCheck fields of one CSV row / JSONL object under ``mapping``."""
    fields = {}
    for name, aliases in DEFAULT_COLUMNS.items():
        column = mapping.columns.get(name) if (mapping.only or name in mapping.columns) else next(
            (a for a in aliases if a in row), None
        )
        value = row.get(column) if column else None
        if value in (None, "") and name in mapping.constants:
            value = mapping.constants[name]
        if name in LIST_FIELDS and isinstance(value, str):
            value = [v.strip() for v in value.split(mapping.list_sep) if v.strip()]
        fields[name] = value
    return fields


def _csv_header(text: str) -> list[str]:
    first = text.lstrip("\ufeff").partition("\n")[0]
    return next(csv.reader([first], delimiter=_delimiter(first)), [])


def _delimiter(header: str) -> str:
    return max(",;\t", key=header.count)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their line breaks, as csv.reader wants them (no copy of the whole)."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        yield text[start : match.end()]
        start = match.end()
    if start < len(text):
        yield text[start:]


def _read_csv(text: str, name: str, mapping: Mapping) -> Iterator[Candidate]:
    csv.field_size_limit(MAX_CELL)  # process-wide, so set before every read
    header = _csv_header(text)
    claim_column = mapping.columns.get("claim") or next((c for c in DEFAULT_COLUMNS["claim"] if c in header), None)
    if claim_column not in header:
        raise ImportFormatError(
            f"{name} has no claim column (looked for {', '.join(DEFAULT_COLUMNS['claim'])}): "
            "name it with --map claim=COLUMN"
        )
    # quoted cells may hold line breaks: csv.reader joins the lines they span
    reader = csv.DictReader(_lines(text.lstrip("\ufeff")), delimiter=_delimiter(text.partition("\n")[0]))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:  # a cell over MAX_CELL: the reader goes on at the next line
            yield _bad("too_long", f"a cell has over {MAX_CELL:,} characters ({err})")
            continue
        if None in row:
            yield _bad("wrong_columns", f"row {reader.line_num}: more cells than header columns")
            continue
        yield Candidate(mapped_fields(row, mapping), _dump(row))


def _read_html(text: str, name: str) -> Iterator[Candidate]:
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as err:  # lxml raises several unrelated types on hopeless input
        raise ImportFormatError(f"{name} cannot be read as HTML ({err}): give a web page") from None
    blocks = [
        s.text or "" for s in tree.iter("script")
        if (s.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
    ]
    if not blocks:
        raise ImportFormatError(f'{name} has no JSON-LD (<script type="application/ld+json">): nothing to import')
    for number, block in enumerate(blocks, 1):
        try:
            data = _parse_json(_COMMENT_WRAPPERS.sub("", block.strip()))
        except ValueError as err:
            yield _bad("bad_json_ld", f"JSON-LD block {number}: {getattr(err, 'msg', err)}")
            continue
        yield from _read_json(data)
