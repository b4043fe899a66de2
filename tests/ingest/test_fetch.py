"""fetch() and load(URL) against servers on loopback; refusals never open a connection."""

import re
import shutil
import socket
import ssl
import subprocess
import threading
import time

import pytest

from claimscope.errors import FetchError
from claimscope.ingest import MAX_REDIRECTS, address_refusal, fetch, load
from tests.ingest.samples import FRENCH


def test_fetches_and_reads_an_html_page(base):
    article = load(f"{base}/article.html", allow_private=True)
    meta = article.meta
    assert meta.content_type == "html"
    assert meta.title == "Le maire annonce un nouveau pont"
    assert (meta.source, meta.url) == (f"{base}/article.html", f"{base}/article.html")
    assert meta.canonical_url == "https://journal.example/2024/03/pont"
    assert "douze millions" in article.text


def test_uses_the_declared_charset(base):
    article = load(f"{base}/plain", allow_private=True)
    assert (article.text, article.meta.encoding, article.meta.content_type) == (FRENCH, "cp1252", "text")


def test_follows_a_redirect_and_records_the_final_url(base):
    article = load(f"{base}/redirect", allow_private=True)
    assert article.meta.url == f"{base}/article.html"
    assert article.meta.source == f"{base}/redirect"


def test_decompresses_gzip(base):
    assert fetch(f"{base}/gzip", allow_private=True).body == FRENCH.encode()


def test_a_public_name_connects_to_the_checked_address_with_its_host_header(network):
    page = fetch("http://news.example/host", resolver=network.resolve, connector=network.connect)
    assert page.body.decode() == "Hôte : news.example"
    assert network.resolved == ["news.example"]  # one lookup: no second answer can be swapped in
    assert network.connected == [network.public_ip]


# ---- refusals -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1/", "a loopback address"),
        ("http://127.8.9.10:8080/x", "a loopback address"),
        ("http://10.0.0.1/", "a private address"),
        ("http://192.168.1.1/admin", "a private address"),
        ("http://172.16.5.4/", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a cloud metadata address"),
        ("http://169.254.10.1/", "a link-local address"),
        ("http://100.64.1.1/", "a shared (carrier-grade NAT) address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://240.0.0.1/", "a reserved address"),
        ("http://[::1]/", "a loopback address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://[fd12:3456::1]/", "a private address"),
        ("http://[fd00:ec2::254]/", "a cloud metadata address"),
        ("http://[::ffff:127.0.0.1]/", "a loopback address"),
        ("http://[::ffff:a00:1]/", "a private address"),
        ("http://[2002:7f00:1::]/", "a loopback address"),  # 6to4 around 127.0.0.1
        ("http://[64:ff9b::a9fe:a9fe]/", "a cloud metadata address"),  # NAT64 around 169.254.169.254
    ],
)
def test_refuses_non_public_addresses(url, kind):
    with pytest.raises(FetchError, match=f"^refusing {re.escape(url)}: .* is {re.escape(kind)}"):
        fetch(url, connector=_never)


def _never(ip, port, timeout):
    raise AssertionError(f"a refused URL must not connect ({ip})")


def test_the_refusal_says_how_to_allow_local_addresses():
    with pytest.raises(FetchError, match=r"--allow-private-urls permits local addresses, for testing only"):
        fetch("http://127.0.0.1/", connector=_never)


@pytest.mark.parametrize("url", ["http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/"])
def test_metadata_addresses_are_refused_even_when_private_ones_are_allowed(url):
    with pytest.raises(FetchError, match="a cloud metadata address"):
        fetch(url, allow_private=True, connector=_never)


@pytest.mark.parametrize("ip", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses_are_allowed(ip):
    assert address_refusal(ip) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript:alert(1)", "news.example"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="only http:// and https:// URLs can be fetched"):
        fetch(url, connector=_never)


def test_a_name_resolving_to_a_private_address_is_refused(network):
    with pytest.raises(FetchError, match=r"^refusing http://intranet.example/: intranet.example resolves to 10.1.2.3, a private address"):
        fetch("http://intranet.example/", resolver=network.resolve, connector=network.connect)
    assert network.connected == []


def test_a_name_with_any_private_address_is_refused(network):
    with pytest.raises(FetchError, match=r"resolves to 192.168.1.20, a private address"):
        fetch("http://mixed.example/", resolver=network.resolve, connector=network.connect)


@pytest.mark.parametrize(
    "route, refused",
    [("/to-loopback", "127.0.0.1 is a loopback address"),
     ("/to-intranet", "intranet.example resolves to 10.1.2.3, a private address"),
     ("/to-metadata", "169.254.169.254 is a cloud metadata address")],
)
def test_a_redirect_to_a_private_address_is_refused(network, route, refused):
    with pytest.raises(FetchError, match=f"^refusing http://.*: {refused}"):
        fetch(f"http://news.example{route}", resolver=network.resolve, connector=network.connect)
    assert network.connected == [network.public_ip]  # the first hop only


def test_too_many_redirects(base):
    with pytest.raises(FetchError, match=f"redirected more than {MAX_REDIRECTS} times: open it in a browser"):
        fetch(f"{base}/loop", allow_private=True)


def test_http_error_status(base):
    with pytest.raises(FetchError, match=f"^{base}/missing answered HTTP 404 Not Found: check the address"):
        load(f"{base}/missing", allow_private=True)


def test_non_text_content_type(base):
    with pytest.raises(FetchError, match=f"^{base}/image is image/png, not text or HTML"):
        load(f"{base}/image", allow_private=True)


def test_a_declared_length_over_the_cap_is_refused(base):
    with pytest.raises(FetchError, match="is larger than the 1000 bytes limit: save the article"):
        fetch(f"{base}/big", allow_private=True, max_bytes=1000)


def test_a_gzip_bomb_is_capped_while_decompressing(base):
    with pytest.raises(FetchError, match="is larger than the"):
        fetch(f"{base}/big-gzip", allow_private=True, max_bytes=10_000)


def test_a_server_that_never_answers_times_out(silent_server):
    with pytest.raises(FetchError, match=r"did not answer within 0.5 s: try again later, or raise --timeout"):
        load(silent_server, allow_private=True, timeout=0.5)


def test_the_time_limit_covers_the_whole_download(base):
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within 1 s"):
        fetch(f"{base}/drip", allow_private=True, timeout=1.0)
    assert time.monotonic() - started < 5  # a per-read timeout alone would run for a minute


def test_an_unreachable_port(base):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(FetchError, match=f"cannot connect to 127.0.0.1 port {port}"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True)


# ---- TLS: the certificate is verified for the host name, sent as SNI ------------------

@pytest.fixture
def tls_server(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a throwaway certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    seen = []
    context.sni_callback = lambda sock, name, ctx: seen.append(name)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = listener.accept()
        try:
            context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            pass
        finally:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], seen
    listener.close()


def test_tls_uses_the_host_name_and_refuses_an_untrusted_certificate(tls_server, network):
    port, seen = tls_server

    def connect(ip, _port, timeout):
        return socket.create_connection(("127.0.0.1", port), timeout=timeout)

    with pytest.raises(FetchError, match="the TLS connection to news.example failed .*CERTIFICATE_VERIFY_FAILED"):
        fetch("https://news.example/", resolver=network.resolve, connector=connect, timeout=5)
    assert seen == ["news.example"]


def test_a_slow_name_lookup_counts_against_the_time_limit():
    def stuck(host, port):
        time.sleep(3)
        return ["93.184.216.34"]

    with pytest.raises(FetchError, match="did not answer within 0.3 s"):
        fetch("http://slow.example/", resolver=stuck, connector=_never, timeout=0.3)


def test_an_unknown_host_name():
    def nxdomain(host, port):
        raise FetchError(f"cannot resolve the host {host}: check the URL")

    with pytest.raises(FetchError, match="cannot resolve the host nowhere.example: check the URL"):
        fetch("http://nowhere.example/", resolver=nxdomain, connector=_never)
