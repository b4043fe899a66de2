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
    assert multilingual["hybrid"]["mrr"] >= multilingual["dense"]["mrr"]  # fusion no longer hurts other languages
    assert multilingual["heldout"]["hybrid"]["mrr"] >= floor("retrieval.multilingual.heldout.mrr")


def test_multilingual_threshold(multilingual):
    assert multilingual["nomatch_empty"] >= floor("retrieval.multilingual.nomatch_empty")
    assert multilingual["matches_above_threshold"] >= floor("retrieval.multilingual.matches_above_threshold")
    held = multilingual["heldout"]  # the half of the dev set the calibration never saw
    assert held["nomatch_empty"] >= floor("retrieval.multilingual.heldout.nomatch_empty")
    assert held["matches_above_threshold"] >= floor("retrieval.multilingual.heldout.matches_above_threshold")


def test_articles_and_seed(multilingual):
    articles = multilingual["articles"]  # held-out dev articles only
    assert articles["n"] >= 19
    assert articles["top1"] >= floor("retrieval.articles.top1")
    assert articles["no_false_match"] >= floor("retrieval.articles.no_false_match")
    assert articles["without_case_empty"] >= floor("retrieval.articles.without_case_empty")
    # the reference article: its EUvsDisinfo case on top, nothing unrelated above the threshold
    assert multilingual["seed"]["top1"] == multilingual["seed"]["no_false_match"] == 1.0


def test_score_lead_counts_copies_of_one_passage_as_one_rival():
    import numpy as np

    from claimscope.search.fusion import LEAD_CAP, score_lead

    # the best passage is listed twice (same cosine): its lead is over the next passage
    lead = score_lead(np.array([5.0, 3.0, 5.0, 1.0]), np.array([0.9, 0.8, 0.9, 0.7]))
    assert lead.tolist() == [2.0, -2.0, 2.0, -4.0]
    assert score_lead(np.array([4.0]), np.array([0.9])).tolist() == [LEAD_CAP]
    assert score_lead(np.array([9.0, 0.0]), np.array([0.9, 0.1])).tolist() == [LEAD_CAP, -LEAD_CAP]


def test_balanced_threshold_takes_the_middle_of_equally_good_thresholds():
    from eval_retrieval import _balanced_threshold

    # every threshold in (0.3, 0.7] keeps all kept values and empties all worst ones
    assert abs(_balanced_threshold([0.7, 0.9], [0.1, 0.3]) - 0.5) < 0.01
