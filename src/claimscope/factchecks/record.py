"""Turn the fields a reader found into a validated :class:`FactCheck`.

Every format reader produces a plain dict keyed by FactCheck field names; this
module is the one place that checks types and sizes, parses dates and numbers,
fills in the language and the verdict, and derives the stable id. A record that
cannot be kept raises :class:`RecordError` (the importer skips and reports it);
fixable problems become warnings and the record is kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from .. import langid
from ..model import FactCheck
from .ratings import normalise_verdict

MAX_TEXT = 10_000  # characters in any one text field
MAX_ITEMS = 1_000  # entries in any one list field

TEXT_FIELDS = (
    "claim", "rating", "claimant", "claim_date", "review_url", "publisher", "publisher_site",
    "review_author", "review_date", "language", "title", "summary", "source_ref",
)
NUMBER_FIELDS = ("rating_value", "rating_best", "rating_worst")
LIST_FIELDS = ("appearances", "image_urls", "keywords", "countries", "outlets", "languages")
DATE_FIELDS = ("claim_date", "review_date")
INPUT_FIELDS = TEXT_FIELDS + NUMBER_FIELDS + LIST_FIELDS

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_DATE_FORMATS = (
    "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d",
    "%d.%m.%Y", "%Y%m%d",
)
_LANG_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
URL_FIELDS = ("review_url", "publisher_site", "appearances", "image_urls")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)")  # "host:8080/x" has a port, not a scheme


class RecordError(Exception):
    """A record that cannot be stored; ``reason`` is a short code for the report."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def parse_date(value: str | None) -> str | None:
    """ISO ``YYYY-MM-DD`` for an ISO date/datetime or a common written date; None if unknown."""
    text = (value or "").strip()
    if not text:
        return None
    match = _ISO_DATE.match(text)
    try:
        if match:
            return date(*map(int, match.groups())).isoformat()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


def language_code(value: str | None) -> str | None:
    """The primary subtag of a BCP 47 tag ("en-US" → "en"), or None."""
    match = _LANG_CODE.match((value or "").strip())
    return match.group(1).lower() if match else None


def _norm_claim(claim: str) -> str:
    return " ".join(claim.casefold().split())


def _norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"


def make_id(claim: str, review_url: str | None, publisher: str | None, source_ref: str | None) -> str:
    """Stable id: review URL + claim, else publisher + source id, else publisher + claim."""
    if review_url:
        basis = f"url\n{_norm_url(review_url)}\n{_norm_claim(claim)}"
    elif source_ref:
        basis = f"ref\n{(publisher or '').casefold()}\n{source_ref.strip()}"
    else:
        basis = f"claim\n{(publisher or '').casefold()}\n{_norm_claim(claim)}"
    return "fc-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]


DATA_FIELDS = tuple(f.name for f in dataclasses.fields(FactCheck) if f.name not in ("import_id", "raw"))


def to_dict(record: FactCheck) -> dict:
    """The record as JSON-ready data (without ``import_id`` and ``raw``; lists as tuples)."""
    return {name: getattr(record, name) for name in DATA_FIELDS}


def from_dict(data: dict, import_id: int | None = None, raw: str | None = None) -> FactCheck:
    """Inverse of :func:`to_dict`."""
    values = {k: tuple(v) if k in LIST_FIELDS else v for k, v in data.items()}
    return FactCheck(**values, import_id=import_id, raw=raw)


def content_hash(record: FactCheck) -> str:
    """A digest of everything the record says: equal hashes mean nothing changed."""
    blob = json.dumps(to_dict(record), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def _text(name: str, value, warnings: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        if name == "claim":
            raise RecordError("wrong_type", f"claim is a {type(value).__name__}, not text")
        warnings.append(f"wrong_type:{name}")
        return None
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise RecordError("too_long", f"{name} has {len(text):,} characters (limit {MAX_TEXT:,})")
    return text or None


def _number(name: str, value, warnings: list[str]) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an integer of hundreds of digits
        warnings.append(f"bad_number:{name}")
        return None
    if number != number or number in (float("inf"), float("-inf")):
        warnings.append(f"bad_number:{name}")
        return None
    return number


def safe_url(url: str | None) -> str | None:
    """``url`` unless it names a scheme other than http(s) (``javascript:``, ``data:``...).

    Browsers ignore ASCII whitespace and control characters inside a scheme
    (``java\tscript:``), so they are ignored here too; a value without a scheme
    (``example.org/page``) is kept.
    """
    if url is None:
        return None
    bare = _URL_NOISE.sub("", url).lower()
    if bare.startswith(("http://", "https://")) or not _SCHEME.match(bare):
        return url
    return None


def _safe_urls(name: str, value, warnings: list[str]):
    """One URL or a tuple of them without the unsafe ones (each field dropping any warns once)."""
    kept = tuple(u for u in value if safe_url(u)) if isinstance(value, tuple) else safe_url(value)
    if kept != value:
        warnings.append(f"unsafe_url:{name}")
    return kept


def _list(name: str, value, warnings: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    if len(items) > MAX_ITEMS:
        raise RecordError("too_long", f"{name} has {len(items):,} entries (limit {MAX_ITEMS:,})")
    out = []
    for item in items:
        text = _text(name, item, warnings)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _detect_language(values: dict) -> str | None:
    text = " ".join(v for v in (values["claim"], values["title"], values["summary"]) if v)
    return langid.best(text)[0]


def build(fields: dict, raw: str | None = None) -> tuple[FactCheck, list[str]]:
    """A validated FactCheck from reader ``fields`` and the warnings raised on the way."""
    warnings: list[str] = []
    values = {k: _text(k, fields.get(k), warnings) for k in TEXT_FIELDS}
    values.update({k: _number(k, fields.get(k), warnings) for k in NUMBER_FIELDS})
    values.update({k: _list(k, fields.get(k), warnings) for k in LIST_FIELDS})
    if not values["claim"]:
        raise RecordError("missing_claim", "no claim text (claimReviewed)")
    for key in URL_FIELDS:
        values[key] = _safe_urls(key, values[key], warnings)
    for key in DATE_FIELDS:
        parsed = parse_date(values[key])
        if values[key] and not parsed:
            warnings.append(f"bad_date:{key}")
        values[key] = parsed
    values["language"] = language_code(values["language"]) or _detect_language(values)
    verdict, understood = normalise_verdict(
        values["rating"], values["rating_value"], values["rating_best"], values["rating_worst"],
        values["language"],
    )
    if not understood:
        warnings.append("unknown_rating")
    record_id = make_id(values["claim"], values["review_url"], values["publisher"], values["source_ref"])
    return FactCheck(id=record_id, verdict=verdict, raw=raw, **values), warnings
