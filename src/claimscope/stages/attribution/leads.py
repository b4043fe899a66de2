"""Clause leads of a cue: what stands before a reporting verb in its clause and tells
that the subject follows the verb, an inversion after "as" or an object pronoun
("Как отметил X", "Lo riferisce X") or after an adverbial ("…, заявил в субботу
министр X"), the inverted subject that closes a sentence or names the body of a
locative, and phrases that are no subject at all (an adverbial opening with a
preposition: "in the evening news"; a clause set off by a comma).
"""

from __future__ import annotations

import re

from .addressees import Addressees
from .lemmas import lemma, supported
from .spans import BOUNDARY, CONNECTORS, MAX_SPEAKER_WORDS, WORD, strip, words

EDGE_QUOTES = " \t\n«»\"“”„"


class ClauseLeads(Addressees):
    """What precedes a cue in its clause (a base of ``Subjects``)."""

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

    def article_opener(self, toks: list[re.Match]) -> bool:
        """Whether a word of ``preposition_articles`` (Portuguese "a": article and
        preposition) opening ``toks`` is the article of a subject ("A vereadora disse …",
        "A empresa confirmou …"): before a noun, not a form with a masculine ending ("A
        longo prazo"), nor, unless the verb follows it, an infinitive (its gerund
        lemmatises to it: "A partir de segunda"; but "A parlamentar acusou …") or a word
        then a ``links`` preposition without a feminine ending ("A fim de", "A respeito
        de"; not "A ministra da Saúde", "A associação de moradores")."""
        entry = self.t.raw.get("preposition_articles", {})
        if len(toks) < 2 or toks[0].group().lower() not in entry.get("words", ()):
            return False
        word = toks[1].group().lower()
        if not word.isalpha() or word in self.t.determiners or word.endswith(tuple(entry.get("masculine_endings", ()))):
            return False
        if len(toks) == 2:  # "A parlamentar acusou": the verb right after the noun
            return True
        lang = self.t.language
        infinitive = word[-2:] in ("ar", "er", "ir") and supported(lang) and lemma(lang, word[:-1] + "ndo") == word
        link = toks[2].group().lower() in entry.get("links", ()) and not word.endswith(
            tuple(entry.get("feminine_endings", ())))
        return not (infinitive or link)

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
            and not self.article_opener(lead)  # "A deputada criticou …": the subject
            and lead[1].group().islower()
            and (not rest or len(rest) <= 3 and self.stop_word(rest[0].group())
                 and all(w.group().islower() for w in rest))
            and not any(c in BOUNDARY for c in self.text[lead[0].end() : pos])
        )

    def dialogue_dash(self, lo: int, pos: int) -> int | None:
        """Where a spaced dash right before a cue at ``pos`` closes direct speech: the only
        spaced dash of the sentence, past one that opens it ("– Zdążymy przed zimą – mówi.",
        "Zdążymy, bo … – mówił, po polsku.": the speech opened in the sentence before); not
        the second of a pair around an apposition ("Anna Lis – sołtyska – mówi")."""
        _, end = strip(self.text, lo, pos, " \t\n")
        if end <= lo or self.text[end - 1] not in "—–-" or self.text[end - 2 : end - 1] != " ":
            return None
        start = strip(self.text, lo, end)[0]
        inner = [m.start() for m in re.finditer(r"(?<=\s)[—–-](?=\s)", self.text[start : end - 1])]
        return end - 1 if not inner else None  # a dash opening the sentence is at 0, which no space precedes

    def resumed_clause(self, lo: int, start: int, end: int, hi: int) -> int | None:
        """Where the clause resumes after a reporting clause [start, end) set off by commas
        right after a coordinator ("… ma, riferiscono, nessun danno", "… mais, précisent-ils,
        aucun dégât"): what it reports is that new clause, not the one the coordinator
        closes; else None."""
        lead = words(self.text, lo, start)[-1:]
        if not lead or self.text[lead[0].end() : start].strip() != "," or not self.t.coordinator.fullmatch(lead[0].group()):
            return None
        rest = strip(self.text, end, hi, " \t\n")[0]
        return rest + 1 if self.text[rest : rest + 1] == "," and words(self.text, rest + 1, hi) else None

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

    def adverbial(self, span: tuple[int, int] | None) -> bool:
        """Whether a phrase taken as a subject is an adverbial: it opens with a
        lower-case preposition or time word of the table ("в утреннем эфире", "do
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
