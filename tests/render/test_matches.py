"""The "Already fact-checked" section: one row per match, in every format."""

from __future__ import annotations

import pytest

from claimscope import report
from claimscope.model import Article, Document, Match, Sentence, StageRun
from claimscope.render import FORMATS, render
from claimscope.render.sections import sections

TEXT = "Des images prouvent que les États-Unis aident Daech. Fin."


def _doc(matches=()) -> Document:
    return Document(
        article=Article(text=TEXT), language="fr", sentences=(Sentence(0, 51, 0, "fr"), Sentence(52, 56, 0, "fr")),
        stages=(StageRun("segment", "1"), StageRun("matching", "1")), matches=matches,
    )


MATCH = Match("fc-1", "Images prove that the US is helping Daesh", "disinformation", "Disinformation",
              "EUvsDisinfo", "2017-11-14", "https://checks.example/1", 0.8712, 0, 0, 51, "matching@1")


def test_match_row():
    section = next(s for s in sections(report.build(_doc((MATCH,)))) if s.key == "matches")
    assert section.title == "Already fact-checked (1)"
    assert section.rows == [("disinformation (Disinformation)", MATCH.claim, "EUvsDisinfo", "2017-11-14",
                             "https://checks.example/1", "0.87", TEXT[:51])]


@pytest.mark.parametrize("fmt", FORMATS)
def test_matches_render_in_every_format(fmt):
    out = render(report.build(_doc((MATCH,))), fmt)
    assert ("factcheck_id" if fmt == "json" else "Already fact-checked") in out
    assert "EUvsDisinfo" in out and "0.87" in out


def test_no_match_says_so():
    section = next(s for s in sections(report.build(_doc())) if s.key == "matches")
    assert section.rows == [] and "No existing fact-check" in section.empty
