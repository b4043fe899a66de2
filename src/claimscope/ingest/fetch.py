"""SSRF-safe fetching of an article URL.

Rules (docs/input.md): http and https only; the host is resolved once and every
address checked (loopback, private, link-local, shared 100.64/10, unspecified,
multicast, reserved and cloud-metadata addresses are refused, also when wrapped in
IPv6 as IPv4-mapped, 6to4, Teredo or NAT64); the connection goes to the checked
address itself, so a second DNS answer cannot swap it (no DNS rebinding), while the
Host header, TLS SNI and certificate check use the host name. Redirects are followed
by hand, at most :data:`MAX_REDIRECTS`, each hop checked again. The body is capped
at ``max_bytes`` while streaming and the whole exchange at ``timeout`` seconds.

The network sits behind two seams, ``resolver`` and ``connector``, so tests can
point names at a server they run on loopback.
"""

from __future__ import annotations

import http.client
import ipaddress
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
_TEXT_TYPES = ("text/", "application/xhtml+xml")
_METADATA = {ipaddress.ip_address(ip) for ip in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")}
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_KINDS = (  # checked in order: the first match names the refusal
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_unspecified", "an unspecified address"),
    ("is_reserved", "a reserved address"),
    ("is_private", "a private address"),
)
_CHUNK = 65536


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
) -> Fetched:
    """GET ``url`` under the safety rules above; :class:`FetchError` says why not.

    ``allow_private`` lifts the address checks (for local testing) except for
    cloud-metadata addresses, which are always refused.
    """
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        host, port, tls, target = _parse(url)
        resolve = _within(resolver or _resolve, deadline, url, timeout)
        ips = _checked_addresses(url, host, port, allow_private, resolve)
        conn = _connect(url, host, port, tls, ips, deadline, timeout, connector or _tcp)
        sock = conn.sock  # kept: http.client drops conn.sock once the response owns it
        response = None
        try:
            response = _exchange(conn, url, target, deadline, timeout)
            if response.status in _REDIRECTS:
                url = _next_hop(url, response)
                continue
            return _page(url, response, sock, deadline, timeout, max_bytes)
        finally:
            if response is not None:
                response.close()
            conn.close()
            sock.close()
    raise FetchError(
        f"{url} redirected more than {MAX_REDIRECTS} times: open it in a browser and give the final address"
    )


def address_refusal(ip: str, allow_private: bool = False) -> str | None:
    """Why an IP address may not be fetched ("a loopback address"...), or None if it may."""
    address = ipaddress.ip_address(ip)
    for candidate in (*_embedded_ipv4(address), address):  # the inner IPv4 names the refusal best
        if candidate in _METADATA:
            return "a cloud metadata address"
        if allow_private:
            continue
        if candidate.version == 4 and candidate in _SHARED:
            return "a shared (carrier-grade NAT) address"
        for attribute, kind in _KINDS:
            if getattr(candidate, attribute):
                return kind
        if not candidate.is_global:
            return "a non-public address"
    return None


def _embedded_ipv4(address) -> list:
    """IPv4 addresses carried inside an IPv6 one (mapped, 6to4, Teredo, NAT64)."""
    if address.version == 4:
        return []
    found = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    if address in _NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [ip for ip in found if ip is not None]


def _parse(url: str) -> tuple[str, int, bool, str]:
    """(ASCII host, port, TLS?, request target) of an http(s) URL."""
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
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return host, port, scheme == "https", target


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve the host {host}: check the URL ({err})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def _within(resolver: Resolver, deadline: float, url: str, timeout: float) -> Resolver:
    """``resolver`` bounded by the deadline (the system resolver has no time limit of its own)."""

    def resolve(host: str, port: int) -> Sequence[str]:
        outcome: list = []
        worker = threading.Thread(target=_capture, args=(outcome, resolver, host, port), daemon=True)
        worker.start()
        worker.join(_remaining(deadline, url, timeout))
        if not outcome:
            raise _timed_out(url, timeout)
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


def _checked_addresses(url, host, port, allow_private, resolver) -> list[str]:
    """The host's addresses, all of which must be allowed (a mixed answer is refused)."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    ips = [host] if literal is not None else list(resolver(host, port))
    if not ips:
        raise FetchError(f"cannot resolve the host {host}: check the URL")
    for ip in ips:
        reason = address_refusal(ip, allow_private)
        if reason:
            hint = "" if "metadata" in reason else " (--allow-private-urls permits local addresses, for testing only)"
            where = f"{ip} is" if literal is not None else f"{host} resolves to {ip},"
            raise FetchError(f"refusing {url}: {where} {reason}{hint}")
    return ips


def _tcp(ip: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((ip, port), timeout=timeout)


def _remaining(deadline: float, url: str, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(url, timeout)
    return left


def _timed_out(url: str, timeout: float) -> FetchError:
    return FetchError(f"{url} did not answer within {timeout:g} s: try again later, or raise --timeout")


def _connect(url, host, port, tls, ips, deadline, timeout, connector) -> http.client.HTTPConnection:
    """A connection to the first reachable checked address, TLS verified for ``host``."""
    failure = None
    for ip in ips:
        try:
            sock = connector(ip, port, _remaining(deadline, url, timeout))
        except TimeoutError:
            raise _timed_out(url, timeout) from None
        except OSError as err:
            failure = err
            continue
        return _wrap(sock, url, host, port, tls, deadline, timeout)
    raise FetchError(f"cannot connect to {host} port {port}: {failure.strerror or failure}; check the URL")


def _wrap(sock, url, host, port, tls, deadline, timeout) -> http.client.HTTPConnection:
    if not tls:
        conn = http.client.HTTPConnection(host, port)
        conn.sock = sock
        return conn
    context = ssl.create_default_context()
    conn = http.client.HTTPSConnection(host, port, context=context)
    try:
        sock.settimeout(_remaining(deadline, url, timeout))
        conn.sock = context.wrap_socket(sock, server_hostname=host)
    except TimeoutError:
        sock.close()
        raise _timed_out(url, timeout) from None
    except ssl.SSLError as err:
        sock.close()
        raise FetchError(f"the TLS connection to {host} failed ({err.reason or err}): check the URL") from None
    return conn


def _exchange(conn, url, target, deadline, timeout) -> http.client.HTTPResponse:
    try:
        conn.sock.settimeout(_remaining(deadline, url, timeout))
        conn.request("GET", target, headers=_HEADERS)
        return conn.getresponse()
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (OSError, http.client.HTTPException) as err:
        raise FetchError(f"{url} gave no valid HTTP answer ({err or type(err).__name__}): check the URL") from None


def _next_hop(url: str, response) -> str:
    location = response.getheader("Location")
    if not location:
        raise FetchError(f"{url} redirects (HTTP {response.status}) without saying where: check the URL")
    return urljoin(url, location.strip())


def _page(url, response, sock, deadline, timeout, max_bytes) -> Fetched:
    if not 200 <= response.status < 300:
        raise FetchError(
            f"{url} answered HTTP {response.status} {response.reason}: check the address, or try again later"
        )
    header = response.getheader("Content-Type") or ""
    media, _, params = header.partition(";")
    media = media.strip().lower()
    if media and not media.startswith(_TEXT_TYPES):
        raise FetchError(f"{url} is {media}, not text or HTML: give the address of the article page")
    length = response.getheader("Content-Length") or ""
    if length.isdigit() and int(length) > max_bytes:
        raise _too_large(url, max_bytes)
    body = _read_body(url, response, sock, deadline, timeout, max_bytes)
    return Fetched(url=url, content_type=media, charset=_charset(params), body=body)


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip("\"'"):
            return value.strip().strip("\"'")
    return None


def _too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(
        f"{url} is larger than the {size_label(max_bytes)} limit: save the article's text to a file and check that"
    )


def _read_body(url, response, sock, deadline, timeout, max_bytes) -> bytes:
    """The body, decompressed, refused as soon as it passes ``max_bytes`` or the deadline."""
    decoder = _decoder(url, response.getheader("Content-Encoding"))
    body = bytearray()
    try:
        while True:
            sock.settimeout(_remaining(deadline, url, timeout))
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            body += decoder.decompress(chunk, max_bytes + 1 - len(body)) if decoder else chunk
            if len(body) > max_bytes:
                raise _too_large(url, max_bytes)
    except TimeoutError:
        raise _timed_out(url, timeout) from None
    except (OSError, http.client.HTTPException, zlib.error) as err:
        raise FetchError(f"{url} sent a broken answer ({err or type(err).__name__}): try again later") from None
    return bytes(body)


def _decoder(url: str, encoding: str | None):
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    if encoding == "identity":
        return None
    raise FetchError(f"{url} uses the {encoding!r} content encoding, which claimscope cannot read")
