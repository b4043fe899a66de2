"""Periods a query names, and the date evidence and confidence they give a search."""

import json
from datetime import date

import numpy as np
import pytest

from claimscope.search.candidates import STALE_DAYS, date_gaps
from claimscope.search.fusion import WEIGHTS_FILE, FusionWeights
from claimscope.search.periods import gap_to_periods, predates, text_periods


def month(year, number, last):
    return date(year, number, 1), date(year, number, last)


def year(y):
    return date(y, 1, 1), date(y, 12, 31)


@pytest.mark.parametrize("text, periods", [
    ("Le maire a parlé le 3 février 2016 devant le conseil.", [(date(2016, 2, 3), date(2016, 2, 3))]),
    ("Un message partagé en juin 2018 sur les réseaux.", [month(2018, 6, 30)]),
    ("Un rumor que circula desde septiembre de 2013.", [month(2013, 9, 30)]),
    ("Bài đăng từ tháng 2/2016 lan truyền trên mạng.", [month(2016, 2, 29)]),
    ("Письмо, якобы написанное в 1812 году, снова ходит по сети.", [year(1812)]),
    ("W 2009 roku rząd miał to ukryć, a w marcu 2011 potwierdzić.", [year(2009)]),
    ("The bill costs 2,500 dollars and passed 12-3.", []),
])
def test_text_periods_in_any_language(text, periods):
    assert text_periods(text)[: len(periods)] == periods and len(text_periods(text)) >= len(periods)


def test_a_future_year_is_a_prediction_not_a_period():
    assert text_periods(f"Sea levels will rise a metre by {date.today().year + 20}.") == []


def test_gap_to_the_nearest_period_and_staleness():
    periods = [month(2018, 6, 30), year(2021)]
    assert gap_to_periods("2018-06-20", periods) == 0
    assert gap_to_periods("2018-07-05", periods) == 5
    assert gap_to_periods("2020-12-30", periods) == 2
    assert np.isnan(gap_to_periods("", periods)) and np.isnan(gap_to_periods("2018-06-20", []))
    assert predates("2016-01-10", periods, STALE_DAYS)  # long before every period named
    assert not predates("2017-09-01", periods, STALE_DAYS)  # within the slack
    assert not predates("2016-01-10", [], STALE_DAYS) and not predates("", periods, STALE_DAYS)


def test_a_publication_date_wins_over_the_periods_of_the_text():
    records = ["2019-03-10", "2012-05-01", ""]
    gaps, stale = date_gaps("A letter from 2019 says the mayor resigned.", "", records)
    assert gaps[0] == 0 and gaps[1] > 2000 and np.isnan(gaps[2])
    assert stale.tolist() == [0.0, 1.0, 0.0]
    gaps, stale = date_gaps("A letter from 2019 says the mayor resigned.", "2019-03-12", records)
    assert gaps[0] == 2 and not stale.any()  # a dated text: nothing is stale (old claims come back)


def test_weights_come_from_the_versioned_data_file():
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = FusionWeights()
    assert data["version"] >= 2
    assert weights.threshold == data["threshold"] and weights.rank == data["rank"]
    assert weights.confidence["stale"] < 0  # a stale record lowers the confidence


def test_probability_weighs_only_the_evidence_its_model_has():
    weights = FusionWeights(confidence={"cosine": 2.0, "bias": -1.0}, article_confidence={"lead": 1.0, "bias": 0.0})
    assert weights.probability({"cosine": 0.5, "lead": 9.0}) == pytest.approx(0.5)
    assert weights.probability({"cosine": 9.0, "lead": 0.0}, article=True) == pytest.approx(0.5)
