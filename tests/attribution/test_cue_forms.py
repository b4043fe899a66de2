"""Cue forms beyond the table's list (issue 11): every form of a verb the table lists in
one form (``form_lemmas``, when its lemma has the shape of an infinitive), a verb found by
its lemma opening its sentence with a capital before a complementizer, the Russian
impersonal passive of a reporting verb, and a hearsay adverb opening a verb-second clause.
Sentences are our own."""

from claimscope.stages.attribution.table_patterns import form_lemmas
from tests.attribution.util import by_cue, run


def test_other_inflections_of_a_listed_form_are_cues():
    _, found = run(["La alcaldesa sostenía que el puente era seguro."], "es")
    assert by_cue(found, "sostenía")["speaker"] == "La alcaldesa"
    _, found = run(["O ministro defendia que a ponte era segura."], "pt")
    assert by_cue(found, "defendia")["content"] == "a ponte era segura"


def test_only_lemmas_shaped_as_infinitives():
    raw = {"language": "it", "form_lemmas": True, "infinitive_shape": "(?:are|ere|ire)$",
           "verbs": ["sostiene", "precisa", "ha detto"], "auxiliaries": ["ha"]}
    found = form_lemmas(raw, "verbs")
    assert "sostenere" in found and "preciso" not in found  # "precisa" read as an adjective
    assert not form_lemmas({**raw, "form_lemmas": False}, "verbs")


def test_a_capitalised_verb_that_opens_its_sentence_before_a_complementizer():
    _, found = run(["El puente sigue cerrado.", "Sostenía que la obra terminará en mayo."], "es")
    assert by_cue(found, "Sostenía")["content"] == "la obra terminará en mayo"
    _, found = run(["Мост закрыт.", "Сообщалось, что ремонт закончится в мае."], "ru")
    assert by_cue(found, "Сообщалось")["content"] == "ремонт закончится в мае"
    _, found = run(["Sostenía García la pancarta."], "es")  # a name, or no complementizer: no cue
    assert not found


def test_the_impersonal_passive_of_a_reporting_verb_cites_its_text():
    _, found = run(["В докладе отмечается, что ремонт закончится в мае."], "ru")
    a = by_cue(found, "отмечается")
    assert a["speaker"] == "докладе" and a["content"] == "ремонт закончится в мае"
    _, found = run(["Если сроки подтвердятся, «ремонт закончится в мае»."], "ru")  # plural, no report
    assert not found
    _, found = run(["Это объясняется тем, что зима была тёплой."], "ru")
    assert not found


def test_a_hearsay_adverb_opening_a_verb_second_clause():
    _, found = run(["Angeblich ist der Kapitän am Montag zurückgetreten."], "de")
    a = by_cue(found, "Angeblich")
    assert a["speaker"] is None and a["anonymous"] and a["content"] == "ist der Kapitän am Montag zurückgetreten"
