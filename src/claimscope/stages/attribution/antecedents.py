"""Antecedents of a cue: the noun phrase a subject stands for when the phrase right before
the cue does not give it by itself: the antecedent of a relative pronoun ("…, the agency,
which said …"), a name in quotation marks before an adverbial ("Radio «Echo» on Monday
called …"), the subject before a relay ("X citing Y said") or a parenthetical "as"
clause, and a subject with a relative clause of its own.
"""

from __future__ import annotations

import re

from .addressees import Addressees
from .lemmas import lemma, supported
from .governed import OPENING_QUOTES
from .spans import BOUNDARY, WORD, strip, words

MAX_ANTECEDENT_WORDS = 6
MAX_RELATIVE_GAP = 3  # words between the relative pronoun and its cue ("que la semana pasada había dicho")
MAX_ADVERBIAL_GAP = 8  # … or of an adverbial that opens with a stop word ("quien en una entrevista con X sostuvo")
MAX_QUOTED_NAME_WORDS = 5


class Antecedents(Addressees):
    """Noun phrases a subject refers back to (a base of ``Subjects``)."""

    def quoted_content(self, span: tuple[int, int] | None) -> bool:
        """Whether a phrase before a verb is one quotation that reads as a clause, not a name
        (more than five words, or two lower-case words: "« La réforme est nécessaire » a
        déclaré X", no comma): what is said, not who says it."""
        if not span or span[1] - 1 not in self.closing:
            return False
        opening = self.closing[span[1] - 1]
        toks = [t.group() for t in words(self.text, opening, span[1])]
        return opening <= span[0] + 1 and (
            len(toks) > MAX_QUOTED_NAME_WORDS or len(toks) >= 3 and sum(t.islower() for t in toks) >= 2)

    def parenthetical_subject(
        self, lo: int, as_word: re.Match | None, pos: int, hi: int
    ) -> tuple[tuple[int, int], int] | None:
        """For an "as" clause set off by commas after the subject of its sentence, with no
        subject of its own ("El diario, según reconoce en su nota, recibió …", "Il
        quotidiano, come ammette, ha ricevuto …"): that subject, and where the rest of the
        main clause (what is reported) starts."""
        if as_word is None:
            return None
        _, end = strip(self.text, lo, as_word.start(), " \t\n")
        close = self.text.find(",", pos, hi)
        if end <= lo or self.text[end - 1] != "," or close < 0 or any(
                c in BOUNDARY and c != "," for c in self.text[pos:close]):
            return None
        subject = self.trim_speaker(self.left_region(lo, end - 1), end - 1)
        toks = words(self.text, lo, subject[1]) if subject else []
        if toks and self.t.coordinator.fullmatch(toks[0].group()):  # "Y el diario, según …"
            toks = toks[1:]
        if not toks or toks[0].start() < subject[0]:
            return None  # the phrase opens its sentence
        subject = (toks[0].start(), subject[1])
        if len(toks) == 1 and self.singular_before_plural(toks[0].group(), pos):
            return None  # "Музей, как нам рассказали, откроется в мае": no one said it by name
        return (subject, close + 1) if self.looks_like_speaker(subject) else None

    def singular_before_plural(self, word: str, pos: int) -> bool:
        """Whether a one-word subject in lower case is its own lemma (a noun's singular) while
        the verb that ends at ``pos`` is an impersonal plural (table ``locative_subjects``):
        the word cannot be that verb's subject."""
        spec = self.t.raw.get("locative_subjects")
        verb = words(self.text, max(0, pos - 40), pos)[-1:]
        return bool(spec and verb and re.search(spec["verb_shape"], verb[0].group().lower())
                    and word.islower() and supported(self.t.language) and lemma(self.t.language, word) == word)

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

    def without_relay(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """A subject phrase without the relay clause set off after it ("Reuters, citing
        two officials, said", "Газета, ссылаясь на источники, пишет"): the phrase before
        the comma that opens the prepositional cue, or before the cue itself in a
        verb-final clause ("Wie die Zeitung unter Berufung auf X mitteilt")."""
        if span is None:
            return None
        for m in self.t.preposition.finditer(self.text, span[0] + 1, span[1]):
            comma = self.text.rfind(",", span[0], m.start())
            if comma > span[0] and not self.text[comma + 1 : m.start()].strip():
                return strip(self.text, span[0], comma)
            head = strip(self.text, span[0], m.start())
            if comma < 0 and self.t.v2 and self.looks_like_speaker(head):
                return head  # "Wie die Zeitung unter Berufung auf X mitteilt": verb-final
        return span

    def quoted_before(self, lo: int, pos: int) -> tuple[int, int] | None:
        """The quotation that ends right before ``pos`` (a quoted name as the object of a
        relay: "со ссылкой на «источник» утверждает")."""
        _, end = strip(self.text, lo, pos, " \t\n")
        return (self.closing[end - 1], end) if end - 1 in self.closing and self.closing[end - 1] >= lo else None

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

    def reports_clause(self, end: int | None) -> bool:
        """Whether a complementizer or an opening quotation mark follows ``end`` (a cue's
        end), past object pronouns: the verb reports a clause, its subject stands before it."""
        if end is None:
            return False
        toks = words(self.text, end, min(len(self.text), end + 40))
        while toks and self.clitic(toks[0].group()):
            toks.pop(0)
        start = toks[0].start() if toks else end + 40
        rest = self.text[end:start].strip(" \t,:")
        return rest[:1] in OPENING_QUOTES or not rest and bool(toks) and bool(
            self.t.complementizer.fullmatch(toks[0].group()))

    def relative_antecedent(self, lo: int, pos: int, end: int | None = None) -> tuple[int, int] | None:
        """For "…, le compte @Exemple, qui affirme que …", "…, que horas antes había
        escrito": the noun phrase before the comma that a subject relative pronoun
        (table key ``subject_relatives``) right before the cue stands for, with the
        pronoun (the mention is "le compte @Exemple, qui"); else the object of the main clause
        before the pronoun, with no comma or no article (``object_antecedent``). A few
        lower-case words may sit between the pronoun and the cue (an adverbial), not
        a new subject (a determiner, pronoun or capitalised word)."""
        lead = words(self.text, lo, pos)
        for k in range(len(lead) - 1, max(-1, len(lead) - 2 - MAX_ADVERBIAL_GAP), -1):
            if lead[k].group().lower() in self.t.subject_relatives:
                break
        else:
            return None
        gap = lead[k + 1 :]
        aside = bool(gap) and self.text[lead[k].end() : pos].lstrip().startswith(",")  # "que, por teléfono, afirmó"
        if not gap and self.text[lead[k].end() : pos].strip():
            return None  # "Parole che, scrive X, segnano …": a parenthetical cue with its own subject
        if not aside and self.text[lead[k].end() : pos].strip().endswith(","):
            return None  # "X, który prosił o anonimowość, powiedział": an apposition
        adverbial = bool(gap) and self.stop_word(gap[0].group()) and gap[0].group().islower() and not any(
            c in BOUNDARY for c in self.text[gap[0].start() : pos])  # "X, quien en una entrevista con Y sostuvo"
        if not adverbial and (len(gap) > MAX_RELATIVE_GAP or any(
            not t.group().islower() or t.group() in self.t.determiners | self.t.pronouns
            or any(c in BOUNDARY for c in self.text[t.start() : t.end()])
            for t in gap
        )):
            return None
        comma = strip(self.text, lo, lead[k].start(), " \t\n")[1] - 1
        if comma < lo:
            return None
        head = None
        if self.text[comma] != "," and gap and not aside:
            return None  # "le maire qui habite ici affirme": the relative clause has a verb of its own
        if (self.text[comma] != "," or not self.t.determiners) and self.object_antecedent(lo, lead[k], end):
            head = self.noun_phrase_before(lo, comma + (self.text[comma] != ","), bare=True)
            toks = words(self.text, *head) if head else []
            if not any(t.group().lower() not in self.t.determiners | self.t.pronouns for t in toks):
                head = None  # "lo que dijo": no noun
            elif self.text[comma] != ",":
                return head  # "un voisin qui affirme": the noun phrase, named without its pronoun
        if head is None and self.text[comma] == ",":
            head = self.noun_phrase_before(lo, comma)
        return (head[0], lead[k].end()) if head else None  # "the agency, which"

    def object_antecedent(self, lo: int, rel: re.Match, end: int | None) -> bool:
        """Whether a relative pronoun may stand for the object of its main clause ("… sumó
        una portavoz que, por teléfono, afirmó que …", "поговорила с жителем, который
        рассказал"): not in what another verb reports, whose relative clause is part of
        that report ("X dijo que el informe, que cita …"), nor inside a quotation, nor after a negation ("No hay
        ningún estudio que demuestre …": no one speaks); with no comma, a pronoun that is
        also a complementizer only when the cue ending at ``end`` reports a clause or
        quotation ("la cifra que anunció el alcalde" is an object relative)."""
        if self.enclosing(rel.start()):
            return False  # "«Hablé con un vecino que me dijo …»": hearsay in the speaker's own words
        stop = strip(self.text, lo, rel.start(), " \t\n,")[1]
        comma = stop < rel.start() and "," in self.text[stop : rel.start()]
        cut = max((i for i in range(lo, stop) if self.text[i] in BOUNDARY), default=lo - 1) + 1
        if any(t.group().lower() in self.t.negations for t in words(self.text, cut, stop)):
            return False
        inner = self.first_cue(lo, rel.start())
        if inner is not None and self.t.complementizer.search(self.text, inner.end(), rel.start()):
            return False
        return comma or not self.t.complementizer.fullmatch(rel.group()) or self.reports_clause(end)

    def noun_phrase_before(self, lo: int, end: int, bare: bool = False) -> tuple[int, int] | None:
        """The noun phrase that ends at ``end``: words back to a determiner (kept), a
        preposition or adverb (left out) or a boundary, at most six words; it must
        hold a capitalised word, a determiner or a title (with ``bare``, in a language
        without articles, a lower-case noun will do: "z mieszkańcem")."""
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
            if bare and not self.t.determiners and word.islower() and (
                    len(word) <= 2 or low in self.t.raw.get("place_prepositions", ())):
                break  # "поговорила с жителем": a preposition (no articles to open the phrase)
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
        if not run or not (bare and not self.t.determiners) and not any(
            t.group()[0].isupper() or t.group().lower() in self.t.determiners | self.t.titles for t in run
        ):
            return None
        return run[0].start(), run[-1].end()

    def with_relative(
        self, lo: int, left: int, pos: int, before: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """ "une employée qui a refusé d'être nommée a dit": a subject whose relative
        clause (no comma) ends right before the cue is the whole phrase. A relative that is
        also a complementizer ("que", "che") must open on a lower-case word that is no
        determiner nor pronoun (its verb: "Una lectora que vive en Vigo escribió"), after a
        phrase that holds no verb ("El alcalde dijo que los vecinos afirman" is no subject)."""
        lead = words(self.text, lo, left)
        low = lead[-1].group().lower() if before and lead else ""
        if low not in self.t.relatives | self.t.subject_relatives:
            return before
        rel = lead[-1]
        head = self.trim_speaker(self.left_region(lo, rel.start()), rel.start())
        if head is None or not self.looks_like_speaker(head) or self.text[head[1] : rel.start()].strip():
            return before
        if low not in self.t.relatives:
            verb = WORD.match(self.text, before[0])
            if verb is None or not verb.group().islower() or self.first_cue(head[0], head[1]) or (
                    verb.group() in self.t.determiners | self.t.pronouns):
                return before
        clause = words(self.text, left, pos)
        while clause and (self.clitic(clause[-1].group()) or self.object_pronoun(clause)):
            clause.pop()  # "… que vive en Vigo nos escribe": the one told
        end = clause[-1].end() if clause else before[1]  # the whole relative clause
        if self.first_cue(rel.end(), end):
            return before  # "A reader who lives here wrote to us he phoned …": "he" phoned
        return (head[0], end) if len(words(self.text, head[0], end)) <= 16 else before

    def names_someone(self, span: tuple[int, int] | None) -> bool:
        """Whether a phrase holds a name (a capitalised word after its first, two in a
        language that capitalises every noun), a domain name or a title."""
        toks = [re.sub(r"^\w{1,4}['’](?=\w)", "", t.group()) for t in words(self.text, *span)] if span else []
        names = sum(t[0].isupper() for t in toks[1:]) + (toks[:1] != [] and toks[0][0].isupper()
                                                        and toks[0].lower() not in self.t.determiners)
        return bool(toks) and (
            names >= (2 if self.t.v2 else 1)
            or any("." in t or t.lower() in self.t.titles for t in toks)
        )
