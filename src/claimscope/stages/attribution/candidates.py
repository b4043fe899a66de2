"""Cue candidates of a clause: reporting verbs by their form or their lemma (with the
separable particle that closes a clause, "kündigte … an"; an impersonal passive,
"отмечается"), a reporting infinitive with the verb that governs it ("ha voluto precisare"),
verbs that open a sentence, role nouns and particles, and the first cue
after a position.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .governed import bare_infinitive, governed_infinitive
from .lemmas import lemmas, supported
from .spans import BOUNDARY, WORD, Spans, strip, words
from .tables import Table

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


@lru_cache(maxsize=64)
def _exactly(n: int) -> re.Pattern:
    """Matches the next ``n`` characters (a cue span found word by word)."""
    return re.compile(rf"[\s\S]{{{n}}}")


class CueCandidates(Spans):
    """Cue finding in a clause (over ``Spans``, base of ``Regions``)."""

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
                elif kind == "verb" and bare_infinitive(self.t, word):  # "ha voluto precisare che"
                    span = governed_infinitive(self, toks, k, hi)
                    if span and span[0] >= done:
                        match = _exactly(span[1] - span[0]).match(self.text, span[0])
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

    def owned_noun(self, cue: re.Match) -> bool:
        """Whether a reporting verb between a one-word preposition cue and the table's
        ``genitive_markers`` word is a noun ("theo thông báo của UBND": by the announcement
        of the committee): the preposition's speaker, no cue."""
        marks = self.t.raw.get("genitive_markers", ())
        after = WORD.match(self.text, cue.end() + 1) if self.text[cue.end() : cue.end() + 1] == " " else None
        before = words(self.text, max(0, cue.start() - 20), cue.start())[-1:]
        return bool(
            after and after.group().lower() in marks and before and before[0].end() + 1 == cue.start()
            and self.t.preposition.fullmatch(before[0].group())
        )

    def first_cue(self, lo: int, hi: int, kind: str = "verb") -> re.Match | None:
        """The first reporting-verb (or ``kind``) cue in [lo, hi) that opens no phrase of the
        table's ``not_cues`` ("называет себя")."""
        pattern = self.t.preposition if kind == "prep" else self.t.cue
        for cue in self.candidates(kind, pattern, hi, self.tokens(lo, hi)):
            phrase = self.t.not_cue.match(self.text, cue.start(), hi)
            if not (phrase and phrase.end() >= cue.end()) and not self.owned_noun(cue):
                return cue
        return None
