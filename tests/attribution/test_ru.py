from tests.attribution.util import by_cue, run


def test_dash_inversion_and_po_slovam():
    _, found = run(
        [
            "«Цены продолжат расти», — предупредил экономист Игорь Лебедев.",
            "По словам Лебедева, урожай сократился.",
        ],
        "ru",
    )
    warned = by_cue(found, "предупредил")
    assert warned["speaker"] == "экономист Игорь Лебедев" and warned["direct"]
    assert by_cue(found, "По словам")["speaker"] == "Лебедева"


def test_anonymous_source():
    _, found = run(
        ["Источник, знакомый с ситуацией, сообщил, что соглашение уже готово."], "ru"
    )
    assert by_cue(found, "сообщил")["anonymous"]


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Двое дипломатов, знакомых с ходом переговоров, заявили, что соглашение близко."], "ru")
    assert by_cue(found, "заявили")["anonymous"]


def test_impersonal_plural_verb_takes_the_body_in_its_locative():
    _, found = run(["Мост закрыт на ремонт.", "Работы завершатся в июне, сообщили в пятницу в мэрии города."], "ru")
    a = by_cue(found, "сообщили")
    assert a["speaker"] == "мэрии города" and a["content"] == "Работы завершатся в июне"
    _, found = run(["Как рассказали в областной полиции, задержаны двое."], "ru")
    a = by_cue(found, "рассказали")
    assert a["speaker"] == "областной полиции" and a["content"] == "задержаны двое"
