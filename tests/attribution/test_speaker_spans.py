"""Speaker spans that must not take in what is no part of the subject: an aside set off by
commas between the subject and its verb, an interjection that opens a line. Sentences are our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment
from tests.attribution.util import assert_speakers, by_cue, run


def test_an_aside_between_the_subject_and_the_verb_is_no_apposition():
    cases = [
        ("es", "El ayuntamiento, oficialmente, solo ha informado de dos heridos.", "ha informado", "El ayuntamiento"),
        ("es", "La empresa, por ahora, ha asegurado que no habrá despidos en la planta.", "ha asegurado", "La empresa"),
        ("it", "La questura, ufficialmente, ha confermato soltanto due arresti.", "ha confermato", "La questura"),
        ("pt", "A prefeitura, oficialmente, apenas informou dois feridos.", "informou", "A prefeitura"),
        ("en", "The council, however, said the road would reopen in June.", "said", "The council"),
        ("en", "The council, officially, has only confirmed two injuries.", "has only confirmed", "The council"),
    ]
    assert_speakers(cases)


def test_an_apposition_before_an_adverb_stays():
    _, found = run(["O antigo diretor da fábrica, Rui Costa, já disse que a obra está parada."], "pt")
    assert by_cue(found, "disse")["speaker"] == "O antigo diretor da fábrica, Rui Costa"


def test_an_interjection_opening_a_line_is_no_speaker():
    for lang, sentence, cue in (
        ("es", "Mire, dije que el puente no aguantaría.", "dije"),
        ("es", "Mire, le dije al alcalde que el puente no aguantaría.", "dije"),
        ("pt", "Olha, disseram-nos que a ponte aguentaria.", "disseram-nos"),
    ):
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] is None, (lang, found)
    _, found = run(["Écoutez, le maire a dit que le pont tiendrait."], "fr")
    assert by_cue(found, "a dit")["speaker"] == "le maire"



def test_a_clause_or_adverbial_aside_is_no_part_of_the_speaker():
    cases = [
        ("en", "The blog, when its readers asked about the photos, wrote that a friend had sent them.",
         "wrote", "The blog"),
        ("en", "The mayor, in a statement on Monday, said the road would reopen.", "said", "The mayor"),
        ("fr", "Le maire, lors d'une réunion publique, a affirmé que la route rouvrirait.", "a affirmé", "Le maire"),
    ]
    assert_speakers(cases)


def test_a_relative_clause_or_description_after_a_name_stays():
    _, found = run(["Anna Berg, a nurse who lives nearby, said the fire started at night."], "en")
    assert by_cue(found, "said")["speaker"] == "Anna Berg, a nurse who lives nearby"


def test_a_sentence_end_fused_onto_the_next_word_ends_the_phrase_before():
    _, found = run(["Les prix ont encore monté sur le marché de la ville.le gouvernement a annoncé une aide."], "fr")
    assert by_cue(found, "a annoncé")["speaker"] == "le gouvernement"


def test_an_interjection_opening_a_transcript_line_is_no_speaker_tag():
    text = ("PRESENTADORA: Buenas noches. Hoy hablamos del puente.\n"
            "LUIS PARDO: Gracias por invitarme. El puente tiene grietas desde hace años y nadie hizo nada.\n"
            "PRESENTADORA: ¿Quién tiene la culpa?\n"
            "Mire: la culpa es de la empresa que lo construyó y de quien la contrató.\n"
            "LUIS PARDO: Y eso lo sabe todo el pueblo desde hace mucho tiempo.")
    _, found = run(text.split("\n"), "es")
    assert "Mire" not in [a["speaker"] for a in found]
    assert "LUIS PARDO" in [a["speaker"] for a in found]


def test_the_pronoun_joined_to_an_inverted_verb_is_the_speaker_not_the_one_told():
    _, found = run(["La ministre Claire Dubois a visité l'usine.",
                    "« L'argent est là », assure-t-elle au Parisien."], "fr")
    a = by_cue(found, "assure-t-elle")
    assert (a["speaker"], a["entity"]) == ("elle", "Claire Dubois")


def test_the_one_told_after_or_before_an_inverted_subject_is_no_part_of_it():
    cases = [
        ("de", "„Die Schleuse bleibt zu“, erklärte der Hafenmeister dem Lokalradio am Dienstag.", "erklärte",
         "der Hafenmeister"),
        ("de", "„Die Schleuse bleibt zu“, erklärte die Leiterin einem Reporter.", "erklärte", "die Leiterin"),
        ("de", "„Die Schleuse bleibt zu“, erklärte der Leiter der Behörde.", "erklärte", "der Leiter der Behörde"),
        ("pl", "Śluza pozostanie zamknięta, powiedział kierownik portu Adam Lis reporterom.", "powiedział",
         "kierownik portu Adam Lis"),
        ("pl", "– Śluza pozostanie zamknięta – powiedział TVP kierownik portu.", "powiedział", "kierownik portu"),
        ("pl", "– Śluza pozostanie zamknięta – powiedział Lokalnemu Radiu kierownik portu.", "powiedział",
         "kierownik portu"),
        ("ru", "«Шлюз останется закрытым», — сказал репортёру газеты начальник порта.", "сказал",
         "начальник порта"),
        ("ru", "«Шлюз останется закрытым», — сказал РБК начальник порта.", "сказал", "начальник порта"),
        ("ru", "«Шлюз останется закрытым», — сообщил изданию начальник порта.", "сообщил", "начальник порта"),
    ]
    assert_speakers(cases)


def test_an_inverted_subject_after_a_lone_time_adverb_keeps_its_determiner():
    _, found = run(["La piscine rouvrira en juin, a indiqué mardi la communauté de communes."], "fr")
    assert by_cue(found, "a indiqué")["speaker"] == "la communauté de communes"


def test_a_clause_with_a_relative_aside_before_an_inverted_subject_is_its_content():
    _, found = run(["La piscine, qui avait été vidée pendant l'été, rouvrira en juin, a précisé sa directrice."],
                   "fr")
    a = by_cue(found, "a précisé")
    assert a["speaker"] == "sa directrice"
    _, found = run(["Un chalutier breton, le Goéland, est resté à quai depuis lundi dans le port de Lorient, "
                    "a annoncé mardi la préfecture maritime de l'Atlantique."], "fr")
    assert by_cue(found, "a annoncé")["speaker"] == "la préfecture maritime de l'Atlantique"


def test_a_pronoun_after_a_preposition_cue_is_the_whole_speaker():
    _, found = run(["Le festival, qui attirait selon elle près de 40 000 spectateurs, ne reviendra pas."], "fr")
    assert by_cue(found, "selon")["speaker"] == "elle"


def test_an_acronym_before_a_relay_preposition_is_the_subject():
    _, found = run(["Число пассажиров выросло втрое, сообщает РБК со ссылкой на пресс-службу вокзала."], "ru")
    assert by_cue(found, "сообщает")["speaker"] == "РБК"


def test_an_inverted_subject_before_an_adverbial_clause():
    _, found = run(['"No llego a la parada", contaba ayer Rosa Vidal mientras esperaba el autobús.'], "es")
    assert by_cue(found, "contaba")["speaker"] == "Rosa Vidal"
    _, found = run(["La biblioteca abre el lunes, aunque la sala infantil sigue cerrada, informó la concejalía "
                    "en una nota a los vecinos."], "es")
    assert by_cue(found, "informó")["speaker"] == "la concejalía"


def test_a_dateline_far_before_the_verb_is_no_subject_of_an_inverted_one():
    _, found = run(["LYON, 4 mars 2024 (AFP) - Près de 20 000 foyers étaient privés de gaz dimanche matin après "
                    "une fuite sur une conduite principale près du fleuve, a indiqué l'opérateur public Gazéo."], "fr")
    assert by_cue(found, "a indiqué")["speaker"] == "l'opérateur public Gazéo"


def test_an_object_pronoun_between_a_quotation_and_its_verb_is_the_one_told():
    _, found = run(["« On travaille à perte », nous a confié un maraîcher."], "fr")
    assert by_cue(found, "a confié")["speaker"] == "un maraîcher"
    _, found = run(['"No llego a fin de mes", me decía Luis Prado.'], "es")
    assert by_cue(found, "decía")["speaker"] == "Luis Prado"


def test_a_capitalised_kicker_of_a_headline_is_no_speaker():
    text = "ALLARME GENITORI: lo zucchero nei succhi provoca il diabete nei bambini\nUn post virale sostiene il falso."
    doc = AttributionStage()(Segment()(Document(Article(text), language="it")))
    assert not [a for a in doc.attributions if text[a.cue_start : a.cue_end] == ":"]


def test_a_relative_clause_with_a_complementizer_word_stays_in_the_subject():
    cases = [
        ("es", "Una lectora que vive en Vigo nos escribe: «El puerto lleva un mes cerrado».", "escribe",
         "Una lectora que vive en Vigo"),
        ("it", "Un lettore che abita a Bari ci ha scritto che il porto è chiuso da un mese.", "ha scritto",
         "Un lettore che abita a Bari"),
        ("pt", "Um leitor que mora em Braga escreveu que a ponte ficou fechada.", "escreveu",
         "Um leitor que mora em Braga"),
    ]
    for lang, sentence, cue, speaker in cases:
        _, found = run([sentence], lang)
        a = by_cue(found, cue)
        assert (a["speaker"], a["anonymous"]) == (speaker, True), (lang, found)
    _, found = run(["El alcalde dijo que los vecinos afirman que el agua sube."], "es")
    assert by_cue(found, "dijo")["speaker"] == "El alcalde"


def test_an_elided_determiner_holds_the_noun_of_the_one_told():
    _, found = run(["« Le quai a cédé », a confié à l'AFP un docker présent ce soir-là."], "fr")
    assert by_cue(found, "a confié")["speaker"] == "un docker présent ce soir-là"


def test_russian_object_pronouns_and_locatives_before_an_impersonal_verb():
    _, found = run(["Однако в пресс-службе сети нам сказали, что видео снято в другом городе."], "ru")
    assert by_cue(found, "сказали")["speaker"] == "в пресс-службе сети"
    _, found = run(["А музей, как нам рассказали, откроется в мае."], "ru")
    assert by_cue(found, "рассказали")["speaker"] is None
    _, found = run(["«Мы закроемся в мае», — рассказала нам продавщица."], "ru")
    assert by_cue(found, "рассказала")["speaker"] == "продавщица"
    _, found = run(["Однако в пятницу нам сказали, что видео снято в другом городе."], "ru")
    assert by_cue(found, "сказали")["speaker"] is None


def test_a_place_named_after_the_verb_is_no_subject():
    _, found = run(["Le courant est revenu dans la soirée, a précisé sur X un porte-parole de la régie, Marc Roy."], "fr")
    assert by_cue(found, "a précisé")["speaker"] == "un porte-parole de la régie, Marc Roy"


def test_a_relative_clause_with_commas_of_its_own_stays_with_its_subject():
    _, found = run(["Сергей Волков, который называет себя защитником жильцов, пострадавших от застройки, "
                    "заявил, что дом снесут."], "ru")
    assert by_cue(found, "заявил")["entity"] == "Сергей Волков"


def test_a_filler_between_a_preposition_and_its_verb_is_no_subject():
    cases = [
        ("it", "Secondo quanto riferisce il sito Salute Vera, la clinica ha chiuso.", "riferisce", "il sito Salute Vera"),
        ("es", "Según lo que contó el vecino, el fuego empezó de madrugada.", "contó", "el vecino"),
        ("fr", "D'après ce que rapporte le quotidien, la ministre a démissionné.", "rapporte", "le quotidien"),
        ("pt", "Segundo o que disse o prefeito, a ponte vai reabrir em maio.", "disse", "o prefeito"),
    ]
    for lang, sentence, cue, speaker in cases:
        _, found = run([sentence], lang)
        assert [(a["cue"], a["speaker"]) for a in found] == [(cue, speaker)], (lang, found)


def test_an_infinitive_after_the_one_told_is_no_subject():
    _, found = run(["La direction, elle, reproche aux syndicats d'avoir bloqué les négociations."], "fr")
    a = by_cue(found, "reproche")
    assert (a["speaker"], a["entity"]) == ("La direction, elle", "direction")


def test_a_quoted_name_inside_the_speaker_phrase():
    _, found = run(["«Аварий больше не будет», — отметил директор МУП «Горводоканал» Олег Сомов."], "ru")
    a = by_cue(found, "отметил")
    assert (a["speaker"], a["entity"]) == ("директор МУП «Горводоканал» Олег Сомов", "Олег Сомов")
    _, found = run(["Мы спросили оператора.", "В пресс-службе компании «Север-Связь» ответили, что вышка законна."], "ru")
    assert by_cue(found, "ответили")["speaker"] == "В пресс-службе компании «Север-Связь»"
    _, found = run(["Нам прислали копию разрешения.", "В компании пообещали повесить табличку."], "ru")
    assert by_cue(found, "пообещали")["speaker"] == "В компании"


def test_a_relative_pronoun_past_an_adverbial_stands_for_its_antecedent():
    _, found = run(["La radio cita al concejal Pablo Soto, quien en una entrevista con la emisora local "
                    "sostuvo que el puente estaba cerrado."], "es")
    a = by_cue(found, "sostuvo")
    assert a["speaker"].endswith("Pablo Soto, quien") and a["entity"] == "Pablo Soto"


def test_an_inverted_subject_ends_at_an_adverb_or_before_an_adverbial_after_its_quoted_name():
    cases = [  # the middle field after the subject: the subject still follows its verb
        ("de", "Gestern meldete die Stadtverwaltung bereits die Schließung des Parks.", "meldete", "die Stadtverwaltung"),
        ("es", "La alcaldía cerró el parque, informó el diario «El Faro» en su edición digital.", "informó",
         "el diario «El Faro»"),
        ("ru", "Мэрия закрыла парк, сообщила газета «Вечерний город» в своём выпуске.", "сообщила",
         "газета «Вечерний город»"),
        ("it", "La giunta ha chiuso il parco, scrive il quotidiano «Il Faro» nella sua edizione.", "scrive",
         "il quotidiano «Il Faro»"),
        ("pl", "Ratusz zamknął park – podał dziennik „Głos Miasta” w swoim wydaniu.", "podał", "dziennik „Głos Miasta”"),
    ]
    assert_speakers(cases)


def test_a_prepositional_object_or_an_interrogative_after_the_verb_is_no_inverted_subject():
    _, found = run(["Gestern schrieb auf seinem Kanal: „Es ist zu spät.“"], "de")
    assert by_cue(found, "schrieb")["speaker"] is None  # "auf seinem Kanal": where, not who
    _, found = run(["Sadownik, który mieszka obok, mówi co innego."], "pl")
    assert by_cue(found, "mówi")["speaker"] == "Sadownik, który mieszka obok"  # "co innego": what is said
    _, found = run(["Le port est fermé, a indiqué lundi la préfecture."], "fr")  # a time word is no preposition
    assert by_cue(found, "a indiqué")["speaker"] == "la préfecture"
