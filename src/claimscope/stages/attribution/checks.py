"""Checks over the attributions found in one sentence: the speaker of a cue with no
subject of its own, contents cut at the next reporting clause or relayed by a preposition,
and attributions that are none (a generic or authorial speaker, a report inside another
report's content, a performative, a relative object, a question).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .inversion import Inversions
from .lemmas import lemma
from .spans import EDGE, Raw, strip, words


class FoundChecks(Inversions):
    """Checks that read a sentence's attributions together."""

    def main_speaker(
        self, raw: Raw, found: list[Raw], lo: int
    ) -> tuple[int, int] | None:
        """Speaker of a cue with no subject of its own ("X denied it, calling …",
        "Conceding that …, he warned"): inside what a preposition frames, the subject of
        that clause ("Según X, el hombre que … «…» asegura": "el hombre"), else the speaker
        of the sentence's previous attribution, else of its next one, else the sentence's
        subject (not the cue of another attribution opening it: a verb whose subject is dropped)."""
        quote = self.enclosing(
            raw.cue[0]
        )  # only clauses on the same side of a quotation
        contents = [r.content for r in found if r is not raw]
        near = [  # not a cue inside another one's content ("X said the warning was …")
            r
            for r in found
            if r.speaker
            and self.enclosing(r.cue[0]) == quote
            and not any(a <= r.cue[0] < b for a, b in contents)
        ]
        earlier = [r for r in near if r.cue[1] <= raw.cue[0]]
        later = [r for r in near if r.cue[0] >= raw.cue[1]]
        frames = [r.content[0] for r in earlier if self.t.preposition.match(self.text, r.cue[0])
                  and r.content[0] <= raw.cue[0] < r.content[1]]
        if frames:  # "Selon X, le maire qui … « … » affirme": the subject of the clause it frames, not X
            toks = words(self.text, max(frames), raw.cue[0])
            first = toks[0].group().lower().replace("’", "'") if toks else ""
            run = self.determiner_phrase(toks) if first in self.t.determiners else []
            if not run and toks and first.islower() and any(  # "l'homme qui …": an elided determiner
                    d.endswith("'") and first.startswith(d) and len(first) > len(d) for d in self.t.determiners):
                run = self.determiner_phrase(toks) or toks[:1]
            own = (run[0].start(), run[-1].end()) if run else self.subject(max(frames), raw.cue[0])
            if own:
                return own
        if earlier:
            return max(earlier, key=lambda r: r.cue).speaker
        own = self.coordinated_subject(lo, raw.cue[0]) or self.subject(lo, raw.cue[0])
        if own and any(r.cue[0] <= own[0] < r.cue[1] for r in found if r is not raw):
            own = None  # "Admite que …, pero, como subraya, …": a verb with no subject opens the sentence
        if own or not later:
            return own
        return min(later, key=lambda r: r.cue).speaker

    def cut_at_next_clause(self, raw: Raw, found: list[Raw]) -> Raw:
        """An indirect content after its cue ends before a later clause that has a
        speaker and cue of its own ("A said X, and B said Y"), when the two are
        set apart by a comma or semicolon a few words into the content; one
        before its cue starts after such a clause."""
        start, end = raw.content
        if raw.direct:
            return raw
        if end <= raw.cue[0]:  # "Asked …, Christie said that …, he pointed out"
            for other in found:
                if other.speaker is not None and start <= other.cue[0] < end:
                    cut = max(self.text.rfind(c, other.cue[1], end) for c in ",;")
                    if cut > 0 and len(words(self.text, cut, end)) >= 2:
                        start = strip(self.text, cut, end)[0]
            return replace(raw, content=(start, end))
        if start < raw.cue[1]:
            return raw
        for other in found:
            if not start < other.cue[0] < end:
                continue
            if other.speaker is None or other.speaker[0] < start:
                if other.impersonal or not self.t.no_inversion.search(
                    self.text, *other.cue
                ):
                    continue
                head = other.cue[0]  # "X said Y, arguing that Z": a participle clause
            else:
                head = min(other.speaker[0], other.cue[0])
            cut = max(self.text.rfind(c, start, head) for c in ",;")
            if cut > start and len(words(self.text, start, cut)) > 3:
                if not self.text[cut:head].strip(EDGE) or self.t.coordinator.fullmatch(
                    self.text[cut:head].strip(EDGE)
                ):
                    return replace(raw, content=strip(self.text, start, cut))
        return raw

    def quote_after_clause(self, raw: Raw) -> list[Raw]:
        """An indirect content that a complementizer opens and a colon before a quotation
        closes ("X ha detto che la giunta trova posti letto: «Nessuno dormirà in strada»",
        "X сомневается, что этого хватит: «…»") is two reports of one speaker: the clause
        after the verb, then the quotation after the colon, whose cue is the colon."""
        if raw.direct or raw.speaker is None or raw.content[0] < raw.cue[1] or not self.t.complementizer.search(
            self.text, raw.cue[1], raw.content[0] + 1
        ):
            return [raw]
        colon = self.text.rfind(":", raw.content[0], raw.content[1])
        quote = self.quote_after(colon + 1, raw.content[1] + 2) if colon > raw.content[0] else None
        if quote is None or self.text[quote[1] : raw.content[1]].strip(" \t\n»”\"“'.!?…"):
            return [raw]
        clause = strip(self.text, raw.content[0], colon)
        if len(words(self.text, *clause)) < 2:
            return [raw]
        return [replace(raw, content=clause), Raw((colon, colon + 1), raw.speaker, quote, True)]

    def relayed(self, raw: Raw, found: list[Raw]) -> Raw:
        """A prepositional cue inside a reporting clause ("X berichtet unter Berufung auf
        Y, dass …", "Trang X, dẫn nguồn Y, cho biết …", "…, reports X citing Y") relays
        what that clause reports: its content is the reporting verb's, not the clause
        around the cue."""
        m = self.t.preposition.match(self.text, raw.cue[0])
        if m is None or m.end() != raw.cue[1]:
            return raw
        for other in found:
            if other is raw or other.speaker is None or other.content[0] <= raw.cue[0] < other.content[1] \
                    or raw.cue[0] < min(other.cue[0], other.speaker[0]) or other.speaker[0] <= raw.cue[0] < other.speaker[1]:
                continue  # "Selon X, Y a déclaré que …" nests Y's words in X's; "Segundo o jornal, que cita Y, …"
            between = min(other.cue[1], other.speaker[1]) <= raw.cue[0] < max(other.cue[0], other.speaker[0])
            if between or any(a < raw.content[1] and raw.content[0] < b for a, b in (other.cue, other.speaker)):
                return replace(raw, content=other.content, direct=other.direct, parts=other.parts)
        return raw

    def clause_subject(self, raw: Raw, kind: str) -> bool:
        """A verb whose subject phrase holds a reporting verb of its own is inside that
        verb's clause, no attribution: "Lee said the audit showed …", "a reader who
        lives nearby wrote to us he phoned …"; a capitalised word is a noun, "In dem Schreiben
        heißt es"."""
        if kind not in ("verb", "weak") or raw.speaker is None or raw.speaker[1] > raw.cue[0]:
            return False
        inner = self.first_cue(*raw.speaker)
        return inner is not None and inner.group()[0].islower() and not self.t.nested_subjects

    def object_in_report(self, raw: Raw, found: list[Raw]) -> bool:
        """A verb with a bare object inside the indirect content of another verb ("La mairie
        a confirmé la fermeture, a indiqué X") is part of what is said: the object is no
        report of its own; so is a passive whose content is its subject ("X a rappelé que le
        produit est recommandé par Y"). Not a preposition, nor a verb before a complementizer, a colon,
        a comma or a quotation, nor one inside a preposition's content ("Selon X, Y a
        annoncé la fermeture"), nor where a reported clause may go without complementizer
        (table ``bare_clauses``: "X said the plant would close, Y reported")."""
        text, (start, end) = self.text, raw.cue
        if self.t.bare_clauses or raw.direct or self.t.preposition.match(text, start):
            return False
        if raw.content[0] < end:  # a passive whose subject is its content: "… que le produit est recommandé par Y"
            if text[raw.content[1] : start].strip() or raw.speaker is None or raw.speaker[0] < end:
                return False
        else:
            gap = text[end : raw.content[0]]
            if any(c in gap for c in ":,") or self.t.complementizer.search(text, end, raw.content[1]):
                return False  # "a déclaré à ses proches qu'il …", "сказал советникам, что …"
        size = raw.content[1] - raw.content[0]
        return any(  # an outer content holds the cue and is longer ("nested_in")
            other is not raw and not other.direct and other.content[0] <= start and end <= other.content[1]
            and other.content[1] - other.content[0] > size and not self.t.preposition.match(text, other.cue[0])
            for other in found
        )

    def performative(self, raw: Raw) -> bool:
        """A verb that does what it names to its bare object (table ``performatives``: lemma
        → object nouns: "ha dichiarato il lutto cittadino", "объявил траур"): an
        act, no report. Within the first five words of a content right after the verb,
        with no complementizer there."""
        table = self.t.raw.get("performatives", {})
        verb = words(self.text, *raw.cue)[-1:]
        nouns = table.get(lemma(self.t.language, verb[0].group().lower())) if table and verb else None
        if not nouns or raw.direct or raw.content[0] < raw.cue[1]:
            return False
        head = words(self.text, raw.cue[1], raw.content[1])[:5]
        if any(self.t.complementizer.fullmatch(w.group()) for w in head):
            return False
        return any(w.group().lower() in nouns for w in head)

    def relative_object(self, raw: Raw) -> bool:
        """A verb of a relative clause after a comma whose object is the relative pronoun
        (table ``object_relatives``: "…, o que a empresa nega", "…, lo que niega la
        empresa", "…, о чём пишет газета"): what it stands for is the clause before, no
        content the verb reports."""
        phrases = self.t.raw.get("object_relatives", [])
        if not phrases or raw.direct:
            return False
        heads = [raw.cue[0]] + ([raw.speaker[0]] if raw.speaker and raw.speaker[0] < raw.cue[0] else [])
        spoken = self.text[slice(*raw.speaker)].lower() if raw.speaker else ""
        return any(
            re.search(r",\s*" + re.escape(p) + r"\s*$", self.text[max(0, head - 30) : head], re.IGNORECASE)
            for head in heads
            for p in phrases
        ) or len(heads) > 1 and self.text[: heads[1]].rstrip().endswith(",") and any(
            spoken.startswith(p + " ") for p in phrases  # "…, den die Zeitung zitiert"
        )

    def generic(self, raw: Raw) -> bool:
        """Whether the speaker is generic ("You can say that …", "Wer … liebt, weiß") or the
        author (table ``first_person``, outside a quotation): no attribution."""
        if raw.speaker is None:
            return False
        said = self.text[slice(*raw.speaker)].lower().replace("’", "'")
        bare = said.split()
        while len(bare) > 1 and self.object_word(bare[-1]):
            bare.pop()  # "On vous l'avait dit": "on" and the one told
        if said in self.t.generic_subjects or " ".join(bare) in self.t.generic_subjects:
            return True
        if bare[0] in self.t.negations:
            return True  # "Nadie lo ha confirmado", "Neither X nor Y mentioned it": nobody is said to speak
        free = self.t.raw.get("free_relatives", ())
        lead = words(self.text, max(0, raw.speaker[0] - 12), raw.speaker[0])[-1:]
        if lead and lead[0].group().lower() in free and lead[0].end() + 1 == raw.speaker[0]:
            return True  # "Quien haya pasado una mañana allí sabe que …": whoever, nobody in particular
        if bare[0] in free and raw.speaker[1] <= raw.cue[0] and not self.text[: raw.speaker[0]].rstrip().endswith(","):
            return True  # "Wer noch von X spricht, …": the verb of a free relative that opens its clause
        # the author outside any quotation ("we've posted the list", "Chúng tôi khuyên"): no source
        toks = [w.split("'")[0] for w in said.split()]  # "we've"; "the parents I (talked to)", not "X, sentito da noi"
        mine = toks[0] if len(toks) == 1 else "" if "," in said or self.stop_word(toks[-2]) else toks[-1]
        return mine in self.t.raw.get("first_person", ()) and self.enclosing(raw.cue[0]) is None

    def asked(self, raw: Raw, lo: int, hi: int) -> bool:
        """Whether an indirect report asks what is said: its sentence is a question and a
        word of the table's ``interrogatives`` stands right after the cue or just before it
        ("¿Qué dice el consistorio?", "chuyên gia nói gì?", "Was sagt die Stadt?")."""
        asks = self.t.raw.get("interrogatives")
        if raw.direct or not asks or not self.text[lo:hi].rstrip(' \t\n»”"').endswith("?"):
            return False
        after = " ".join(w.group().lower() for w in words(self.text, raw.cue[1], hi)[:2])
        if self.t.complementizer.match(self.text, strip(self.text, raw.cue[1], hi, " ,")[0], hi):
            after = ""  # "A-t-il dit que … ?": a complementizer, no question word
        near = [w.group().lower().replace("’", "'") for w in words(self.text, lo, raw.cue[0])[-2:]]
        return any(after == q or after.startswith(q + " ") for q in asks) or any(
            w in asks or w.split("'")[0] + "'" in asks for w in near)
