"""The library's input entry points over generated input: an Article or an InputError, fast."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from claimscope.errors import InputError
from claimscope.ingest import decode_bytes, from_bytes, from_html, read_batch
from tests.fuzz.strategies import BATCH_LINES, BYTES, CHARSETS, FUZZ, HTML, READ_SECONDS, bound, within


@FUZZ
@given(BYTES, CHARSETS, st.sampled_from([None, "html", "text"]))
def test_any_bytes_with_any_declared_charset_give_an_article_or_an_input_error(raw, charset, kind):
    with within(bound(len(raw), READ_SECONDS), "from_bytes"):
        try:
            article = from_bytes(raw, declared=charset, kind=kind)
        except InputError:
            return
    assert article.text.strip()
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in article.text)


@FUZZ
@given(BYTES, CHARSETS)
def test_decoding_never_fails_on_a_declared_charset(raw, charset):
    try:
        text, encoding = decode_bytes(raw, declared=charset)
    except InputError:
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(HTML, st.integers(min_value=0, max_value=12_000), st.sampled_from(["div", "span", "p", "table", "b"]))
def test_any_markup_at_any_depth_gives_an_article_or_an_input_error(page, depth, tag):
    nested = f"<{tag}>" * depth + page + f"</{tag}>" * (depth // 2)
    with within(bound(len(nested), READ_SECONDS), "from_html"):
        try:
            article = from_html(nested, url="https://ann:pw@news.example/a")
        except InputError:
            return
    assert article.text.strip()
    assert article.meta.date is None or len(article.meta.date) == 10


@FUZZ
@given(BATCH_LINES)
def test_every_batch_line_gives_exactly_one_record_and_the_batch_goes_on(lines):
    data = "\n".join(lines) + "\n"
    with within(bound(len(data.encode()), READ_SECONDS), "read_batch"):
        items = list(read_batch(io.StringIO(data)))
    expected = [n for n, line in enumerate(data.split("\n")[:-1], 1) if line.removeprefix("\ufeff").strip()]
    assert [item.line for item in items] == expected
    for item in items:
        assert (item.article is None) != (item.error is None)
        assert item.error is None or isinstance(item.error, InputError)
        assert item.article is None or item.article.meta.url is None or "pw@" not in item.article.meta.url
