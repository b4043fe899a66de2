"""Find outlet mentions in running text: names and aliases in any script, and domains.

Matching is case-sensitive except that an alias written in lower case also matches
with a capital first letter (sentence start), and diacritic-insensitive ("Agencia
EFE" = "Agéncia EFE", "Thong tan xa Viet Nam" = "Thông tấn xã Việt Nam"). Aliases
in scripts written with spaces need word boundaries; CJK aliases do not. The longest
alias wins. Ambiguous aliases (``context_aliases``: "AP", "RT", "DW") count only in
parentheses ("(AP)") or inside a span the caller marks as a credit context (a credit
line, an attribution's speaker).

Given a lemmatiser (``lemma(lang, word)``: the attribution stage's simplemma lemmas),
a name of two words or more also matches inflected ("Первого канала" = "Первый канал",
"Gazety Wyborczej" = "Gazeta Wyborcza", "des Spiegels" = "Der Spiegel"): word by word, the
same lemma in the text's language, a capital where the name has one (a leading determiner
may lose it), and not on a sentence's first word alone ("Новых газет …" is no "Новая
газета"). A determiner and one noun ("Der Spiegel") match only with the noun inflected and
ending the phrase ("des Spiegels", not "vor dem Spiegel", not "des Ersten Weltkriegs").
A one-word name in another inflection ("Интерфакса", "Rzeczpospolitej", "Звезду": ambiguous
ones too) counts only in a credit context and not as a sentence's first word; ambiguous
names of more words stay exact.

Domains ("Kienthuc.net.vn", "https://fr.sputniknews.com/...") resolve through the
registry's domain index; an unregistered domain is reported with ``outlet=None``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from . import cues
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

    def __init__(self, registry: Registry, lemma: Callable[[str, str], str | None] | None = None):
        self.registry = registry
        self._lemma = lemma  # (lang, word) -> lemma, None for a language it does not cover
        self._inflected_index: dict[str, dict] = {}  # by language: see _inflected
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

    def _inflected(self, lang: str) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
        """The main names and ``lang`` aliases (no CJK; ambiguous ones of one word only, which
        need a credit context anyway) by the lemmas of their first two words (of their one
        word): (their words, their lemmas, the alias)."""
        if lang not in self._inflected_index:
            index: dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
            own = Counter(_script(a) for o in self.registry.outlets for a in dict(o.aliases).get(lang, ()))
            script = own.most_common(1)[0][0] if own else None  # a lemmatiser inflects words of its script only
            for outlet in self.registry.outlets:
                for name in (outlet.name, *dict(outlet.aliases).get(lang, ()), *outlet.context_aliases):
                    words = tuple(name.split())
                    key = fold(" ".join(words))[0]
                    if not all(w.isalpha() for w in words) or _script(name) != script \
                            or (len(words) == 1 and len(name) < 4) \
                            or len(self._owners.get(key, ())) != 1 or (key in self._context and len(words) > 1):
                        continue
                    lemmas = tuple(self._lemma(lang, w) for w in words)
                    index.setdefault(lemmas[:2], []).append((words, lemmas, key))
                    if len(words) > 1 and words[0][:1].isupper() and _stem_tolerant(words[-1]):
                        index.setdefault((lemmas[0], None), []).append((words, lemmas, key))
            for entries in index.values():
                entries.sort(key=lambda e: -len(e[0]))
            self._inflected_index[lang] = index
        return self._inflected_index[lang]

    def _scan_inflected(self, text: str, lang: str, taken):
        """(start, end, alias, whether it needs a credit context) of names written in
        another inflection, outside ``taken``; a one-word name needs the context."""
        index = self._inflected(lang)
        words = list(_WORD.finditer(text))
        lemmas = [self._lemma(lang, w.group()) for w in words]
        determiners = cues.stopwords(lang)
        free = 0
        for i, word in enumerate(words):
            if word.start() < free or taken[word.start()]:
                continue
            candidates = index.get(tuple(lemmas[i:i + 2]), []) + index.get((lemmas[i],), [])
            if word.group()[:1].isupper():
                candidates += index.get((lemmas[i], None), [])
            for names, name_lemmas, alias in candidates:
                run = words[i:i + len(names)]
                if len(names) == 1:
                    if word.group()[:1].isupper() and _one_noun(text, word, alias) \
                            and not _opens_sentence(text, word.start()):
                        free = word.end()
                        yield word.start(), free, alias, True
                        break
                elif len(run) == len(names) and _joined(text, run) and all(
                        _same_word(w.group(), n, lemmas[i + k], la, k == 0 and n.casefold() in determiners)
                        or (k == len(names) - 1 and _same_stem(w.group(), n))
                        for k, (w, n, la) in enumerate(zip(run, names, name_lemmas))) and (
                        names[0].casefold() not in determiners or len(names) > 2
                        or _one_noun(text, run[-1], names[-1])) and (
                        any(n[:1].isupper() for n in names[1:]) or not _opens_sentence(text, run[0].start())):
                    free = run[-1].end()
                    yield run[0].start(), free, alias, False
                    break

    def names(self, text: str, context_spans=(), lang: str | None = None) -> list[Mention]:
        """Outlet names and aliases in ``text``, left to right (inflected ones too, given
        the text's language and a lemmatiser)."""
        folded, index = fold(text)
        spans = [(index[fstart], index[fend - 1] + 1, alias, alias in self._context)
                 for fstart, fend, alias in self._scan(folded)]
        if lang and self._lemma and self._lemma(lang, lang) is not None:  # a language it lemmatises
            taken = bytearray(len(text) + 1)
            for start, end, _, _ in spans:
                taken[start:end] = b"\x01" * (end - start)
            spans += list(self._scan_inflected(text, lang, taken))
        found = []
        for start, end, alias, needs_context in sorted(spans):
            owners = self._owners[alias]
            if len(owners) != 1:
                continue  # an alias two outlets share names neither
            if needs_context and not _in_context(text, start, end, context_spans):
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

    def find(self, text: str, context_spans=(), lang: str | None = None) -> list[Mention]:
        """Every outlet mention (names, aliases and domains), left to right, without overlaps."""
        mentions = sorted(self.domains(text) + self.names(text, context_spans, lang), key=lambda m: (m.start, -m.end))
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept


_WORD = re.compile(r"\w+")


def _joined(folded: str, run) -> bool:
    """Are the words of ``run`` separated by spaces only?"""
    return all(folded[a.end():b.start()].isspace() for a, b in zip(run, run[1:]))


def _script(name: str) -> str:
    """The script of a name's first letter ("LATIN", "CYRILLIC", "CJK", ...)."""
    return unicodedata.name(next((c for c in name if c.isalpha()), "?"), "?").split()[0]


def _opens_sentence(text: str, pos: int) -> bool:
    """Does ``pos`` open the text, a line or a sentence, where any word has a capital?"""
    before = text[:pos].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?…\n"


def _one_noun(text: str, word: re.Match, name_word: str) -> bool:
    """Is a name's one noun (alone, or after a determiner: "Der Spiegel") inflected ("des
    Spiegels") and the end of its phrase (no capitalised word after it: "des Ersten
    Weltkriegs" is no "Das Erste", «Инсайдера Z» no "Инсайдер")?"""
    after = _WORD.search(text, word.end())
    joined = after is not None and text[word.end():after.start()].isspace()
    return fold(word.group())[0] != fold(name_word)[0] and not (joined and after.group()[:1].isupper())


def _same_word(word: str, alias_word: str, lemma: str, alias_lemma: str, determiner: bool) -> bool:
    """Is text ``word`` the name's ``alias_word`` in some inflection: the same lemma, and a
    capital where the name has one (but a name's leading determiner, "Der" → "des")."""
    if fold(word)[0] == fold(alias_word)[0]:
        return True
    return lemma == alias_lemma and (not alias_word[:1].isupper() or word[:1].isupper() or determiner)


def _stem_tolerant(name_word: str) -> bool:
    """A name's last word long enough to be matched by its stem: a transliterated name the
    lemmatiser does not know ("Komsomolez") is inflected or spelt with other endings."""
    return len(name_word) >= 7 and name_word[:1].isupper() and name_word.isalpha()


def _same_stem(word: str, name_word: str) -> bool:
    """Is text ``word`` the name's last word with another ending: capitalised like it, all
    but its last two letters the same, and at most two letters longer or shorter."""
    if not (_stem_tolerant(name_word) and word[:1].isupper() and abs(len(word) - len(name_word)) <= 2):
        return False
    stem = len(name_word) - 2
    return fold(word[:stem])[0] == fold(name_word[:stem])[0]


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
