"""Renderers: each turns the same report view (report.build) into one output format."""

from __future__ import annotations

import json
from typing import Any, Callable

from . import html, markdown, terminal

FORMATS = ("text", "json", "md", "html")


def to_json(view: dict[str, Any]) -> str:
    return json.dumps(view, ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": terminal.render,
    "json": to_json,
    "md": markdown.render,
    "html": html.render,
}


def render(view: dict[str, Any], fmt: str) -> str:
    """``view`` rendered as ``fmt`` (one of FORMATS)."""
    return _RENDERERS[fmt](view)
