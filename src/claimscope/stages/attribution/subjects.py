"""Subjects that the phrase right before a cue does not give by itself: the antecedent
of a relative pronoun ("…, the agency, which said …"), a name in quotation marks
before an adverbial ("Radio «Echo» on Monday called …"), and phrases that are no
subject at all (an adverbial opening with a preposition: "in the evening news").
"""

from __future__ import annotations

import re

from .spans import BOUNDARY, MAX_SPEAKER_WORDS, Spans, strip, words

MAX_ANTECEDENT_WORDS = 6
MAX_RELATIVE_GAP = 3  # words between the relative pronoun and its cue ("que horas antes había escrito")
MAX_QUOTED_NAME_WORDS = 5


class Subjects(Spans):
    """Subject finding for the cue rules (base of ``SentenceRules``)."""

    def as_opening(self, lo: int, pos: int) -> re.Match | None:
        """The "as" word (table ``as_clause``) that opens the clause right before a cue,
        with nothing but object pronouns between ("Как отметил X", "jak przekonuje X",
        "comme l'a dit X"): the subject follows the verb."""
        lead = words(self.text, lo, pos)
        k = len(lead) - 1
        while k >= 0 and self.clitic(lead[k].group()):
            k -= 1
        if k < 0 or lead[k].group().lower() not in self.t.as_clause:
            return None
        _, end = strip(self.text, lo, lead[k].start(), " \t\n")
        return lead[k] if end <= lo or self.text[end - 1] in BOUNDARY else None

    def anaphoric_lead(self, lo: int, pos: int) -> bool:
        """Whether only an object pronoun ("Lo riferisce X"), a demonstrative ("Das
        berichtete X") or a short adverbial of
        lower-case words ("Об этом сообщает X") precedes a cue in its clause: the
        subject follows the verb, and what it reports may be the sentence before."""
        lead = words(self.text, lo, pos)
        if lead and all(self.clitic(w.group()) for w in lead):
            return True
        if len(lead) == 1 and lead[0].start() == lo and lead[0].group().lower() in self.t.determiners:
            return True  # "Das berichtete X.": a demonstrative opening the sentence
        return (
            len(lead) == 2
            and self.t.speaker_stop.fullmatch(lead[0].group()) is not None
            and all(w.group().islower() for w in lead[1:])
        )

    def before_relay(self, lo: int, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """A subject phrase that is the object of a prepositional cue right before it
        ("Канал «X» со ссылкой на источник утверждает", "Wie die Zeitung unter Berufung auf
        einen Beamten mitteilt"): the subject is the noun phrase before that cue."""
        if span is None:
            return None
        prep = None
        for m in self.t.preposition.finditer(self.text, max(lo, span[0] - 40), span[0] + 1):
            if strip(self.text, m.end(), span[0], " \t\n«»\"“”„")[0] >= span[0]:
                prep = m
        if prep is None:
            return span
        return self.noun_phrase_before(lo, strip(self.text, lo, prep.start(), " \t\n")[1]) or span

    def quoted_before(self, lo: int, pos: int) -> tuple[int, int] | None:
        """The quotation that ends right before ``pos`` (a quoted name as the object of a
        relay: "со ссылкой на «источник» утверждает")."""
        _, end = strip(self.text, lo, pos, " \t\n")
        return (self.closing[end - 1], end) if end - 1 in self.closing and self.closing[end - 1] >= lo else None

    def adverbial(self, span: tuple[int, int] | None) -> bool:
        """Whether a phrase taken as a subject is an adverbial: it opens with a
        lower-case preposition or time word of the table ("в вечернем выпуске", "do
        kamery"), not a determiner ("В Кремле заявили" opening a sentence names the
        source in Russian)."""
        toks = words(self.text, *span) if span else []
        if not toks or len(toks) >= MAX_SPEAKER_WORDS:
            return False  # a window cut from a longer clause, not a phrase
        first = toks[0].group()
        return (
            first.islower()
            and first not in self.t.determiners
            and self.t.speaker_stop.fullmatch(first) is not None
        )

    def past_adverbial(self, lo: int, span: tuple[int, int]) -> tuple[int, int] | None:
        """The subject after an adverbial that opens ``span`` ("в пятницу министр X":
        from its first capitalised word, title or determiner), else the name in
        quotation marks before it, else None."""
        for tok in words(self.text, *span)[1:]:
            word = tok.group()
            if word[0].isupper() or word.lower() in self.t.titles | self.t.determiners:
                return tok.start(), span[1]
        _, end = strip(self.text, lo, span[0], " \t\n")
        return self.noun_phrase_before(lo, end) if end - 1 in self.closing else None

    def relative_antecedent(self, lo: int, pos: int) -> tuple[int, int] | None:
        """For "…, le compte @Exemple, qui affirme que …", "…, que horas antes había
        escrito": the noun phrase before the comma that a subject relative pronoun
        (table key ``subject_relatives``) right before the cue stands for, with the
        pronoun (the mention is "le compte @Exemple, qui"). A few
        lower-case words may sit between the pronoun and the cue (an adverbial), not
        a new subject (a determiner, pronoun or capitalised word)."""
        lead = words(self.text, lo, pos)
        for k in range(len(lead) - 1, max(-1, len(lead) - 2 - MAX_RELATIVE_GAP), -1):
            if lead[k].group().lower() in self.t.subject_relatives:
                break
        else:
            return None
        gap = lead[k + 1 :]
        if any(
            not t.group().islower() or t.group() in self.t.determiners | self.t.pronouns
            or any(c in BOUNDARY for c in self.text[t.start() : t.end()])
            for t in gap
        ):
            return None
        comma = strip(self.text, lo, lead[k].start(), " \t\n")[1] - 1
        if comma < lo or self.text[comma] != ",":
            return None
        head = self.noun_phrase_before(lo, comma)
        return (head[0], lead[k].end()) if head else None  # "the agency, which"

    def noun_phrase_before(self, lo: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that ends at ``end``: words back to a determiner (kept), a
        preposition or adverb (left out) or a boundary, at most six words; it must
        hold a capitalised word, a determiner or a title."""
        name_end = end
        if end - 1 in self.closing:  # "канал «Север»": the phrase before the quotation
            opening = self.closing[end - 1]
            if opening < lo or len(words(self.text, opening, end)) > MAX_QUOTED_NAME_WORDS:
                return None
            end = opening
        toks = words(self.text, self.left_region(lo, end, clauses=False), end)
        run = []
        for k in range(len(toks) - 1, -1, -1):
            tok = toks[k]
            word = tok.group()
            low = word.lower()
            if run and any(c in BOUNDARY for c in self.text[tok.end() : run[0].start()]):
                break
            if (
                word.islower()
                and low not in self.t.determiners
                and (self.t.speaker_stop.fullmatch(word) or low in self.t.trim | self.t.passive)
            ) or len(run) == MAX_ANTECEDENT_WORDS or self.first_cue(tok.start(), tok.end()):
                break  # "написал канал «Север»": not the verb
            run.insert(0, tok)
            if low in self.t.determiners and not (k and toks[k - 1].group()[0].isupper()):
                break  # "la web Noticias del Sur": "del" inside a name
        if name_end > end:  # the quoted name itself names someone
            return (run[0].start() if run else end), name_end
        if not run or not any(
            t.group()[0].isupper() or t.group().lower() in self.t.determiners | self.t.titles for t in run
        ):
            return None
        return run[0].start(), run[-1].end()
