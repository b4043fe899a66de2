"""Hostile input: very long tokens and lines finish in linear time in the language and
traces stages (issue 12: the e-mail noise pattern and the fused-word search were
quadratic)."""

from __future__ import annotations

import time

import pytest

from claimscope.ingest.text import normalize_text
from claimscope.model import Article
from claimscope.pipeline import Pipeline
from claimscope.stages import Language, Segment, Traces
from claimscope.stages.fusions import fused_words
from claimscope.langdata import table
from claimscope.stages.langguess import guess

LONG = 200_000
TOKENS = {
    "letters": "a" * LONG,
    "letters then at": "a" * LONG + "@",
    "at signs": "a@" * (LONG // 2),
    "dots": "a." * (LONG // 2),
    "hyphens": "a-" * (LONG // 2),
    "digits and letters": "1a" * (LONG // 2),
    "accented letters": "é" * LONG,
}


def _seconds(call) -> float:
    """CPU seconds of the second call: a quadratic path shows as seconds, while other
    processes loading the machine do not count (wall time would)."""
    call()  # warm: loads the language ID model and the word list once
    start = time.process_time()
    call()
    return time.process_time() - start


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
def test_language_guess_of_a_huge_token_is_fast(token):
    assert _seconds(lambda: guess(f"Un mot {token} puis la fin.")) < 0.5


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
def test_fused_word_search_of_a_huge_token_is_fast(token):
    assert _seconds(lambda: fused_words(f"un mot {token} puis la fin", "fr", table("fr"))) < 0.5


def test_noise_is_still_removed_before_language_id():
    g = guess("Écrivez à redaction.locale@exemple-journal.fr ou visitez www.exemple.org")
    assert "redaction" not in g.content_text and "exemple" not in g.content_text


LINES = {
    "menu parts": "Partager | " * 20_000,
    "repeated word": "the " * 50_000,
    "quotation marks": '« a " » “ ' * 20_000,
    "fused at full stops": "ville.le " * 30_000,
}


@pytest.mark.parametrize("line", LINES.values(), ids=LINES.keys())
def test_traces_stage_on_a_huge_line_is_fast(line):
    doc = Pipeline([Segment(), Language()]).run(Article(text=normalize_text("Titre\n\n" + line)))
    assert _seconds(lambda: Traces()(doc)) < 1.0
