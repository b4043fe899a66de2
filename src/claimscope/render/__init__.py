"""Renderers: each turns the same report view (report.build) into one output format."""

from __future__ import annotations

from typing import Any, Callable

from . import html, markdown, safe, terminal

FORMATS = ("text", "json", "md", "html")


def to_json(view: dict[str, Any]) -> str:
    return safe.to_json(view, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": terminal.render,
    "json": to_json,
    "md": markdown.render,
    "html": html.render,
}


def render(view: dict[str, Any], fmt: str) -> str:
    """``view`` rendered as ``fmt`` (one of FORMATS)."""
    return _RENDERERS[fmt](view)
