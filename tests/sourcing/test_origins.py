"""Who the route names, on invented sentences: an outlet inside an agent phrase, speaker
phrases with a clause after their head, documents with a possessive, outlet nouns that do or
do not refer back, channels named in inflected Russian, descriptions that name no one."""

from __future__ import annotations

from claimscope.stages.sourcing.phrases import leading_name
from tests.sourcing.test_chain import make
from tests.sourcing.test_route import STAGE, _paragraphs


def hops(text, attributions=(), lang="en"):
    (chain,) = STAGE(_paragraphs(make(text, attributions, lang=lang))).sourcing
    return [h.name for h in chain.hops]


def test_an_agent_phrase_running_into_a_registry_outlet_is_that_outlet():
    text = ("Brücke gesperrt\n\nNach Darstellung des staatlichen Senders Rossija 1 hat der Bürgermeister die Brücke "
            "am Montag gesperrt.\n\nDer Sender meldete dies unter Berufung auf das Rathaus von Kleinstadt.")
    names = hops(text, [("staatlichen", "Nach Darstellung des", "hat der Bürgermeister die Brücke am Montag gesperrt",
                         False)], lang="de")
    assert names[:2] == ["this article", "Rossija 1"]
    assert "Senders Rossija" not in names


def test_a_speaker_phrase_with_a_clause_after_its_head_names_the_head_not_an_outlet_in_the_clause():
    said = "The Valley Harbour Fund (VHF), which has owned the daily Pine Post and two radio stations since 2015"
    text = f"Harbour to close\n\n{said}, says the old harbour will close in May."
    names = hops(text, [(said, "says", "the old harbour will close in May", False)])
    assert names == ["this article", "Valley Harbour Fund"]


def test_a_long_speaker_opening_on_a_name_and_its_bracketed_acronym():
    said = "El Fondo Portuario del Sur (FPS), que gestiona los muelles y las grúas de la ciudad de Valle"
    start, end = leading_name(said)
    assert said[start:end] == "El Fondo Portuario del Sur"


def test_an_outlet_noun_inside_the_clause_refers_to_no_earlier_outlet():
    text = ("Grúas nuevas\n\nEl puerto comprará diez grúas, según recoge el diario Correo del Valle, que cita a la "
            "agencia Norte Press. Fuentes del puerto consultadas por este diario recordaron que las compras se hacen "
            "a través de la Junta Portuaria.")
    names = hops(text, lang="es")
    assert names[:3] == ["this article", "Correo del Valle", "Norte Press"]
    assert "Junta Portuaria" not in names


def test_a_possessive_stands_where_a_determiner_does_before_a_document():
    text = ("Mast row\n\nThe new mast carries 4G equipment only, according to the company's own application.\n\n"
            "The parish chairman, Tom Hale, admitted that the letters went out late.")
    names = hops(text, [("the company's own application", "according to", "The new mast carries 4G equipment only",
                         False), ("The parish chairman, Tom Hale", "admitted", "the letters went out late", False)])
    assert names == ["this article", "the company's own application"]


def test_a_channel_named_in_the_locative_case_is_an_outlet():
    text = ("Мост закрыт\n\nКак сообщил в своём телеграм-канале «Правда Долины» автор блога, в городе закрыли "
            "старый мост.")
    names = hops(text, [(None, "сообщил", "в городе закрыли старый мост", False)], lang="ru")
    assert names == ["this article", "Правда Долины"]


def test_a_description_whose_capitals_are_only_a_place_is_no_origin_the_outlet_quotes():
    claim = "В городе с понедельника закрыли для машин старый мост через реку Вязь"
    text = (f"Мост закрыт\n\n{claim}, пишет газета «Правда Долины».\n\n"
            "Знакомый инженер из Заречья говорит, что мост не выдержит зиму.")
    names = hops(text, [("газета «Правда Долины»", "пишет", claim, False),
                        ("Знакомый инженер из Заречья", "говорит", "мост не выдержит зиму", False)], lang="ru")
    assert names == ["this article", "Правда Долины"]


def test_an_outlet_noun_after_an_inverted_verb_still_refers_back():
    text = ("Brücke gesperrt\n\nDie alte Brücke in Kleinstadt bleibt bis Mai für Autos gesperrt, berichtet der Sender "
            "Talwelle.\n\nAm Montag meldete der Sender unter Berufung auf die Stadtwerke Kleinstadt, die Reparatur "
            "dauere länger.")
    names = hops(text, lang="de")
    assert names[:3] == ["this article", "Talwelle", "Stadtwerke Kleinstadt"]


def test_the_author_of_a_testimony_an_outlet_aired_is_the_origin():
    text = ("Incendie au marché\n\nLe marché couvert de Valbourg n'a pas brûlé par accident, selon le témoignage d'un "
            "ancien gardien de nuit diffusé par la chaîne Écho du Val.")
    said = "le témoignage d'un ancien gardien de nuit diffusé"
    names = hops(text, [(said, "selon", "Le marché couvert de Valbourg n'a pas brûlé par accident", True)], lang="fr")
    assert names == ["this article", "Écho du Val", "un ancien gardien de nuit"]


def test_a_description_by_a_noun_not_used_before_is_the_unnamed_source_just_before_it():
    claim = "Die alte Straßenbahnhalle in Kleinstadt wird im März geschlossen"
    text = (f"Halle schließt\n\n{claim}, berichtet der Kanal „Talwelle“. Woher der Kanal das weiß? Von einem Insider, "
            "der nicht genannt werden will. Dieser Mann habe erzählt, dass die Bahnen in die neue Halle ziehen.")
    names = hops(text, [("der Kanal „Talwelle“", "berichtet", claim, False),
                        ("Dieser Mann", "habe erzählt", "die Bahnen in die neue Halle ziehen", False)], lang="de")
    assert names == ["this article", "Talwelle", "Insider"]


def test_a_relayed_description_whose_clause_after_the_comma_says_it_is_anonymous():
    text = ("Mine flooded\n\nThe lower gallery of the northern mine flooded overnight, reports the newspaper Valley "
            "Courier, citing an engineer of the Northern Mining Company, who wants to stay anonymous.")
    (chain,) = STAGE(_paragraphs(make(text))).sourcing
    assert [h.name for h in chain.hops] == ["this article", "Valley Courier", "an engineer of the Northern Mining Company"]
    assert chain.hops[-1].anonymous


def test_a_speaker_made_long_by_an_apposition_after_a_comma_is_read_by_its_head():
    said = "La ingeniera Marta K. Quiroga, una hidróloga del Instituto de Aguas de la Sierra de Valdemar"
    text = (f"Presa\n\n{said}, ha advertido que la presa de Valdemar pierde agua desde 2019, según el portal "
            "Agua Clara Noticias.\n\nLos vecinos piden una inspección.")
    names = hops(text, [(said, "ha advertido", "la presa de Valdemar pierde agua desde 2019", False),
                        ("el portal Agua Clara Noticias", "según", "la presa de Valdemar pierde agua desde 2019", False)],
                 lang="es")
    assert names[:2] == ["this article", "Agua Clara Noticias"]
    assert len(names) == 3 and "Marta K. Quiroga" in names[2]


def test_the_head_of_a_speaker_is_read_past_an_apposition_not_past_a_relative_clause():
    from claimscope.stages.sourcing.phrases import apposed_head
    said = "La doctora Ana M. Lindqvist, una investigadora del Instituto de Aguas de la Sierra de Valdemar"
    assert apposed_head(said, "es") == "La doctora Ana M. Lindqvist"
    said = "Jan K. Nowak, hydrolog z Instytutu Wód Górskich w Dolinie Srebrnej i wykładowca uczelni"
    assert apposed_head(said, "pl") == "Jan K. Nowak"
    said = "La cooperativa Valle Verde Servizi, che gestisce da dieci anni il canile comunale di Borgoalto"
    assert apposed_head(said, "it") is None
    said = "El canal «Voz del Valle Alto», con unos 12.000 suscriptores en sus tres cuentas de mensajería"
    assert apposed_head(said, "es") is None
