"""from_html(): main text with paragraph breaks, metadata, and no crash on broken pages."""

import pytest

from claimscope.errors import InputError
from claimscope.ingest import from_html
from claimscope.ingest.html import _plain_text, looks_like_html, meta_charset
from tests.ingest.samples import ARTICLE_HTML


@pytest.fixture(scope="module")
def article():
    return from_html(ARTICLE_HTML, url="https://journal.example/x?utm=1")


def test_metadata(article):
    meta = article.meta
    assert meta.title == "Le maire annonce un nouveau pont"
    assert meta.date == "2024-03-12"
    assert meta.site_name == "Journal du Val"
    assert meta.author == "Claire Dubois"
    assert meta.canonical_url == "https://journal.example/2024/03/pont"
    assert meta.url == "https://journal.example/x?utm=1"
    assert (meta.lang, meta.content_type) == ("fr", "html")


def test_paragraphs_are_separated_by_blank_lines_and_br_by_a_newline(article):
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Le maire annonce un nouveau pont"
    assert paragraphs[1].startswith("Le maire de la commune a annoncé mardi")
    assert "d'euros,\nfinancés en partie" in paragraphs[2]
    assert len(paragraphs) == 4


def test_boilerplate_comments_and_tables_are_left_out(article):
    for noise in ("Rubrique sport", "Commentaire de lecteur", "Partager sur", "Coût estimé"):
        assert noise not in article.text


def test_whitespace_inside_a_paragraph_is_folded(article):
    assert "sur la rivière, un chantier" in article.text


def test_malformed_html_does_not_crash():
    page = "<div><p>Le texte <b>gras continue</p><p>Un deuxième paragraphe sans fin</div></span></html><p"
    article = from_html(page)
    assert "Le texte gras continue" in article.text
    assert "Un deuxième paragraphe sans fin" in article.text


def test_lists_keep_one_item_per_line():
    page = "<html><body><article><p>Les mesures annoncées par le gouvernement :</p><ul>" \
           "<li>une baisse des taxes locales</li><li>un plan pour les écoles rurales</li></ul></article></body></html>"
    assert "une baisse des taxes locales\nun plan pour les écoles rurales" in from_html(page).text


def test_falls_back_to_lxml_when_trafilatura_finds_nothing():
    page = "\x00\x00<p>Un paragraphe que le premier extracteur ne voit pas.</p>"
    assert "Un paragraphe que le premier extracteur ne voit pas." in from_html(page).text


def test_lxml_fallback_keeps_blocks_and_drops_scripts():
    page = "<html><head><title>T</title></head><body><script>var a;</script><h1>Titre</h1>" \
           "<p>Premier<br>suite</p><div>Second bloc</div></body></html>"
    assert _plain_text(page) == "Titre\n\nPremier\nsuite\n\nSecond bloc"


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><head><script>var x = '<p>pas du texte</p>';</script></head><body><style>p{}</style></body></html>",
        "<frameset><frame src='a.html'></frameset>",
    ],
)
def test_a_page_without_text_is_refused(page):
    with pytest.raises(InputError, match="^no article text found in page.html: give the article's own page"):
        from_html(page, name="page.html")


@pytest.mark.parametrize(
    "start",
    ["<!DOCTYPE html>", "  <html lang='fr'>", "<!-- comment -->", "<?xml version='1.0'?><html>", "<p>Texte", "<HEAD>"],
)
def test_sniffs_html(start):
    assert looks_like_html(start + "<p>x</p>")


@pytest.mark.parametrize("start", ["Un article <p> plus loin", "<3 love", "<paris> n'est pas une balise", ""])
def test_does_not_sniff_plain_text_as_html(start):
    assert not looks_like_html(start)


def test_meta_charset():
    assert meta_charset(b'<html><head><meta charset="koi8-r">') == "koi8-r"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">') == "windows-1250"
    assert meta_charset(b"<p>nothing declared</p>") is None
