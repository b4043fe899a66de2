"""The outlet registry: news agencies, state and public media, newspapers, fact-checkers.

The registry is data (``claimscope/data/outlets/*.json``); this module loads and
validates it and answers two questions: which outlet owns this domain, and which
outlet is this name. Finding outlet mentions inside running text is
:mod:`claimscope.outlets.mentions`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

TYPES = ("news_agency", "broadcaster", "public_broadcaster", "newspaper", "magazine", "website", "fact_checker")
OWNERSHIP = ("state_controlled", "state_funded", "public_broadcaster", "private", "unknown")


@dataclass(frozen=True)
class Outlet:
    """One registry entry. ``aliases`` maps an ISO 639-1 code to names in that language;
    ``context_aliases`` are ambiguous names (``AP``, ``RT``) that count only in a credit context."""

    id: str
    name: str
    type: str
    country: str
    ownership: str
    domains: tuple[str, ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]
    context_aliases: tuple[str, ...] = ()

    @property
    def state_media(self) -> bool:
        """True for outlets whose editorial line a government controls."""
        return self.ownership == "state_controlled"

    def names(self) -> tuple[str, ...]:
        """The name and every unambiguous alias, in all languages."""
        return (self.name,) + tuple(a for _, names in self.aliases for a in names)

    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.aliases)


class Registry:
    """Outlets by id, with a domain index (a subdomain resolves to its registered parent)."""

    def __init__(self, outlets):
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_id = {o.id: o for o in self.outlets}
        if len(self._by_id) != len(self.outlets):
            raise ValueError("outlet registry: duplicate outlet ids")
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for domain in outlet.domains:
                if self._by_domain.setdefault(domain, outlet) is not outlet:
                    raise ValueError(f"outlet registry: domain {domain} listed twice")

    def __len__(self) -> int:
        return len(self.outlets)

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def by_domain(self, host: str) -> Outlet | None:
        """The outlet owning ``host`` or its nearest registered parent domain, else None.

        ``fr.sputniknews.com`` resolves to Sputnik; an unregistered domain resolves to
        nothing: the caller reports it as unknown rather than guessing.
        """
        for candidate in domain_suffixes(host):
            if candidate in self._by_domain:
                return self._by_domain[candidate]
        return None


def normalize_host(host: str) -> str:
    """Lower-case host without scheme, path, port, trailing dot or ``www.``."""
    host = host.strip().lower()
    if "://" in host:
        host = host.split("://", 1)[1]
    host = host.split("/", 1)[0].split(":", 1)[0].rstrip(".")
    return host[4:] if host.startswith("www.") else host


def domain_suffixes(host: str) -> list[str]:
    """``a.b.example.com`` → ``[a.b.example.com, b.example.com, example.com]``."""
    labels = normalize_host(host).split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def _outlet(raw: dict, origin: str) -> Outlet:
    try:
        outlet = Outlet(
            id=raw["id"], name=raw["name"], type=raw["type"], country=raw["country"],
            ownership=raw["ownership"], domains=tuple(raw.get("domains", ())),
            aliases=tuple((lang, tuple(names)) for lang, names in raw.get("aliases", {}).items()),
            context_aliases=tuple(raw.get("context_aliases", ())),
        )
    except KeyError as missing:
        raise ValueError(f"{origin}: outlet {raw.get('id', '?')} lacks {missing}") from None
    if outlet.type not in TYPES or outlet.ownership not in OWNERSHIP:
        raise ValueError(f"{origin}: outlet {outlet.id} has an unknown type or ownership")
    return outlet


def load(paths=None) -> Registry:
    """A registry from JSON files (``{"outlets": [...]}``); the packaged data by default."""
    if paths is None:
        folder = resources.files("claimscope") / "data" / "outlets"
        paths = sorted((p for p in folder.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    outlets = []
    for path in paths:
        data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
        outlets += [_outlet(raw, Path(str(path)).name) for raw in data["outlets"]]
    return Registry(outlets)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The packaged registry, loaded once per process."""
    return load()
