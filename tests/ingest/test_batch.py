"""read_batch(): JSONL records, each an article or an error; a bad record never stops the batch."""

import io
import json

import pytest

from claimscope.errors import InputError
from claimscope.ingest import BatchItem, read_batch
from tests.ingest.samples import ARTICLE_HTML, FRENCH, POLISH, RUSSIAN, VIETNAMESE


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def batch_file(tmp_path, *records):
    path = tmp_path / "batch.jsonl"
    path.write_text(jsonl(*records), encoding="utf-8")
    return path


def test_reads_text_and_html_records(tmp_path):
    items = list(read_batch(batch_file(
        tmp_path,
        {"id": "fr-1", "text": "Titre\r\n\r\n" + FRENCH, "lang": "fr", "date": "2024-05-02", "url": "https://a.example/1"},
        {"id": 7, "html": ARTICLE_HTML},
        {"text": VIETNAMESE, "title": "Ngân sách mới", "extra": "ignored"},
    )))
    assert [item.id for item in items] == ["fr-1", "7", "line-3"]
    assert all(item.ok and item.error is None for item in items)
    first, second, third = (item.article for item in items)
    assert first.text == "Titre\n\n" + FRENCH
    assert (first.meta.title, first.meta.lang, first.meta.date, first.meta.url) == (
        "Titre", "fr", "2024-05-02", "https://a.example/1")
    assert first.meta.source == f"{tmp_path / 'batch.jsonl'}:1"
    assert second.meta.content_type == "html" and second.meta.title == "Le maire annonce un nouveau pont"
    assert third.meta.title == "Ngân sách mới"


def test_bad_records_do_not_stop_the_batch(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        jsonl({"id": "ok-1", "text": FRENCH}),
        '{"id": "broken", "text": "unterminated\n',
        jsonl(["a", "list"]),
        jsonl({"id": "n", "text": 42}),
        jsonl({"id": "none"}),
        jsonl({"id": "both", "text": "a", "html": "<p>b</p>"}),
        jsonl({"id": "empty", "text": ""}),
        jsonl({"id": "blank", "text": "  \n\t "}),
        jsonl({"id": "no-text-html", "html": "<html><body><script>x()</script></body></html>"}),
        jsonl({"id": "date", "text": FRENCH, "date": "le 3 mai"}),
        jsonl({"id": "lang", "text": FRENCH, "lang": "français!"}),
        jsonl({"id": ["x"], "text": FRENCH}),
        jsonl({"id": True, "text": FRENCH}),
    ]
    path.write_bytes("".join(lines).encode() + b'{"id": "latin", "text": "caf\xe9"}\n' + jsonl({"id": "ok-2", "text": RUSSIAN}).encode())
    items = list(read_batch(path))
    assert [item.line for item in items] == list(range(1, 16))
    assert [item.ok for item in items] == [True] + [False] * 13 + [True]
    assert items[-1].article.text == RUSSIAN
    messages = [str(item.error) for item in items[1:-1]]
    expected = [
        "line 2 is not valid JSON (Unterminated string starting at column 26): write one JSON object per line",
        "line 3 is a JSON list, not an object with a text or html field",
        "line 4 has a text of type int: it must be a string",
        "line 5 has neither text nor html: give exactly one of them",
        "line 6 has both text and html: give exactly one of them",
        "the text of line 7 is empty: nothing to check",
        "the text of line 8 contains only whitespace: nothing to check",
        "no article text found in the html of line 9: give the article's own page, or its text",
        "line 10 has the date 'le 3 mai': write it as YYYY-MM-DD",
        "line 11 has the lang 'français!': use an ISO 639 code such as fr or pt-BR",
        "line 12 has an id of type list: use a string or an integer",
        "line 13 has an id of type bool: use a string or an integer",
        f"line 14 of {path} is not valid UTF-8: save the batch as UTF-8",
    ]
    assert messages == expected
    assert all(isinstance(item.error, InputError) for item in items[1:-1])
    assert [item.id for item in items[1:8]] == ["line-2", "line-3", "n", "none", "both", "empty", "blank"]


def test_blank_lines_are_skipped_but_keep_line_numbers():
    stream = io.StringIO("\n" + jsonl({"text": POLISH}) + "   \n\n" + jsonl({"text": RUSSIAN}))
    assert [(item.line, item.id) for item in read_batch(stream)] == [(2, "line-2"), (5, "line-5")]


def test_reads_binary_streams_with_a_bom():
    stream = io.BytesIO(b"\xef\xbb\xbf" + jsonl({"id": "a", "text": VIETNAMESE}).encode())
    [item] = read_batch(stream)
    assert item.article.text == VIETNAMESE


def test_reads_text_streams_with_a_bom():
    [item] = read_batch(io.StringIO("\ufeff" + jsonl({"text": POLISH})))
    assert item.article.text == POLISH


def test_a_last_line_without_newline_is_read():
    [item] = read_batch(io.StringIO(json.dumps({"text": FRENCH})))
    assert item.ok


def test_an_oversized_record_is_refused_and_the_next_one_read():
    stream = io.BytesIO(jsonl({"id": "big", "text": "x" * 500}, {"id": "small", "text": "ok"}).encode())
    big, small = read_batch(stream, max_bytes=100)
    assert str(big.error) == "line 1 of the batch is over the 100 bytes record limit: shorten it"
    assert small.ok and small.article.text == "ok"


def test_datetimes_keep_their_date_and_region_tags_their_language():
    [item] = read_batch(io.StringIO(jsonl({"text": FRENCH, "date": "2017-11-14T20:27:00Z", "lang": "PT-br"})))
    assert (item.article.meta.date, item.article.meta.lang) == ("2017-11-14", "pt")


def test_a_missing_batch_file_fails_at_once(tmp_path):
    with pytest.raises(InputError, match="absent.jsonl does not exist: check the path"):
        read_batch(tmp_path / "absent.jsonl")


def test_a_directory_is_not_a_batch(tmp_path):
    with pytest.raises(InputError, match="is a directory: give the path of a JSONL file"):
        read_batch(tmp_path)


def test_batch_items_are_frozen():
    item = BatchItem(line=1, id="a", error=InputError("x"))
    with pytest.raises(AttributeError):
        item.line = 2
    assert not item.ok
