"""An outlet's name closing the article alone on its line, in brackets or after a dash
(docs/stages.md, ``credit_line``, ``agency_tag``): registry outlets of several words with
small-letter words inside, their short names, names of that shape the registry does not
know, and the lines that only look like them (our own example lines)."""

from __future__ import annotations

import pytest

from claimscope.stages import furniture_patterns
from tests.stages.helpers import run

BODY = {
    "it": "Il comune ha chiuso il ponte sul fiume per lavori urgenti alla struttura. "
    "Le auto dovranno passare dalla strada provinciale fino alla fine del mese.",
    "es": "El ayuntamiento cerró el puente del río por obras urgentes en la estructura. "
    "Los coches tendrán que pasar por la carretera provincial hasta final de mes.",
    "de": "Die Stadt hat die Brücke über den Fluss wegen dringender Arbeiten gesperrt. "
    "Autos müssen bis Ende des Monats über die Landstraße fahren.",
    "pt": "A câmara fechou a ponte sobre o rio para obras urgentes na estrutura. "
    "Os carros terão de passar pela estrada nacional até ao fim do mês.",
    "en": "The council closed the river bridge for urgent repairs to its structure. "
    "Cars will have to use the county road until the end of the month.",
}


def _credits(lang: str, line: str) -> list[str]:
    body = BODY[lang]
    doc = run(f"Title\n\n{body} {body}\n\n{body}\n\n{line}")
    return [doc.text[f.start : f.end] for f in doc.findings if f.kind == "credit_line"]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("it", "(Il Resto del Carlino)"),  # a registry outlet with small-letter words inside
        ("es", "(La Voz de Galicia)"),
        ("de", "(WDR)"),  # a broadcaster's short name the registry knows
        ("pt", "(Diário de Notícias)"),
        ("it", "(Gazzetta del Borgo)"),  # by its shape: capitalised at both ends, particles between
        ("it", "(Eco della Valle)"),
        ("es", "— La Voz de Galicia"),  # after a dash: registry outlets only
        ("de", "– Kölner Stadt-Anzeiger"),
    ],
)
def test_outlet_name_closing_the_article(lang, line):
    assert _credits(lang, line) == [line]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "(END)"),  # a word in capitals the registry does not know
        ("es", "(FIN)"),
        ("en", "(photo)"),
        ("en", "(Updated)"),
        ("it", "(Foto di Anna Verdi)"),  # a caption word opens it
        ("en", "(Read the whole report here)"),  # small-letter words that are no particles
        ("es", "— Pedro de Luna"),  # a dash before a name the registry does not know: a signature
        ("it", "– non lasciate il telefono acceso di notte"),  # a list item
    ],
)
def test_lines_that_only_look_like_a_closing_outlet(lang, line):
    assert _credits(lang, line) == []


def test_registry_outlet_in_brackets_after_the_last_sentence():
    body = BODY["it"]
    doc = run(f"Title\n\n{body} {body}\n\n{body} (Corriere della Sera)")
    assert [doc.text[f.start : f.end] for f in doc.findings if f.kind == "credit_line"] == ["(Corriere della Sera)"]


@pytest.mark.parametrize(
    "closing",
    [
        " Lo ha scritto il quotidiano milanese (Corriere della Sera).",  # inside the sentence: it explains a name
        " (foto)",  # no outlet
        " (Marco Bianchi)",  # closing a paragraph, a name the registry does not know
    ],
)
def test_brackets_closing_the_last_paragraph_that_credit_nothing(closing):
    body = BODY["it"]
    doc = run(f"Title\n\n{body} {body}\n\n{body}{closing}")
    assert [f for f in doc.findings if f.kind == "credit_line"] == []


def test_registered_names_are_whole_names():
    assert furniture_patterns.registered("Corriere della Sera") and furniture_patterns.registered("SIC")
    assert not furniture_patterns.registered("END") and not furniture_patterns.registered("Corriere della Sera oggi")
