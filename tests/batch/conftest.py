"""Fixtures of the batch tests: our own example articles, and the batch command run with
the text-only stages (the reading, writing and resuming are the same for every stage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimscope import analyzer, cli
from claimscope.stages import foundation_stages

ARTICLES = [
    "The harbour reopened on Monday after the storm.\n\nFerries will run on the winter timetable, the port said.",
    "Le conseil municipal a voté mardi le budget de la piscine.\n\nLes travaux commenceront en mars, selon le maire.",
    "Die Brücke über den Fluss bleibt bis Juni gesperrt.\n\nDas teilte die Stadtverwaltung am Freitag mit.",
    "El museo abrirá una sala nueva en otoño.\n\nLa directora dijo que la entrada será gratuita los domingos.",
    "The library extended its opening hours to nine in the evening.\n\nStudents had asked for it in a petition.",
    "La rivière a débordé dans trois villages du nord.\n\nLes pompiers ont évacué une vingtaine de maisons.",
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def invoke(monkeypatch):
    """``claimscope ARGS`` in this process, with the text-only stages."""
    monkeypatch.setattr(analyzer, "default_stages", lambda resources=None: foundation_stages())

    def run(*args: str):
        return CliRunner().invoke(cli.main, [str(arg) for arg in args])

    return run
