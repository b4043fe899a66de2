"""The text an impersonal report phrase or a source verb cites: the locative that names
a document or the place of a medium where it was read ("heißt es in dem Bericht", "In
einer Elterngruppe hieß es", "Su alcuni canali Telegram si legge"), and the object of a
source preposition beside a verb of the table's ``source_verbs`` ("wynika z raportu",
"geht aus der Bilanz hervor", "Aus dem Bericht geht hervor, dass …").
"""

from __future__ import annotations

import re

from .inversion import Inversions
from .kinds import OUTLET_KINDS, body_kind
from .lemmas import lemma
from .spans import WORD, Raw, strip, words

TEXT_KINDS = OUTLET_KINDS | {"document", "account"}  # body kinds that hold a text one reads


class DocumentSources(Inversions):
    """Sources that are texts or the places of a medium."""

    def document(self, lo: int, cue: re.Match, hi: int) -> tuple[int, int] | None:
        """The text an impersonal report phrase cites in a locative after or before it
        (table keys ``document_prepositions``, ``document_nouns``): "heißt es in dem
        Beitrag", "В докладе говорится", "w raporcie czytamy", not "Im Dorf heißt es"; its
        possessive when it has one ("говорится в его заявлении": "его"). A preposition of
        the table's ``source_prepositions`` names the source itself ("hieß es aus der Behörde")."""
        preps = self.t.document_prepositions
        after = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi)
        if after and after.group().lower() in self.t.raw.get("source_prepositions", ()):
            return self.trim_speaker(after.end(), self.right_region(after.end(), hi), after=True)
        if after and after.group().lower() in preps:
            span = self.trim_speaker(after.end(), self.right_region(after.end(), hi), after=True)
            region = (after.end(), span[1]) if span else None  # "dans le communiqué du club":
        else:  # the club, after a `speaker_prefixes` head
            toks = words(self.text, self.left_region(lo, cue.start()), cue.start())
            if not (1 < len(toks) <= 5 and toks[0].group().lower() in preps):
                return None
            span = region = toks[1].start(), toks[-1].end()
        if not span or not (self.document_noun(region) or self.medium(region)):
            return None
        first = WORD.match(self.text, span[0])
        if first.group().lower() in self.t.possessive_determiners:
            return first.span()
        return span

    def document_noun(self, span: tuple[int, int]) -> bool:
        """Whether a word of ``span`` holds a stem of the table's ``document_nouns``."""
        nouns = self.t.raw.get("document_nouns", [])
        return any(n in w.group().lower() for w in words(self.text, *span) for n in nouns)

    def medium(self, span: tuple[int, int]) -> bool:
        """Whether a word of ``span`` names where a medium holds texts: a stem of the
        table's ``medium_nouns`` ("Elterngruppe", "чате", "forum") or a ``body_nouns`` word
        of a kind that publishes texts ("canali", "сайте", "Seite")."""
        nouns = self.t.raw.get("medium_nouns", [])
        return any(
            any(n in w.group().lower() for n in nouns) or body_kind(w.group(), self.t.language) in TEXT_KINDS
            for w in words(self.text, *span)
        )

    def source_verb(self, cue: re.Match) -> bool:
        """Whether the cue's verb is one of the table's ``source_verbs`` (lemmas: "wynikać",
        "hervorgehen", also split: "geht … hervor"), whose source is a phrase opened by one
        of the table's ``source_prepositions``, not its subject."""
        verbs, toks = self.t.raw.get("source_verbs", ()), words(self.text, *cue.span())
        if not verbs:
            return False
        first = lemma(self.t.language, toks[0].group())
        return first in verbs or len(toks) > 1 and toks[-1].group().lower() + first in verbs

    def sourced(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        """A source verb's attribution: its source the object of a source preposition
        inside the cue ("geht aus der Bilanz hervor"), right after it ("– wynika z
        raportu") or opening its clause ("Z raportu wynika, że …", "wie aus X hervorgeht");
        its content the clause a complementizer opens after it, else the clause before
        (the sentence before after a demonstrative: "Das geht aus X hervor."). None when
        no such phrase stands beside the verb."""
        preps = self.t.raw.get("source_prepositions", ())
        inside = words(self.text, *cue.span())
        nxt = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi)
        lead = words(self.text, self.left_region(lo, cue.start()), cue.start())
        k = next((i for i, w in enumerate(lead[:2]) if w.group().lower() in preps), None)
        ahead = words(self.text, lo, lead[0].start() if lead else cue.start())[-1:] + lead[:1]
        as_word = next((w for w in ahead if w.group().lower() in self.t.as_clause), None)  # "wie", "jak"
        if len(inside) > 3 and inside[1].group().lower() in preps:
            source = inside[2].start(), inside[-2].end()
        elif nxt and nxt.group().lower() in preps:
            source = self.trim_speaker(nxt.end(), self.right_region(nxt.end(), hi), after=True)
        elif k is not None and k + 1 < len(lead):
            source = lead[k + 1].start(), lead[-1].end()
            start = as_word.start() if as_word else lead[0].start()  # "…, wie aus X hervorgeht"
            found = self.content_after(cue.end(), hi, stop_ok=True) or self.content_before(lo, start)
            return Raw(cue.span(), source, *found) if found else None
        else:
            return None
        if source is None:
            return None
        rest = words(self.text, source[1], hi)[:1]
        comma = self.text.find(",", source[1], hi)
        if as_word and comma >= 0 and not self.text[lo : as_word.start()].strip(" ,"):
            found = self.content_after(comma + 1, hi, stop_ok=True)  # "Jak wynika z raportu, …"
        elif as_word:
            found = self.content_before(lo, as_word.start())  # "…, jak wynika z raportu."
        elif rest and self.t.complementizer.fullmatch(rest[0].group()):
            found = self.content_after(source[1], hi, stop_ok=True)
        elif self.previous and self.anaphoric_lead(lo, cue.start()):
            found = self.previous, False
        else:
            found = self.content_before(lo, cue.start())
        return Raw(cue.span(), source, *found) if found else None

