"""The route of the main claim: credits, the attributions it rests on, relays followed
to the origin, loops (docs/sourcing.md). The parts live beside it: what an attribution
names (``reading.py``), credits and bylines (``credits.py``), relays (``relays.py``), the
origin and full names (``origin.py``), names in phrases (``phrases.py``)."""

from __future__ import annotations

from ...model import Document
from ...outlets import cues
from .credits import Credits
from .names import Names, Source
from .origin import Origin
from .phrases import covers, full_name, names_anyone
from .relays import FOLLOW_PARAGRAPHS, Relays


class Chain(Credits, Relays, Origin):
    """The route of the main claim, built once per document."""

    def __init__(self, doc: Document, names: Names):
        super().__init__(doc, names)
        self.hops: list[Source] = []
        self.circular: Source | None = None
        self.support: list[int] = []  # attributions the main claim rests on

    def build(self) -> "Chain":
        """The route, then the byline when nobody is credited, and the full names of its
        person and body hops; a source named by surname alone, an unregistered one a relay
        typed an outlet included, takes the text's first full form of the name
        (:func:`full_name`)."""
        self._build()
        if not self.hops and self.claim is not None:
            self._add_found(self._issuer() or self._byline())  # nobody credited: the issuer, author or outlet
        for hop in self.hops:
            if not hop.is_outlet:
                self._antecedent(hop)
                self._full_form(hop)
            span = None if hop.outlet or hop.domain or hop.anonymous else full_name(self.text, hop.name, hop.start, self.lang(hop.start))
            if span is not None:
                hop.name, hop.start, hop.end = self.text[span[0]:span[1]], *span
        return self

    def _build(self) -> None:
        """Credits first, then the claim's own sources (a transcript guest, the body whose
        document it cites, the outlet that published the document it quotes, or the sources
        of its sentence or the next), relays from the last hop, and the origin."""
        for credit in self._credits():
            self._add(credit)
        if self.claim is None:
            return
        tag = self._tag(self.doc.sentences[self.claim].start)
        if tag is not None and not tag[1] and not self._usable_in(self.doc.sentences[self.claim], own=True):
            self.hops.append(tag[0])  # a guest's line in a transcript: the guest says the claim
            claim = self.doc.sentences[self.claim]
            self._add_found(self._guest_outlet(claim.start) or self._guest_document(claim))
            self._follow()
            return
        claim = self.doc.sentences[self.claim]
        owner = None if self.hops or self._usable_in(claim) or self._credited_in(claim, []) else self._owner_in(claim)
        if owner is not None:
            self.hops.append(owner)  # "according to a statement of the X ministry": the ministry says it
            self._follow()
            return
        signed = [i for i in self._usable_in(claim) if not self.unsigned(self.doc.attributions[i])]
        publisher = None if self.hops or signed else self._publisher(claim)
        if publisher is not None:
            self.hops.append(publisher)  # "the story says …" and later "site X carried it, citing Y"
            self._follow()
            return
        agent = None if self._usable_in(claim) else self._anaphoric_agent(claim)
        if agent is not None and not agent.is_outlet:
            self._add(agent)  # "Das beschloss der Kreistag.", "Lo ha destapado X.": X did or said it
            self._follow()
            return
        issuer = None if self.hops or self._usable_in(claim, relaxed=True) or self._credited_in(claim, []) \
            else self._issuer()
        if issuer is not None:
            self.hops.append(issuer)  # a press release's claim that names no source: its issuer's
            return
        sentence = self._sourced_sentence()
        if sentence is not claim and not self.hops and self._acts(claim, sentence):
            return
        if sentence is None:
            if not self.hops:
                self._add_found(self._unnamed(self.doc.sentences[self.claim]))
            elif self.hops[-1].is_outlet and not self.hops[-1].anonymous:
                self._follow()  # "Source: X" and later "X cites Y": the credited outlet relays Y
            return
        self.support = self._usable_in(sentence) or self._usable_in(sentence, relaxed=True)
        speakers = [self.speaker(i) for i in self.support]
        credited = self._credited_in(sentence, speakers)
        outlets = credited + [s for s in speakers if s.is_outlet and (
            s.outlet or s.domain or names_anyone(s.name) or not (self.hops or credited))]
        if not outlets and not self.hops:
            carrier = self._anaphoric_agent(claim)  # "Así lo recoge la cadena X."
            outlets = self._credited_after(sentence) or ([carrier] if carrier and carrier.is_outlet else [])
        for src in sorted(outlets, key=self._outer_rank):
            self._add(src)
        if self.hops and not self.hops[-1].anonymous:
            self._follow()
        if not self.circular and (not self.hops or self.hops[-1].is_outlet):
            relaxed = [self.speaker(i) for i in self._usable_in(sentence, relaxed=True) if i not in self.support]
            people = sorted((s for s in speakers if not s.is_outlet), key=lambda p: -self._coverage(p, sentence)) \
                or self._aired(speakers) or [s for s in relaxed if not s.is_outlet and len(s.name.split()) <= 6
                    and not cues.find("relay_cues", s.name, self.lang(s.start))] or self._quoted_in(sentence) \
                or self._people_after(sentence) or self._acting_body(self.doc.sentences[self.claim])
            if people and not any(h.same(people[0]) for h in self.hops):
                self.hops.append(people[0])
                instance = self._instance(people[0])
                if instance is not None:
                    self.hops[-1] = instance
                if not people[0].anonymous or self._document_noun(people[0]) is not None:
                    self._follow()  # the speaker (or an unsigned post) may credit the claim to someone else

    def _acts(self, claim, sentence) -> bool:
        """Is the claim, which names no source, a body's own act ("the X council voted …")
        that no outlet after it carries and no press release issues? Then the body is its
        origin, not a speaker quoted further on (:meth:`_acting_body`)."""
        if sentence is not None and (self._credited_in(sentence, []) or any(
                self.speaker(i).is_outlet for i in self._usable_in(sentence))):
            return False
        i = self.doc.sentences.index(claim) + 1
        nxt = self.doc.sentences[i] if i < len(self.doc.sentences) else None
        acting = self._acting_body(claim, True) or (self._acting_body(nxt, True) if nxt and nxt.paragraph <= claim.paragraph + 1 else [])
        if not acting or self._issuer() is not None:
            return False
        self.hops.append(acting[0])
        self._follow()
        return True

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

    def _outer_rank(self, src: Source):
        """Outer sources first: one whose words contain the other's cue, then in order of
        appearance."""
        if src.attribution is None:
            return 0, src.start
        a = self.doc.attributions[src.attribution]
        nested = sum(1 for j in self.support if covers(self.doc.attributions[j], a.cue_start, a.cue_end)
                     and j != src.attribution)
        return nested, src.start

    def _add(self, src: Source) -> None:
        """Append ``src`` unless the chain has it; a domain ("mk.ru") then takes the name
        the text also gives the outlet (a newspaper's German name). An outlet no registry
        knows, named by the claim, and the one credit of the article, a domain no registry
        knows ("Source: valley-post.net"), are one outlet: the text names it both ways."""
        seen = next((h for h in self.hops if h.same(src)), None)
        if seen is None and len(self.hops) == 1 and self._unknown_domain(self.hops[0]) \
                and src.is_outlet and not (src.outlet or src.domain):
            seen = self.hops[0]
        if seen is None:
            self.hops.append(src)
        elif seen.domain and seen.name == self.text[seen.start:seen.end] and not src.domain:
            seen.name, seen.start, seen.end = src.name, src.start, src.end

    def _unknown_domain(self, hop: Source) -> bool:
        """Is ``hop`` a credit naming a domain no registry outlet owns, by the domain alone?"""
        return hop.evidence == "credit_line" and bool(hop.domain) and hop.outlet is None \
            and hop.name == self.text[hop.start:hop.end]
