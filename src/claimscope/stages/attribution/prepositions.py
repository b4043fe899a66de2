"""Prepositional cues ("selon", "according to", "по словам", "według"), whose object is the
speaker; postpositions ("zufolge"); opinion prepositions opening a sentence ("Pour Anna
Roy, …") and anaphoric source adverbs ("Demnach …").
"""

from __future__ import annotations

import re

from .inversion import Inversions
from .lemmas import lemma
from .spans import EDGE, MAX_SPEAKER_WORDS, WORD, Raw, strip, words


class PrepositionCues(Inversions):
    """Speaker and content of a prepositional cue."""

    def preposition(
        self, cue: re.Match, lo: int, hi: int, credit: tuple[int, int] | None
    ) -> Raw | None:
        if cue.group().lower() in self.t.raw.get("own_prepositions", ()):  # "hat nach eigenen Angaben …"
            found = self.content_after(strip(self.text, cue.end(), hi, " ,")[0], hi, stop_ok=True, clause=False)
            comma = self.text.rfind(",", lo, cue.start())  # "X sammelt …, nach eigenen Angaben sind es …"
            own = self.subject(lo, cue.start()) or (self.subject(lo, comma) if comma > lo else None)
            return Raw(cue.span(), own, *found) if found else None  # the clause's subject speaks
        head = self.text[lo : cue.start()].rstrip()
        if head.endswith((":", ";")) and not self.enclosing(cue.start()):
            lo = lo + len(head)  # "X hausse les épaules : selon lui, …": the clause after the colon or semicolon
        end = self.right_region(cue.end(), hi)
        if (
            end < hi and end in self.quotes and self.quotes[end] < hi
        ):  # "по данным газеты «Утро»"
            end = self.quotes[end] + 1
        prev = words(self.text, max(lo, cue.start() - 12), cue.start())[-1:]
        if prev and prev[0].group().lower() in self.t.determiners:
            return None  # "o segundo lugar", "il secondo": an ordinal, not "according to"
        lead = self.text[lo : cue.start()].rstrip(" \t\n(«“\"'")
        if cue.group().lower() in self.t.raw.get("clause_prepositions", ()) and lead[-1:].isalnum() and not (
            prev and prev[0].end() == lo + len(lead) and prev[0].group().lower() in self.t.adverbs
        ):  # "được tính theo khung giá": "by", not "according to", unless it opens its clause ("Cũng theo X, …")
            return None
        agent = self.reported_by(cue.end(), hi)  # "secondo quanto scritto dal giornale"
        if agent is not None:
            end = self.right_region(agent, hi)
        span = (cue.start(), agent or cue.end())
        relative = self.relative_source(cue, lo, hi)  # "un expert selon lequel …"
        if relative:
            return relative
        speaker = self.owner_inside(cue) or self.trim_speaker(span[1], end, after=True)
        if speaker is None or self.translation(speaker):
            return None
        toks = words(self.text, *speaker)
        if toks[0].group().lower() in self.t.pronouns and not (len(toks) > 1 and toks[1].group()[0].isupper()):
            speaker = toks[0].span()  # "qui accueillait selon lui plus de …"; not "Theo ông Lợi"
        verb = self.first_cue(span[1], speaker[1])
        if verb and len(words(self.text, span[1], verb.start())) <= 1:
            return None  # "Según indicó X", "según ha confirmado X", "secondo quanto scritto": the verb's cue
        if not self.text[lo : cue.start()].strip(EDGE) and (
            not self.text[speaker[1] : hi].strip(EDGE) or "," not in self.text[cue.end() : hi]
        ):  # "Według Nowak liczba zakażeń wzrosła", "Według policji sprawca …": no comma
            speaker = self.report_head(cue, speaker) or self.short_phrase(speaker)
        followed_by_comma = self.text[speaker[1] : hi].lstrip().startswith(",")
        heads = self.t.raw.get("headed_prepositions", {}).get(cue.group().lower())
        if heads is not None:  # only "In a CBS News poll released Monday, …" opening
            comma = self.text.find(",", cue.end(), hi)  # the sentence
            phrase = strip(self.text, cue.end(), comma) if comma > 0 else None
            if not (
                phrase
                and not self.text[lo : cue.start()].strip(EDGE)
                and len(words(self.text, *phrase)) <= MAX_SPEAKER_WORDS
                and {w.group().lower() for w in words(self.text, *phrase)} & set(heads)
                and self.first_cue(*phrase) is None  # not "In dem Bericht heißt es, …": the verb's source
            ):
                return None
            speaker, followed_by_comma = phrase, True
        if cue.group().lower() in self.t.raw.get("weak_prepositions", []) and not (
            followed_by_comma or self.looks_like_speaker(speaker)
        ):
            return None
        if cue.group().lower() in self.t.raw.get("closing_prepositions", []) and not (
            self.text[lo : cue.start()].rstrip().endswith(",")
            and self.looks_like_speaker(speaker)
            and (not any(c in self.text[cue.end() : hi].rstrip(EDGE) for c in ",;:")
                 or self.text[speaker[1] : hi].strip(" \t\n.!?…")[:1] in (",", ":"))
        ):  # "…, so der Sprecher.", "Die Kunden, so der Insider, merken …", "…, so Reindl: „…“"
            return None  # only after a comma, as a reporting clause of its own
        before = self.content_before(lo, cue.start())
        if (
            before and len(words(self.text, *before[0])) >= 3 and not self.open_clause(before)
            and not self.clause_opening(lo, before)
        ):
            return Raw(span, speaker, *before)
        after = strip(self.text, max(speaker[1], span[1]), hi, " ,")[0]
        if self.text[speaker[1] : after].strip() == ",":  # "Selon le site, qui cite X, <content>"
            after = strip(self.text, self.relative_end(after, hi, quoted=True) or after, hi, " ,")[0]
        found = self.content_after(after, hi, stop_ok=True, clause=False)
        alone = not self.text[lo : cue.start()].strip(EDGE) and not self.text[
            speaker[1] : hi
        ].strip(EDGE)
        if found is None and alone and credit is not None:
            found = (
                credit,
                False,
            )  # a credit line ("Selon X") stands for the text above it
        return Raw(span, speaker, *found) if found else None

    def clause_opening(self, lo: int, before: tuple[tuple[int, int], bool]) -> bool:
        """Whether the words before a parenthetical preposition only open the clause it
        interrupts, which goes on after it and is what is reported: a short adverbial that
        opens the sentence with a stop word or adverb of the table ("En la primera cola,
        según X, <content>") or a clause word of ``clause_breaks`` ("…, donde, según X,
        <content>", "…, pero de acuerdo con X <content>")."""
        (start, end), direct = before
        toks = [w.group().lower() for w in words(self.text, start, end)]
        if direct or not toks:
            return False
        if self.t.clause_break.fullmatch(toks[-1]):
            return True
        return (
            start == strip(self.text, lo, end)[0] and len(toks) <= 4
            and (self.t.speaker_stop.fullmatch(toks[0]) is not None or toks[0] in self.t.adverbs)
            and self.first_cue(start, end) is None
        )

    def relative_source(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        """A preposition whose object is a relative pronoun (table ``relative_objects``:
        "selon lequel", "secondo cui", "según el cual", "по словам которого"): the speaker
        is the noun phrase before it, the content the clause after the pronoun ("… cite un
        expert selon lequel l'arme est étrangère")."""
        pronouns = self.t.raw.get("relative_objects", [])
        after = words(self.text, cue.end(), hi)[:2]
        if not pronouns or not after:
            return None
        k = 2 if len(after) > 1 and f"{after[0].group()} {after[1].group()}".lower() in pronouns else 1
        if k == 1 and after[0].group().lower() not in pronouns:
            return None
        if k == 1 and after[0].group().lower() in self.t.determiners and not self.text[lo : cue.start()].rstrip().endswith(","):
            return None  # German "laut dem": a relative only after a comma ("…, laut dem X …"), else an article
        speaker = self.noun_phrase_before(lo, strip(self.text, lo, cue.start(), " \t\n,")[1])
        found = self.content_after(after[k - 1].end(), hi, stop_ok=True, clause=False)
        if speaker is None or found is None:
            return None
        return Raw((cue.start(), cue.end()), speaker, *found)

    def report_head(self, cue: re.Match, speaker: tuple[int, int]) -> tuple[int, int] | None:
        """For a preposition of the table's ``report_prepositions`` ("nach", "по"), the
        words up to its report noun ("Nach jüngsten Medienberichten soll …": "jüngsten
        Medienberichten"); None for another preposition."""
        heads = self.t.raw.get("report_prepositions", {}).get(cue.group().lower())
        toks = words(self.text, *speaker) if heads else []
        for k, tok in enumerate(toks[:3]):
            word = tok.group().lower()
            if any(word.endswith(h[1:]) if h.startswith("*") else word == h for h in heads):
                det = toks[k + 1] if k + 1 < len(toks) else WORD.match(self.text, strip(self.text, tok.end(), len(self.text), " ")[0])
                if det and det.group().lower() in self.t.determiners:
                    at = strip(self.text, det.end(), len(self.text), " ")[0]
                    if at in self.quotes:  # "Nach Informationen der „Lausitzer Rundschau“ hatte …"
                        return speaker[0], self.quotes[at] + 1
                    owner = WORD.match(self.text, at)
                    tok = owner or tok  # "Nach Informationen des Senders ist …"
                return speaker[0], tok.end()
        return None

    def owner_inside(self, cue: re.Match) -> tuple[int, int] | None:
        """The possessive inside a prepositional cue ("по его словам", "in her words",
        "jej zdaniem"): the speaker is its owner."""
        for tok in words(self.text, *cue.span()):
            if tok.group().lower() in self.t.possessive_determiners:
                return tok.span()
        return None

    def reported_by(self, start: int, end: int) -> int | None:
        """For a preposition opening "quanto riportato dal sito", "lo informado por el
        diario": the end of the agent marker after a participle, where the speaker starts."""
        comma = self.text.find(",", start, end)
        toks = words(self.text, start, end if comma < 0 else comma)
        if not toks or not any(self.t.participle.search(t.group().lower()) for t in toks[:3]):
            return None
        for tok in toks[1:7]:
            m = self.t.agent.match(self.text, tok.start(), end)
            if m and m.end() < toks[-1].end():
                return m.end()
        return None

    def short_phrase(self, span: tuple[int, int]) -> tuple[int, int]:
        """The name at the start of ``span`` (its capitalised words), else its first word
        (with its determiner); the whole span when it is that short already."""
        toks = words(self.text, *span)
        run = []
        for tok in toks:
            if not tok.group()[0].isupper():
                break
            run.append(tok)
        head = 2 if toks and toks[0].group().lower() in self.t.determiners else 1
        keep = run or toks[:head]  # "policji", "el diario"
        return (keep[0].start(), keep[-1].end()) if len(keep) < len(toks) else span

    def postposition(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        speaker = self.trim_speaker(self.left_region(lo, cue.start()), cue.start())
        found = self.content_after(cue.end(), hi, stop_ok=True)
        if speaker is None or found is None:
            return None
        return Raw((cue.start(), cue.end()), speaker, found[0], found[1])

    def opinion_opening(self, lo: int, hi: int) -> Raw | None:
        """ "Pour Anna Roy, adjointe aux sports, la piscine est trop petite": an opinion
        preposition (table ``opinion_prepositions``) opens the sentence before a name of two
        to four capitalised words (after a determiner and a title at most) set off by a comma;
        the name and an apposition that opens with no determiner or pronoun are the speaker,
        the clause after them the content. Not "Pour 2030, …", "Pour les élèves, …"."""
        toks = words(self.text, lo, hi)
        if len(toks) < 6 or toks[0].group().lower() not in self.t.opinion_prepositions:
            return None
        if self.text[lo : toks[0].start()].strip(EDGE) or self.enclosing(toks[0].start()):
            return None
        k = 1 + (toks[1].group().lower() in self.t.determiners)
        k += toks[k].group().lower() in self.t.titles
        end = k
        while end < min(len(toks), k + 4) and toks[end].group()[0].isupper():
            end += 1
        name_end = toks[end - 1].end()
        if end - k < 2 or self.text[name_end : name_end + 1] != ",":
            return None
        speaker = (toks[1].start(), name_end)
        comma = self.text.find(",", name_end + 1, hi)
        aside = words(self.text, name_end + 1, comma) if comma > 0 else []
        if aside and len(aside) <= MAX_SPEAKER_WORDS and aside[0].group().lower() not in (
            self.t.determiners | self.t.pronouns
        ) and len(words(self.text, comma + 1, hi)) >= 4:  # "…, chef du service d'imagerie, …"
            speaker = (speaker[0], comma)
        found = self.content_after(strip(self.text, speaker[1], hi, " ,")[0], hi, stop_ok=True, clause=False)
        if found is None or len(words(self.text, *found[0])) < 4:
            return None
        return Raw(toks[0].span(), speaker, *found)

    def anaphoric_source(self, lo: int, hi: int, found: list[Raw]) -> Raw | None:
        """ "Demnach liegt der Anteil bei neun Prozent": an adverb of the table's
        ``anaphoric_sources`` opening the sentence reports its clause on the authority of the
        text or source named before it; no speaker of its own."""
        first = words(self.text, lo, hi)[:1]
        if not first or first[0].group().lower() not in self.t.raw.get("anaphoric_sources", ()):
            return None
        if self.text[lo : first[0].start()].strip() or any(r.cue[0] <= first[0].start() < r.content[1] for r in found):
            return None
        content = self.content_after(first[0].end(), hi, stop_ok=True, clause=False)
        return Raw(first[0].span(), None, *content, impersonal=True) if content else None

    def translation(self, speaker: tuple[int, int]) -> bool:
        """Whether a preposition's object is headed by a noun of translating (table
        ``translation_nouns``, by lemma: "selon la traduction du site", "according to the
        portal's translation"): a note on the wording of words reported beside it, no speaker."""
        nouns = self.t.raw.get("translation_nouns", ())
        toks = [t.group() for t in words(self.text, *speaker)]
        phrase = " ".join(toks).lower()  # "bản dịch của trang"; not "the Translation Bureau", a name
        return any(t.islower() and lemma(self.t.language, t) in nouns for t in toks) or any(
            f" {n} " in f" {phrase} " for n in nouns if " " in n)
