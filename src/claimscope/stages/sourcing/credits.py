"""Who the article credits (docs/sourcing.md): credit lines and brackets naming the outlets
the whole article comes from, outlets a sentence credits without an attribution, and, when
nobody is credited, the author or outlet a byline names, or the body that issued a press
release."""

from __future__ import annotations

import re

from ...outlets import cues
from .names import RELAY_REACH, Source, _name_after, headline_end
from .reading import Reading

CREDIT_EVIDENCE = {"source_line": "credit_line", "agency_tag": "byline", "dateline": "dateline"}
CREDIT_WORDS = 8  # a sentence after the claim this short that names an outlet credits the claim to it
HEADER_WORDS = 15  # a line this short before the claim may be a byline
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class Credits(Reading):
    """The outlets credited with the article or the claim, and the byline."""

    def _credits(self) -> list[Source]:
        ranked = []
        headline = headline_end(self.text)
        for f in self.doc.findings:
            if f.kind != "credit_line" or f.start < headline:
                continue  # a headline ("…, says X") adds no source
            evidence = CREDIT_EVIDENCE.get(f.label or "", "credit_line")
            inside = [m for m in self.names.within(f.start, f.end) if m.is_outlet]
            value = re.split(r"\s*[/,;]\s*|\s+[|·•]\s+", (f.value or "").strip())[0]  # "X / Y": X first
            if not inside and value and (any(c.isupper() for c in value) or "." in value) \
                    and not self._vague(value, f.start):
                at = self.text.find(value, f.start, f.end)
                inside = [Source(value, *((at, at + len(value)) if at >= 0 else (f.start, f.end)), evidence,
                                 is_outlet=True)]
            # no name ("source: compiled", "Agencies"): the line credits no one
            for src in inside[:1]:  # "TASS/AFP": the first carried it; the others are hops only when the text relays them
                ranked.append((0 if evidence == "credit_line" else 1, src.start,
                               Source(src.name, src.start, src.end, evidence, src.outlet, src.domain, is_outlet=True)))
        for src in self._bracket_credits():
            ranked.append((0, src.start, src))
        return [s for _, _, s in sorted(ranked, key=lambda r: (r[0], r[1]))]

    def _vague(self, value: str, pos: int) -> bool:
        """Does a credit name no one: only determiners, coordinators and outlet nouns, in any
        inflection ("Agencies", "Agenturen", "agencias y redacción")?"""
        lang = self.lang(pos)
        table = cues.table(lang) if lang in cues.languages() else {"coordinators": [], "outlet_nouns": []}
        stop = cues.stopwords(lang) | {w.casefold() for w in table["coordinators"]}
        nouns = {w.rstrip("*").casefold()[:5] for w in table["outlet_nouns"]}
        words = [w.casefold() for w in re.findall(r"\w+", value)]
        return bool(words) and all(w in stop or w[:5] in nouns for w in words)

    def _bracket_credits(self) -> list[Source]:
        """Outlets credited in brackets: "(ANSA)", "(Theo RIA, Reuters)", "(Source: x.com,
        translated)": a bracket naming registry outlets or domains and little else."""
        out = []
        for m in re.finditer(r"\(([^()\n]{2,80})\)", self.text):
            named = [n for n in self.names.within(m.start(1), m.end(1)) if n.outlet or n.domain]
            rest = self.text[m.start(1):m.end(1)]
            for n in reversed(named):
                rest = rest[:n.start - m.start(1)] + rest[n.end - m.start(1):]
            if named and len(rest.split()) <= 4 and not self._inside_sentence_of_claim(m.start()) \
                    and m.start() >= headline_end(self.text):
                out += [Source(n.name, n.start, n.end, "credit_line", n.outlet, n.domain, is_outlet=True)
                        for n in named[:1]]
        return out

    def _inside_sentence_of_claim(self, pos: int) -> bool:
        if self.claim is None:
            return False
        claim = self.doc.sentences[self.claim]
        return claim.start <= pos < claim.end

    def _credited_in(self, sent, speakers: list[Source]) -> list[Source]:
        """Outlets a sentence credits without an attribution the earlier stage found
        ("…, сообщает ТАСС"): registry or introduced names that no relay cue points to, nor
        a speaker phrase past its head, unbracketed ("X, which sells the Y vaccine, says …"
        credits no Y)."""
        relay_ends = [(c.start(), c.end()) for c in self.relay_cues(sent)]
        clauses = [(a.speaker_start, a.speaker_end) for a in self.doc.attributions if a.speaker_start is not None
                   and sent.start <= a.speaker_start < sent.end]
        out = []
        for m in self.names.within(sent.start, sent.end):
            if m.outlet is None and m.domain is None and m.evidence != "introduced":
                continue
            if self.text[:m.start].rstrip()[-1:] != "(" and any(
                    s < m.start and m.end <= e and re.search(r"[,(]", self.text[s:m.start]) for s, e in clauses):
                continue  # not "(Lusa)" in a dateline the earlier stage read into a speaker
            if any(e <= m.start <= e + RELAY_REACH and "," not in self.text[e:m.start] and self._after_source(c)
                   for c, e in relay_ends):
                continue
            if not any(sp.same(m) for sp in speakers):
                out.append(Source(m.name, m.start, m.end, "mention", m.outlet, m.domain, is_outlet=m.is_outlet))
        return out[:1]  # "X and Y, citing Z": the first stands for the parallel relays

    def _credited_after(self, sentence) -> list[Source]:
        """An outlet a short sentence right after the claim's credits with it ("This was
        reported by X.", "Об этом сообщает X.", "Lo riferisce X."): it carried the claim."""
        i = self.doc.sentences.index(sentence) + 1
        if i >= len(self.doc.sentences):
            return []
        nxt = self.doc.sentences[i]
        if nxt.paragraph != sentence.paragraph or len(self.text[nxt.start:nxt.end].split()) > CREDIT_WORDS:
            return []
        return [Source(m.name, m.start, m.end, "mention", m.outlet, m.domain, is_outlet=True)
                for m in self.names.within(nxt.start, nxt.end) if m.is_outlet and (m.outlet or m.domain)][:1]

    def _byline(self) -> Source | None:
        """The author a byline before the claim names ("By X", "Posted on … by X", "Von X |
        Outlet": two capitalised words or more, a person's name; a byline word inside a place
        name, "Castel di Sopra", names no author), else a registry outlet named on such a
        header line."""
        end = self.doc.sentences[self.claim].start
        first = self.text.find("\n") + 1  # the headline names no author
        for line in re.finditer(r"[^\n]+", self.text[first:end]):
            start, stop = first + line.start(), first + line.end()
            if start >= end:
                break
            if len(line.group().split()) > HEADER_WORDS:
                continue
            for cue in cues.find("byline_cues", self.text, self.lang(start), start, min(stop, end)):
                span = _name_after(self.text, cue.end(), min(stop, end))
                name = self.text[span[0]:span[1]] if span else ""
                if name[:1].isupper() and len(name.split()) >= 2:  # a person's name, not "… di Sopra"
                    return Source(name, *span, "byline")
            outlet = next((m for m in self.names.within(start, stop) if m.outlet), None)
            if outlet is not None:
                return Source(outlet.name, outlet.start, outlet.end, "byline", outlet.outlet, outlet.domain,
                              is_outlet=True)
        return None

    def _issuer(self) -> Source | None:
        """The body a press release comes from, when a ``press_release`` cue is on a line that
        is no running text (it ends on no sentence punctuation: the header, "PRESS RELEASE",
        the closing "Press contact: …"): the name, from a capitalised word to a capitalised
        word, that the claim sentence shares with the most such lines, the longest, else the
        one two such lines or more share; written with the name it stands in brackets after
        ("Valley Water Board (VWB)")."""
        claim = self.doc.sentences[self.claim]
        lines = [m for m in re.finditer(r"[^\n]+", self.text)
                 if not re.search(r"[.!?…]\W*$", m.group()) and not m.start() <= claim.start < m.end()]
        lang = self.lang(claim.start)
        if not any(cues.find("press_release", self.text, lang, m.start(), m.end()) for m in lines):
            return None
        held = [" " + " ".join(w.casefold() for w in _WORD.findall(m.group())) + " " for m in lines]
        stop = cues.stopwords(lang)
        span = self._shared(list(_WORD.finditer(self.text, claim.start, claim.end)), held, 1, stop)
        if span is None:  # the claim names no one the lines name: what the lines share
            found = [self._shared(list(_WORD.finditer(self.text, m.start(), m.end())), held, 2, stop) for m in lines]
            span = max((f for f in found if f is not None), key=lambda f: f[0], default=None)
        if span is None:
            return None
        _, start, end = span
        before = self._named_before(start - 1) if self.text[start - 1:start] + self.text[end:end + 1] == "()" else None
        if before is not None:
            start, end = before, end + 1  # "Valley Water Board (VWB)"
        return Source(self.text[start:end], start, end, "mention")

    @staticmethod
    def _shared(words: list, held: list[str], least: int, stop) -> tuple[tuple[int, int], int, int] | None:
        """Of the runs of ``words`` from a capitalised word to a capitalised word, the one the
        most of ``held`` (at least ``least``) hold, then the longest: ((count, length), start, end)."""
        folded = [w.group().casefold() for w in words]
        best = None
        for i, w in enumerate(words):
            if not w.group()[:1].isupper() or folded[i] in stop:
                continue
            for j in range(i, len(words)):
                if not words[j].group()[:1].isupper():
                    continue
                count = sum(" " + " ".join(folded[i:j + 1]) + " " in line for line in held)
                if count >= least and (best is None or (count, j - i) > best[0]):
                    best = ((count, j - i), w.start(), words[j].end())
        return best

    def _named_before(self, bracket: int) -> int | None:
        """Where the name a bracket follows starts ("Valley Water Board (VWB)"): its capitalised
        words, lower-case joiners of up to three letters between them, in its clause."""
        clause = max(self.text.rfind(c, 0, bracket) for c in ",;:.!?\n–—") + 1
        start = None
        for w in reversed(list(_WORD.finditer(self.text, clause, bracket))):
            if w.group()[:1].isupper():
                start = w.start()
            elif not (w.group().islower() and len(w.group()) <= 3 and start is not None):
                break
        return start
