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


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = _SPECIAL_FOLD.get(ch)
    if folded is None:
        folded = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        folded = unicodedata.normalize("NFC", folded) or ch
    return folded


def fold(text: str) -> tuple[str, "list[int] | range"]:
    """``text`` without diacritics, and for each folded character its index in ``text``."""
    if text.isascii():
        return text, range(len(text))
    pieces = [ch if ch.isascii() else _fold_char(ch) for ch in text]
    folded = "".join(pieces)
    if len(folded) == len(text):
        return folded, range(len(text))
    index: list[int] = []
    for i, piece in enumerate(pieces):
        index.extend([i] * len(piece))
    return folded, index


def _variants(alias: str) -> set[str]:
    folded = fold(alias)[0]
    variants = {folded}
    if folded[:1].islower():
        variants.add(folded[:1].upper() + folded[1:])
    return variants


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _cjk(alias: str) -> bool:
    return bool(_NO_BOUNDARY.search(alias))


class MentionFinder:
    """Alias index over one registry: aliases keyed by their first word (first character
    for CJK aliases), tried longest first at each word of the text."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._owners: dict[str, set[str]] = {}
        self._context: set[str] = set()
        for outlet in registry.outlets:
            for name in outlet.names() + outlet.context_aliases:
                for v in _variants(name):
                    self._owners.setdefault(v, set()).add(outlet.id)
                    if name in outlet.context_aliases:
                        self._context.add(v)
        self._by_head: dict[str, list[str]] = {}
        self._by_char: dict[str, list[str]] = {}
        for alias in sorted(self._owners, key=lambda a: (-len(a), a)):
            if _cjk(alias):
                self._by_char.setdefault(alias[0], []).append(alias)
            else:
                self._by_head.setdefault(_TOKEN.match(alias).group(), []).append(alias)

    def _scan(self, folded: str):
        """(start, end, alias) of the longest alias at each word, left to right, no overlaps."""
        free = 0
        for token in _TOKEN.finditer(folded):
            starts = [token.start()]
            if self._by_char and _cjk(token.group()):
                starts = range(token.start(), token.end())
            for pos in starts:
                if pos < free:
                    continue
                found = self._match_at(folded, pos, pos == token.start())
                if found:
                    free = pos + len(found)
                    yield pos, free, found

    def _match_at(self, folded: str, pos: int, word_start: bool) -> str | None:
        candidates = self._by_char.get(folded[pos], [])
        if word_start:
            head = _TOKEN.match(folded, pos).group()
            candidates = self._by_head.get(head, []) + candidates
        for alias in candidates:
            end = pos + len(alias)
            if not folded.startswith(alias, pos):
                continue
            if _cjk(alias) or not (alias[-1].isalnum() or alias[-1] == "_") or end == len(folded) or not (
                folded[end].isalnum() or folded[end] == "_"
            ):
                return alias
        return None

    def names(self, text: str, context_spans=()) -> list[Mention]:
        """Outlet names and aliases in ``text``, left to right."""
        folded, index = fold(text)
        found = []
        for fstart, fend, alias in self._scan(folded):
            owners = self._owners[alias]
            if len(owners) != 1:
                continue  # an alias two outlets share names neither
            start, end = index[fstart], index[fend - 1] + 1
            if alias in self._context and not _in_context(text, start, end, context_spans):
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
