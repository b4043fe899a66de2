"""Word-level language evidence (``stages/wordodds.py``)."""

from __future__ import annotations

from claimscope.stages.wordodds import odds


def test_words_of_a_close_language_speak_for_it():
    found = odds("això és el que volen amagar".split(), "ca", "es")
    assert found.for_lang >= 2 and found.for_other == 0 and found.favours(2, 1.0)


def test_words_of_the_other_language_speak_against():
    found = odds("los vecinos dicen que pero nadie".split(), "ca", "es")
    assert found.for_other >= 2 and not found.favours(2, 1.0)


def test_shared_words_weigh_nothing_either_way():
    found = odds(["que", "de"], "es", "pt")
    assert found.for_lang == found.for_other == 0


def test_code_without_its_own_list_reads_a_neighbour_and_unknown_codes_give_none():
    assert odds("demonstrasjon foran rådhuset".split(), "nn", "ru").favours(2, 1.0)
    assert odds(["palabra"], "xx", "es") is None and odds([], "ca", "es") is None
