"""The words between a reporting verb and its inverted subject: a time adverbial ("aseguró
el martes la alcaldesa"), the one told ("dijo a la radio local la alcaldesa", "рассказал
нашему изданию директор X", "powiedział PAP rzecznik"), a role's complement ("a reconnu
l'adjoint aux travaux, Marc Petit") and an adverbial before the subject ("в среду журналистам
глава X"); also the one told before a telling verb's content ("told reporters the bridge was
unsafe"); base of ``Subjects``.
"""

from __future__ import annotations

import re

from .contents import Contents
from .lemmas import lemma, supported
from .spans import BOUNDARY, CONNECTORS, EDGE, strip, words


class Addressees(Contents):
    """Where an inverted subject starts after its verb (base of ``Subjects``)."""

    def time_lead(self, pos: int, hi: int) -> int:
        """Where an inverted subject may start after a time adverbial that follows the cue:
        a determiner or stop word and a table adverb, two or three words with no punctuation
        between or after them ("aseguró el martes la alcaldesa", "afirmou nesta
        segunda-feira a prefeita"); else ``pos``."""
        toks = words(self.text, pos, hi)[:4]
        first = toks[0].group().lower() if toks else ""
        if not (first in self.t.determiners or self.t.speaker_stop.fullmatch(first)):
            return pos
        lead = self.t.determiners | self.t.adverbs
        for k in (2, 1):
            if (
                k + 1 < len(toks)
                and all(t.group().lower() in lead or self.t.speaker_stop.fullmatch(t.group()) for t in toks[1:k])
                and toks[k].group().lower() in self.t.adverbs
                and not any(c in BOUNDARY or c == "." for c in self.text[toks[0].end() : toks[k + 1].start()])
            ):
                return toks[k].end()
        return pos

    def skip_addressee(self, pos: int, hi: int) -> int:
        """Where an inverted subject starts after the one told, who follows the cue (after a
        lone adverb) and is never the speaker: a quoted title that ends in a dative
        ("рассказал «Известиям» X"), a dative (table ``dative_endings``: "рассказал нашему
        изданию X", "powiedział Janowi Nowakowi X"; nothing when no subject follows) or a
        phrase opened by a table ``addressee_markers`` word or (after the adverb) a stop word,
        up to the next determiner, or for the one told (unless its first word is also an
        article: Portuguese "a") a capital after a lower-case word ("dijo a la radio la alcaldesa",
        "a reconnu auprès de nos confrères l'adjoint", "aseguró ayer en su comparecencia el
        consejero", "sagte dem Sender der Minister"); else ``pos``."""
        at = strip(self.text, pos, hi, " \t")[0]
        if at in self.quotes and self.quotes[at] < hi:  # "рассказал «Известиям» X": a title told
            name = words(self.text, at, self.quotes[at])[-1:]
            if name and self.dative(name[0].group().lower()) and words(self.text, self.quotes[at] + 1, hi)[:1]:
                pos = self.quotes[at] + 1
        cut = next((i for i in range(pos, hi) if self.text[i] in BOUNDARY or self.text[i] == "."), hi)
        toks = words(self.text, pos, cut)[:8]
        i = 1 if len(toks) > 2 and toks[0].group().lower() in self.t.adverbs else 0
        j = i
        while j < len(toks) and self.dative(toks[j].group()):
            j += 1
        if j > i and j + 1 < len(toks) and self.complement(toks[j].group()) and self.nominative(toks[j + 1].group()):
            j += 1  # "сказал корреспонденту агентства глава района": the one told's genitive
        if (
            j == i and i + 1 < len(toks) and self.t.dative_endings and self.acronym(toks[i].group())
            and not self.t.preposition.match(self.text, toks[i + 1].start())  # "сообщает ТАСС со ссылкой на"
        ):
            j += self.nominative(toks[i + 1].group())  # "powiedział PAP rzecznik": an outlet told
        if j > i:
            return toks[j].start() if j < len(toks) else toks[j - 1].end()
        lead = toks[i].group().lower().replace("’", "'") if i < len(toks) else ""
        head, _, noun = lead.partition("'")  # "all'agenzia": the noun is in the word
        told = lead in self.t.addressee_markers or bool(noun) and head + "'" in self.t.addressee_markers
        if not (told or i and self.stop_word(lead) and not self.determiner(lead)):
            return pos
        k = i + 1
        while not noun and k < len(toks) and (self.determiner(toks[k].group()) or self.stop_word(toks[k].group())):
            k += 1  # "auprès de nos …", "a los …"
            noun = toks[k - 1].group().replace("’", "'").partition("'")[2]  # "à l'AFP un agent": the noun is in the word
        shape = re.compile(self.t.raw.get("infinitive_shape", r"(?!x)x"))
        for k in range(k + (not noun), len(toks)):
            word = toks[k].group()
            if shape.search(word.replace("’", "'").partition("'")[2]):
                return pos  # "reproche à la majorité d'avoir …": a clause, no subject after it
            if self.determiner(word) or told and not self.determiner(lead) and word[0].isupper() and toks[k - 1].group().islower():
                return toks[k].start()
        return pos

    def past_told(self, cue: re.Match, hi: int) -> int:
        """Where the content of a telling verb (table ``telling_lemmas``) starts after the one
        told, who stands right after it and opens no content: an object pronoun (table
        ``told_pronouns`` or a clitic), a dative, an acronym, a name of three words at most or a
        determiner and up to two words, then a colon, a comma before a complementizer (or any
        comma where ``comma_content``: "sagte der Zeitung, …", "powiedział dziennikarzom, że …")
        or, where ``bare_clauses``, a clause: a pronoun or determiner and a finite verb within
        three words ("told reporters the bridge was unsafe", "told us he had left"); else the
        cue's end."""
        pos = cue.end()
        verb = words(self.text, cue.start(), pos)[-1:]
        telling = self.t.raw.get("telling_lemmas", ())
        if not verb or not supported(self.t.language) or lemma(self.t.language, verb[0].group().lower()) not in telling:
            return pos
        toks = words(self.text, pos, min(hi, pos + 160))[:9]
        for n in range(1, min(4, len(toks)) + 1):
            told, after = toks[:n], toks[n - 1].end()
            if any(c in BOUNDARY or c == "." for c in self.text[pos : after]) or not self.told_phrase(told):
                continue
            rest = strip(self.text, after, hi, " \t")[0]
            mark = self.text[rest : rest + 1]
            if mark in ",:":
                nxt = strip(self.text, rest + 1, hi, " \t\n")[0]
                if mark == ":" or self.t.comma_content or self.t.complementizer.match(self.text, nxt, hi):
                    return nxt
            elif self.t.bare_clauses and self.clause_opens(toks[n:], told):
                return toks[n].start()
        return pos

    def told_outlet(self, cue: re.Match, span: tuple[int, int] | None) -> bool:
        """An acronym alone after a verb of saying proper (table ``saying_lemmas``) in a language
        that marks the one told by a dative (``dative_endings``): an outlet told, no inverted
        subject ("– powiedziała PAP.", "– рассказал ТАСС."), as a person is the one who says."""
        found = words(self.text, *span) if span and self.t.dative_endings else []
        verb = words(self.text, cue.start(), cue.end())[-1:]
        return (len(found) == 1 and self.acronym(found[0].group()) and bool(verb) and supported(self.t.language)
                and lemma(self.t.language, verb[0].group().lower()) in self.t.raw.get("saying_lemmas", ()))

    def told_phrase(self, told: list[re.Match]) -> bool:
        """Words that can be the one told right after a telling verb (``past_told``)."""
        first = told[0].group()
        if len(told) == 1 and (first.lower() in self.t.raw.get("told_pronouns", ()) or self.clitic(first)
                               or self.dative(first) or self.acronym(first)):
            return True
        if all(self.dative(t.group()) for t in told):
            return True  # "naszym dziennikarzom"
        rest = [t.group() for t in told[1:]]
        if self.determiner(first) and 0 < len(rest) <= 2:
            return not any(self.determiner(w) or w.lower() in self.t.pronouns for w in rest)
        plain = [t.group() for t in told]
        return all(w[0].isupper() for w in plain) or len(plain) == 1 and plain[0].islower() and not (
            plain[0] in self.t.adverbs or self.stop_word(plain[0]) or plain[0] in self.t.pronouns
            or re.fullmatch(self.t.raw.get("adverb_shape", r"(?!x)x"), plain[0]))

    def clause_opens(self, toks: list[re.Match], told: list[re.Match]) -> bool:
        """A clause opens at ``toks``: a subject pronoun, or a determiner (any word after an object
        pronoun told), with a finite verb (an auxiliary or a ``verb_shape`` form) within three words."""
        shape = re.compile(self.t.raw.get("verb_shape", r"(?!x)x"))
        finite = [k for k, t in enumerate(toks[:4]) if t.group().lower() in self.aux | self.t.passive
                  or shape.fullmatch(t.group())]
        if not toks or not finite or any(c in BOUNDARY for c in self.text[toks[0].start() : toks[finite[0]].start()]):
            return False
        head = toks[0].group().lower()
        if head in self.t.pronouns - self.t.subject_relatives:
            return finite[0] == 1
        pronoun = len(told) == 1 and told[0].group().lower() in self.t.raw.get("told_pronouns", ())
        return finite[0] >= 1 and (self.determiner(head) or pronoun and head.islower())

    def role_complement(self, end: int, hi: int) -> int:
        """Where an inverted subject that stops at a stop word ends when that word opens the
        complement of its role noun, as a name in apposition that closes the clause shows:
        "a reconnu l'adjoint aux travaux, Marc Petit" (up to the comma); else ``end``."""
        comma = self.text.find(",", end, hi)
        toks = words(self.text, end, comma) if comma > 0 else []
        names = words(self.text, comma + 1, hi) if toks else []
        if (
            1 < len(toks) <= 3
            and self.stop_word(toks[0].group())
            and all(t.group().islower() for t in toks)
            and not any(c in BOUNDARY for c in self.text[end:comma])
            and 2 <= len(names) <= 4
            and all(t.group()[0].isupper() for t in names)
            and not self.text[names[-1].end() : hi].strip(EDGE)
        ):
            return comma
        return end

    def dative(self, word: str, endings: tuple | None = None) -> bool:
        """A word with a table dative ending (of two letters or more before it), in lower case
        unless the ending has three letters ("Janowi"), or a dative by its lemma (table
        ``dative_lemma_endings``: "корреспонденту" of "корреспондент", "Radiu" of "radio")."""
        lower = word.lower()
        return lower not in self.t.titles and (any(
            lower.endswith(end) and len(lower) >= len(end) + 2 and (word.islower() or len(end) >= 3)
            for end in (self.t.dative_endings if endings is None else endings)
        ) or self.dative_lemma(lower))

    def dative_lemma(self, lower: str) -> bool:
        if not self.t.dative_lemmas or not supported(self.t.language):
            return False
        base = lemma(self.t.language, lower)
        return base != lower and any(
            base.endswith(end) and lower == base[: len(base) - len(end)] + told for end, told in self.t.dative_lemmas
        )

    def nominative(self, word: str) -> bool:
        """A lower-case word that is its own lemma (a noun's nominative singular: "глава",
        "rzecznik"), no stop word."""
        return word.islower() and len(word) > 2 and not self.stop_word(word) and (
            not supported(self.t.language) or lemma(self.t.language, word) == word)

    def complement(self, word: str) -> bool:
        """A lower-case inflected word that no dative ending marks ("агентства")."""
        return (word.islower() and supported(self.t.language) and not self.stop_word(word)
                and lemma(self.t.language, word) != word and not self.dative(word))

    @staticmethod
    def acronym(word: str) -> bool:
        """A word of two capitals or more and no lower-case letter ("PAP", "ТАСС", "TVN24")."""
        return sum(c.isupper() for c in word) >= 2 and not any(c.islower() for c in word)

    def before_told(self, span: tuple[int, int] | None, lead: bool = True) -> tuple[int, int] | None:
        """An inverted subject without the one told after it: a word of ``told_endings`` or a
        dative by its lemma, or an ``addressee_markers`` word that is a determiner, after its
        first word ("sagte der Minister dem Sender", "powiedział rzecznik X dziennikarzom");
        with ``lead`` False, not in a phrase that opens with a stop word or object pronoun
        (an adverbial before the subject: "в среду журналистам глава X")."""
        toks = words(self.text, *span) if span else []
        first = toks[0].group() if toks else ""
        if not toks or not lead and (self.stop_word(first) and not self.determiner(first) or self.clitic(first)):
            return span
        for k, tok in enumerate(toks[1:], 1):
            word = tok.group()
            if self.dative(word, self.t.told_endings) or word.lower() in self.t.addressee_markers and self.determiner(word):
                return span[0], toks[k - 1].end()
        return span

    def subject_article(self, toks: list[re.Match]) -> bool:
        """A determiner that tells no one told, before a capitalised noun: the subject with its
        complement ("der Sprecher der Stadt"), not an adverbial ("este martes el ministro")."""
        return (len(toks) > 1 and toks[0].group().lower() in self.t.determiners - self.t.addressee_markers
                and toks[1].group()[0].isupper())

    def determiner(self, word: str) -> bool:
        """A determiner, also elided onto its noun ("l'adjoint")."""
        word = word.lower().replace("’", "'")
        head, apostrophe, _ = word.partition("'")
        return word in self.t.determiners or bool(apostrophe) and head + "'" in self.t.determiners

    def skip_adverbial(self, pos: int, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """An inverted subject after a short adverbial or object: "…, заявил в субботу
        министр X", "…, schreibt am Montag die Zeitung", "…, dijo a los periodistas
        Marta Ruiz": from the first word (of the next three) that can open a subject."""
        toks = words(self.text, pos, span[1]) if span else []
        while len(toks) > 1 and self.clitic(toks[0].group()):
            toks.pop(0)  # "powiedział nam w piątek rzecznik X"
        if (
            not toks
            or not self.stop_word(toks[0].group())  # also elided: "all'ANSA il portavoce"
            or toks[0].group().lower() in self.t.determiners  # "sagte der Minister"
            and not any(t.group().lower() in self.t.determiners for t in toks[1:4])
            or self.subject_article(toks)  # "sagte der Sprecher der Stadt"
        ):  # but "dijo al reportero un joven": a second determiner opens the subject
            return span
        if len(toks) > 2 and toks[0].group().lower() in self.t.adverbs and self.determiner(toks[1].group()):
            return toks[1].start(), span[1]  # "a indiqué lundi la préfecture": a lone adverb, then the subject
        for k, tok in enumerate(toks[1:4], 1):  # "w sobotę rano Energa-Operator"
            if tok.group()[0].isupper() or k >= 2 and tok.group().lower() in self.t.titles | self.t.determiners:
                head = toks[k - 1].group()  # "w piątek spółka Koleje Pomorskie"
                if (
                    k >= 3
                    and tok.group()[0].isupper()  # a title opens the subject itself
                    and head.islower()
                    and head.lower() not in self.t.adverbs
                    and not self.t.speaker_stop.fullmatch(head)  # "в среду журналистам глава X"
                    and toks[k - 2].group().lower() not in self.t.determiners  # "a los periodistas X"
                ):
                    return toks[k - 1].start(), span[1]
                if k >= 2 and toks[k - 1].group().lower() in self.t.determiners:
                    return toks[k - 1].start(), span[1]  # "all'ANSA il portavoce"
                nxt = toks[k + 1].group() if k + 1 < len(toks) else ""
                if tok.group()[0].isupper() and nxt.islower() and self.determiner(nxt) and nxt not in CONNECTORS:
                    return toks[k + 1].start(), span[1]  # "a précisé sur X un porte-parole": where it was said
                return tok.start(), span[1]
        if len(toks) > 2:  # "в пятницу губернатор области", "в среду журналистам глава X"
            k = 2
            while k + 1 < len(toks) and self.t.speaker_stop.fullmatch(toks[k].group()):
                k += 1
            return toks[k].start(), span[1]
        return span
