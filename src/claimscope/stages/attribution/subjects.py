"""Subjects of a cue: the sentence's opening subject ("In April, Trump …"), appositions
("The mayor, Paul Martin, said"), inverted subjects after an adverbial ("…, заявил в
субботу министр X"), and what the phrase right before a cue does not give by itself:
the antecedent of a relative pronoun ("…, the agency, which said …"), a name in
quotation marks before an adverbial ("Radio «Echo» on Monday called …"), the subject
before a relay ("X citing Y said"), an inversion after "as" or an object pronoun
("Как отметил X", "Lo riferisce X"), and phrases that are no subject at all (an
adverbial opening with a preposition: "in the evening news").
"""

from __future__ import annotations

import re

from .addressees import Addressees
from .entities import HANDLE
from .lemmas import lemma, supported
from .spans import BOUNDARY, CONNECTORS, MAX_SPEAKER_WORDS, WORD, opens_place, strip, words

EDGE_QUOTES = " \t\n«»\"“”„"
MAX_ANTECEDENT_WORDS = 6
MAX_RELATIVE_GAP = 3  # words between the relative pronoun and its cue ("que la semana pasada había dicho")
MAX_ADVERBIAL_GAP = 8  # … or of an adverbial that opens with a stop word ("quien en una entrevista con X sostuvo")
MAX_QUOTED_NAME_WORDS = 5
MAX_ASIDE_WORDS = 12  # an adverbial or clause set off by commas between a subject and its verb
MAX_ASIDE_SUBJECT_WORDS = 8  # the subject before it, which opens the sentence
APPOSITION = (
    ",—–"  # marks that set off an apposition: "X, 58, said", "X — a teacher — says"
)


class Subjects(Addressees):
    """Subject finding for the cue rules (base of ``SentenceRules``)."""

    def as_opening(self, lo: int, pos: int) -> re.Match | None:
        """The "as" word (table ``as_clause``) that opens the clause right before a cue,
        with nothing but object pronouns between ("Как отметил X", "jak przekonuje X",
        "comme l'a dit X"; also a one-word preposition of the table: "según informó X"): the
        subject follows the verb."""
        lead = words(self.text, lo, pos)
        k = len(lead) - 1
        while k >= 0 and (self.clitic(lead[k].group()) or k and lead[k].group().lower().replace("’", "'") in self.fillers):
            k -= 1  # also "según lo que contó X", "secondo quanto riferisce X" (table ``as_fillers``)
        if k < 0 or not (lead[k].group().lower() in self.t.as_clause or self.t.preposition.fullmatch(lead[k].group())):
            return None
        _, end = strip(self.text, lo, lead[k].start(), " \t\n")
        return lead[k] if end <= lo or self.text[end - 1] in BOUNDARY else None

    def anaphoric_lead(self, lo: int, pos: int) -> bool:
        """Whether only an object pronoun ("Lo riferisce X", also after an adverb: "Así lo
        ha explicado X"), a demonstrative ("Das berichtete X") or a short adverbial of
        lower-case words ("Об этом сообщает X") precedes a cue in its clause: the
        subject follows the verb, and what it reports may be the sentence before."""
        lead = words(self.text, lo, pos)
        if lead and all(self.clitic(w.group()) for w in lead[1:]) and (
                self.clitic(lead[0].group()) or len(lead) > 1 and lead[0].group().lower() in self.t.adverbs):
            return True  # "Lo riferisce X", "Así lo ha explicado X"
        if len(lead) == 1 and lead[0].start() == lo and lead[0].group().lower() in self.t.determiners:
            return True  # "Das berichtete X.": a demonstrative opening the sentence
        if self.lone_lead(lo, pos):
            return True  # "A riferirlo è stato X": an infinitive with its object pronoun
        rest = lead[2:]  # "Об этом в четверг заявил X": a short adverbial may follow
        return (
            len(lead) >= 2
            and not self.locative_before(lead)  # "В компании пообещали …": the body speaks
            and self.t.speaker_stop.fullmatch(lead[0].group()) is not None
            and lead[1].group().islower()
            and (not rest or len(rest) <= 3 and self.stop_word(rest[0].group())
                 and all(w.group().islower() for w in rest))
            and not any(c in BOUNDARY for c in self.text[lead[0].end() : pos])
        )

    def fronted_adverbial(self, lo: int, span: tuple[int, int]) -> bool:
        """In a verb-second language, whether the phrase before the verb is an adverbial
        opening the sentence with a preposition or time word of ``speaker_stops`` ("In einem
        Interview sagte X", "Am Montag erklärte X"): the subject follows the verb."""
        first = WORD.match(self.text, span[0])
        return (
            self.t.v2 and first is not None and not self.text[lo : span[0]].strip(EDGE_QUOTES)
            and first.group().lower() not in self.t.determiners
            and (self.t.speaker_stop.fullmatch(first.group()) is not None
                 or first.end() == span[1] and first.group().lower() in self.t.adverbs)  # "Dort schrieb X"
        )

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

    def final_subject(self, start: int, hi: int) -> tuple[int, int] | None:
        """An inverted subject after adverbials that closes the sentence ("…», ha insistido
        este martes en una entrevista en la cadena SER la ministra de Trabajo."): the first
        phrase opening with a determiner or title that no preposition or determiner governs,
        when the words after the verb open with an adverbial (a stop word or adverb), hold no
        complementizer and nothing but the sentence end follows them."""
        end = next((i for i in range(start, hi) if self.text[i] in ",;:()[]—–\n!?"
                    or self.text[i] == "." and not self.text[i + 1 : i + 2].isalnum()), hi)
        if self.text[end:hi].strip(EDGE_QUOTES + ".!?…"):
            return None  # the clause goes on: no inversion that closes the sentence
        toks = words(self.text, start, end)
        if len(toks) < 4:
            return None
        first = toks[0].group()
        if not (self.stop_word(first) or first in self.t.adverbs) or first in self.t.determiners or any(
                self.t.complementizer.fullmatch(t.group()) or self.adverbial_clause(t.start(), end) for t in toks):
            return None  # "a déclaré le ministre …", "ha detto che la piscina …", "contaba X mientras un …"
        for k in range(1, len(toks)):
            low, prev = toks[k].group().lower(), toks[k - 1].group()
            if not (low in self.t.titles or toks[k].group() in self.t.determiners and low not in CONNECTORS):
                continue
            gap = self.text[toks[k - 1].end() : toks[k].start()]
            if (
                prev in self.t.determiners or prev.lower() in CONNECTORS | self.t.clitics
                or self.stop_word(prev) or self.t.preposition.fullmatch(prev)
                or any(c in BOUNDARY and c not in "»“”\"" for c in gap)
            ):
                continue  # "en la cadena", "la ministra": governed, or inside a phrase
            return (toks[k].start(), toks[-1].end()) if len(toks) - k <= MAX_SPEAKER_WORDS else None
        return None

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

    def subject_follows(self, pos: int, hi: int) -> bool:
        """Whether what follows a verb at ``pos`` is its subject, not what it reports:
        nothing that reads as content, or a plain phrase right after the verb ("Об этом
        сообщил источник в полиции.", not "…, сообщил X, что …" nor a quotation)."""
        found = self.content_after(pos, hi)
        return found is None or not found[1] and found[0][0] == strip(self.text, pos, hi)[0] and not any(
            c in BOUNDARY for c in self.text[found[0][0] : found[0][1]])

    def lone_lead(self, lo: int, pos: int) -> bool:
        """Whether one stop word stands before a verb that carries its object pronoun ("A
        riferirlo è stato il sindaco", "A denunciarlo è X"): the subject follows the verb
        (past a copula) and what it reports is the sentence before."""
        lead, verb = words(self.text, lo, pos), WORD.match(self.text, pos)
        return len(lead) == 1 and self.stop_word(lead[0].group()) and verb is not None and any(
            len(c) > 1 and verb.group().lower().endswith(c) for c in self.t.clitics)

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
            (first.islower() or len(toks) == 1)  # "A riferirlo è stato X": a lone preposition
            and first.lower() not in self.t.determiners
            and self.t.speaker_stop.fullmatch(first) is not None
            and not self.locative_before(toks)
        )

    def locative_before(self, toks: list[re.Match]) -> bool:
        """Whether a phrase right before an impersonal plural verb is the body it names
        (table key ``locative_subjects``), as at the head of a sentence, also after an adverb
        ("Однако в пресс-службе сети сказали, что …"): not a date ("в пятницу")."""
        spec = self.t.raw.get("locative_subjects")
        verb = next((w for w in WORD.finditer(self.text, toks[-1].end()) if not self.clitic(w.group())), None)
        if not spec or len(toks) < 2 or verb is None or not re.search(spec["verb_shape"], verb.group().lower()):
            return False
        nxt = toks[1].group().lower()
        return toks[0].group().lower() in spec["prepositions"] and not (
            nxt[0].isdigit() or any(nxt.startswith(t) for t in spec["time_words"]))

    def open_clause(self, found: tuple[tuple[int, int], bool] | None) -> bool:
        """Whether a content before a parenthetical cue stops on a relative pronoun or a
        complementizer ("Parole che, scrive X, segnano …"): the clause goes on after the
        parenthesis, and that is what is reported."""
        toks = words(self.text, *found[0]) if found and not found[1] else []
        last = toks[-1].group() if toks else ""
        return bool(last) and (
            last.lower() in self.t.subject_relatives | self.t.relatives
            or self.t.complementizer.fullmatch(last) is not None
        )

    def locative_subject(self, cue: re.Match, hi: int) -> tuple[int, int] | None:
        """For an impersonal plural verb with no subject ("…, сообщили в пятницу в мэрии
        города", "Как рассказали в полиции, …"): the body named by the locative after
        it (table key ``locative_subjects``: its prepositions, the verb's shape and the
        time words whose phrase is a date, not a body)."""
        spec = self.t.raw.get("locative_subjects")
        if not spec or not re.search(spec["verb_shape"], cue.group().lower()):
            return None
        end = cue.end()
        while end < hi and self.text[end] not in BOUNDARY and self.text[end] not in ".!?":
            end += 1
        toks = words(self.text, cue.end(), end)
        for k, tok in enumerate(toks[:-1]):
            nxt = toks[k + 1].group().lower()
            if tok.group().lower() in spec["prepositions"] and not (
                nxt[0].isdigit() or any(nxt.startswith(t) for t in spec["time_words"])
            ):
                stop = next((j for j in range(k + 2, len(toks)) if toks[j].group().lower() in spec["prepositions"]), len(toks))
                return toks[k + 1].start(), toks[stop - 1].end()
        return None

    def name_after_opener(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """The name of two capitalised words or more that closes a phrase opening its sentence
        with a capitalised ``not_subjects`` word, an adverbial with no comma after it ("On
        Tuesday evening Anna Holt posted"), else None."""
        toks = words(self.text, *span) if span else []
        if not toks or toks[0].group().lower() not in self.t.not_subjects or not toks[0].group()[0].isupper():
            return None
        k = len(toks)
        while k > 1 and toks[k - 1].group()[0].isupper() and self.text[toks[k - 2].end() : toks[k - 1].start()] == " ":
            k -= 1
        return (toks[k].start(), span[1]) if 0 < k <= len(toks) - 2 else None

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
        for k in range(len(lead) - 1, max(-1, len(lead) - 2 - MAX_ADVERBIAL_GAP), -1):
            if lead[k].group().lower() in self.t.subject_relatives:
                break
        else:
            return None
        gap = lead[k + 1 :]
        if self.text[lead[k].end() : pos].strip().endswith(","):
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

    def adverbial_clause(self, pos: int, hi: int) -> bool:
        """Whether a clause break that is neither a complementizer nor a relative pronoun
        opens at ``pos`` ("mientras", "while", "lorsque"; not "que", "qui")."""
        m = self.t.clause_break.match(self.text, strip(self.text, pos, hi, " \t")[0], hi)
        return bool(m) and not (
            self.t.complementizer.fullmatch(m.group())
            or m.group().lower() in self.t.subject_relatives | self.t.relatives
        )

    def after_aside(self, span: tuple[int, int]) -> bool:
        """Whether a phrase holds a clause: a comma before a clause break that is no relative
        pronoun ("El colegio mantiene las clases, aunque …"), or a lower-case word that is no
        determiner nor pronoun after a relative clause set off by commas, a predicate ("La
        piscine, qui …, rouvrira en juin"); not an apposition."""
        toks = words(self.text, *span)
        aside = False
        relatives = self.t.subject_relatives | self.t.relatives
        for prev, tok in zip(toks, toks[1:]):
            comma = "," in self.text[prev.end() : tok.start()]
            low = tok.group().lower()
            if comma and (
                aside and tok.group().islower() and low not in self.t.determiners | self.t.pronouns
                or self.adverbial_clause(tok.start(), span[1])
            ):
                return True
            aside = aside or comma and low in relatives
        return False

    def coordinated_subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        """For "In an interview, Trump doubled down and said …" (also "…, calling",
        "… in rejecting", "… to tell"): the subject of the nearest clause (after a
        comma or semicolon) before the coordinator."""
        lead = words(self.text, lo, pos)
        if not lead:
            return None
        last = lead[-1].group().lower()
        if last in self.t.coordinators or last in self.t.not_subjects | self.t.verb_chain:
            pos = lead[-1].start()  # "… and said", "… in rejecting", "… to tell"
        elif self.text[lo:pos].rstrip()[-1:] != ",":
            return None
        cuts = [i + 1 for i in range(lo, pos) if self.text[i] in ",;"]
        for start in sorted([lo, *cuts])[::-1][:3]:
            if not self.enclosing(start):
                found = self.subject(start, pos)
                if found:
                    return found
        return None

    def subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        """The sentence's opening pronoun, run of capitalised words or determiner
        phrase ("The real estate tycoon entered …"), if any (after an opening
        quotation or an opening adverbial that ends with a comma, "In April, Trump
        …"; not a participle such as "Speaking")."""
        for _ in range(3):  # "On Thursday, after remaining neutral, Warren …"
            found = self.opening_subject(lo, pos)
            lead = words(self.text, lo, pos)[:1]
            comma = self.text.find(",", lo, pos)
            if found or not lead or comma < 0 or self.enclosing(comma):
                return found
            word = lead[0].group().lower()
            opener = (  # "In April,", "However,", "Meanwhile,", "And …,"
                word in self.t.not_subjects | self.t.adverbs | self.t.coordinators
                or len(words(self.text, lo, comma)) == 1
            )
            if not opener:
                return None
            lo = comma + 1
        return None

    def determiner_phrase(self, toks: list[re.Match]) -> list[re.Match]:
        """A determiner and the lower-case words after it up to the first verb-like
        word ("The real estate tycoon" in "The real estate tycoon entered …")."""
        stops = self.t.trim | self.t.passive | self.t.starts["verb"]
        run = toks[:1]
        for tok in toks[1:6]:
            word = tok.group()
            if (
                not word.islower()
                or word in stops
                or self.t.verb.fullmatch(word)
                or any(p.fullmatch(word) for p in (self.t.speaker_stop, self.t.clause_break, self.t.coordinator))
            ):
                break
            run.append(tok)
        return run if len(run) > 1 and len(run) < len(toks) else []

    def opening_subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        for mark in (lo, lo + 1):  # “…” / ''…''
            if mark in self.quotes:
                lo = self.quotes[mark] + 1
                break
        toks = words(self.text, lo, pos)
        if toks and self.interjection(toks[0]):  # "Mire, dije que …": no subject
            return None
        if len(toks) > 1 and toks[0].group().lower() in self.t.coordinators:
            toks = toks[1:]  # "А музей, как нам рассказали, …": the coordinator is no subject
        if not toks or toks[-1].end() == pos:
            return None
        if toks[0].group().lower() in self.t.pronouns:
            return toks[0].span()
        run = []
        for tok in toks:
            if not (tok.group()[0].isupper() or tok.group().lower() in self.t.titles):
                break
            if run and ":" in self.text[run[-1].end() : tok.start()]:
                break  # "ANA LIMA: Les digo …": a label, then the sentence
            run.append(tok)
        first = run[0].group() if run else ""
        if (
            not run
            or first.lower() in self.t.trim | self.t.not_subjects
            or first.lower() in self.t.clitics - self.t.determiners  # "Les digo …"
            or self.t.no_inversion.search(first)
            or any(
                p.fullmatch(first)
                for p in (self.t.speaker_stop, self.t.clause_break, self.t.preposition)
            )
        ):
            return None
        if len(run) == 1 and first.lower() in self.t.determiners:
            run = self.determiner_phrase(toks)
            if not run:
                return None
        return run[0].start(), run[-1].end()

    def opening_name(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A proper name of two to four capitalised words opening the sentence as its
        subject ("Karin Vogt, Ortsvorsteherin, sieht …"), else named by the description
        that opens it ("Глава района Сергей Петров провел …", "Le directeur, Jean Roy, se
        veut …"): what a later "sie" or "the 60-year-old" may stand for."""
        return self.name_at(lo, hi, 0) or self.described_subject(lo, hi)

    def described_subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The name after a subject description of lower-case words, determiners and
        titles (set off by commas, an apposition, when a comma comes first); not in a
        language that capitalises every noun."""
        if self.t.v2:
            return None
        toks = words(self.text, lo, hi)[:10]
        complement = None  # "Le ministre de la Santé, Paul Girard, …": a complement, then the name
        for k, tok in enumerate(toks[1:8], 1):
            if not tok.group()[0].isupper():
                continue
            lead = self.text[lo : tok.start()]
            if any(c in BOUNDARY and c != "," for c in lead) or any(
                t.group()[0].isupper() and t.group().lower() not in self.t.determiners | self.t.titles
                for t in toks[:k] if t is not complement
            ):
                return None
            name = self.name_at(lo, hi, k)
            if (name is None and complement is None and "," not in lead and toks[k - 1].group().islower()
                    and self.text[tok.end() : tok.end() + 1] == ","):
                complement = tok
                continue
            if name and "," in lead and self.text[name[1] : name[1] + 1] != ",":
                return None  # "Le maire, Paris …": an apposition closes with a comma
            if name and k > 2 and "," not in lead and self.known_title(toks[0], toks[1], lo):
                return None  # "The mayor met fisherman Tom Hale": the mayor talked about before
            return name
        return None

    def introduced_name(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A name of two to four capitalised words after the sentence's first word that a
        later pronoun may stand for: after a lower-case description noun and before a
        lower-case word, or a determiner opening the sentence ("Local fisherman Tom Hale
        disagrees", "Die Pflegerin Anna Berg sieht das anders", "В интервью РБК депутат
        Павел Рогов раскритиковал …"), else followed by an apposition that names no one
        ("Reporters met Tom Hale, a fisherman.", not "Interrogé par X Y, le député Z …"), or set
        off by commas after a lower-case noun it names ("filmée par une passante, Eva Roy, la vidéo …").
        Not when the sentence's subject is someone already salient, a pronoun, a name or
        a title the text gave before: the person it meets stays in the background ("She
        met Tom Hale, a fisherman. She said …", "The mayor met fisherman Tom Hale."). With
        no such name, an account's handle after a lower-case description noun ("the
        blogger @ana_k")."""
        toks = words(self.text, lo, hi)
        if toks and (self.known_subject(toks[0], lo) or len(toks) > 2 and self.known_title(toks[0], toks[1], lo)):
            return None
        found = [(k, self.name_at(lo, hi, k)) for k in range(1, len(toks) - 1)]
        k = len(toks)
        while k > 1 and toks[k - 1].group()[0].isupper() and (
            k == len(toks) or self.text[toks[k - 1].end() : toks[k].start()].isspace()
        ):
            k -= 1  # a name that closes the sentence: "… министр Анна Лис."
        j = self.after_genitive(toks, k)
        if j > k:  # "Innego zdania jest radna klubu Razem dla Brzezin Monika Kaleta."
            return toks[j].start(), toks[-1].end()
        if 2 <= len(toks) - k <= 4 and toks[k].group().lower() not in self.t.determiners | self.t.pronouns and not all(
                t.group().isupper() for t in toks[k:]):
            found.append((k, (toks[k].start(), toks[-1].end())))
        found = [(k, n) for k, n in found if n and not opens_place(self.text, toks[k - 1], self.t) and (
            k == 1 or not toks[k - 1].group()[0].isupper() or "," in self.text[toks[k - 1].end() : n[0]])]
        for k, name in found:
            head, rest = toks[k - 1].group(), words(self.text, name[1], hi)
            apposed = (self.text[toks[k - 1].end() : name[0]].strip() == ","  # "… une passante, Eva R., montre"
                       and self.text[name[1] : name[1] + 1] == "," and head.islower())
            if (
                (not rest or apposed or rest[0].group().islower() and "," not in self.text[toks[k - 1].end() : name[1]])
                and (k == 1 and head.lower() in self.t.determiners  # "Der Bürgermeister Peter Braun …"
                     or head.lower() not in self.t.determiners and not self.stop_word(head))
                and not self.t.preposition.fullmatch(head) and not self.clitic(head)
            ):  # also a name that closes the sentence: "…, la ministra de Sanidad, Ana Lis."
                return name
        for _, name in reversed(found):
            clause = self.text[name[1] : hi]
            apposition = re.split(r"[;:.!?—–()]|, ", clause[2:])[0] if clause.startswith(", ") else ""
            if apposition[:1].islower() and not any(t.group()[0].isupper() for t in words(clause, 0, len(apposition) + 2)):
                return name
        for m in HANDLE.finditer(self.text, lo, hi):  # "… pela blogueira @dona.lia.cozinha": an account
            noun = words(self.text, lo, m.start())[-1:]
            if noun and noun[0].group().islower() and not self.stop_word(noun[0].group()):
                return m.start(), m.end()
        return None

    def after_genitive(self, toks: list[re.Match], k: int) -> int:
        """In a language with cases, where the name of two words or more that closes ``toks``
        starts when the capitalised words from ``k`` open with inflected ones (not their own
        lemma: a genitive, "Brzezin Monika Kaleta"); else ``k``."""
        if not self.t.dative_endings or not supported(self.t.language):
            return k

        def inflected(tok: re.Match) -> bool:
            return lemma(self.t.language, tok.group().lower()) != tok.group().lower()

        j = k
        while j < len(toks) - 2 and inflected(toks[j]):
            j += 1
        return j if j > k and not any(inflected(t) for t in toks[j:]) else k

    def known_subject(self, first: re.Match, lo: int) -> bool:
        """Whether the word opening a sentence at ``lo`` is a subject pronoun ("She",
        "Il") or the last word of a name of two capitalised words or more earlier in the
        text ("Carver" after "Linda Carver"): someone already talked about."""
        word = first.group()
        if self.subject_pronoun(word):
            return True
        if not word[0].isupper() or word.lower() in self.t.determiners:
            return False
        return any(m.group(1)[0].isupper() for m in re.finditer(rf"(\w+) {re.escape(word)}\b", self.text[:lo]))

    def known_title(self, first: re.Match, second: re.Match, lo: int) -> bool:
        """Whether a sentence at ``lo`` opens with a determiner and a title the text used
        before ("The mayor met …" after "Mayor Linda Carver"): a person already talked about."""
        title = second.group().lower()
        return (first.group().lower() in self.t.determiners and title in self.t.titles
                and re.search(rf"(?<!\w){re.escape(title)}(?!\w)", self.text[:lo], re.IGNORECASE) is not None)

    def name_at(self, lo: int, hi: int, k: int) -> tuple[int, int] | None:
        """The name of two to four capitalised words starting at the ``k``-th word."""
        toks = words(self.text, lo, hi)[k : k + 5]
        run = []
        for tok in toks:
            if not tok.group()[0].isupper() or len(run) == 4:
                break
            if run and not self.text[run[-1].end() : tok.start()].isspace():
                break  # "Ana Lima: Thanks", "Paris, Berlin"
            run.append(tok)
        if len(run) < 2 or len(run) == len(toks) or self.enclosing(run[0].start()) or all(
                t.group().isupper() for t in run):  # "LARANJA QUE CURA: …": a headline in capitals
            return None
        first = run[0].group().lower()
        if first in self.t.determiners | self.t.pronouns | self.t.not_subjects | self.t.trim or self.stop_word(first) or (
                first in self.t.anonymous_openers):  # also "Manche Familien": a quantifier names no one
            return None  # also "Im Gespräch mit …": a German noun after a preposition names no one
        if self.t.preposition.match(self.text, run[0].start()):
            return None
        end = run[-1].end()
        initial = len(run[-1].group()) == 1 and self.text[end : end + 1] == "."
        return run[0].start(), end + initial  # "Eva R.": a surname cut to its initial keeps its period

    def adverb_word(self, word: str) -> bool:
        """A word of the table ``adverbs`` or of its ``adverb_shape`` ("already", "oficialmente")."""
        return word.lower() in self.t.adverbs or bool(self.t.adverb.fullmatch(word))

    def opening_phrase(self, lo: int, end: int) -> bool:
        """Whether [lo, end) is a short phrase that opens its sentence, as a subject does: no
        boundary in it, at most MAX_ASIDE_SUBJECT_WORDS words, not opening with a stop word
        ("En las escuelas …" is an adverbial)."""
        start = strip(self.text, lo, end, " \t\n")[0]
        toks = words(self.text, start, end)
        return (bool(toks) and self.left_region(lo, end, clauses=False) <= start
                and len(toks) <= MAX_ASIDE_SUBJECT_WORDS
                and (toks[0].group().lower() in self.t.determiners or not self.stop_word(toks[0].group().lower())))

    def aside(self, lo: int, sep: int) -> int | None:
        """Where the phrase before an aside set off by commas that closes at ``sep`` ends:
        adverbs ("The council, however, said", "El hospital, oficialmente, ha informado") or
        an adverbial or clause that opens with a lower-case stop word or "as" word ("La
        empresa, por ahora, ha asegurado", "X, when asked about it, said", "X, as Y notes,
        demanded"), not an apposition (None when it is none)."""
        _, prev = strip(self.text, lo, sep, " \t\n")
        opening = self.text.rfind(",", lo, prev)
        inner = words(self.text, opening + 1, prev) if opening > lo else []
        if not inner or len(inner) > MAX_ASIDE_WORDS or any(c in BOUNDARY for c in self.text[opening + 1 : prev]):
            return None
        head = inner[0].group()
        relatives = self.t.relatives | self.t.subject_relatives
        if head.lower() in self.t.determiners or any(  # German "…, der …": a relative pronoun too
                w.lower() in relatives or any(len(r) > 4 and w.lower().startswith(r[:4]) for r in relatives)
                for w in (t.group() for t in inner[:3])):
            return None  # "Urzędnik, na którego powołuje się X,": a relative clause describes the subject
        if len(inner) <= 3 and all(self.adverb_word(t.group()) for t in inner) or len(inner) > 1 and head.islower() and (
                self.stop_word(head) or head in self.t.as_clause):
            return opening  # also a clause: "X, when readers asked …, wrote", "X, as Y specifies, demanded"
        return None

    def relative_opening(self, lo: int, end: int) -> int | None:
        """The comma before the last relative pronoun in [lo, end) (also inflected: "которого"),
        which opens a relative clause set off by commas up to ``end``, else None."""
        relatives = self.t.relatives | self.t.subject_relatives
        for tok in reversed(words(self.text, lo, end)):
            low = tok.group().lower()
            if low in relatives or any(len(r) > 5 and low.startswith(r[:5]) for r in relatives):
                comma = strip(self.text, lo, tok.start(), " \t\n")[1] - 1
                return comma if comma > lo and self.text[comma] == "," else None
        return None

    def apposition_start(self, lo: int, sep: int) -> int:
        """Where the phrase that ends at ``sep`` starts; a short quotation after a word of
        it is part of it ("Le message, signé « un pompier », affirme …", "Un audio,
        atribuido a «un guardia», asegura …")."""
        start = self.left_region(lo, sep, clauses=False)
        opening = self.closing.get(strip(self.text, lo, sep, " \t\n")[1] - 1)
        if opening is not None and opening > lo and len(words(self.text, opening, sep)) <= MAX_QUOTED_NAME_WORDS:
            before = self.left_region(lo, opening, clauses=False)
            if words(self.text, before, opening):
                return before
        return start

    def appositive(self, lo: int, pos: int) -> tuple[int, int] | None:
        """ "The mayor, Paul Martin, said", "Jason Sims — a teacher — says": a noun
        phrase and up to three appositions set off by commas or dashes, right before
        the cue or before adverbs right before it ("…, Rui Costa, já disse")."""
        _, end = strip(self.text, lo, pos, " \t\n")
        toks = words(self.text, lo, end)
        k = len(toks)
        while k and self.adverb_word(toks[k - 1].group()):
            k -= 1  # "o antigo diretor da fábrica, Rui Costa, já disse"
        if 0 < k < len(toks) and self.text[strip(self.text, lo, toks[k].start(), " \t\n")[1] - 1] in APPOSITION:
            end = strip(self.text, lo, toks[k].start(), " \t\n")[1]
        else:
            k = len(toks)  # "X, in a statement on Monday, said": "Monday" is no adverb before the verb here
        if end <= lo or self.text[end - 1] not in APPOSITION:
            return None
        aside = end - 1 if 0 < k < len(toks) and "," in self.text[toks[k].start() : pos] else self.aside(lo, end - 1)
        if aside is not None and not self.opening_phrase(lo, aside):
            aside = None  # "…, weil sie es nicht wollen, im Notfall …, schreibt X": a clause, then the inversion
        if aside is not None:  # "El hospital, oficialmente, solo ha informado", "X, por ahora, ha dicho"
            end = aside + 1
        seps = [end - 1]
        start = self.apposition_start(lo, seps[-1])
        while len(seps) <= 3:
            _, prev = strip(self.text, lo, start, " \t\n")
            if prev <= lo or self.text[prev - 1] not in APPOSITION:
                break
            seps.append(prev - 1)
            start = self.apposition_start(lo, seps[-1])
        first = None
        opened = self.relative_opening(lo, seps[0])
        for sep in seps[0 if aside is not None else 1 :]:  # the nearest phrase that can be a subject
            if opened is not None and sep > opened:
                continue  # "X, который называет себя …, пострадавших …, заявил": inside X's relative clause
            first = self.trim_speaker(self.left_region(lo, sep), sep)
            lead = WORD.match(self.text, first[0]) if first else None
            if (
                first
                and (self.looks_like_speaker(first) or self.has_subject_marker(first))
                and lead
                and lead.group().lower() not in self.t.not_subjects
                and not self.t.no_inversion.search(lead.group())  # "X, speaking at …,"
            ):
                break
            first = None
        if first is None:
            return None
        last = strip(self.text, first[0], seps[0])
        return (first[0], last[1]) if len(words(self.text, *last)) <= 20 else first
