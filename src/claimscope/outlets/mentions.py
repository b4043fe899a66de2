"""Find outlet mentions in running text: names and aliases in any script, and domains.

Matching is case-sensitive except that an alias written in lower case also matches
with a capital first letter (sentence start), and diacritic-insensitive ("Agencia
EFE" = "Agéncia EFE", "Thong tan xa Viet Nam" = "Thông tấn xã Việt Nam"). Aliases
in scripts written with spaces need word boundaries; CJK aliases do not. The longest
alias wins. Ambiguous aliases (``context_aliases``: "AP", "RT", "DW") count only in
parentheses ("(AP)") or inside a span the caller marks as a credit context (a credit
line, an attribution's speaker).

Domains ("Kienthuc.net.vn", "https://fr.sputniknews.com/...") resolve through the
registry's domain index; an unregistered domain is reported with ``outlet=None``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .registry import Outlet, Registry, default_registry, normalize_host

_SPECIAL_FOLD = {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "’": "'", "ʼ": "'", "‘": "'", "\u00a0": " "}
_NO_BOUNDARY = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_GTLDS = frozenset(
    "com net org info biz gov edu int mil news media io co tv fm am press online site live "
    "today world global africa asia eu tech agency network ai app".split()
)
_DOMAIN = re.compile(
    r"(?<![\w@.-])(?<![^/]/)((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([a-z]{2,12}))(?![\w-]|\.[A-Za-z0-9])"
)


@dataclass(frozen=True)
class Mention:
    """An outlet named in the text: ``text[start:end]``; ``outlet`` is None for an unknown domain."""

    start: int
    end: int
    outlet: Outlet | None
    domain: str | None = None  # set when the mention is a domain name

    @property
    def known(self) -> bool:
        return self.outlet is not None


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without diacritics, and for each folded character its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _SPECIAL_FOLD.get(ch)
        if folded is None:
            folded = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            folded = unicodedata.normalize("NFC", folded) or ch
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def _variants(alias: str) -> set[str]:
    folded = fold(alias)[0]
    variants = {folded}
    if folded[:1].islower():
        variants.add(folded[:1].upper() + folded[1:])
    return variants


def _alternative(alias: str) -> str:
    body = re.escape(alias)
    if _NO_BOUNDARY.search(alias):
        return body
    head = r"(?<!\w)" if re.match(r"\w", alias) else ""
    tail = r"(?!\w)" if re.search(r"\w$", alias) else ""
    return head + body + tail


class MentionFinder:
    """Compiled alias index over one registry."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._owners: dict[str, set[str]] = {}
        self._context: set[str] = set()
        for outlet in registry.outlets:
            for name in outlet.names():
                for v in _variants(name):
                    self._owners.setdefault(v, set()).add(outlet.id)
            for name in outlet.context_aliases:
                for v in _variants(name):
                    self._owners.setdefault(v, set()).add(outlet.id)
                    self._context.add(v)
        ordered = sorted(self._owners, key=lambda a: (-len(a), a))
        self._pattern = re.compile("|".join(_alternative(a) for a in ordered))

    def names(self, text: str, context_spans=()) -> list[Mention]:
        """Outlet names and aliases in ``text``, left to right."""
        folded, index = fold(text)
        found = []
        for match in self._pattern.finditer(folded):
            owners = self._owners[match.group()]
            if len(owners) != 1:
                continue  # an alias two outlets share names neither
            start, end = index[match.start()], index[match.end() - 1] + 1
            if match.group() in self._context and not _in_context(text, start, end, context_spans):
                continue
            found.append(Mention(start, end, self.registry.get(next(iter(owners)))))
        return found

    def domains(self, text: str) -> list[Mention]:
        """Domain names in ``text``; unregistered ones come back with ``outlet=None``."""
        found = []
        for match in _DOMAIN.finditer(text):
            host = normalize_host(match.group(1))
            tld = match.group(2)
            if (len(tld) != 2 and tld not in _GTLDS) or host.count(".") < 1 or len(host.split(".")[-2]) < 2:
                continue
            found.append(Mention(match.start(1), match.end(1), self.registry.by_domain(host), host))
        return found

    def find(self, text: str, context_spans=()) -> list[Mention]:
        """Every outlet mention (names, aliases and domains), left to right, without overlaps."""
        mentions = sorted(self.domains(text) + self.names(text, context_spans), key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept


def _in_context(text: str, start: int, end: int, spans) -> bool:
    if any(s <= start and end <= e for s, e in spans):
        return True
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    return before in "([" and before != "" and after in ")]" and after != ""


@lru_cache(maxsize=1)
def default_finder() -> MentionFinder:
    """A finder over the packaged registry, compiled once per process."""
    return MentionFinder(default_registry())


def find_mentions(text: str, context_spans=()) -> list[Mention]:
    """Outlet mentions in ``text`` against the packaged registry (see :class:`MentionFinder`)."""
    return default_finder().find(text, context_spans)


def resolve_name(name: str) -> Outlet | None:
    """The outlet a whole name refers to ("l'agence de presse Sputnik" → Sputnik), else None.

    The name is treated as a credit context, so ambiguous aliases count.
    """
    mentions = default_finder().find(name, [(0, len(name))])
    known = {m.outlet.id: m.outlet for m in mentions if m.outlet is not None}
    return next(iter(known.values())) if len(known) == 1 else None
