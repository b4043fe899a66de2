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
    "fr": "La compagnie de ferries a annulé vendredi ses traversées du soir à cause du vent fort. "
    "Les passagers munis d'un billet pourront embarquer samedi sur le premier bateau sans frais.",
    "pt": "A companhia de ferries cancelou na sexta-feira as viagens da noite por causa do vento forte. "
    "Os passageiros com bilhete podem viajar no sábado no primeiro barco sem custo adicional.",
    "vi": "Hãng phà đã hủy các chuyến buổi tối vào thứ Sáu vì gió mạnh. "
    "Hành khách có vé có thể đi chuyến đầu tiên vào sáng thứ Bảy mà không phải trả thêm.",
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


@pytest.mark.parametrize(
    "lang, line",
    [  # a note on where the text first appeared: a page noun or the line's head, a "published" word, a name
        ("en", "This story first appeared in the Bayside Ledger."),
        ("en", "A version of this article appeared in the Bayside Ledger."),
        ("en", "Republished with permission from Bayside Ledger."),
        ("en", "Reuters contributed to this report."),  # the agency before the verb
        ("fr", "Cet article a d'abord été publié par Le Journal de la Rade."),
        ("de", "Dieser Beitrag erschien zuerst im „Fährboten“."),
        ("es", "Este artículo se publicó originalmente en Gaceta del Muelle."),
        ("pt", "Este texto foi publicado primeiro no Diário da Ribeira."),
        ("it", "Questo articolo è apparso originariamente su La Voce del Porto."),
        ("ru", "Материал впервые опубликован на сайте parom-vesti.ru"),
        ("pl", "Artykuł ukazał się pierwotnie w Gazecie Nabrzeżnej."),
        ("vi", "Bài viết được đăng lần đầu trên Báo Bến Phà."),
    ],
)
def test_note_on_the_first_publication_is_a_credit(lang, line):
    assert _credits(_article(lang, line)) == [line]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("ru", "Источник: «Паромные вести»"),  # a quoted name after a label
        ("ru", "По материалам газеты «Паромные вести»"),
        ("fr", "Source : « Le Journal de la Rade »"),  # quotation marks are no words
        ("fr", "D'après un article du Journal de la Rade"),  # a kind of text before the name
        ("vi", "Tổng hợp từ các hãng tin"),  # opening on a vague source
        ("pt", "Com Agência Brasil"),  # a capitalised kind of outlet is part of the name
    ],
)
def test_quoted_names_and_nouns_before_a_name(lang, line):
    assert _credits(_article(lang, line)) == [line]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "This article was published in English and French."),  # languages, not an outlet
        ("en", "This story was updated on Monday 3 March."),
        ("it", "Questo articolo è stato pubblicato il 3 marzo."),
        ("ru", "Оригинал: «Сорок паромов снова выходят в море этой весной»"),  # the original's title
    ],
)
def test_publication_notes_without_an_outlet(lang, line):
    assert _credits(_article(lang, line)) == []
