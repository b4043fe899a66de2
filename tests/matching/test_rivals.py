"""An article's weaker case about the same news moment as its best match is that match's
rival, not a second alarm (``without_rivals``); cases of other days, or close in
confidence, are kept."""

from __future__ import annotations

from claimscope.model import Match
from claimscope.search.fusion import FusionWeights
from claimscope.stages.matching import without_rivals

GAP = FusionWeights().rival_gap


def _match(fid: str, claim: str, day: str | None, confidence: float) -> Match:
    return Match(fid, claim, "false", None, "Example Checks", day, None, confidence, 0, 0, 10, "matching@2")


# Our own example: an article about a flood in a harbour town repeats one checked claim.
CHECKED = _match("dam", "Engineers opened the dam on purpose to flood the harbour town", "2021-03-04", 0.98)
NEIGHBOUR = _match("aid", "The flood in the harbour town was caused by a foreign weapon", "2021-03-03", 0.50)


def test_a_far_weaker_case_of_the_same_days_is_a_rival():
    assert without_rivals((CHECKED, NEIGHBOUR), GAP) == (CHECKED,)


def test_cases_of_other_days_are_separate_alarms():
    older = _match("aid", NEIGHBOUR.claim, "2020-11-20", 0.50)
    assert without_rivals((CHECKED, older), GAP) == (CHECKED, older)


def test_cases_close_in_confidence_are_kept():
    # e.g. the same claim checked twice: a second record a little less confident
    twin = _match("dam-2", "The harbour town dam was opened deliberately", "2021-03-05", 0.85)
    assert without_rivals((CHECKED, twin), GAP) == (CHECKED, twin)


def test_an_undated_case_is_not_taken_for_a_rival():
    undated = _match("aid", NEIGHBOUR.claim, None, 0.50)
    assert without_rivals((CHECKED, undated), GAP) == (CHECKED, undated)


def test_a_dropped_rival_does_not_knock_out_others():
    # the neighbour (a day before the checked case) is dropped; a case four days before the
    # checked one is compared with the kept checked case only, not with the dropped neighbour
    sure = _match("dam", CHECKED.claim, "2021-03-04", 0.999)
    neighbour = _match("aid", NEIGHBOUR.claim, "2021-03-03", 0.7)
    earlier = _match("ash", "Ash from the volcano poisoned the harbour water", "2021-02-28", 0.04)
    assert without_rivals((sure, neighbour, earlier), GAP) == (sure, earlier)
