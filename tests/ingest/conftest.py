"""Real HTTP servers on 127.0.0.1 for the fetch tests (no other network is touched)."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.ingest.samples import ARTICLE_HTML, FRENCH


class Handler(BaseHTTPRequestHandler):
    """A handful of routes, each exercising one fetch rule."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        routes = {
            "/article.html": lambda: self.send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode()),
            "/plain": lambda: self.send(200, "text/plain; charset=windows-1252", FRENCH.encode("cp1252")),
            "/host": lambda: self.send(200, "text/plain", ("Hôte : " + self.headers["Host"]).encode()),
            "/gzip": lambda: self.send(200, "text/plain; charset=utf-8", gzip.compress(FRENCH.encode()), gzip=True),
            "/image": lambda: self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
            "/missing": lambda: self.send(404, "text/html", b"<p>not here</p>"),
            "/big": lambda: self.send(200, "text/plain", b"a" * 5000),
            "/big-gzip": lambda: self.send(200, "text/plain", gzip.compress(b"a" * 100_000), gzip=True),
            "/redirect": lambda: self.redirect("/article.html"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-loopback": lambda: self.redirect(f"http://127.0.0.1:{self.server.server_port}/article.html"),
            "/to-intranet": lambda: self.redirect("http://intranet.example/article.html"),
            "/to-metadata": lambda: self.redirect("http://169.254.169.254/latest/meta-data/"),
            "/drip": self.drip,
        }
        routes.get(self.path, lambda: self.send(404, "text/plain", b"no such route"))()

    def send(self, status, content_type, body, gzip=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def drip(self):
        """Headers at once, then one byte every 0.1 s for ever: only a total deadline stops it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(600):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server) -> str:
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def silent_server():
    """A loopback port that accepts connections (kernel backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    sock.close()


class FakeNetwork:
    """The resolver/connector seams: public-looking names that lead to the loopback server."""

    public_ip = "93.184.216.34"  # a global address, handed out for news.example

    def __init__(self, port: int):
        self.port = port
        self.names = {"news.example": [self.public_ip], "intranet.example": ["10.1.2.3"],
                      "mixed.example": [self.public_ip, "192.168.1.20"]}
        self.resolved: list[str] = []
        self.connected: list[str] = []

    def resolve(self, host, port):
        self.resolved.append(host)
        return self.names[host]

    def connect(self, ip, port, timeout):
        self.connected.append(ip)
        assert ip == self.public_ip, f"connector reached for a refused address {ip}"
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)


@pytest.fixture
def network(server) -> FakeNetwork:
    return FakeNetwork(server.server_port)
