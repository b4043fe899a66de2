"""Rule-based attribution spans for one sentence, driven by a language table.

Three kinds of cue are found: reporting verbs ("a déclaré", "said", "заявил"),
prepositions whose object is the speaker ("selon", "according to", "theo") and
postpositions ("zufolge"). Around each cue the rules look for the speaker (the
noun phrase before the cue, or after it in an inversion "..., said X") and the
content (what follows the cue up to the end of the sentence, or the clause or
quotation before it). Quotations may run over several sentences.

``SentenceRules.sentence`` finds the cues of a sentence and reads each with the rules of
its kind, which live in mixins over ``Subjects`` (``subjects.py``): ``verbs.py``
(reporting verbs, passives, impersonal phrases) over ``inversion.py`` (subjects after
the verb), ``filters.py`` (verb cues that report nothing), ``prepositions.py``,
``colons.py`` (colon and dash cues, lines that are no running text) and ``checks.py``
(checks that read the sentence's attributions together).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .checks import FoundChecks
from .colons import DASHES, ColonCues
from .filters import CueFilters
from .prepositions import PrepositionCues
from .relays import CitedRelays
from .spans import Raw, strip


class SentenceRules(CueFilters, PrepositionCues, ColonCues, FoundChecks, CitedRelays):
    """The cue rules of one sentence: reporting verbs, prepositions, postpositions,
    colons and dashes."""

    def sentence(
        self, lo: int, hi: int, credit: tuple[int, int] | None, previous: tuple[int, int] | None = None
    ) -> list[Raw]:
        """Every attribution whose cue lies in the sentence [lo, hi); ``previous`` is
        the sentence before it, the content of "Lo riferisce X."."""
        self.previous = previous
        found: list[Raw] = []
        taken: list[tuple[int, int]] = []
        lo0, hi0 = lo, hi
        start, before = strip(self.text, lo, hi, " \t\n")[0], len(self.text[:lo].rstrip()) - 1
        head = self.text[start : start + 1]
        opening = self.closing.get(before) if head in DASHES or head.islower() else None
        lo_read = lo if opening is None else opening  # "„…?” | – pyta jedna z matek.": the quotation it reports
        toks = self.tokens(lo, hi)
        capitals = sum(self.text[start].isupper() for start, _ in toks)
        title_case = capitals >= 0.6 * len(toks)  # headlines capitalise every word

        def free(m: re.Match) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in taken)

        for kind, starts, pattern in (
            ("prep", "prep", self.t.preposition),
            ("post", "post", self.t.postposition),
            ("verb", "inf", None),
            ("verb", "verb", self.t.cue),
            ("weak", "weak", self.t.weak_cue),
            ("verb", None, self.t.generic_cue),
        ):
            found_here = self.infinitives(lo0, hi0) if starts == "inf" else self.candidates(starts, pattern, hi0, toks)
            for cue in found_here:
                quote = self.enclosing(cue.start())
                if (
                    quote
                ):  # a cue inside a quotation: its clause ends with the quotation
                    lo, hi = max(lo0, quote[0] + 1), min(hi0, quote[1])
                else:
                    lo, hi = lo_read, hi0
                if (
                    not free(cue)
                    or (kind == "weak" or self.weak_gerund(cue, kind)) and not self.weak_ok(cue, lo, hi)
                    or self.not_cue(cue, lo, hi)
                    or (kind in ("verb", "weak") and self.negated(cue, lo))
                    or kind in ("verb", "weak") and (
                        self.agentless_passive(cue, lo, hi) or self.topic_only(cue, hi) or self.unquoted_name(cue, hi))
                ):
                    continue
                if (
                    cue.group()[0].isupper()
                    and toks
                    and cue.start() > toks[0][0]
                    and not title_case
                    and not self.text[lo0 : cue.start()].rstrip().endswith(":")  # "Kein Einzelfall: Nach Angaben …"
                ):
                    continue  # "ACE Cash Express": a capitalised word inside a sentence is a name
                if kind == "prep":
                    raw = self.preposition(cue, lo, hi, credit)
                elif kind == "post":
                    raw = self.postposition(cue, lo, hi)
                else:
                    raw = self.verb(cue, lo, hi)
                    if raw is not None and starts == "inf" and raw.speaker and raw.speaker[0] < cue.start():
                        raw = replace(raw, speaker=None)  # the main clause's subject speaks
                if raw is not None and not self.generic(raw) and not self.clause_subject(raw, kind):
                    found.append(raw)
                    taken.append(raw.cue)
        found = [  # "Posted on May 2 | 14 comments", "Share · Facebook · Telegram"; a headline
            self.cut_at_next_clause(raw, found)
            for raw in found
            if raw.direct or not any(c in self.text[slice(*raw.content)] for c in "|·•")
            and not self.in_headline(raw)
        ]
        found = [self.relayed(raw, found) for raw in found]
        found = [self.cited_relay(raw, found) for raw in found]  # "Selon X, qui cite Y, …": Y's words
        for k, raw in enumerate(found):
            if raw.speaker and self.text[slice(*raw.speaker)].lower() in self.t.coordinators:
                raw = found[k] = replace(raw, speaker=None)  # "Y remata: «…»": the coordinator is no subject
            if raw.speaker is None and not raw.impersonal:
                main = self.main_speaker(raw, found, lo0)
                if main and (raw.content[0] <= main[0] < raw.content[1]
                             or self.text[slice(*main)].lower() in self.t.coordinators):
                    main = None  # "– Nigdy tego nie widziałem – mówi.": a word of the content
                found[k] = replace(raw, speaker=main)
        found = [
            raw for raw in found
            if not self.generic(raw) and not self.object_in_report(raw, found) and not self.relative_object(raw)
            and not self.performative(raw) and not self.asked(raw, lo0, hi0)
        ]
        opinion = self.opinion_opening(lo0, hi0) if not any(r.cue[0] < lo0 + 4 for r in found) else None
        opinion = opinion or self.anaphoric_source(lo0, hi0, found)
        if opinion is not None:  # "Pour Anna Roy, …": before the colons, whose content it may hold
            found.insert(0, opinion)
        if self.t.colon_cue:
            for pos in (i for i in range(lo0, hi0) if self.text[i] == ":"):
                raw = self.colon(pos, lo0, hi0)
                if raw is not None and all(  # not in a content, nor right after a speaker
                    not (a <= pos < b) for a, b in (r.content for r in found)
                ) and all(not r.speaker or not (r.speaker[0] <= pos <= r.speaker[1]) for r in found) and all(
                    not (r.cue[1] <= pos < r.content[0]) for r in found  # "X chia sẻ với Y: «…»": the verb's
                ):  # colon
                    found.append(raw)
        for pos in (i for i in range(lo0, hi0) if self.text[i] in DASHES):
            raw = self.dash(pos, lo0, hi0)
            if raw is not None and all(not (a <= pos < b) for a, b in taken):
                found.append(raw)
        return [part for raw in found for part in self.quote_after_clause(raw)]
