"""Retrieval quality gates: the figures of bench/eval_retrieval.py stay above their floors,
on the SQLite index and on the PostgreSQL one (``PostgresSearchIndex`` in a fresh database
of the test server), and the two backends agree within 0.01 on every figure.

Runs on ../shared/data (skips when absent). From a warm embedding cache the SQLite half
takes under a minute and the PostgreSQL half 1.5-2 times as long (docs/postgres.md); from
a cold one the collections are embedded first (see docs/matching.md), once for both.
"""

import pytest

from tests.conftest import floor
from tests.store.conftest import BACKENDS
from tests.store.pg import create_database, drop_database

AGREEMENT = 0.01  # |PostgreSQL - SQLite| allowed on any figure


@pytest.fixture(scope="module")
def evaluated(request):
    """``evaluated(part, backend)``: the figures of ``part`` ("clef2020", "clef2022" or
    "multilingual") with the index on ``backend``, computed once per module."""
    if not (request.config.rootpath.parent / "shared" / "data").is_dir():
        pytest.skip("../shared/data is absent: evaluation data is not on this machine")
    from eval_retrieval import evaluate_clef, evaluate_multilingual

    done: dict[tuple[str, str], dict] = {}

    def figures(part: str, backend: str) -> dict:
        if (part, backend) not in done:
            server = request.getfixturevalue("postgres_server") if backend == "postgresql" else None
            location = create_database(server) if server else ":memory:"
            try:
                done[part, backend] = (evaluate_multilingual(location=location) if part == "multilingual"
                                       else evaluate_clef(part, location=location))
            finally:
                if server:
                    drop_database(server, location)
        return done[part, backend]

    return figures


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("collection", ["clef2020", "clef2022"])
def test_clef_map5(evaluated, collection, backend):
    figures = evaluated(collection, backend)
    assert figures["hybrid"]["map5"] >= floor(f"retrieval.{collection}.map5")
    assert figures["hybrid"]["map5"] >= figures["dense"]["map5"]
    assert figures["hybrid"]["map5"] >= figures["bm25"]["map5"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_multilingual_ranking(evaluated, backend):
    multilingual = evaluated("multilingual", backend)
    assert multilingual["hybrid"]["s10"] >= floor("retrieval.multilingual.s10")
    assert multilingual["hybrid"]["mrr"] >= floor("retrieval.multilingual.mrr")
    assert multilingual["hybrid"]["mrr"] >= multilingual["dense"]["mrr"]  # fusion no longer hurts other languages
    assert multilingual["heldout"]["hybrid"]["mrr"] >= floor("retrieval.multilingual.heldout.mrr")


@pytest.mark.parametrize("backend", BACKENDS)
def test_multilingual_threshold(evaluated, backend):
    multilingual = evaluated("multilingual", backend)
    assert multilingual["nomatch_empty"] >= floor("retrieval.multilingual.nomatch_empty")
    assert multilingual["matches_above_threshold"] >= floor("retrieval.multilingual.matches_above_threshold")
    held = multilingual["heldout"]  # the half of the dev set the calibration never saw
    assert held["nomatch_empty"] >= floor("retrieval.multilingual.heldout.nomatch_empty")
    assert held["matches_above_threshold"] >= floor("retrieval.multilingual.heldout.matches_above_threshold")


@pytest.mark.parametrize("backend", BACKENDS)
def test_articles_and_seed(evaluated, backend):
    multilingual = evaluated("multilingual", backend)
    articles = multilingual["articles"]  # held-out dev articles only
    assert articles["n"] >= 19
    assert articles["top1"] >= floor("retrieval.articles.top1")
    assert articles["no_false_match"] >= floor("retrieval.articles.no_false_match")
    assert articles["without_case_empty"] >= floor("retrieval.articles.without_case_empty")
    # the reference article: its EUvsDisinfo case on top, nothing unrelated above the threshold
    assert multilingual["seed"]["top1"] == multilingual["seed"]["no_false_match"] == 1.0


def _numbers(figures: dict, prefix: str = "") -> dict[str, float]:
    """Every figure of a nested result, by dotted name (counts and lists of misses left out)."""
    out: dict[str, float] = {}
    for key, value in figures.items():
        if isinstance(value, dict):
            out.update(_numbers(value, f"{prefix}{key}."))
        elif isinstance(value, float):
            out[prefix + key] = value
    return out


@pytest.mark.parametrize("part", ["clef2020", "clef2022", "multilingual"])
def test_postgresql_agrees_with_sqlite(evaluated, part):
    sqlite, postgres = _numbers(evaluated(part, "sqlite")), _numbers(evaluated(part, "postgresql"))
    assert sqlite.keys() == postgres.keys() and len(sqlite) >= 15
    apart = {name: (sqlite[name], postgres[name]) for name in sqlite if abs(postgres[name] - sqlite[name]) > AGREEMENT}
    assert not apart, f"figures further apart than {AGREEMENT} (sqlite, postgresql): {apart}"


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
