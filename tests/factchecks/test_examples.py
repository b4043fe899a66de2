"""The example collection imports cleanly and every record is labelled as an example."""

from __future__ import annotations

import json

from claimscope.factchecks import import_sources
from tests.conftest import REPO

EXAMPLES = REPO / "examples" / "factchecks" / "claimreviews.json"


def test_examples_import_with_their_verdicts(store):
    summary = import_sources(store, [str(EXAMPLES)])
    assert (summary.added, summary.skipped, dict(summary.warnings)) == (5, 0, {})
    verdicts = {r.publisher: r.verdict for r in store.list(10)}
    assert verdicts == {"PolitiFact": "false", "Bellingcat": "false", "UK Statistics Authority": "misleading"}
    assert "video game" in store.search("Abu Kamal video game", 1)[0][0].summary


def test_examples_are_labelled_and_carry_no_guessed_urls():
    for review in json.loads(EXAMPLES.read_text(encoding="utf-8")):
        assert review["description"].startswith("EXAMPLE")
        assert "url" not in review
