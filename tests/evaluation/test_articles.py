"""Quality gates on the articles by another hand (bench/eval_articles.py): the figures of
the shared test split, and of the blind set's test split (devsets/articles, written blind to
the rules), stay above the floors pinned in bench/floors.json (margins in bench/FLOORS.md).
Runs the whole ``check`` pipeline, fact-check matching included, over the 54 shared and 216
blind articles; the first run on a machine embeds the fact-check corpus once."""

from __future__ import annotations

import json

import pytest

from eval_articles import ARTICLES, BLIND, evaluate, load
from tests.conftest import FLOORS

SPLITS = ("test", "blind-test")  # the splits floors hold: "articles.<split>.<metric>"


def _floors() -> dict[tuple[str, str], float]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {(split, k[len(f"articles.{split}."):]): v for k, v in floors.items() for split in SPLITS
            if k.startswith(f"articles.{split}.")}


@pytest.fixture(scope="module")
def figures():
    if not ARTICLES.is_file():
        pytest.skip(f"{ARTICLES} is absent: evaluation data is not on this machine")
    return evaluate(load(ARTICLES) + load(BLIND))


def test_every_split_scored(figures):
    assert {s: f["articles"] for s, f in figures.items()} == {"dev": 36, "test": 18, "blind-dev": 144, "blind-test": 144}


@pytest.mark.parametrize("split,name", sorted(_floors()))
def test_floor(figures, split, name):
    value, pinned = figures[split][name], _floors()[split, name]
    if name.endswith("wrong_share"):  # a ceiling: lower is better
        assert value is not None and value <= pinned, f"{name} = {value} > {pinned}"
    else:
        assert value is not None and value >= pinned, f"{name} = {value} < {pinned}"
