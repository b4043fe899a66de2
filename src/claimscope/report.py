"""The report view: one plain data dict built from an analysed Document.

Every output format (terminal, JSON, Markdown, HTML) renders this same dict, so
they never disagree. The JSON form of it is the stable, documented contract
(docs/report-format.md): ``schema`` names its version; every span is a pair of
character offsets into ``article.text`` with the quoted text beside it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from . import __version__
from .model import Document

SCHEMA = "claimscope.report/1"

# Document fields rendered by dedicated code below rather than generically.
_SPECIAL = {"article", "language", "language_score", "stages"}


def build(doc: Document) -> dict[str, Any]:
    """The report dict for ``doc`` (JSON-serialisable, keys in a stable order)."""
    text = doc.text
    view: dict[str, Any] = {
        "schema": SCHEMA,
        "claimscope_version": __version__,
        "article": {
            "meta": dataclasses.asdict(doc.article.meta),
            "length": len(text),
            "text": text,
        },
        "language": {"main": doc.language, "score": _round(doc.language_score)},
        "stages": [run.tag for run in doc.stages],
    }
    for field in dataclasses.fields(doc):
        if field.name in _SPECIAL or not field.repr:  # repr=False marks internal data
            continue
        value = getattr(doc, field.name)
        view[field.name] = _plain(value, text)
    return view


def _plain(value: Any, text: str) -> Any:
    """Dataclasses to dicts, tuples to lists; every ``*start``/``*end`` pair gets its text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        item = {f.name: _plain(getattr(value, f.name), text) for f in dataclasses.fields(value)}
        return _with_span_texts(item, text)
    if isinstance(value, (list, tuple)):
        return [_plain(v, text) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, text) for k, v in value.items()}
    if isinstance(value, float):
        return _round(value)
    return value


def _with_span_texts(item: dict[str, Any], text: str) -> dict[str, Any]:
    """Beside each ``X_start``/``X_end`` pair its ``X_text``; null when the span is absent
    (an attribution without a speaker has ``speaker_text: null``)."""
    out = dict(item)
    for key, start in item.items():
        if not key.endswith("start"):
            continue
        prefix = key[: -len("start")]
        end = item.get(prefix + "end")
        if isinstance(start, int) and isinstance(end, int):
            out[prefix + "text"] = text[start:end]
        elif start is None and prefix + "end" in item and end is None:
            out[prefix + "text"] = None
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)

