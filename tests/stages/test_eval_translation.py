"""Quality gate: the translation dev set stays above its pinned floors (bench/floors.json)."""

from __future__ import annotations

import pytest

from eval_translation import KINDS, SHORT, evaluate, load_devset
from tests.conftest import floor


@pytest.fixture(scope="module")
def metrics():
    return evaluate()


def test_devset_size():
    examples = load_devset()
    assert len(examples) >= 15
    assert len({ex.lang for ex in examples}) >= 6
    assert sum(1 for ex in examples if not ex.gold) >= 5  # clean articles


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("measure", ["precision", "recall"])
def test_floor(metrics, kind, measure):
    name = f"translation.{SHORT.get(kind, kind)}.{measure}"
    assert metrics[name] >= floor(name)


def test_main_language(metrics):
    assert metrics["translation.main_language.accuracy"] >= floor("translation.main_language.accuracy")


def test_no_false_alarm_on_clean_articles(metrics):
    assert metrics["translation.clean.false_alarms"] == 0
