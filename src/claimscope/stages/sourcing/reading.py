"""What one attribution says about its source, for the route (docs/sourcing.md): whether
its speaker names someone, and whom (a person, a body, an outlet, an anonymous source; the
owner of a document, the agent completing an unnamed speaker); transcript speaker tags and
presenters; credits and relay cues that are no source of the claim; where a document came
from."""

from __future__ import annotations

import functools
import itertools
import re

from ...model import Attribution, Document
from ...outlets import cues
from .bodies import institution
from .lead import main_claim, speaker_tag
from .names import Names, Source, _inside_name, _name_after, capitalised_inside, same_name
from .phrases import apposed_head, apposed_name, complements, covers, leading_name, name_in, no_name, too_long

AGENT_WORDS = 3  # an unnamed speaker after its cue ("what was announced") is named this many words on at most
FROM_WORDS = 3  # where a document came from: its source preposition this close, the body this long
ADJECTIVES = 2  # lower-case words a document noun after a relay cue may have before it
APPOSED_NAME = 4  # a resolved name longer than this is a description: the name inside it is taken


def _lead_words(text: str) -> list[str]:
    """The words before a noun, a possessive aside: "the operator's own" → ["the", "own"] (a
    possessive noun stands where a determiner does)."""
    return [w for w in re.findall(r"\w+(?:['’]s(?!\w))?", text) if not re.search(r"['’]s$", w)]


class Reading:
    """A document read for its main claim's route: its names, its main claim, and what each
    attribution's speaker names. The route's parts (credits, relays, origin) build on it."""

    def __init__(self, doc: Document, names: Names):
        self.doc, self.names = doc, names
        self.text = doc.text
        self.claim = main_claim(doc)
        self._usable_memo: dict[int, bool] = {}
        self._usable_in_memo: dict[tuple, list[int]] = {}

    def lang(self, pos: int) -> str | None:
        return self.names.lang_at(pos)

    def relay_cues(self, sent) -> list:
        return self.names.cues_in("relay_cues", self.names.sentence_at(sent.start))

    def _usable_in(self, sent, relaxed: bool = False, own: bool = False) -> list[int]:
        """Attributions with a usable speaker (any speaker when ``relaxed``) whose cue is in
        ``sent`` or, in the claim sentence and unless ``own``, whose content covers it."""
        doc = self.doc
        key = (sent.start, sent.end, relaxed, own)
        if key not in self._usable_in_memo:  # the route asks again of the same sentences
            self._usable_in_memo[key] = [
                i for i, a in enumerate(doc.attributions) if a.speaker_start is not None
                and not self._relay_cue(a) and not self._credit(a) and not self.presenter(a)
                and not self._quoted_by_other(a)
                and (self.usable(a) if not relaxed else self._phrase(a))
                and (sent.start <= a.cue_start < sent.end or (sent is doc.sentences[self.claim] and not own
                                                              and covers(a, sent.start, sent.end)))]
        return list(self._usable_in_memo[key])

    def _quoted_by_other(self, a: Attribution) -> bool:
        """Is the cue of ``a`` inside another attribution's direct quote («It was on the radio»,
        says the message)? A source named in someone's quoted words is what they claim, not
        where the article got the claim."""
        return any(b.direct and b is not a and b.content_start <= a.cue_start < b.content_end
                   for b in self.doc.attributions)

    def _phrase(self, a: Attribution) -> bool:
        """Is the speaker a phrase of two words or more that may name someone (:func:`no_name`)?"""
        said = self.text[a.speaker_start:a.speaker_end]
        return len(said.split()) >= 2 and (a.anonymous or not no_name(said, self.lang(a.speaker_start)))

    def _tag(self, pos: int) -> tuple[Source, bool] | None:
        """The transcript speaker tag opening the line of ``pos`` (:func:`speaker_tag`)."""
        tag = speaker_tag(self.text, pos, self.lang(pos))
        if tag is None:
            return None
        m, host = tag
        return Source(m.group("name"), m.start("name"), m.end("name"), "attribution"), host

    def _tagged(self, i: int) -> bool:
        """Is attribution ``i`` a transcript's speaker tag ("NAME (role): …")? It gives the
        speaker of its line, not the source of a claim made in another."""
        a = self.doc.attributions[i]
        tag = self._tag(a.speaker_start)
        return tag is not None and tag[0].start == a.speaker_start

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
        said, lang = self.text[a.speaker_start:a.speaker_end], self.lang(a.speaker_start)
        if no_name(said, lang) and not a.anonymous:
            return False  # "… in 2015. The", "He had written under …": a clause
        head = apposed_head(said, lang) if too_long(said) and not a.anonymous else None
        if too_long(said) and not a.anonymous and head is None:
            return leading_name(said) is not None  # a clause, unless it opens on a name it swallowed the verb of
        said = head or said  # "Dr X, a researcher at the Y of Z": the apposition aside
        named = any(c.isupper() for c in said[1:]) or any(c.isupper() for c in (a.speaker_entity or "")[1:]) \
            or bool(self.names.within(a.speaker_start, a.speaker_end)) or self._proper(said) \
            or self._agent(a) is not None
        return named or a.anonymous or bool(cues.find("outlet_nouns", said, lang)) or self._anonymous(
            said, a.speaker_start) or institution(said, lang) or self._owner(a) is not None or self.unsigned(a)

    def unsigned(self, a: Attribution) -> bool:
        """Is the speaker a document no one signs ("a letter pinned to the gate warns …"): it
        opens on a document noun past its determiners and at most ``ADJECTIVES`` adjectives, and
        names no owner? The document is the origin itself."""
        said = self.text[a.speaker_start:a.speaker_end]
        noun = next(iter(cues.find("primary_material", said, self.lang(a.speaker_start))), None)
        stop = cues.stopwords(self.lang(a.speaker_start))
        lead = list(itertools.dropwhile(lambda w: w.casefold() in stop, _lead_words(said[:noun.start()]))) \
            if noun else []
        return noun is not None and len(lead) <= ADJECTIVES and not any(w.casefold() in stop for w in lead) \
            and self._document(said, a.speaker_start) is not None and self._owner(a) is None

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
                end = complements(self.text, pos + run[-1].end(), stop)
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
        return word[:1].isupper() and " " not in word and capitalised_inside(word, self.text) \
            and word.lower() not in self.text

    def speaker(self, i: int) -> Source:
        """The source attribution ``i`` names (an outlet, a person, a body, an anonymous source)."""
        a = self.doc.attributions[i]
        span = (a.speaker_start, a.speaker_end)
        said = self.text[span[0]:span[1]]
        head = span[0] + len(re.match(r"[^,(–—]*", said).group())  # not an apposition or clause after a comma
        inside = [m for m in self.names.within(*span) if m.start < head]  # not "X, which sells the Y vaccine"
        if not inside:  # an outlet right after the speaker, or one the speaker is a piece of ("Español, que"),
            # or a registry outlet's name the speaker span cuts short ("la cadena RT| en Español")
            inside = [m for m in self.names.all if m.is_outlet and (
                0 <= m.start - span[1] <= 3 or m.start < span[0] < m.end
                or m.outlet and span[0] < m.start < span[1] < m.end)]
        if inside and inside[0].is_outlet:
            s = inside[0]
            return Source(s.name, s.start, s.end, "attribution", s.outlet, s.domain, is_outlet=True, attribution=i)
        agent = self._agent(a) or self._owner(a)
        if agent is not None:
            named = next((m for m in self.names.all if m.is_outlet and m.start < agent[1] and agent[0] < m.end
                          and (m.start == agent[0] or m.outlet)), None)  # "Staatssenders Rossija 1": the outlet
            if named is not None:
                return Source(named.name, named.start, named.end, "attribution", named.outlet, named.domain,
                              is_outlet=True, attribution=i)
            return Source(self.text[agent[0]:agent[1]], *agent, "attribution", attribution=i)
        outlet_noun = [m for m in cues.find("outlet_nouns", self.text, self.lang(span[0]), span[0], head)
                       if not _inside_name(m, span[0], self.lang(span[0]))]
        name = a.speaker_entity if self._pronoun(said, a.speaker_entity, span[0]) else said
        start, end = span
        if name != said and len(name.split()) > APPOSED_NAME:  # resolved to a description with a name in it
            inner = name_in(name, None)
            name = name[inner[0]:inner[1]] if inner else name
        leading = leading_name(said) if too_long(said) and not a.anonymous else None
        person = leading or name_in(said, a.speaker_entity)
        apposed = apposed_name(self.text, span[1], len(self.text)) if not any(
            w[:1].isupper() for w in said.split()[1:]) and name == said and not outlet_noun else None
        if person is not None:
            name, start, end = said[person[0]:person[1]], span[0] + person[0], span[0] + person[1]
        elif apposed is not None and not a.anonymous:  # "the port director, Ana Lind, said"
            (start, end), name = apposed, self.text[apposed[0]:apposed[1]]
        return Source(name.strip(), start, end, "attribution", anonymous=a.anonymous,
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

    def _document_noun(self, src: Source) -> str | None:
        """The document noun a source is named by ("a post shared on X" → "post"), if any."""
        lang = self.lang(src.start)
        words = [w for w in re.findall(r"\w+", src.name)]
        while words and words[0].casefold() in cues.stopwords(lang):
            words.pop(0)
        hit = next(iter(cues.find("primary_material", " ".join(words[:1]), lang)), None) if words else None
        return words[0].casefold() if hit is not None else None

    def _document(self, said: str, start: int) -> tuple[int, int] | None:
        """When ``said`` opens on a document noun, the span of the body named in its complement
        ("the statement of the X ministry", "oświadczenie Ministerstwa X"), else of the noun."""
        lang = self.lang(start)
        stop = cues.stopwords(lang)
        noun = next(iter(cues.find("primary_material", said, lang)), None)
        lead = [w for w in _lead_words(said[:noun.start()]) if w.casefold() not in stop] if noun else []
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
        end = min(complements(self.text, end, stop), hit.end() + len(phrase.rstrip()))
        known = next(iter(self.names.within(start, end)), None)
        return (known.start, known.end) if known is not None else (start, end)  # "the account @x" is "@x"
