"""Appositions of a subject: a noun phrase set off by commas or dashes between a subject
and its verb ("The mayor, Paul Martin, said", "X, 58, said", "X — a teacher — says"),
and the asides and relative clauses that may stand there instead.
"""

from __future__ import annotations

from .addressees import Addressees
from .antecedents import MAX_QUOTED_NAME_WORDS
from .spans import BOUNDARY, WORD, strip, words

MAX_ASIDE_WORDS = 12  # an adverbial or clause set off by commas between a subject and its verb
MAX_ASIDE_SUBJECT_WORDS = 8  # the subject before it, which opens the sentence
APPOSITION = (
    ",—–"  # marks that set off an apposition: "X, 58, said", "X — a teacher — says"
)


class Appositions(Addressees):
    """Appositions and asides after a subject (a base of ``Subjects``)."""

    def adverb_word(self, word: str) -> bool:
        """A word of the table ``adverbs`` or of its ``adverb_shape`` ("already", "oficialmente")."""
        return word.lower() in self.t.adverbs or bool(self.t.adverb.fullmatch(word))

    def opening_phrase(self, lo: int, end: int) -> bool:
        """Whether [lo, end) is a short phrase that opens its sentence, as a subject does: no
        boundary in it, at most MAX_ASIDE_SUBJECT_WORDS words, not opening with a stop word
        ("En las escuelas …" is an adverbial)."""
        start = strip(self.text, lo, end, " \t\n")[0]
        toks = words(self.text, start, end)
        return (bool(toks) and self.left_region(lo, end, clauses=False) <= start
                and len(toks) <= MAX_ASIDE_SUBJECT_WORDS
                and (toks[0].group().lower() in self.t.determiners or not self.stop_word(toks[0].group().lower())))

    def aside(self, lo: int, sep: int) -> int | None:
        """Where the phrase before an aside set off by commas that closes at ``sep`` ends:
        adverbs ("The council, however, said", "El hospital, oficialmente, ha informado") or
        an adverbial or clause that opens with a lower-case stop word or "as" word ("La
        empresa, por ahora, ha asegurado", "X, when asked about it, said", "X, as Y notes,
        demanded"), not an apposition (None when it is none)."""
        _, prev = strip(self.text, lo, sep, " \t\n")
        opening = self.text.rfind(",", lo, prev)
        inner = words(self.text, opening + 1, prev) if opening > lo else []
        if not inner or len(inner) > MAX_ASIDE_WORDS or any(c in BOUNDARY for c in self.text[opening + 1 : prev]):
            return None
        head = inner[0].group()
        relatives = self.t.relatives | self.t.subject_relatives
        if head.lower() in self.t.determiners or any(  # German "…, der …": a relative pronoun too
                w.lower() in relatives or any(len(r) > 4 and w.lower().startswith(r[:4]) for r in relatives)
                for w in (t.group() for t in inner[:3])):
            return None  # "Urzędnik, na którego powołuje się X,": a relative clause describes the subject
        if len(inner) <= 3 and all(self.adverb_word(t.group()) for t in inner) or len(inner) > 1 and head.islower() and (
                self.stop_word(head) or head in self.t.as_clause):
            return opening  # also a clause: "X, when readers asked …, wrote", "X, as Y specifies, demanded"
        return None

    def relative_opening(self, lo: int, end: int) -> int | None:
        """The comma before the last relative pronoun in [lo, end) (also inflected: "которого"),
        which opens a relative clause set off by commas up to ``end``, else None."""
        relatives = self.t.relatives | self.t.subject_relatives
        for tok in reversed(words(self.text, lo, end)):
            low = tok.group().lower()
            if low in relatives or any(len(r) > 5 and low.startswith(r[:5]) for r in relatives):
                comma = strip(self.text, lo, tok.start(), " \t\n")[1] - 1
                return comma if comma > lo and self.text[comma] == "," else None
        return None

    def apposition_start(self, lo: int, sep: int) -> int:
        """Where the phrase that ends at ``sep`` starts; a short quotation after a word of
        it is part of it ("Le message, signé « un pompier », affirme …", "Un audio,
        atribuido a «un guardia», asegura …")."""
        start = self.left_region(lo, sep, clauses=False)
        opening = self.closing.get(strip(self.text, lo, sep, " \t\n")[1] - 1)
        if opening is not None and opening > lo and len(words(self.text, opening, sep)) <= MAX_QUOTED_NAME_WORDS:
            before = self.left_region(lo, opening, clauses=False)
            if words(self.text, before, opening):
                return before
        return start

    def appositive(self, lo: int, pos: int) -> tuple[int, int] | None:
        """ "The mayor, Paul Martin, said", "Jason Sims — a teacher — says": a noun
        phrase and up to three appositions set off by commas or dashes, right before
        the cue or before adverbs right before it ("…, Rui Costa, já disse")."""
        _, end = strip(self.text, lo, pos, " \t\n")
        toks = words(self.text, lo, end)
        k = len(toks)
        while k and self.adverb_word(toks[k - 1].group()):
            k -= 1  # "o antigo diretor da fábrica, Rui Costa, já disse"
        if 0 < k < len(toks) and self.text[strip(self.text, lo, toks[k].start(), " \t\n")[1] - 1] in APPOSITION:
            end = strip(self.text, lo, toks[k].start(), " \t\n")[1]
        else:
            k = len(toks)  # "X, in a statement on Monday, said": "Monday" is no adverb before the verb here
        if end <= lo or self.text[end - 1] not in APPOSITION:
            return None
        aside = end - 1 if 0 < k < len(toks) and "," in self.text[toks[k].start() : pos] else self.aside(lo, end - 1)
        if aside is not None and not self.opening_phrase(lo, aside):
            aside = None  # "…, weil sie es nicht wollen, im Notfall …, schreibt X": a clause, then the inversion
        if aside is not None:  # "El hospital, oficialmente, solo ha informado", "X, por ahora, ha dicho"
            end = aside + 1
        seps = [end - 1]
        start = self.apposition_start(lo, seps[-1])
        while len(seps) <= 3:
            _, prev = strip(self.text, lo, start, " \t\n")
            if prev <= lo or self.text[prev - 1] not in APPOSITION:
                break
            seps.append(prev - 1)
            start = self.apposition_start(lo, seps[-1])
        first = None
        opened = self.relative_opening(lo, seps[0])
        for sep in seps[0 if aside is not None else 1 :]:  # the nearest phrase that can be a subject
            if opened is not None and sep > opened:
                continue  # "X, который называет себя …, пострадавших …, заявил": inside X's relative clause
            first = self.trim_speaker(self.left_region(lo, sep), sep)
            lead = WORD.match(self.text, first[0]) if first else None
            if (
                first
                and (self.looks_like_speaker(first) or self.has_subject_marker(first))
                and lead
                and lead.group().lower() not in self.t.not_subjects
                and not self.t.no_inversion.search(lead.group())  # "X, speaking at …,"
            ):
                break
            first = None
        if first is None:
            return None
        last = strip(self.text, first[0], seps[0])
        return (first[0], last[1]) if len(words(self.text, *last)) <= 20 else first
