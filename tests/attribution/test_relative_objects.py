"""A reporting verb in a subject relative clause speaks for the pronoun's antecedent, also
when that is the object of the main clause: the noun phrase right before the pronoun with
no comma, without the pronoun ("… interrogé un voisin qui affirme que …": "un voisin"), or a bare noun after a preposition in
a language without articles ("… z mieszkańcem, który powiedział …"); not an object relative
("la cifra que anunció el alcalde"), nor under a negation, nor inside what another verb
reports (issue 11). Sentences are our own."""

from tests.attribution.util import assert_speakers, run


def test_the_object_before_the_pronoun_speaks():
    assert_speakers([
        ("fr", "Le journal a interrogé un voisin qui affirme que le pont est fermé.", "affirme",
         "un voisin", "le pont est fermé"),
        ("es", "La radio entrevistó a un vecino que aseguró que el puente estaba cerrado.", "aseguró",
         "un vecino"),
        ("it", "Il giornale ha sentito un residente che ha detto che il ponte era chiuso.", "ha detto",
         "un residente"),
        ("pt", "O jornal ouviu um morador que disse que a ponte estava fechada.", "disse", "um morador"),
    ])


def test_an_aside_between_the_pronoun_and_its_verb():
    assert_speakers([
        ("es", "El canal habló también con una portavoz que, por teléfono, afirmó que la visita "
         "estaba acordada.", "afirmó", "una portavoz"),
    ])


def test_a_bare_noun_after_a_preposition_where_there_are_no_articles():
    assert_speakers([
        ("pl", "Portal rozmawiał z mieszkańcem, który powiedział, że most jest zamknięty.", "powiedział",
         "mieszkańcem, który"),
        ("ru", "Газета поговорила с жителем, который рассказал, что мост закрыт.", "рассказал",
         "жителем, который"),
    ])


def test_an_object_relative_keeps_no_object_as_speaker():
    _, found = run(["La cifra que anunció el alcalde no convence a los vecinos."], "es")
    assert all(not (a["speaker"] or "").startswith("los vecinos") for a in found)
    _, found = run(["Il a cité un document qui, selon lui, prouve la fraude."], "fr")
    assert all(a["speaker"] != "un document qui" for a in found)


def test_no_one_speaks_under_a_negation_nor_inside_another_report():
    _, found = run(["No hay ningún estudio que demuestre que la vacuna causa daños."], "es")
    assert found == []
    _, found = run(["El diario dijo que el vecino que aseguró que el puente estaba cerrado mentía."], "es")
    assert [a["speaker"] for a in found if a["cue"] == "aseguró"] in ([], ["El diario"])


def test_a_relative_clause_with_a_verb_of_its_own_is_the_subject_s():
    assert_speakers([
        ("fr", "Selon le journal, le maire qui habite ici affirme avoir vu les dégâts.", "affirme",
         "le maire qui habite ici"),
    ])
