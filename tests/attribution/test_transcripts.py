"""Transcript turns ("NAME (role): …" lines): one attribution per guest turn, none for
the host. The transcripts are our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment

BULLETIN = (
    "TRANSCRIPT: Evening bulletin\n\n"
    "HOST MARIA SANTOS: Good evening. The river reached its highest level in forty years on Sunday. "
    "Professor, how bad is it?\n\n"
    "PROF. ALAN REED: Thank you, Maria. The flood barriers held in the old town, but the northern "
    "suburbs took most of the water. We expect the level to fall by Wednesday.\n\n"
    "SANTOS: Should families go back home?\n\n"
    "REED: Not yet. The ground floors will stay damp for at least a week.\n"
)

DEBAT = (
    "Débat du soir, transcription\n\n"
    "CLAIRE DUBOIS (animatrice) : Bonsoir. Le conseil municipal a voté le budget hier soir. "
    "Monsieur Garnier, vous étiez contre ?\n\n"
    "PAUL GARNIER (élu d'opposition) : Oui. Ce budget coupe les crédits des écoles de quartier. "
    "Les familles paieront la différence.\n\n"
    "CLAIRE DUBOIS : Madame Roux, que répondez-vous ?\n\n"
    "LUCIE ROUX (adjointe aux finances) : C'est inexact. Les crédits des écoles augmentent de deux pour cent.\n"
)


def attributions(text: str, lang: str) -> list[dict]:
    doc = AttributionStage()(Segment()(Document(Article(text), language=lang)))
    return [
        {
            "speaker": text[a.speaker_start : a.speaker_end] if a.speaker_start is not None else None,
            "cue": text[a.cue_start : a.cue_end],
            "content": text[a.content_start : a.content_end],
        }
        for a in doc.attributions
    ]


def test_guest_turns_are_attributions_and_host_turns_are_not():
    found = attributions(BULLETIN, "en")
    turns = [a for a in found if a["cue"] == ":"]
    assert [a["speaker"] for a in turns] == ["PROF. ALAN REED", "REED"]
    first, second = (a["content"] for a in turns)
    assert first.startswith("The flood barriers") and first.endswith("by Wednesday")
    assert second == "The ground floors will stay damp for at least a week"


def test_tags_with_a_role_in_parentheses():
    found = attributions(DEBAT, "fr")
    turns = [a for a in found if a["cue"] == ":"]
    assert [a["speaker"] for a in turns] == ["PAUL GARNIER", "LUCIE ROUX"]
    assert turns[0]["content"].startswith("Ce budget coupe")
    assert turns[1]["content"] == "Les crédits des écoles augmentent de deux pour cent"


def test_page_labels_are_no_transcript():
    text = (
        "Council approves new tram line\n\n"
        "The council approved the new tram line on Monday after a long debate in the chamber.\n\n"
        "Photo: The tram depot on the east side of the city, seen from the bridge.\n\n"
        "Source: Municipal press office, statement of Monday afternoon.\n\n"
        "Tags: transport, council, trams\n"
    )
    assert not [a for a in attributions(text, "en") if a["cue"] == ":"]


def test_question_and_answer_letters_are_no_speakers():
    text = (
        "Entrevista con la alcaldesa\n\n"
        "P: ¿Cuándo abrirá la nueva biblioteca del barrio?\n\n"
        "R: Las obras terminan en marzo y abriremos en abril, si todo va bien.\n\n"
        "P: ¿Y el presupuesto?\n\n"
        "R: Es el mismo que aprobó el pleno el año pasado, sin un euro más.\n"
    )
    assert not [a for a in attributions(text, "es") if a["speaker"] in ("P", "R")]


def test_the_reporter_of_the_broadcast_narrates_and_is_no_attribution():
    text = (
        "ANCHOR JOHN PARK: The ferry did not sail this morning. Our reporter is at the pier.\n\n"
        "EMMA HOLT, REPORTER: John, the ferry has been tied up since dawn and the ticket office is closed.\n\n"
        "SAM ROSS, FERRY CAPTAIN: The engine failed on the last crossing last night and we need a new part.\n\n"
        "HOLT: The company says the part should arrive on Friday.\n\n"
        "PARK: Thank you, Emma.\n"
    )
    found = attributions(text, "en")
    assert "SAM ROSS, FERRY CAPTAIN" in [a["speaker"] for a in found]
    assert not [a for a in found if a["speaker"] in ("EMMA HOLT, REPORTER", "HOLT")]


def test_hearsay_relayed_in_a_turn_is_kept_the_guests_own_saying_is_not():
    text = (
        "Tertulia de la mañana\n\n"
        "LAURA PEÑA (presentadora): Buenos días. Hoy hablamos del nuevo horario de los autobuses.\n\n"
        "JORGE MOLINA (vecino): Yo lo noté el lunes. Una vecina del tercero me contó que la línea 4 "
        "dejará de pasar por la plaza.\n\n"
        "PEÑA: ¿Y qué dice el ayuntamiento?\n\n"
        "MOLINA: Le digo lo que sé: nadie nos ha explicado nada todavía.\n"
    )
    found = attributions(text, "es")
    told = [a for a in found if a["cue"] == "contó"]
    assert [a["speaker"] for a in told] == ["Una vecina del tercero"]
    assert told[0]["content"].startswith("la línea 4")
    assert not [a for a in found if a["cue"] == "digo"]


def test_an_impersonal_saying_in_a_turn_is_kept():
    text = (
        "Radiogespräch am Abend\n\n"
        "MODERATOR: Guten Abend. Das Freibad bleibt diesen Sommer geschlossen.\n\n"
        "PETRA KRAUSE (Bademeisterin): Wir sind enttäuscht. Noch im Mai hieß es, das Becken werde "
        "rechtzeitig repariert.\n\n"
        "MODERATOR: Und jetzt?\n\n"
        "KRAUSE: Jetzt warten wir auf das Gutachten der Stadt.\n"
    )
    found = attributions(text, "de")
    said = [a for a in found if a["cue"].startswith("hieß")]
    assert len(said) == 1 and said[0]["content"].startswith("das Becken")


def test_a_turn_of_greetings_only_is_no_attribution():
    text = (
        "Poranna rozmowa, zapis\n\n"
        "PROWADZĄCY: Dzień dobry. Naszym gościem jest pani Ewa Kot z koła łowieckiego.\n\n"
        "EWA KOT: Dzień dobry, witam wszystkich bardzo serdecznie.\n\n"
        "PROWADZĄCY: Ile dzików policzono?\n\n"
        "EWA KOT: Mniej niż rok temu. Naliczyliśmy około 300 sztuk w całej gminie.\n\n"
        "KOT: Dziękuję bardzo.\n"
    )
    found = attributions(text, "pl")
    assert [a["content"] for a in found] == ["Mniej niż rok temu. Naliczyliśmy około 300 sztuk w całej gminie"]


def test_a_tag_may_hold_a_lower_case_particle_of_a_name():
    text = (
        "Entrevista da manhã, transcrição\n\n"
        "APRESENTADOR: Bom dia. A barragem do norte abriu as comportas ontem à noite. "
        "Engenheira, o que aconteceu?\n\n"
        "Ana de Souza (engenheira): Bom dia. A chuva da semana encheu o reservatório até o limite. "
        "As comportas ficam abertas até sexta-feira.\n\n"
        "APRESENTADOR: Há risco para as casas do vale?\n\n"
        "Souza: Não há risco. O rio sobe meio metro e volta ao leito em dois dias.\n"
    )
    turns = [a for a in attributions(text, "pt") if a["cue"] == ":"]
    assert [a["speaker"] for a in turns] == ["Ana de Souza", "Souza"]
    assert turns[0]["content"].startswith("A chuva da semana")
