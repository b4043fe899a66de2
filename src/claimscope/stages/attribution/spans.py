"""Spans around a cue: clauses, noun phrases, quotations and contents.

``Spans`` holds the text of one article, its quotations and one language table,
and answers the questions the cue rules ask: where does the clause before a cue
start, where does the noun phrase after it end, what is the content after or
before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lemmas import lemmas, supported
from .quotes import CLOSING
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


_LEMMA_CUES: dict[tuple[str, str], dict[str, bool] | None] = {}


def lemma_cues(table: Table, kind: str) -> dict[str, bool] | None:
    """Per language and cue kind, a growing cache word -> is a cue by its lemma (None
    when the table has no lemmas of that kind or the language no lemmatiser)."""
    key = (table.language, kind)
    if key not in _LEMMA_CUES:
        _LEMMA_CUES[key] = {} if table.lemmas.get(kind) and supported(table.language) else None
    return _LEMMA_CUES[key]


def is_lemma_cue(table: Table, kind: str, word: str) -> bool | frozenset:
    """Whether ``word`` (lower-cased) is a form of a reporting verb of the table: its
    lemma is listed, and it is not the bare infinitive where that is the lemma; else the
    separable particles that would make it one when they close its clause ("kündigte"
    with "an": "ankündigen")."""
    base = word.split("-")[0]
    if len(base) < 3 or table.noun_shape.search(base):
        return False  # "zapewnienia" (assurances) is no form of "zapewnić"
    found = lemmas(table.language, base, table.participle, table.participle_lemmas, table.unknown_lemmas)
    if table.lemma_infinitive and base in table.lemmas[kind]:
        return False  # the bare infinitive
    if any(f in table.lemmas[kind] for f in found):
        return True
    if kind == "weak" and impersonal_passive(table, base):
        return True
    return frozenset(p for p in table.particles if any(p + f in table.lemmas[kind] for f in found))


def impersonal_passive(table: Table, word: str) -> bool:
    """Whether ``word`` (lower-cased) is the impersonal passive of a reporting verb of the
    table, a reflexive form of the table's ``impersonal_shape`` ("отмечается", "сообщалось":
    "отмечать", "сообщать"); like "говорится", it has no subject and may cite a text."""
    if not table.reflexive or not table.impersonal.search(word) or not supported(table.language):
        return False
    cut = len(table.reflexive)
    return any(f.endswith(table.reflexive) and f[:-cut] in table.lemmas["verb"] | table.lemmas["weak"]
               for f in lemmas(table.language, word))


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


@lru_cache(maxsize=64)
def _exactly(n: int) -> re.Pattern:
    """Matches the next ``n`` characters (a cue span found word by word)."""
    return re.compile(rf"[\s\S]{{{n}}}")


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

    # -- spans around a cue -------------------------------------------------
    def left_region(self, lo: int, hi: int, clauses: bool = True) -> int:
        """Start of the clause that ends at ``hi`` (after the last boundary in [lo, hi),
        and, with ``clauses``, after the last clause-breaking word)."""
        start, i = lo, hi - 1
        while i >= lo:
            if (
                self.text[i] == ")"
            ):  # a short parenthesis belongs to the phrase: "Fallin (R-OK)"
                opening = self.text.rfind("(", lo, i)
                if 0 <= opening and i - opening <= 40:
                    i = opening - 1
                    continue
            if i in self.closing and not self.text[i + 1 : hi].strip() and self.inner_name(self.closing[i]):
                i = self.closing[i] - 1  # "В пресс-службе компании «Север» ответили": a name inside the phrase
                continue
            if self.text[i] in BOUNDARY or i in self.closing or i in self.quotes:
                start = i + 1  # a quotation mark, '' included, ends the clause
                break
            i -= 1
        if not clauses:
            return start
        for m in self.t.clause_break.finditer(self.text, start, hi):
            start = max(start, m.end())
        for m in self.t.coordinator.finditer(self.text, start, hi):
            if all(
                w.group().lower() in self.t.trim for w in words(self.text, m.end(), hi)
            ):
                start = max(
                    start, m.end()
                )  # "Hayek confirmed it and said": no subject here
        return start

    def inner_name(self, opening: int) -> bool:
        """Whether the quotation that opens at ``opening`` is a short capitalised name inside a
        noun phrase: a word and a space right before it ("компании «Север»", "МУП «Водоканал»")."""
        close = self.quotes.get(opening)
        inner = self.text[opening + 1 : close].strip() if close is not None else ""
        return (bool(inner) and inner[0].isupper() and inner[-1].isalnum() and len(inner.split()) <= 4
                and self.text[opening - 1 : opening] == " " and self.text[opening - 2 : opening - 1].isalnum())

    def right_region(self, lo: int, hi: int) -> int:
        """End of the noun phrase that starts at ``lo`` (first boundary, stop word,
        complementizer, or the next verb or prepositional cue: "Declaró el ministro que …")."""
        lo, end = strip(self.text, lo, hi, " \t\n")[0], hi
        i = lo
        while i < hi:
            close = self.quotes.get(i)
            if close is not None and close < hi and self.inner_name(i) and self.text[close + 1 : close + 3].strip()[:1].isupper():
                i = close + 1  # "директор МУП «Водоканал» Андрей Пахомов": a name inside the phrase
                continue
            if self.text[i] in BOUNDARY:
                end = i
                break
            i += 1
        phrase = end
        lead = self.adverbial_lead(lo, end)
        for pattern, skip in ((self.t.speaker_stop, lead), (self.t.clause_break, lo + 1), (self.t.complementizer, lo + 1)):
            m = next((m for m in pattern.finditer(self.text, lo, end) if m.start() >= skip), None)
            if m:  # not the phrase's own first word ("der Sender X am Abend")
                end = m.start()
        cue = self.first_cue(lo + 1, end)
        prep = self.first_cue(lo + 1, phrase, "prep")  # "die Zeitung X unter Berufung auf …"
        return min([c.start() for c in (cue, prep) if c and c.start() < end] + [end])

    def stop_word(self, word: str) -> bool:
        """A word of ``speaker_stops``, also elided onto the next one ("all'ANSA")."""
        m = self.t.speaker_stop.match(word)
        return bool(m) and (m.end() == len(word) or word[m.end() - 1] in "'’")

    def adverbial_lead(self, lo: int, hi: int) -> int:
        """Where stop words may end the phrase that starts at ``lo``: after its first word,
        or, when it opens (past object pronouns) with a stop word, after that adverbial's
        first three words ("в среду журналистам глава X", "nam w rozmowie telefonicznej X")."""
        toks = words(self.text, lo, hi)
        n = 0
        while n < len(toks) and self.clitic(toks[n].group()):
            n += 1
        if n < len(toks) and self.stop_word(toks[n].group()):
            return toks[min(n + 2, len(toks) - 1)].end()
        return toks[n].start() + 1 if 0 < n < len(toks) else lo + 1

    def trim_speaker(
        self, start: int, end: int, after: bool = False
    ) -> tuple[int, int] | None:
        """The noun phrase in [start, end) without edge adverbs and auxiliaries,
        at most MAX_SPEAKER_WORDS words nearest the cue."""
        toks = words(self.text, start, end)
        while toks and (toks[0].group().lower() in self.t.trim_leading or self.interjection(toks[0])
                        or len(toks) > 1 and (after and self.clitic(toks[0].group()) or not after and toks[0].group().lower()
                                              in self.t.coordinators)  # "рассказала нам продавщица", "А в мэрии заявили"
                        and toks[0].group().lower() not in self.t.determiners | self.t.pronouns):  # "selon lui plus de …"
            toks.pop(0)
        while toks and (
            toks[-1].group().lower() in self.t.trim
            or self.t.adverb.fullmatch(toks[-1].group())
            or not after and self.clitic(toks[-1].group())
            or not after and self.object_pronoun(toks)
        ):  # "El alcalde nos dijo", "Le maire lui a dit", "Un témoin nous a dit"
            toks.pop()
        if not toks or after and all(t.group().lower().replace("’", "'") in self.fillers for t in toks):
            return None  # "según lo que contó X": the verb's subject speaks
        toks = toks[:MAX_SPEAKER_WORDS] if after else toks[-MAX_SPEAKER_WORDS:]
        owner = None if after else self.t.preposition.match(self.text, toks[0].start())
        if owner:  # "Według niego dyrekcja uznała", "По его словам директор заявил": someone else's view
            rest = [t for t in toks if t.start() >= owner.end()]
            held = len(toks) - len(rest) > 1  # "По его словам": the owner inside the cue
            if rest and not held and rest[0].group().lower() in self.t.pronouns:
                rest, held = rest[1:], True  # "Według niego"
            if rest and held:
                toks = rest
        if after and self.subject_pronoun(toks[0].group()) and not (len(toks) > 1 and toks[1].group()[0].isupper()):
            toks = toks[:1]  # "— сказала она журналисту X": the pronoun is the subject (not "Theo ông X")
        if not after and len(toks) > 1 and self.subject_pronoun(toks[-1].group()) and (self.stop_word(
                toks[0].group().lower())  # "После встречи с X она заявила": an adverbial, then the subject
                or self.first_cue(toks[max(0, len(toks) - 3)].start(), toks[-2].end())):  # "wrote to us he phoned"
            toks = toks[-1:]
        if not after:  # "Минобороны в четверг заявило": drop a short trailing adverbial
            for k in range(max(1, len(toks) - 3), len(toks)):
                nxt = toks[k + 1].group().lower() if k + 1 < len(toks) else ""
                if (
                    self.t.speaker_stop.fullmatch(toks[k].group())
                    and nxt not in self.t.determiners
                    and not (toks[k - 1].group().lower() in CONNECTORS  # "a reader of this blog"
                             and not self.t.speaker_stop.fullmatch(toks[k - 1].group()))  # Polish "do"
                ):
                    toks = toks[
                        :k
                    ]  # but "a source close to the contractor" keeps its tail
                    break
        start, end = toks[0].start(), toks[-1].end()
        for tok in toks[:-1]:  # "… de la ville.le maire a annoncé": a sentence end fused onto the next word
            head, dot, rest = tok.group().rpartition(".")
            if dot and head[-1:].islower() and rest.islower() and rest in self.t.determiners:
                start = tok.start() + len(head) + 1
        if end < len(self.text) and self.text[end] in CLOSING and end in self.closing:
            end += 1
        if start > 0 and start - 1 in self.quotes and self.quotes[start - 1] < end:
            start -= 1
        m = self.t.speaker_prefix.match(self.text, start, end)
        if m and m.group() and m.end() < end:
            start = m.end()
        return start, end

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

    def looks_like_speaker(self, span: tuple[int, int] | None) -> bool:
        """Whether a span after a cue can be a subject (inversion): a determiner,
        pronoun, title, capitalised word or anonymous phrase starts it."""
        if span is None:
            return False
        first = WORD.match(self.text, span[0])
        if first is None:
            return False
        word = first.group()
        head = re.split(r"['’]", word.lower())[0] + (
            "'" if re.search(r"['’]", word) else ""
        )
        return (
            not self.t.determiners
            or word[0].isupper()
            or "." in word  # a domain name: "fort-russ.com"
            or word.lower() in self.t.determiners | self.t.pronouns | self.t.titles
            or head in self.t.determiners
            or bool(self.t.anonymous.search(self.text, span[0], span[1]))
        )

    def has_subject_marker(self, span: tuple[int, int]) -> bool:
        """For verb-second tables: does a pre-verbal span hold a noun phrase?"""
        toks = [m.group() for m in words(self.text, *span)]
        lowered = {w.lower() for w in toks}
        return (
            bool(lowered & (self.t.determiners | self.t.pronouns | self.t.titles))
            or any(w[0].isupper() for w in toks[1:])
            or bool(self.t.anonymous.search(self.text, *span))
        )

    def quote_after(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The quotation opening at ``pos`` (skipping spaces), if any."""
        while pos < hi and self.text[pos].isspace():
            pos += 1
        if self.text.startswith(
            "''", pos
        ):  # a two-apostrophe quotation is keyed on its second mark
            pos += 1
        close = self.quotes.get(pos)
        return strip(self.text, pos + 1, close, " \t\n") if close is not None else None

    def content_after(
        self, pos: int, hi: int, stop_ok: bool = False, clause: bool = True
    ) -> tuple[tuple[int, int], bool] | None:
        """Content that follows a cue: a colon, a quotation, a complementizer clause
        or the rest of the sentence (None when only "in a statement" follows, up to the
        sentence's end or a comma, unless ``stop_ok``)."""
        start, _ = strip(self.text, pos, hi, " \t\n")
        cut = self.text.find(",", start, hi)
        lead = words(self.text, start, cut) if cut > start else []
        if 0 < len(lead) <= 4 and lead[-1].group().lower() in self.t.particles:
            start = cut + 1  # "teilte (am Freitag) mit, …": the separable verb's particle
        stop = self.t.speaker_stop.match(self.text, start, hi)
        if (
            not stop_ok
            and stop
            and (self.text[self.right_region(stop.end(), hi) : hi].strip(EDGE) == ""
                 or self.text[self.right_region(stop.end(), hi) : hi].lstrip()[:1] == ",")
        ):  # "…, the bank said on Monday, citing …"
            return None
        comma = self.text[start : start + 1] == ","
        colon = self.text.find(":", start, hi)
        if (
            colon >= 0
            and len(words(self.text, start, colon)) <= 4
            and not any(c in BOUNDARY for c in self.text[start:colon])
        ):  # "wrote on Twitter: ..."
            start = colon + 1
        start, _ = strip(self.text, start, hi, " \t\n,:")
        lead = WORD.match(self.text, start, hi)
        if lead and self.clitic(lead.group()) and self.text[lead.end() : lead.end() + 1] in ",:":
            start = strip(self.text, lead.end(), hi, " \t\n,:")[0]  # "sagte uns, …"
        quote = self.quote_after(start, hi)
        if quote:
            return quote, True
        if comma and not (
            self.t.comma_content or self.t.complementizer.match(self.text, start, hi)
        ):
            return None  # "X said, adding that ...": the content is not after the comma
        comp = self.t.complementizer.search(self.text, start, hi) if clause else None
        between = words(self.text, start, comp.start()) if comp else []
        if (
            comp
            and len(between) <= 6
            and not any(c in BOUNDARY for c in self.text[start : comp.start()])
            and not any(  # "said he was tickled that …": the clause is the content
                w.group().lower() in self.t.clause_starters | self.t.passive
                or self.t.clause_break.fullmatch(w.group())
                for w in between
            )
            and not self.first_cue(start, comp.start())
        ):
            start = comp.end()
        hi = self.clause_end(start, hi)
        span = strip(self.text, start, hi)
        if len(words(self.text, *span)) < MIN_CONTENT_WORDS:
            return None
        inner = self.quote_after(span[0], span[1])
        if inner and strip(self.text, inner[1], span[1], QUOTE_EDGE)[0] >= span[1]:
            return inner, True
        return span, False

    def first_outside_quotes(self, start: int, hi: int, kind: str) -> re.Match | None:
        """The first cue of ``kind`` after ``start`` that no quotation opened after
        ``start`` holds ("la densità «non indica …»": a word of the quotation) and, in a
        verb-second language, no passive auxiliary follows ("angegeben werden")."""
        while start < hi:
            cue = self.first_cue(start, hi, kind)
            quote = self.enclosing(cue.start()) if cue else None
            after = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi) if cue and self.t.v2 else None
            if after and after.group().lower() in self.t.passive:
                start = after.end()  # "… müssten Allergene angegeben werden": a verb-final passive, no report
                continue
            if cue is None or quote is None or quote[0] < start:
                return cue
            start = quote[1] + 1
        return None

    def clause_end(self, start: int, hi: int) -> int:
        """Where a content starting at ``start`` ends: before the clause of the next
        reporting verb ("A said X, but B said Y"), else at ``hi``."""
        cues = [c for c in (self.first_outside_quotes(start, hi, kind) for kind in ("verb", "prep")) if c]
        if not cues:
            return hi
        nxt = min(cues, key=lambda c: c.start())
        cut = max(self.text.rfind(c, start, nxt.start()) for c in ",;:")
        for m in self.t.coordinator.finditer(self.text, start, nxt.start()):
            if not words(self.text, m.end(), nxt.start()):  # "… and said …"
                cut = max(cut, m.start())
        if cut > start:
            return cut
        toks = self.tokens(start, hi)
        for cue in self.candidates("verb", self.t.cue, hi, toks):  # "Y promised X and said"
            lead = words(self.text, start, cue.start())
            if len(lead) > 2 and self.t.coordinator.fullmatch(lead[-1].group()):
                return lead[-1].start()
        return hi

    def content_before(self, lo: int, end: int) -> tuple[tuple[int, int], bool] | None:
        """Content that precedes a cue: the quotation or clause before it (the
        quotation ending the previous sentence when nothing precedes in this one)."""
        _, end = strip(self.text, lo, end, " \t\n,—–-")
        if end <= lo:
            end = lo
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
        for close in (end - 1, end - 2):  # "…," / "…,'' said"
            if (
                close >= 0
                and close in self.closing
                and not self.text[close + 1 : end].strip("'")
            ):
                return strip(self.text, self.closing[close] + 1, close, " \t\n"), True
        span = strip(self.text, lo, end)
        if len(words(self.text, *span)) < MIN_CONTENT_WORDS:
            return None
        return span, False

    # -- finding cue candidates ----------------------------------------------
    def tokens(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """(start, lower-cased word) for the words of [lo, hi)."""
        return [
            (m.start(), m.group().lower().replace("’", "'"))
            for m in WORD.finditer(self.text, lo, hi)
        ]

    def candidates(
        self,
        kind: str | None,
        pattern: re.Pattern,
        hi: int,
        toks: list[tuple[int, str]],
    ):
        """Matches of ``pattern`` before ``hi``, tried only at words that can start one
        (every position for the generic patterns, ``kind`` None)."""
        if kind is None:
            yield from pattern.finditer(self.text, toks[0][0], hi) if toks else ()
            return
        starts, by_lemma = self.t.starts[kind], lemma_cues(self.t, kind)
        done = 0  # end of the last match: its words are not tried again
        for k, (start, word) in enumerate(toks):
            if start < done:
                continue
            match = None
            if word in starts or word.split("-")[0] in starts:
                match = pattern.match(self.text, start, hi)
                lead = words(self.text, max(0, start - 30), start)[-2:]
                if match and lead and lead[-1].group().lower() in self.t.determiners and (
                    not supported(self.t.language) or self.role_noun(lead, start + len(word))
                ):
                    match = None  # "một thông báo" (an announcement): a noun, as for verbs found by lemma
            if match is None and by_lemma is not None and (
                self.text[start].islower() or not k and self.opening_verb(start, start + len(word), hi)
            ):
                hit = by_lemma.get(word)
                if hit is None:
                    hit = by_lemma[word] = is_lemma_cue(self.t, kind, word)
                if hit is True:
                    match = self.lemma_cue(toks, k, hi)
                elif hit:  # "kündigte … an": the cue runs to the particle
                    match = self.lemma_cue(toks, k, hi, self.particle_end(toks, k, hit, hi))
            if match:
                done = match.end()
                yield match

    def opening_verb(self, start: int, end: int, hi: int) -> bool:
        """Whether the capitalised word [start, end) opens its sentence right before a
        complementizer, after a comma at most: a verb with a dropped subject ("Señaló que …",
        "Сообщалось, что …"), not a name."""
        before = self.text[max(0, start - 3) : start].strip(" \t\"'«“„—–-")
        pos = strip(self.text, end, hi, " ,")[0]
        return (not before or before[-1] in ".!?…\n") and bool(self.t.complementizer.match(self.text, pos, hi))

    def role_noun(self, lead: list[re.Match], end: int) -> bool:
        """Whether the verb form ending at ``end``, after the determiner that ends ``lead``, is
        a role noun: after a preposition cue ("Selon la juge Anne Roy, …") or before the
        clause's verb, after a name or not ("La juge Anne Roy estime que …", "La juge a
        déclaré …"), not an object pronoun's verb ("Lo dijo Pedro"); the verb may lie past
        the cue's clause."""
        if len(lead) > 1 and self.t.preposition.fullmatch(lead[0].group()):
            return True
        while (name := WORD.match(self.text, end + 1)) and self.text[end] == " " and name.group()[0].isupper():
            end = name.end()
        verb = self.first_cue(end + 1, min(len(self.text), end + 40)) if self.text[end : end + 1] == " " else None
        return verb is not None and verb.start() == end + 1

    def particle_end(self, toks: list[tuple[int, str]], k: int, particles, hi: int) -> int | None:
        """The end of the separable particle that closes the clause of the verb at
        ``toks[k]`` ("Der Sender kündigte am Abend an, …"), if one of ``particles`` does."""
        for j in range(k + 1, min(len(toks), k + 12)):
            start, word = toks[j]
            if any(c in ",.;:!?" for c in self.text[toks[j - 1][0] : start]):
                return None
            end = start + len(word)
            nxt = toks[j + 1][0] if j + 1 < len(toks) else hi
            if word in particles and (j + 1 >= len(toks) or any(c in ",.;:!?\n" for c in self.text[end:nxt])):
                return end
        return None

    def lemma_cue(
        self, toks: list[tuple[int, str]], k: int, hi: int, end: int | None = 0
    ) -> re.Match | None:
        """A cue found by its lemma: the word, with the auxiliary (and adverb) before it
        ("a précisé", "has also testified"), up to ``end`` when given (a separable
        particle); None when ``end`` is None (no particle closes the clause)."""
        if end is None:
            return None
        start, aux = toks[k][0], False
        before = words(self.text, max(0, start - 20), start)[-1:]  # also before the window: "la juge"
        if before and before[0].group().lower().replace("’", "'") in self.t.determiners and not self.t.v2:
            return None  # "the reports", "les comptes": a noun (German nouns are capitalised: "Das geht …")
        for back in (1, 2):
            if k - back < 0:
                break
            word = toks[k - back][1]
            if any(c in BOUNDARY for c in self.text[toks[k - back][0] + len(word) : toks[k - back + 1][0]]):
                break  # "…, den der Förster entdeckt hatte, gibt zu": another clause's auxiliary
            if word in self.aux or "'" in word and self.clitic(word):  # "l'a précisé"
                start, aux = toks[k - back][0], True
                break
            if word in self.t.passive:  # "a été annoncée par": a passive with its auxiliary
                start, aux = toks[k - back][0], True
                if k - back and toks[k - back - 1][1] in self.aux:
                    start = toks[k - back - 1][0]
                break
            if word not in self.t.adverbs:
                break
        if not aux and self.t.participle.search(toks[k][1].split("-")[0]):
            return None  # a participle without its auxiliary: "le communiqué publié"
        end = end or WORD.match(self.text, toks[k][0]).end()
        if end > hi or any(c in BOUNDARY for c in self.text[start:end]):
            return None
        return _exactly(end - start).match(self.text, start)

    def first_cue(self, lo: int, hi: int, kind: str = "verb") -> re.Match | None:
        """The first reporting-verb (or ``kind``) cue in [lo, hi) that opens no phrase of the
        table's ``not_cues`` ("называет себя")."""
        pattern = self.t.preposition if kind == "prep" else self.t.cue
        for cue in self.candidates(kind, pattern, hi, self.tokens(lo, hi)):
            phrase = self.t.not_cue.match(self.text, cue.start(), hi)
            if not (phrase and phrase.end() >= cue.end()):
                return cue
        return None
