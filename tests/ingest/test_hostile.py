"""Regressions of issue 12 on the input side: each test pins one cause, with made-up inputs."""

from __future__ import annotations

import io
import socket
import threading
import time

import pytest

from claimscope.errors import FetchError, InputError
from claimscope.ingest import decode_bytes, fetch, from_bytes, from_html, load, read_batch
from claimscope.ingest import html as html_module

CP1252_PAGE = "<html><body><p>Le café du marché a rouvert ses portes à l'été, après des travaux.</p></body></html>"


# -- declared charsets: only real text encodings are honoured ------------------------------

@pytest.mark.parametrize("label", ["undefined", "rot13", "base64", "idna", "utf-7", "hex", "zlib", "nonsense"])
def test_a_declared_charset_that_is_not_a_text_encoding_is_ignored(label):
    raw = CP1252_PAGE.encode("cp1252")
    text, encoding = decode_bytes(raw, declared=label)
    assert "café du marché" in text and encoding == "cp1252"
    in_meta = raw.replace(b"<html>", f'<html><head><meta charset="{label}"></head>'.encode())
    assert "café du marché" in from_bytes(in_meta).text


def test_a_real_declared_charset_is_still_honoured():
    raw = "Привет, как дела у соседей на этой неделе?".encode("koi8-r")
    assert decode_bytes(raw, declared="KOI8-R") == ("Привет, как дела у соседей на этой неделе?", "koi8-r")


# -- text sniffing ------------------------------------------------------------------------

def test_a_whitespace_file_with_a_vertical_tab_is_whitespace_not_binary():
    with pytest.raises(InputError, match="contains only whitespace"):
        from_bytes(b"  \x0b \n\t\x0c \n")


def test_vertical_tabs_in_a_text_are_line_breaks():
    assert from_bytes(b"First line.\x0bSecond line.\x0b" * 20).text.startswith("First line.\nSecond line.\n")


def test_a_short_file_with_one_nul_byte_is_not_read_as_utf16():
    raw = b"A short note with one NUL \x00 byte in it."
    assert len(raw) <= 40
    with pytest.raises(InputError, match="contains NUL bytes"):
        decode_bytes(raw)


def test_utf16_without_a_bom_is_still_recognised():
    assert decode_bytes("Une phrase assez longue pour en juger.".encode("utf-16-le"))[1] == "utf-16-le"


# -- HTML -----------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [300, 10_000])
def test_deeply_nested_html_still_yields_its_text(depth):
    page = "<html><body>" + "<div>" * depth + "<p>The harbour reopened on Monday after the storm.</p>" \
        + "</div>" * depth + "</body></html>"
    assert "The harbour reopened on Monday after the storm." in from_html(page).text


BODY = ("<p>The harbour reopened on Monday after the storm, the port authority said in a statement.</p>"
        "<p>Ferries will run on the winter timetable until the repairs are finished next month.</p>")


@pytest.mark.parametrize("extra", ["<footer>© 2021 Harbour News</footer>", "<p>Since 2019 the quay has grown.</p>"])
def test_a_bare_year_does_not_become_a_made_up_date(extra):
    assert from_html(f"<html><body><article>{BODY}{extra}</article></body></html>").meta.date is None


def test_a_marked_first_of_january_date_is_kept():
    head = '<head><meta property="article:published_time" content="2025-01-01T09:00:00"></head>'
    page = f"<html>{head}<body><article>{BODY}<footer>© 2021</footer></article></body></html>"
    assert from_html(page).meta.date == "2025-01-01"


def test_a_written_date_is_kept():
    page = f"<html><body><article><p>Published 14 March 2024</p>{BODY}</article></body></html>"
    assert from_html(page).meta.date == "2024-03-14"


def test_a_page_over_the_markup_limit_is_cut_with_a_notice(monkeypatch):
    monkeypatch.setattr(html_module, "MAX_HTML_CHARS", 2000)
    page = "<html><body>" + "<p>The quay was repaired by a local firm over the summer.</p>\n" * 100 + "</body></html>"
    article = from_html(page)
    assert "The quay was repaired" in article.text
    assert len(article.notices) == 1 and "characters of the page's HTML were read" in article.notices[0]


# -- batch records ---------------------------------------------------------------------------

def test_a_batch_goes_on_past_deep_nesting_and_huge_integers():
    lines = [
        "[" * 100_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        '{"id": ' + "7" * 5000 + ', "text": "A record with a huge id."}',
        '{"id": "ok", "text": "The harbour reopened on Monday.", "url": "https://ann:secret@news.example/a"}',
    ]
    items = list(read_batch(io.StringIO("\n".join(lines) + "\n")))
    assert [item.line for item in items] == [1, 2, 3, 4]
    assert "nested too deeply" in items[0].error.message and "nested too deeply" in items[1].error.message
    assert "more than 4300 digits" in items[2].error.message
    assert items[3].ok and items[3].article.meta.url == "https://news.example/a"


# -- fetching -------------------------------------------------------------------------------

class RawServer:
    """A loopback server that plays a scripted byte stream: (bytes, pause after) steps, then holds."""

    def __init__(self, steps):
        self.steps = steps
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/page"
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            try:
                for data, pause in self.steps():
                    if self.stop.is_set():
                        return
                    conn.sendall(data)
                    time.sleep(pause)
            except OSError:
                return
            self.stop.wait(30)

    def close(self):
        self.stop.set()
        self.listener.close()


@pytest.fixture
def raw_server():
    servers = []

    def make(steps):
        servers.append(RawServer(steps))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


def _slow_headers():
    yield b"HTTP/1.1 200 OK\r\n", 0
    for _ in range(10_000):
        yield b"X", 0.02  # one header line that never ends


def _slow_chunks():
    yield b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n1;", 0
    for _ in range(10_000):
        yield b"x", 0.02  # a chunk-size line (its extension) that never ends


@pytest.mark.parametrize("steps", [_slow_headers, _slow_chunks], ids=["slow-headers", "slow-chunks"])
def test_the_timeout_bounds_the_whole_fetch_against_a_trickling_server(raw_server, steps):
    server = raw_server(steps)
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 1 s"):
        fetch(server.url, allow_private=True, timeout=1.0)
    assert time.monotonic() - started < 3


def test_a_status_line_with_control_characters_is_not_copied_raw(raw_server):
    status = b"HTTP/1.1 404 Gone\rNow\x1b[2J\x1b]0;owned\x07" + b"x" * 500 + b"\r\nContent-Length: 0\r\n\r\n"
    server = raw_server(lambda: [(status, 0)])
    with pytest.raises(FetchError) as caught:
        fetch(server.url, allow_private=True, timeout=5)
    message = caught.value.message
    assert "HTTP 404 Gone" in message and len(message) < 300
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in message)


def test_credentials_in_a_url_are_dropped_from_the_report(base):
    host_port = base.removeprefix("http://")
    article = load(f"http://ann:secret@{host_port}/article.html", allow_private=True)
    assert "secret" not in article.meta.source and "ann" not in article.meta.source
    assert article.meta.url == f"{base}/article.html" and article.meta.source == f"{base}/article.html"


def test_credentials_are_not_shown_in_fetch_errors(base):
    with pytest.raises(FetchError) as caught:
        fetch(f"http://ann:secret@{base.removeprefix('http://')}/missing", allow_private=True)
    assert "secret" not in caught.value.message


def test_with_private_urls_allowed_a_redirect_to_another_private_address_is_refused(base):
    names = {"intranet.example": ["10.1.2.3"]}
    with pytest.raises(FetchError, match="allows only the addresses of the URL you gave"):
        fetch(f"{base}/to-intranet", allow_private=True, resolver=lambda host, port: names[host])


def test_with_private_urls_allowed_a_redirect_to_the_same_address_is_followed(base):
    assert fetch(f"{base}/to-loopback", allow_private=True).url.endswith("/article.html")
