"""The route of the main claim: credits, the attributions it rests on, relays followed
to the origin, loops (docs/sourcing.md)."""

from __future__ import annotations

import functools
import itertools
import re

from ...model import Attribution, Document
from ...outlets import cues
from .bodies import body_span, institution
from .lead import main_claim, speaker_tag
from .names import PLATFORMS, QUOTED, RELAY_REACH, Names, Source, _inside_name, _name_after, headline_end, same_name

CREDIT_EVIDENCE = {"source_line": "credit_line", "agency_tag": "byline", "dateline": "dateline"}
FOLLOW_PARAGRAPHS = 3  # how far past the main claim relays of its sources are followed
NAME_CHARS = 64  # a named speaker longer than this is a clause the earlier stage took for one
SHORT_CUE = 6  # a relay cue shorter than this ("via", "cite", "qua") is too common to name any phrase after it
CREDIT_WORDS = 8  # a sentence after the claim this short that names an outlet credits the claim to it
PEOPLE_PARAGRAPHS = 1  # an outlet's origin is looked for this many paragraphs past its sentence
AGENT_WORDS = 3  # an unnamed speaker after its cue ("what was announced") is named this many words on at most
HEADER_WORDS = 15  # a line this short before the claim may be a byline
FROM_WORDS = 3  # where a document came from: its source preposition this close, the body this long
ADJECTIVES = 2  # lower-case words a document noun after a relay cue may have before it
APPOSED_NAME = 4  # a resolved name longer than this is a description: the name inside it is taken


class Chain:
    """The route of the main claim, built once per document."""

    def __init__(self, doc: Document, names: Names):
        self.doc, self.names = doc, names
        self.text = doc.text
        self.claim = main_claim(doc)
        self.hops: list[Source] = []
        self.circular: Source | None = None
        self.support: list[int] = []  # attributions the main claim rests on
        self._usable_memo: dict[int, bool] = {}

    def lang(self, pos: int) -> str | None:
        return self.names.lang_at(pos)

    def relay_cues(self, sent) -> list:
        return self.names.cues_in("relay_cues", self.names.sentence_at(sent.start))

    def _relay_points(self, sent) -> list:
        """Relay cues of ``sent``, and the source prepositions right after a document noun
        ("X got the information from Y", "X получил данные от Y"): Y gave X the material."""
        i = self.names.sentence_at(sent.start)
        material = self.names.cues_in("primary_material", i)
        given = [p for p in self.names.cues_in("source_prepositions", i)
                 if any(0 <= len(re.findall(r"\w+", self.text[m.end():p.start()])) <= 1 and m.end() <= p.start()
                        for m in material)]
        return sorted([*self.relay_cues(sent), *given], key=lambda m: m.start())

    def build(self) -> "Chain":
        self._build()
        if not self.hops and self.claim is not None:
            self._add_found(self._byline())  # nobody credited: the article's own author or outlet
        for hop in self.hops:
            if not hop.is_outlet:
                self._antecedent(hop)
                self._full_form(hop)
        return self

    def _full_form(self, src: Source) -> None:
        """A person or body the text names more fully or in its base form elsewhere as a
        speaker ("Lavrov" → "Sergei Lavrov", an inflected "Tomasza Wilczyńskiego" → "Tomasz Wilczyński")
        takes that form: of the speakers whose capitalised words hold all of the hop's (compared
        by their first four letters, so that inflected forms meet), the one with the most such
        words, then the shortest, when only one name has that many."""
        own = _stems(src.name)
        if src.anonymous or not own:
            return
        best: list[Source] = []
        stop = cues.stopwords(self.lang(src.start))
        for i, a in enumerate(self.doc.attributions):
            if a.speaker_start is None or a.anonymous or not self.usable(a) or a.cue_start < headline_end(self.text):
                continue
            other = self.speaker(i)
            stems = _stems(other.name)
            if other.is_outlet or other.anonymous or not own <= stems or not _proper_name(other.name, stop):
                continue  # another source, or a role that describes one ("the head of the X")
            if best and len(stems) > len(_stems(best[0].name)):
                best = []
            if not best or len(stems) == len(_stems(best[0].name)):
                best.append(other)
        if best and len({frozenset(_stems(b.name)) for b in best}) == 1:
            full = min(best, key=lambda b: len(b.name))
            if len(full.name) < len(src.name) or len(_stems(full.name)) > len(own):
                src.name, src.start, src.end = full.name, full.start, full.end

    def _antecedent(self, src: Source) -> None:
        """A source named by a determiner and a common noun ("ce médecin", "the doctor")
        takes the phrase that introduced the noun earlier, with its complements ("un médecin
        de l'hôpital", "a doctor at the clinic"): the chain names a source by its full form."""
        lang = self.lang(src.start)
        stop = cues.stopwords(lang)
        head = src.name.split()
        if len(head) != 2 or head[0].casefold() not in stop or not head[1].islower():
            return
        first = re.search(rf"(?<![\w'’])([\w'’]+)\s+{re.escape(head[1])}(?!\w)", self.text[:src.start])
        if first is None or _elided(first.group(1)).casefold() not in stop:
            return
        end = _complements(self.text, first.end(), stop)
        src.name, src.start, src.end = self.text[first.start():end], first.start(), end

    def _byline(self) -> Source | None:
        """The author a byline before the claim names ("By X", "Posted on … by X", "Von X |
        Outlet"), else a registry outlet named on such a header line."""
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
                if span and self.text[span[0]:span[1]][:1].isupper():
                    return Source(self.text[span[0]:span[1]], *span, "byline")
            outlet = next((m for m in self.names.within(start, stop) if m.outlet), None)
            if outlet is not None:
                return Source(outlet.name, outlet.start, outlet.end, "byline", outlet.outlet, outlet.domain,
                              is_outlet=True)
        return None

    def _build(self) -> None:
        for credit in self._credits():
            self._add(credit)
        if self.claim is None:
            return
        tag = self._tag(self.doc.sentences[self.claim].start)
        if tag is not None and not tag[1] and not self._usable_in(self.doc.sentences[self.claim], own=True):
            self.hops.append(tag[0])  # a guest's line in a transcript: the guest says the claim
            self._add_found(self._guest_outlet(self.doc.sentences[self.claim].start))
            self._follow()
            return
        claim = self.doc.sentences[self.claim]
        owner = None if self.hops or self._usable_in(claim) or self._credited_in(claim, []) else self._owner_in(claim)
        if owner is not None:
            self.hops.append(owner)  # "according to a statement of the X ministry": the ministry says it
            self._follow()
            return
        publisher = None if self.hops or self._usable_in(claim) else self._publisher(claim)
        if publisher is not None:
            self.hops.append(publisher)  # "the story says …" and later "site X carried it, citing Y"
            self._follow()
            return
        sentence = self.sourced = self._sourced_sentence()
        if sentence is None:
            if not self.hops:
                self._add_unnamed(self.doc.sentences[self.claim])
            return
        self.support = self._usable_in(sentence) or self._usable_in(sentence, relaxed=True)
        speakers = [self.speaker(i) for i in self.support]
        credited = self._credited_in(sentence, speakers)
        outlets = credited + [s for s in speakers if s.is_outlet and (
            s.outlet or s.domain or _named(s.name) or not (self.hops or credited))]
        if not outlets and not self.hops:
            outlets = self._credited_after(sentence)
        for src in sorted(outlets, key=self._outer_rank):
            self._add(src)
        if self.hops and not any(h.evidence in CREDIT_EVIDENCE.values() for h in self.hops):
            self._relayer()
        if self.hops and not self.hops[-1].anonymous:
            self._follow()
        if not self.circular and (not self.hops or self.hops[-1].is_outlet):
            relaxed = [self.speaker(i) for i in self._usable_in(sentence, relaxed=True) if i not in self.support]
            people = sorted((s for s in speakers if not s.is_outlet), key=lambda p: -self._coverage(p, sentence)) \
                or [s for s in relaxed if not s.is_outlet and len(s.name.split()) <= 6
                    and not cues.find("relay_cues", s.name, self.lang(s.start))] or self._quoted_in(sentence) \
                or self._people_after(sentence) or self._acting_body()
            if people and not any(h.same(people[0]) for h in self.hops):
                self.hops.append(people[0])
                instance = self._instance(people[0])
                if instance is not None:
                    self.hops[-1] = instance
                if not people[0].anonymous or self._document_noun(people[0]) is not None:
                    self._follow()  # the speaker (or an unsigned post) may credit the claim to someone else

    def _acting_body(self) -> list[Source]:
        """A claim outlets carry that tells what a body did ("El ayuntamiento de X aprobó …",
        "La Giunta comunale di X ha votato …"), when no one else is quoted for it: the
        body opening the claim sentence, a phrase :func:`institution` heads that names one body
        (a capitalised word past its first), is its origin, unless the sentence accuses."""
        claim = self.doc.sentences[self.claim]
        lang, said = self.lang(claim.start), self.text[claim.start:claim.end]
        span = body_span(said, lang)
        if span is None or cues.find("accusation", said, lang):
            return []  # a claim that accuses a body is not the body's word
        start = claim.start + span[0]
        end = min(_complements(self.text, claim.start + span[1], cues.stopwords(lang)),
                  claim.start + re.match(r"[^,;:()–—]*", said).end())
        if not _named(" " + self.text[start:end]):
            return []  # "the police": no body in particular
        return [Source(self.text[start:end], start, end, "mention")]

    def _instance(self, group: Source) -> Source | None:
        """The first-hand source of a claim a group no name identifies spreads ("Parents online
        warn that …"), when the next sentence opens on one document from someone ("One post
        from a father in X, …"): the author of that document is the origin."""
        words, lang = group.name.split(), self.lang(group.start)
        if len(words) < 2 or any(w[:1].isupper() for w in words[1:]) or group.is_outlet \
                or not group.anonymous and words[0].casefold() in cues.stopwords(lang):
            return None  # a name, or one person ("the minister"), not a group
        i = self.names.sentence_at(group.start)
        if i is None or i + 1 >= len(self.doc.sentences):
            return None
        nxt = self.doc.sentences[i + 1]
        if nxt.paragraph != self.doc.sentences[i].paragraph:
            return None
        noun = next(iter(cues.find("primary_material", self.text, lang, nxt.start, nxt.end)), None)
        lead = re.findall(r"\w+", self.text[nxt.start:noun.start()]) if noun else []
        if noun is None or len(lead) > ADJECTIVES or any(w[:1].isupper() for w in lead[1:]):
            return None
        given = self._given_by(noun.end(), nxt.end)
        return None if given is None else Source(self.text[given[0]:given[1]], *given, "mention",
                                                  attribution=group.attribution)

    def _guest_outlet(self, pos: int) -> Source | None:
        """The outlet a guest names in the line where they state the claim, after it ("I read
        it on the Pine Post, a news site"): where the guest got it."""
        end = self.text.find("\n", pos)
        m = next((m for m in self.names.within(pos, len(self.text) if end < 0 else end) if m.is_outlet), None)
        return None if m is None else Source(m.name, m.start, m.end, "relay", m.outlet, m.domain, is_outlet=True)

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
        end = min(_complements(self.text, hit.end(), cues.stopwords(sentence.lang or self.doc.language)),
                  sentence.end)  # "Presseberichten", "sources in the ministry", not the clause after
        name = self.text[hit.start():end]
        self.hops.append(Source(name, hit.start(), end, "mention", anonymous=True))

    def _quoted_in(self, sentence) -> list[Source]:
        """People the article quotes elsewhere, named in ``sentence`` without an attribution
        the earlier stage found ("…, says the Ministry of X")."""
        found = []
        here = self.text[sentence.start:sentence.end].casefold()
        for i, a in enumerate(self.doc.attributions):
            if a.cue_start < headline_end(self.text):
                continue  # the headline's "Name: claim" quotes no one of its own
            said = self.text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else ""
            at = here.find(said.casefold()) if len(said.split()) >= 2 and not a.anonymous else -1
            if at >= 0 and not any(m.is_outlet for m in self.names.within(a.speaker_start, a.speaker_end)) \
                    and not cues.find("outlet_nouns", said, self.lang(a.speaker_start)):
                start = sentence.start + at
                found.append(Source(self.text[start:start + len(said)], start, start + len(said), "mention",
                                    attribution=i))
        return sorted(found, key=lambda s: s.start)[:1]

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

    def _people_after(self, sentence) -> list[Source]:
        """When the outlets' sentence quotes no one: the first person or body quoted by
        name in the rest of its paragraph or the next one (whom the outlet quotes)."""
        doc = self.doc
        for s in doc.sentences:
            if s.start < sentence.end or s.paragraph > sentence.paragraph + PEOPLE_PARAGRAPHS:
                continue
            found = [src for src in map(self.speaker, self._usable_in(s)) if not src.is_outlet and not src.anonymous]
            if found:
                return found
        return []

    def _sourced_sentence(self):
        """The claim sentence when it names a source; else the first sentence after it, in
        its paragraph or the next, that does ("Selon X, …", "X, citing Y, …"); only the next
        sentence when a credit says where the article came from (the claim rests on it)."""
        doc = self.doc
        claim = doc.sentences[self.claim]
        for k, s in enumerate(doc.sentences[self.claim:]):
            if s.paragraph > claim.paragraph + 1 or self.hops and k > 1:
                break
            if [i for i in self._usable_in(s) if s is claim or not self._tagged(i)] or self._credited_in(s, []):
                return s
        return claim if self._usable_in(claim, relaxed=True) else None

    def _tagged(self, i: int) -> bool:
        """Is attribution ``i`` a transcript's speaker tag ("NAME (role): …")? It gives the
        speaker of its line, not the source of a claim made in another."""
        a = self.doc.attributions[i]
        tag = self._tag(a.speaker_start)
        return tag is not None and tag[0].start == a.speaker_start

    def _publisher(self, claim) -> Source | None:
        """The outlet that published the unnamed document the claim sentence quotes ("The
        story says that …", «La noticia dice que…»): the first outlet named after the claim,
        in its paragraph and the next ``FOLLOW_PARAGRAPHS``."""
        said = [self.text[a.speaker_start:a.speaker_end] for i, a in enumerate(self.doc.attributions)
                if a.speaker_start is not None and claim.start <= a.cue_start < claim.end]
        lang = self.lang(claim.start)
        stop = cues.stopwords(lang)
        if not any(self._document_noun(Source(p, claim.start, claim.start, "attribution")) is not None
                   and all(w.casefold() in stop for w in p.split()[:-1]) for p in said):
            return None
        last = claim.paragraph + FOLLOW_PARAGRAPHS
        m = next((m for m in self.names.all if m.is_outlet and m.start >= claim.end
                  and self.names.sentence_at(m.start) is not None
                  and self.doc.sentences[self.names.sentence_at(m.start)].paragraph <= last), None)
        return None if m is None else Source(m.name, m.start, m.end, "mention", m.outlet, m.domain, is_outlet=True)

    def _usable_in(self, sent, relaxed: bool = False, own: bool = False) -> list[int]:
        """Attributions with a usable speaker (any speaker when ``relaxed``) whose cue is in
        ``sent`` or, in the claim sentence and unless ``own``, whose content covers it."""
        doc = self.doc
        return [i for i, a in enumerate(doc.attributions) if a.speaker_start is not None
                and not self._relay_cue(a) and not self._credit(a) and not self.presenter(a)
                and (self.usable(a) if not relaxed else len(self.text[a.speaker_start:a.speaker_end].split()) >= 2)
                and (sent.start <= a.cue_start < sent.end or (sent is doc.sentences[self.claim] and not own
                                                              and _covers(a, sent.start, sent.end)))]

    def _tag(self, pos: int) -> tuple[Source, bool] | None:
        """The transcript speaker tag opening the line of ``pos`` (:func:`speaker_tag`)."""
        tag = speaker_tag(self.text, pos, self.lang(pos))
        if tag is None:
            return None
        m, host = tag
        return Source(m.group("name"), m.start("name"), m.end("name"), "attribution"), host

    def presenter(self, a: Attribution) -> bool:
        """Is the speaker a presenter's transcript tag, or a pronoun the attribution stage
        resolved to one (their lines are the programme's voice)?"""
        tag = self._tag(a.speaker_start)
        if tag is not None and tag[1] and a.speaker_start <= tag[0].end:
            return True
        return bool(a.speaker_entity) and a.speaker_entity.casefold() in self._presenters

    @functools.cached_property
    def _presenters(self) -> set[str]:
        """The names in the presenters' speaker tags of a transcript."""
        lines = (0, *(m.end() for m in re.finditer("\n", self.text)))
        tags = (self._tag(pos) for pos in lines if pos < len(self.text))
        return {tag[0].name.casefold() for tag in tags if tag is not None and tag[1]}

    def _credit(self, a: Attribution) -> bool:
        """An attribution that credits the whole article ("Selon X" as its last line): its
        content spans most of the text across paragraphs, or its speaker is in a credit line."""
        content = self.text[a.content_start:a.content_end]
        wide = len(content) * 2 >= len(self.text) and "\n" in content
        return wide or any(f.kind == "credit_line" and f.start <= a.speaker_start < f.end for f in self.doc.findings)

    def _relay_cue(self, a: Attribution) -> bool:
        """A relay cue right after another source ("X, citing Y"), an outlet or the speaker
        of another attribution: its speaker Y is relayed, reached by following X."""
        cue = self.text[a.cue_start:a.cue_end]
        relay = any(m.start() == 0 and m.end() == len(cue)
                    for m in cues.find("relay_cues", cue, self.lang(a.cue_start)))
        return relay and (self._after_source(a.cue_start) or any(
            b.speaker_end is not None and 0 <= a.cue_start - b.speaker_end <= 3 for b in self.doc.attributions))

    def _after_source(self, pos: int) -> bool:
        """Does an outlet name end just before ``pos`` ("Sputnik Polska, cytując…")?"""
        return any(m.is_outlet and 0 <= pos - m.end <= 3 for m in self.names.all)

    def usable(self, a: Attribution) -> bool:
        """Memoised :meth:`_usable`."""
        key = id(a)
        if key not in self._usable_memo:
            self._usable_memo[key] = self._usable(a)
        return self._usable_memo[key]

    def _usable(self, a: Attribution) -> bool:
        """A speaker that names someone: a proper name, an outlet, an anonymous source;
        not a bare pronoun or a common noun phrase."""
        said = self.text[a.speaker_start:a.speaker_end]
        if _too_long(said) and not a.anonymous:
            return _leading_name(said) is not None  # a clause, unless it opens on a name it swallowed the verb of
        named = any(c.isupper() for c in said[1:]) or any(c.isupper() for c in (a.speaker_entity or "")[1:]) \
            or bool(self.names.within(a.speaker_start, a.speaker_end)) or self._proper(said) \
            or self._agent(a) is not None
        lang = self.lang(a.speaker_start)
        return named or a.anonymous or bool(cues.find("outlet_nouns", said, lang)) or self._anonymous(
            said, a.speaker_start) or institution(said, lang) or self._owner(a) is not None

    def _agent(self, a: Attribution) -> tuple[int, int] | None:
        """The name an unnamed speaker after its cue is completed by ("according to what was
        announced tonight by the Prefecture of X"): the first capitalised words after it, in
        its clause, a few words on."""
        said = self.text[a.speaker_start:a.speaker_end]
        if a.cue_end > a.speaker_start or any(c.isupper() for c in said):
            return None
        i = self.names.sentence_at(a.speaker_start)
        limit = self.doc.sentences[i].end if i is not None else a.speaker_end
        clause = re.match(r"[^,;:.!?–—()«»\"“”„]*", self.text[a.speaker_end:limit]).group()
        first = next((m for m in re.finditer(r"(?<!\w)\w+", clause) if m.group()[:1].isupper()), None)
        if first is None or len(clause[:first.start()].split()) > AGENT_WORDS:
            return self._body_agent(a.speaker_end, clause)
        span = _name_after(self.text, a.speaker_end + first.start(), a.speaker_end + len(clause))
        return span

    def _body_agent(self, pos: int, clause: str) -> tuple[int, int] | None:
        """A body named by a common noun completing an unnamed speaker ("what was announced
        by the prefecture", "lo comunicado por el ayuntamiento"): a function word at most
        ``AGENT_WORDS`` words on, then a phrase :func:`institution` heads, with its complements."""
        lang = self.lang(pos)
        stop = cues.stopwords(lang)
        words = list(re.finditer(r"[^\W\d_][\w'’-]*", clause))
        for k, w in enumerate(words[1:AGENT_WORDS + 1], 1):
            if words[k - 1].group().casefold() not in stop or w.group().casefold() in stop:
                continue
            if institution(clause[w.start():], lang):
                run = list(itertools.takewhile(lambda v: v.group().casefold() not in stop, words[k:]))
                end = _complements(self.text, pos + run[-1].end(), stop)
                return pos + w.start(), min(end, pos + len(clause.rstrip()))
            return None
        return None

    def _owner(self, a: Attribution) -> tuple[int, int] | None:
        """The body a speaker named by a document stands for ("a statement from the health
        ministry", "a video posted by the X", "данные городской администрации"): the body in
        the document's complement, else the one a ``source_prepositions`` word names after it
        (:meth:`_given_by`), when it is a proper name or a body named by a common noun."""
        if a.anonymous or a.speaker_start is None:
            return None
        said, lang = self.text[a.speaker_start:a.speaker_end], self.lang(a.speaker_start)
        document = self._document(said, a.speaker_start) if said.strip() else None
        if document is None:
            return None
        if cues.find("primary_material", self.text, lang, *document):  # no complement: where did it come from?
            i = self.names.sentence_at(a.speaker_start)
            document = self._given_by(document[1], self.doc.sentences[i].end if i is not None else a.speaker_end)
        if document is None:
            return None
        body = re.match(r"[^,;:()–—]*", self.text[document[0]:document[1]]).group().rstrip()
        end = document[0] + len(body)  # not an apposition or a clause after it ("…, published in May")
        return (document[0], end) if any(c.isupper() for c in body) or institution(body, lang) else None

    def _proper(self, said: str) -> bool:
        """A one-word capitalised speaker that the text also capitalises mid-sentence."""
        word = said.strip()
        return word[:1].isupper() and " " not in word and re.search(
            rf"(?<=[^\W\d_]) {re.escape(word)}(?!\w)", self.text) is not None and word.lower() not in self.text

    def _credited_in(self, sent, speakers: list[Source]) -> list[Source]:
        """Outlets a sentence credits without an attribution the earlier stage found
        ("…, сообщает ТАСС"): registry or introduced names that no relay cue points to."""
        relay_ends = [(c.start(), c.end()) for c in self.relay_cues(sent)]
        out = []
        for m in self.names.within(sent.start, sent.end):
            if m.outlet is None and m.domain is None and m.evidence != "introduced":
                continue
            if any(e <= m.start <= e + RELAY_REACH and "," not in self.text[e:m.start] and self._after_source(c)
                   for c, e in relay_ends):
                continue
            if not any(sp.same(m) for sp in speakers):
                out.append(Source(m.name, m.start, m.end, "mention", m.outlet, m.domain, is_outlet=m.is_outlet))
        return out[:1]  # "X and Y, citing Z": the first stands for the parallel relays

    # credits ---------------------------------------------------------------------------
    def _credits(self) -> list[Source]:
        ranked = []
        headline = headline_end(self.text)
        for f in self.doc.findings:
            if f.kind != "credit_line" or f.start < headline:
                continue  # a headline ("…, says X") adds no source
            evidence = CREDIT_EVIDENCE.get(f.label or "", "credit_line")
            inside = [m for m in self.names.within(f.start, f.end) if m.is_outlet]
            if not inside and f.value and (any(c.isupper() for c in f.value) or "." in f.value) \
                    and not self._vague(f.value, f.start):
                inside = [Source(f.value.strip(), f.start, f.end, evidence, is_outlet=True)]
            # no name ("source: compiled", "Agencies"): the line credits no one
            for src in inside:
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
                        for n in named]
        return out

    def _inside_sentence_of_claim(self, pos: int) -> bool:
        if self.claim is None:
            return False
        claim = self.doc.sentences[self.claim]
        return claim.start <= pos < claim.end

    # the attributions the claim rests on -------------------------------------------------
    def speaker(self, i: int) -> Source:
        """The source attribution ``i`` names (an outlet, a person, a body, an anonymous source)."""
        a = self.doc.attributions[i]
        span = (a.speaker_start, a.speaker_end)
        said = self.text[span[0]:span[1]]
        inside = self.names.within(*span)
        if not inside:
            inside = [m for m in self.names.all if m.is_outlet and 0 <= m.start - span[1] <= 3]
        if inside and inside[0].is_outlet:
            s = inside[0]
            return Source(s.name, s.start, s.end, "attribution", s.outlet, s.domain, is_outlet=True, attribution=i)
        agent = self._agent(a) or self._owner(a)
        if agent is not None:
            named = next((m for m in self.names.all if m.start == agent[0] and m.is_outlet), None)
            if named is not None:
                return Source(named.name, named.start, named.end, "attribution", named.outlet, named.domain,
                              is_outlet=True, attribution=i)
            return Source(self.text[agent[0]:agent[1]], *agent, "attribution", attribution=i)
        head = span[0] + len(re.match(r"[^,(–—]*", said).group())  # not an apposition or clause after a comma
        outlet_noun = [m for m in cues.find("outlet_nouns", self.text, self.lang(span[0]), span[0], head)
                       if not _inside_name(m, span[0], self.lang(span[0]))]
        name = a.speaker_entity if self._pronoun(said, a.speaker_entity, span[0]) else said
        start, end = span
        if name != said and len(name.split()) > APPOSED_NAME:  # resolved to a description with a name in it
            inner = _name_in(name, None)
            name = name[inner[0]:inner[1]] if inner else name
        leading = _leading_name(said) if _too_long(said) and not a.anonymous else None
        person = leading or _name_in(said, a.speaker_entity)
        apposed = _apposed_name(self.text, span[1], len(self.text)) if not any(
            w[:1].isupper() for w in said.split()[1:]) and name == said and not outlet_noun else None
        if person is not None:
            name, start, end = said[person[0]:person[1]], span[0] + person[0], span[0] + person[1]
        elif apposed is not None and not a.anonymous:  # "the port director, Ana Lind, said"
            (start, end), name = apposed, self.text[apposed[0]:apposed[1]]
        return Source(name.strip(), start, end, "attribution", anonymous=a.anonymous or self._anonymous(said, span[0]),
                      is_outlet=bool(outlet_noun), attribution=i)

    def _pronoun(self, said: str, entity: str | None, pos: int) -> bool:
        """Does the speaker refer back to a person or body it does not name, which the
        attribution stage resolved to a proper name written earlier in the text? One word that
        is no proper name ("she", "lui", "он", "ông"), or a description opening on a
        lower-case word after its determiners ("the minister", "il portavoce del ministero")
        resolved to two capitalised words or more written before it that name no outlet
        ("Ana Lind"). The hop then carries the name."""
        words, stop = said.split(), cues.stopwords(self.lang(pos))
        if not entity or not words or entity.casefold() in said.casefold():
            return False
        if len(words) == 1:
            return entity[:1].isupper() and not self._proper(words[0])
        head = next((w for w in words if w.casefold() not in stop), "")
        return head[:1].islower() and all(w[:1].isupper() for w in entity.split()) and len(entity.split()) >= 2 \
            and 0 <= self.text.find(entity) < pos and not any(m.is_outlet and same_name(m.name, entity)
                                                               for m in self.names.all)

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
        """From the last hop, follow relay cues ("X, citing Y", "X se apoyaba en Y") to the
        source it names, until an anonymous source, a loop or nothing."""
        doc = self.doc
        claim_para = doc.sentences[self.claim].paragraph
        sentences = [s for s in doc.sentences if claim_para <= s.paragraph <= claim_para + FOLLOW_PARAGRAPHS]
        current = self.hops[-1]
        for _ in range(6):
            nxt = self._relayed_by(current, sentences)
            if nxt is None:
                if current.is_outlet:
                    self._add_found(self._coordinated(current))
                return
            if not current.is_outlet and nxt.is_outlet and self._document_noun(current) is None:
                return  # a person relays documents and bodies, not the outlets that quote them
            seen = next((h for h in self.hops if h.same(nxt)), None)
            if seen is not None:
                if seen is not self.hops[-1]:
                    self.circular = nxt
                    self.hops.append(nxt)
                return
            if self._document_noun(current) is not None and self.hops[-1] is current and current.attribution is not None:
                self.hops.pop()  # the post an account first published: the account said it
            self.hops.append(nxt)
            if nxt.anonymous:
                return
            current = nxt

    def _coordinated(self, relayed: Source) -> Source | None:
        """A document coordinated with the outlet a relay cue names ("citing X and a
        statement of the Ministry of Y"): the body behind the document is where X got it."""
        i = self.names.sentence_at(relayed.start)
        if i is None:
            return None
        end, lang = self.doc.sentences[i].end, self.lang(relayed.start)
        words = list(re.finditer(r"\w+", self.text[relayed.end:end]))
        if not words or self.text[relayed.end:relayed.end + words[0].start()].strip() \
                or not cues.find("coordinators", words[0].group(), lang):
            return None
        noun = next((w for w in words[1:4] if w.group().casefold() not in cues.stopwords(lang)), None)
        if noun is None or not any(m.start() == 0 for m in cues.find("primary_material", noun.group(), lang)):
            return None
        found = self._named_target(relayed.end + noun.start(), end, relayed)
        if found is not None:
            found.is_outlet = False
        return found

    def _add_found(self, src: Source | None) -> None:
        if src is not None and not any(h.same(src) for h in self.hops):
            self.hops.append(src)

    def _relayer(self) -> None:
        """An outlet near the claim that relays the first hop ("X, citing TASS, said…")
        carried the story to this article: it goes first."""
        first = self.hops[0]
        para = self.doc.sentences[self.claim].paragraph
        for s in self.doc.sentences:
            if not para <= s.paragraph <= para + 1:
                continue
            mentions = self.names.within(s.start, s.end)
            for cue in self.relay_cues(s):
                before = [m for m in mentions if m.end <= cue.start() and m.is_outlet and not m.same(first)]
                target = next((m for m in mentions if cue.end() <= m.start <= cue.end() + RELAY_REACH), None)
                if before and target is not None and target.same(first) and not any(
                        before[-1].same(m) for m in self.names.within(self.sourced.start, self.sourced.end)):
                    m = before[-1]
                    self.hops.insert(0, Source(m.name, m.start, m.end, "relay", m.outlet, m.domain, is_outlet=True))
                    return

    def _relayed_by(self, current: Source, sentences) -> Source | None:
        for s in sentences:
            mentions = self.names.within(s.start, s.end)
            for cue in self._relay_points(s):
                before = [m for m in mentions if m.end <= cue.start()]
                clause = self.text[s.start:cue.start()]
                if before and not any(m.same(current) for m in before) and not _named_in(
                        current, clause[before[-1].end - s.start:]):
                    continue
                if not before and not (self._refers(s.start, cue.start()) or _named_in(current, clause)
                                       or self._described(current, s.start, cue.start())
                                       or self._same_document(current, s.start, cue.start())):
                    continue
                unnamed = self._anonymous_after(cue.end())
                target = next((m for m in mentions if cue.end() <= m.start <= cue.end() + RELAY_REACH
                               and not m.same(current)), None)
                if target is not None and unnamed is not None and target.start < unnamed.end:
                    target = None  # a name inside an anonymous source ("an official of the X ministry")
                if target is not None and self.text[cue.end():target.start].count(",") < 2:
                    return Source(target.name, target.start, target.end, "relay", target.outlet, target.domain,
                                  is_outlet=target.is_outlet)
                named = self._named_target(cue.end(), s.end, current, short=len(cue.group()) < SHORT_CUE
                                           and unnamed is None)
                if unnamed is not None and (named is None or not named.anonymous):
                    return unnamed  # the earlier stage knows the speaker is anonymous; the phrase did not say
                if named is not None and not named.same(current):
                    return named
        return None

    def _described(self, current: Source, start: int, cue_start: int) -> bool:
        """Is the speaker before a relay cue a role or pronoun ("the minister referred to…",
        "глава МИД сослался на…") that refers back to ``current``, a person or body: the
        attribution stage resolved it to ``current``, or ``current`` is the nearest speaker
        named before it (outlets aside)?"""
        if current.is_outlet or current.anonymous:
            return False
        said = next((a for a in self.doc.attributions if a.speaker_start is not None and not a.anonymous
                     and start <= a.speaker_start and a.speaker_end <= cue_start), None)
        role = self.text[said.speaker_start:said.speaker_end].strip() if said else ""
        if not role[:1].islower():
            return False
        if said.speaker_entity and said.speaker_entity != role:  # resolved to a name
            return same_name(said.speaker_entity, current.name)
        named = [a for a in self.doc.attributions if a.speaker_start is not None and a.speaker_end <= start
                 and not a.anonymous and _named(" " + self.text[a.speaker_start:a.speaker_end].strip())
                 and not any(m.is_outlet for m in self.names.within(a.speaker_start, a.speaker_end))]
        nearest = max(named, key=lambda a: a.speaker_start, default=None)
        return nearest is not None and bool(nearest.speaker_entity) and same_name(nearest.speaker_entity, current.name)

    def _document_noun(self, src: Source) -> str | None:
        """The document noun a source is named by ("a post shared on X" → "post"), if any."""
        lang = self.lang(src.start)
        words = [w for w in re.findall(r"\w+", src.name)]
        while words and words[0].casefold() in cues.stopwords(lang):
            words.pop(0)
        hit = next(iter(cues.find("primary_material", " ".join(words[:1]), lang)), None) if words else None
        return words[0].casefold() if hit is not None else None

    def _same_document(self, current: Source, start: int, cue_start: int) -> bool:
        """Does the clause before a cue refer back to a document source by its noun ("A post
        claims …. The post was first published by …")?"""
        noun = self._document_noun(current)
        return noun is not None and re.search(rf"(?<!\w){re.escape(noun)}(?!\w)",
                                              self.text[start:cue_start].casefold()) is not None

    def _anonymous_after(self, pos: int) -> Source | None:
        """An anonymous speaker the earlier stage found right after a relay cue ("citing an
        official who asked not to be named"): the relayed source."""
        for i, a in enumerate(self.doc.attributions):
            if a.anonymous and a.speaker_start is not None and not self.text[pos:a.speaker_start].strip(" :,\u00a0") \
                    and a.speaker_start >= pos:
                said = self.text[a.speaker_start:a.speaker_end].strip("«»„“”\"' ")
                start = self.text.find(said, a.speaker_start)
                return Source(said, start, start + len(said), "relay", anonymous=True, attribution=i)
        return None

    def _refers(self, start: int, cue_start: int) -> bool:
        """Does the clause before a cue, naming no source, refer back to one by an outlet
        noun ("Trang này dẫn nguồn…", "the agency, citing…")?"""
        return bool(cues.find("outlet_nouns", self.text[start:cue_start], self.lang(start)))

    def _named_target(self, pos: int, limit: int, current: Source, short: bool = False) -> Source | None:
        """A source right after a relay cue that no name list knows: «a source in the
        ministry», "the report of Xyz"; a named one relayed by an outlet is taken for one.
        A document or recording ("a statement from the X ministry") stands for the body
        named after it, else is the origin itself; a reporting verb ends the phrase."""
        rest = self.text[pos:limit]
        lead = len(rest) - len(rest.lstrip(" :\u00a0"))
        quoted = QUOTED.match(rest, lead)
        if quoted:
            start, end = pos + quoted.start(1), pos + quoted.end(1)
        else:
            stop = re.search(r"[,;.:!?–—()]|\s(?:that|que|che|dass|что|rằng|że)\s", rest[lead:])
            end = pos + lead + (stop.start() if stop else len(rest) - lead)
            start = pos + lead
            end = min([a.cue_start for a in self.doc.attributions if start < a.cue_start < end] + [end])
        said = self.text[start:end].strip()
        document = self._document(said, start) if said else None
        if document is not None:  # opening the phrase: it may be long ("data obtained last week from …")
            if cues.find("primary_material", self.text, self.lang(start), *document):
                document = self._given_by(document[1], limit) or document
            found = Source(self.text[document[0]:document[1]], *document, "relay")
            self.names.add(found)
            return found
        if not said or len(said.split()) > 8:
            return None
        anonymous = self._anonymous(said, start)
        if short and not anonymous:
            return None  # a short cue ("via", "qua") names only a document or an anonymous source
        role = False
        if not anonymous:
            named = self._role_or_name(said, start, limit)
            if named is None:
                return None
            role = self._role(self.text[start:named[0]], start)
            start, said = named
        found = Source(said, start, start + len(said), "relay", anonymous=anonymous,
                       is_outlet=current.is_outlet and not anonymous and not role)
        self.names.add(found)
        return found

    def _role(self, lead: str, pos: int) -> bool:
        """Do the words before a relayed name give a role in apposition to it ("the port
        director X", "директора порта X"): lower-case words ending on one that is no
        determiner or preposition ("the chronicle of X" names X's chronicle), and no outlet
        noun? A role names a person or body, never an outlet, even when an outlet relays them."""
        lang = self.lang(pos)
        words = re.findall(r"[^\W\d_][\w'’-]*", lead)
        return bool(words) and words[-1][:1].islower() and words[-1].casefold() not in cues.stopwords(lang) \
            and not cues.find("outlet_nouns", lead, lang)

    def _role_or_name(self, said: str, start: int, limit: int) -> tuple[int, str] | None:
        """The source a relay cue names: a person's name in apposition to a role ("the
        spokesman of the X ministry, Ivan Petrov" → "Ivan Petrov"), else the phrase from its
        first capitalised word ("the find to Xyz" → "Xyz"); not a platform ("via Telegram")."""
        stop = cues.stopwords(self.lang(start))
        words = list(re.finditer(r"[^\W\d_][\w'’.-]*", said))
        while words and words[0].group().casefold() in stop:
            words.pop(0)
        if words and words[0].group()[:1].islower():
            after = _apposed_name(self.text, start + len(said), limit)
            if after is not None:
                return after[0], self.text[after[0]:after[1]]
        if not any(w.group()[:1].isupper() for w in words):
            return None
        first = next(w for w in words if w.group()[:1].isupper())
        if first.group().casefold() in PLATFORMS:
            return None
        return start + first.start(), said[first.start():]

    def _owner_in(self, sentence) -> Source | None:
        """The body whose document the claim sentence cites when no attribution holds it
        ("…, according to data from the statistics office", "wie aus einem Bericht des
        Ministeriums X hervorgeht", «говорится в заявлении Минтранса»): a document noun then,
        in its clause, a function word or a capitalised word opening the body's name
        (at most ``FROM_WORDS`` words, with its complements)."""
        lang = self.lang(sentence.start)
        stop = cues.stopwords(lang)
        for noun in cues.find("primary_material", self.text, lang, sentence.start, sentence.end):
            clause = re.match(r"[^,;.:!?–—()«»\"“”„]*", self.text[noun.end():sentence.end]).group()
            words = list(re.finditer(r"[^\W\d_][\w'’.-]*", clause))
            if not words or not (words[0].group().casefold() in stop or words[0].group()[:1].isupper()):
                continue
            while words and words[0].group().casefold() in stop:
                words.pop(0)
            body = list(itertools.takewhile(lambda w: w.group().casefold() not in stop, words))[:FROM_WORDS]
            body = list(itertools.takewhile(lambda w: w.group()[:1].isupper() or not body[0].group()[:1].isupper(),
                                            body))
            if not body:
                continue
            start, end = noun.end() + body[0].start(), noun.end() + body[-1].end()
            end = min(_complements(self.text, end, stop), noun.end() + len(clause.rstrip()))
            if self.text[start:end].casefold() not in PLATFORMS:
                return Source(self.text[start:end], start, end, "mention")
        return None

    def _given_by(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The span of the body a document came from ("…, received from the lab in X",
        «…», полученную от лаборатории в X, "posted by the account @x"): a
        ``source_prepositions`` word at most ``FROM_WORDS`` words after the document, in its
        clause, then the noun after it (at most ``FROM_WORDS`` words, without determiners)
        with its complements, or the known name inside it ("@x")."""
        lang = self.lang(pos)
        clause = re.match(r"[^.;:!?()\n]*", self.text[pos:limit]).group()
        hit = next(iter(cues.find("source_prepositions", self.text, lang, pos, pos + len(clause))), None)
        if hit is None or len(re.findall(r"\w+", self.text[pos:hit.start()])) > FROM_WORDS:
            return None
        stop = cues.stopwords(lang)
        phrase = re.match(r"[^,«»\"“”„]*", clause[hit.end() - pos:]).group()
        words = list(re.finditer(r"[^\W\d_][\w'’.-]*", phrase))
        while words and words[0].group().casefold() in stop:
            words.pop(0)
        noun = list(itertools.takewhile(lambda w: w.group().casefold() not in stop, words))[:FROM_WORDS]
        if not noun:
            return None
        start, end = hit.end() + noun[0].start(), hit.end() + noun[-1].end()
        end = min(_complements(self.text, end, stop), hit.end() + len(phrase.rstrip()))
        known = next(iter(self.names.within(start, end)), None)
        return (known.start, known.end) if known is not None else (start, end)  # "the account @x" is "@x"

    def _document(self, said: str, start: int) -> tuple[int, int] | None:
        """When ``said`` opens on a document noun, the span of the body named in its complement
        ("the statement of the X ministry", "oświadczenie Ministerstwa X"), else of the noun."""
        lang = self.lang(start)
        stop = cues.stopwords(lang)
        noun = next(iter(cues.find("primary_material", said, lang)), None)
        lead = [w for w in re.findall(r"\w+", said[:noun.start()]) if w.casefold() not in stop] if noun else []
        if noun is None or len(lead) > ADJECTIVES or any(w[:1].isupper() for w in lead):
            return None  # a document with at most two adjectives ("confidential information")
        words = list(re.finditer(r"\w[\w'’.-]*", said[noun.end():]))
        if len(words) > 1 and words[1].group().casefold() in stop and words[0].group()[:1].islower():
            words.pop(0)  # one adjective: "a confidential report of the X"
        if not words or len(words) > 6 or not (words[0].group().casefold() in stop or words[0].group()[:1].isupper()):
            return start + noun.start(), start + noun.end()
        body = next((w for w in words if w.group().casefold() not in stop), None)
        if body is None:
            return start + noun.start(), start + noun.end()
        return start + noun.end() + body.start(), start + len(said.rstrip())

    def _add(self, src: Source) -> None:
        """Append ``src`` unless the chain has it; a domain ("mk.ru") then takes the name
        the text also gives the outlet (a newspaper's German name)."""
        seen = next((h for h in self.hops if h.same(src)), None)
        if seen is None:
            self.hops.append(src)
        elif seen.domain and seen.name == self.text[seen.start:seen.end] and not src.domain:
            seen.name, seen.start, seen.end = src.name, src.start, src.end


def _complements(text: str, end: int, stop: frozenset | set) -> int:
    """Where a noun ending at ``end`` ends with its prepositional complements: pairs of a
    function word and a word ("de l'hôpital", "at the clinic", "в министерстве"), at most
    three, up to punctuation."""
    rest = list(re.finditer(r"\S+", text[end:end + 120]))
    out = end
    for k in range(0, min(len(rest), 6) - 1, 2):
        prep, noun = rest[k].group(), rest[k + 1].group()
        bare = noun.rstrip(",.;:!?»”\")")
        if _elided(prep).casefold() not in stop or bare.casefold() in stop or not bare:
            break
        out = end + rest[k + 1].start() + len(bare)
        if noun != bare:
            break
    return out


def _elided(word: str) -> str:
    """The article or preposition of an elided word ("l'hôpital" → "l")."""
    return re.split(r"['’]", word)[0]


def _named(name: str) -> bool:
    """Does a speaker name anyone ("the daily Xyz"), beyond a common noun that refers back
    to an outlet already named ("the site", "trang Facebook")?"""
    return any(w[:1].isupper() and w.strip(",.").casefold() not in PLATFORMS for w in name.split()[1:])


def _named_in(src: Source, clause: str) -> bool:
    """Is ``src`` named in ``clause``, in full or by its first word ("Globe")?"""
    first = src.name.split()[0] if src.name.split() else ""
    return bool(src.name and src.name in clause) or (
        len(first) >= 5 and first[:1].isupper() and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", clause) is not None)


def _person_in(said: str, entity: str | None) -> tuple[int, int] | None:
    """The span of a personal name that a speaker phrase gives with its role ("the deputy
    mayor Ana Lind", "Ana Lind, head of the agency"): the speaker's entity, two or more
    capitalised words, at the end of the phrase or before a comma or bracket, after nothing
    or after a role: words that include a lower-case one (not more of the name) and, past the
    first word, no preposition unless a lower-case noun ends the role ("head of the X Y" names
    X Y's head, not a person; "le directeur du port X Y" is X Y)."""
    if not entity or len(entity.split()) < 2 or not all(w[:1].isupper() for w in entity.split()):
        return None
    at = said.find(entity)
    if at < 0:
        return None
    after, before = said[at + len(entity):].lstrip(), said[:at].split()
    if after and after[0] not in ",(":
        return None
    stop = cues.stopwords(None)
    if before and (not any(w[:1].islower() for w in before) or any(w.casefold() in stop for w in before[1:])
                   and (before[-1].casefold() in stop or before[-1][:1].isupper())):
        return None  # "the head of the Water Board"; not "le directeur du port Marc Olsen"
    return at, at + len(entity)


def _name_in(said: str, entity: str | None) -> tuple[int, int] | None:
    """The span of the person or body a speaker phrase names beside a role (:func:`_person_in`):
    its entity, else its last run of two capitalised words or more ("the deputy mayor Ana
    Lind", when the attribution stage resolved no entity)."""
    runs, run = [], []
    for w in re.finditer(r"\S+", said):
        if w.group()[:1].isupper() and w.group()[:1].isalpha():
            run.append(w)
            if not w.group()[-1:].isalnum():
                runs.append(run)  # punctuation ends a run
                run = []
        else:
            runs.append(run)
            run = []
    runs.append(run)
    names = [said[r[0].start():r[-1].end()].rstrip(",.;:") for r in runs if len(r) >= 2]
    for name in (entity, *reversed(names)):
        span = _person_in(said, name)
        if span is not None:
            return span
    return None


def _stems(name: str) -> set[str]:
    """The capitalised words of a name, by their first four letters (case-folded)."""
    stop = cues.stopwords(None)
    return {w.casefold()[:4] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[:1].isupper() and w.casefold() not in stop}


def _proper_name(name: str, stop) -> bool:
    """Is ``name`` a proper name only: capitalised words, function words between them?"""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w.casefold() in stop for w in words)


def _too_long(said: str) -> bool:
    """Is a speaker span too long to be a name: a clause the earlier stage took for one?"""
    return len(said.split()) > 12 or len(said) > NAME_CHARS


def _leading_name(said: str) -> tuple[int, int] | None:
    """The name a too-long speaker span opens on, before the lower-case words of the clause
    it swallowed ("Regional Water Board of Tarn told the weekly paper on Friday that …"):
    two capitalised words or more (lower-case joiners between them) after its determiners."""
    span = _name_after(said, 0, len(said))
    if span is None or len(said[span[0]:span[1]].split()) < 2 or QUOTED.match(said, max(0, span[0] - 1)):
        return None
    rest = said[span[1]:].split()
    return span if rest and rest[0][:1].islower() else None


def _apposed_name(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The span of a name in apposition right after ``pos`` (", Ana Lind," after "the port
    director"): two to four capitalised words between commas or before the clause's end."""
    after = re.match(r",\s*((?:[^\W\d_][\w'’-]*\s?){2,4})(?=[,.;)]|$)", text[pos:limit])
    if after is None or not all(w[:1].isupper() for w in after.group(1).split()):
        return None
    return pos + after.start(1), pos + after.start(1) + len(after.group(1).rstrip())


def _covers(a: Attribution, start: int, end: int) -> bool:
    inter = min(a.content_end, end) - max(a.content_start, start)
    return inter * 2 >= (end - start)
