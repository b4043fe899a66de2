"""Inverted subjects: the speaker after its reporting verb ("« … », a déclaré X", "…, said
the minister", "Как отметил X"), the pronoun joined to an inverted verb ("précise-t-elle")
and the object pronouns that may stand between a quotation and its verb.
"""

from __future__ import annotations

import re

from .lemmas import lemma
from .quotes import CLOSING
from .spans import BOUNDARY, EDGE, MAX_SPEAKER_WORDS, WORD, strip, words
from .subjects import Subjects

HYPHENATED = re.compile(r"\w-(?:t-)?(\w+)\b")  # "dit-elle", "a-t-il"


class Inversions(Subjects):
    """Subjects that follow their verb."""

    def inverted_speaker(
        self, cue: re.Match, hi: int, lo: int = 0
    ) -> tuple[int, int] | None:
        """The subject after the cue ("..., said the minister in a statement", also
        opening the sentence: "Said Comey, “…”"): a short noun phrase that ends the
        clause."""
        _, before = strip(self.text, 0, cue.start(), " \t\n")
        lead = words(self.text, lo, before)[-2:]
        while lead and self.object_word(lead[-1].group()) and lead[-1].end() == before:
            told = lead.pop()
            _, start = strip(self.text, 0, told.start(), " \t\n")
            if self.text[start - 1 : start] == "," and (
                self.text[start - 2 : start - 1] in CLOSING
                or self.told_word(told.group()) and len(words(self.text, lo, start)) >= 3  # not "Mire, le dije"
            ):
                before = start  # "«…», me decía X", "« … », nous a confié X", "…, nous a répondu X": the one told
        if self.topic_opening(cue, cue.end(), hi):
            return None  # "Die Polizei spricht von einem Fake": what is spoken of, not who speaks
        if before <= lo and cue.group()[0].isupper() or self.anaphoric_lead(lo, cue.start()):
            before = 0  # nothing before the cue in its sentence ("Lo riferisce X")
        opened = self.as_opening(lo, cue.start()) is not None  # "Как отметил X", "según informó X"
        closed = before - 1 in self.closing or before - 2 in self.closing  # ",'' said"
        if closed:  # a quoted name or title ("the hacker known as “Guccifer,” stated")
            close = before - 1 if before - 1 in self.closing else before - 2
            opening = self.closing[close]
            lead = self.text[max(0, opening - 2) : opening].strip()
            if len(words(self.text, opening, close)) < 3 and lead[-1:].isalnum():
                return None
        quoted = closed and self.text[before - 1] != "."  # "“…,” said the man who …"
        spaced = self.text[before - 1 : before] == "-" and not self.text[before - 2 : before - 1].isalnum()
        lone = self.lone_lead(lo, cue.start())  # "A riferirlo è stato X"
        if self.t.no_inversion.search(cue.group()) or not self.t.raw.get("inversion", True) or (
            before
            and self.text[before - 1] not in BOUNDARY
            and not spaced  # "«…», - заявил X": a hyphen for a dash
            and not lone
            and not closed
            and not self.t.v2
            and not opened
        ):
            return (
                None  # "…, but told the Post" is no inversion; "…," / "« … »," may be
            )
        if self.t.complementizer.match(self.text, strip(self.text, cue.end(), hi, " \t\n,")[0], hi):
            return None  # "Le texte, signé « X », raconte qu'en 1919 …": what is said follows, no subject
        start = self.skip_addressee(cue.end(), hi)  # "dijo a este diario la alcaldesa"
        if start == cue.end():  # "aseguró el martes a la radio la alcaldesa"
            start = self.skip_addressee(self.time_lead(cue.end(), hi), hi)
        copula = words(self.text, start, hi)[:2] if lone else []
        while copula and copula[0].group().lower() in self.t.passive:
            start = copula.pop(0).end()  # "A riferirlo è stato il sindaco"
        end = self.right_region(start, hi)
        if end < hi and end in self.quotes and self.quotes[end] < hi:
            end = self.quotes[end] + 1  # "schreibt die Zeitung „Nordkurier“"
        end = self.role_complement(end, hi)  # "l'adjoint aux travaux, Marc Petit"
        late = self.final_subject(start, hi)  # "…», insistió el martes en la radio X la ministra"
        end = late[1] if late else end
        trimmed = self.before_told(self.trim_speaker(start, end, after=True), lead=False)
        span = late or self.before_told(self.skip_adverbial(start, trimmed))
        governed = [w.group() for w in words(self.text, start, span[0])] if span else []
        if governed and self.t.speaker_stop.fullmatch(governed[0]) and governed[0].lower() not in self.t.adverbs and all(
            w.lower() in self.t.determiners for w in governed[1:]
        ):  # (a time word is no preposition: "a indiqué lundi la préfecture")
            return None  # "schrieb auf seinem Kanal": the object of a preposition right after the verb
        first = words(self.text, *span)[:1] if span else []
        if self.told_outlet(cue, span):
            return None  # "„…” – powiedziała PAP.": the agency told, the speaker is elsewhere
        if first and first[0].group().lower() in self.t.raw.get("interrogatives", ()):
            return None  # "mówi co innego": what is said, no subject
        rest = self.text[end:hi].strip(EDGE)
        relay = self.t.preposition.match(self.text, end, hi)  # "…, reports X citing Y"
        framed = opened and self.text[end : end + 1] == ","  # "Como subrayó X, …": the subject up to the comma
        longest = MAX_SPEAKER_WORDS if quoted or not rest or relay or framed else 6
        if not (  # "…, said pollster Frank Luntz"
            self.looks_like_speaker(span)
            or (closed or self.text[before - 1 : before] in CLOSING)
            and span
            and self.has_subject_marker(span)
        ) or len(words(self.text, *span)) > longest:
            return None
        if (
            not self.t.inverted_pronouns
            and WORD.match(self.text, span[0]).group().lower() in self.t.pronouns
        ) or self.text[span[0] : span[1]].lower() in self.t.determiners:
            return None  # English "says he made …" is no inversion; "pledged a “…”"
        clause = self.relative_end(end, hi) if before else None  # "…, said a neighbour who lives upstairs."
        if clause is not None:
            end, rest = clause, self.text[clause:hi].strip(EDGE)
        if rest and not (
            self.text[end] in BOUNDARY
            or self.t.speaker_stop.match(self.text, strip(self.text, end, hi, " \t")[0], hi)  # "„X“ mit …"
            or relay
            or self.adverbial_clause(end, hi)  # "contaba ayer X mientras …"
            or not before and self.t.complementizer.match(self.text, end, hi)  # "Declaró X que …"
        ):
            return None
        if clause is not None:
            span = (span[0], strip(self.text, span[0], end)[1])
        if self.text[end : end + 1] == ",":  # "..., said the director, Marc Blanc."
            tail_end = self.right_region(end + 1, hi)
            tail = self.trim_speaker(end + 1, tail_end, after=True)
            if tail and (not framed or self.text[tail[0]].isupper()) and (  # not what the frame reports
                self.text[tail[0]].isupper()
                and len(words(self.text, *tail)) <= 4
                and not self.text[tail_end:hi].strip(EDGE)
                or len(words(self.text, *tail)) <= 6  # "…: risponde X, pensionato: « … »"
                and self.text[tail[1] : tail[1] + 1] == ":"
                and tail_end == tail[1]
            ):
                span = (span[0], tail[1])
        return span

    def inner_subject(self, cue: re.Match, lo: int) -> tuple[int, int] | None:
        """The subject between an inverted separable verb and its particle, after a clause
        or quotation ("…, stellte die Pressestelle auf Anfrage klar", "„…“, gab die Stadt
        bekannt"): the noun phrase right after the verb."""
        inside = words(self.text, *cue.span())
        if len(inside) < 3 or inside[-1].group().lower() not in self.t.particles:
            return None
        if self.text[lo : cue.start()].rstrip()[-1:] not in (",", *CLOSING):
            return None
        start = inside[0].end()
        return self.trim_speaker(start, self.right_region(start, inside[-1].start()), after=True)

    def topic_opening(self, cue: re.Match, pos: int, hi: int) -> bool:
        """Whether the words at ``pos``, past adverbs, open with a preposition the table's
        ``topic_verbs`` gives the cue's verb ("hablan de …", "parle d'une …", "spricht
        dennoch von …", "powołuje się na …"): what the verb speaks of follows, no subject."""
        topic = self.t.raw.get("topic_verbs")
        verb = words(self.text, *cue.span())[-1].group().lower()
        preps = topic.get(lemma(self.t.language, verb)) if topic else None
        toks = [w.group().lower().replace("’", "'") for w in words(self.text, pos, hi)[:8]]
        while toks and toks[0] in self.t.adverbs:
            toks.pop(0)
        for prep in preps or ():
            head = toks[: len(prep.split())]
            elided = head[:-1] + [head[-1].split("'")[0] + "'"] if head else []
            if len(head) == len(prep.split()) and prep in (" ".join(head), " ".join(elided)):
                return True
        return False

    def relative_end(self, pos: int, hi: int, quoted: bool = False) -> int | None:
        """Where a relative clause that opens at ``pos`` ends (its clause's next boundary, else
        ``hi``): it belongs to an inverted subject before it ("…», a dit une voisine qui
        habite en face."); None when that boundary closes a quotation. With ``quoted`` it runs
        past the quotations it holds ("Selon le site, qui cite « un agent », …")."""
        word = WORD.match(self.text, strip(self.text, pos, hi, " \t")[0])
        if word is None or word.group().lower() not in self.t.relatives | self.t.subject_relatives:
            return None
        end = word.end()
        while end < hi:
            if quoted and end in self.quotes and self.quotes[end] < hi and self.text[end - 1].isspace():
                end = self.quotes[end] + 1  # "qui cite « un agent »": a quotation inside the clause
            elif self.text[end] in BOUNDARY or self.text[end] == ".":
                break
            else:
                end += 1
        return None if self.text[end : end + 1] in CLOSING - {"’"} and end < hi else end

    def hyphen_pronoun(self, cue: re.Match) -> tuple[int, int] | None:
        """The subject pronoun joined to an inverted verb: "dit-elle", "précise-t-il",
        "a-t-il déclaré", or inside a separable verb: "kündigte er an"."""
        for m in HYPHENATED.finditer(cue.group()):
            if m.group(1).lower() in self.t.pronouns:
                return cue.start() + m.start(1), cue.start() + m.end(1)
        inner = words(self.text, *cue.span())[1:2]
        if inner and self.t.particles and inner[0].group().lower() in self.t.pronouns:
            return inner[0].span()
        return None

    def told_word(self, word: str) -> bool:
        """A pronoun that after a comma before its verb can only be the one told: an object
        clitic, or the author's "nous" ("…, nous a répondu le ministère"), not "elle"."""
        return self.clitic(word) or word.lower() in self.t.raw.get("first_person", ()) and bool(self.t.clitics)

    def object_word(self, word: str) -> bool:
        """An object pronoun, or in a language with object clitics a personal pronoun that may
        be one ("nous", "vous"), between a quotation and its verb."""
        return self.clitic(word) or bool(self.t.clitics) and word.lower() in self.t.pronouns
