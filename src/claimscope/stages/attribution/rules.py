"""Rule-based attribution spans for one sentence, driven by a language table.

Three kinds of cue are found: reporting verbs ("a déclaré", "said", "заявил"),
prepositions whose object is the speaker ("selon", "according to", "theo") and
postpositions ("zufolge"). Around each cue the rules look for the speaker (the
noun phrase before the cue, or after it in an inversion "..., said X") and the
content (what follows the cue up to the end of the sentence, or the clause or
quotation before it). Quotations may run over several sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .tables import Table

WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
OPENING = {"«": "»", "“": "”", "„": "“”", "\"": "\"", "‘": "’", "‚": "‘’"}
QUOTE_MARK = re.compile(r"''|[«»“”„‚\"‘’]")
CLOSING = set("»”“\"’‘")
BOUNDARY = set(",;:()[]«»\"“”„—–\n!?")
EDGE = " \t\n,;:.!?—–-"
QUOTE_EDGE = EDGE + "«»\"“”„‚‘’"
MAX_SPEAKER_WORDS = 10
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True)
class Raw:
    """An attribution before entities and nesting are resolved."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int]
    direct: bool
    parts: tuple[tuple[int, int], ...] = ()


def _opens(text: str, i: int, width: int) -> bool:
    """Whether the straight quote at ``i`` can open: after a space or bracket, before text."""
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def find_quotes(text: str) -> dict[int, int]:
    """Opening-quote offset -> closing-quote offset for every closed quotation.

    A quotation never runs over a blank line; straight quotes ("…" and ''…'') open
    only after a space and close only after text, so one stray mark does not shift
    every later pair.
    """
    marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text)]
    quotes: dict[int, int] = {}
    k = 0
    while k < len(marks):
        i, mark = marks[k]
        straight = mark in ("\"", "''")
        closers = "''" if mark == "''" else OPENING.get(mark)
        if closers is None or (straight and not _opens(text, i, len(mark))):
            k += 1
            continue
        limit = text.find("\n\n", i)
        limit = len(text) if limit < 0 else limit
        j, closed = k + 1, False
        while j < len(marks) and marks[j][0] < limit:
            pos, other = marks[j]
            if not straight and other == mark:  # reopened before closing: not a quotation
                break
            if len(other) == len(mark) and other in closers and (not straight or not text[pos - 1].isspace()):
                closed = True
                break
            j += 1
        if closed:
            quotes[i + len(mark) - 1] = marks[j][0]
            k = j + 1
        else:
            k = j if j < len(marks) and marks[j][0] < limit else k + 1
    return quotes


def strip(text: str, start: int, end: int, chars: str = EDGE) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def words(text: str, start: int, end: int) -> list[re.Match]:
    return list(WORD.finditer(text, start, end))


class SentenceRules:
    """Applies one table to the sentences of one text."""

    def __init__(self, text: str, table: Table, quotes: dict[int, int]):
        self.text, self.t, self.quotes = text, table, quotes
        self.closing = {close: open_ for open_, close in quotes.items()}
        self.opens = sorted(quotes)

    def enclosing(self, pos: int) -> tuple[int, int] | None:
        """The quotation (open, close) around ``pos``, if any."""
        k = bisect.bisect_left(self.opens, pos) - 1
        if k >= 0 and self.quotes[self.opens[k]] > pos:
            return self.opens[k], self.quotes[self.opens[k]]
        return None

    # -- spans around a cue -------------------------------------------------
    def left_region(self, lo: int, hi: int, clauses: bool = True) -> int:
        """Start of the clause that ends at ``hi`` (after the last boundary in [lo, hi),
        and, with ``clauses``, after the last clause-breaking word)."""
        start, i = lo, hi - 1
        while i >= lo:
            if self.text[i] == ")":  # a short parenthesis belongs to the phrase: "Fallin (R-OK)"
                opening = self.text.rfind("(", lo, i)
                if 0 <= opening and i - opening <= 40:
                    i = opening - 1
                    continue
            if self.text[i] in BOUNDARY:
                start = i + 1
                break
            i -= 1
        if not clauses:
            return start
        for m in self.t.clause_break.finditer(self.text, start, hi):
            start = max(start, m.end())
        for m in self.t.coordinator.finditer(self.text, start, hi):
            if all(w.group().lower() in self.t.trim for w in words(self.text, m.end(), hi)):
                start = max(start, m.end())  # "Hayek confirmed it and said": no subject here
        return start

    def right_region(self, lo: int, hi: int) -> int:
        """End of the noun phrase that starts at ``lo`` (first boundary or stop word)."""
        lo, end = strip(self.text, lo, hi, " \t\n")[0], hi
        for i in range(lo, hi):
            if self.text[i] in BOUNDARY:
                end = i
                break
        for pattern in (self.t.speaker_stop, self.t.clause_break):
            m = pattern.search(self.text, lo, end)
            if m and m.start() > lo:
                end = m.start()
        cue = self.first_cue(lo + 1, end)
        return cue.start() if cue else end

    def trim_speaker(self, start: int, end: int, after: bool = False) -> tuple[int, int] | None:
        """The noun phrase in [start, end) without edge adverbs and auxiliaries,
        at most MAX_SPEAKER_WORDS words nearest the cue."""
        toks = words(self.text, start, end)
        while toks and toks[0].group().lower() in self.t.trim_leading:
            toks.pop(0)
        while toks and toks[-1].group().lower() in self.t.trim:
            toks.pop()
        if not toks:
            return None
        toks = toks[:MAX_SPEAKER_WORDS] if after else toks[-MAX_SPEAKER_WORDS:]
        if not after:  # "Le ministère en début de semaine a dit": drop a short trailing adverbial
            for k in range(max(1, len(toks) - 3), len(toks)):
                if self.t.speaker_stop.fullmatch(toks[k].group()):
                    toks = toks[:k]
                    break
        start, end = toks[0].start(), toks[-1].end()
        if end < len(self.text) and self.text[end] in CLOSING and end in self.closing:
            end += 1
        if start > 0 and start - 1 in self.quotes and self.quotes[start - 1] < end:
            start -= 1
        m = self.t.speaker_prefix.match(self.text, start, end)
        if m and m.group() and m.end() < end:
            start = m.end()
        return start, end

    def looks_like_speaker(self, span: tuple[int, int] | None) -> bool:
        """Whether a span after a cue can be a subject (inversion): a determiner,
        pronoun, title, capitalised word or anonymous phrase starts it."""
        if span is None:
            return False
        first = WORD.match(self.text, span[0])
        if first is None:
            return False
        word = first.group()
        head = re.split(r"['’]", word.lower())[0] + ("'" if re.search(r"['’]", word) else "")
        return (
            not self.t.determiners
            or word[0].isupper()
            or word.lower() in self.t.determiners | self.t.pronouns | self.t.titles
            or head in self.t.determiners
            or bool(self.t.anonymous.search(self.text, span[0], span[1]))
        )

    def has_subject_marker(self, span: tuple[int, int]) -> bool:
        """For verb-second tables: does a pre-verbal span hold a noun phrase?"""
        toks = [m.group() for m in words(self.text, *span)]
        lowered = {w.lower() for w in toks}
        return bool(lowered & (self.t.determiners | self.t.pronouns | self.t.titles)) or any(
            w[0].isupper() for w in toks[1:]
        ) or bool(self.t.anonymous.search(self.text, *span))

    def quote_after(self, pos: int, hi: int) -> tuple[int, int] | None:
        """The quotation opening at ``pos`` (skipping spaces), if any."""
        while pos < hi and self.text[pos].isspace():
            pos += 1
        close = self.quotes.get(pos)
        return strip(self.text, pos + 1, close, " \t\n") if close is not None else None

    def content_after(self, pos: int, hi: int, stop_ok: bool = False, clause: bool = True) -> tuple[tuple[int, int], bool] | None:
        """Content that follows a cue: a colon, a quotation, a complementizer clause
        or the rest of the sentence (None when only "in a statement" follows,
        unless ``stop_ok``)."""
        start, _ = strip(self.text, pos, hi, " \t\n")
        stop = self.t.speaker_stop.match(self.text, start, hi)
        if not stop_ok and stop and self.text[self.right_region(stop.end(), hi):hi].strip(EDGE) == "":
            return None
        comma = self.text[start:start + 1] == ","
        colon = self.text.find(":", start, hi)
        if colon >= 0 and len(words(self.text, start, colon)) <= 4 and not any(
            c in BOUNDARY for c in self.text[start:colon]
        ):  # "wrote on Twitter: ..."
            start = colon + 1
        start, _ = strip(self.text, start, hi, " \t\n,:")
        quote = self.quote_after(start, hi)
        if quote:
            return quote, True
        if comma and not (self.t.comma_content or self.t.complementizer.match(self.text, start, hi)):
            return None  # "X said, adding that ...": the content is not after the comma
        comp = self.t.complementizer.search(self.text, start, hi) if clause else None
        if comp and len(words(self.text, start, comp.start())) <= 6 and not any(
            c in BOUNDARY for c in self.text[start:comp.start()]
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

    def clause_end(self, start: int, hi: int) -> int:
        """Where a content starting at ``start`` ends: before the clause of the next
        reporting verb ("A said X, but B said Y"), else at ``hi``."""
        nxt = self.first_cue(start, hi)
        if nxt is None:
            return hi
        cut = max(self.text.rfind(c, start, nxt.start()) for c in ",;:")
        for m in self.t.coordinator.finditer(self.text, start, nxt.start()):
            if not words(self.text, m.end(), nxt.start()):  # "… and said …"
                cut = max(cut, m.start())
        return cut if cut > start else hi

    def content_before(self, lo: int, end: int) -> tuple[tuple[int, int], bool] | None:
        """Content that precedes a cue: the quotation or clause before it."""
        _, end = strip(self.text, lo, end, " \t\n,—–-")
        for close in (end - 1, end - 2):  # "…," / "…,'' said"
            if close >= 0 and close in self.closing and not self.text[close + 1:end].strip("'"):
                return strip(self.text, self.closing[close] + 1, close, " \t\n"), True
        span = strip(self.text, lo, end)
        if len(words(self.text, *span)) < MIN_CONTENT_WORDS:
            return None
        return span, False

    # -- the three cue kinds ------------------------------------------------
    def inverted_speaker(self, cue: re.Match, hi: int) -> tuple[int, int] | None:
        """The subject after the cue ("..., said the minister in a statement"):
        a short noun phrase that ends the clause."""
        before = self.text[:cue.start()].rstrip()
        if self.t.no_inversion.search(cue.group()) or (
            before and before[-1] not in BOUNDARY and not self.t.v2
        ):
            return None  # "…, but told the Post" is no inversion; "…," / "« … »," may be
        end = self.right_region(cue.end(), hi)
        span = self.trim_speaker(cue.end(), end, after=True)
        if not self.looks_like_speaker(span) or len(words(self.text, *span)) > 6:
            return None
        rest = self.text[end:hi].strip(EDGE)
        if rest and not (self.text[end] in BOUNDARY or self.t.speaker_stop.match(self.text, end, hi)):
            return None
        if self.text[end:end + 1] == ",":  # "..., said the director, Marc Blanc."
            tail_end = self.right_region(end + 1, hi)
            tail = self.trim_speaker(end + 1, tail_end, after=True)
            if tail and self.text[tail[0]].isupper() and len(words(self.text, *tail)) <= 4 \
                    and not self.text[tail_end:hi].strip(EDGE):
                span = (span[0], tail[1])
        return span

    def main_speaker(self, raw: Raw, found: list[Raw], lo: int) -> tuple[int, int] | None:
        """Speaker of a cue with no subject of its own ("X denied it, calling …",
        "Conceding that …, he warned"): the speaker of the sentence's previous
        attribution, else of its next one, else the sentence's subject."""
        earlier = [r for r in found if r.cue[1] <= raw.cue[0] and r.speaker]
        later = [r for r in found if r.cue[0] >= raw.cue[1] and r.speaker]
        if earlier:
            return max(earlier, key=lambda r: r.cue).speaker
        if later:
            return min(later, key=lambda r: r.cue).speaker
        return self.subject(lo, raw.cue[0])

    def subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        """The sentence's opening pronoun or run of capitalised words, if any
        (after an opening quotation, and not a participle such as "Speaking")."""
        if lo in self.quotes:
            lo = self.quotes[lo] + 1
        toks = words(self.text, lo, pos)
        if not toks or toks[-1].end() == pos:
            return None
        if toks[0].group().lower() in self.t.pronouns:
            return toks[0].span()
        run = []
        for tok in toks:
            if not (tok.group()[0].isupper() or tok.group().lower() in self.t.titles):
                break
            run.append(tok)
        first = run[0].group() if run else ""
        if not run or first.lower() in self.t.trim or self.t.no_inversion.search(first) or any(
            p.fullmatch(first) for p in (self.t.speaker_stop, self.t.clause_break, self.t.preposition)
        ):
            return None
        if len(run) == 1 and first.lower() in self.t.determiners:
            return None
        return run[0].start(), run[-1].end()

    def appositive(self, lo: int, pos: int) -> tuple[int, int] | None:
        """"The mayor, Paul Martin, said": the noun phrase and its apposition
        before a comma that ends right before the cue."""
        _, comma = strip(self.text, lo, pos, " \t\n")
        if comma <= lo or self.text[comma - 1] != ",":
            return None
        start1 = self.left_region(lo, comma - 1, clauses=False)  # "…, a Republican who voted …,"
        second = self.trim_speaker(start1, comma - 1)
        _, comma0 = strip(self.text, lo, start1, " \t\n")
        if second is None or comma0 <= lo or self.text[comma0 - 1] != ",":
            return None
        first = self.trim_speaker(self.left_region(lo, comma0 - 1), comma0 - 1)
        if first is None or len(words(self.text, first[0], second[1])) > 16 or not self.looks_like_speaker(first):
            return None
        return first[0], second[1]

    def passive_agent(self, cue: re.Match, lo: int, hi: int) -> tuple[int, int] | None | bool:
        """For "X was criticized by Y": the agent span (or None); False when not passive."""
        before = words(self.text, lo, cue.start())
        if not before or before[-1].group().lower() not in self.t.passive or self.t.no_inversion.search(cue.group()):
            return False  # "is calling for" is progressive, not passive
        agent = self.t.agent.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi)
        if agent is None:
            return None
        return self.trim_speaker(agent.end(), self.right_region(agent.end(), hi), after=True)

    def verb(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        text = self.text
        left = self.left_region(lo, cue.start())
        agent = self.passive_agent(cue, left, hi)
        if agent is not False:
            found = self.content_after(agent[1] if agent else cue.end(), hi)
            return Raw((cue.start(), cue.end()), agent, *found) if found else None
        before = self.trim_speaker(left, cue.start()) or self.appositive(lo, cue.start())
        if before and self.t.v2 and self.t.preposition.search(text, left, cue.start()):
            before = None  # "Laut X sagte Y": the subject follows the verb
        lead = words(text, lo, left)
        if before and lead and lead[-1].group().lower() in self.t.as_clause:
            comma = text.find(",", cue.end(), hi)  # "As X said, <content>"
            found = self.content_after(comma + 1, hi) if comma >= 0 else None
            return Raw((cue.start(), cue.end()), before, *found) if found else None
        inverted = before is None or (self.t.v2 and not self.has_subject_marker(before))
        after = self.inverted_speaker(cue, hi) if inverted else None
        if after is not None:
            speaker = after
        elif before is not None:
            speaker, inverted = before, False
        else:
            speaker, inverted = None, False
        found = None
        if not inverted:
            found = self.content_after(cue.end(), hi)
        if found is None:
            found = self.content_before(lo, speaker[0] if speaker and not inverted else left)
        if found is None and inverted:
            found = self.content_after(speaker[1], hi)
        if found is None and not inverted:
            found = self.content_after(cue.end(), hi, stop_ok=True)
        if found is None:
            return None
        (content, direct), parts = found, ()
        if not inverted and direct and speaker:  # "« A », X said, « B »"
            first = self.content_before(lo, speaker[0])
            if first and first[1] and first[0][1] < content[0]:
                parts = (first[0], content)
                content = (first[0][0], content[1])
        if inverted and direct:
            more = self.quote_after(strip(text, speaker[1], hi, " ,")[0], len(text))
            if more and more[0] - speaker[1] <= 4:
                parts = (content, more)
                content = (content[0], more[1])
        return Raw((cue.start(), cue.end()), speaker, content, direct, parts)

    def short_phrase(self, span: tuple[int, int]) -> tuple[int, int]:
        """The name at the start of ``span`` (its capitalised words), else its first two
        words; the whole span when it is that short already."""
        toks = words(self.text, *span)
        run = []
        for tok in toks:
            if not tok.group()[0].isupper():
                break
            run.append(tok)
        keep = run or toks[:2]
        return (keep[0].start(), keep[-1].end()) if len(keep) < len(toks) else span

    def preposition(self, cue: re.Match, lo: int, hi: int, credit: tuple[int, int] | None) -> Raw | None:
        end = self.right_region(cue.end(), hi)
        if end < hi and end in self.quotes and self.quotes[end] < hi:  # "по данным газеты «Утро»"
            end = self.quotes[end] + 1
        speaker = self.trim_speaker(cue.end(), end, after=True)
        if speaker is None:
            return None
        if not self.text[speaker[1]:hi].strip(EDGE) and not self.text[lo:cue.start()].strip(EDGE):
            speaker = self.short_phrase(speaker)  # "Według Nowak liczba zakażeń wzrosła": no comma
        followed_by_comma = self.text[speaker[1]:hi].lstrip().startswith(",")
        if cue.group().lower() in self.t.raw.get("weak_prepositions", []) and not (
            followed_by_comma or self.looks_like_speaker(speaker)
        ):
            return None
        before = self.content_before(lo, cue.start())
        if before and len(words(self.text, *before[0])) >= 3:
            return Raw((cue.start(), cue.end()), speaker, *before)
        found = self.content_after(strip(self.text, speaker[1], hi, " ,")[0], hi, stop_ok=True, clause=False)
        alone = not self.text[lo:cue.start()].strip(EDGE) and not self.text[speaker[1]:hi].strip(EDGE)
        if found is None and alone and credit is not None:
            found = credit, False  # a credit line ("Selon X") stands for the text above it
        return Raw((cue.start(), cue.end()), speaker, *found) if found else None

    def postposition(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        speaker = self.trim_speaker(self.left_region(lo, cue.start()), cue.start())
        found = self.content_after(cue.end(), hi, stop_ok=True)
        if speaker is None or found is None:
            return None
        return Raw((cue.start(), cue.end()), speaker, found[0], found[1])

    def weak_ok(self, cue: re.Match, hi: int) -> bool:
        """A weak verb counts only before a complementizer, a colon or a quotation."""
        pos = cue.end()
        while pos < hi and self.text[pos] in " ,":
            pos += 1
        if pos < hi and (self.text[pos] == ":" or self.text[pos] in OPENING):
            return True
        nxt = WORD.match(self.text, pos, hi)
        return self.t.complementizer.match(self.text, pos, hi) is not None or bool(
            nxt and nxt.group().lower() in self.t.clause_starters
        )

    def colon(self, pos: int, lo: int, hi: int) -> Raw | None:
        """"Sanders: « … »" / "CNN chief Jeff Zucker: …": a short speaker phrase, a colon,
        then the content (headlines, interviews, transcripts)."""
        if self.text[pos + 1:pos + 3] == "//" or (pos + 1 < hi and self.text[pos + 1].isdigit()):
            return None
        left = self.left_region(lo, pos)
        speaker = self.trim_speaker(left, pos)
        toks = words(self.text, *speaker) if speaker else []
        if not toks or len(toks) > 6 or toks[0].group().lower() in self.t.determiners:
            return None
        if self.t.determiners and not toks[-1].group()[0].isupper():
            return None  # a name ends with a capitalised word: "Sen. Bernie Sanders:"
        if self.first_cue(left, pos) or self.first_cue(left, pos, "prep"):
            return None
        found = self.content_after(pos + 1, hi, stop_ok=True)
        if found is None or (not found[1] and len(words(self.text, *found[0])) < 3):
            return None
        return Raw((pos, pos + 1), speaker, *found)

    def tokens(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """(start, lower-cased word) for the words of [lo, hi)."""
        return [(m.start(), m.group().lower().replace("’", "'")) for m in WORD.finditer(self.text, lo, hi)]

    def candidates(self, kind: str | None, pattern: re.Pattern, hi: int, toks: list[tuple[int, str]]):
        """Matches of ``pattern`` before ``hi``, tried only at words that can start one
        (every position for the generic patterns, ``kind`` None)."""
        if kind is None:
            yield from pattern.finditer(self.text, toks[0][0], hi) if toks else ()
            return
        starts = self.t.starts[kind]
        for start, word in toks:
            if word in starts or word.split("-")[0] in starts:
                match = pattern.match(self.text, start, hi)
                if match:
                    yield match

    def first_cue(self, lo: int, hi: int, kind: str = "verb") -> re.Match | None:
        """The first reporting-verb (or ``kind``) cue in [lo, hi)."""
        pattern = self.t.preposition if kind == "prep" else self.t.cue
        return next(self.candidates(kind, pattern, hi, self.tokens(lo, hi)), None)

    def sentence(self, lo: int, hi: int, credit: tuple[int, int] | None) -> list[Raw]:
        """Every attribution whose cue lies in the sentence [lo, hi)."""
        found: list[Raw] = []
        taken: list[tuple[int, int]] = []
        lo0, hi0 = lo, hi
        toks = self.tokens(lo, hi)

        def free(m: re.Match) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in taken)

        for kind, starts, pattern in (
            ("prep", "prep", self.t.preposition), ("post", "post", self.t.postposition),
            ("verb", "verb", self.t.cue), ("weak", "weak", self.t.weak_cue),
            ("verb", None, self.t.generic_cue),
        ):
            for cue in self.candidates(starts, pattern, hi0, toks):
                quote = self.enclosing(cue.start())
                if quote:  # a cue inside a quotation: its clause ends with the quotation
                    lo, hi = max(lo0, quote[0] + 1), min(hi0, quote[1])
                else:
                    lo, hi = lo0, hi0
                if not free(cue) or (kind == "weak" and not self.weak_ok(cue, hi)):
                    continue
                if kind == "prep":
                    raw = self.preposition(cue, lo, hi, credit)
                elif kind == "post":
                    raw = self.postposition(cue, lo, hi)
                else:
                    raw = self.verb(cue, lo, hi)
                if raw is not None:
                    found.append(raw)
                    taken.append(raw.cue)
        for k, raw in enumerate(found):
            if raw.speaker is None:
                found[k] = replace(raw, speaker=self.main_speaker(raw, found, lo0))
        if self.t.colon_cue:
            for pos in (i for i in range(lo0, hi0) if self.text[i] == ":"):
                raw = self.colon(pos, lo0, hi0)
                if raw is not None and all(not (a <= pos < b) for a, b in (r.content for r in found)):
                    found.append(raw)
        return found
