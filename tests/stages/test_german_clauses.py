"""German main-clause grammar of machine translation: the verb after the opening phrase
(verb_second.py), the adjective after a definite article and the gender of a noun after
its determiner (declension.py)."""

import pytest

from claimscope.langdata import table
from claimscope.stages.declension import genitive_gender, weak_declension
from claimscope.stages.verb_second import verb_second

DE = table("de")


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Deshalb die Stadtwerke erhöhen im Mai die Preise.", "Deshalb die Stadtwerke erhöhen"),
        ("Trotzdem er blieb im Amt.", "Trotzdem er blieb"),
        ("Laut Radio Nord die neuen Busse fahren ab Juni.", "Laut Radio Nord die neuen Busse fahren"),
        ("„Inzwischen wir wissen mehr über den Unfall“, sagte sie.", "Inzwischen wir wissen"),
    ],
)
def test_subject_before_the_verb_after_an_opening_phrase(sentence, found):
    assert [sentence[s:e] for s, e in verb_second(sentence, DE)] == [found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Deshalb erhöhen die Stadtwerke im Mai die Preise.",
        "Laut Angaben der Polizei fuhr der Wagen zu schnell.",  # a genitive after the name
        "Laut Radio Nord fahren die neuen Busse ab Juni.",
        "Trotzdem die Frage nach dem Geld.",  # no verb: a title or an aside
        "Jetzt die gute Nachricht: Der Zug fährt wieder.",
        "Auch die Feuerwehr kam.",  # a particle before its noun phrase
        "Heute, die Stadt feiert.",  # not one space between
    ],
)
def test_verb_second_left_alone(sentence):
    assert verb_second(sentence, DE) == []


def test_verb_second_only_where_the_table_asks():
    assert verb_second("Therefore the council raised the fees.", table("en")) == []


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Die Zahlen kommen vom Regionales Wetteramt in Kiel.", "vom Regionales Wetteramt"),
        ("Er dankte dem neues Vorstand für die Arbeit.", "dem neues Vorstand"),
        ("Das kleines Dorf liegt am Fluss.", "Das kleines Dorf"),
        ("Sie kam im letzte Moment an.", "im letzte Moment"),
    ],
)
def test_adjective_in_an_ending_its_article_never_takes(sentence, found):
    assert [sentence[s:e] for s, e in weak_declension(sentence, "de", DE)] == [found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Zahlen kommen vom Regionalen Wetteramt in Kiel.",
        "Das kleine Dorf liegt am Rande Europas.",  # "Rande" is a noun
        "Die besser Verdienenden zahlen mehr.",  # a comparative
        "Der letztes Jahr gewählte Rat tagt heute.",  # a time inside the attribute
        "Der Plan, über den weitere Gespräche folgen, ist alt.",  # a relative pronoun
        "Der Verein, dem kleine Firmen helfen, wächst.",
        "Er gab dem seine Zustimmung nicht.",  # a determiner
    ],
)
def test_declension_left_alone(sentence):
    assert weak_declension(sentence, "de", DE) == []


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("Der Bürgermeister nannte die Hauptgrund nicht.", "die Hauptgrund"),  # Grund, Grundes
        ("Sie haben eine neue Vertrag unterschrieben.", "eine neue Vertrag"),  # an adjective between
        ("Die zuständige Bauamt schwieg.", "Die zuständige Bauamt"),  # the head of a compound: Amtes
        ("Die Gemeinde schloss eine Vertrag mit der Bahn.", "eine Vertrag"),
        ("Keine Kind musste draußen warten.", "Keine Kind"),  # opening the sentence
        ("Er erklärte seine Plan im Rathaus.", "seine Plan"),
    ],
)
def test_feminine_determiner_before_a_masculine_or_neuter_noun(sentence, found):
    assert [sentence[s:e] for s, e in genitive_gender(sentence, "de", DE)] == ([found] if found else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Antwort kam spät.",  # feminine: "Antwortes" is no form of it
        "Die neue Antwort kam spät.",
        "Die neuen Pläne liegen vor.",  # a plural
        "Die Lehrer streiken.",  # a plural that looks singular
        "Die Regierung tagt.",  # a feminine ending
        "Die Band spielte bis Mitternacht.",  # a feminine homonym
        "Das meldete die Bild am Sonntag.",  # a newspaper of the feminine
        "Sie dankte allen, die Geld gespendet hatten.",  # a relative pronoun
        "Die Land- und Forstwirte protestierten.",  # a suspended compound
        "Der Film „Eine Stadt im Nebel“ lief gestern.",  # feminine
        "Er las Die Zeit und Die Welt.",  # capitalised inside the sentence: titles
    ],
)
def test_noun_gender_left_alone(sentence):
    assert genitive_gender(sentence, "de", DE) == []


def test_noun_gender_only_where_the_table_asks():
    assert genitive_gender("Die Hauptgrund ist klar.", "de", {}) == []
