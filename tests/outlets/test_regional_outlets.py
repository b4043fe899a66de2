"""Regional papers and broadcasters, big sites and aggregators, disinformation and
state-linked sites, and the language services of international outlets: credited in our
own sentences, exact and inflected, and the common words among their names left alone."""

from __future__ import annotations

import pytest

from claimscope.outlets import default_registry, find_mentions


def _inflecting():
    from claimscope.stages.sourcing import inflecting_finder

    return inflecting_finder()


def _ids(text, spans=()):
    return [m.outlet.id for m in find_mentions(text, spans) if m.outlet]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("D'après La Voix du Nord et Le Télégramme, la digue a cédé.", ["lavoixdunord", "letelegramme"]),
        ("Nice-Matin et Midi Libre citent la préfecture.", ["nicematin", "midilibre"]),
        ("Wie die Rheinische Post und der Kölner Stadt-Anzeiger melden", ["rp_de", "ksta"]),
        ("Según La Voz de Galicia y el Heraldo de Aragón, el puerto sigue cerrado.", ["lavozdegalicia", "heraldo"]),
        ("Lo scrivono il Resto del Carlino e La Gazzetta del Mezzogiorno.", ["restodelcarlino", "gazzettamezzogiorno"]),
        ("Segundo a Gazeta do Povo e o Correio Braziliense, a obra parou.", ["gazetadopovo", "correiobraziliense"]),
        ("Как пишет Фонтанка.ру, мост закрыли; ИноСМИ перевел статью.", ["fontanka", "inosmi"]),
        ("Jak podaje Dziennik Bałtycki i Gazeta Krakowska, prom nie wypłynął.", ["dziennik_baltycki", "gazeta_krakowska"]),
        ("Theo Báo Nghệ An và Hà Nội Mới, cây cầu đã đóng cửa.", ["baonghean", "hanoimoi"]),
        ("Según BBC News Mundo y DW Español, el puente cayó.", ["bbc", "dw"]),
        ("Segundo a BBC News Brasil e a RFI Brasil, a ponte caiu.", ["bbc", "rfi"]),
        ("Theo VOA Tiếng Việt và RFA Tiếng Việt, cây cầu bị sập.", ["voa", "rfa"]),
        ("Lo riferisce Sputnik Italia, citando un sito russo.", ["sputnik"]),
        ("Das Portal Anti-Spiegel und die Junge Freiheit verbreiteten die Zahl.", ["antispiegel", "junge_freiheit"]),
        ("L'article de FranceSoir reprend le Réseau Voltaire.", ["francesoir", "voltairenet"]),
        ("The Boston Globe and the Manchester Evening News both ran the photo.", ["bostonglobe", "men_uk"]),
        ("A clip aired on Newsmax was shared by The Grayzone.", ["newsmax", "grayzone"]),
    ],
)
def test_new_outlets_are_recognised(text, expected):
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die WAZ-Leser und das hr-Team",  # short names: a credit context only
        "La Nouvelle République fut proclamée au printemps.",
        "Il ponte della Krone è chiuso.",
        "Мы видим знак Знак на дороге, а Дождь идёт.",
        "Record numbers came in, the Band played on and Caracol beach was empty.",
        "Công an Nhân dân tỉnh đã vào cuộc; tin trên Báo Mới",
        "The OAN flight code was cancelled.",  # a short name: a credit context only
    ],
)
def test_ambiguous_names_need_a_credit_context(text):
    assert _ids(text) == []


def test_ambiguous_names_count_in_a_credit_context():
    text = "Das berichtete die WAZ."
    assert _ids(text, [(15, 22)]) == ["waz"]
    text = "Об этом сообщил телеканал Дождь."
    assert _ids(text, [(16, 31)]) == ["tvrain"]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("de", "Ein Bericht der Hannoverschen Allgemeinen Zeitung zitiert die Stadt.", ["haz"]),
        ("pl", "Informację podała Gazeta Polska, a za nią Gazety Krakowskiej nie cytowano.", ["gazeta_polska", "gazeta_krakowska"]),
        ("ru", "Об этом сообщила Парламентская газета со ссылкой на Эхо Москвы.", ["pnp_ru", "echo_msk"]),
    ],
)
def test_new_names_in_another_inflection(lang, text, expected):
    assert [m.outlet.id for m in _inflecting().find(text, lang=lang) if m.outlet] == expected


def test_ownership_only_where_known():
    registry = default_registry()
    assert registry.get("inosmi").state_media and registry.get("baonghean").state_media
    assert registry.get("newsfront").ownership == "unknown" and not registry.get("newsfront").state_media
    assert registry.get("hr_de").ownership == "public_broadcaster"
    assert registry.by_domain("https://corrieredibologna.corriere.it/x").id == "corrierebologna"
    assert registry.by_domain("https://www.corriere.it/x").id == "corriere"
    assert registry.by_domain("news-front.su").id == "newsfront"
