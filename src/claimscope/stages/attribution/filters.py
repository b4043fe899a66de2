"""Verb cues that report nothing, checked before a cue is read: negated ("did not
comment"), a noun or fixed phrase ("a claim", "pledged delegates"), a weak verb with no
report after it, an infinitive, an agentless passive ("est estimé à"), a verb of talking
about a topic ("рассказывает о поездках") or of naming with no quotation.
"""

from __future__ import annotations

import re

from .lemmas import lemma, lemmas, listed
from .quotes import OPENING
from .spans import BOUNDARY, EDGE, WORD, strip, words
from .verbs import VerbCues


class CueFilters(VerbCues):
    """Whether a verb cue found in a sentence reports nothing."""

    def weak_gerund(self, cue: re.Match, kind: str) -> bool:
        """A gerund (table ``no_inversion`` shape) where the table makes gerunds weak
        (``weak_gerunds``): it reports only before a complementizer, a colon or a
        quotation ("…, precisando che …"), not "…, assegurando a vigilância …", unless a
        text noun stands right before it ("un communiqué dénonçant une « campagne »")."""
        if kind != "verb" or not self.t.raw.get("weak_gerunds", False):
            return False
        before = words(self.text, max(0, cue.start() - 40), cue.start())[-3:]
        if before and self.document_noun((before[0].start(), before[-1].end())):
            return False
        return self.gerund(cue)

    def weak_ok(self, cue: re.Match, lo: int, hi: int) -> bool:
        """A weak verb counts only before a complementizer, a colon or a quotation, or
        ending a sentence after a quotation ("« … », X shares.")."""
        rest = self.text[cue.end() : hi].strip(EDGE)
        if not rest and any(c in self.closing for c in range(lo, cue.start())):
            return True
        if (
            self.previous and self.anaphoric_lead(lo, cue.start()) and self.inverted_speaker(cue, hi, lo)
            and not self.t.cue.search(self.text, *self.previous)
        ):  # "Así lo publicó el lunes la cadena X.": the subject follows, the sentence before is said, unless
            return True  # that sentence reports someone itself ("X afirma que … Así lo recoge Y.": a relay)
        if rest and self.t.speaker_stop.match(rest) and not any(c in BOUNDARY for c in rest) and any(
            c in self.closing and "," in self.text[c - 1 : c + 2] for c in range(lo, cue.start())
        ):
            return True  # "“…,” X phát biểu tại lễ khánh thành.": a quotation's clause, past a closing adverbial
        lead = self.text[lo : cue.start()].rstrip(" \t\n,—–-")
        if (
            self.t.raw.get("weak_after_quotation", True) and lead
            and lo + len(lead) - 1 in self.closing and lead != self.text[lo : cue.start()]
        ):
            return True  # "« … », glisse un proche.": the reporting clause after a quotation
        told = words(self.text, lo, cue.start())[-1:]  # "…, nous a répondu le ministère.": the one told
        bare = told[0].start() if told and self.t.clitics and told[0].group().lower() in self.t.clitics else cue.start()
        if self.text[lo:bare].rstrip().endswith(","):  # "…, reports the daily X."
            after = self.inverted_speaker(cue, hi, lo)
            if after and not self.text[after[1] : hi].strip(EDGE) and (
                self.names_someone(after) or self.determiner(WORD.match(self.text, after[0]).group())
            ):  # "…, precisou o centro.": a determiner phrase closing the sentence
                return True
        left = self.left_region(lo, cue.start())
        if not self.text[cue.end() : hi].strip(EDGE) and self.text[lo:left].rstrip().endswith(","):
            if self.names_someone(self.trim_speaker(left, cue.start())):
                return True  # "…, the daily X reports."
        pos = cue.end()
        while pos < hi and self.text[pos] in " ,":
            pos += 1
        if pos < hi and (self.text[pos] == ":" or self.text[pos] in OPENING):
            return True
        nxt = WORD.match(self.text, pos, hi)
        while nxt and nxt.group().lower() in self.t.adverbs:
            pos = strip(self.text, nxt.end(), hi, " ")[0]  # "thông tin thêm rằng …"
            nxt = WORD.match(self.text, pos, hi)
        if nxt and nxt.group().lower() in self.t.raw.get("perfect_infinitives", ()):
            return True  # "aseguró haber recibido …", "garante ter confirmado …": a reported past
        if nxt and self.topic_opening(cue, nxt.start(), hi):  # "hablan de «disturbios»"
            return True
        if nxt and self.t.speaker_stop.fullmatch(nxt.group()):  # "shared on Facebook that …"
            lead = words(self.text, pos, min(hi, pos + 60))[:5]
            comp = next((w for w in lead[1:] if self.t.complementizer.fullmatch(w.group())), None)
            if comp and not any(c in BOUNDARY for c in self.text[pos : comp.start()]):
                return True
            stop = next((i for i in range(pos, min(hi, lead[-1].end() + 1)) if self.text[i] in BOUNDARY), None)
            if stop is not None and self.text[stop] == ":":
                return True  # "chia sẻ với phóng viên: …"
        prev = [
            w.group().lower()
            for w in words(self.text, max(0, cue.start() - 30), cue.start())
        ]
        return (
            self.t.complementizer.match(self.text, pos, hi) is not None
            or bool(nxt and nxt.group().lower() in self.t.clause_starters)
            or bool(
                prev and prev[-1] in self.t.weak_subjects
            )  # "polls show", "voters see"
        )

    def negated(self, cue: re.Match, lo: int) -> bool:
        """A negated verb reports nothing ("did not comment", "n'a pas répondu")."""
        start = max(self.left_region(lo, cue.start(), clauses=False), cue.start() - 25)
        toks = words(self.text, start, cue.start())
        if toks and toks[0].start() == start and self.text[start - 1 : start].isalnum():
            toks = toks[1:]  # the end of a word cut by the window ("Perpigna|n"), no "n'"
        for tok in toks[-3:]:
            word = tok.group().lower().replace("’", "'")
            if word in self.t.negations or word.split("'")[0] + "'" in self.t.negations:
                return True
        return False

    def not_cue(self, cue: re.Match, lo: int, hi: int) -> bool:
        """Whether the cue belongs to a phrase that reports nothing ("pledged
        delegates", "faster than predicted"), from the cue or the word before it."""
        before = words(self.text, max(lo, cue.start() - 20), cue.start())
        if before and before[-1].group().lower() in self.t.infinitive and not self.text[before[-1].end() : cue.start()].strip():
            return True  # "kündigte an, darüber zu berichten"; not "„Die Tür bleibt zu“, sagte X"
        if (
            before and before[-1].group().lower() in self.t.raw.get("articles", ())
            and before[-1].end() + 1 == cue.start()
            and " ".join(cue.group().lower().split()) not in self.t.noun_cues  # "his opposition to"
        ):
            return True  # "a claim", "your forecast": a noun after an article or possessive, never a pronoun
        after = strip(self.text, cue.end(), hi, " ,")[0]
        if before and before[-1].end() + 1 == cue.start() and before[-1].group().lower() in self.t.raw.get(
            "free_relatives", ()
        ) and not self.text[lo : before[-1].start()].rstrip().endswith(","):  # "Rodrigo Alarcón, quien precisó": a relative
            return True  # "consoante quem fala", "Quem defende a taxa …": the verb of a free relative
        modal = before[-1:] if before and before[-1].end() + 1 == cue.start() else []
        if modal and modal[0].group().lower() in self.t.raw.get("hypothetical_modals", ()):
            return True  # "what a paid campaign would say": said by nobody yet
        inside = words(self.text, *cue.span())  # "antes de advertirle": the opener's cue stays
        if len(inside) == 1 and self.enclitic_infinitive(inside[0].group().lower()) and not self.lone_lead(
            lo, cue.start()  # "A riferirlo è stato il sindaco": a cleft names who said it
        ) and not (
            self.t.complementizer.match(self.text, after, hi) or self.text[after : after + 1] in (*OPENING, ":")
        ):
            return True  # "Conviene decirlo pronto", "por negarse a …": an infinitive, no report
        if self.owned_noun(cue):
            return True  # "theo thông báo của UBND": a noun
        for start in [cue.start()] + [w.start() for w in before[-1:]]:
            m = self.t.not_cue.match(self.text, start, hi)
            if m and m.end() >= cue.end():
                return True
        return len(inside) == 1 and not self.enclosing(cue.start()) and self.first_person(inside[0].group())

    def first_person(self, word: str) -> bool:
        """Whether a verb outside quotations is in the first person by the regular shape of
        the table (``first_person_shapes``: infinitive ending, form ending; "admito" of
        "admitir", "noto" of "notare", "parlons" of "parler"): the author's own aside,
        which reports no one ("Lo admito:", "Ne parlons pas")."""
        shapes = self.t.raw.get("first_person_shapes", ())
        low = word.lower()
        base = lemma(self.t.language, low)
        return any(
            base.endswith(inf) and low == base[: len(base) - len(inf)] + form and low != base for inf, form in shapes
        )

    def enclitic_infinitive(self, word: str) -> bool:
        """Whether ``word`` is an infinitive with an object pronoun joined to it, where the
        pronoun is joined (table ``enclitic_infinitives``, ``clitics``, ``infinitive_shape``):
        "decirlo", "negarse", "dirlo" ("dire"), which the dictionary does not list; not
        "declarase" nor "parla"."""
        if not self.t.raw.get("enclitic_infinitives") or listed(self.t.language, word):
            return False  # a form of the dictionary: "parla" (speaks) is no "par(e)" + "la"
        shape = re.compile(self.t.raw.get("infinitive_shape", r"(?!x)x"))
        return any(
            word.endswith(c) and (shape.search(word[: -len(c)]) or shape.search(word[: -len(c)] + "e"))
            for c in self.t.clitics if c.isalpha()
        )

    def topic_only(self, cue: re.Match, hi: int) -> bool:
        """A verb of talking (table ``topic_lemmas``) followed (past object pronouns, adverbs
        and a reflexive) by a preposition of the table's ``topic_prepositions`` and no
        complementizer nor quotation: it tells what is talked about, not what is said ("Стенд рассказывает о поездках", "mówi się tylko o jednym";
        not "рассказал о том, что …")."""
        topics = self.t.raw.get("topic_prepositions")
        reflexives = set(self.t.raw.get("reflexives", []))
        inside = [w.group().lower() for w in words(self.text, *cue.span())]
        verb = next((w for w in reversed(inside) if w not in reflexives), inside[-1])  # "mówi się": "mówi"
        if not topics or lemma(self.t.language, verb) not in self.t.raw.get("topic_lemmas", []):
            return False
        skip = reflexives | self.t.adverbs | set(self.t.raw.get("topic_fillers", []))
        toks = words(self.text, cue.end(), hi)
        k = 0
        while k < len(toks) and (self.clitic(toks[k].group()) or toks[k].group().lower() in skip):
            k += 1
        if k >= len(toks) or toks[k].group().lower() not in topics:
            return False
        rest = self.text[toks[k].end() : hi]
        return not (self.t.complementizer.search(rest) or any(q in rest for q in OPENING))

    def unquoted_name(self, cue: re.Match, hi: int) -> bool:
        """Whether a verb of naming (table ``naming_lemmas``: "назвать", "qualifier", "definire")
        names something with no quotation after it in its sentence ("там героя называют жителем
        Кютахьи"): a name given, not words reported ("a qualifié de « pure invention »")."""
        naming = self.t.raw.get("naming_lemmas")
        verb = words(self.text, *cue.span())[-1].group().lower()
        if not naming:
            return False
        t, lead = self.t, [w.group().lower() for w in words(self.text, *cue.span())[:-1]]
        found = lemmas(t.language, verb, t.participle, t.participle_lemmas) if set(lead) & t.passive else (
            lemma(t.language, verb),)  # a passive's participle, read as an adjective: "é classificada como …"
        if not set(found) & set(naming):
            return False
        return not any(self.text[i] in OPENING for i in range(cue.end(), hi))

    def agentless_passive(self, cue: re.Match, lo: int, hi: int) -> bool:
        """A passive cue with no agent that reports no clause, colon or quotation after it:
        something was done, nobody is said to speak ("Le coût est estimé à 180 000 euros",
        "No case has been reported in the county", "Il sisma è stato avvertito in tutta la
        provincia"); not "Il a été annoncé que …", a reflexive ("s'est indignée de …"), nor where
        the table keeps them (``agentless_passives``: English, PolNeAR annotates "was accused of")."""
        if self.t.raw.get("agentless_passives", False):
            return False
        prev = words(self.text, lo, cue.start())[-1:]
        if prev and any(c in BOUNDARY for c in self.text[prev[0].end() : cue.start()]):
            prev = []  # "…, die gelöscht werden könnten, erklärte er": another clause's auxiliary
        lead = [w.group().lower() for w in prev + words(self.text, *cue.span())[:-1]]
        nxt = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi) if self.t.v2 else None
        follows = nxt is not None and nxt.group().lower() in self.t.passive  # "… angegeben werden": verb-final
        short = self.short_passive(cue)  # "Информация подтверждена.": no agent, no report
        if not (follows or short or any(w in self.t.passive for w in lead)) or any(self.clitic(w) for w in lead):
            return False
        if short and self.instrumental_agent(cue.end(), hi):
            return False  # "подтверждена пресс-службой МВД"
        start = strip(self.text, nxt.end() if follows else cue.end(), hi, " \t\n,")[0]
        after = WORD.match(self.text, start, hi)
        clause = next((i for i in range(start, hi) if self.text[i] in ",;:!?"), hi)
        return not (
            any(self.t.agent.fullmatch(w.group()) for w in words(self.text, start, clause))  # "… (4) pela X"
            or self.t.complementizer.match(self.text, start, hi)
            or self.text[start : start + 1] in (*OPENING, ":")
            or after and after.group().lower() in self.t.as_clause | self.t.verb_chain | self.t.infinitive
        )
