"""Contents of a cue: what it reports after it (up to the end of its clause, the next cue
outside quotations, or a quotation right after it) or before it (a quotation or clause
that closes on the cue).
"""

from __future__ import annotations

import re

from .regions import Regions
from .spans import BOUNDARY, EDGE, MIN_CONTENT_WORDS, QUOTE_EDGE, WORD, strip, words


class Contents(Regions):
    """The content of a cue (over ``Regions``, base of ``Addressees``)."""

    def quote_after(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The quotation opening at ``pos`` (skipping spaces), if any."""
        while pos < hi and self.text[pos].isspace():
            pos += 1
        if self.text.startswith(
            "''", pos
        ):  # a two-apostrophe quotation is keyed on its second mark
            pos += 1
        close = self.quotes.get(pos)
        return strip(self.text, pos + 1, close, " \t\n") if close is not None else None

    def content_after(
        self, pos: int, hi: int, stop_ok: bool = False, clause: bool = True
    ) -> tuple[tuple[int, int], bool] | None:
        """Content that follows a cue: a colon, a quotation, a complementizer clause
        or the rest of the sentence (None when only "in a statement" follows, up to the
        sentence's end or a comma, unless ``stop_ok``)."""
        start, _ = strip(self.text, pos, hi, " \t\n")
        cut = self.text.find(",", start, hi)
        lead = words(self.text, start, cut) if cut > start else []
        if 0 < len(lead) <= 4 and lead[-1].group().lower() in self.t.particles:
            start = cut + 1  # "teilte (am Freitag) mit, …": the separable verb's particle
        stop = self.t.speaker_stop.match(self.text, start, hi)
        if (
            not stop_ok
            and stop
            and (self.text[self.right_region(stop.end(), hi) : hi].strip(EDGE) == ""
                 or self.text[self.right_region(stop.end(), hi) : hi].lstrip()[:1] == ",")
        ):  # "…, the bank said on Monday, citing …"
            return None
        comma = self.text[start : start + 1] == ","
        colon = self.text.find(":", start, hi)
        if (
            colon >= 0
            and len(words(self.text, start, colon)) <= 4
            and not any(c in BOUNDARY for c in self.text[start:colon])
        ):  # "wrote on Twitter: ..."
            start = colon + 1
        start, _ = strip(self.text, start, hi, " \t\n,:")
        lead = WORD.match(self.text, start, hi)
        if lead and self.clitic(lead.group()) and self.text[lead.end() : lead.end() + 1] in ",:":
            start = strip(self.text, lead.end(), hi, " \t\n,:")[0]  # "sagte uns, …"
        quote = self.quote_after(start, hi)
        if quote:
            return quote, True
        if comma and not (
            self.t.comma_content or self.t.complementizer.match(self.text, start, hi)
        ):
            return None  # "X said, adding that ...": the content is not after the comma
        comp = self.t.complementizer.search(self.text, start, hi) if clause else None
        between = words(self.text, start, comp.start()) if comp else []
        if (
            comp
            and len(between) <= 6
            and not any(c in BOUNDARY for c in self.text[start : comp.start()])
            and not any(  # "said she was glad that …": the clause is the content
                w.group().lower() in self.t.clause_starters | self.t.passive
                or self.t.clause_break.fullmatch(w.group())
                for w in between
            )
            and not self.first_cue(start, comp.start())
        ):
            start = comp.end()
        hi = self.clause_end(start, hi)
        span = strip(self.text, start, hi)
        if len(words(self.text, *span)) < MIN_CONTENT_WORDS:
            return None
        inner = self.quote_after(span[0], span[1])
        if inner and strip(self.text, inner[1], span[1], QUOTE_EDGE)[0] >= span[1]:
            return inner, True
        return span, False

    def first_outside_quotes(self, start: int, hi: int, kind: str) -> re.Match | None:
        """The first cue of ``kind`` after ``start`` that no quotation opened after
        ``start`` holds ("la densità «non indica …»": a word of the quotation) and, in a
        verb-second language, no passive auxiliary follows ("angegeben werden")."""
        while start < hi:
            cue = self.first_cue(start, hi, kind)
            quote = self.enclosing(cue.start()) if cue else None
            after = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi) if cue and self.t.v2 else None
            if after and after.group().lower() in self.t.passive:
                start = after.end()  # "… müssten Allergene angegeben werden": a verb-final passive, no report
                continue
            if cue is None or quote is None or quote[0] < start:
                return cue
            start = quote[1] + 1
        return None

    def clause_end(self, start: int, hi: int) -> int:
        """Where a content starting at ``start`` ends: before the clause of the next
        reporting verb ("A said X, but B said Y"), else at ``hi``."""
        cues = [c for c in (self.first_outside_quotes(start, hi, kind) for kind in ("verb", "prep")) if c]
        if not cues:
            return hi
        nxt = min(cues, key=lambda c: c.start())
        cut = max(self.text.rfind(c, start, nxt.start()) for c in ",;:")
        for m in self.t.coordinator.finditer(self.text, start, nxt.start()):
            if not words(self.text, m.end(), nxt.start()):  # "… and said …"
                cut = max(cut, m.start())
        if cut > start:
            return cut
        toks = self.tokens(start, hi)
        for cue in self.candidates("verb", self.t.cue, hi, toks):  # "Y promised X and said"
            lead = words(self.text, start, cue.start())
            if len(lead) > 2 and self.t.coordinator.fullmatch(lead[-1].group()):
                return lead[-1].start()
        return hi

    def content_before(self, lo: int, end: int) -> tuple[tuple[int, int], bool] | None:
        """Content that precedes a cue: the quotation or clause before it (the
        quotation ending the previous sentence when nothing precedes in this one)."""
        _, end = strip(self.text, lo, end, " \t\n,—–-")
        if end <= lo:
            end = lo
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
        for close in (end - 1, end - 2):  # "…," / "…,'' said"
            if (
                close >= 0
                and close in self.closing
                and not self.text[close + 1 : end].strip("'")
            ):
                return strip(self.text, self.closing[close] + 1, close, " \t\n"), True
        span = strip(self.text, lo, end)
        if len(words(self.text, *span)) < MIN_CONTENT_WORDS:
            return None
        return span, False
