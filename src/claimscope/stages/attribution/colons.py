"""Punctuation cues: a speaker before a colon ("Sanders: « … »", "Le maire ne cache pas sa
colère : « … »"), a dash credit after a quotation ("“…” ― Sonya Herridge"), and the
lines that are no running text (headlines, page labels) where neither is speech.
"""

from __future__ import annotations

import re

from ...outlets import find_mentions
from .kinds import OUTLET_KINDS, body_kind
from .spans import MAX_SPEAKER_WORDS, Raw, strip, words
from .subjects import Subjects

DASHES = "—―–-"  # dashes that may introduce a credit line
SENTENCE_END = re.compile(r"[.!?…][»”’\"')]*\s+\S")  # a sentence ends inside a line


class ColonCues(Subjects):
    """Colon and dash cues, and the lines that hold no speech."""

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
        if self.page_label(label) or len(label) == 1 or any(c in label for c in "—–|"):
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
        if not (quoted or heard or self.spoken_line(speaker, found[0], ending=not self.outlet_label(speaker))):
            return None
        if not (quoted or heard or self.outlet_label(speaker)) and self.text[speaker[0] : speaker[1]].isupper() and (
            not self.text[:lo].strip()
        ):
            return None  # a headline's "ATTENZIONE DONNE: …", "SỐC: …": a kicker, not a speaker named elsewhere
        return Raw((pos, pos + 1), speaker, *found)

    def page_label(self, label: str) -> bool:
        """Whether a lower-cased label before a colon is one of the table's ``colon_labels`` or an
        interjection, also with another or no first-person possessive than the table's entry
        (``own_openers``, ``our_openers``, after an article: "Mein Tipp:" as "unser Tipp",
        "Our advice:"): the author's own note, no speaker."""
        labels = self.t.colon_labels | self.interjections
        if label in labels:
            return True
        mine = {w.lower() for key in ("own_openers", "our_openers") for w in self.t.raw.get(key, ())}

        def unowned(phrase: str) -> str:
            toks = phrase.split()
            lead = 1 if len(toks) > 2 and toks[0] in self.t.determiners and toks[1] in mine else 0
            return " ".join(toks[lead + 1 :]) if len(toks) > lead + 1 and toks[lead] in mine else phrase

        bare = unowned(label)
        return bare != label and bare in {unowned(w) for w in labels}

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

    def outlet_label(self, speaker: tuple[int, int]) -> bool:
        """Whether a colon's label is an outlet: a registered one that the label is, after a
        determiner and an outlet noun at most ("RT", "La chaîne RT"), or an outlet noun
        with one word beside it ("Białoruskie radio", "Litewski portal"). Its headline
        "RT: <claim>" reports the outlet's claim, as a name said elsewhere does."""
        label = self.text[speaker[0] : speaker[1]]
        toks = words(label, 0, len(label))
        if not 1 <= len(toks) <= 3:
            return False
        nouns = [t for t in toks if body_kind(t.group(), self.t.language) in OUTLET_KINDS]
        if len(toks) <= 2 and nouns and not any(t.group()[0].isdigit() for t in toks):
            return True
        rest = [t for t in toks if t not in nouns and t.group().lower() not in self.t.determiners]
        return any(m.outlet is not None and rest and m.start <= rest[0].start() and rest[-1].end() <= m.end
                   for m in find_mentions(label, ((0, len(label)),)))

    def spoken_line(self, speaker: tuple[int, int], content: tuple[int, int], ending: bool = True) -> bool:
        """Whether an unquoted "Label: text" is speech rather than a headline or page
        label ("Tags: …", "Lyon: …", "Partager : X | Mastodon"): a sentence of four
        words or more, not a question nor a list, on a line that ends as a sentence
        does (with ``ending``), in the case of running text."""
        text = self.text[content[0] : content[1]]
        toks = words(self.text, *content)
        if len(toks) < 4 or text.rstrip().endswith("?") or any(c in text for c in "|·•"):
            return False
        if text.isupper() or sum(t.group()[0].isupper() for t in toks) > len(toks) / 2:
            return False
        if len(toks) <= 2 * text.count(","):
            return False  # "Lyon, mairie, budget, vote"
        line = self.text[slice(*self.line(content[0]))].rstrip()
        return not ending or line[-1:] in ".!…»”\"'"

    def line(self, pos: int) -> tuple[int, int]:
        """The line (between line breaks) around ``pos``."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def in_headline(self, raw: Raw) -> bool:
        """Whether an indirect attribution lies on a line that is no running text: a
        headline, subtitle or related link ("See also: X says …"), which ends neither as
        a sentence nor as a clause does, holds no sentence end and does not go on in lower
        case on the next line. A credit line ("Source: X", content above it) is not one."""
        start, end = self.line(raw.cue[0])
        line = self.text[start:end].rstrip()
        return not (raw.content[1] <= start or line[-1:] in ".!?…:;»”“’\"')"
                    or SENTENCE_END.search(line) or self.text[end + 1 : end + 2].islower())

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
