"""Kinds of body a mention names: the outlet nouns of the sourcing table ("the site",
"газеты"), the table's ``body_nouns`` by kind ("portalu" -> "site", "spółka" ->
"company") and ``body_modifiers``, the registry type of a registered outlet, a
description of a body with no name of its own ("the portal", "это издание"), which
stands for the latest body of its kind (``entities.py``), and the concept of the
table a mention names ("ministère de la Défense"), its words matched by a crude stem.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ...outlets import resolve_name
from .genders import CONNECTORS
from .lemmas import lemma, supported
from .tables import Table

TABLES = Path(__file__).resolve().parents[2] / "data" / "attribution"  # their ``body_nouns``
SOURCING = Path(__file__).resolve().parents[2] / "data" / "sourcing"  # its ``outlet_nouns``


@cache
def _outlet_stems(lang: str) -> frozenset[str]:
    """Stems of the one-word outlet nouns of the sourcing table ("site", "газета")."""
    path = SOURCING / f"{lang}.json"
    nouns = json.loads(path.read_text(encoding="utf-8")).get("outlet_nouns", []) if path.exists() else []
    return frozenset(word_stem(n.rstrip("*").casefold()) for n in nouns if " " not in n)


def outlet_noun(word: str, lang: str) -> bool:
    """Whether ``word`` names a kind of outlet ("the site", "la testata", "газеты")."""
    return word_stem(word.casefold()) in _outlet_stems(lang)


OUTLET_KINDS = frozenset({"newspaper", "site", "channel", "agency", "outlet"})
PUBLIC_KINDS = frozenset({"agency", "ministry", "organisation"})  # "agency": a news or a public agency
NAMED_KINDS = frozenset({"agency", "ministry", "organisation", "party", "company"})  # may be unmarked
REGISTERED = {"news_agency": "agency", "broadcaster": "channel", "public_broadcaster": "channel",
              "newspaper": "newspaper", "magazine": "newspaper", "website": "site"}  # registry types
DESCRIPTION_WORDS = 4  # words of a description at most ("the regional state broadcaster")


@cache
def _bodies(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """The table's ``body_nouns`` (word or lemma -> kind: "site", "company", …) and its
    ``body_modifiers`` (words that may stand beside one in a description: "state", "этот")."""
    path = TABLES / f"{lang}.json"
    raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kinds = {w.casefold(): kind for kind, words in raw.get("body_nouns", {}).items() for w in words}
    return kinds, frozenset(w for m in raw.get("body_modifiers", []) for w in m.casefold().split())


def body_nouns(lang: str, kinds: frozenset[str]) -> tuple[str, ...]:
    """The table's ``body_nouns`` of ``kinds``, folded (none without a table)."""
    return tuple(w for w, kind in _bodies(lang)[0].items() if kind in kinds)


def body_kind(word: str, lang: str) -> str | None:
    """The kind of outlet, institution or document a noun names, by its form or lemma
    ("portalu" -> "site", "spółka" -> "company", "agencia" -> "agency"), else None."""
    kinds, low = _bodies(lang)[0], word.casefold()
    if not low.strip():
        return None
    return kinds.get(low) or (kinds.get(lemma(lang, low)) if supported(lang) else None)


@cache
def registered_kind(name: str) -> str | None:
    """The kind of the registered outlet ``name`` names, by its registry type, else None."""
    outlet = resolve_name(name)
    return REGISTERED.get(outlet.type, "outlet") if outlet is not None else None


def kind_family(kind: str) -> frozenset[str]:
    """The kinds a description of ``kind`` may stand for: an outlet noun an outlet, a
    public body's noun a public body ("the agency" either); a company, party, account or
    document noun only its own kind."""
    family = (OUTLET_KINDS if kind in OUTLET_KINDS else frozenset()) | (PUBLIC_KINDS if kind in PUBLIC_KINDS else frozenset())
    return family or frozenset({kind})


def phrase_kinds(low: str, lang: str) -> set[str]:
    """Kinds of the table's phrases of several words inside ``low`` ("tờ báo", "công ty")."""
    kinds = _bodies(lang)[0]
    return {k for phrase, k in kinds.items() if " " in phrase and f" {phrase} " in f" {low} "}


def description_kind(toks: list[str], table: Table) -> str | None:
    """For a description of a body with no name of its own ("the portal", "la agencia de
    noticias", "это издание", "Państwowa telewizja", "tờ báo này", "dieses Portal"): the kind
    its noun names; None when a word names something ("the agency Reuters", "the Reuters
    agency") or is not a modifier of the table ("собеседник портала": its source)."""
    lang = table.language
    if not toks or len(toks) > DESCRIPTION_WORDS:
        return None
    modifiers = _bodies(lang)[1]
    low = " ".join(toks).casefold()
    phrase = max(((p, k) for p, k in _bodies(lang)[0].items() if " " in p and f" {p} " in f" {low} "),
                 key=lambda pk: len(pk[0]), default=None)
    if phrase:
        rest = f" {low} ".replace(f" {phrase[0]} ", " ", 1).split()
        return phrase[1] if all(w in modifiers or w in table.demonyms for w in rest) else None
    heads = [(i, k) for i, t in enumerate(toks) if (k := body_kind(t, lang))]
    if len(heads) != 1:
        return None
    at, kind = heads[0]
    for i, tok in enumerate(toks):
        word = tok.casefold()
        if i == at:
            if tok[0].isupper() and i > 0 and not table.v2:
                return None  # "Agence Nord-Presse"
        elif word not in modifiers and word not in table.demonyms and word not in CONNECTORS:
            return None
        elif tok[0].isupper() and i > 0 and word not in table.demonyms:
            return None
    return kind


def word_stem(word: str) -> str:
    """A crude stem that absorbs inflection endings ("военном" ~ "военное")."""
    return word[: max(4, len(word) - 2)]


def table_concept(low: str, concepts: list[tuple[str, list[str]]]) -> str | None:
    """The concept named in ``low`` (phrase words matched by stem, in order)."""
    toks = [word_stem(t) for t in low.split()]
    for concept, want in concepts:
        if any(
            toks[i : i + len(want)] == want for i in range(len(toks) - len(want) + 1)
        ):
            return concept
    return None
