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
