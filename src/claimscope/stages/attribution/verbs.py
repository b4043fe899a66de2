"""Reporting-verb cues ("a déclaré", "said", "заявил"): the speaker before the verb, after
it in an inversion, its possessor ("Trump's claim") or a passive agent ("was criticized by X"),
and the content after the verb or before it; also impersonal report phrases ("heißt es in
dem Bericht"), reporting infinitives and reduced passives ("come riportato da X").
"""

from __future__ import annotations

import re

from .appositions import MAX_ASIDE_WORDS
from .candidates import impersonal_passive
from .passives import MAX_AGENT_GAP, PassiveAgents
from .lemmas import lemma
from .quotes import CLOSING
from .spans import BOUNDARY, EDGE, Raw, strip, words


class VerbCues(PassiveAgents):
    """Speaker and content of a reporting-verb cue."""

    def verb(self, cue: re.Match, lo: int, hi: int) -> Raw | None:
        text = self.text
        left = self.left_region(lo, cue.start())
        owner = self.possessor(left, cue) if self.t.possessives else None
        if owner is None and " ".join(cue.group().lower().split()) in self.t.noun_cues:
            return None  # "opposition to" is a cue only with its owner: "his opposition to"
        if owner:
            found = self.content_after(cue.end(), hi, stop_ok=True)
            return Raw((cue.start(), cue.end()), owner, *found) if found else None
        sourced = self.sourced(cue, lo, hi) if self.source_verb(cue) else None
        if sourced:  # "wynika z raportu", "geht aus dem Bericht hervor"
            return sourced
        agent = self.passive_agent(cue, left, hi)
        if agent is not False:
            found = self.content_after(
                agent[1] if agent else cue.end(), hi, stop_ok=True
            )
            closes = agent and self.closing_adverbial(agent[1], hi)
            if closes:
                found = None  # "… annoncée par le préfet lundi matin.": an adverbial, no content
            if found is None and agent and text[agent[1] : hi].lstrip().startswith(","):
                comma = text.index(",", agent[1])  # "As reported by X, <content>"
                found = self.content_after(comma + 1, hi, stop_ok=True)
            lead = words(text, lo, cue.start())[-2:]
            if found is None and agent and (closes or not text[agent[1] : hi].strip(EDGE)) and lead:
                head = lead[-1] if lead[-1].group().lower() in self.t.as_clause else None
                start = head.start() if head else cue.start()  # "…, as reported by X."
                if text[lo:start].rstrip()[-1:] == ",":
                    found = self.content_before(lo, start)
                elif not head and self.passive_subject(self.subject_start(lo, cue.start()), self.auxless(cue.start())):
                    found = strip(text, self.subject_start(lo, cue.start()), self.auxless(cue.start())), False
                    if self.previous and not self.enclosing(cue.start()) and (
                        self.news_subject(*found[0]) or self.anaphoric_lead(*found[0])  # "Об этом было сообщено X."
                        and words(text, *found[0])[0].group().lower() not in self.t.determiners  # not "A mudança"
                    ):
                        found = self.previous, False  # "L'information a été révélée par X.": the sentence before
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
        before = self.relative_antecedent(lo, cue.start(), cue.end()) or before  # "…, qui affirme"
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
        elif prep and self.t.subject_relatives & {w.group().lower() for w in words(text, *before)}:
            before = strip(text, prep.end(), before[1])  # "Selon le site, qui cite X": the preposition's object
        inv = self.inverted_speaker(cue, hi, lo) if (
            before and before[1] <= left and self.t.inversion_after_clause
        ) else None
        if inv and (
            (len(words(text, *before)) > 6 or len(words(text, before[1], cue.start())) > MAX_ASIDE_WORDS)
            and self.names_someone(inv)  # "PARIS, 3 mai (AFP) - <a whole clause>, a indiqué la société X"
            or self.opener(lo, before) and text[inv[1] : hi].strip(" \n.!?…")[:1] in ("", ",")
            or "," in text[before[0] : before[1]] and self.names_someone(inv) and not text[inv[1] : hi].strip(" \n.!?…")
            or "," in text[before[0] : before[1]] and not self.looks_like_speaker(before)
            or self.after_aside(strip(text, before[0], cue.start(), " \t\n,"))  # also past a long aside
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
        if before and self.gerund(cue) and text[lo : cue.start()].rstrip().endswith(","):
            before = None  # "…, X said, adding that …": a participle clause takes its main clause's speaker
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
        after_cue = strip(text, cue.end(), hi, " \t\n,")[0]
        dialogue = None if text[cue.end() : hi].lstrip()[:1] == ":" or self.t.complementizer.match(
            text, after_cue, hi) else self.dialogue_dash(lo, cue.start())  # not "Anna Lis – mówi, że …"
        if dialogue is not None and before and before[1] <= dialogue:
            before = None  # "Zdążymy, bo … – mówił, po polsku.": speech before the dash, no subject
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
        paren = self.parenthetical_subject(lo, as_word, cue.end(), hi) if speaker is None and dialogue is None else None
        if paren:  # "El diario, según reconoce en su nota, recibió …": the clause's subject
            speaker = paren[0]
        found = self.content_after(paren[1], hi, stop_ok=True) if paren else None
        comma = text.find(",", cue.end(), hi) if as_word and speaker is None and not found else -1
        if comma >= 0:  # "Jak powiedziała Janowi Nowakowi, <content>": after the as-clause
            found = self.content_after(comma + 1, hi, stop_ok=True)
        if dialogue is not None and not found and speaker is None:
            found = self.content_before(lo, cue.start())
        if not inverted and not found:
            found = self.content_after(self.past_told(cue, hi), hi)
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
        resumed = self.resumed_clause(lo, head, speaker[1] if inverted else cue.end(), hi) if found is None else None
        if resumed is not None:  # "… ma, riferiscono, nessun danno": the clause after the aside
            found = self.content_after(resumed, hi, stop_ok=True)
        if found is None and (inverted or text[lo:head].rstrip()[-1:] in BOUNDARY):
            found = self.content_before(lo, head)  # "« … », X said" / "…, X said"
            if inverted and self.open_clause(found) and text[speaker[1] : hi].lstrip().startswith(","):
                found = self.content_after(text.index(",", speaker[1]) + 1, hi, stop_ok=True) or found
        if found is None and inverted:
            found = self.content_after(speaker[1], hi)
        comma = text.find(",", speaker[1], hi) if found is None and inverted and self.t.v2 else -1
        if comma > 0 and len(words(text, speaker[1], comma)) <= MAX_AGENT_GAP and not any(
            c in BOUNDARY for c in text[speaker[1] : comma]
        ):  # "Dort schrieb der Betreiber am Freitag, <content>": past a short adverbial after the subject
            found = self.content_after(comma + 1, hi, stop_ok=True)
        if found is None and held is not None:
            found = held, False
        if found is None and not inverted:
            found = self.content_after(cue.end(), hi, stop_ok=True)
            lead = words(text, lo, head)[-1:]
            if found is None and not (lead and self.t.complementizer.fullmatch(lead[0].group())):
                found = self.content_before(lo, head)  # not "… señalaron que el detenido confesó.": a clause inside
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
            if source and cue.end() <= source[0] < content[1] and source[1] > content[0]:
                found = self.content_after(source[1], hi, stop_ok=True) or self.content_before(lo, cue.start())
                if found is None:  # "…, hieß es aus der Behörde.": the clause before, not the source
                    return None
                content, direct = found
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
        speaker = self.hyphen_pronoun(cue) or speaker or self.inner_subject(cue, lo)
        return Raw((cue.start(), cue.end()), speaker, content, direct, parts)

    def gerund(self, cue: re.Match) -> bool:
        """Whether the cue's last word has the table's gerund shape (``no_inversion``):
        "ajoutant", not "a pourtant confirmé", whose adverb only ends like one."""
        return bool(self.t.no_inversion.search(words(self.text, *cue.span())[-1].group()))

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

    def opener(self, lo: int, span: tuple[int, int]) -> bool:
        """Whether a subject phrase taken with its appositions opens with one word and a
        comma at the start of the sentence ("Domani, altre regioni …"): an adverbial, as in
        ``subject``, when the verb is followed by a subject that ends the clause."""
        comma = self.text.find(",", span[0], span[1])
        return span[0] == strip(self.text, lo, span[1])[0] and comma > 0 and len(words(self.text, span[0], comma)) == 1

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
