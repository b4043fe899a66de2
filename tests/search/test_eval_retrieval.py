"""Retrieval quality gates: the figures of bench/eval_retrieval.py stay above their floors.

Runs on ../shared/data (skips when absent). From a warm embedding cache this takes
about a minute; from a cold one the collections are embedded first (see docs/matching.md).
"""

import pytest

from tests.conftest import floor


@pytest.fixture(scope="module")
def clef(request):
    if not (request.config.rootpath.parent / "shared" / "data").is_dir():
        pytest.skip("../shared/data is absent: evaluation data is not on this machine")
    from eval_retrieval import evaluate_clef

    return {c: evaluate_clef(c) for c in ("clef2020", "clef2022")}


@pytest.fixture(scope="module")
def multilingual(request):
    if not (request.config.rootpath.parent / "shared" / "data").is_dir():
        pytest.skip("../shared/data is absent: evaluation data is not on this machine")
    from eval_retrieval import evaluate_multilingual

    return evaluate_multilingual()


@pytest.mark.parametrize("collection", ["clef2020", "clef2022"])
def test_clef_map5(clef, collection):
    figures = clef[collection]
    assert figures["hybrid"]["map5"] >= floor(f"retrieval.{collection}.map5")
    assert figures["hybrid"]["map5"] >= figures["dense"]["map5"]
    assert figures["hybrid"]["map5"] >= figures["bm25"]["map5"]


def test_multilingual_ranking(multilingual):
    assert multilingual["hybrid"]["s10"] >= floor("retrieval.multilingual.s10")
    assert multilingual["hybrid"]["mrr"] >= floor("retrieval.multilingual.mrr")


def test_multilingual_threshold(multilingual):
    assert multilingual["nomatch_empty"] >= floor("retrieval.multilingual.nomatch_empty")
    assert multilingual["matches_above_threshold"] >= floor("retrieval.multilingual.matches_above_threshold")


def test_articles_and_seed(multilingual):
    assert multilingual["articles"]["top1"] >= floor("retrieval.articles.top1")
    assert multilingual["articles"]["no_false_match"] >= floor("retrieval.articles.no_false_match")
    # the reference article: its EUvsDisinfo case on top, nothing unrelated above the threshold
    assert multilingual["seed"] == {"top1": 1.0, "no_false_match": 1.0}
