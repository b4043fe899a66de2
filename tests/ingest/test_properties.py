"""Properties over arbitrary input: no crash but InputError, normalisation is stable."""

import io
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.errors import InputError
from claimscope.ingest import decode_bytes, from_bytes, from_html, normalize_text, read_batch

TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "<script>", "</script>", "<!--", "-->",
                        "<html lang='vi'>", "<title>", "</title>", "<table><td>", "<", ">", "&amp;", "&#0;", "<![CDATA["])
HTMLISH = st.lists(st.one_of(TAGS, st.text(max_size=30)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_as_input(raw):
    try:
        text, encoding = decode_bytes(raw)
    except InputError:
        return
    assert isinstance(text, str) and encoding


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalised_text_is_stable_nfc_and_free_of_controls(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in once)
    assert "\r" not in once and "\ufeff" not in once


@settings(max_examples=150, deadline=None)
@given(HTMLISH)
def test_any_markup_gives_an_article_or_an_input_error(page):
    try:
        article = from_html(page)
    except InputError as err:
        assert str(err).startswith("no article text found")
        return
    assert article.text.strip() and normalize_text(article.text) == article.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=500))
def test_from_bytes_never_raises_anything_but_input_error(raw):
    try:
        article = from_bytes(raw)
    except InputError:
        return
    assert article.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=80), st.just(b'{"text": "ok"}')), max_size=8))
def test_a_batch_of_any_lines_yields_one_item_per_non_blank_line(lines):
    body = b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n"
    items = list(read_batch(io.BytesIO(body)))
    expected = [n for n, line in enumerate(body.split(b"\n")[:-1], 1) if _blank(line) is False]
    assert [item.line for item in items] == expected
    assert all((item.article is None) != (item.error is None) for item in items)


def _blank(line: bytes) -> bool:
    try:
        return not line.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        return False  # reported as an error item
