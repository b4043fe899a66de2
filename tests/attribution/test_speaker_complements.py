"""Speakers described by a complement of place or origin, by the writer's own contact or by
what someone said, and the spans and pronouns around them (``entities.py``, ``spans.py``,
``subjects.py``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.stages.attribution.entities import EntityResolver
from claimscope.stages.attribution.tables import load_table

from .util import by_cue, run


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("en", "A teacher from Derby"),  # a place after "from", not her name
        ("pl", "Moja sąsiadka z Lublina"),  # the writer's own contact
        ("ru", "Мой старый знакомый, водитель из Казани"),
        ("en", "my neighbour"),
        ("it", "il mio vicino di casa"),  # the article before the possessive
        ("fr", "Selon le récit d'un témoin"),  # what an unnamed witness said
    ],
)
def test_unnamed_descriptions_are_anonymous(lang, mention):
    assert EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("fr", "mon ami de Riposte Nord"),  # a name after the writer's possessive
        ("ru", "Мой Центробанк"),
        ("es", "mi cálculo"),  # the writer's own estimate, nobody's words
        ("en", "our congressman"),  # someone's office, not the writer's own contact
        ("en", "Teacher Anna Holt from Derby"),
    ],
)
def test_named_or_own_statements_are_not_anonymous(lang, mention):
    assert not EntityResolver(load_table(lang)).anonymous(mention)


def test_a_place_after_a_preposition_is_not_the_speakers_name():
    _, found = run(["Сельский врач из Казани говорит прямо: «Это неправда».",  # ("Знакомый …" is anonymous)
                    "Как пишет он, всё было иначе."], "ru")
    assert by_cue(found, "говорит")["entity"] == "врач из Казани"
    assert by_cue(found, "пишет")["entity"] == "врач из Казани"


def test_a_name_after_its_title_outranks_a_place_in_the_apposition():
    _, found = run(['"Con đi học phải dậy sớm", chị Lê Thị Lan, một phụ huynh ở bản Nà Cọ, chia sẻ.',
                    "Theo chị, mỗi lượt đò giá 5.000 đồng."], "vi")
    assert by_cue(found, "chia sẻ")["entity"] == "Lê Thị Lan"
    assert by_cue(found, "Theo")["entity"] == "Lê Thị Lan"


def test_a_german_description_with_an_article_gives_way_to_the_apposed_name():
    _, found = run(["Wie der Autor des Artikels, der Historiker Peter Lang, behauptet, sind die Märkte leer.",
                    "Laut ihm stammt die Zahl aus einer Umfrage."], "de")
    assert "Peter Lang" in by_cue(found, "behauptet")["entity"]
    assert "Peter Lang" in by_cue(found, "Laut")["entity"]


def test_a_place_after_a_connector_is_no_antecedent():
    _, found = run(["O vídeo foi publicado pela influenciadora @receitas.da.ana, de Campo Belo, no domingo.",
                    '"Funciona sempre", conta ela.'], "pt")
    assert by_cue(found, "conta")["entity"] != "Campo Belo"


def test_a_pronoun_after_an_anonymous_speaker_stands_for_it_after_a_named_body():
    _, found = run(["The Daily Courier wrote that the ads were real.",
                    "A reader of this blog who lives near Leeds told us that he had answered a listing on the board.",
                    '"They told me to smile," he said.'], "en")
    he = by_cue(found, "said")
    assert he["anonymous"] and "reader" in he["entity"]
    assert not any(a["cue"] == "answered" for a in found)  # his own words, inside what he told us


def test_a_complement_keeps_its_determiner_in_the_speaker():
    _, found = run(["A reader of this blog told us the ads were real."], "en")
    assert by_cue(found, "told")["speaker"] == "A reader of this blog"


@pytest.mark.parametrize(
    "lang, sentence, speaker, cue",
    [
        ("es", "Un vídeo de dos minutos, atribuido a «un bombero de Soria», asegura que el humo es tóxico.",
         "Un vídeo de dos minutos, atribuido a «un bombero de Soria»", "asegura"),
        ("fr", "Le message, signé « un pompier de Rouen », affirme que la fumée est toxique.",
         "Le message, signé « un pompier de Rouen »", "affirme"),
    ],
)
def test_a_short_quotation_inside_an_apposition_is_part_of_the_subject(lang, sentence, speaker, cue):
    _, found = run([sentence], lang)
    found = by_cue(found, cue)
    assert found["speaker"] == speaker and found["content"].endswith(("tóxico", "toxique"))


def test_a_quotation_before_its_verb_stays_content():
    _, found = run(["«El humo es tóxico», asegura un bombero."], "es")
    assert by_cue(found, "asegura")["speaker"] == "un bombero"
