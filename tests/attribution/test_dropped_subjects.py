"""Reporting verbs whose subject is dropped (pro-drop languages): a verb that opens the
sentence is no subject of a later "as" clause, and that clause stays, with no speaker."""

import pytest

from tests.attribution.util import run

OPENING_VERB = [
    (["Sołtys Jan Kowal rozmawiał z nami w środę.",
      "Potwierdza, że most jest zamknięty, ale – jak zaznacza – „tylko do wiosny”."], "pl", "zaznacza"),
    (["O alcaide Rui Costa falou connosco.",
      "Admite que a ponte está fechada, mas – como sublinha – “só até à primavera”."], "pt", "sublinha"),
    (["El alcalde Luis Mora habló con este diario.",
      "Reconoce que el puente está cerrado, pero, como subraya, «solo hasta la primavera»."], "es", "subraya"),
    (["Il sindaco Carlo Neri ha parlato con noi.",
      "Ammette che il ponte è chiuso, ma – come sottolinea – «solo fino alla primavera»."], "it", "sottolinea"),
    (["Глава села Иван Петров поговорил с нами.",
      "Признаёт, что мост закрыт, но, как подчёркивает, «только до весны»."], "ru", "подчёркивает"),
]


@pytest.mark.parametrize("sentences,lang,cue", OPENING_VERB)
def test_an_opening_verb_is_no_subject_of_an_as_clause(sentences, lang, cue):
    _, found = run(sentences, lang)
    inner = [a for a in found if a["cue"] == cue]
    assert inner and inner[0]["speaker"] is None and inner[0]["entity"] is None


def test_a_dropped_subject_as_clause_inside_the_report_stays():
    _, found = run(["Wójt Anna Lis odwiedziła szkołę.",
                    "Przyznaje, że w szkole mówiła o remoncie, ale – jak podkreśla – „jako o planie, a nie o tym, że trzeba ją zamykać”."], "pl")
    assert [a["cue"] for a in found if a["speaker"] is None] == ["Przyznaje", "podkreśla"]


def test_a_named_opening_subject_still_speaks():
    _, found = run(["Rzecznik Jan Kowal potwierdza, że most jest zamknięty, ale – jak zaznacza – „tylko do wiosny”."], "pl")
    assert next(a for a in found if a["cue"] == "zaznacza")["speaker"] == "Rzecznik Jan Kowal"


AS_FRAMES = [
    ("ru", "Как подчеркнул министр транспорта и дорожного хозяйства области Олег Рыбин, мост откроют весной.",
     "подчеркнул", "министр транспорта и дорожного хозяйства области Олег Рыбин"),
    ("es", "Como subrayó el ministro de Transportes y Obras Públicas Juan Gómez, las obras han terminado.",
     "subrayó", "el ministro de Transportes y Obras Públicas Juan Gómez"),
    ("it", "Come ha sottolineato il ministro dei Trasporti e delle Infrastrutture Carlo Neri, i lavori sono finiti.",
     "ha sottolineato", "il ministro dei Trasporti e delle Infrastrutture Carlo Neri"),
    ("ru", "Как подчеркнул министр Олег Рыбин, регион продолжит ремонт дорог: на это выделено 10 млн рублей.",
     "подчеркнул", "министр Олег Рыбин"),
]


@pytest.mark.parametrize("lang,sentence,cue,speaker", AS_FRAMES)
def test_the_comma_closes_the_subject_of_an_as_frame(lang, sentence, cue, speaker):
    _, found = run([sentence], lang)
    assert next(a for a in found if a["cue"] == cue)["speaker"] == speaker
