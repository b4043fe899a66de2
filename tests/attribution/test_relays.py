"""Relay prepositions inside a reporting clause ("X reports, citing Y"): the relayed
source's words are what the clause reports, and the relaying subject stops before the
relay (docs/attribution.md). Sentences are our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment
from tests.attribution.util import assert_speakers, by_cue, run


def test_relay_after_an_inverted_subject_takes_the_verb_content():
    cases = [
        ("de", "Ein Frachter wurde im Hafen festgesetzt, berichtet die Zeitung Nordblick unter Berufung "
               "auf Polizeikreise.", "berichtet", "die Zeitung Nordblick", "unter Berufung auf", "Polizeikreise"),
        ("ru", "Над заливом сбили шесть беспилотников, сообщает агентство Восток со ссылкой на "
               "штаб округа.", "сообщает", "агентство Восток", "со ссылкой на", "штаб округа"),
        ("fr", "Six drones ont été abattus au-dessus du port, rapporte l'agence Horizon citant "
               "l'état-major.", "rapporte", "l'agence Horizon", "citant", "l'état-major"),
        ("es", "Tres buques fueron retenidos en el puerto, informó la agencia Delta citando a fuentes "
               "militares.", "informó", "la agencia Delta", "citando a", "fuentes militares"),
    ]
    for lang, sentence, verb, subject, relay, relayed in cases:
        _, found = run([sentence], lang)
        said, cited = by_cue(found, verb), by_cue(found, relay)
        assert said["speaker"] == subject, (lang, found)
        assert cited["speaker"] == relayed, (lang, found)
        assert cited["content"] == said["content"] == sentence.split(",")[0], (lang, found)


def test_relay_set_off_after_the_subject():
    _, found = run(["Газета, ссылаясь на источники в правительстве, пишет, что министр уйдет."], "ru")
    assert by_cue(found, "пишет")["speaker"] == "Газета"
    assert by_cue(found, "ссылаясь на")["content"] == "министр уйдет"
    _, found = run(["Trang Tin Nhanh, dẫn nguồn AFP, cho biết đoàn tàu đã rời cảng hôm qua."], "vi")
    assert by_cue(found, "cho biết")["speaker"] == "Trang Tin Nhanh"
    assert by_cue(found, "dẫn nguồn")["content"] == by_cue(found, "cho biết")["content"]


def test_english_citing_names_a_source_only_when_one_follows():
    _, found = run(["The port will close two berths, the Coast Herald reported on Friday, citing the "
                    "harbour authority."], "en")
    assert by_cue(found, "reported")["content"] == "The port will close two berths"
    cited = by_cue(found, "citing")
    assert cited["speaker"] == "the harbour authority"
    assert cited["content"] == "The port will close two berths"
    _, found = run(["Norvik Press, citing two officials, said the talks had stalled."], "en")
    assert by_cue(found, "said")["speaker"] == "Norvik Press"
    assert by_cue(found, "citing")["anonymous"]
    _, found = run(["The club cancelled the match, citing heavy rain."], "en")
    assert by_cue(found, "citing")["speaker"] == "The club"  # a reason, not a source


def test_an_opening_preposition_still_nests_the_clause():
    _, found = run(["Selon la radio Littoral, le maire a déclaré que la plage restera fermée."], "fr")
    outer, inner = by_cue(found, "Selon"), by_cue(found, "a déclaré")
    assert inner["content"] == "la plage restera fermée"
    assert found[inner["nested_in"]] == outer



def headline_colons(text: str, lang: str) -> list[str]:
    doc = Segment()(Document(Article(text), language=lang))
    found = AttributionStage()(doc).attributions
    return [text[a.speaker_start:a.speaker_end] for a in found if text[a.cue_start:a.cue_end] == ":"]


def test_headline_colon_with_a_speaker_of_the_body():
    assert headline_colons("Lindqvist: the new bridge will close for a year\n\nThe bridge will close in May, "
                           "the transport minister Eva Lindqvist said on Monday.", "en") == ["Lindqvist"]
    assert headline_colons("Telewizja Północ: most zostanie zamknięty na rok\n\nMost zostanie zamknięty w "
                           "maju, podała telewizja Północ w porannym wydaniu.", "pl") == ["Telewizja Północ"]
    assert not headline_colons("Lyon : la mairie ferme trois piscines\n\nLa mairie de Lyon a annoncé lundi "
                               "la fermeture de trois piscines.", "fr")  # speaks as a town hall
    assert not headline_colons("Lyon : une panne prive de courant trois quartiers\n\nTrois quartiers sont privés de "
                               "courant, a indiqué la société Lyon-Énergie dimanche.", "fr")  # another name


def test_generic_subjects_and_subjects_holding_a_reporting_verb():
    _, found = run(["On a appelé les pompiers aussitôt, raconte un voisin."], "fr")
    assert [a["speaker"] for a in found] == ["un voisin"]
    _, found = run(["Man sagt, das Wasser sei sauber."], "de")
    assert not found
    _, found = run(["Abe said the survey showed that prices rose."], "en")
    assert {a["cue"] for a in found} == {"said", "showed"}  # English keeps nested subjects (PolNeAR)


def test_a_subject_phrase_holding_a_reporting_verb_is_no_speaker():
    from claimscope.stages.attribution.quotes import find_quotes
    from claimscope.stages.attribution.rules import SentenceRules
    from claimscope.stages.attribution.spans import Raw
    from claimscope.stages.attribution.tables import load_table

    text = "Nowak mówi raport wykazał wzrost cen."
    rules = SentenceRules(text, load_table("pl"), find_quotes(text))
    cue = text.index("wykazał")
    raw = Raw((cue, cue + len("wykazał")), (0, cue - 1), (cue + 8, len(text) - 1), False)
    assert rules.clause_subject(raw, "verb")
    alone = Raw(raw.cue, (text.index("raport"), cue - 1), raw.content, False)
    assert not rules.clause_subject(alone, "verb")


def test_german_closing_so_names_the_speaker():
    _, found = run(["Die Brücke bleibe bis Mai gesperrt, so ein Sprecher der Stadtwerke."], "de")
    so = by_cue(found, "so")
    assert so["speaker"].startswith("ein Sprecher") and so["content"] == "Die Brücke bleibe bis Mai gesperrt"
    _, found = run(["Das Wasser war so kalt wie nie. So der Plan für morgen."], "de")
    assert not [a for a in found if a["cue"].lower() == "so"]


def test_make_known_constructions_are_cues():
    cases = [
        ("it", "Il Comune, interpellato ieri, ha fatto sapere che la strada resterà chiusa.", "ha fatto sapere"),
        ("fr", "La préfecture a fait savoir que la route restera fermée jusqu'à lundi.", "a fait savoir"),
        ("es", "El consistorio dio a conocer que la calle seguirá cortada hasta el lunes.", "dio a conocer"),
    ]
    for lang, sentence, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"], (lang, found)


def test_a_quoted_name_opening_the_sentence_is_the_subject():
    cases = [
        ("ru", "«Северный вестник» пишет, что министр уйдет в отставку.", "пишет", "«Северный вестник»"),
        ("pl", "„Gazeta Północna” twierdzi, że most zostanie zamknięty.", "twierdzi", "„Gazeta Północna”"),
        ("fr", "« Le Courrier » affirme que la ligne fermera en mai.", "affirme", "« Le Courrier »"),
    ]
    assert_speakers(cases)
    _, found = run(["« Nous reconstruirons tout », affirme le maire."], "fr")
    assert by_cue(found, "affirme")["speaker"] == "le maire"  # a quotation, then its speaker


def test_a_role_repeated_without_the_name_is_the_same_speaker():
    for lang, sentences in (
        ("it", ["Il ministro degli Esteri Luca Ferri ha detto che i colloqui riprenderanno.",
                "Secondo il ministro degli Esteri, le sanzioni resteranno."]),
        ("en", ["Foreign Minister Jan Kowal said on Monday that talks would resume.",
                "The foreign minister added that sanctions would stay."]),
    ):
        _, found = run(sentences, lang)
        assert len({a["entity"] for a in found}) == 1, (lang, found)


def test_a_headline_label_is_no_speaker_whose_name_only_opens_a_longer_word():
    assert not headline_colons("Ferry: the crossing to the islands stops for a week\n\nThe crossing stops on "
                               "Monday, the company Ferrylink said in a statement.", "en")  # "Ferry" opens "Ferrylink"
    assert headline_colons("Свиридов: мост закроют на год\n\nМост закроют в мае, по словам министра "
                           "Свиридова.", "ru") == ["Свиридов"]  # an ending, not another word
