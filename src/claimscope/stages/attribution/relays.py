"""A relative clause of citing on a speaker ("Selon le journal, qui cite un élu, …",
"…, twierdzi portal X, który powołuje się na raport Y"): the one cited is the speaker of
what the outer attribution reports.

The citing verbs are those of the table's relay prepositions ("citant", "citando",
"powołując się na", "ссылаясь на"), compared by lemma, so that the finite verb of a
relative clause ("cite", "cita", "powołuje się na") relays as its participle does.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .lemmas import lemma, lemmas, supported
from .spans import BOUNDARY, EDGE, Raw, strip, words
from .subjects import Subjects

QUOTE_MARKS = "«»\"“”„"  # around the one cited: "qui cite « un agent »"
LEAD_WORDS = 2  # short lower-case words between the verb and the one cited: "się na", "a su vez a"


@lru_cache(maxsize=32)
def _citing(lang: str, prepositions: tuple[str, ...]) -> frozenset[str]:
    """Lemmas of the verbs that open the table's relay prepositions: a participle or
    gerund whose lemma is not itself ("citant" -> "citer", "ссылаясь" -> "ссылаться")."""
    if not supported(lang):
        return frozenset()
    heads = {p.split()[0].lower() for p in prepositions}
    return frozenset(lemma(lang, w) for w in heads if lemma(lang, w) != w)


class CitedRelays(Subjects):
    """The relative clause of citing on another attribution's speaker."""

    def cited_relay(self, raw: Raw, found: list[Raw]) -> Raw:
        """``raw`` with the one cited for speaker and the outer attribution's content,
        when its cue is a citing verb whose subject is a relative pronoun standing for the
        speaker of another attribution of the sentence, and that attribution reports a
        clause ("D'après le portail, qui cite un employé, la fête est annulée": the employee
        says the fête is cancelled); else ``raw``. Not when the outer content is a word or
        two ("La noticia la dio X, que cita Y": what Y says is what X cites)."""
        if raw.speaker is None or not supported(self.t.language):
            return raw
        toks = words(self.text, *raw.speaker)
        relatives = self.t.subject_relatives | self.t.relatives
        if len(toks) < 2 or toks[-1].group().lower() not in relatives or raw.cue[0] < raw.speaker[1]:
            return raw
        verb = words(self.text, *raw.cue)
        cited = _citing(self.t.language, tuple(self.t.raw.get("prepositions", ())))
        t = self.t
        if not verb or cited.isdisjoint(lemmas(t.language, verb[0].group().lower(), t.participle, t.participle_lemmas,
                                               t.unknown_lemmas)):  # "cita": the noun "cita" or "citar"
            return raw
        head = (raw.speaker[0], toks[-2].end())
        outer = next((o for o in found if o is not raw and o.speaker and not o.content[0] <= raw.cue[0] < o.content[1]
                      and (o.speaker[0] <= head[1] - 1 < o.speaker[1] + 2 and head[0] < o.speaker[1]
                           or self.relative_complement(o.speaker[1], toks[-1].start()))), None)
        if outer is None or len(words(self.text, *outer.content)) < 3:
            return raw
        source = self.cited_object(raw.cue[1], outer)
        return replace(raw, speaker=source, content=outer.content, direct=outer.direct, parts=outer.parts) \
            if source else raw

    def relative_complement(self, start: int, end: int) -> bool:
        """Whether [start, end) is a short complement that opens with a preposition and ends in
        the comma before a relative pronoun ("la cadena X| en Español, |que cita …"): the
        relative clause is on the phrase the complement closes."""
        toks = words(self.text, start, end)
        return 0 < len(toks) <= LEAD_WORDS + 1 and self.t.speaker_stop.fullmatch(toks[0].group()) is not None and \
            self.text[start:end].strip().endswith(",") and not any(c in BOUNDARY for c in self.text[start:end].strip()[:-1])

    def cited_object(self, pos: int, outer: Raw) -> tuple[int, int] | None:
        """The noun phrase a citing verb ending at ``pos`` names: past its short
        lower-case government words ("się na", "a"), up to a comma, the sentence's
        end or the outer content, its first conjunct only (one speaker is one entity)."""
        hi = outer.content[0] if outer.content[0] > pos else len(self.text)
        toks = words(self.text, pos, hi)
        k = 0
        if not toks:
            return None
        while k < min(LEAD_WORDS, len(toks) - 1) and toks[k].group().islower() and len(toks[k].group()) <= 3 \
                and toks[k].group() not in self.t.determiners:
            k += 1
        start = toks[k].start()
        if self.text[pos:start].strip(" \t\n«»\"“”„").startswith(","):
            return None
        end = min((i for i in (self.text.find(c, start, hi) for c in ",;.!?") if i >= 0), default=hi)
        joined = next((w for w in words(self.text, start, end)[1:] if w.group().lower() in self.t.coordinators), None)
        span = strip(self.text, start, joined.start() if joined else end, EDGE + QUOTE_MARKS)  # "a report of X and a post of Y": X
        return span if span[1] > span[0] else None
