"""Following relays (docs/sourcing.md): from the last hop of the route, relay cues ("X,
citing Y", "X se apoyaba en Y") lead to the source each names, until an anonymous source, a
loop or nothing; an outlet that relays the first hop goes before it."""

from __future__ import annotations

import re

from ...outlets import cues
from .names import PLATFORMS, QUOTED, RELAY_REACH, Source, same_name
from .phrases import apposed_name, named_in, names_anyone
from .reading import Reading

FOLLOW_PARAGRAPHS = 3  # how far past the main claim relays of its sources are followed
SHORT_CUE = 6  # a relay cue shorter than this ("via", "cite", "qua") is too common to name any phrase after it
OPENING_WORDS = 2  # words before an outlet noun that refers back to an outlet, opening a relay's clause


class Relays(Reading):
    """Relays followed from the route's last hop; ``hops`` and ``circular`` are the route's
    (set by :class:`~.route.Chain`)."""

    hops: list[Source]
    circular: Source | None

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
            if not current.is_outlet and nxt.is_outlet and self._document_noun(current) is None \
                    and not self._made_by(nxt):
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

    def _made_by(self, outlet: Source) -> bool:
        """Is an outlet named as the maker of a document a relay cue names ("cited a report
        that X aired", «сослался на расследование, показанное каналом X»): a document noun
        between the cue and the outlet, in its sentence?"""
        i = self.names.sentence_at(outlet.start)
        if i is None:
            return False
        start = max(self.doc.sentences[i].start, outlet.start - RELAY_REACH)
        cue = [c for c in self._relay_points(self.doc.sentences[i]) if start <= c.end() <= outlet.start]
        return bool(cue) and bool(cues.find("primary_material", self.text, self.lang(outlet.start), cue[-1].end(),
                                            outlet.start))

    def _add_found(self, src: Source | None) -> None:
        if src is not None and not any(h.same(src) for h in self.hops):
            self.hops.append(src)

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

    def _relay_points(self, sent) -> list:
        """Relay cues of ``sent``, and the source prepositions right after a document noun
        ("X got the information from Y", "X получил данные от Y"): Y gave X the material."""
        i = self.names.sentence_at(sent.start)
        material = self.names.cues_in("primary_material", i)
        given = [p for p in self.names.cues_in("source_prepositions", i)
                 if any(0 <= len(re.findall(r"\w+", self.text[m.end():p.start()])) <= 1 and m.end() <= p.start()
                        for m in material)]
        return sorted([*self.relay_cues(sent), *given], key=lambda m: m.start())

    def _relayed_by(self, current: Source, sentences) -> Source | None:
        for s in sentences:
            mentions = self.names.within(s.start, s.end)
            for cue in self._relay_points(s):
                before = [m for m in mentions if m.end <= cue.start()]
                clause = self.text[s.start:cue.start()]
                if before and not any(m.same(current) for m in before) and not named_in(
                        current, clause[before[-1].end - s.start:]):
                    continue
                if not before and not (self._refers(s.start, cue.start()) or named_in(current, clause)
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
                 and not a.anonymous and names_anyone(" " + self.text[a.speaker_start:a.speaker_end].strip())
                 and not any(m.is_outlet for m in self.names.within(a.speaker_start, a.speaker_end))]
        nearest = max(named, key=lambda a: a.speaker_start, default=None)
        return nearest is not None and bool(nearest.speaker_entity) and same_name(nearest.speaker_entity, current.name)

    def _same_document(self, current: Source, start: int, cue_start: int) -> bool:
        """Does the clause before a cue refer back to a document source by its noun ("A post
        claims …. The post was first published by …")?"""
        noun = self._document_noun(current)
        return noun is not None and re.search(rf"(?<!\w){re.escape(noun)}(?!\w)",
                                              self.text[start:cue_start].casefold()) is not None

    def _anonymous_after(self, pos: int) -> Source | None:
        """An anonymous speaker the earlier stage found right after a relay cue, in quotes or
        not ("citing an official who asked not to be named"): the relayed source."""
        for i, a in enumerate(self.doc.attributions):
            if a.anonymous and a.speaker_start is not None and not self.text[pos:a.speaker_start].strip(" :,\u00a0«„“\"") \
                    and a.speaker_start >= pos:
                said = self.text[a.speaker_start:a.speaker_end].strip("«»„“”\"' ")
                start = self.text.find(said, a.speaker_start)
                return Source(said, start, start + len(said), "relay", anonymous=True, attribution=i)
        return None

    def _refers(self, start: int, cue_start: int) -> bool:
        """Does the clause before a cue, naming no source, refer back to one by an outlet noun
        near its opening ("Trang này dẫn nguồn…", "the agency, citing…", "Am Montag meldete der
        Sender unter Berufung auf …"): past function words, at most ``OPENING_WORDS`` words
        before it, none capitalised past the first? An outlet noun further in names someone else
        ("Sources at the X Ministry consulted by this paper recalled that … through the Y")."""
        lang = self.lang(start)
        stop = cues.stopwords(lang)
        for noun in cues.find("outlet_nouns", self.text, lang, start, cue_start):
            lead = [w for w in re.findall(r"\w+", self.text[start:noun.start()]) if w.casefold() not in stop]
            if len(lead) <= OPENING_WORDS and not any(w[:1].isupper() for w in lead[1:]):
                return True
        return False

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
        if said[:1] in "«„“\"" and said[-1:] in "»“”\"":  # a quoted phrase too long for QUOTED
            inner = said[1:-1]
            start += self.text[start:end].index(said) + 1 + len(inner) - len(inner.lstrip())
            said = inner.strip()
        document = self._document(said, start) if said else None
        if document is not None:  # opening the phrase: it may be long ("data obtained last week from …")
            if cues.find("primary_material", self.text, self.lang(start), *document):
                document = self._given_by(document[1], limit) or document
            found = Source(self.text[document[0]:document[1]], *document, "relay")
            self.names.add(found)
            return found
        anonymous = self._anonymous(said, start) or self._anonymous_description(said, start) \
            or self._anonymous_clause(said, self.text.find(said, start) + len(said), limit)
        if not said or len(said.split()) > 8 and not anonymous:
            return None
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

    def _anonymous_description(self, said: str, pos: int) -> bool:
        """Is a relayed phrase a description of someone it does not name: it opens on a
        lower-case word and says so anywhere ("an employee of the town hall who asked to stay
        anonymous", "một quan chức … giấu tên"): an ``anonymous_nouns`` word of the table."""
        first = re.search(r"[^\W\d_]", said)
        return first is not None and said[first.start()].islower() \
            and bool(cues.find("anonymous_nouns", said, self.lang(pos)))

    def _anonymous_clause(self, said: str, end: int, limit: int) -> bool:
        """Is a relayed phrase opening on a lower-case word a description whose clause in
        apposition says it is anonymous ("citing an officer of the X, who wants to stay
        anonymous", "powołuje się na funkcjonariusza X, który chce pozostać anonimowy"): an
        ``anonymous_nouns`` word after the comma that ends it, in that clause?"""
        first = re.search(r"[^\W\d_]", said)
        clause = re.match(r"\s*,([^.;:!?()\n]*)", self.text[end:limit])
        return first is not None and said[first.start()].islower() and clause is not None \
            and bool(cues.find("anonymous_nouns", clause.group(1), self.lang(end)))

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
            after = apposed_name(self.text, start + len(said), limit)
            if after is not None:
                return after[0], self.text[after[0]:after[1]]
        if not any(w.group()[:1].isupper() for w in words):
            return None
        first = next(w for w in words if w.group()[:1].isupper())
        if first.group().casefold() in PLATFORMS:
            return None
        joiners = stop | {w.casefold() for w in cues.table(self.lang(start))["coordinators"]} \
            if self.lang(start) in cues.languages() else stop
        while words[-1] is not first and words[-1].group().casefold() in joiners:
            words.pop()  # "the X Commission and" before "that …": the name ends on its last word
        return start + first.start(), said[first.start():words[-1].end()]

    def _guest_outlet(self, pos: int) -> Source | None:
        """The outlet a guest names in the line where they state the claim, after it ("I read
        it on the Pine Post, a news site"): where the guest got it."""
        end = self.text.find("\n", pos)
        m = next((m for m in self.names.within(pos, len(self.text) if end < 0 else end) if m.is_outlet), None)
        return None if m is None else Source(m.name, m.start, m.end, "relay", m.outlet, m.domain, is_outlet=True)
