"""Passive reporting verbs ("was announced by X", "a été annoncée par X", "zostało ogłoszone
przez X", "было объявлено мэрией"): the agent is the speaker, the passive's subject the content."""

from __future__ import annotations

import re

from .documents import DocumentSources
from .lemmas import lemma
from .spans import BOUNDARY, strip, words

MAX_AGENT_GAP = 4  # words of an adverbial between a passive cue and its agent marker


class PassiveAgents(DocumentSources):
    """The agent and subject of a passive reporting verb."""

    def passive_agent(
        self, cue: re.Match, lo: int, hi: int
    ) -> tuple[int, int] | None | bool:
        """For "X was criticized by Y" and the reduced "as reported by Y", "a view
        echoed by Y": the agent span (or None); False when not passive."""
        if self.short_passive(cue):  # "было объявлено мэрией": an instrumental agent, if any
            return self.instrumental_agent(cue.end(), hi)
        before = words(self.text, lo, cue.start())
        if before and any(c in BOUNDARY for c in self.text[before[-1].end() : cue.start()]):
            before = []  # "…, die gelöscht werden könnten, erklärte er": another clause's auxiliary
        if self.t.no_inversion.search(cue.group()) or self.topic_opening(cue, cue.end(), hi):
            return False  # "is calling for" is progressive, not passive; "spricht von X" is active
        agent = self.t.agent.match(
            self.text, strip(self.text, cue.end(), hi, " ")[0], hi
        )
        lead = [w.group().lower() for w in (before[-1:] + words(self.text, *cue.span())[:-1])]
        if agent is None and any(w in self.t.passive for w in lead) and not any(self.clitic(w) for w in lead):
            # "foi anunciada nesta terça-feira (4) pela X"; not a reflexive: "si è detta sorpresa dalla …"
            clause = next((i for i in range(cue.end(), hi) if self.text[i] in ",;:!?"), hi)
            agent = next((w for w in words(self.text, cue.end(), clause)[1:MAX_AGENT_GAP + 1]
                          if self.t.agent.fullmatch(w.group())), None)
        if lead and not any(w in self.t.passive for w in lead) and (self.clitic(lead[-1]) or lead[-1] in self.aux):
            return False  # "nous l'a expliqué par téléphone", "lo confirmó por teléfono": active
        if not before or before[-1].group().lower() not in self.t.passive:
            verb = words(self.text, *cue.span())[-1].group().lower()
            if agent is None or not any(w in self.t.passive for w in lead) and not self.t.reduced_passive.search(verb):
                return False  # "dijo por su parte", "précise par ailleurs": a finite verb, active
        elif agent is None:
            return None
        return self.trim_speaker(
            agent.end(), self.right_region(agent.end(), hi), after=True
        )

    def short_passive(self, cue: re.Match) -> bool:
        """Whether the cue ends in a short passive participle (table ``short_passive_shape``:
        Russian "объявлено", "подтверждена", "сообщены"): its subject is what is reported,
        never the speaker."""
        shape = self.t.raw.get("short_passive_shape")
        last = words(self.text, *cue.span())[-1:]
        return bool(shape and last and re.search(shape, last[0].group().lower()))

    def instrumental_agent(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The agent of a short passive in a language that marks it by case: the phrase right
        after the cue whose first word has an ending of the table's ``instrumental_endings``
        with two letters or more before it ("объявлено мэрией", "подтверждена пресс-службой
        МВД"; not the pronoun of "сообщено ей", nor "объявлено в понедельник")."""
        first = words(self.text, pos, hi)[:1]
        if not first or self.text[pos : first[0].start()].strip():
            return None
        word = first[0].group().lower()
        endings = self.t.raw.get("instrumental_endings", ())
        if not any(word.endswith(e) and len(word) >= len(e) + 2 for e in endings) or self.t.speaker_stop.fullmatch(word):
            return None  # two letters or more before the ending: not the pronouns "ей", "ним"
        return self.trim_speaker(first[0].start(), self.right_region(first[0].start(), hi), after=True)

    def passive_subject(self, lo: int, pos: int) -> bool:
        """Whether the words before a passive cue whose agent closes the sentence are its
        subject, the content: two words or more, or one that is no pronoun
        ("L'annonce a été confirmée par X.", not "Il a été reçu par X.")."""
        toks = words(self.text, lo, pos)
        return len(toks) >= 2 or len(toks) == 1 and toks[0].group().lower() not in self.t.pronouns

    def closing_adverbial(self, pos: int, hi: int) -> bool:
        """Whether the words after a passive's agent up to the sentence end are a short
        adverbial opening with a `speaker_stops` word ("… par le préfet lundi matin.", "…
        by the council on Monday.", "… przez wojewodę w poniedziałek."): the agent closes the
        report, whose content is the passive's subject."""
        rest = self.text[pos:hi]
        toks = words(self.text, pos, hi)
        return (
            0 < len(toks) <= MAX_AGENT_GAP and rest[: toks[0].start() - pos].isspace()
            and self.t.speaker_stop.fullmatch(toks[0].group()) is not None
            and not any(c in BOUNDARY for c in self.text[toks[0].start() : toks[-1].end()])
            and self.t.complementizer.search(self.text, pos, hi) is None
        )

    def auxless(self, pos: int) -> int:
        """Where a passive's subject ends before the cue at ``pos``: before the auxiliaries
        the cue does not hold ("The closure was | announced by X", "è | stata annunciata")."""
        toks = words(self.text, max(0, pos - 30), pos)
        while toks and (toks[-1].group().lower() in self.t.passive or toks[-1].group().lower() in self.aux):
            pos = toks.pop().start()
        return pos

    def subject_start(self, lo: int, pos: int) -> int:
        """Where the clause of a passive cue at ``pos`` opens: after the last complementizer
        before it with no comma between ("X a rappelé que le produit est recommandé par Y":
        "le produit"), else at ``lo`` ("Cette information, que …, a été révélée par Y")."""
        opener = [m for m in self.t.complementizer.finditer(self.text, lo, pos) if BOUNDARY.isdisjoint(self.text[m.end() : pos])]
        return opener[-1].end() if opener else lo

    def news_subject(self, start: int, end: int) -> bool:
        """Whether a phrase is a news noun of the table (``news_nouns``, by its lemma too)
        after determiners at most ("L'information", "Esta noticia", "Эта информация"): it
        names what the sentence before says, not what is reported."""
        nouns = self.t.raw.get("news_nouns", ())
        toks = [w.group().lower().replace("’", "'") for w in words(self.text, start, end)]
        if not nouns or not 1 <= len(toks) <= 3:
            return False
        *dets, noun = toks
        elided, _, bare = noun.rpartition("'")
        if elided:  # "l'information"
            dets, noun = [*dets, elided + "'"], bare
        return all(d in self.t.determiners or d in self.t.clitics for d in dets) and (
            noun in nouns or lemma(self.t.language, noun) in nouns)
