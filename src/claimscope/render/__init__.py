"""Renderers: each turns the same report view (report.build) into one output format."""

from __future__ import annotations

import importlib
from typing import Any

from . import safe

FORMATS = ("text", "json", "md", "html")
_MODULES = {"text": "terminal", "md": "markdown", "html": "html"}  # imported when asked (rich, jinja2)


def to_json(view: dict[str, Any]) -> str:
    return safe.to_json(view, indent=2) + "\n"


def render(view: dict[str, Any], fmt: str) -> str:
    """``view`` rendered as ``fmt`` (one of FORMATS)."""
    if fmt == "json":
        return to_json(view)
    return importlib.import_module(f".{_MODULES[fmt]}", __name__).render(view)
