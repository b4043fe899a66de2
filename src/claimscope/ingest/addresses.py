"""Which network addresses a fetch may reach (docs/input.md, URL safety).

Loopback, private, link-local, shared 100.64/10, unspecified, multicast, reserved and
cloud-metadata addresses are refused, also when an IPv6 address carries one of them as
IPv4-mapped, 6to4, Teredo or NAT64; fetch.py checks every address a host resolves to
here, and each hop of a redirect again.
"""

from __future__ import annotations

import ipaddress

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
