"""A registry name that runs on into a longer proper name is no mention of the outlet
(outlets/boundaries.py), in our own sentences: a vaccine, a satellite, a party or an invented
site whose name holds an outlet's, and the neighbours that stay outside a name."""

from __future__ import annotations

import pytest

from claimscope.outlets import MentionFinder, default_registry, find_mentions


def _ids(text: str, lang: str | None = None) -> list[str]:
    finder = MentionFinder(default_registry())
    return [m.outlet.id for m in finder.find(text, (), lang) if m.outlet]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The regulator has not yet approved Sputnik V for adults.", "en"),
        ("La región pidió dosis de la vacuna Sputnik V la semana pasada.", "es"),
        ("Der Impfstoff Sputnik V wurde im Frühjahr zugelassen.", "de"),
        ("Les premières doses de Sputnik-V sont arrivées mardi.", "fr"),
        ("The museum shows a model of Sputnik 1 in its main hall.", "en"),
        ("O líder do partido Aliança Lusa anunciou a candidatura.", "pt"),
        ("A column in the Prairie Sputnik Gazette blamed the council.", "en"),
        ("Об этом сообщило агентство Интерфакс-Украина.", "ru"),
    ],
)
def test_a_name_inside_a_longer_name_is_no_outlet(text, lang):
    assert _ids(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a function word, a verb or punctuation after the name
        ("The claim was first published by Sputnik in March.", "en", ["sputnik"]),
        ("Sputnik reported the fire; the ministry denied it.", "en", ["sputnik"]),
        ("Selon Sputnik, le pont a été fermé.", "fr", ["sputnik"]),
        # a demonym before it, an outlet noun after it, a list of outlets
        ("The Russian Sputnik agency repeated the figure.", "en", ["sputnik"]),
        ("The story moved on Reuters and AFP within the hour.", "en", ["reuters", "afp"]),
        # a lower-case compound: the outlet itself
        ("Sputnik-backed sites shared the video.", "en", ["sputnik"]),
        # the registry's editions are names of their own
        ("Informację podał Sputnik Polska w poniedziałek.", "pl", ["sputnik"]),
        ("Lo dijo BBC Mundo en su edición del martes.", "es", ["bbc"]),
        ("Artykuł ukazał się w Echo Dnia Podkarpackie we wtorek.", "pl", ["echo_dnia"]),
        ("ВОЛОГДА, 3 марта (Интерфакс-Северо-Запад) — Мост закрыли.", "ru", ["interfax"]),
        # German capitalises every noun: a noun after or before the name says nothing
        ("Das sagte ein Sprecher der BBC Anfang März.", "de", ["bbc"]),
        # a headline in title case: capitals say nothing either
        ("Reuters Says Grain Shipments Resume", "en", ["reuters"]),
    ],
)
def test_a_name_standing_alone_is_the_outlet(text, lang, expected):
    assert _ids(text, lang) == expected


def test_a_run_on_span_gives_way_to_a_longer_alias_inside_it():
    text = "La vidéo a été diffusée par la chaîne RT France mardi."
    (mention,) = MentionFinder(default_registry()).find(text, (), "fr")
    assert text[mention.start:mention.end] == "RT France"
    assert mention.outlet.id == "rt"


def test_without_a_language_the_vaccine_is_no_outlet_either():
    assert find_mentions("Two clinics offer Sputnik V from today.") == []
