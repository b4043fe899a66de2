"""A relative clause of citing on a speaker (``relays.py``): the one cited says what the
outer attribution reports; and a pronoun never stands for a speaker it quotes itself.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .util import by_cue, run


@pytest.mark.parametrize(
    "lang, sentence, cue, speaker, content",
    [
        ("fr", "D'après le journal, qui cite un conseiller municipal, la fête sera annulée cette année.",
         "cite", "un conseiller municipal", "la fête sera annulée cette année"),
        ("fr", "Selon la radio locale, qui cite la préfecture, deux routes sont coupées.",
         "cite", "la préfecture", "deux routes sont coupées"),
        ("pl", "Rząd obniży podatki – twierdzi portal Nowy Głos, który powołuje się na raport ministerstwa finansów.",
         "powołuje", "raport ministerstwa finansów", "Rząd obniży podatki"),
        ("es", "El puerto cerrará en mayo, informó el diario El Faro, que cita a la agencia Norte.",
         "cita", "la agencia Norte", "El puerto cerrará en mayo"),
        ("it", "Secondo il portale, che cita una fonte del ministero, il porto chiuderà.",
         "cita", "una fonte del ministero", "il porto chiuderà"),
        ("pl", "Rząd obniży podatki – twierdzi portal Nowy Głos, który powołuje się na raport ministerstwa "
               "i wypowiedź Jana Nowaka, radnego.",
         "powołuje", "raport ministerstwa", "Rząd obniży podatki"),  # one conjunct: one entity
    ],
)
def test_the_one_cited_says_the_outer_content(lang, sentence, cue, speaker, content):
    _, found = run([sentence], lang)
    cited = by_cue(found, cue)
    assert (cited["speaker"], cited["content"]) == (speaker, content)


def test_a_short_outer_content_keeps_the_citing_subject():
    _, found = run(["La noticia la dio el portal Voz Libre, que cita un informe de la policía."], "es")
    assert by_cue(found, "cita")["speaker"] != "un informe de la policía"


def test_a_relative_of_another_verb_keeps_its_subject():
    _, found = run(["Selon le journal, qui précise que la route est fermée, deux ponts sont coupés."], "fr")
    assert by_cue(found, "précise")["speaker"].startswith("le journal")


@pytest.mark.parametrize(
    "lang, sentences, entity",
    [
        ("ru", ["Канал «Честный доктор» опубликовал новый пост.",
                "«Знакомый врач из Твери говорит: лекарство не помогает», — пишет он."], "Честный доктор"),
        ("en", ["The columnist Mark Hale wrote a new post.",
                "\"An official told me the road was closed,\" he wrote."], "Mark Hale"),
    ],
)
def test_a_pronoun_does_not_stand_for_whom_it_quotes(lang, sentences, entity):
    _, found = run(sentences, lang)
    pronoun = found[-1]
    assert (pronoun["entity"], pronoun["anonymous"]) == (entity, False)
