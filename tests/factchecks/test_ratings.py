"""Verdict normalisation: every language table, its wordings, numeric scales."""

from __future__ import annotations

import pytest

from claimscope.factchecks.ratings import normalise_text, normalise_verdict, tables, verdict_from_scale
from claimscope.model import VERDICTS

# Per language: (publisher wording, expected verdict). Every table must have cases here.
CASES = {
    "en": [("False", "false"), ("Pants on Fire!", "false"), ("Four Pinocchios", "false"),
           ("Three Pinocchios", "mostly_false"), ("Half True", "mixed"), ("Mostly True", "mostly_true"),
           ("TRUE", "true"), ("Missing context", "misleading"), ("Labeled Satire", "satire"),
           ("Unproven", "unverifiable"), ("Not true", "false"), ("Correct Attribution", "true"),
           ("False. The photo was taken in 2015.", "false"), ("Bottomless Pinocchio", "false"),
           ("Originated as Satire", "satire"), ("Photo out of context", "misleading"), ("Inconclusive", "unverifiable")],
    "fr": [("Faux", "false"), ("Plutôt faux", "mostly_false"), ("Trompeur", "misleading"),
           ("Vrai", "true"), ("C'est faux", "false"), ("Manque de contexte", "misleading"), ("Infondé", "unverifiable")],
    "es": [("Falso", "false"), ("Engañoso", "misleading"), ("Verdadero", "true"),
           ("Verdad a medias", "mixed"), ("Mayormente falso", "mostly_false"), ("Sátira", "satire")],
    "pt": [("Enganoso", "misleading"), ("Falso", "false"), ("Verdadeiro", "true"), ("Impreciso", "mixed"),
           ("Insustentável", "unverifiable")],
    "it": [("Fuorviante", "misleading"), ("Falso", "false"), ("Pinocchio andante", "false"),
           ("C'eri quasi", "mostly_true"), ("Nì", "mixed"), ("Vero", "true")],
    "de": [("Irreführend", "misleading"), ("Falsch", "false"), ("Größtenteils falsch", "mostly_false"),
           ("Richtig", "true"), ("Fehlender Kontext", "misleading"), ("Stimmt nicht", "false")],
    "nl": [("Onwaar", "false"), ("Misleidend", "misleading"), ("Grotendeels waar", "mostly_true"), ("Waar", "true")],
    "ru": [("Фейк", "false"), ("Манипуляция", "misleading"), ("Правда", "true"), ("Полуправда", "mixed"),
           ("Неправда", "false"), ("Скорее правда", "mostly_true")],
    "uk": [("Фейк", "false"), ("Маніпуляція", "misleading"), ("Напівправда", "mixed"), ("Перебільшення", "mostly_false")],
    "pl": [("Fałsz", "false"), ("Manipulacja", "misleading"), ("Prawda", "true"), ("Częściowa prawda", "mixed")],
    "vi": [("Sai sự thật", "false"), ("Tin giả", "false"), ("Gây hiểu lầm", "misleading"), ("Đúng", "true"),
           ("Phần lớn đúng", "mostly_true")],
    "tr": [("Yanlış", "false"), ("Yanıltıcı", "misleading"), ("Doğru", "true"), ("Kısmen doğru", "mixed")],
    "id": [("Salah", "false"), ("Hoaks", "false"), ("Menyesatkan", "misleading"), ("Benar", "true")],
    "ar": [("زائف", "false"), ("مضلل", "misleading"), ("صحيح", "true"), ("غير صحيح", "false")],
}


@pytest.mark.parametrize(
    "language,text,verdict", [(lang, t, v) for lang, cases in CASES.items() for t, v in cases],
    ids=lambda value: str(value),
)
def test_wording_maps_to_verdict(language, text, verdict):
    assert normalise_verdict(text, language=language) == (verdict, True)
    assert normalise_verdict(text) == (verdict, True)  # without the language hint too


def test_every_table_is_tested_and_valid():
    assert set(tables()) == set(CASES)
    for language, table in tables().items():
        assert table, language
        assert set(table.values()) <= set(VERDICTS) - {"unrated"}, language


def test_tables_agree_where_wordings_are_shared():
    seen: dict[str, tuple[str, str]] = {}
    for language, table in tables().items():
        for key, verdict in table.items():
            if key in seen:
                assert seen[key][1] == verdict, (key, seen[key][0], language)
            seen[key] = (language, verdict)


def test_normalise_text_folds_case_punctuation_and_apostrophes():
    assert normalise_text("  Pants  on FIRE! ") == "pants on fire"
    assert normalise_text("C’eri quasi") == normalise_text("c'eri quasi") == "ceri quasi"


@pytest.mark.parametrize("value,best,worst,verdict", [
    (1, 5, 1, "false"), (2, 5, 1, "mostly_false"), (3, 5, 1, "mixed"), (4, 5, 1, "mostly_true"),
    (5, 5, 1, "true"), (0, 1, 0, "false"), (1, 1, 0, "true"), (0.5, 1, 0, "mixed"),
    (2, None, None, "mostly_false"), (8, 10, 0, "mostly_true"), (9, 10, 0, "true"),
])
def test_numeric_scale(value, best, worst, verdict):
    assert verdict_from_scale(value, best, worst) == verdict


def test_numbers_outside_or_on_a_flat_scale_are_not_guessed():
    assert verdict_from_scale(7, 5, 1) is None
    assert verdict_from_scale(3, 3, 3) is None


def test_text_wins_over_numbers_and_numbers_fill_in():
    assert normalise_verdict("False", 5, 5, 1) == ("false", True)
    assert normalise_verdict("Zebra", 1, 5, 1) == ("false", True)


def test_unknown_and_missing_ratings():
    assert normalise_verdict("Zebra crossing") == ("unrated", False)
    assert normalise_verdict(None) == ("unrated", True)
    assert normalise_verdict("   ") == ("unrated", True)
