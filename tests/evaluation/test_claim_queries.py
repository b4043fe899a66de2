"""Quality gate on the cross-lingual claim queries by another hand
(bench/eval_claim_queries.py): what `factchecks search` shows on the test split stays
above the floors pinned in bench/floors.json (``claim_queries.test.*``; bench/FLOORS.md)."""

from __future__ import annotations

import pytest

from eval_claim_queries import QUERIES, figures, load, ranked_hits
from tests.conftest import floor

METRICS = ("s10", "mrr", "empty", "rank_s10")


@pytest.fixture(scope="module")
def test_figures():
    if not QUERIES.is_file():
        pytest.skip(f"{QUERIES} is absent: evaluation data is not on this machine")
    rows = [r for r in load(QUERIES) if r["split"] == "test"]
    return figures(rows, *ranked_hits(rows))


@pytest.mark.parametrize("name", METRICS)
def test_floor(test_figures, name):
    assert test_figures[name] >= floor(f"claim_queries.test.{name}"), (name, test_figures[name])
