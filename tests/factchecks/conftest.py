"""Fixtures for the fact-check tests: a fresh SQLite store, and parsed records of a text."""

from __future__ import annotations

import pytest

from claimscope.factchecks.formats import detect_format, read
from claimscope.factchecks.record import build
from claimscope.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "factchecks.sqlite") as opened:
        yield opened


def parse(text: str, name: str = "input.json", fmt: str | None = None, mapping=None):
    """(records, skipped reasons) of ``text`` read like the importer reads a file."""
    records, skipped = [], []
    for candidate in read(text, fmt or detect_format(name, text), name, mapping):
        if candidate.reason:
            skipped.append(candidate.reason)
        else:
            records.append(build(candidate.fields, candidate.raw)[0])
    return records, skipped
