"""Stage ``sourcing``: the main claim, its sourcing chain, independent sources, flags, triage.

Needs sentences, language, traces (credit lines, translation damage), attributions and
claims; provides ``sourcing``. See docs/sourcing.md. The chain logic lives here, in reading
order: the main claim → the attributions it rests on → the outlets credited or relayed →
the origin. The outlet package only answers "which outlet is this name or domain".
Outlet ratings come from the ratings database the user imported into (``claimscope
outlets import``), when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Attribution, Document, Hop, Rating, SourceChain
from ..outlets import cues
from ..outlets.flags import flags, triage
from ..outlets.mentions import Mention, MentionFinder, default_finder, fold
from ..outlets.ratings import RatingsDB
from ..outlets.registry import Outlet, normalize_host
from ..outlets.speakers import group
from ..pipeline import stage_tag

CREDIT_EVIDENCE = {"source_line": "credit_line", "agency_tag": "byline", "dateline": "dateline"}
LEAD_MARGIN = 0.15  # a later lead sentence this much more check-worthy than the first is the main claim
RELAY_REACH = 60  # characters between a relay cue and the source it names
FOLLOW_PARAGRAPHS = 3  # how far past the main claim relays of its sources are followed
PEOPLE_PARAGRAPHS = 1  # an outlet's origin is looked for this many paragraphs past its sentence
CORROBORATION_PARAGRAPHS = 1  # first-hand claims: speakers this far past the claim corroborate it
PLATFORMS = frozenset("facebook twitter x telegram whatsapp zalo viber youtube tiktok instagram vk vkontakte "
                      "odnoklassniki weibo wechat line signal reddit".split())  # where sources post, not sources
_TERMINAL = ".!?…»\"”“'’)"
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"\n]{2,60})[»“”\"]")
_NAME_WORD = re.compile(r"[\w.-]+")


@dataclass
class Source:
    """A person, body, outlet, account or document the text names as a source."""

    name: str
    start: int
    end: int
    evidence: str
    outlet: Outlet | None = None
    domain: str | None = None
    anonymous: bool = False
    is_outlet: bool = False
    attribution: int | None = None

    def same(self, other: "Source") -> bool:
        if self.outlet and other.outlet:
            return self.outlet.id == other.outlet.id
        return _same_name(self.name, other.name) or bool(
            self.domain and other.domain and self.domain == other.domain)

    def hop(self, ratings: tuple[Rating, ...] = (), lang: str | None = None) -> Hop:
        o = self.outlet
        return Hop(kind="outlet" if self.is_outlet else "speaker", name=_bare(self.name, lang), start=self.start, end=self.end,
                   evidence=self.evidence, outlet_id=o.id if o else None,
                   domain=self.domain or (o.domains[0] if o and o.domains else None),
                   ownership=o.ownership if o else None, country=o.country if o else None,
                   anonymous=self.anonymous, attribution=self.attribution, ratings=ratings)


def _bare(name: str, lang: str | None) -> str:
    """A proper name without its leading determiners ("Il Consiglio" → "Consiglio")."""
    stop = cues.stopwords(lang)
    words = name.split()
    while len(words) > 1 and words[0].casefold() in stop and words[1][:1].isupper():
        words.pop(0)
    return " ".join(words)


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(name.casefold())[0]) if w not in ("www", "com", "ru", "net", "org")]


def _same_name(a: str, b: str) -> bool:
    """One name's words, in order, inside the other's ("TruthWire" = "TruthWire Daily")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    short, long_ = sorted((wa, wb), key=len)
    it = iter(long_)
    return all(w in it for w in short)


# --- the main claim ------------------------------------------------------------------

def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:len(text) if end < 0 else end].strip()


def body_sentences(doc: Document) -> list[int]:
    """Sentences of the running text: not the headline line, not a short or unpunctuated
    line (byline, dateline, subheading), not boilerplate or a credit line, not a question."""
    text = doc.text
    skip = [(f.start, f.end) for f in doc.findings if f.kind in ("boilerplate", "credit_line")]
    headline_end = text.find("\n") if "\n" in text.strip() else -1
    out = []
    for i, s in enumerate(doc.sentences):
        line = _line(text, s.start)
        sentence = text[s.start:s.end].strip()
        if s.start < headline_end or len(line.split()) < 10 or line[-1] not in _TERMINAL or " | " in line:
            continue
        if sentence.endswith("?") or len(sentence.split()) < 5:
            continue
        if not any(a <= s.start and s.end <= b for a, b in skip):
            out.append(i)
    return out


def main_claim(doc: Document) -> int | None:
    """The sentence carrying the central claim: in the first body paragraph with a
    check-worthy sentence, its first check-worthy sentence unless a later one there scores
    clearly higher (by more than ``LEAD_MARGIN``); the first body sentence when none is
    check-worthy; the headline when there is no body."""
    claims = {c.sentence: c for c in doc.claims if c.checkworthy}
    body = body_sentences(doc)
    worthy = [i for i in body if i in claims]
    if not worthy:
        return body[0] if body else (0 if doc.sentences else None)
    paragraph = [i for i in worthy if doc.sentences[i].paragraph == doc.sentences[worthy[0]].paragraph]
    best = max(claims[i].score for i in paragraph)
    return next(i for i in paragraph if claims[i].score >= best - LEAD_MARGIN)


# --- names of sources ----------------------------------------------------------------

class Names:
    """Every source name in the text: registry outlets and domains, names introduced by an
    outlet noun ("the blog Xyz", "канал «Xyz»"), @handles, and later mentions of those."""

    def __init__(self, doc: Document, finder: MentionFinder):
        self.doc = doc
        text = doc.text
        skip = [(f.start, f.end) for f in doc.findings if f.kind == "boilerplate"]
        context = [(a.speaker_start, a.speaker_end) for a in doc.attributions if a.speaker_start is not None]
        context += [(f.start, f.end) for f in doc.findings if f.kind == "credit_line"] + _relay_windows(doc)
        found: list[Source] = []
        for m in finder.find(text, context):
            if not _inside(m.start, m.end, skip) and not _photo_credit(doc, m):
                found.append(self._registry(m, text))
        found += self._introduced(skip)
        found += [Source(m.group(), m.start(), m.end(), "introduced", is_outlet=True) for m in _HANDLE.finditer(text)]
        found += self._speakers([(a.speaker_start, a.speaker_end) for a in doc.attributions
                                 if a.speaker_start is not None], found)
        found += self._repeated(found)
        for s in found:
            if s.outlet is None and s.evidence == "introduced":
                inner = next((r for r in found if r.outlet and s.start <= r.start and r.end <= s.end), None)
                if inner is not None:
                    s.outlet = inner.outlet
        found.sort(key=lambda s: (s.start, -s.end))
        self.all: list[Source] = []
        for s in found:
            if not self.all or s.start >= self.all[-1].end:
                self.all.append(s)

    @staticmethod
    def _registry(m: Mention, text: str) -> Source:
        name = text[m.start:m.end]
        quoted = _QUOTED.search(text, max(0, m.start - 1), min(len(text), m.end + 40))
        outlet = m.outlet
        if quoted and quoted.start(1) <= m.start and m.end < quoted.end(1) and outlet:  # «Name Z» is another name
            name, outlet = quoted.group(1), None
            return Source(name, quoted.start(1), quoted.end(1), "introduced", is_outlet=True)
        return Source(name, m.start, m.end, "mention", outlet, m.domain, is_outlet=True)

    def _introduced(self, skip) -> list[Source]:
        """Names right after an outlet noun: a quoted name, else capitalised words."""
        text, out = self.doc.text, []
        for s in self.doc.sentences:
            for cue in cues.find("outlet_nouns", text, s.lang or self.doc.language, s.start, s.end):
                span = _name_after(text, cue.end(), s.end)
                if span and not _inside(*span, skip) and text[span[0]:span[1]].casefold() not in PLATFORMS:
                    out.append(Source(text[span[0]:span[1]], *span, "introduced", is_outlet=True))
        return out

    def _speakers(self, spans, found: list[Source]) -> list[Source]:
        """Speakers with a proper name ("Patriot Dispatch says…") that hold no outlet name."""
        text, out = self.doc.text, []
        for start, end in spans:
            said = text[start:end].strip()
            if len(said.split()) <= 4 and all(w[:1].isupper() for w in said.split()) and len(said) > 3 \
                    and not any(start <= f.start < end for f in found):
                out.append(Source(said, start, start + len(said), "speaker"))
        return out

    def _repeated(self, found: list[Source]) -> list[Source]:
        """Later mentions of an unregistered name introduced once."""
        text, out = self.doc.text, []
        for src in {s.name: s for s in found if s.outlet is None and not s.domain and len(s.name) > 3}.values():
            for m in re.finditer(rf"(?<!\w){re.escape(src.name)}(?!\w)", text):
                out.append(Source(src.name, m.start(), m.end(), src.evidence, is_outlet=src.is_outlet))
        return out

    def add(self, src: Source) -> None:
        """Register a source named after a relay cue, with its later mentions."""
        for m in re.finditer(rf"(?<!\w){re.escape(src.name)}(?!\w)", self.doc.text):
            if not any(s.start < m.end() and m.start() < s.end for s in self.all):
                self.all.append(Source(src.name, m.start(), m.end(), "introduced", is_outlet=True))
        self.all.sort(key=lambda s: s.start)

    def within(self, start: int, end: int) -> list[Source]:
        return [s for s in self.all if start <= s.start and s.end <= end]


def _name_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The name following an outlet noun: «quoted», or a run of capitalised words (with
    lower-case joiners like "de", "em" between them), after at most one lower-case word."""
    rest = text[pos:limit]
    lead = len(rest) - len(rest.lstrip(" :\u00a0"))
    quoted = _QUOTED.match(rest, lead)
    if quoted:
        return pos + quoted.start(1), pos + quoted.end(1)
    words = list(_NAME_WORD.finditer(rest, lead))
    start = end = None
    for i, w in enumerate(words[:8]):
        if i > 0 and rest[words[i - 1].end():w.start()].strip():
            break  # punctuation between words ends the name
        token = w.group().rstrip(".")
        capital = token[:1].isupper() or ("." in token and token[:1].isalnum())
        if capital:
            start = w.start() if start is None else start
            end = w.start() + len(token)
        elif start is None and i == 0 and token.islower():
            continue  # one adjective: "le portail russe X"
        elif start is not None and token.islower() and len(token) <= 3:
            continue  # a joiner: "Noticias de Occidente"
        else:
            break
    return (pos + start, pos + end) if start is not None else None


def _relay_windows(doc: Document) -> list[tuple[int, int]]:
    """Text around relay cues, where an ambiguous alias ("citing RT") names an outlet."""
    windows = []
    for sent in doc.sentences:
        for cue in cues.find("relay_cues", doc.text, sent.lang or doc.language, sent.start, sent.end):
            windows.append((max(sent.start, cue.start() - RELAY_REACH), min(sent.end, cue.end() + RELAY_REACH)))
    return windows


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _photo_credit(doc: Document, m: Mention) -> bool:
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    before = doc.text[max(line_start, m.start - 25):m.start]
    return any(before[hit.end():].strip(" :：-–—\u00a0") == "" for hit in cues.find("photo_credit", before))


# --- the chain -----------------------------------------------------------------------

class Chain:
    """The route of the main claim, built once per document."""

    def __init__(self, doc: Document, names: Names):
        self.doc, self.names = doc, names
        self.text = doc.text
        self.claim = main_claim(doc)
        self.hops: list[Source] = []
        self.circular: Source | None = None
        self.support: list[int] = []  # attributions the main claim rests on

    def lang(self, pos: int) -> str | None:
        return next((s.lang for s in self.doc.sentences if s.start <= pos < s.end and s.lang), self.doc.language)

    def build(self) -> "Chain":
        for credit in self._credits():
            self._add(credit)
        if self.claim is None:
            return self
        sentence = self.sourced = self._sourced_sentence()
        if sentence is None:
            if not self.hops:
                self._add_unnamed(self.doc.sentences[self.claim])
            return self
        self.support = self._usable_in(sentence) or self._usable_in(sentence, relaxed=True)
        speakers = [self._speaker(i) for i in self.support]
        outlets = [s for s in speakers if s.is_outlet] + self._credited_in(sentence, speakers)
        for src in sorted(outlets, key=self._outer_rank):
            self._add(src)
        if self.hops and not any(h.evidence in CREDIT_EVIDENCE.values() for h in self.hops):
            self._relayer()
        if self.hops and not self.hops[-1].anonymous:
            self._follow()
        if not self.circular and (not self.hops or self.hops[-1].is_outlet):
            relaxed = [self._speaker(i) for i in self._usable_in(sentence, relaxed=True) if i not in self.support]
            people = sorted((s for s in speakers if not s.is_outlet), key=lambda p: -self._coverage(p, sentence)) \
                or [s for s in relaxed if not s.is_outlet] or self._people_after(sentence)
            if people:
                self._add(people[0])
        return self

    def _coverage(self, src: Source, sentence) -> int:
        """How much of ``sentence`` the words credited to ``src`` cover."""
        a = self.doc.attributions[src.attribution]
        return max(0, min(a.content_end, sentence.end) - max(a.content_start, sentence.start))

    def _add_unnamed(self, sentence) -> None:
        """A claim resting on unnamed sources no attribution holds ("according to media
        reports", "selon des sources"): the anonymous phrase is its origin."""
        hit = next(iter(cues.find("anonymous_nouns", self.text, sentence.lang or self.doc.language,
                                  sentence.start, sentence.end)), None)
        if hit is None:
            return
        stop = re.search(r"[,;:.!?–—()«»\"“”„]", self.text[hit.start():sentence.end])
        end = hit.start() + (stop.start() if stop else sentence.end - hit.start())
        words = self.text[hit.start():end].split()
        name = " ".join(words if len(words) <= 5 else words[:1])
        self.hops.append(Source(name, hit.start(), hit.start() + len(name), "mention", anonymous=True))

    def _people_after(self, sentence) -> list[Source]:
        """When the outlets' sentence quotes no one: the first person or body quoted by
        name in the rest of its paragraph or the next one (whom the outlet quotes)."""
        doc = self.doc
        for s in doc.sentences:
            if s.start < sentence.end or s.paragraph > sentence.paragraph + PEOPLE_PARAGRAPHS:
                continue
            found = [src for src in map(self._speaker, self._usable_in(s)) if not src.is_outlet and not src.anonymous]
            if found:
                return found
        return []

    def _sourced_sentence(self):
        """The claim sentence when it names a source; else the first sentence after it, in
        its paragraph or the next, that does ("Selon X, …", "X, citing Y, …")."""
        doc = self.doc
        claim = doc.sentences[self.claim]
        for s in doc.sentences[self.claim:]:
            if s.paragraph > claim.paragraph + 1:
                break
            if self._usable_in(s) or self._credited_in(s, []):
                return s
        return claim if self._usable_in(claim, relaxed=True) else None

    def _usable_in(self, sent, relaxed: bool = False) -> list[int]:
        """Attributions with a usable speaker (any speaker when ``relaxed``) whose cue is in
        ``sent`` or, in the claim sentence, whose content covers it."""
        doc = self.doc
        return [i for i, a in enumerate(doc.attributions) if a.speaker_start is not None
                and not self._relay_cue(a)
                and (self._usable(a) if not relaxed else len(self.text[a.speaker_start:a.speaker_end].split()) >= 2)
                and (sent.start <= a.cue_start < sent.end or (sent is doc.sentences[self.claim]
                                                              and _covers(a, sent.start, sent.end)))]

    def _relay_cue(self, a: Attribution) -> bool:
        """A relay cue right after another source ("X, citing Y"): its speaker Y is relayed,
        reached by following X."""
        cue = self.text[a.cue_start:a.cue_end]
        relay = any(m.start() == 0 and m.end() == len(cue)
                    for m in cues.find("relay_cues", cue, self.lang(a.cue_start)))
        return relay and self._after_source(a.cue_start)

    def _after_source(self, pos: int) -> bool:
        """Does an outlet name end just before ``pos`` ("Sputnik Polska, powołując…")?"""
        return any(m.is_outlet and 0 <= pos - m.end <= 3 for m in self.names.all)

    def _usable(self, a: Attribution) -> bool:
        """A speaker that names someone: a proper name, an outlet, an anonymous source;
        not a bare pronoun or a common noun phrase."""
        said = self.text[a.speaker_start:a.speaker_end]
        if len(said.split()) > 12:
            return False
        named = any(c.isupper() for c in said[1:]) or any(c.isupper() for c in (a.speaker_entity or "")[1:]) \
            or bool(self.names.within(a.speaker_start, a.speaker_end)) or self._proper(said)
        lang = self.lang(a.speaker_start)
        return named or a.anonymous or bool(cues.find("outlet_nouns", said, lang)) or self._anonymous(said, a.speaker_start)

    def _proper(self, said: str) -> bool:
        """A one-word capitalised speaker that the text also capitalises mid-sentence."""
        word = said.strip()
        return word[:1].isupper() and " " not in word and re.search(
            rf"(?<=[^\W\d_]) {re.escape(word)}(?!\w)", self.text) is not None and word.lower() not in self.text

    def _credited_in(self, sent, speakers: list[Source]) -> list[Source]:
        """Outlets a sentence credits without an attribution the earlier stage found
        ("…, передает РИА Новости"): registry or introduced names that no relay cue points to."""
        relay_ends = [(c.start(), c.end()) for c in cues.find("relay_cues", self.text, sent.lang or self.doc.language,
                                                 sent.start, sent.end)]
        out = []
        for m in self.names.within(sent.start, sent.end):
            if m.outlet is None and m.domain is None and m.evidence != "introduced":
                continue
            if any(e <= m.start <= e + RELAY_REACH and "," not in self.text[e:m.start] and self._after_source(c)
                   for c, e in relay_ends):
                continue
            if not any(sp.same(m) for sp in speakers):
                out.append(Source(m.name, m.start, m.end, "mention", m.outlet, m.domain, is_outlet=True))
        return out[:1]  # "X and Y, citing Z": the first stands for the parallel relays

    # credits ---------------------------------------------------------------------------
    def _credits(self) -> list[Source]:
        ranked = []
        for f in self.doc.findings:
            if f.kind != "credit_line":
                continue
            evidence = CREDIT_EVIDENCE.get(f.label or "", "credit_line")
            inside = [m for m in self.names.within(f.start, f.end) if m.is_outlet]
            if not inside and f.value and (any(c.isupper() for c in f.value) or "." in f.value):
                inside = [Source(f.value.strip(), f.start, f.end, evidence, is_outlet=True)]
            # no name ("source: compiled", "agencies"): the line credits no one
            for src in inside:
                ranked.append((0 if evidence == "credit_line" else 1, src.start,
                               Source(src.name, src.start, src.end, evidence, src.outlet, src.domain, is_outlet=True)))
        for src in self._bracket_credits():
            ranked.append((0, src.start, src))
        return [s for _, _, s in sorted(ranked, key=lambda r: (r[0], r[1]))]

    def _bracket_credits(self) -> list[Source]:
        """Outlets credited in brackets: "(ANSA)", "(Theo Sputnik, TASS)", "(Source: x.com,
        translated)": a bracket naming registry outlets or domains and little else."""
        out = []
        for m in re.finditer(r"\(([^()\n]{2,80})\)", self.text):
            named = [n for n in self.names.within(m.start(1), m.end(1)) if n.outlet or n.domain]
            rest = self.text[m.start(1):m.end(1)]
            for n in reversed(named):
                rest = rest[:n.start - m.start(1)] + rest[n.end - m.start(1):]
            if named and len(rest.split()) <= 4 and not self._inside_sentence_of_claim(m.start()):
                out += [Source(n.name, n.start, n.end, "credit_line", n.outlet, n.domain, is_outlet=True) for n in named]
        return out

    def _inside_sentence_of_claim(self, pos: int) -> bool:
        if self.claim is None:
            return False
        claim = self.doc.sentences[self.claim]
        return claim.start <= pos < claim.end

    # the attributions the claim rests on -------------------------------------------------
    def _speaker(self, i: int) -> Source:
        a = self.doc.attributions[i]
        span = (a.speaker_start, a.speaker_end)
        said = self.text[span[0]:span[1]]
        inside = self.names.within(*span)
        if not inside:
            inside = [m for m in self.names.all if m.is_outlet and 0 <= m.start - span[1] <= 3]
        if inside and inside[0].is_outlet:
            s = inside[0]
            return Source(s.name, s.start, s.end, "attribution", s.outlet, s.domain, is_outlet=True, attribution=i)
        outlet_noun = cues.find("outlet_nouns", said, self.lang(span[0]))
        name = a.speaker_entity if a.speaker_entity and said.casefold() in ("he", "she", "il", "elle") else said
        return Source(name.strip(), *span, "attribution", anonymous=a.anonymous or self._anonymous(said, span[0]),
                      is_outlet=bool(outlet_noun), attribution=i)

    def _anonymous(self, said: str, pos: int) -> bool:
        hit = next(iter(cues.find("anonymous_nouns", said, self.lang(pos))), None)
        return hit is not None and len(said[:hit.start()].split()) <= 2

    def _outer_rank(self, src: Source):
        """Outer sources first: one whose words contain the other's cue, then in order of
        appearance."""
        if src.attribution is None:
            return 0, src.start
        a = self.doc.attributions[src.attribution]
        nested = sum(1 for j in self.support if _covers(self.doc.attributions[j], a.cue_start, a.cue_end)
                     and j != src.attribution)
        return nested, src.start

    # relays -----------------------------------------------------------------------------
    def _follow(self) -> None:
        """From the last outlet, follow relay cues ("X, citing Y", "X se apoyaba en Y")
        to the source it names, until a person, a loop or nothing."""
        doc = self.doc
        claim_para = doc.sentences[self.claim].paragraph
        sentences = [s for s in doc.sentences if claim_para <= s.paragraph <= claim_para + FOLLOW_PARAGRAPHS]
        current = self.hops[-1]
        for _ in range(6):
            nxt = self._relayed_by(current, sentences)
            if nxt is None:
                return
            if not current.is_outlet and nxt.is_outlet:
                return  # a person relays documents and bodies, not the outlets that quote them
            seen = next((h for h in self.hops if h.same(nxt)), None)
            if seen is not None:
                if seen is not self.hops[-1] and seen.is_outlet:
                    self.circular = nxt
                    self.hops.append(nxt)
                return
            self.hops.append(nxt)
            if not nxt.is_outlet:
                return
            current = nxt

    def _relayer(self) -> None:
        """An outlet near the claim that relays the first hop ("X, citing TASS, said…")
        carried the story to this article: it goes first."""
        first = self.hops[0]
        para = self.doc.sentences[self.claim].paragraph
        for s in self.doc.sentences:
            if not para <= s.paragraph <= para + 1:
                continue
            mentions = self.names.within(s.start, s.end)
            for cue in cues.find("relay_cues", self.text, s.lang or self.doc.language, s.start, s.end):
                before = [m for m in mentions if m.end <= cue.start() and m.is_outlet and not m.same(first)]
                target = next((m for m in mentions if cue.end() <= m.start <= cue.end() + RELAY_REACH), None)
                if before and target is not None and target.same(first) and not any(
                        before[-1].same(m) for m in self.names.within(self.sourced.start, self.sourced.end)):
                    m = before[-1]
                    self.hops.insert(0, Source(m.name, m.start, m.end, "relay", m.outlet, m.domain, is_outlet=True))
                    return

    def _relayed_by(self, current: Source, sentences) -> Source | None:
        for s in sentences:
            if s.end <= current.start:
                continue
            mentions = self.names.within(s.start, s.end)
            for cue in cues.find("relay_cues", self.text, s.lang or self.doc.language, s.start, s.end):
                before = [m for m in mentions if m.end <= cue.start()]
                clause = self.text[s.start:cue.start()]
                if before and not any(m.same(current) for m in before) and not _named_in(
                        current, clause[before[-1].end - s.start:]):
                    continue
                if not before and not (self._refers(s.start, cue.start()) or _named_in(current, clause)):
                    continue
                target = next((m for m in mentions if cue.end() <= m.start <= cue.end() + RELAY_REACH
                               and not m.same(current)), None)
                if target is not None and self.text[cue.end():target.start].count(",") < 2:
                    return Source(target.name, target.start, target.end, "relay", target.outlet, target.domain,
                                  is_outlet=target.is_outlet)
                named = self._named_target(cue.end(), s.end, current) if len(cue.group()) >= 6 else None
                if named is not None:
                    return named
        return None

    def _refers(self, start: int, cue_start: int) -> bool:
        """Does the clause before a cue, naming no source, refer back to one by an outlet
        noun ("Trang này ghi nguồn là…", "the agency, citing…")?"""
        return bool(cues.find("outlet_nouns", self.text[start:cue_start], self.lang(start)))

    def _named_target(self, pos: int, limit: int, current: Source) -> Source | None:
        """A source right after a relay cue that no name list knows: «a source in the
        ministry», "the report of Xyz"; a named one relayed by an outlet is taken for one."""
        rest = self.text[pos:limit]
        lead = len(rest) - len(rest.lstrip(" :\u00a0"))
        quoted = _QUOTED.match(rest, lead)
        if quoted:
            start, end = pos + quoted.start(1), pos + quoted.end(1)
        else:
            stop = re.search(r"[,;.:!?–—()]|\s(?:that|que|che|dass|что|rằng|że)\s", rest[lead:])
            end = pos + lead + (stop.start() if stop else len(rest) - lead)
            start = pos + lead
        said = self.text[start:end].strip()
        if not said or len(said.split()) > 8:
            return None
        anonymous = self._anonymous(said, start)
        if not anonymous:

            first = next((m for m in re.finditer(r"(?<!\w)\w", said) if m.group().isupper()), None)
            if first is None:
                return None
            start, said = start + first.start(), said[first.start():]
        found = Source(said, start, start + len(said), "relay", anonymous=anonymous,
                       is_outlet=current.is_outlet and not anonymous)
        self.names.add(found)
        return found

    def _add(self, src: Source) -> None:
        if not any(h.same(src) for h in self.hops):
            self.hops.append(src)


def _named_in(src: Source, clause: str) -> bool:
    """Is ``src`` named in ``clause``, in full or by its first word ("TruthWire")?"""
    first = src.name.split()[0] if src.name.split() else ""
    return bool(src.name and src.name in clause) or (
        len(first) >= 5 and first[:1].isupper() and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", clause) is not None)


def _covers(a: Attribution, start: int, end: int) -> bool:
    inter = min(a.content_end, end) - max(a.content_start, start)
    return inter * 2 >= (end - start)


# --- counting sources ----------------------------------------------------------------

def _groups(doc: Document, indices, names: Names) -> dict[str, list]:
    """Speaker groups of the given attributions (outlets by outlet, people by entity)."""
    items = []
    for i in indices:
        a = doc.attributions[i]
        said = doc.text[a.speaker_start:a.speaker_end]
        inside = names.within(a.speaker_start, a.speaker_end)
        key = (inside[0].outlet.id if inside[0].outlet else inside[0].name) if inside else (a.speaker_entity or said)
        items.append((key.casefold(), said, a.anonymous, i))
    return group(items, doc.language)


def _others(chain: Chain, paragraphs: int | None) -> dict[str, list]:
    """Speaker groups outside the chain: usable speakers that are not outlets, quoted in
    the claim's paragraph and the next ``paragraphs`` ones (None: the whole article)."""
    doc = chain.doc
    first = doc.sentences[chain.claim].paragraph if chain.claim is not None else 0
    para = {i: s.paragraph for i, s in enumerate(doc.sentences)}
    picked = []
    for i, a in enumerate(doc.attributions):
        if a.speaker_start is None or not chain._usable(a):
            continue
        at = next((para[j] for j, s in enumerate(doc.sentences) if s.start <= a.cue_start < s.end), None)
        if paragraphs is not None and (at is None or not first <= at <= first + paragraphs):
            continue
        said = doc.text[a.speaker_start:a.speaker_end]
        if any(m.is_outlet for m in chain.names.within(a.speaker_start, a.speaker_end)):
            continue
        if a.anonymous and any(h.anonymous for h in chain.hops):
            continue  # anonymous sources together count once
        if not any(_same_name(said, h.name) or h.attribution == i for h in chain.hops):
            picked.append(i)
    return _groups(doc, picked, chain.names)


def independent_sources(chain: Chain) -> int:
    """Sources behind the main claim. A claim relayed by outlets rests on one origin,
    plus anonymous sources the article adds (all together count once). A claim told
    first-hand rests on its speaker and the other people quoted around it."""
    if not chain.hops:
        return 0
    others = _others(chain, CORROBORATION_PARAGRAPHS)
    if any(h.is_outlet for h in chain.hops):
        anonymous = any(chain.doc.attributions[i].anonymous for nodes in _others(chain, FOLLOW_PARAGRAPHS).values() for i in nodes)
        return 1 + (anonymous and not any(h.anonymous for h in chain.hops))
    return 1 + len(others)


def article_sources(chain: Chain) -> int:
    """Independent sources the whole article quotes: the chain's origin and every other
    speaker group (anonymous speakers together)."""
    return (1 if chain.hops else 0) + len(_others(chain, None))


# --- the stage -----------------------------------------------------------------------

class Sourcing:
    """Pipeline stage adding ``Document.sourcing`` (one chain, the main claim's) and ``Document.triage``."""

    name = "sourcing"
    version = "2"
    requires = ("sentences", "language", "traces", "attributions", "claims")
    provides = ("sourcing",)

    def __init__(self, finder: MentionFinder | None = None, ratings: RatingsDB | None = None, use_default_ratings=True):
        self.finder = finder or default_finder()
        self.ratings = ratings if ratings is not None or not use_default_ratings else RatingsDB.open_existing()

    def __call__(self, doc: Document) -> Document:
        chain = self.chain(doc)
        return doc.evolve(sourcing=(chain,), triage=triage(doc, chain))

    def chain(self, doc: Document) -> SourceChain:
        """The main claim's chain: this article, credited and relaying outlets, the origin."""
        built = Chain(doc, Names(doc, self.finder)).build()
        article = self._article(doc)
        if article.outlet_id and any(h.outlet and h.outlet.id == article.outlet_id for h in built.hops):
            own = next(h for h in built.hops if h.outlet and h.outlet.id == article.outlet_id)
            built.circular = built.circular or own
            if built.hops[-1] is not own:
                built.hops.append(own)
        hops = (article, *(self._hop(h, doc.language) for h in built.hops))
        start, end = (doc.sentences[built.claim].start, doc.sentences[built.claim].end) if built.claim is not None \
            else (0, 0)
        independent = independent_sources(built)
        anonymous = any(h.anonymous for h in built.hops) or any(doc.attributions[i].anonymous for i in built.support) \
            or (independent > 1 and any(h.is_outlet for h in built.hops))
        circular = _bare(built.circular.name, doc.language) if built.circular else None
        found = flags(doc, hops, independent, circular, anonymous, (start, end))
        return SourceChain(start, end, hops, independent, found, stage_tag(self),
                           article_sources=max(article_sources(built), independent))

    def _article(self, doc: Document) -> Hop:
        meta = doc.article.meta
        host = normalize_host(meta.canonical_url or meta.url or "") or None
        outlet = self.finder.registry.by_domain(host) if host else None
        return Hop(kind="article", name="this article", domain=host, outlet_id=outlet.id if outlet else None,
                   ownership=outlet.ownership if outlet else None, ratings=self._ratings([host] if host else []))

    def _hop(self, src: Source, lang: str | None) -> Hop:
        domains = list(src.outlet.domains) if src.outlet else ([src.domain] if src.domain else [])
        return src.hop(self._ratings(domains), lang)

    def _ratings(self, domains) -> tuple[Rating, ...]:
        if self.ratings is None:
            return ()
        return next((found for d in domains if (found := self.ratings.lookup(d))), ())
