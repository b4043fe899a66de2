"""Rule-based attribution spans for one sentence, driven by a language table.

Three kinds of cue are found: reporting verbs ("a déclaré", "said", "заявил"),
prepositions whose object is the speaker ("selon", "according to", "theo") and
postpositions ("zufolge"). Around each cue the rules look for the speaker (the
noun phrase before the cue, or after it in an inversion "..., said X") and the
content (what follows the cue up to the end of the sentence, or the clause or
quotation before it). Quotations may run over several sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lemmas import lemma, listed
from .quotes import CLOSING, OPENING
from .spans import BOUNDARY, EDGE, MAX_SPEAKER_WORDS, WORD, Raw, impersonal_passive, strip, words
from .subjects import MAX_ASIDE_WORDS, Subjects

HYPHENATED = re.compile(r"\w-(?:t-)?(\w+)\b")  # "dit-elle", "a-t-il"
DASHES = "—―–-"  # dashes that may introduce a credit line
MAX_AGENT_GAP = 4  # words of an adverbial between a passive cue and its agent marker
SENTENCE_END = re.compile(r"[.!?…][»”’\"')]*\s+\S")  # a sentence ends inside a line


class SentenceRules(Subjects):
    """The cue rules: reporting verbs, prepositions, postpositions and colons."""

    def inverted_speaker(
        self, cue: re.Match, hi: int, lo: int = 0
    ) -> tuple[int, int] | None:
        """The subject after the cue ("..., said the minister in a statement", also
        opening the sentence: "Said Comey, “…”"): a short noun phrase that ends the
        clause."""
        _, before = strip(self.text, 0, cue.start(), " \t\n")
        lead = words(self.text, lo, before)[-2:]
        while lead and self.object_word(lead[-1].group()) and lead[-1].end() == before:
            told = lead.pop()
            _, start = strip(self.text, 0, told.start(), " \t\n")
            if self.text[start - 1 : start] == "," and (
                self.text[start - 2 : start - 1] in CLOSING
                or self.told_word(told.group()) and len(words(self.text, lo, start)) >= 3  # not "Mire, le dije"
            ):
                before = start  # "«…», me decía X", "« … », nous a confié X", "…, nous a répondu X": the one told
        if before <= lo and cue.group()[0].isupper() or self.anaphoric_lead(lo, cue.start()):
            before = 0  # nothing before the cue in its sentence ("Lo riferisce X")
        opened = self.as_opening(lo, cue.start()) is not None  # "Как отметил X", "según informó X"
        closed = before - 1 in self.closing or before - 2 in self.closing  # ",'' said"
        if closed:  # a quoted name or title ("the hacker known as “Guccifer,” stated")
            close = before - 1 if before - 1 in self.closing else before - 2
            opening = self.closing[close]
            lead = self.text[max(0, opening - 2) : opening].strip()
            if len(words(self.text, opening, close)) < 3 and lead[-1:].isalnum():
                return None
        quoted = closed and self.text[before - 1] != "."  # "“…,” said the man who …"
        spaced = self.text[before - 1 : before] == "-" and not self.text[before - 2 : before - 1].isalnum()
        lone = self.lone_lead(lo, cue.start())  # "A riferirlo è stato X"
        if self.t.no_inversion.search(cue.group()) or not self.t.raw.get("inversion", True) or (
            before
            and self.text[before - 1] not in BOUNDARY
            and not spaced  # "«…», - заявил X": a hyphen for a dash
            and not lone
            and not closed
            and not self.t.v2
            and not opened
        ):
            return (
                None  # "…, but told the Post" is no inversion; "…," / "« … »," may be
            )
        start = self.skip_addressee(cue.end(), hi)  # "dijo a este diario la alcaldesa"
        if start == cue.end():  # "aseguró el martes a la radio la alcaldesa"
            start = self.skip_addressee(self.time_lead(cue.end(), hi), hi)
        copula = words(self.text, start, hi)[:2] if lone else []
        while copula and copula[0].group().lower() in self.t.passive:
            start = copula.pop(0).end()  # "A riferirlo è stato il sindaco"
        end = self.right_region(start, hi)
        if end < hi and end in self.quotes and self.quotes[end] < hi:
            end = self.quotes[end] + 1  # "schreibt die Zeitung „Nordkurier“"
        end = self.role_complement(end, hi)  # "l'adjoint aux travaux, Marc Petit"
        late = self.final_subject(start, hi)  # "…», insistió el martes en la radio X la ministra"
        end = late[1] if late else end
        trimmed = self.before_told(self.trim_speaker(start, end, after=True), lead=False)
        span = late or self.before_told(self.skip_adverbial(start, trimmed))
        rest = self.text[end:hi].strip(EDGE)
        relay = self.t.preposition.match(self.text, end, hi)  # "…, reports X citing Y"
        longest = MAX_SPEAKER_WORDS if quoted or not rest or relay else 6
        if not (  # "…, said pollster Frank Luntz"
            self.looks_like_speaker(span)
            or (closed or self.text[before - 1 : before] in CLOSING)
            and span
            and self.has_subject_marker(span)
        ) or len(words(self.text, *span)) > longest:
            return None
        if (
            not self.t.inverted_pronouns
            and WORD.match(self.text, span[0]).group().lower() in self.t.pronouns
        ) or self.text[span[0] : span[1]].lower() in self.t.determiners:
            return None  # English "says he made …" is no inversion; "pledged a “…”"
        clause = self.relative_end(end, hi) if before else None  # "…, said a neighbour who lives upstairs."
        if clause is not None:
            end, rest = clause, self.text[clause:hi].strip(EDGE)
        if rest and not (
            self.text[end] in BOUNDARY
            or self.t.speaker_stop.match(self.text, end, hi)
            or relay
            or self.adverbial_clause(end, hi)  # "contaba ayer X mientras …"
            or not before and self.t.complementizer.match(self.text, end, hi)  # "Declaró X que …"
        ):
            return None
        if clause is not None:
            span = (span[0], strip(self.text, span[0], end)[1])
        if self.text[end : end + 1] == ",":  # "..., said the director, Marc Blanc."
            tail_end = self.right_region(end + 1, hi)
            tail = self.trim_speaker(end + 1, tail_end, after=True)
            if tail and (
                self.text[tail[0]].isupper()
                and len(words(self.text, *tail)) <= 4
                and not self.text[tail_end:hi].strip(EDGE)
                or len(words(self.text, *tail)) <= 6  # "…: risponde X, pensionato: « … »"
                and self.text[tail[1] : tail[1] + 1] == ":"
                and tail_end == tail[1]
            ):
                span = (span[0], tail[1])
        return span

    def relative_end(self, pos: int, hi: int) -> int | None:
        """Where a relative clause that opens at ``pos`` and holds no quotation ends (its
        clause's next boundary, else ``hi``): it belongs to an inverted subject before it
        ("…», a dit une voisine qui habite en face.")."""
        word = WORD.match(self.text, strip(self.text, pos, hi, " \t")[0])
        if word is None or word.group().lower() not in self.t.relatives | self.t.subject_relatives:
            return None
        end = next((i for i in range(word.end(), hi) if self.text[i] in BOUNDARY or self.text[i] == "."), hi)
        return None if self.text[end : end + 1] in CLOSING - {"’"} and end < hi else end

    def main_speaker(
        self, raw: Raw, found: list[Raw], lo: int
    ) -> tuple[int, int] | None:
        """Speaker of a cue with no subject of its own ("X denied it, calling …",
        "Conceding that …, he warned"): the speaker of the sentence's previous
        attribution, else of its next one, else the sentence's subject."""
        quote = self.enclosing(
            raw.cue[0]
        )  # only clauses on the same side of a quotation
        contents = [r.content for r in found if r is not raw]
        near = [  # not a cue inside another one's content ("X said the warning was …")
            r
            for r in found
            if r.speaker
            and self.enclosing(r.cue[0]) == quote
            and not any(a <= r.cue[0] < b for a, b in contents)
        ]
        earlier = [r for r in near if r.cue[1] <= raw.cue[0]]
        later = [r for r in near if r.cue[0] >= raw.cue[1]]
        if earlier:
            return max(earlier, key=lambda r: r.cue).speaker
        own = self.coordinated_subject(lo, raw.cue[0]) or self.subject(lo, raw.cue[0])
        if own or not later:
            return own
        return min(later, key=lambda r: r.cue).speaker

    def passive_agent(
        self, cue: re.Match, lo: int, hi: int
    ) -> tuple[int, int] | None | bool:
        """For "X was criticized by Y" and the reduced "as reported by Y", "a view
        echoed by Y": the agent span (or None); False when not passive."""
        before = words(self.text, lo, cue.start())
        if before and any(c in BOUNDARY for c in self.text[before[-1].end() : cue.start()]):
            before = []  # "…, die gelöscht werden könnten, erklärte er": another clause's auxiliary
        if self.t.no_inversion.search(cue.group()):
            return False  # "is calling for" is progressive, not passive
        agent = self.t.agent.match(
            self.text, strip(self.text, cue.end(), hi, " ")[0], hi
        )
        lead = [w.group().lower() for w in (before[-1:] + words(self.text, *cue.span())[:-1])]
        if agent is None and any(w in self.t.passive for w in lead) and not any(self.clitic(w) for w in lead):
            # "foi anunciada nesta terça-feira (4) pela X"; not a reflexive: "si è detta sorpresa dalla …"
            clause = next((i for i in range(cue.end(), hi) if self.text[i] in ",;:!?"), hi)
            agent = next((w for w in words(self.text, cue.end(), clause)[1:MAX_AGENT_GAP + 1]
                          if self.t.agent.fullmatch(w.group())), None)
        if lead and not any(w in self.t.passive for w in lead) and (self.clitic(lead[-1]) or lead[-1] in self.aux):
            return False  # "nous l'a expliqué par téléphone", "lo confirmó por teléfono": active
        if not before or before[-1].group().lower() not in self.t.passive:
            if agent is None:
                return False
        elif agent is None:
            return None
        return self.trim_speaker(
            agent.end(), self.right_region(agent.end(), hi), after=True
        )

    def object_before(
        self, span: tuple[int, int] | None, pos: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """A subject phrase that runs into the verb's object, opened by a table
        ``object_openers`` word (Russian "свою", which never opens a subject), splits
        there: (subject, object up to the verb at ``pos``) — "Москва свою причастность
        отрицает"; else (span, None)."""
        openers = self.t.raw.get("object_openers")
        toks = words(self.text, *span) if span and openers else []
        for k, tok in enumerate(toks[1:], 1):
            if tok.group().lower() in openers:
                return (span[0], toks[k - 1].end()), strip(self.text, tok.start(), pos)
        return span, None

    def passive_subject(self, lo: int, pos: int) -> bool:
        """Whether the words before a passive cue whose agent closes the sentence are its
        subject, the content: two words or more, or one that is no pronoun
        ("L'annonce a été confirmée par X.", not "Il a été reçu par X.")."""
        toks = words(self.text, lo, pos)
        return len(toks) >= 2 or len(toks) == 1 and toks[0].group().lower() not in self.t.pronouns

    def possessor(self, left: int, cue: re.Match) -> tuple[int, int] | None:
        """For a noun cue ("Trump's claim that …", "Sanders' claim"): the
        capitalised words right before it, the last one possessive."""
        toks = words(self.text, left, cue.start())
        if (
            toks
            and toks[-1].group().lower() in self.t.possessive_determiners
            and " ".join(cue.group().lower().split()) in self.t.noun_cues
        ):
            return toks[-1].span()  # "his opposition to …"
        if not toks or not toks[-1].group()[0].isupper():
            return None
        last, end = toks[-1], strip(self.text, toks[-1].end(), cue.start())[0]
        bare = self.text[last.end() : cue.start()].strip() in ("'", "’")
        if not (bare or last.group().lower().endswith(self.t.possessives)):
            return None
        if not bare and self.text[last.end() : cue.start()].strip():
            return None
        run = [last]
        for tok in reversed(toks[:-1]):
            if not tok.group()[0].isupper():
                break
            run.insert(0, tok)
        return run[0].start(), end + 1 if bare else last.end()

    def verb(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        text = self.text
        left = self.left_region(lo, cue.start())
        owner = self.possessor(left, cue) if self.t.possessives else None
        if owner is None and " ".join(cue.group().lower().split()) in self.t.noun_cues:
            return None  # "opposition to" is a cue only with its owner: "his opposition to"
        if owner:
            found = self.content_after(cue.end(), hi, stop_ok=True)
            return Raw((cue.start(), cue.end()), owner, *found) if found else None
        agent = self.passive_agent(cue, left, hi)
        if agent is not False:
            found = self.content_after(
                agent[1] if agent else cue.end(), hi, stop_ok=True
            )
            if found is None and agent and text[agent[1] : hi].lstrip().startswith(","):
                comma = text.index(",", agent[1])  # "As reported by X, <content>"
                found = self.content_after(comma + 1, hi, stop_ok=True)
            lead = words(text, lo, cue.start())[-2:]
            if found is None and agent and not text[agent[1] : hi].strip(EDGE) and lead:
                head = lead[-1] if lead[-1].group().lower() in self.t.as_clause else None
                start = head.start() if head else cue.start()  # "…, as reported by X."
                if text[lo:start].rstrip()[-1:] == ",":
                    found = self.content_before(lo, start)
                elif not head and self.passive_subject(lo, cue.start()):
                    found = strip(text, lo, cue.start()), False  # "La fermeture a été annoncée par X."
            if found is None:
                return None
            return Raw(
                (cue.start(), cue.end()), agent, *found, impersonal=agent is None
            )
        before = self.trim_speaker(left, cue.start()) or self.appositive(lo, cue.start())
        before = self.with_relative(lo, left, cue.start(), before)
        if self.adverbial(before):  # "Радио «Свобода» в эфире назвало …"
            before = self.past_adverbial(lo, before)
        elif self.name_after_opener(before):  # "On Tuesday evening Anna Holt posted"
            before = self.name_after_opener(before)
        elif before and self.anaphoric_lead(lo, cue.start()) and self.subject_follows(cue.end(), hi):
            before = None  # "Об этом сообщает X.": the subject follows, nothing else
        before = self.relative_antecedent(lo, cue.start()) or before  # "…, qui affirme"
        before, held = self.object_before(before, cue.start())  # "Москва свою причастность отрицает"
        if (  # where object pronouns stand before the verb
            before and self.t.clitics and text[slice(*before)].lower() in self.t.pronouns
            and text[lo : before[0]].rstrip().endswith(",")
        ):
            apposed = self.appositive(lo, before[0])  # "Un habitant, qui …, nous a confié": an object
            if apposed and not text[lo : apposed[0]].strip(EDGE) and apposed[1] not in self.closing:
                before = (apposed[0], strip(text, apposed[0], before[0], " \t\n,")[1])
        quoted = None if before else self.quoted_before(lo, cue.start())
        relay = self.before_relay(lo, before or quoted)  # "X со ссылкой на «Y» утверждает"
        before = self.without_relay(before if relay == quoted else relay)
        if before is None and self.quoted_name(lo, quoted):
            before = quoted  # "«Вестник» пишет, что …", "„Gazeta X” twierdzi"
        if before and text[slice(*before)].lower() in self.t.determiners | self.t.trim:
            before = None  # "Lo riferisce X", "Das berichtete X": an object, not a subject
        prep = self.t.preposition.match(text, before[0]) if before else None
        if prep and len(words(text, prep.end(), before[1])) <= 1:
            before = None  # "Según indicó", "secondo quanto scritto": no subject
        inv = self.inverted_speaker(cue, hi, lo) if (
            before and before[1] <= left and self.t.inversion_after_clause
        ) else None
        if inv and (
            (len(words(text, *before)) > 6 or len(words(text, before[1], cue.start())) > MAX_ASIDE_WORDS)
            and self.names_someone(inv)  # "PARIS, 3 mai (AFP) - <a whole clause>, a indiqué la société X"
            or self.opener(lo, before) and text[inv[1] : hi].strip(" \n.!?…")[:1] in ("", ",")
            or "," in text[before[0] : before[1]] and self.names_someone(inv) and not text[inv[1] : hi].strip(" \n.!?…")
            or "," in text[before[0] : before[1]] and (not self.looks_like_speaker(before) or self.after_aside(before))
            or self.t.v2 and text[inv[0] : inv[1]].lower() in self.t.pronouns  # "…, damit …, erklärte er"
        ):  # "…, qui avait été fermé …, rouvrira en mai, a indiqué son directeur": a clause, not an apposition:
            before = None  # "…, twierdzi telewizja X", "Domani, …, scrive il sito.", "La décision, elle, …, souligne X."
        lead_words = words(text, left, cue.start())
        if (
            0 < len(lead_words) <= 2
            and self.t.speaker_stop.fullmatch(lead_words[0].group())
            and self.text[lead_words[0].start()].islower()
        ):  # "X, the speaker, on Tuesday called": an adverbial, not a subject
            before = self.appositive(lo, left) or before
        if (
            before
            and lead_words
            and (
                lead_words[-1].group().lower() in self.t.verb_chain
                or lead_words[-1].group().lower() in self.t.not_subjects
                and self.t.no_inversion.search(cue.group())
            )
        ):  # "refusing to concede", "… by citing": a verb chain, not a subject
            before = None
        relay = self.t.preposition.search(text, left, cue.start()) if before else None
        if before and self.t.v2 and (relay and relay.start() <= before[0] or self.fronted_adverbial(lo, before)):
            before = None  # "Laut X sagte Y", "Am Montag sagte Y": the subject follows the verb
        as_word = self.as_opening(lo, cue.start())
        if as_word:
            before = None  # "jak twierdzi rzecznik": the subject follows
        lead = words(text, lo, left)
        if before and lead and lead[-1].group().lower() in self.t.as_clause:
            comma = text.find(",", cue.end(), hi)  # "As X said, <content>", "Wie X mitteilt, wird …"
            found = self.content_after(comma + 1, hi, stop_ok=True) if comma >= 0 else None
            if comma < 0 and text[lo : lead[-1].start()].rstrip().endswith(","):
                found = self.content_before(lo, lead[-1].start())  # "<content>, wie X sagte."
            return Raw((cue.start(), cue.end()), before, *found) if found else None
        if (
            before and self.object_word(text[before[0] : before[1]])
            and (text[lo : before[0]].rstrip()[-2:-1] in CLOSING
                 or self.told_word(text[before[0] : before[1]]) and len(words(text, lo, before[0])) >= 3)
            and text[lo : before[0]].rstrip()[-1:] == ","
            and self.inverted_speaker(cue, hi, lo)
        ):
            before = None  # "« … », nous a confié un agriculteur": the one told, then the subject
        inverted = before is None or (self.t.v2 and not self.has_subject_marker(before))
        after = self.inverted_speaker(cue, hi, lo) if inverted else None
        if self.adverbial(after):  # "« … » – mówi do kamery": no subject after the verb
            after = None
        place = self.locative_subject(cue, hi) if inverted else None  # "…, сообщили в мэрии"
        if place and (after is None or place[0] <= after[0] < place[1]):
            after = place
        if after is not None:
            speaker = after
        elif before is not None:
            speaker, inverted = before, False
        else:
            speaker, inverted = None, False
        paren = self.parenthetical_subject(lo, as_word, cue.end(), hi) if speaker is None else None
        if paren:  # "El diario, según reconoce en su nota, recibió …": the clause's subject
            speaker = paren[0]
        found = self.content_after(paren[1], hi, stop_ok=True) if paren else None
        comma = text.find(",", cue.end(), hi) if as_word and speaker is None and not found else -1
        if comma >= 0:  # "Jak powiedziała Janowi Nowakowi, <content>": after the as-clause
            found = self.content_after(comma + 1, hi, stop_ok=True)
        if not inverted and not found:
            found = self.content_after(cue.end(), hi)
            if found and not found[1] and speaker and found[0][0] == strip(text, cue.end(), hi)[0]:
                quoted = self.content_before(lo, speaker[0])  # "“…,” X told reporters"
                opens = (  # a quotation that opens this sentence
                    quoted and quoted[0][0] > lo and not text[lo : quoted[0][0]].strip(EDGE + '«»"“”„')
                )
                found = quoted if opens and quoted[1] else found
        elif as_word and after:  # "Как отметил X, <content>": after the as-clause
            found = self.content_after(
                strip(text, after[1], hi, " ,")[0], hi, stop_ok=True
            ) or self.content_before(lo, as_word.start())
        elif after and self.previous and self.anaphoric_lead(lo, cue.start()):
            found = self.content_after(after[1], hi)  # "Об этом сообщил X, что …"
            if not found or not found[1] and (
                found[0][0] == strip(text, after[1], hi)[0] or "," in text[after[1] : found[0][0]]
            ):
                found = self.previous, False  # "Lo riferisce X.": the sentence before
        head = speaker[0] if speaker and not inverted else left
        prev = words(text, lo, cue.start())[-1:]
        if found is None and " ".join(cue.group().lower().split()) in self.t.hearsay and prev and (
            prev[0].group().lower() in self.t.relatives | self.t.subject_relatives | self.t.determiners
            and text[lo : prev[0].start()].rstrip().endswith(",")
        ):  # "eine Umfrage, die angeblich ein Institut gemacht hat": hearsay on its own relative clause
            found = self.content_after(cue.end(), hi, stop_ok=True)
        if found is None and (inverted or text[lo:head].rstrip()[-1:] in BOUNDARY):
            found = self.content_before(lo, head)  # "« … », X said" / "…, X said"
            if inverted and self.open_clause(found) and text[speaker[1] : hi].lstrip().startswith(","):
                found = self.content_after(text.index(",", speaker[1]) + 1, hi, stop_ok=True) or found
        if found is None and inverted:
            found = self.content_after(speaker[1], hi)
        if found is None and held is not None:
            found = held, False
        if found is None and not inverted:
            found = self.content_after(
                cue.end(), hi, stop_ok=True
            ) or self.content_before(lo, head)
        inside = words(text, *cue.span())
        if found is None and self.t.particles and len(inside) > 2 and inside[-1].group().lower() in self.t.particles:
            between = strip(text, inside[0].end(), inside[-1].start())  # "kündigte am Montag neue Regeln an"
            found = (between, False) if len(words(text, *between)) >= 2 else None
        if found is None and text[cue.end() : hi].strip() == ":":
            found = self.next_block(hi)  # "He said:" then the quotation below
        if found is None and text[cue.end() : hi].lstrip().startswith(","):
            comma = text.index(",", cue.end())  # "Otherwise, she said, countries may …"
            found = self.content_after(comma + 1, hi, stop_ok=True)
        if found is None and " ".join(cue.group().lower().split()) in self.t.hearsay:
            found = self.content_after(cue.end(), hi, stop_ok=True)  # "Angeblich ist X …": no subject, the rest
        if found is None:
            return None
        (content, direct), parts = found, ()
        opening = not text[lo : cue.start()].strip(EDGE + '«»"“”„')
        if (
            cue.group().lower() in self.t.sourceless
            or impersonal_passive(self.t, cue.group().lower())  # "В докладе отмечается"
            or (  # "the team appeared paralysed"
                opening
                and cue.group().lower()
                in self.t.sourceless_initial  # "Asked about …, he"
            )
        ):
            source = self.document(lo, cue, hi)  # "heißt es in dem Bericht"
            return Raw((cue.start(), cue.end()), source, content, direct, impersonal=source is None)
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
        # the pronoun joined to the verb is its subject: "assure-t-elle au Parisien" names whom she told
        return Raw((cue.start(), cue.end()), self.hyphen_pronoun(cue) or speaker, content, direct, parts)

    def document(self, lo: int, cue: re.Match, hi: int) -> tuple[int, int] | None:
        """The text an impersonal report phrase cites in a locative after or before it
        (table keys ``document_prepositions``, ``document_nouns``): "heißt es in dem
        Beitrag", "В докладе говорится", "w raporcie czytamy", not "Im Dorf heißt es"; its
        possessive when it has one ("говорится в его заявлении": "его")."""
        preps = self.t.document_prepositions
        after = WORD.match(self.text, strip(self.text, cue.end(), hi, " ")[0], hi)
        if after and after.group().lower() in preps:
            span = self.trim_speaker(after.end(), self.right_region(after.end(), hi), after=True)
            region = (after.end(), span[1]) if span else None  # "dans le communiqué du club":
        else:  # the club, after a `speaker_prefixes` head
            toks = words(self.text, self.left_region(lo, cue.start()), cue.start())
            if not (1 < len(toks) <= 5 and toks[0].group().lower() in preps):
                return None
            span = region = toks[1].start(), toks[-1].end()
        if not span or not self.document_noun(region):
            return None
        first = WORD.match(self.text, span[0])
        if first.group().lower() in self.t.possessive_determiners:
            return first.span()
        return span

    def document_noun(self, span: tuple[int, int]) -> bool:
        """Whether a word of ``span`` holds a stem of the table's ``document_nouns``."""
        nouns = self.t.raw.get("document_nouns", [])
        return any(n in w.group().lower() for w in words(self.text, *span) for n in nouns)

    def opener(self, lo: int, span: tuple[int, int]) -> bool:
        """Whether a subject phrase taken with its appositions opens with one word and a
        comma at the start of the sentence ("Domani, altre regioni …"): an adverbial, as in
        ``subject``, when the verb is followed by a subject that ends the clause."""
        comma = self.text.find(",", span[0], span[1])
        return span[0] == strip(self.text, lo, span[1])[0] and comma > 0 and len(words(self.text, span[0], comma)) == 1

    def hyphen_pronoun(self, cue: re.Match) -> tuple[int, int] | None:
        """The subject pronoun joined to an inverted verb: "dit-elle", "précise-t-il",
        "a-t-il déclaré", or inside a separable verb: "kündigte er an"."""
        for m in HYPHENATED.finditer(cue.group()):
            if m.group(1).lower() in self.t.pronouns:
                return cue.start() + m.start(1), cue.start() + m.end(1)
        inner = words(self.text, *cue.span())[1:2]
        if inner and self.t.particles and inner[0].group().lower() in self.t.pronouns:
            return inner[0].span()
        return None

    def next_block(self, pos: int) -> tuple[tuple[int, int], bool] | None:
        """The quotation, else the paragraph, that follows a sentence ending in a
        colon."""
        quote = self.quote_after(pos, len(self.text))
        if quote:
            return quote, True
        start = strip(self.text, pos, len(self.text), " \t\n")[0]
        end = self.text.find("\n\n", start)
        span = strip(self.text, start, len(self.text) if end < 0 else end)
        return (span, False) if len(words(self.text, *span)) >= 2 else None

    def short_phrase(self, span: tuple[int, int]) -> tuple[int, int]:
        """The name at the start of ``span`` (its capitalised words), else its first word
        (with its determiner); the whole span when it is that short already."""
        toks = words(self.text, *span)
        run = []
        for tok in toks:
            if not tok.group()[0].isupper():
                break
            run.append(tok)
        head = 2 if toks and toks[0].group().lower() in self.t.determiners else 1
        keep = run or toks[:head]  # "policji", "el diario"
        return (keep[0].start(), keep[-1].end()) if len(keep) < len(toks) else span

    def preposition(
        self, cue: re.Match, lo: int, hi: int, credit: tuple[int, int] | None
    ) -> Raw | None:
        if cue.group().lower() in self.t.raw.get("own_prepositions", ()):  # "hat nach eigenen Angaben …"
            found = self.content_after(strip(self.text, cue.end(), hi, " ,")[0], hi, stop_ok=True, clause=False)
            comma = self.text.rfind(",", lo, cue.start())  # "X sammelt …, nach eigenen Angaben sind es …"
            own = self.subject(lo, cue.start()) or (self.subject(lo, comma) if comma > lo else None)
            return Raw(cue.span(), own, *found) if found else None  # the clause's subject speaks
        head = self.text[lo : cue.start()].rstrip()
        if head.endswith(":") and not self.enclosing(cue.start()):
            lo = lo + len(head)  # "X hausse les épaules : selon lui, …": the clause after the colon
        end = self.right_region(cue.end(), hi)
        if (
            end < hi and end in self.quotes and self.quotes[end] < hi
        ):  # "по данным газеты «Утро»"
            end = self.quotes[end] + 1
        prev = words(self.text, max(lo, cue.start() - 12), cue.start())[-1:]
        if prev and prev[0].group().lower() in self.t.determiners:
            return None  # "o segundo lugar", "il secondo": an ordinal, not "according to"
        agent = self.reported_by(cue.end(), hi)  # "secondo quanto scritto dal giornale"
        if agent is not None:
            end = self.right_region(agent, hi)
        span = (cue.start(), agent or cue.end())
        relative = self.relative_source(cue, lo, hi)  # "un expert selon lequel …"
        if relative:
            return relative
        speaker = self.owner_inside(cue) or self.trim_speaker(span[1], end, after=True)
        if speaker is None:
            return None
        toks = words(self.text, *speaker)
        if toks[0].group().lower() in self.t.pronouns and not (len(toks) > 1 and toks[1].group()[0].isupper()):
            speaker = toks[0].span()  # "qui accueillait selon lui plus de …"; not "Theo ông Lợi"
        verb = self.first_cue(span[1], speaker[1])
        if verb and len(words(self.text, span[1], verb.start())) <= 1:
            return None  # "Según indicó X", "según ha confirmado X", "secondo quanto scritto": the verb's cue
        if not self.text[lo : cue.start()].strip(EDGE) and (
            not self.text[speaker[1] : hi].strip(EDGE) or "," not in self.text[cue.end() : hi]
        ):  # "Według Nowak liczba zakażeń wzrosła", "Według policji sprawca …": no comma
            speaker = self.report_head(cue, speaker) or self.short_phrase(speaker)
        followed_by_comma = self.text[speaker[1] : hi].lstrip().startswith(",")
        heads = self.t.raw.get("headed_prepositions", {}).get(cue.group().lower())
        if heads is not None:  # only "In a CBS News poll released Monday, …" opening
            comma = self.text.find(",", cue.end(), hi)  # the sentence
            phrase = strip(self.text, cue.end(), comma) if comma > 0 else None
            if not (
                phrase
                and not self.text[lo : cue.start()].strip(EDGE)
                and len(words(self.text, *phrase)) <= MAX_SPEAKER_WORDS
                and {w.group().lower() for w in words(self.text, *phrase)} & set(heads)
            ):
                return None
            speaker, followed_by_comma = phrase, True
        if cue.group().lower() in self.t.raw.get("weak_prepositions", []) and not (
            followed_by_comma or self.looks_like_speaker(speaker)
        ):
            return None
        if cue.group().lower() in self.t.raw.get("closing_prepositions", []) and not (
            self.text[lo : cue.start()].rstrip().endswith(",")
            and self.looks_like_speaker(speaker)
            and (not any(c in self.text[cue.end() : hi].rstrip(EDGE) for c in ",;:")
                 or self.text[speaker[1] : hi].strip(" \t\n.!?…")[:1] in (",", ":"))
        ):  # "…, so der Sprecher.", "Die Kunden, so der Insider, merken …", "…, so Reindl: „…“"
            return None  # only after a comma, as a reporting clause of its own
        before = self.content_before(lo, cue.start())
        if before and len(words(self.text, *before[0])) >= 3 and not self.open_clause(before):
            return Raw(span, speaker, *before)
        found = self.content_after(
            strip(self.text, max(speaker[1], span[1]), hi, " ,")[0], hi, stop_ok=True, clause=False
        )
        alone = not self.text[lo : cue.start()].strip(EDGE) and not self.text[
            speaker[1] : hi
        ].strip(EDGE)
        if found is None and alone and credit is not None:
            found = (
                credit,
                False,
            )  # a credit line ("Selon X") stands for the text above it
        return Raw(span, speaker, *found) if found else None

    def relative_source(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        """A preposition whose object is a relative pronoun (table ``relative_objects``:
        "selon lequel", "secondo cui", "según el cual", "по словам которого"): the speaker
        is the noun phrase before it, the content the clause after the pronoun ("… cite un
        expert selon lequel l'arme est étrangère")."""
        pronouns = self.t.raw.get("relative_objects", [])
        after = words(self.text, cue.end(), hi)[:2]
        if not pronouns or not after:
            return None
        k = 2 if len(after) > 1 and f"{after[0].group()} {after[1].group()}".lower() in pronouns else 1
        if k == 1 and after[0].group().lower() not in pronouns:
            return None
        speaker = self.noun_phrase_before(lo, strip(self.text, lo, cue.start(), " \t\n,")[1])
        found = self.content_after(after[k - 1].end(), hi, stop_ok=True, clause=False)
        if speaker is None or found is None:
            return None
        return Raw((cue.start(), cue.end()), speaker, *found)

    def report_head(self, cue: re.Match, speaker: tuple[int, int]) -> tuple[int, int] | None:
        """For a preposition of the table's ``report_prepositions`` ("nach", "по"), the
        words up to its report noun ("Nach jüngsten Medienberichten soll …": "jüngsten
        Medienberichten"); None for another preposition."""
        heads = self.t.raw.get("report_prepositions", {}).get(cue.group().lower())
        toks = words(self.text, *speaker) if heads else []
        for k, tok in enumerate(toks[:3]):
            word = tok.group().lower()
            if any(word.endswith(h[1:]) if h.startswith("*") else word == h for h in heads):
                det = toks[k + 1] if k + 1 < len(toks) else WORD.match(self.text, strip(self.text, tok.end(), len(self.text), " ")[0])
                if det and det.group().lower() in self.t.determiners:
                    at = strip(self.text, det.end(), len(self.text), " ")[0]
                    if at in self.quotes:  # "Nach Informationen der „Lausitzer Rundschau“ hatte …"
                        return speaker[0], self.quotes[at] + 1
                    owner = WORD.match(self.text, at)
                    tok = owner or tok  # "Nach Informationen des Senders ist …"
                return speaker[0], tok.end()
        return None

    def owner_inside(self, cue: re.Match) -> tuple[int, int] | None:
        """The possessive inside a prepositional cue ("по его словам", "in her words",
        "jej zdaniem"): the speaker is its owner."""
        for tok in words(self.text, *cue.span()):
            if tok.group().lower() in self.t.possessive_determiners:
                return tok.span()
        return None

    def reported_by(self, start: int, end: int) -> int | None:
        """For a preposition opening "quanto riportato dal sito", "lo informado por el
        diario": the end of the agent marker after a participle, where the speaker starts."""
        comma = self.text.find(",", start, end)
        toks = words(self.text, start, end if comma < 0 else comma)
        if not toks or not any(self.t.participle.search(t.group().lower()) for t in toks[:3]):
            return None
        for tok in toks[1:7]:
            m = self.t.agent.match(self.text, tok.start(), end)
            if m and m.end() < toks[-1].end():
                return m.end()
        return None

    def postposition(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        speaker = self.trim_speaker(self.left_region(lo, cue.start()), cue.start())
        found = self.content_after(cue.end(), hi, stop_ok=True)
        if speaker is None or found is None:
            return None
        return Raw((cue.start(), cue.end()), speaker, found[0], found[1])

    def infinitives(self, lo: int, hi: int):
        """Reporting infinitives after a table ``infinitive_openers`` phrase ("…, avant
        d'ajouter : « … »", "antes de añadir que …"): the cue is the phrase with the verb,
        whose speaker is the subject of the main clause."""
        if self.t.infinitive_opener is not None:
            for m in self.t.infinitive_opener.finditer(self.text, lo, hi):
                verb = m.group("verb").lower()
                if verb in self.t.lemmas["verb"] or lemma(self.t.language, verb) in self.t.lemmas["verb"]:
                    yield m
        yield from self.as_participles(lo, hi)

    def as_participles(self, lo: int, hi: int):
        """A reporting participle between an "as" word and an agent marker, with no
        auxiliary ("…, come riportato dall'agenzia X", "como informado por X"): a reduced
        passive, as English "as reported by X"."""
        toks = words(self.text, lo, hi)
        for k in range(1, len(toks) - 1):
            word = toks[k].group().lower()
            if toks[k - 1].group().lower() not in self.t.as_clause or not self.t.participle.search(word):
                continue
            if self.t.agent.match(self.text, toks[k + 1].start()) is None:
                continue
            found = {lemma(self.t.language, word), lemma(self.t.language, lemma(self.t.language, word))}
            known = self.t.lemmas["verb"] | self.t.lemmas["weak"] | set(self.t.raw.get("as_participle_lemmas", []))
            if found & known or word in (p.lower() for p in self.t.raw.get("participles", [])):
                yield toks[k]  # "riportare" only here: "ha riportato ferite" reports nothing

    def weak_gerund(self, cue: re.Match, kind: str) -> bool:
        """A gerund (table ``no_inversion`` shape) where the table makes gerunds weak
        (``weak_gerunds``): it reports only before a complementizer, a colon or a
        quotation ("…, precisando che …"), not "…, assegurando a vigilância …", unless a
        text noun stands right before it ("un communiqué dénonçant une « campagne »")."""
        if kind != "verb" or not self.t.raw.get("weak_gerunds", False):
            return False
        before = words(self.text, max(0, cue.start() - 40), cue.start())[-3:]
        if before and self.document_noun((before[0].start(), before[-1].end())):
            return False
        return bool(self.t.no_inversion.search(words(self.text, *cue.span())[-1].group()))  # not "pourtant"

    def weak_ok(self, cue: re.Match, lo: int, hi: int) -> bool:
        """A weak verb counts only before a complementizer, a colon or a quotation, or
        ending a sentence after a quotation ("« … », X shares.")."""
        rest = self.text[cue.end() : hi].strip(EDGE)
        if not rest and any(c in self.closing for c in range(lo, cue.start())):
            return True
        if rest and self.t.speaker_stop.match(rest) and not any(c in BOUNDARY for c in rest) and any(
            c in self.closing and "," in self.text[c - 1 : c + 2] for c in range(lo, cue.start())
        ):
            return True  # "“…,” X phát biểu tại lễ khánh thành.": a quotation's clause, past a closing adverbial
        lead = self.text[lo : cue.start()].rstrip(" \t\n,—–-")
        if (
            self.t.raw.get("weak_after_quotation", True) and lead
            and lo + len(lead) - 1 in self.closing and lead != self.text[lo : cue.start()]
        ):
            return True  # "« … », glisse un proche.": the reporting clause after a quotation
        told = words(self.text, lo, cue.start())[-1:]  # "…, nous a répondu le ministère.": the one told
        bare = told[0].start() if told and self.t.clitics and told[0].group().lower() in self.t.clitics else cue.start()
        if self.text[lo:bare].rstrip().endswith(","):  # "…, reports the daily X."
            after = self.inverted_speaker(cue, hi, lo)
            if after and not self.text[after[1] : hi].strip(EDGE) and (
                self.names_someone(after) or self.determiner(WORD.match(self.text, after[0]).group())
            ):  # "…, precisou o centro.": a determiner phrase closing the sentence
                return True
        left = self.left_region(lo, cue.start())
        if not self.text[cue.end() : hi].strip(EDGE) and self.text[lo:left].rstrip().endswith(","):
            if self.names_someone(self.trim_speaker(left, cue.start())):
                return True  # "…, the daily X reports."
        pos = cue.end()
        while pos < hi and self.text[pos] in " ,":
            pos += 1
        if pos < hi and (self.text[pos] == ":" or self.text[pos] in OPENING):
            return True
        nxt = WORD.match(self.text, pos, hi)
        while nxt and nxt.group().lower() in self.t.adverbs:
            pos = strip(self.text, nxt.end(), hi, " ")[0]  # "thông tin thêm rằng …"
            nxt = WORD.match(self.text, pos, hi)
        if nxt and nxt.group().lower() in self.t.raw.get("perfect_infinitives", ()):
            return True  # "aseguró haber recibido …", "garante ter confirmado …": a reported past
        topic = self.t.raw.get("topic_verbs", {})  # "hablan de «disturbios»"
        if nxt and topic:
            preps = topic.get(lemma(self.t.language, words(self.text, *cue.span())[-1].group().lower()), ())
            word = nxt.group().lower().replace("’", "'")
            if word in preps or word.split("'")[0] + "'" in preps:  # "parle d'une …"
                return True
        if nxt and self.t.speaker_stop.fullmatch(nxt.group()):  # "shared on Facebook that …"
            lead = words(self.text, pos, min(hi, pos + 60))[:5]
            comp = next((w for w in lead[1:] if self.t.complementizer.fullmatch(w.group())), None)
            if comp and not any(c in BOUNDARY for c in self.text[pos : comp.start()]):
                return True
            stop = next((i for i in range(pos, min(hi, lead[-1].end() + 1)) if self.text[i] in BOUNDARY), None)
            if stop is not None and self.text[stop] == ":":
                return True  # "chia sẻ với phóng viên: …"
        prev = [
            w.group().lower()
            for w in words(self.text, max(0, cue.start() - 30), cue.start())
        ]
        return (
            self.t.complementizer.match(self.text, pos, hi) is not None
            or bool(nxt and nxt.group().lower() in self.t.clause_starters)
            or bool(
                prev and prev[-1] in self.t.weak_subjects
            )  # "polls show", "voters see"
        )

    def colon(self, pos: int, lo: int, hi: int, heard: bool = False) -> Raw | None:
        """ "Sanders: « … »" / "CNN chief Jeff Zucker: …": a short speaker phrase, a colon,
        then the content (headlines, interviews, transcripts). With ``heard`` (the
        speaker is quoted elsewhere in the article) the content need not read as a
        sentence of running text."""
        if self.text[pos + 1 : pos + 3] == "//" or (
            pos + 1 < hi and self.text[pos + 1].isdigit()
        ):
            return None
        left = self.left_region(lo, pos)
        speaker = self.trim_speaker(left, pos)
        toks = words(self.text, *speaker) if speaker else []
        found = self.content_after(pos + 1, hi, stop_ok=True)
        if not toks or found is None:
            return None
        quoted = found[1]  # "La Procura : « … »", "Il sindaco: « … »"
        if self.first_cue(left, pos) or self.first_cue(left, pos, "prep"):
            return None
        lead = toks[0].group().lower() in self.t.determiners
        if (
            len(toks) > 6
            or not (self.text[speaker[0]].isupper() or self.text[speaker[0]] in "«“\"„")
            or lead and len(toks) > 3 and not any(t.group()[0].isupper() for t in toks[1:])
        ):  # "El entrenador no esconde su enfado: « … »": a clause, not a name
            raw = self.clause_colon(lo, pos, found)
            if raw and not quoted and not (  # "Des sources restent prudentes : il …"
                self.spoken_line(speaker, found[0])
                and (self.names_someone(raw.speaker) or self.t.anonymous.search(self.text, *raw.speaker))
            ):
                return None
            return raw
        label = self.text[speaker[0] : speaker[1]].lower().replace("’", "'")
        if label in self.t.colon_labels | self.interjections or len(label) == 1 or any(c in label for c in "—–|"):
            return None  # "Update:", "Editor's note:", an interview's "P:" / "R:", "NEWS HOUR — Transcript:"
        if not quoted and (
            toks[0].group().lower() in self.t.determiners  # "by Times' Ben Sisario:"
            or self.t.determiners and not toks[-1].group()[0].isupper()
            or self.t.determiners and any(  # "Follow us on Telegram:"; not "Anna de Souza (economist):"
                len(t.group()) > 3 and t.group().islower() and "(" not in self.text[speaker[0] : t.start()] for t in toks
            )
            or not self.t.determiners and len(toks) > 2 and not any(t.group()[0].isupper() for t in toks[1:])
        ):  # a name ends with a capitalised word: "Sen. Bernie Sanders:"; without articles,
            return None  # a clause of three words or more holds one ("Особое внимание уделяется …:")
        if not (quoted or heard or self.spoken_line(speaker, found[0])):
            return None
        if not (quoted or heard) and self.text[speaker[0] : speaker[1]].isupper() and not self.text[:lo].strip():
            return None  # a headline's "ATTENZIONE DONNE: …", "SỐC: …": a kicker, not a speaker named elsewhere
        return Raw((pos, pos + 1), speaker, *found)

    def headline_colon(self, lo: int, hi: int, heard) -> Raw | None:
        """A headline "Name: claim" ("Minister Lind: the bridge will close") whose name
        ``heard`` tells is quoted elsewhere in the article; a place or section label
        ("Paris: …", "Sport: …") speaks nowhere."""
        colon = self.text.find(":", lo, hi)
        if colon < 0 or self.text[lo:hi].rstrip()[-1:] in ".!?…":
            return None  # a headline ends without a full stop
        raw = self.colon(colon, lo, hi, heard=True)
        return raw if raw and not raw.direct and heard(raw.speaker) else None

    def clause_colon(self, lo: int, pos: int, found: tuple) -> Raw | None:
        """ "Le maire ne cache pas sa colère : « … »": a clause opening with its subject
        and ending in a colon before a quotation; the words after the subject are the cue."""
        toks = words(self.text, lo, pos)
        if toks and toks[0].group().lower() in self.t.opinion_prepositions:
            raw = self.opinion_colon(toks, pos, found)
            if raw:
                return raw
        speaker = self.subject(lo, pos)
        if speaker is None and toks and toks[0].group().lower() in self.t.determiners:
            speaker = toks[0].start(), toks[min(2, len(toks) - 1)].end()
        if speaker is None or not self.looks_like_speaker(speaker):
            return None
        toks = words(self.text, *speaker)
        for k, tok in enumerate(toks[1:], 1):  # "El entrenador | no esconde"
            word = tok.group()
            if word.lower() in self.t.negations or k >= 3 and not word[0].isupper():
                speaker = (speaker[0], toks[k - 1].end())
                break
        cue = strip(self.text, speaker[1], pos + 1, " \t\n,")
        comma = self.text.rfind(",", cue[0], cue[1])
        if comma > 0 and len(words(self.text, speaker[0], comma)) <= 2 * MAX_SPEAKER_WORDS:
            speaker = (speaker[0], comma)  # "Il sindaco, Marco Rossi, non nasconde il malumore:"
            cue = strip(self.text, comma, pos + 1, " \t\n,")
        longest = 12 if found[1] and self.names_someone(speaker) else 8  # "X, …, a attendu une heure devant …: « … »"
        if not 1 <= len(words(self.text, *cue)) <= longest or self.enclosing(speaker[0]):
            return None
        return Raw(cue, speaker, *found)

    def opinion_colon(self, toks: list, pos: int, found: tuple) -> Raw | None:
        """ "Para ela, a resposta é clara: « … »", "Per il sindaco la risposta è netta: « … »":
        an opinion preposition (table ``opinion_prepositions``) opens the sentence before a
        quotation; its object, a pronoun or a phrase that names someone, is the speaker and
        the words up to the colon the cue."""
        if not found[1] or len(toks) < 3:
            return None
        k = 1 + (toks[1].group().lower() in self.t.determiners)
        end = k + 1 if toks[1].group().lower() in self.t.pronouns else k
        while end < len(toks) and toks[end].group()[0].isupper() and end < k + 4:
            end += 1  # "Per Radio Nord"
        if end == k and toks[k].group().lower() in self.t.titles:
            end = k + 1  # "Per il sindaco"
        if end == k or end >= len(toks):
            return None
        speaker = (toks[1].start(), toks[end - 1].end())
        cue = strip(self.text, speaker[1], pos + 1, " \t\n,")
        if not 1 <= len(words(self.text, *cue)) <= 8 or self.enclosing(speaker[0]):
            return None
        return Raw(cue, speaker, *found)

    def opinion_opening(self, lo: int, hi: int) -> Raw | None:
        """ "Pour Anna Roy, adjointe aux sports, la piscine est trop petite": an opinion
        preposition (table ``opinion_prepositions``) opens the sentence before a name of two
        to four capitalised words (after a determiner and a title at most) set off by a comma;
        the name and an apposition that opens with no determiner or pronoun are the speaker,
        the clause after them the content. Not "Pour 2030, …", "Pour les élèves, …"."""
        toks = words(self.text, lo, hi)
        if len(toks) < 6 or toks[0].group().lower() not in self.t.opinion_prepositions:
            return None
        if self.text[lo : toks[0].start()].strip(EDGE) or self.enclosing(toks[0].start()):
            return None
        k = 1 + (toks[1].group().lower() in self.t.determiners)
        k += toks[k].group().lower() in self.t.titles
        end = k
        while end < min(len(toks), k + 4) and toks[end].group()[0].isupper():
            end += 1
        name_end = toks[end - 1].end()
        if end - k < 2 or self.text[name_end : name_end + 1] != ",":
            return None
        speaker = (toks[1].start(), name_end)
        comma = self.text.find(",", name_end + 1, hi)
        aside = words(self.text, name_end + 1, comma) if comma > 0 else []
        if aside and len(aside) <= MAX_SPEAKER_WORDS and aside[0].group().lower() not in (
            self.t.determiners | self.t.pronouns
        ) and len(words(self.text, comma + 1, hi)) >= 4:  # "…, chef du service d'imagerie, …"
            speaker = (speaker[0], comma)
        found = self.content_after(strip(self.text, speaker[1], hi, " ,")[0], hi, stop_ok=True, clause=False)
        if found is None or len(words(self.text, *found[0])) < 4:
            return None
        return Raw(toks[0].span(), speaker, *found)

    def anaphoric_source(self, lo: int, hi: int, found: list[Raw]) -> Raw | None:
        """ "Demnach liegt der Anteil bei neun Prozent": an adverb of the table's
        ``anaphoric_sources`` opening the sentence reports its clause on the authority of the
        text or source named before it; no speaker of its own."""
        first = words(self.text, lo, hi)[:1]
        if not first or first[0].group().lower() not in self.t.raw.get("anaphoric_sources", ()):
            return None
        if self.text[lo : first[0].start()].strip() or any(r.cue[0] <= first[0].start() < r.content[1] for r in found):
            return None
        content = self.content_after(first[0].end(), hi, stop_ok=True, clause=False)
        return Raw(first[0].span(), None, *content, impersonal=True) if content else None

    def line(self, pos: int) -> tuple[int, int]:
        """The line (between line breaks) around ``pos``."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def generic(self, raw: Raw) -> bool:
        """Whether the speaker is generic ("You can say that …", "Wer … liebt, weiß") or the
        author (table ``first_person``, outside a quotation): no attribution."""
        if raw.speaker is None:
            return False
        said = self.text[slice(*raw.speaker)].lower().replace("’", "'")
        bare = said.split()
        while len(bare) > 1 and self.object_word(bare[-1]):
            bare.pop()  # "On vous l'avait dit": "on" and the one told
        if said in self.t.generic_subjects or " ".join(bare) in self.t.generic_subjects:
            return True
        lead = words(self.text, max(0, raw.speaker[0] - 12), raw.speaker[0])[-1:]
        if lead and lead[0].group().lower() in self.t.raw.get("free_relatives", ()) and lead[0].end() + 1 == raw.speaker[0]:
            return True  # "Quien haya pasado una mañana allí sabe que …": whoever, nobody in particular
        # the author outside any quotation ("we've posted the list", "Chúng tôi khuyên"): no source
        toks = [w.split("'")[0] for w in said.split()]  # "we've"; "the parents I (talked to)", not "X, sentito da noi"
        mine = toks[0] if len(toks) == 1 else "" if "," in said or self.stop_word(toks[-2]) else toks[-1]
        return mine in self.t.raw.get("first_person", ()) and self.enclosing(raw.cue[0]) is None

    def in_headline(self, raw: Raw) -> bool:
        """Whether an indirect attribution lies on a line that is no running text: a
        headline, subtitle or related link ("See also: X says …"), which ends neither as
        a sentence nor as a clause does, holds no sentence end and does not go on in lower
        case on the next line. A credit line ("Source: X", content above it) is not one."""
        start, end = self.line(raw.cue[0])
        line = self.text[start:end].rstrip()
        return not (raw.content[1] <= start or line[-1:] in ".!?…:;»”“’\"')"
                    or SENTENCE_END.search(line) or self.text[end + 1 : end + 2].islower())

    def spoken_line(self, speaker: tuple[int, int], content: tuple[int, int]) -> bool:
        """Whether an unquoted "Label: text" is speech rather than a headline or page
        label ("Tags: …", "Lyon: …", "Partager : X | Mastodon"): a sentence of four
        words or more, not a question nor a list, on a line that ends as a sentence
        does, in the case of running text."""
        text = self.text[content[0] : content[1]]
        toks = words(self.text, *content)
        if len(toks) < 4 or text.rstrip().endswith("?") or any(c in text for c in "|·•"):
            return False
        if text.isupper() or sum(t.group()[0].isupper() for t in toks) > len(toks) / 2:
            return False
        if len(toks) <= 2 * text.count(","):
            return False  # "Lyon, mairie, budget, vote"
        line = self.text[slice(*self.line(content[0]))].rstrip()
        return line[-1:] in ".!…»”\"'"

    def cut_at_next_clause(self, raw: Raw, found: list[Raw]) -> Raw:
        """An indirect content after its cue ends before a later clause that has a
        speaker and cue of its own ("A said X, and B said Y"), when the two are
        set apart by a comma or semicolon a few words into the content; one
        before its cue starts after such a clause."""
        start, end = raw.content
        if raw.direct:
            return raw
        if end <= raw.cue[0]:  # "Asked …, Christie said that …, he pointed out"
            for other in found:
                if other.speaker is not None and start <= other.cue[0] < end:
                    cut = max(self.text.rfind(c, other.cue[1], end) for c in ",;")
                    if cut > 0 and len(words(self.text, cut, end)) >= 2:
                        start = strip(self.text, cut, end)[0]
            return replace(raw, content=(start, end))
        if start < raw.cue[1]:
            return raw
        for other in found:
            if not start < other.cue[0] < end:
                continue
            if other.speaker is None or other.speaker[0] < start:
                if other.impersonal or not self.t.no_inversion.search(
                    self.text, *other.cue
                ):
                    continue
                head = other.cue[0]  # "X said Y, arguing that Z": a participle clause
            else:
                head = min(other.speaker[0], other.cue[0])
            cut = max(self.text.rfind(c, start, head) for c in ",;")
            if cut > start and len(words(self.text, start, cut)) > 3:
                if not self.text[cut:head].strip(EDGE) or self.t.coordinator.fullmatch(
                    self.text[cut:head].strip(EDGE)
                ):
                    return replace(raw, content=strip(self.text, start, cut))
        return raw

    def quoted_name(self, lo: int, quoted: tuple[int, int] | None) -> bool:
        """Whether a quotation right before a verb is the name of its subject: it opens
        the sentence (after a list number at most) and holds a short capitalised title,
        not a sentence ("«Вестник» пишет", "« Le Courrier » affirme")."""
        if quoted is None or self.text[lo : quoted[0]].strip(EDGE + "0123456789)"):
            return False
        inner = strip(self.text, quoted[0] + 1, quoted[1] - 1, " \u00a0")
        toks = words(self.text, *inner)
        return (
            0 < len(toks) <= 4
            and toks[0].group()[0].isupper()
            and not any(c in self.text[slice(*inner)] for c in ".!?,;:")
            and not self.quoted_content(quoted)  # "« La réforme est nécessaire » a déclaré X"
        )

    def clause_subject(self, raw: Raw, kind: str) -> bool:
        """A verb whose subject phrase holds a reporting verb of its own is inside that
        verb's clause, no attribution: "Lee said the audit showed …", "a reader who
        lives nearby told us he answered …"; a capitalised word is a noun, "In dem Schreiben
        heißt es"."""
        if kind not in ("verb", "weak") or raw.speaker is None or raw.speaker[1] > raw.cue[0]:
            return False
        inner = self.first_cue(*raw.speaker)
        return inner is not None and inner.group()[0].islower() and not self.t.nested_subjects

    def relayed(self, raw: Raw, found: list[Raw]) -> Raw:
        """A prepositional cue inside a reporting clause ("X berichtet unter Berufung auf
        Y, dass …", "Trang X, dẫn nguồn Y, cho biết …", "…, reports X citing Y") relays
        what that clause reports: its content is the reporting verb's, not the clause
        around the cue."""
        m = self.t.preposition.match(self.text, raw.cue[0])
        if m is None or m.end() != raw.cue[1]:
            return raw
        for other in found:
            if other is raw or other.speaker is None or other.content[0] <= raw.cue[0] < other.content[1] \
                    or raw.cue[0] < min(other.cue[0], other.speaker[0]):
                continue  # "Selon X, Y a déclaré que …" nests Y's words in X's
            between = min(other.cue[1], other.speaker[1]) <= raw.cue[0] < max(other.cue[0], other.speaker[0])
            if between or any(a < raw.content[1] and raw.content[0] < b for a, b in (other.cue, other.speaker)):
                return replace(raw, content=other.content, direct=other.direct, parts=other.parts)
        return raw

    def object_in_report(self, raw: Raw, found: list[Raw]) -> bool:
        """A verb with a bare object inside the indirect content of another verb ("La mairie
        a confirmé la fermeture, a indiqué X") is part of what is said: the object is no
        report of its own. Not a preposition, nor a verb before a complementizer, a colon,
        a comma or a quotation, nor one inside a preposition's content ("Selon X, Y a
        annoncé la fermeture"), nor where a reported clause may go without complementizer
        (table ``bare_clauses``: "X said the plant would close, Y reported")."""
        text, (start, end) = self.text, raw.cue
        if self.t.bare_clauses or raw.direct or raw.content[0] < end or self.t.preposition.match(text, start):
            return False
        gap = text[end : raw.content[0]]
        if any(c in gap for c in ":,") or self.t.complementizer.search(text, end, raw.content[1]):
            return False  # "a déclaré à ses proches qu'il …", "сказал советникам, что …"
        size = raw.content[1] - raw.content[0]
        return any(  # an outer content holds the cue and is longer ("nested_in")
            other is not raw and not other.direct and other.content[0] <= start and end <= other.content[1]
            and other.content[1] - other.content[0] > size and not self.t.preposition.match(text, other.cue[0])
            for other in found
        )

    def performative(self, raw: Raw) -> bool:
        """A verb that does what it names to its bare object (table ``performatives``: lemma
        → object nouns: "ha dichiarato il lutto cittadino", "объявил траур"): an
        act, no report. Within the first five words of a content right after the verb,
        with no complementizer there."""
        table = self.t.raw.get("performatives", {})
        verb = words(self.text, *raw.cue)[-1:]
        nouns = table.get(lemma(self.t.language, verb[0].group().lower())) if table and verb else None
        if not nouns or raw.direct or raw.content[0] < raw.cue[1]:
            return False
        head = words(self.text, raw.cue[1], raw.content[1])[:5]
        if any(self.t.complementizer.fullmatch(w.group()) for w in head):
            return False
        return any(w.group().lower() in nouns for w in head)

    def relative_object(self, raw: Raw) -> bool:
        """A verb of a relative clause after a comma whose object is the relative pronoun
        (table ``object_relatives``: "…, o que a empresa nega", "…, lo que niega la
        empresa", "…, о чём пишет газета"): what it stands for is the clause before, no
        content the verb reports."""
        phrases = self.t.raw.get("object_relatives", [])
        if not phrases or raw.direct:
            return False
        heads = [raw.cue[0]] + ([raw.speaker[0]] if raw.speaker and raw.speaker[0] < raw.cue[0] else [])
        spoken = self.text[slice(*raw.speaker)].lower() if raw.speaker else ""
        return any(
            re.search(r",\s*" + re.escape(p) + r"\s*$", self.text[max(0, head - 30) : head], re.IGNORECASE)
            for head in heads
            for p in phrases
        ) or len(heads) > 1 and self.text[: heads[1]].rstrip().endswith(",") and any(
            spoken.startswith(p + " ") for p in phrases  # "…, den die Zeitung zitiert"
        )

    def told_word(self, word: str) -> bool:
        """A pronoun that after a comma before its verb can only be the one told: an object
        clitic, or the author's "nous" ("…, nous a répondu le ministère"), not "elle"."""
        return self.clitic(word) or word.lower() in self.t.raw.get("first_person", ()) and bool(self.t.clitics)

    def object_word(self, word: str) -> bool:
        """An object pronoun, or in a language with object clitics a personal pronoun that may
        be one ("nous", "vous"), between a quotation and its verb."""
        return self.clitic(word) or bool(self.t.clitics) and word.lower() in self.t.pronouns

    def topic_only(self, cue: re.Match, hi: int) -> bool:
        """A verb of talking (table ``topic_lemmas``) followed (past object pronouns, adverbs
        and a reflexive) by a preposition of the table's ``topic_prepositions`` and no
        complementizer nor quotation: it tells what is talked about, not what is said ("Стенд рассказывает о поездках", "mówi się tylko o jednym";
        not "рассказал о том, что …")."""
        topics = self.t.raw.get("topic_prepositions")
        verb = words(self.text, *cue.span())[-1].group().lower()
        if not topics or lemma(self.t.language, verb) not in self.t.raw.get("topic_lemmas", []):
            return False
        skip = set(self.t.raw.get("reflexives", [])) | self.t.adverbs | set(self.t.raw.get("topic_fillers", []))
        toks = words(self.text, cue.end(), hi)
        k = 0
        while k < len(toks) and (self.clitic(toks[k].group()) or toks[k].group().lower() in skip):
            k += 1
        if k >= len(toks) or toks[k].group().lower() not in topics:
            return False
        rest = self.text[toks[k].end() : hi]
        return not (self.t.complementizer.search(rest) or any(q in rest for q in OPENING))

    def agentless_passive(self, cue: re.Match, lo: int, hi: int) -> bool:
        """A passive cue with no agent that reports no clause, colon or quotation after it:
        something was done, nobody is said to speak ("Le coût est estimé à 180 000 euros",
        "No case has been reported in the county", "Il sisma è stato avvertito in tutta la
        provincia"); not "Il a été annoncé que …", a reflexive ("s'est indignée de …"), nor where
        the table keeps them (``agentless_passives``: English, PolNeAR annotates "was accused of")."""
        if self.t.raw.get("agentless_passives", False):
            return False
        prev = words(self.text, lo, cue.start())[-1:]
        if prev and any(c in BOUNDARY for c in self.text[prev[0].end() : cue.start()]):
            prev = []  # "…, die gelöscht werden könnten, erklärte er": another clause's auxiliary
        lead = [w.group().lower() for w in prev + words(self.text, *cue.span())[:-1]]
        if not any(w in self.t.passive for w in lead) or any(self.clitic(w) for w in lead):
            return False
        start = strip(self.text, cue.end(), hi, " \t\n,")[0]
        after = WORD.match(self.text, start, hi)
        clause = next((i for i in range(start, hi) if self.text[i] in ",;:!?"), hi)
        return not (
            any(self.t.agent.fullmatch(w.group()) for w in words(self.text, start, clause))  # "… (4) pela X"
            or self.t.complementizer.match(self.text, start, hi)
            or self.text[start : start + 1] in (*OPENING, ":")
            or after and after.group().lower() in self.t.as_clause | self.t.verb_chain | self.t.infinitive
        )

    def negated(self, cue: re.Match, lo: int) -> bool:
        """A negated verb reports nothing ("did not comment", "n'a pas répondu")."""
        start = max(self.left_region(lo, cue.start(), clauses=False), cue.start() - 25)
        toks = words(self.text, start, cue.start())
        if toks and toks[0].start() == start and self.text[start - 1 : start].isalnum():
            toks = toks[1:]  # the end of a word cut by the window ("Perpigna|n"), no "n'"
        for tok in toks[-3:]:
            word = tok.group().lower().replace("’", "'")
            if word in self.t.negations or word.split("'")[0] + "'" in self.t.negations:
                return True
        return False

    def not_cue(self, cue: re.Match, lo: int, hi: int) -> bool:
        """Whether the cue belongs to a phrase that reports nothing ("pledged
        delegates", "faster than predicted"), from the cue or the word before it."""
        before = words(self.text, max(lo, cue.start() - 20), cue.start())
        if before and before[-1].group().lower() in self.t.infinitive and not self.text[before[-1].end() : cue.start()].strip():
            return True  # "kündigte an, darüber zu berichten"; not "„Die Tür bleibt zu“, sagte X"
        if (
            before and before[-1].group().lower() in self.t.raw.get("articles", ())
            and before[-1].end() + 1 == cue.start()
            and " ".join(cue.group().lower().split()) not in self.t.noun_cues  # "his opposition to"
        ):
            return True  # "a claim", "your forecast": a noun after an article or possessive, never a pronoun
        after = strip(self.text, cue.end(), hi, " ,")[0]
        if before and before[-1].end() + 1 == cue.start() and before[-1].group().lower() in self.t.raw.get(
            "free_relatives", ()
        ) and not self.text[lo : before[-1].start()].rstrip().endswith(","):  # "Rodrigo Alarcón, quien precisó": a relative
            return True  # "consoante quem fala", "Quem defende a taxa …": the verb of a free relative
        modal = before[-1:] if before and before[-1].end() + 1 == cue.start() else []
        if modal and modal[0].group().lower() in self.t.raw.get("hypothetical_modals", ()):
            return True  # "what a paid campaign would say": said by nobody yet
        inside = words(self.text, *cue.span())  # "antes de advertirle": the opener's cue stays
        if len(inside) == 1 and self.enclitic_infinitive(inside[0].group().lower()) and not self.lone_lead(
            lo, cue.start()  # "A riferirlo è stato il sindaco": a cleft names who said it
        ) and not (
            self.t.complementizer.match(self.text, after, hi) or self.text[after : after + 1] in (*OPENING, ":")
        ):
            return True  # "Conviene decirlo pronto", "por negarse a …": an infinitive, no report
        for start in [cue.start()] + [w.start() for w in before[-1:]]:
            m = self.t.not_cue.match(self.text, start, hi)
            if m and m.end() >= cue.end():
                return True
        return False

    def unquoted_name(self, cue: re.Match, hi: int) -> bool:
        """Whether a verb of naming (table ``naming_lemmas``: "назвать", "qualifier", "definire")
        names something with no quotation after it in its sentence ("там героя называют жителем
        Кютахьи"): a name given, not words reported ("a qualifié de « pure invention »")."""
        naming = self.t.raw.get("naming_lemmas")
        verb = words(self.text, *cue.span())[-1].group().lower()
        if not naming or lemma(self.t.language, verb) not in naming:
            return False
        return not any(self.text[i] in OPENING for i in range(cue.end(), hi))

    def asked(self, raw: Raw, lo: int, hi: int) -> bool:
        """Whether an indirect report asks what is said: its sentence is a question and a
        word of the table's ``interrogatives`` stands right after the cue or just before it
        ("¿Qué dice el consistorio?", "chuyên gia nói gì?", "Was sagt die Stadt?")."""
        asks = self.t.raw.get("interrogatives")
        if raw.direct or not asks or not self.text[lo:hi].rstrip(' \t\n»”"').endswith("?"):
            return False
        after = " ".join(w.group().lower() for w in words(self.text, raw.cue[1], hi)[:2])
        if self.t.complementizer.match(self.text, strip(self.text, raw.cue[1], hi, " ,")[0], hi):
            after = ""  # "A-t-il dit que … ?": a complementizer, no question word
        near = [w.group().lower().replace("’", "'") for w in words(self.text, lo, raw.cue[0])[-2:]]
        return any(after == q or after.startswith(q + " ") for q in asks) or any(
            w in asks or w.split("'")[0] + "'" in asks for w in near)

    def enclitic_infinitive(self, word: str) -> bool:
        """Whether ``word`` is an infinitive with an object pronoun joined to it, where the
        pronoun is joined (table ``enclitic_infinitives``, ``clitics``, ``infinitive_shape``):
        "decirlo", "negarse", "dirlo" ("dire"), which the dictionary does not list; not
        "declarase" nor "parla"."""
        if not self.t.raw.get("enclitic_infinitives") or listed(self.t.language, word):
            return False  # a form of the dictionary: "parla" (speaks) is no "par(e)" + "la"
        shape = re.compile(self.t.raw.get("infinitive_shape", r"(?!x)x"))
        return any(
            word.endswith(c) and (shape.search(word[: -len(c)]) or shape.search(word[: -len(c)] + "e"))
            for c in self.t.clitics if c.isalpha()
        )

    def sentence(
        self, lo: int, hi: int, credit: tuple[int, int] | None, previous: tuple[int, int] | None = None
    ) -> list[Raw]:
        """Every attribution whose cue lies in the sentence [lo, hi); ``previous`` is
        the sentence before it, the content of "Lo riferisce X."."""
        self.previous = previous
        found: list[Raw] = []
        taken: list[tuple[int, int]] = []
        lo0, hi0 = lo, hi
        toks = self.tokens(lo, hi)
        capitals = sum(self.text[start].isupper() for start, _ in toks)
        title_case = capitals >= 0.6 * len(toks)  # headlines capitalise every word

        def free(m: re.Match) -> bool:
            return all(m.end() <= a or m.start() >= b for a, b in taken)

        for kind, starts, pattern in (
            ("prep", "prep", self.t.preposition),
            ("post", "post", self.t.postposition),
            ("verb", "inf", None),
            ("verb", "verb", self.t.cue),
            ("weak", "weak", self.t.weak_cue),
            ("verb", None, self.t.generic_cue),
        ):
            found_here = self.infinitives(lo0, hi0) if starts == "inf" else self.candidates(starts, pattern, hi0, toks)
            for cue in found_here:
                quote = self.enclosing(cue.start())
                if (
                    quote
                ):  # a cue inside a quotation: its clause ends with the quotation
                    lo, hi = max(lo0, quote[0] + 1), min(hi0, quote[1])
                else:
                    lo, hi = lo0, hi0
                if (
                    not free(cue)
                    or (kind == "weak" or self.weak_gerund(cue, kind)) and not self.weak_ok(cue, lo, hi)
                    or self.not_cue(cue, lo, hi)
                    or (kind in ("verb", "weak") and self.negated(cue, lo))
                    or kind in ("verb", "weak") and (
                        self.agentless_passive(cue, lo, hi) or self.topic_only(cue, hi) or self.unquoted_name(cue, hi))
                ):
                    continue
                if (
                    cue.group()[0].isupper()
                    and toks
                    and cue.start() > toks[0][0]
                    and not title_case
                    and not self.text[lo0 : cue.start()].rstrip().endswith(":")  # "Kein Einzelfall: Nach Angaben …"
                ):
                    continue  # "ACE Cash Express": a capitalised word inside a sentence is a name
                if kind == "prep":
                    raw = self.preposition(cue, lo, hi, credit)
                elif kind == "post":
                    raw = self.postposition(cue, lo, hi)
                else:
                    raw = self.verb(cue, lo, hi)
                    if raw is not None and starts == "inf" and raw.speaker and raw.speaker[0] < cue.start():
                        raw = replace(raw, speaker=None)  # the main clause's subject speaks
                if raw is not None and not self.generic(raw) and not self.clause_subject(raw, kind):
                    found.append(raw)
                    taken.append(raw.cue)
        found = [  # "Posted on May 2 | 14 comments", "Share · Facebook · Telegram"; a headline
            self.cut_at_next_clause(raw, found)
            for raw in found
            if raw.direct or not any(c in self.text[slice(*raw.content)] for c in "|·•")
            and not self.in_headline(raw)
        ]
        found = [self.relayed(raw, found) for raw in found]
        for k, raw in enumerate(found):
            if raw.speaker and self.text[slice(*raw.speaker)].lower() in self.t.coordinators:
                raw = found[k] = replace(raw, speaker=None)  # "Y remata: «…»": the coordinator is no subject
            if raw.speaker is None and not raw.impersonal:
                main = self.main_speaker(raw, found, lo0)
                if main and (raw.content[0] <= main[0] < raw.content[1]
                             or self.text[slice(*main)].lower() in self.t.coordinators):
                    main = None  # "– Nigdy tego nie widziałem – mówi.": a word of the content
                found[k] = replace(raw, speaker=main)
        found = [
            raw for raw in found
            if not self.generic(raw) and not self.object_in_report(raw, found) and not self.relative_object(raw)
            and not self.performative(raw) and not self.asked(raw, lo0, hi0)
        ]
        opinion = self.opinion_opening(lo0, hi0) if not any(r.cue[0] < lo0 + 4 for r in found) else None
        opinion = opinion or self.anaphoric_source(lo0, hi0, found)
        if opinion is not None:  # "Pour Anna Roy, …": before the colons, whose content it may hold
            found.insert(0, opinion)
        if self.t.colon_cue:
            for pos in (i for i in range(lo0, hi0) if self.text[i] == ":"):
                raw = self.colon(pos, lo0, hi0)
                if raw is not None and all(  # not in a content, nor right after a speaker
                    not (a <= pos < b) for a, b in (r.content for r in found)
                ) and all(not r.speaker or not (r.speaker[0] <= pos <= r.speaker[1]) for r in found) and all(
                    not (r.cue[1] <= pos < r.content[0]) for r in found  # "X chia sẻ với Y: «…»": the verb's
                ):  # colon
                    found.append(raw)
        for pos in (i for i in range(lo0, hi0) if self.text[i] in DASHES):
            raw = self.dash(pos, lo0, hi0)
            if raw is not None and all(not (a <= pos < b) for a, b in taken):
                found.append(raw)
        return found

    def dash(self, pos: int, lo: int, hi: int) -> Raw | None:
        """A credit after a quotation or a post: "“…” ― Sonya Herridge", "… — Paul
        Ryan (@SpeakerRyan) July 5": a spaced dash after three words or more, then a short
        name that ends there."""
        _, before = strip(self.text, lo, pos, " \t\n")
        if not (self.text[pos + 1 : pos + 2].isspace() and self.text[pos - 1 : pos].isspace() and (
            before == lo or before - 1 in self.closing or self.text[before - 1] in ".!?"
        )):
            return None
        toks = []
        for tok in words(self.text, pos + 1, hi):
            gap = self.text[toks[-1].end() if toks else pos + 1 : tok.start()]
            if gap.strip() or not tok.group()[0].isupper() or len(toks) == 5:
                break
            toks.append(tok)
        if not toks:
            return None
        rest = self.text[toks[-1].end() : hi].lstrip()
        if rest and rest[0] not in "(.,«“\"„" and not rest[0].isdigit():
            return None  # "— Paul Ryan and others —" is a parenthesis
        found = self.content_before(lo, pos)
        if found is None or len(words(self.text, *found[0])) < 3:
            return None  # "(EFE).- Unas …" is a dateline; "the “X” – SCAM" a label
        return Raw((pos, pos + 1), (toks[0].start(), toks[-1].end()), *found)
