"""Entity alias table across languages, read from ``claimscope/data/aliases/<lang>.json``.

Each table maps an entity id to its names in that language. The English table gives
each entity's English names (the first is its label). The search layer uses the table
to bridge names that no embedding or stemmer connects ("EI" and "Daech" in French,
"ИГИЛ" in Russian, "Daesh" in an English fact-check): a query that names an entity in
another language gets the English names appended before lexical and dense search.

Matching rules: a name in capitals (an acronym such as "EI" or "US") matches
case-sensitively, and not inside a mostly upper-case text (shouting tweets); other
names match case-insensitively; a trailing ``*`` lets the word take any ending
(Russian or Polish cases: "Путин*" matches "Путина").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class EntityMention:
    """An alias found in a text: offsets (end-exclusive), entity id and language table."""

    start: int
    end: int
    entity: str
    lang: str


_TOKEN = re.compile(r"\w+")
_MIN_STEM = 3


@dataclass(frozen=True)
class _Name:
    tokens: tuple[str, ...]  # case-folded, except for acronyms
    stem: bool  # the last token may take any ending
    entity: str
    lang: str


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


class AliasTable:
    """All alias tables; ``find`` locates mentions, ``expand`` appends English names."""

    def __init__(self, tables: dict[str, dict[str, list[str]]]):
        if "en" not in tables:
            raise ValueError("the alias tables need an English table (en.json)")
        self.english = {e: ns for e, ns in tables["en"].items() if not e.startswith("_")}
        self._english_names = {
            tuple(_TOKEN.findall(n.rstrip("*").casefold())) for ns in self.english.values() for n in ns
        }
        # first token -> names starting with it; acronyms are keyed case-sensitively
        self._folded: dict[str, list[_Name]] = {}
        self._exact: dict[str, list[_Name]] = {}
        self.names: dict[str, list[str]] = {}  # entity -> its names in every table (a trailing * kept)
        # language -> the country its articles may leave unnamed, being their own (a table's "_home")
        self.home: dict[str, str] = {lang: t["_home"] for lang, t in tables.items() if "_home" in t}
        for lang, table in sorted(tables.items()):
            for entity, names in table.items():
                if not entity.startswith("_"):
                    self.names.setdefault(entity, []).extend(names)
                    for name in names:
                        self._add(name, entity, lang)
        for index in (self._folded, self._exact):
            for names in index.values():
                names.sort(key=lambda n: len(n.tokens), reverse=True)

    def _add(self, name: str, entity: str, lang: str) -> None:
        acronym = _is_acronym(name)
        text = name.rstrip("*")
        tokens = tuple(_TOKEN.findall(text if acronym else text.casefold()))
        if not tokens:
            return
        entry = _Name(tokens, name.endswith("*"), entity, lang)
        key = tokens[0][:_MIN_STEM] if entry.stem and len(tokens) == 1 else tokens[0]
        (self._exact if acronym else self._folded).setdefault(key, []).append(entry)

    def find(self, text: str) -> list[EntityMention]:
        """Non-overlapping alias mentions in ``text``, in text order (longest first)."""
        words = list(_TOKEN.finditer(text))
        folded = [w.group().casefold() for w in words]
        acronyms_ok = _upper_ratio(text) < 0.5
        out: list[EntityMention] = []
        i = 0
        while i < len(words):
            length, entry = self._longest(words, folded, i, acronyms_ok)
            if entry is None:
                i += 1
                continue
            out.append(EntityMention(words[i].start(), words[i + length - 1].end(), entry.entity, entry.lang))
            i += length
        return out

    def _longest(self, words, folded, i, acronyms_ok) -> tuple[int, _Name | None]:
        candidates = list(self._folded.get(folded[i], ()))
        candidates += self._folded.get(folded[i][:_MIN_STEM], ())
        if acronyms_ok:
            candidates += self._exact.get(words[i].group(), ())
        best: tuple[int, _Name | None] = (0, None)
        for entry in candidates:
            n = len(entry.tokens)
            if n > best[0] and i + n <= len(words) and self._matches(entry, words, folded, i):
                best = (n, entry)
        return best

    @staticmethod
    def _matches(entry: _Name, words, folded, i) -> bool:
        acronym = entry.tokens[0] == words[i].group() and entry.tokens[0] != folded[i]
        seq = [w.group() for w in words[i : i + len(entry.tokens)]] if acronym else folded[i : i + len(entry.tokens)]
        *head, last = entry.tokens
        if list(seq[:-1]) != head:
            return False
        return seq[-1].startswith(last) if entry.stem else seq[-1] == last

    def expand(self, text: str, lang: str | None = None) -> str:
        """``text`` plus the English names of entities it names in another language.

        A name English shares ("IS", "ISIS" in a Vietnamese or German text) counts as
        English unless ``lang``, the text's language, is known and not English: then
        the English names are appended too ("IS" -> Islamic State, Daesh, ISIS).
        """
        present = {w.casefold() for w in _TOKEN.findall(text)}
        extra: list[str] = []
        for m in self.find(text):
            shared = tuple(_TOKEN.findall(text[m.start : m.end].casefold())) in self._english_names
            if shared and lang in (None, "en"):
                continue
            for name in self.english.get(m.entity, ())[:3]:
                words = {w.casefold() for w in _TOKEN.findall(name)}
                if name not in extra and not words <= present:
                    extra.append(name)
        return f"{text} ({', '.join(extra)})" if extra else text


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


@lru_cache(maxsize=1)
def default_aliases() -> AliasTable:
    """The alias tables shipped with claimscope (all languages)."""
    root = resources.files("claimscope") / "data" / "aliases"
    tables = {
        f.name.removesuffix(".json"): json.loads(f.read_text(encoding="utf-8"))
        for f in root.iterdir()
        if f.name.endswith(".json")
    }
    return AliasTable(tables)
