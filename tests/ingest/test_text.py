"""Decoding bytes and normalising text."""

import os
import subprocess
import sys
import unicodedata

import pytest

from claimscope.errors import InputError
from claimscope.ingest import decode_bytes, from_text, normalize_text
from tests.ingest.samples import FRENCH, FRENCH_LATIN1, POLISH, RUSSIAN, VIETNAMESE


@pytest.mark.parametrize(
    "text, encoding",
    [
        (FRENCH, "utf-8"),
        (VIETNAMESE, "utf-8"),
        (FRENCH, "utf-8-sig"),
        (VIETNAMESE, "utf-16"),  # with BOM
        (RUSSIAN, "utf-16"),
        (POLISH, "utf-32"),
        (VIETNAMESE, "utf-16-le"),  # no BOM: evident from the NUL pattern
        (RUSSIAN, "utf-16-be"),
        (FRENCH, "utf-16-le"),
        (FRENCH, "cp1252"),  # œ, €, ’ exist only in cp1252
        (FRENCH_LATIN1, "latin-1"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "cp1251"),
        (POLISH, "cp1250"),
        (POLISH, "iso-8859-2"),
    ],
)
def test_decodes_each_encoding_back_to_the_sentence(text, encoding):
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_reports_the_encoding_it_used():
    assert decode_bytes(RUSSIAN.encode("koi8-r"))[1] == "koi8-r"
    assert decode_bytes(VIETNAMESE.encode("utf-16"))[1] == "utf-16-le"
    assert decode_bytes(b"plain ascii")[1] == "utf-8"


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8():
    text, encoding = decode_bytes(RUSSIAN.encode("cp1251"), declared="windows-1251")
    assert (text, encoding) == (RUSSIAN, "cp1251")


def test_a_declared_latin1_is_read_as_cp1252_like_browsers_do():
    assert decode_bytes("12 € l’unité".encode("cp1252"), declared="ISO-8859-1") == ("12 € l’unité", "cp1252")


def test_mostly_utf8_with_a_stray_byte_keeps_utf8_and_marks_the_byte():
    raw = "Đà Nẵng, thứ năm".encode() + b"\xff" + " tiếp tục".encode()
    text, encoding = decode_bytes(raw)
    assert encoding == "utf-8"
    assert text == "Đà Nẵng, thứ năm\ufffd tiếp tục"


def test_undecodable_bytes_never_crash():
    for raw in (bytes(range(0x80, 0x100)) * 3, b"abc\x81\x8d\x8f\x90\x9d def"):
        text, _ = decode_bytes(raw)
        assert isinstance(text, str) and text


@pytest.mark.parametrize(
    "raw, words",
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(100), "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(50), "ZIP archive"),
        (b"%PDF-1.7\n" + bytes(10), "PDF document"),
        (os.urandom(4096) + b"\x00", "binary file"),
        (bytes(range(1, 9)) * 50, "binary file"),
        (b"\x00" * 1000, "binary file"),
    ],
)
def test_binary_content_is_refused(raw, words):
    with pytest.raises(InputError, match=words):
        decode_bytes(raw, name="upload.bin")


def test_binary_error_names_the_input():
    with pytest.raises(InputError, match=r"^photo\.png is a PNG image, not text or HTML"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00", name="photo.png")


def test_normalize_line_breaks():
    assert normalize_text("a\r\nb\rc\x0bd\x0ce\x85f\u2028g\u2029h\n") == "a\nb\nc\nd\ne\nf\ng\nh\n"


def test_normalize_nfc():
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    assert normalize_text(decomposed) == VIETNAMESE


def test_normalize_drops_controls_but_keeps_tab_and_newline():
    assert normalize_text("\ufeffun\x00 deux\x07\tt\x1bx\x7f\x9f\n") == "un deux\ttx\n"


def test_normalize_replaces_lone_surrogates():
    assert normalize_text("a\ud800b") == "a\ufffdb"


def test_normalize_leaves_clean_text_untouched():
    for text in (FRENCH, VIETNAMESE, RUSSIAN, POLISH, "  indent\n\n\ttab  "):
        assert normalize_text(text) == text


def test_normalize_is_idempotent():
    messy = "\ufeffA\r\nB\u0301\x00C\rD"
    once = normalize_text(messy)
    assert normalize_text(once) == once


def test_from_text_titles_with_a_short_first_line():
    article = from_text("\n\n  Un titre court  \n\nLe corps du texte.\n")
    assert article.meta.title == "Un titre court"
    assert article.meta.content_type == "text"


def test_from_text_has_no_title_when_the_first_line_is_long():
    assert from_text("mot " * 100 + "\nsuite").meta.title is None


def test_from_text_offsets_point_into_normalised_text():
    article = from_text("Titre\r\nCorps\r\n")
    assert article.text == "Titre\nCorps\n"
    assert article.span(6, 11) == "Corps"


@pytest.mark.parametrize("text, words", [("", "is empty"), (" \n\t\r\n ", "contains only whitespace"), ("\x00\x01", "is empty")])
def test_from_text_refuses_empty_text(text, words):
    with pytest.raises(InputError, match=words):
        from_text(text, name="note.txt")


def test_plain_text_loading_imports_neither_trafilatura_nor_charset_normalizer():
    code = (
        "import sys; import claimscope.ingest as ingest; "
        "ingest.from_bytes('Titre\\n\\nCorps du texte, en français.'.encode()); "
        "print(sorted(m for m in ('trafilatura', 'charset_normalizer', 'lxml') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
