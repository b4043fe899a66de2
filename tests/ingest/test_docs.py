"""docs/input.md documents the whole public API of claimscope.ingest."""

from pathlib import Path

import claimscope.ingest as ingest

DOC = Path(__file__).resolve().parents[2] / "docs" / "input.md"


def test_every_public_name_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in ingest.__all__ if f"`{name}" not in text]
    assert missing == []


def test_every_public_function_has_a_docstring():
    assert [name for name in ingest.__all__ if callable(getattr(ingest, name)) and not getattr(ingest, name).__doc__] == []
