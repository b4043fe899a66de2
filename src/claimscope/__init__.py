"""claimscope: a verification desk's reader for news articles in any language.

The public API (docs/library.md)::

    from claimscope import Analyzer, Settings

    with Analyzer(Settings(db="factchecks.sqlite")) as analyzer:
        report = analyzer.analyze("Text of an article ...")
        print(report.render("md"))

Names are imported on first use, so ``import claimscope`` stays light.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

__all__ = [
    "Analyzer",
    "Article",
    "ClaimscopeError",
    "Document",
    "Meta",
    "Report",
    "Resources",
    "Settings",
    "load",
    "read_batch",
]

_HOMES = {
    "Analyzer": "analyzer",
    "Report": "analyzer",
    "Resources": "resources",
    "Settings": "settings",
    "Article": "model",
    "Document": "model",
    "Meta": "model",
    "ClaimscopeError": "errors",
    "load": "ingest",
    "read_batch": "ingest",
}


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimscope' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
