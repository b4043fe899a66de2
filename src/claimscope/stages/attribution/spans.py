"""Spans around a cue: the text primitives every cue rule uses (words, boundaries,
``strip``, the ``Raw`` attribution, words that open a complement of place) and
``Spans``, the base of the cue rules: it holds the text of one article, its quotations
and one language table, and tells the small words the rules ask about (clitics and
object pronouns, subject pronouns, stop words, interjections) and the quotation around
a position. Over it, ``candidates.py`` finds the cues of a clause, ``regions.py`` the
clause and speaker around a cue, ``contents.py`` what a cue reports.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .tables import Table

WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
BOUNDARY = set(',;:()[]«»"“”„—–\n!?')
EDGE = " \t\n,;:.!?—–-"
QUOTE_EDGE = EDGE + '«»"“”„‚‘’'
CONNECTORS = frozenset(  # words that join a name's parts ("ministra de Trabajo"), not determiners
    ["de", "del", "della", "di", "do", "da", "dos", "das", "du", "des", "of", "von", "van"]
)
MAX_SPEAKER_WORDS = 10
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Raw:
    """An attribution before entities and nesting are resolved."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int]
    direct: bool
    parts: tuple[tuple[int, int], ...] = ()
    impersonal: bool = False  # "X was asked", "X seemed": no speaker on purpose


def place_words(table: Table) -> frozenset[str]:
    """The table's ``place_prepositions``: those that open a complement of place or origin
    after a noun ("a teacher from Derby", "коллега из Осло", "czytelniczka z Lublina"); a
    name after one is a place, not the name of the noun before it."""
    return _lowered(tuple(table.raw.get("place_prepositions", ())))


@lru_cache(maxsize=64)
def _lowered(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def opens_place(text: str, word: re.Match | None, table: Table) -> bool:
    """Whether a name right after ``word`` is a place: ``word`` is a preposition of place
    ("из Осло") or a connector that opens an apposition ("…, de Passo Fundo"); not "the
    arrest of John Smith", which names him."""
    if word is None:
        return False
    low = word.group()
    return low in place_words(table) or low in CONNECTORS and text[: word.start()].rstrip().endswith(",")


def strip(text: str, start: int, end: int, chars: str = EDGE) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def words(text: str, start: int, end: int) -> list[re.Match]:
    return list(WORD.finditer(text, start, end))


class Spans:
    """Span finding over one text with one table (base of the cue rules)."""

    def __init__(self, text: str, table: Table, quotes: dict[int, int]):
        self.text, self.t, self.quotes = text, table, quotes
        self.closing = {close: open_ for open_, close in quotes.items()}
        self.opens = sorted(quotes)
        self.aux = frozenset(w.lower() for w in table.raw.get("auxiliaries", []))
        self.interjections = frozenset(w.lower() for w in table.raw.get("interjections", []))
        self.objects = frozenset(w.lower() for w in table.raw.get("object_pronouns", []))  # no clitics: "нам"
        self.fillers = frozenset(w.lower() for w in table.raw.get("as_fillers", []))  # "según lo que dijo X"
        self.previous: tuple[int, int] | None = None  # the sentence before the current one

    def interjection(self, tok: re.Match) -> bool:
        """A word of the table's ``interjections`` set off by a comma, colon or exclamation
        mark ("Mire, …", "Écoutez, …", "Look, …"): it addresses the listener, it is no subject."""
        return tok.group().lower() in self.interjections and self.text[tok.end() : tok.end() + 1] in (",", ":", "!")

    def clitic(self, word: str) -> bool:
        """An object pronoun before the verb, also elided onto its auxiliary ("lui",
        "l'", "l'a" in "comme l'a dit X"), or in a language without clitics one of the
        table's ``object_pronouns`` ("как нам рассказали")."""
        word = word.lower().replace("’", "'")
        if word in self.t.clitics or word in self.objects:
            return True
        head, _, rest = word.partition("'")
        return bool(rest) and head + "'" in self.t.clitics and rest in self.aux

    def enclosing(self, pos: int) -> tuple[int, int] | None:
        """The quotation (open, close) around ``pos``, if any."""
        k = bisect.bisect_left(self.opens, pos) - 1
        if k >= 0 and self.quotes[self.opens[k]] > pos:
            return self.opens[k], self.quotes[self.opens[k]]
        return None

    def inner_name(self, opening: int) -> bool:
        """Whether the quotation that opens at ``opening`` is a short capitalised name inside a
        noun phrase: a word and a space right before it ("компании «Север»", "МУП «Водоканал»")."""
        close = self.quotes.get(opening)
        inner = self.text[opening + 1 : close].strip() if close is not None else ""
        return (bool(inner) and inner[0].isupper() and inner[-1].isalnum() and len(inner.split()) <= 4
                and self.text[opening - 1 : opening] == " " and self.text[opening - 2 : opening - 1].isalnum())

    def stop_word(self, word: str) -> bool:
        """A word of ``speaker_stops``, also elided onto the next one ("all'ANSA")."""
        m = self.t.speaker_stop.match(word)
        return bool(m) and (m.end() == len(word) or word[m.end() - 1] in "'’")

    def subject_pronoun(self, word: str) -> bool:
        """A personal pronoun of the table that is no object pronoun nor relative ("она",
        "he", "elle"; not "lui", "who")."""
        low = word.lower()
        return low in self.t.pronouns and not self.clitic(low) and low not in self.t.relatives | self.t.subject_relatives

    def object_pronoun(self, toks: list[re.Match]) -> bool:
        """In a language with object clitics, a pronoun after a noun right before the
        verb is its object, not part of the subject ("Un témoin nous a dit")."""
        low = [t.group().lower() for t in toks[-2:]]
        return (
            len(low) == 2 and bool(self.t.clitics) and low[1] in self.t.pronouns
            and low[0] not in self.t.pronouns | self.t.determiners
            and self.text[toks[-2].end() : toks[-1].start()].isspace()
        )
