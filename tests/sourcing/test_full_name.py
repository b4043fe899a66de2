"""A person a hop names by surname alone carries the full form the text gives
(stages/sourcing/phrases.py ``full_name``)."""

from __future__ import annotations

from claimscope.stages.sourcing.phrases import full_name
from tests.sourcing.test_chain import chain_of, make


def _full(text: str, name: str, lang: str) -> str | None:
    at = text.rindex(name)
    span = full_name(text, name, at, lang)
    return None if span is None else text[span[0]:span[1]]


def test_surname_in_another_case_takes_the_full_name_written_first():
    text = ("Gazeta cytuje słowa Tomasza Wilka, sołtysa wsi. Według Wilka woda jest skażona. "
            "Portal powtarza za Wilkiem to samo.")
    assert _full(text, "Wilkiem", "pl") == "Tomasza Wilka"


def test_titles_before_the_surname_are_no_part_of_it():
    text = "The harbour master Ruth Okafor closed the pier. Mr Okafor said the storm was near."
    assert _full(text, "Mr Okafor", "en") == "Ruth Okafor"


def test_a_word_capitalised_only_to_open_a_sentence_is_no_first_name():
    text = "Selon Marchetti, le pont est fermé. Le maire Marchetti le confirme."
    assert _full(text, "Marchetti", "fr") is None


def test_no_full_name_and_full_names_are_left_alone():
    text = "Ruth Okafor closed the pier. Okafor said the storm was near."
    assert _full(text, "Okafor", "en") is None  # the only first name opens the text
    assert _full("The pier closed, Ruth Okafor said.", "Ruth Okafor", "en") is None
    assert _full("Ruth Okafor of the Harbour Board said. The Harbour Board closed.", "Board", "en") is None
    assert _full("The NATO report came out.", "NATO", "en") is None


def test_the_chain_hop_carries_the_full_name():
    text = "The harbour master Ruth Okafor closed the pier. The Valley Courier reported that the storm was near, citing Okafor."
    hops, _, _ = chain_of(make(text, [("The Valley Courier", "reported", "the storm was near", False)]))
    assert hops[-1] == "Ruth Okafor"
    text = "Sołtys Tomasz Wilk zamknął most. Radio Północ podało, że woda jest skażona, powołując się na Wilka."
    hops, _, _ = chain_of(make(text, [("Radio Północ", "podało", "woda jest skażona", False)], lang="pl"))
    assert hops[-1] == "Tomasz Wilk"
