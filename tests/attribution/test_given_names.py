"""A pronoun stands for the person its gender agrees with, where only a given name tells
that person's gender (genders.json ``given_names``: common names of one sex in each
language; names given to either sex left out). Sentences are our own."""

from claimscope.stages.attribution.genders import after_gender, mention_gender, word_gender
from tests.attribution.util import run


def test_a_common_given_name_tells_the_gender():
    cases = [("fr", "Marie Lefort", "f"), ("fr", "Jean Morel", "m"), ("de", "Ursula Brandt", "f"),
             ("de", "Jürgen Falk", "m"), ("es", "Isabel Ortega", "f"), ("es", "José Marín", "m"),
             ("pt", "Inês Carvalho", "f"), ("pt", "João Mendes", "m"), ("it", "Giulia Ferri", "f"),
             ("it", "Andrea Galli", "m"), ("it", "Luca Conti", "m"), ("ru", "Никита Белов", "m"),
             ("ru", "Ирина Белова", "f")]
    for lang, name, gender in cases:
        assert mention_gender(name, lang) == gender, (lang, name)
    assert mention_gender("Camille Girard", "fr") is None  # given to either sex


def test_a_pronoun_stands_for_the_person_whose_given_name_agrees():
    cases = [
        ("fr", ["Sylvie Moreau a rencontré Bernard Lenoir à la mairie.", "Elle a dit que le projet avancerait."],
         "a dit", "Sylvie Moreau"),
        ("fr", ["Bernard Lenoir a rencontré Sylvie Moreau à la mairie.", "Elle a dit que le projet avancerait."],
         "a dit", "Sylvie Moreau"),
        ("de", ["Sabine Krüger traf Wolfgang Henkel am Montag im Rathaus.", "Er sagte, der Plan sei fertig."],
         "sagte", "Wolfgang Henkel"),
        ("es", ["Mercedes Lozano se reunió con Javier Ruiz en el ayuntamiento.", "Él dijo que el plan estaba listo."],
         "dijo", "Javier Ruiz"),
        ("pt", ["Beatriz Moura recebeu Rui Tavares na câmara.", "Ele disse que o plano estava pronto."],
         "disse", "Rui Tavares"),
        ("it", ["Andrea Russo ha incontrato Chiara Greco in municipio.", "Lei ha detto che il piano è pronto."],
         "ha detto", "Chiara Greco"),
        ("ru", ["Никита Соколов встретился с Мариной Лебедевой в мэрии.", "Он сказал, что план готов."],
         "сказал", "Никита Соколов"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        got = [a["entity"] for a in found if a["cue"] == cue]
        assert got == [entity], (lang, found)


def test_a_feminine_suffix_of_a_role_noun_tells_the_gender():
    cases = [("de", "Virologin", "f"), ("de", "Polizistin", "f"), ("fr", "chercheuse", "f"),
             ("fr", "rectrice", "f"), ("es", "investigadora", "f"), ("pt", "pesquisadora", "f"),
             ("it", "ambasciatrice", "f"), ("pl", "dziennikarka", "f"), ("ru", "учительница", "f")]
    for lang, word, gender in cases:
        assert word_gender(word, lang) == gender, (lang, word)
    for lang, word in [("de", "Berlin"), ("fr", "frontière"), ("pl", "gospodarka"), ("pl", "rozmowa"),
                       ("ru", "больница"), ("ru", "граница"), ("es", "empresa")]:
        assert word_gender(word, lang) is None, (lang, word)
    assert mention_gender("Svea Adler", "de", "Landrat Ole Brandt sprach mit der Virologin") == "f"


def test_a_nearer_name_that_agrees_outranks_an_antecedent_of_no_known_gender():
    cases = [
        ("fr", ["Loïc Brunet a reçu lundi la chercheuse Maëlle Adler.", "Elle a dit que l'étude était finie."],
         "a dit", "Maëlle Adler"),
        ("es", ["Xabi Etxeberria recibió el lunes a la investigadora Nerea Olano.", "Ella dijo que el estudio había terminado."],
         "dijo", "Nerea Olano"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert [a["entity"] for a in found if a["cue"] == cue] == [entity], (lang, found)
    # a speaker who has spoken stays the one talked about
    _, found = run(["Loïc Brunet a déclaré que l'usine rouvrirait.", "Il a reçu lundi la chercheuse Maëlle Adler.",
                    "Il a ajouté que l'étude était finie."], "fr")
    assert [a["entity"] for a in found if a["cue"] == "a ajouté"] == ["Loïc Brunet"], found


def test_the_word_after_a_name_tells_its_gender():
    cases = [("ru", " встретилась с ним", "f"), ("ru", " встретился с ней", "m"), ("pl", " spotkała się", "f"),
             ("fr", ", interrogée lundi", "f"), ("es", ", elegida en mayo", "f"), ("es", ", abogado de", "m"),
             ("it", ", arrivato ieri", "m"), ("pt", ", eleita em maio", None), ("pt", ", nascida em", "f"),
             ("es", ", nada más", None), ("fr", " Dupont", None)]
    for lang, after, gender in cases:
        assert after_gender(after, lang) == gender, (lang, after)


def test_a_verb_or_participle_after_a_name_outweighs_its_given_names_ending():
    cases = [
        ("ru", ["Айно Мякинен встретилась с Тойво Лахти в мэрии.", "Она сказала, что план готов."],
         "сказала", "Айно Мякинен"),  # "Айно" reads as a man's name by its ending
        ("pl", ["Aino Mäkinen odwiedziła Toivo Lahtiego w ratuszu.", "On powiedział, że plan jest gotowy."],
         "powiedział", "Toivo Lahtiego"),
        ("fr", ["Aino Mäkinen, interrogée lundi, a rencontré Toivo Lahti.", "Il a dit que le plan était prêt."],
         "a dit", "Toivo Lahti"),
        ("es", ["Aino Mäkinen, elegida en mayo, recibió a Toivo Lahti.", "Él dijo que el plan estaba listo."],
         "dijo", "Toivo Lahti"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert [a["entity"] for a in found if a["cue"] == cue] == [entity], (lang, found)


def test_a_plural_pronoun_stands_for_a_plural_description_not_one_person():
    cases = [
        ("en", ["Mayor Tom Hale met several residents on Monday.", "They said the shelters were full."], "said", "residents"),
        ("fr", ["Le maire Paul Roy a reçu les syndicats de la CGT lundi.", "Ils ont dit que les salaires baisseraient."],
         "ont dit", "syndicats"),
        ("es", ["El alcalde Juan Gil recibió a los vecinos de Triana.", "Ellos dijeron que el agua faltaba."],
         "dijeron", "vecinos"),
        ("it", ["Il sindaco Marco Riva ha ricevuto i commercianti del centro.", "Loro hanno detto che i clienti mancano."],
         "hanno detto", "commercianti"),
        ("pt", ["O prefeito João Reis recebeu os moradores do bairro.", "Eles disseram que falta água."],
         "disseram", "moradores"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert [a["entity"] for a in found if a["cue"] == cue] == [entity], (lang, found)
    _, found = run(["Mayor Tom Hale said the bridge would open.", "He added that they had waited long enough."], "en")
    assert [a["entity"] for a in found] == ["Tom Hale", "Tom Hale"], found
