"""Regions around a cue: where the clause before a cue starts and the one after it ends,
the adverbial that leads a clause, and the speaker phrase trimmed of what is no part of
it (object pronouns, interjections, auxiliaries, a cue of its own), with the shape of a
speaker and the marks of a subject.
"""

from __future__ import annotations

import re

from .candidates import CueCandidates
from .quotes import CLOSING
from .spans import BOUNDARY, CONNECTORS, MAX_SPEAKER_WORDS, WORD, strip, words


class Regions(CueCandidates):
    """Clauses and speakers around a cue (over ``CueCandidates``, base of ``Contents``)."""

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
        if not after:
            toks = self.vorfeld(toks)
        while toks and (
            toks[-1].group().lower() in self.t.trim
            or self.t.adverb.fullmatch(toks[-1].group())
            or not after and self.clitic(toks[-1].group())
            or not after and self.object_pronoun(toks)
        ):  # "El alcalde nos dijo", "Le maire lui a dit", "Un témoin nous a dit"
            toks.pop()
        if not toks or after and all(t.group().lower().replace("’", "'") in self.fillers for t in toks):
            return None  # "según lo que contó X": the verb's subject speaks
        if after:  # "berichtete das Portal bereits über …": an adverb closes the subject after its verb
            toks = toks[: next((k for k, t in enumerate(toks) if k and t.group().islower()
                                and t.group() in self.t.adverbs), len(toks))]
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
                    toks = toks[:k]  # but "a source close to the contractor" keeps its tail
                    while len(toks) > 1 and toks[-1].group().lower() in self.t.trim:
                        toks.pop()  # "Burmistrz już w maju potwierdził": the adverb before it too
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

    def vorfeld(self, toks: list[re.Match]) -> list[re.Match]:
        """In a verb-second language, the subject among the words before a cue that a finite
        auxiliary or modal (``auxiliaries``, ``modal_verbs``) splits from it: the one phrase
        before that verb ("Die Stadt hatte im Mai bestätigt"), or, when that phrase is an
        adverbial (opening with a stop word or an adverb: "Im Mai hatte die Stadt bestätigt"),
        the noun phrase after the verb: up to a stop word, an adverb, or a lower-case word
        after a noun that opens no genitive ("der Sprecher der Stadt im Rathaus")."""
        finite = self.t.aux_finite
        j = next((k for k, t in enumerate(toks) if k and t.group().lower() in finite), 0) if self.t.v2 else 0
        if not j:
            return toks
        head, rest = toks[:j], toks[j + 1 :]
        first = head[0].group().lower()
        fronted = first not in self.t.determiners and (self.stop_word(first) or first in self.t.adverbs)
        if not (fronted and rest and self.has_subject_marker((rest[0].start(), rest[-1].end()))):
            return head
        end = next((k for k, t in enumerate(rest) if k and t.group().islower() and (
            self.stop_word(t.group()) or t.group() in self.t.adverbs
            or rest[k - 1].group()[0].isupper() and t.group() not in self.t.determiners)), len(rest))
        return rest[:end]  # "mehrere Medien über …": a noun, then a lower-case word not of a genitive

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
