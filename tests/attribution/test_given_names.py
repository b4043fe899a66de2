"""A pronoun stands for the person its gender agrees with, where only a given name tells
that person's gender (genders.json ``given_names``: common names of one sex in each
language; names given to either sex left out). Sentences are our own."""

from claimscope.stages.attribution.genders import mention_gender, word_gender
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
