"""Credit lines found by their shape and by per-language words (docs/stages.md,
``credit_line``): agencies known to the outlet registry, the original's noun and a colon,
translation notes closing on the participle, wire sign-offs and bracketed names of outlets
the tables do not know, and the lines that only look like credits (our own example lines)."""

from __future__ import annotations

import pytest

from claimscope.stages import furniture_credit, furniture_patterns
from tests.stages.helpers import run

BODIES = {
    "en": "The ferry company cancelled its evening crossings on Friday because of strong winds. "
    "Passengers with tickets can travel on the first boat on Saturday at no extra cost.",
    "de": "Die Fährgesellschaft hat am Freitag wegen starken Windes ihre Abendfahrten gestrichen. "
    "Fahrgäste mit Tickets können am Samstag ohne Aufpreis mit dem ersten Schiff fahren.",
    "it": "La compagnia dei traghetti ha cancellato venerdì le corse serali per il forte vento. "
    "I passeggeri con biglietto potranno partire sabato con la prima nave senza costi aggiuntivi.",
    "pl": "Armator odwołał w piątek wieczorne rejsy z powodu silnego wiatru. "
    "Pasażerowie z biletami mogą popłynąć w sobotę pierwszym statkiem bez dopłaty.",
    "ru": "Паромная компания в пятницу отменила вечерние рейсы из-за сильного ветра. "
    "Пассажиры с билетами смогут уехать в субботу первым паромом без доплаты.",
    "es": "La naviera canceló el viernes sus travesías de la tarde por el fuerte viento. "
    "Los pasajeros con billete podrán viajar el sábado en el primer barco sin coste adicional.",
    "uk": "Поромна компанія в пʼятницю скасувала вечірні рейси через сильний вітер. "
    "Пасажири з квитками зможуть виїхати в суботу першим поромом без доплати.",
}


def _article(lang: str, line: str, lead: bool = False) -> str:
    body = BODIES[lang]
    if lead:
        return f"Title\n\n{line} {body}\n\n{body}\n\n{body}"
    return f"Title\n\n{body} {body}\n\n{body}\n\n{line}"


def _credits(text: str) -> list[str]:
    doc = run(text)
    return [doc.text[f.start : f.end] for f in doc.findings if f.kind == "credit_line"]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "— Bernama"),  # an agency of the outlet registry, not of the common table
        ("es", "Agencia EFE"),  # an agency's full name in the registry
        ("de", "Originalartikel: faehrbote.de"),  # the original's noun and a colon
        ("it", "Articolo originale: traghettinews.it"),
        ("ru", "Оригинал: parom-vesti.ru"),
        ("uk", "Оригінал: porom.ua"),
        ("de", "Aus dem Italienischen übersetzt"),  # a translation note closing on the participle
        ("en", "Based on reports from Interfax and Xinhua"),
        ("pl", "oprac. mw/PAP"),  # an abbreviated cue keeps its full stop
        ("it", "ab-cd/Nordnotizie"),  # an editor's initials and an outlet the tables do not know
        ("it", "(NotizieMare)"),  # a name shaped as one, in brackets, closing the article
        ("es", "(Prensa Costera)"),
    ],
)
def test_credit_line_by_shape(lang, line):
    assert _credits(_article(lang, line)) == [line]


@pytest.mark.parametrize(
    "lang, line, lead",
    [
        ("en", "(Updated)", False),  # a capitalised common word in brackets
        ("en", "(END)", False),  # one word in capitals
        ("en", "and/Or", False),
        ("de", "Laut Hafenamt gab es keine Verletzten.", False),  # a sentence after a preposition cue
        ("en", "Source of the picture: Wikimedia", False),  # credits a picture
        ("ru", "Оригинал договора хранится в архиве порта.", False),
        ("en", "NATO (Alliance) - the bloc said on Monday it would send more ships.", True),  # no date
    ],
)
def test_lines_that_only_look_like_credits(lang, line, lead):
    assert _credits(_article(lang, line, lead)) == []


def test_name_shapes():
    assert furniture_patterns.marked_name("Tirreno Notizie") and furniture_patterns.marked_name("LaNotizia")
    assert not furniture_patterns.marked_name("Opinion") and not furniture_patterns.marked_name("ENDS")
    assert furniture_patterns.agency("Agence France-Presse") == "Agence France-Presse"
    assert furniture_patterns.cue_name("Selon le maire, la gare fermera en juin") is None


def test_translation_note_opens_or_closes_on_a_translation_word():
    assert furniture_credit.translation_note("Aus dem Englischen übersetzt", "de")
    assert furniture_credit.translation_note("Traduit de l'anglais", "fr")
    assert not furniture_credit.translation_note("Die Fähre fuhr am Morgen wieder", "de")
    assert not furniture_credit.translation_note("Dieser Text wurde aus dem Englischen übersetzt", "de")  # a notice
    assert not furniture_credit.translation_note("KAPITEL EINS: EINE ALTE SAGE, NEU ÜBERSETZT", "de")
