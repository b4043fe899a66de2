"""Subjects of a cue: the sentence's opening subject ("In April, Trump …"), a subject
coordinated with an earlier verb ("In an interview, Trump doubled down and said …"), and
the names that open a sentence, after a description or a first word ("The mayor Paul
Martin said"). ``Subjects`` joins them with the clause leads (``leads.py``), the
antecedents (``antecedents.py``) and the appositions (``appositions.py``).
"""

from __future__ import annotations

import re

from .anonymity import indefinite
from .antecedents import Antecedents
from .appositions import Appositions
from .leads import ClauseLeads
from .lemmas import lemma, supported
from .names import HANDLE
from .spans import BOUNDARY, opens_place, words


class Subjects(ClauseLeads, Antecedents, Appositions):
    """Subject finding for the cue rules (base of ``SentenceRules``)."""

    def coordinated_subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        """For "In an interview, Trump doubled down and said …" (also "…, calling",
        "… in rejecting", "… to tell"): the subject of the nearest clause (after a
        comma or semicolon) before the coordinator."""
        lead = words(self.text, lo, pos)
        if not lead:
            return None
        last = lead[-1].group().lower()
        if last in self.t.coordinators or last in self.t.not_subjects | self.t.verb_chain:
            pos = lead[-1].start()  # "… and said", "… in rejecting", "… to tell"
        elif self.text[lo:pos].rstrip()[-1:] != ",":
            return None
        cuts = [i + 1 for i in range(lo, pos) if self.text[i] in ",;"]
        for start in sorted([lo, *cuts])[::-1][:3]:
            if not self.enclosing(start):
                found = self.subject(start, pos)
                if found:
                    return found
        return None

    def subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        """The sentence's opening pronoun, run of capitalised words or determiner
        phrase ("The real estate tycoon entered …"), if any (after an opening
        quotation or an opening adverbial that ends with a comma, "In April, Trump
        …"; not a participle such as "Speaking")."""
        for _ in range(3):  # "On Thursday, after remaining neutral, Warren …"
            found = self.opening_subject(lo, pos)
            lead = words(self.text, lo, pos)[:1]
            comma = self.text.find(",", lo, pos)
            if found or not lead or comma < 0 or self.enclosing(comma):
                return found
            word = lead[0].group().lower()
            opener = (  # "In April,", "However,", "Meanwhile,", "And …,"
                word in self.t.not_subjects | self.t.adverbs | self.t.coordinators
                or len(words(self.text, lo, comma)) == 1
            )
            if not opener:
                return None
            lo = comma + 1
        return None

    def determiner_phrase(self, toks: list[re.Match]) -> list[re.Match]:
        """A determiner and the lower-case words after it up to the first verb-like
        word ("The real estate tycoon" in "The real estate tycoon entered …")."""
        stops = self.t.trim | self.t.passive | self.t.starts["verb"]
        run = toks[:1]
        for tok in toks[1:6]:
            word = tok.group()
            if (
                not word.islower()
                or word in stops
                or self.t.verb.fullmatch(word)
                or any(p.fullmatch(word) for p in (self.t.speaker_stop, self.t.clause_break, self.t.coordinator))
            ):
                break
            run.append(tok)
        return run if len(run) > 1 and len(run) < len(toks) else []

    def opening_subject(self, lo: int, pos: int) -> tuple[int, int] | None:
        for mark in (lo, lo + 1):  # “…” / ''…''
            if mark in self.quotes:
                lo = self.quotes[mark] + 1
                break
        toks = words(self.text, lo, pos)
        if toks and self.interjection(toks[0]):  # "Mire, dije que …": no subject
            return None
        if len(toks) > 1 and toks[0].group().lower() in self.t.coordinators:
            toks = toks[1:]  # "А музей, как нам рассказали, …": the coordinator is no subject
        if not toks or toks[-1].end() == pos:
            return None
        if toks[0].group().lower() in self.t.pronouns:
            return toks[0].span()
        run = []
        for tok in toks:
            if not (tok.group()[0].isupper() or tok.group().lower() in self.t.titles):
                break
            if run and ":" in self.text[run[-1].end() : tok.start()]:
                break  # "ANA LIMA: Les digo …": a label, then the sentence
            run.append(tok)
        first = run[0].group() if run else ""
        if (
            not run
            or first.lower() in self.t.trim | self.t.not_subjects
            or first.lower() in self.t.clitics - self.t.determiners  # "Les digo …"
            or self.t.no_inversion.search(first)
            or any(
                p.fullmatch(first)
                for p in (self.t.speaker_stop, self.t.clause_break, self.t.preposition)
            )
            and not self.article_opener(toks)
        ):
            return None
        if len(run) == 1 and first.lower() in self.t.determiners:
            phrase = self.determiner_phrase(toks)
            if not phrase and not indefinite([first], self.t):
                return None
            run = phrase or run  # "Some say …", "Certains affirment …": the indefinite pronoun is the subject
        return run[0].start(), run[-1].end()

    def opening_name(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A proper name of two to four capitalised words opening the sentence as its
        subject ("Karin Vogt, Ortsvorsteherin, sieht …"), else named by the description
        that opens it ("Глава района Сергей Петров провел …", "Le directeur, Jean Roy, se
        veut …"): what a later "sie" or "the 60-year-old" may stand for."""
        return self.name_at(lo, hi, 0) or self.described_subject(lo, hi)

    def described_subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The name after a subject description of lower-case words, determiners and
        titles (set off by commas, an apposition, when a comma comes first); not in a
        language that capitalises every noun."""
        if self.t.v2:
            return None
        toks = words(self.text, lo, hi)[:10]
        complement = None  # "Le ministre de la Santé, Paul Girard, …": a complement, then the name
        for k, tok in enumerate(toks[1:8], 1):
            if not tok.group()[0].isupper():
                continue
            lead = self.text[lo : tok.start()]
            if any(c in BOUNDARY and c != "," for c in lead) or any(
                t.group()[0].isupper() and t.group().lower() not in self.t.determiners | self.t.titles
                for t in toks[:k] if t is not complement
            ):
                return None
            name = self.name_at(lo, hi, k)
            if (name is None and complement is None and "," not in lead and toks[k - 1].group().islower()
                    and self.text[tok.end() : tok.end() + 1] == ","):
                complement = tok
                continue
            if name and "," in lead and self.text[name[1] : name[1] + 1] != ",":
                return None  # "Le maire, Paris …": an apposition closes with a comma
            if name and k > 2 and "," not in lead and self.known_title(toks[0], toks[1], lo):
                return None  # "The mayor met fisherman Tom Hale": the mayor talked about before
            return name
        return None

    def introduced_name(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A name of two to four capitalised words after the sentence's first word that a
        later pronoun may stand for: after a lower-case description noun and before a
        lower-case word, or a determiner opening the sentence ("Local fisherman Tom Hale
        disagrees", "Die Pflegerin Anna Berg sieht das anders", "В интервью РБК депутат
        Павел Рогов раскритиковал …"), else followed by an apposition that names no one
        ("Reporters met Tom Hale, a fisherman.", not "Interrogé par X Y, le député Z …"), or set
        off by commas after a lower-case noun it names ("filmée par une passante, Eva Roy, la vidéo …").
        Not when the sentence's subject is someone already salient, a pronoun, a name or
        a title the text gave before: the person it meets stays in the background ("She
        met Tom Hale, a fisherman. She said …", "The mayor met fisherman Tom Hale."). With
        no such name, an account's handle after a lower-case description noun ("the
        blogger @ana_k")."""
        toks = words(self.text, lo, hi)
        if toks and (self.known_subject(toks[0], lo) or len(toks) > 2 and self.known_title(toks[0], toks[1], lo)):
            return None
        found = [(k, self.name_at(lo, hi, k)) for k in range(1, len(toks) - 1)]
        k = len(toks)
        while k > 1 and toks[k - 1].group()[0].isupper() and (
            k == len(toks) or self.text[toks[k - 1].end() : toks[k].start()].isspace()
        ):
            k -= 1  # a name that closes the sentence: "… министр Анна Лис."
        j = self.after_genitive(toks, k)
        if j > k:  # "Innego zdania jest radna klubu Razem dla Brzezin Monika Kaleta."
            return toks[j].start(), toks[-1].end()
        if 2 <= len(toks) - k <= 4 and toks[k].group().lower() not in self.t.determiners | self.t.pronouns and not all(
                t.group().isupper() for t in toks[k:]):
            found.append((k, (toks[k].start(), toks[-1].end())))
        found = [(k, n) for k, n in found if n and not opens_place(self.text, toks[k - 1], self.t) and (
            k == 1 or not toks[k - 1].group()[0].isupper() or "," in self.text[toks[k - 1].end() : n[0]])]
        for k, name in found:
            head, rest = toks[k - 1].group(), words(self.text, name[1], hi)
            apposed = (self.text[toks[k - 1].end() : name[0]].strip() == ","  # "… une passante, Eva R., montre"
                       and self.text[name[1] : name[1] + 1] == "," and head.islower())
            if (
                (not rest or apposed or rest[0].group().islower() and "," not in self.text[toks[k - 1].end() : name[1]])
                and (k == 1 and head.lower() in self.t.determiners  # "Der Bürgermeister Peter Braun …"
                     or head.lower() not in self.t.determiners and not self.stop_word(head))
                and not self.t.preposition.fullmatch(head) and not self.clitic(head)
            ):  # also a name that closes the sentence: "…, la ministra de Sanidad, Ana Lis."
                return name
        for _, name in reversed(found):
            clause = self.text[name[1] : hi]
            apposition = re.split(r"[;:.!?—–()]|, ", clause[2:])[0] if clause.startswith(", ") else ""
            if apposition[:1].islower() and not any(t.group()[0].isupper() for t in words(clause, 0, len(apposition) + 2)):
                return name
        for m in HANDLE.finditer(self.text, lo, hi):  # "… pela blogueira @dona.lia.cozinha": an account
            noun = words(self.text, lo, m.start())[-1:]
            if noun and noun[0].group().islower() and not self.stop_word(noun[0].group()):
                return m.start(), m.end()
        return None

    def after_genitive(self, toks: list[re.Match], k: int) -> int:
        """In a language with cases, where the name of two words or more that closes ``toks``
        starts when the capitalised words from ``k`` open with inflected ones (not their own
        lemma: a genitive, "Brzezin Monika Kaleta"); else ``k``."""
        if not self.t.dative_endings or not supported(self.t.language):
            return k

        def inflected(tok: re.Match) -> bool:
            return lemma(self.t.language, tok.group().lower()) != tok.group().lower()

        j = k
        while j < len(toks) - 2 and inflected(toks[j]):
            j += 1
        return j if j > k and not any(inflected(t) for t in toks[j:]) else k

    def known_subject(self, first: re.Match, lo: int) -> bool:
        """Whether the word opening a sentence at ``lo`` is a subject pronoun ("She",
        "Il") or the last word of a name of two capitalised words or more earlier in the
        text ("Carver" after "Linda Carver"): someone already talked about."""
        word = first.group()
        if self.subject_pronoun(word):
            return True
        if not word[0].isupper() or word.lower() in self.t.determiners:
            return False
        return any(m.group(1)[0].isupper() for m in re.finditer(rf"(\w+) {re.escape(word)}\b", self.text[:lo]))

    def known_title(self, first: re.Match, second: re.Match, lo: int) -> bool:
        """Whether a sentence at ``lo`` opens with a determiner and a title the text used
        before ("The mayor met …" after "Mayor Linda Carver"): a person already talked about."""
        title = second.group().lower()
        return (first.group().lower() in self.t.determiners and title in self.t.titles
                and re.search(rf"(?<!\w){re.escape(title)}(?!\w)", self.text[:lo], re.IGNORECASE) is not None)

    def name_at(self, lo: int, hi: int, k: int) -> tuple[int, int] | None:
        """The name of two to four capitalised words starting at the ``k``-th word."""
        toks = words(self.text, lo, hi)[k : k + 5]
        run = []
        for tok in toks:
            if not tok.group()[0].isupper() or len(run) == 4:
                break
            if run and not self.text[run[-1].end() : tok.start()].isspace():
                break  # "Ana Lima: Thanks", "Paris, Berlin"
            run.append(tok)
        if len(run) < 2 or len(run) == len(toks) or self.enclosing(run[0].start()) or all(
                t.group().isupper() for t in run):  # "LARANJA QUE CURA: …": a headline in capitals
            return None
        first = run[0].group().lower()
        if first in self.t.determiners | self.t.pronouns | self.t.not_subjects | self.t.trim or self.stop_word(first) or (
                first in self.t.anonymous_openers):  # also "Manche Familien": a quantifier names no one
            return None  # also "Im Gespräch mit …": a German noun after a preposition names no one
        if self.t.preposition.match(self.text, run[0].start()):
            return None
        end = run[-1].end()
        initial = len(run[-1].group()) == 1 and self.text[end : end + 1] == "."
        return run[0].start(), end + initial  # "Eva R.": a surname cut to its initial keeps its period
