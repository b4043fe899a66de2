"""National agencies, broadcasters and papers of the project's languages: credited in our own
sentences, exact and inflected, and the common words among their names left alone."""

from __future__ import annotations

import pytest

from claimscope.outlets import default_registry, find_mentions


def _inflecting():
    from claimscope.stages.sourcing import inflecting_finder

    return inflecting_finder()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lo riferiscono Adnkronos e LaPresse, mentre Askanews aspetta conferme.",
         ["adnkronos", "lapresse", "askanews"]),
        ("Secondo Agenzia Italia la diga resta chiusa.", ["agi"]),
        ("Nach Angaben der Katholischen Nachrichtenagentur (KNA) und des Evangelischen Pressedienstes (epd)",
         ["kna", "epd"]),
        ("Según informó Servimedia, el plazo termina el lunes.", ["servimedia"]),
        ("Как сообщает ИТАР-ТАСС, а также ИА REGNUM, мост закрыт.", ["tass", "regnum"]),
        ("Сюжет вышел на РЕН ТВ, а газета «Ведомости» его повторила.", ["ren_tv", "vedomosti"]),
        ("Theo báo Dân trí và VietNamNet, cây cầu đã đóng cửa.", ["dantri", "vietnamnet"]),
        ("Segundo o Estadão e a Folhapress, a ponte foi fechada; a SIC Notícias confirmou.",
         ["estadao", "folhapress", "sic_pt"]),
        ("D'après TF1 et Le Journal du dimanche, le pont est fermé.", ["tf1", "jdd"]),
        ("Jak podaje RMF FM, most zamknięto (IAR).", ["rmf", "iar"]),
        ("Wie der Tagesspiegel und das Handelsblatt berichten", ["tagesspiegel", "handelsblatt"]),
    ],
)
def test_new_outlets_are_recognised(text, expected):
    assert [m.outlet.id for m in find_mentions(text) if m.outlet] == expected


@pytest.mark.parametrize(
    "text",
    [
        "AGI research could change the market, the lab said.",  # a common acronym: credit context only
        "Il ministro ha voluto dire la sua.",
        "Die SWR-Moderatorin und der BR-Kollege",  # short names of broadcasters: credit context only
        "Dân trí của người dân được nâng cao.",  # 'people's knowledge', not the paper
    ],
)
def test_ambiguous_short_names_need_a_credit_context(text):
    assert [m.outlet.id for m in find_mentions(text) if m.outlet] == []


def test_short_names_count_in_a_credit_context():
    text = "Das berichtete der BR."
    assert [m.outlet.id for m in find_mentions(text, [(15, 21)]) if m.outlet] == ["br_de"]
    assert [m.outlet.id for m in find_mentions("Il progetto è stato annunciato (AGI).") if m.outlet] == ["agi"]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ru", "Об этом рассказал ведущий Пятого канала.", ["channel5_ru"]),
        ("pl", "Informację potwierdziła Informacyjna Agencja Radiowa, a dziennikarz agencji PAP ją powtórzył.",
         ["iar", "pap"]),
        ("pt", "Uma reportagem do Diário de Notícias citou a Agência Estado.", ["dn_pt", "agencia_estado"]),
    ],
)
def test_new_names_in_another_inflection(lang, text, expected):
    assert [m.outlet.id for m in _inflecting().find(text, lang=lang) if m.outlet] == expected


def test_state_media_marks_only_what_is_known():
    registry = default_registry()
    assert registry.get("prime_ru").state_media and registry.get("telam").state_media
    assert not registry.get("adnkronos").state_media and registry.get("agi").ownership == "unknown"
    assert registry.by_domain("https://www.agi.it/cronaca/x").id == "agi"
