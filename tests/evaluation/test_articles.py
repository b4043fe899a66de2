"""Quality gates on the articles by another hand (bench/eval_articles.py): the test
split's figures stay above the floors pinned in bench/floors.json (margins in
bench/FLOORS.md). Runs the whole ``check`` pipeline, fact-check matching included,
over the 54 articles; the first run on a machine embeds the fact-check corpus once."""

from __future__ import annotations

import json

import pytest

from eval_articles import ARTICLES, evaluate, load
from tests.conftest import FLOORS

PREFIX = "articles.test."


def _floors() -> dict[str, float]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {k[len(PREFIX):]: v for k, v in floors.items() if k.startswith(PREFIX)}


@pytest.fixture(scope="module")
def figures():
    if not ARTICLES.is_file():
        pytest.skip(f"{ARTICLES} is absent: evaluation data is not on this machine")
    return evaluate(load(ARTICLES))


def test_both_splits_scored(figures):
    assert figures["dev"]["articles"] == 36 and figures["test"]["articles"] == 18


@pytest.mark.parametrize("name", sorted(_floors()))
def test_floor(figures, name):
    value, pinned = figures["test"][name], _floors()[name]
    if name.endswith("wrong_share"):  # a ceiling: lower is better
        assert value is not None and value <= pinned, f"{name} = {value} > {pinned}"
    else:
        assert value is not None and value >= pinned, f"{name} = {value} < {pinned}"
