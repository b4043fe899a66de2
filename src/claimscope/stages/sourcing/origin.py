"""Where the route ends when no relay says (docs/sourcing.md): the person or body the
claim's outlets quote or the claim opens on, the body whose document the claim cites, the
unnamed sources it rests on, the author of the one document a group shares; and the full
form a person or body hop is named by."""

from __future__ import annotations

import itertools
import re

from ...outlets import cues
from .bodies import head_last, institution, subject_body
from .names import PLATFORMS, Source, headline_end
from .phrases import complements, elided, name_stems, names_anyone, proper_name, sentence_end
from .reading import ADJECTIVES, FROM_WORDS, Reading

PEOPLE_PARAGRAPHS = 1  # an outlet's origin is looked for this many paragraphs past its sentence
ANAPHOR_SENTENCES = 3  # sentences after the claim that may point back at it ("Das beschloss der Kreistag.")
VERB_WORDS = 5  # words of the verb group between an anaphor and the subject after it
_TOKEN = re.compile(r"[^\W\d_](?:[\w-]|\.(?=\w))*")  # a word, an elided article ("l'") apart


class Origin(Reading):
    """The origin of the claim when outlets carry it or nobody is quoted for it, and the
    full names of person and body hops."""

    def _coverage(self, src: Source, sentence) -> int:
        """How much of ``sentence`` the words credited to ``src`` cover."""
        a = self.doc.attributions[src.attribution]
        return max(0, min(a.content_end, sentence.end) - max(a.content_start, sentence.start))

    def _quoted_in(self, sentence) -> list[Source]:
        """People the article quotes elsewhere by a speaker that names someone (:meth:`usable`),
        named in ``sentence`` without an attribution the earlier stage found ("…, says the
        Ministry of X")."""
        found = []
        here = self.text[sentence.start:sentence.end].casefold()
        for i, a in enumerate(self.doc.attributions):
            if a.cue_start < headline_end(self.text):
                continue  # the headline's "Name: claim" quotes no one of its own
            said = self.text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else ""
            at = here.find(said.casefold()) if len(said.split()) >= 2 and not a.anonymous and self.usable(a) else -1
            if at >= 0 and not any(m.is_outlet for m in self.names.within(a.speaker_start, a.speaker_end)) \
                    and not cues.find("outlet_nouns", said, self.lang(a.speaker_start)):
                start = sentence.start + at
                found.append(Source(self.text[start:start + len(said)], start, start + len(said), "mention",
                                    attribution=i))
        return sorted(found, key=lambda s: s.start)[:1]

    def _people_after(self, sentence) -> list[Source]:
        """When the outlets' sentence quotes no one: the first person or body quoted by
        name in the rest of its paragraph or the next one (whom the outlet quotes)."""
        doc = self.doc
        for s in doc.sentences:
            if s.start < sentence.end or s.paragraph > sentence.paragraph + PEOPLE_PARAGRAPHS:
                continue
            found = [src for src in map(self.speaker, self._usable_in(s)) if not src.is_outlet and not src.anonymous
                     and not self._described_only(src)]
            if found:
                return found
        return []

    def _aired(self, speakers: list[Source]) -> list[Source]:
        """The author of a testimony or recording an outlet aired, named as the claim's source
        ("selon le témoignage d'un ancien policier diffusé par la chaîne X"): the speaker phrase
        opens on a document noun past its determiners, the outlet is the agent after it, and the
        words after the noun's function word name the author (a participle before the agent's
        ``source_prepositions`` word aside)."""
        for src in speakers:
            if not src.is_outlet or src.attribution is None:
                continue
            a = self.doc.attributions[src.attribution]
            said, lang = self.text[a.speaker_start:a.speaker_end], self.lang(a.speaker_start)
            stop = cues.stopwords(lang)
            noun = next(iter(cues.find("primary_material", said, lang)), None)
            if noun is None or not a.speaker_end <= src.start or any(
                    w.casefold() not in stop for w in re.findall(r"\w+", said[:noun.start()])):
                continue
            rest = said[noun.end():]
            words = list(re.finditer(r"[^\W\d_][\w-]*", rest))
            if len(words) < 2 or not (words[0].group().casefold() in stop or rest[words[0].end():][:1] in ("'", "’")):
                continue  # "d'un ancien policier", "of a former officer"
            agent = cues.find("source_prepositions", self.text, lang, a.speaker_end, src.start)
            if agent and not self.text[a.speaker_end:agent[0].start()].strip() and words[-1].group().islower() \
                    and any(w.group().casefold() not in stop for w in words[1:-1]):
                words.pop()  # "… diffusé" before "par la chaîne X"
            start, end = a.speaker_start + noun.end() + words[1].start(), a.speaker_start + noun.end() + words[-1].end()
            return [Source(self.text[start:end], start, end, "attribution", anonymous=a.anonymous
                           or self._anonymous(self.text[start:end], start), attribution=src.attribution)]
        return []

    def _described_only(self, src: Source) -> bool:
        """Is a source a description its capitals do not name ("A colleague of mine from Oslo",
        "Un vecino de Lyon"): a lower-case word before its first function word (its head,
        past a capital opening the sentence) and no institution noun heading it, or one
        lower-case word ("он", a pronoun resolved to no name)?"""
        lang = self.lang(src.start)
        stop = cues.stopwords(lang)
        words = re.findall(r"[^\W\d_][\w'’-]*", src.name)
        head = list(itertools.takewhile(lambda w: w.casefold() not in stop, words))
        pronoun = src.name.islower() and " " not in src.name.strip()
        return (any(w[:1].islower() for w in head[1:]) or pronoun) and not institution(src.name, lang)

    def _acting_body(self, sentence, accusing: bool = False) -> list[Source]:
        """A claim that tells what a body did ("El ayuntamiento de X aprobó …", "Réunie lundi,
        la commission régionale de X a rejeté …", "Das Landgericht X hat … freigesprochen"): the
        body ``sentence`` opens on as its subject (:func:`subject_body`), with its prepositional
        complements, when it names one body (a capitalised word past its first: not "la
        policía"), is its origin, unless the sentence accuses."""
        lang, said = self.lang(sentence.start), self.text[sentence.start:sentence.end]
        span = subject_body(said, lang)
        if span is None or not accusing and cues.find("accusation", said, lang):
            return []  # a claim that accuses a body is not the body's word
        start = sentence.start + span[0]
        end = min(complements(self.text, sentence.start + span[1], cues.stopwords(lang)),
                  sentence.start + span[0] + re.match(r"[^,;:()–—]*", said[span[0]:]).end())
        head = re.match(r"\S+", self.text[start:end]).group()
        if not names_anyone(" " + self.text[start:end]):
            if not (span[0] and head[:1].isupper() and not head_last(lang)):
                return []  # "the police": no body in particular
            end = start + len(head)  # "El Ayuntamiento tomó …": a common noun capitalised names one body
        return [Source(self.text[start:end], start, end, "mention")]

    def _anaphoric_agent(self, claim) -> Source | None:
        """Who did or said the claim, by a clause that points back at it and puts its subject
        after the verb: the claim sentence's clause after a colon or semicolon, or a sentence
        after it in its paragraph or the next, up to the first that quotes someone, opening
        on an anaphor of the language ("Lo ha destapado El Vigía X", "Das beschloss der
        Kreistag am Dienstag", "…: lo ha messo nero su bianco l'Ufficio sanitario X")."""
        i = self.doc.sentences.index(claim)
        clauses = [m.end() + claim.start for m in re.finditer(r"[:;]\s", self.text[claim.start:claim.end])]
        found = next((a for a in (self._agent_after(c, claim.end) for c in clauses) if a is not None), None)
        for s in self.doc.sentences[i + 1:i + 1 + ANAPHOR_SENTENCES]:
            if found is not None or s.paragraph > claim.paragraph + 1:
                break
            found = self._agent_after(s.start, s.end)
            if self._usable_in(s):
                break
        return found

    def _guest_document(self, claim) -> Source | None:
        """What a guest names, later in the line where they state the claim, as saying it
        ("Lo confirma un sondeo reciente.", "That is what the WHO says."): the anaphoric agent
        (:meth:`_anaphoric_agent`) inside that line."""
        end = self.text.find("\n", claim.start)
        found = self._anaphoric_agent(claim)
        return found if found is not None and (end < 0 or found.start < end) else None

    def _agent_after(self, start: int, end: int) -> Source | None:
        """The subject after the verb of the clause ``text[start:end]`` when it opens on an
        anaphor: a verb group of lower-case words (at most ``VERB_WORDS`` past function
        words), then, past determiners, a name: an outlet or name mentioned there, else its
        capitalised words, lower-case words between them and, where the head comes first,
        complements naming something ("Ufficio regionale sanitario della Valle")."""
        lang = self.lang(start)
        lead = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
        if not any(m.start() == lead for m in cues.find("anaphors", self.text, lang, lead, end)):
            return None
        stop = cues.stopwords(lang)
        words = list(_TOKEN.finditer(self.text, lead, end))[1:]
        verb, at = 0, None
        for k, w in enumerate(words):
            if re.search(r"[,;:.!?()]", self.text[words[k - 1].end() if k else lead:w.start()]):
                return None
            if w.group()[:1].isupper():
                if not verb:
                    return None  # "Das Gesetz …": an article, not an anaphor
                at = k  # a capitalised determiner inside a clause is part of the name ("El País")
                break
            if verb:
                document = self._document_subject(words, k)
                if document is not None:
                    return document
            verb += w.group().casefold() not in stop and self.text[w.end():w.end() + 1] not in "'’"  # not "l'"
            if verb > VERB_WORDS:
                return None
        if at is None or not verb:
            return None
        first = words[at]
        named = next((m for m in self.names.within(first.start() - 2, end) if m.start <= first.start()), None)
        if named is not None:
            return Source(named.name, named.start, named.end, "mention", named.outlet, named.domain,
                          is_outlet=named.is_outlet)
        run, last = [first], not head_last(lang)
        for w in words[at + 1:]:
            if re.search(r"[^\w\s'’]", self.text[run[-1].end():w.start()]):
                break
            folded = w.group().casefold()
            if folded in stop and not (last and any(x.group()[:1].isupper() for x in words[words.index(w) + 1:][:1])):
                break
            run.append(w)
        while run and not run[-1].group()[:1].isupper():
            run.pop()
        return Source(self.text[run[0].start():run[-1].end()], run[0].start(), run[-1].end(), "mention")

    def _document_subject(self, words: list, k: int) -> Source | None:
        """An unsigned document as the subject after the verb of an anaphoric clause ("Lo
        asegura un informe municipal con datos de dos años", "That is what a survey of nurses found"):
        ``words[k]`` is a ``primary_material`` noun after its determiner (and at most
        ``ADJECTIVES`` adjectives), and no capitalised word follows it in its clause (an owner:
        "un informe del Ministerio" is the ministry's word); the subject runs from the
        determiner to the noun and, where the head comes first, one adjective after it. The
        document is the origin itself."""
        lang = self.lang(words[k].start())
        stop = cues.stopwords(lang)
        if not any(m.start() == 0 and m.end() == len(words[k].group())
                   for m in cues.find("primary_material", words[k].group(), lang)):
            return None
        clause = re.match(r"[^,;:.!?()–—]*", self.text[words[k].end():]).group()
        if any(w[:1].isupper() for w in _TOKEN.findall(clause)):
            return None  # "un informe del Ministerio": the owner named after it is the source
        before = list(itertools.takewhile(lambda v: v.group().casefold() not in stop, reversed(words[:k])))
        at = k - len(before)
        if len(before) > ADJECTIVES or not at or words[at - 1].group().casefold() not in stop:
            return None  # no determiner opens it: not the subject ("asegura el autor del informe")
        run = [words[k]]
        for v in words[k + 1:k + 1 + (0 if head_last(lang) else 1)]:  # "un informe municipal"
            if v.group().casefold() in stop or v.group()[:1].isupper() \
                    or re.search(r"[^\w\s'’-]", self.text[run[-1].end():v.start()]):
                break
            run.append(v)
        start = words[at - 1].start()
        return Source(self.text[start:run[-1].end()], start, run[-1].end(), "mention")

    def _owner_in(self, sentence) -> Source | None:
        """The body whose document the claim sentence cites when no attribution holds it
        ("…, according to data from the statistics office", "wie aus einem Bericht des
        Ministeriums X hervorgeht", «говорится в заявлении Минтранса»): a document noun then,
        in its clause, a function word or a capitalised word opening the body's name, or, in a
        language that marks the owner by case, a noun and a capitalised word ("wniosek fundacji
        X") (at most ``FROM_WORDS`` words, with its complements)."""
        lang = self.lang(sentence.start)
        stop = cues.stopwords(lang)
        case = lang in cues.languages() and cues.table(lang)["noun_phrase_head"] == ["case"]
        for noun in cues.find("primary_material", self.text, lang, sentence.start, sentence.end):
            clause = re.match(r"[^,;.:!?–—()«»\"“”„]*", self.text[noun.end():sentence.end]).group()
            words = list(re.finditer(r"[^\W\d_][\w'’.-]*", clause))
            genitive = case and len(words) > 1 and words[1].group()[:1].isupper()  # «заявление фонда X»
            if not words or not (words[0].group().casefold() in stop or words[0].group()[:1].isupper() or genitive):
                continue
            while words and words[0].group().casefold() in stop:
                words.pop(0)
            body = list(itertools.takewhile(lambda w: w.group().casefold() not in stop, words))[:FROM_WORDS]
            body = list(itertools.takewhile(lambda w: w.group()[:1].isupper() or not body[0].group()[:1].isupper(),
                                            body))
            if not body:
                continue
            start, end = noun.end() + body[0].start(), noun.end() + body[-1].end()
            end = min(complements(self.text, end, stop), noun.end() + len(clause.rstrip()))
            name = self.text[start:end]
            if name.casefold() not in PLATFORMS and (any(w[:1].isupper() for w in name.split())
                                                     or institution(name, lang)):
                return Source(name, start, end, "mention")  # not "… in her report that no antennas …"
        return None

    def _unnamed(self, sentence) -> Source | None:
        """A claim resting on unnamed sources no attribution holds ("according to media
        reports", "selon des sources"): the anonymous phrase is its origin. A sentence that
        opens on the phrase, past determiners, is about them ("Les habitants du quartier
        devront …"), not told by them."""
        lang = sentence.lang or self.doc.language
        stop = cues.stopwords(lang)
        hit = next((h for h in cues.find("anonymous_nouns", self.text, lang, sentence.start, sentence.end)
                    if any(w.casefold() not in stop for w in re.findall(r"\w+", self.text[sentence.start:h.start()]))),
                   None)
        if hit is None:
            return None
        end = min(complements(self.text, hit.end(), stop),
                  sentence.end)  # "Presseberichten", "sources in the ministry", not the clause after
        name = self.text[hit.start():end]
        return Source(name, hit.start(), end, "mention", anonymous=True)

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

    def _full_form(self, src: Source) -> None:
        """A person or body the text names more fully or in its base form elsewhere as a
        speaker ("Lavrov" → "Sergei Lavrov", an inflected "Tomasza Wilczyńskiego" → "Tomasz Wilczyński")
        takes that form: of the speakers whose capitalised words hold all of the hop's (compared
        by their first four letters, so that inflected forms meet), the one with the most such
        words, then the shortest, when only one name has that many."""
        own = name_stems(src.name)
        if src.anonymous or not own:
            return
        best: list[Source] = []
        stop = cues.stopwords(self.lang(src.start))
        for i, a in enumerate(self.doc.attributions):
            if a.speaker_start is None or a.anonymous or not self.usable(a) or a.cue_start < headline_end(self.text):
                continue
            other = self.speaker(i)
            stems = name_stems(other.name)
            if other.is_outlet or other.anonymous or not own <= stems or not proper_name(other.name, stop):
                continue  # another source, or a role that describes one ("the head of the X")
            if best and len(stems) > len(name_stems(best[0].name)):
                best = []
            if not best or len(stems) == len(name_stems(best[0].name)):
                best.append(other)
        if best and len({frozenset(name_stems(b.name)) for b in best}) == 1:
            full = min(best, key=lambda b: len(b.name))
            if len(full.name) < len(src.name) or len(name_stems(full.name)) > len(own):
                src.name, src.start, src.end = full.name, full.start, full.end

    def _antecedent(self, src: Source) -> None:
        """A source named by a determiner and a common noun ("ce médecin", "the doctor",
        "a secretaria") takes the name written earlier that opens on the noun, capitalised, with
        more capitalised words ("Secretaria Municipal de Saúde"), else the phrase that
        introduced the noun, with its complements ("un médecin de l'hôpital", "a doctor at the
        clinic"): the chain names a source by its full form. A noun the text has not used
        before ("Dieser Mann" after "Von einem Insider aus der Branche") is the unnamed source
        just before it (:meth:`_unnamed_before`)."""
        lang = self.lang(src.start)
        stop = cues.stopwords(lang)
        head = src.name.split()
        if len(head) == 2 and head[0].casefold() in stop and not re.search(
                rf"(?<!\w){re.escape(head[1])}(?!\w)", self.text[:src.start], re.IGNORECASE):
            unnamed = self._unnamed_before(src.start)  # "Von einem Insider …. Dieser Mann habe erzählt …"
            if unnamed is not None:
                src.name, src.start, src.end, src.anonymous = unnamed.name, unnamed.start, unnamed.end, True
            return
        if len(head) != 2 or head[0].casefold() not in stop or not head[1].islower():
            return
        named = self._named_by(head[1], src.start, stop) if not head_last(lang) \
            else self._named_ending_on(head[1], src.start)
        if named is not None:
            src.name, src.start, src.end = self.text[named[0]:named[1]], *named
            return
        first = re.search(rf"(?<![\w'’])([\w'’]+)\s+{re.escape(head[1])}(?!\w)", self.text[:src.start])
        if first is None or elided(first.group(1)).casefold() not in stop:
            return
        end = complements(self.text, first.end(), stop)
        src.name, src.start, src.end = self.text[first.start():end], first.start(), end

    def _unnamed_before(self, pos: int) -> Source | None:
        """The unnamed source a description of a noun the text has not used before refers back
        to: the last ``anonymous_nouns`` phrase of the ``ANAPHOR_SENTENCES`` sentences before
        ``pos`` (its paragraph or the one before), with its complements."""
        i = self.names.sentence_at(pos)
        if i is None:
            return None
        for s in reversed(self.doc.sentences[max(0, i - ANAPHOR_SENTENCES):i]):
            if s.paragraph < self.doc.sentences[i].paragraph - 1:
                break
            hit = next(reversed(cues.find("anonymous_nouns", self.text, self.lang(s.start), s.start, s.end)), None)
            if hit is not None:
                end = min(complements(self.text, hit.end(), cues.stopwords(self.lang(s.start))), s.end)
                return Source(self.text[hit.start():end], hit.start(), end, "mention", anonymous=True)
        return None

    def _named_ending_on(self, noun: str, before: int) -> tuple[int, int] | None:
        """Where noun phrases have their head last: the span of the first name before
        ``before`` that ends on ``noun`` capitalised after one capitalised word or more
        ("Cedar Vale Water District" for "the district")."""
        word = noun[:1].upper() + noun[1:]
        m = re.search(rf"(?<![\w'’-])((?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*\s+)+){re.escape(word)}(?![\w'’-])", self.text[:before])
        if m is None:
            return None
        words = m.group(1).split()
        while words and words[0].casefold() in cues.stopwords(self.lang(m.start())):
            words.pop(0)  # "The Cedar Vale …": the determiner opening a sentence is no part of the name
        return (m.end() - len(word) - len(" ".join(words)) - 1, m.end()) if words else None

    def _named_by(self, noun: str, before: int, stop) -> tuple[int, int] | None:
        """The span of the first name before ``before`` that opens on ``noun`` capitalised and
        goes on with capitalised words, function words between them ("Secretaria Municipal de
        Saúde" for "secretaria")."""
        word = noun[:1].upper() + noun[1:]
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", self.text[:before]):
            window = self.text[m.end():m.end() + 120]
            words = list(re.finditer(r"[^\W\d_][\w'’.-]*", window[:sentence_end(window)]))
            run = list(itertools.takewhile(lambda w: w.group()[:1].isupper() or w.group().casefold() in stop, words))
            while run and not run[-1].group()[:1].isupper():
                run.pop()
            if run and not re.search(r"[^\w\s'’.-]", self.text[m.end():m.end() + run[-1].end()]):
                return m.start(), m.end() + run[-1].end()
        return None
