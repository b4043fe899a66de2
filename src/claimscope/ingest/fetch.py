"""SSRF-safe fetching of an article URL.

Rules (docs/input.md): http and https only; the host is resolved once and every
address checked (addresses.py: loopback, private, link-local, shared 100.64/10,
unspecified, multicast, reserved and cloud-metadata addresses are refused, also when
wrapped in IPv6 as IPv4-mapped, 6to4, Teredo or NAT64); the connection goes to the checked
address itself, so a second DNS answer cannot swap it (no DNS rebinding), while the
Host header, TLS SNI and certificate check use the host name. Redirects are followed
by hand, at most :data:`MAX_REDIRECTS`, each hop checked again (with ``allow_private``,
a redirect may reach a non-public address only if the first URL resolved to it). The
body is capped at ``max_bytes`` while streaming, and the whole exchange at ``timeout``
seconds: every single send and receive waits only for what is left of that deadline,
so a server trickling bytes cannot stretch it. Credentials in a URL (``user:pass@``)
are never sent, nor kept in the URL a page is known by.

The network sits behind two seams, ``resolver`` and ``connector``, so tests can
point names at a server they run on loopback.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from .. import __version__
from ..errors import FetchError
from .addresses import address_refusal
from .text import MAX_BYTES, size_label

MAX_REDIRECTS = 5
Resolver = Callable[[str, int], Sequence[str]]  # (host, port) -> IP address strings
Connector = Callable[[str, int, float], socket.socket]  # (ip, port, timeout) -> connected socket

_REDIRECTS = {301, 302, 303, 307, 308}
_HEADERS = {
    "User-Agent": f"claimscope/{__version__} (fact-checking reader)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8",
    "Accept-Encoding": "gzip, deflate",
}
TEXT_TYPES = ("text/", "application/xhtml+xml")
JSON_TYPES = ("application/json", "application/ld+json")
_CHUNK = 65536
_SAFE = "/%:@!$&'()*+,;=-._~"  # characters left as they are in a request target
_USERINFO = re.compile(r"^(\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")
_REASON_CHARS = 80  # of a server's status line quoted in an error


@dataclass(frozen=True)
class Fetched:
    """A fetched page: where it ended up, its media type, declared charset and body."""

    url: str  # the final URL, after redirects
    content_type: str  # media type, lower case, "" when the server sent none
    charset: str | None
    body: bytes


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
    resolver: Resolver | None = None,
    connector: Connector | None = None,
    media_types: tuple[str, ...] = TEXT_TYPES,
) -> Fetched:
    """GET ``url`` under the safety rules above; :class:`FetchError` says why not.

    ``allow_private`` lifts the address checks (for local testing) except for
    cloud-metadata addresses, which are always refused. ``media_types`` are the
    accepted Content-Type prefixes (text and HTML by default; add JSON_TYPES for feeds).
    """
    deadline = time.monotonic() + timeout
    given: list[str] = []  # the addresses of the URL given, the only private ones a redirect may reach
    for _ in range(MAX_REDIRECTS + 1):
        hop = _Hop.of(url, deadline, timeout)
        ips = _checked_addresses(hop, allow_private, _within(resolver or _resolve, hop))
        if given and allow_private:
            _refuse_private_redirect(hop, ips, given)
        given = given or ips
        conn = _connect(hop, ips, connector or _tcp)
        sock = conn.sock  # kept: http.client drops conn.sock once the response owns it
        response = None
        try:
            response = _exchange(hop, conn)
            if response.status in _REDIRECTS:
                url = _next_hop(hop, response)
                continue
            return _page(hop, response, max_bytes, media_types)
        finally:
            if response is not None:
                response.close()
            conn.close()
            sock.release()
    raise FetchError(
        f"{without_credentials(url)} redirected more than {MAX_REDIRECTS} times: "
        "open it in a browser and give the final address"
    )


def without_credentials(url: str) -> str:
    """``url`` without the ``user:password@`` part of its address, if any."""
    return _USERINFO.sub(r"\1", url, count=1)


@dataclass(frozen=True)
class _Hop:
    """One request of a fetch: the URL taken apart, and the deadline shared by all hops."""

    url: str
    host: str  # ASCII (IDNA) host name or IP literal
    port: int
    tls: bool
    target: str  # path and query, percent-encoded
    deadline: float
    timeout: float

    @classmethod
    def of(cls, url: str, deadline: float, timeout: float) -> "_Hop":
        url = without_credentials(url)
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(
                f"refusing {url}: only http:// and https:// URLs can be fetched (for a local file, give its path)"
            )
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
            port = parts.port or (443 if scheme == "https" else 80)
        except (UnicodeError, ValueError):
            raise FetchError(f"{url} is not a valid URL: check the host name and port") from None
        if not host:
            raise FetchError(f"{url} has no host name: give a full address such as https://example.org/page")
        target = quote(parts.path or "/", safe=_SAFE)
        if parts.query:
            target += "?" + quote(parts.query, safe=_SAFE + "?")
        return cls(url, host, port, scheme == "https", target, deadline, timeout)

    def left(self) -> float:
        """Seconds left before the deadline; past it, the time-out error."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timed_out()
        return left

    def timed_out(self) -> FetchError:
        return FetchError(f"{self.url} did not answer within {self.timeout:g} s: try again later, or raise --timeout")


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve the host {host}: check the URL ({err})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def _within(resolver: Resolver, hop: _Hop) -> Resolver:
    """``resolver`` bounded by the deadline (the system resolver has no time limit of its own)."""

    def resolve(host: str, port: int) -> Sequence[str]:
        outcome: list = []
        worker = threading.Thread(target=_capture, args=(outcome, resolver, host, port), daemon=True)
        worker.start()
        worker.join(hop.left())
        if not outcome:
            raise hop.timed_out()
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    return resolve


def _capture(outcome: list, function, *args) -> None:
    try:
        outcome.append((True, function(*args)))
    except Exception as err:  # noqa: BLE001 - handed back to the calling thread as is
        outcome.append((False, err))


def _checked_addresses(hop: _Hop, allow_private: bool, resolver: Resolver) -> list[str]:
    """The host's addresses, all of which must be allowed (a mixed answer is refused)."""
    try:
        ipaddress.ip_address(hop.host)
        ips = [hop.host]  # an IP literal: nothing to resolve
    except ValueError:
        ips = list(resolver(hop.host, hop.port))
    if not ips:
        raise FetchError(f"cannot resolve the host {hop.host}: check the URL")
    for ip in ips:
        reason = address_refusal(ip, allow_private)
        if reason:
            hint = "" if "metadata" in reason else " (--allow-private-urls permits local addresses, for testing only)"
            raise FetchError(f"refusing {hop.url}: {_where(hop, ip)} {reason}{hint}")
    return ips


def _where(hop: _Hop, ip: str) -> str:
    return f"{ip} is" if ip == hop.host else f"{hop.host} resolves to {ip},"


def _refuse_private_redirect(hop: _Hop, ips: list[str], given: list[str]) -> None:
    """Under ``allow_private``, a redirect may reach public addresses and those of the URL given, no others."""
    for ip in ips:
        reason = address_refusal(ip)
        if reason and ip not in given:
            raise FetchError(
                f"refusing the redirect to {hop.url}: {_where(hop, ip)} {reason}; --allow-private-urls "
                "allows only the addresses of the URL you gave"
            )


def _tcp(ip: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((ip, port), timeout=timeout)


def _connect(hop: _Hop, ips: list[str], connector: Connector) -> http.client.HTTPConnection:
    """A connection to the first reachable checked address, TLS verified for the host name."""
    failure = None
    for ip in ips:
        try:
            sock = connector(ip, hop.port, hop.left())
        except TimeoutError:
            raise hop.timed_out() from None
        except OSError as err:
            failure = err
            continue
        return _wrap(hop, sock)
    raise FetchError(f"cannot connect to {hop.host} port {hop.port}: {failure.strerror or failure}; check the URL")


def _wrap(hop: _Hop, sock: socket.socket) -> http.client.HTTPConnection:
    if not hop.tls:
        conn = http.client.HTTPConnection(hop.host, hop.port)
        conn.sock = _Bounded(sock, hop)
        return conn
    context = ssl.create_default_context()
    conn = http.client.HTTPSConnection(hop.host, hop.port, context=context)
    watchdog = threading.Timer(hop.left(), _shut, args=(sock,))  # the handshake's reads are not ours to bound
    watchdog.start()
    try:
        sock.settimeout(hop.left())
        conn.sock = _Bounded(context.wrap_socket(sock, server_hostname=hop.host), hop)
    except (TimeoutError, ssl.SSLError, OSError) as err:
        sock.close()
        if isinstance(err, TimeoutError) or time.monotonic() >= hop.deadline:
            raise hop.timed_out() from None
        reason = getattr(err, "reason", None) or err
        raise FetchError(f"the TLS connection to {hop.host} failed ({reason}): check the URL") from None
    finally:
        watchdog.cancel()
    return conn


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _Bounded:
    """A connected socket whose every send and receive waits only for what is left of the deadline.

    http.client reads through ``makefile``; a per-read timeout alone would let a server
    trickling one byte at a time (in the status line, the headers or the chunks) hold
    the fetch for ever.
    """

    def __init__(self, sock: socket.socket, hop: _Hop):
        self._sock, self._hop = sock, hop

    def sendall(self, data) -> None:
        self._sock.settimeout(self._hop.left())
        self._sock.sendall(data)

    def recv_into(self, buffer) -> int:
        self._sock.settimeout(self._hop.left())
        return self._sock.recv_into(buffer)

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:
        return io.BufferedReader(_Reader(self))

    def close(self) -> None:
        """Nothing: http.client closes the connection while its response still reads from it."""

    def release(self) -> None:
        """Close the socket, once the fetch is done with it."""
        self._sock.close()


class _Reader(io.RawIOBase):
    def __init__(self, sock: _Bounded):
        super().__init__()
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return self._sock.recv_into(buffer)


def _exchange(hop: _Hop, conn: http.client.HTTPConnection) -> http.client.HTTPResponse:
    try:
        conn.request("GET", hop.target, headers=_HEADERS)
        return conn.getresponse()
    except TimeoutError:
        raise hop.timed_out() from None
    except (OSError, http.client.HTTPException) as err:
        raise FetchError(f"{hop.url} gave no valid HTTP answer ({err or type(err).__name__}): check the URL") from None


def _next_hop(hop: _Hop, response) -> str:
    location = response.getheader("Location")
    if not location:
        raise FetchError(f"{hop.url} redirects (HTTP {response.status}) without saying where: check the URL")
    return urljoin(hop.url, location.strip())


def _page(hop: _Hop, response, max_bytes: int, media_types: tuple[str, ...]) -> Fetched:
    if not 200 <= response.status < 300:
        reason = " ".join(str(response.reason).split())[:_REASON_CHARS]  # the message escapes what is left
        raise FetchError(f"{hop.url} answered HTTP {response.status} {reason}: check the address, or try again later")
    media, _, params = (response.getheader("Content-Type") or "").partition(";")
    media = media.strip().lower()
    if media and not media.startswith(media_types):
        wanted = "text, HTML or JSON" if JSON_TYPES[0] in media_types else "text or HTML"
        raise FetchError(f"{hop.url} is {media}, not {wanted}: give the address of the page itself")
    length = response.getheader("Content-Length") or ""
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(hop, max_bytes)
    body = _read_body(hop, response, max_bytes)
    return Fetched(url=hop.url, content_type=media, charset=_charset(params), body=body)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        value = value.strip().strip("\"'")
        if key.strip().lower() == "charset" and value:
            return value
    return None


def _too_large(hop: _Hop, max_bytes: int) -> FetchError:
    return FetchError(
        f"{hop.url} is larger than the {size_label(max_bytes)} limit: save the article's text to a file and check that"
    )


def _read_body(hop: _Hop, response, max_bytes: int) -> bytes:
    """The body, decompressed, refused as soon as it passes ``max_bytes`` or the deadline."""
    decoder = _decoder(hop, response.getheader("Content-Encoding"))
    body = bytearray()
    try:
        while True:
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            body += decoder.decompress(chunk, max_bytes + 1 - len(body)) if decoder else chunk
            if len(body) > max_bytes:
                raise _too_large(hop, max_bytes)
        body += decoder.flush() if decoder else b""
    except TimeoutError:
        raise hop.timed_out() from None
    except (OSError, http.client.HTTPException, zlib.error) as err:
        raise FetchError(f"{hop.url} sent a broken answer ({err or type(err).__name__}): try again later") from None
    if len(body) > max_bytes:
        raise _too_large(hop, max_bytes)
    return bytes(body)


def _decoder(hop: _Hop, encoding: str | None):
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    if encoding == "identity":
        return None
    raise FetchError(f"{hop.url} uses the {encoding!r} content encoding, which claimscope cannot read")
