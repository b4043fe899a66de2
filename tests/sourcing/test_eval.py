"""Quality gates: the sourcing dev set must stay above the pinned floors."""

from __future__ import annotations

import pytest

from eval_sourcing import evaluate, load
from tests.conftest import floor


@pytest.fixture(scope="module")
def metrics():
    return evaluate()


def test_devset_shape():
    records = load()
    assert len(records) >= 30
    assert len({r["lang"] for r in records}) >= 6
    assert {len(r["chain"]) for r in records} >= {1, 2, 3}
    assert any("circular_sourcing" in r["flags"] for r in records)
    assert any("anonymous_source" in r["flags"] for r in records)
    assert any(r["independent_sources"] >= 2 for r in records)


@pytest.mark.parametrize("name", ["chain_exact", "independent_exact", "flag_precision", "flag_recall"])
def test_floor(metrics, name):
    key = f"sourcing.dev.{name}"
    assert metrics[key] >= floor(key)
