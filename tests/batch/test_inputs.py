"""`claimscope batch` over each kind of input: JSONL files, folders, WARC files."""

from __future__ import annotations

import hashlib
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimscope.batch import read_inputs

from .conftest import ARTICLES, read_rows, write_jsonl


def test_a_jsonl_file_gives_one_record_per_line_with_its_id_and_hash(invoke, tmp_path):
    batch = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLES[0]}, {"text": ARTICLES[1]}])
    out = tmp_path / "out.jsonl"
    result = invoke("batch", batch, "--out", out, "--no-matching")
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    lines = batch.read_bytes().splitlines()
    assert [(row["line"], row["id"]) for row in rows] == [(1, "a"), (2, "line-2")]
    assert [row["content_hash"] for row in rows] == [hashlib.sha256(line).hexdigest() for line in lines]
    assert rows[1]["report"]["language"]["main"] == "fr"
    assert "2 records: 2 analysed, 0 failed" in result.stderr


def test_a_folder_gives_its_text_and_html_files_by_path(invoke, tmp_path):
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(ARTICLES[0], encoding="utf-8")
    page = f"<html lang='fr'><body><article><p>{ARTICLES[1]}</p></article></body></html>"
    (folder / "sub" / "a.html").write_text(page, encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not an article: passed over
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = invoke("batch", folder, "--out", out, "--no-matching")
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in read_rows(out)}
    assert sorted(rows) == ["b.txt", "empty.txt", "sub/a.html"]
    assert rows["b.txt"]["content_hash"] == hashlib.sha256((folder / "b.txt").read_bytes()).hexdigest()
    assert rows["sub/a.html"]["report"]["language"]["main"] == "fr"
    assert rows["empty.txt"]["error"]["code"] == "E100" and "line" not in rows["empty.txt"]


def _warc(path, responses) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for uri, status, content_type, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://news.example/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))


def test_a_warc_file_gives_its_html_responses_only(invoke, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    first = f"<html><body><p>{ARTICLES[0]}</p></body></html>".encode()
    latin = f"<html><body><p>{ARTICLES[5]}</p></body></html>".encode("latin-1")
    _warc(warc, [
        ("https://news.example/a", "200 OK", "text/html; charset=utf-8", first),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body><p>Gone.</p></body></html>"),
        ("https://news.example/plain", "200 OK", "text/plain", ARTICLES[2].encode()),
        ("https://news.example/fr", "200 OK", "text/html; charset=ISO-8859-1", latin),
    ])
    out = tmp_path / "out.jsonl"
    result = invoke("batch", warc, "--out", out, "--no-matching")
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert [row["id"] for row in rows] == ["https://news.example/a", "https://news.example/fr"]
    assert rows[0]["content_hash"] == hashlib.sha256(first).hexdigest()
    article = rows[1]["report"]["article"]
    assert article["meta"]["url"] == "https://news.example/fr"
    assert "débordé" in article["text"]


def test_a_cut_warc_file_keeps_the_records_before_the_cut(tmp_path):
    warc = tmp_path / "cut.warc"
    _warc(warc, [(f"https://news.example/{i}", "200 OK", "text/html",
                  f"<html><body><p>{text}</p></body></html>".encode()) for i, text in enumerate(ARTICLES[:3])])
    data = warc.read_bytes()
    third = data.index(b"WARC/1", data.index(b"news.example/2") - 300)
    warc.write_bytes(data[: third + 100])  # cut inside the third record's headers
    items = list(read_inputs([warc]))
    assert [item.ok for item in items] == [True, True, False]
    assert "could not be read to its end" in items[-1].error.message


def test_the_output_is_never_the_input(invoke, tmp_path):
    batch = write_jsonl(tmp_path / "in.jsonl", [{"text": ARTICLES[0]}])
    result = invoke("batch", batch, "--out", batch)
    assert result.exit_code == 2 and "the batch file itself" in result.stderr
    assert read_rows(batch) == [{"text": ARTICLES[0]}]
