"""Reading names out of phrases, on the text alone: where a noun's complements end, the
person a speaker phrase names beside a role, a name in apposition, the capitalised words
two forms of a name share (docs/sourcing.md)."""

from __future__ import annotations

import re

from ...model import Attribution
from ...outlets import cues
from ..attribution.tables import available_languages, load_table
from .names import PLATFORMS, QUOTED, Source, _name_after, capitalised_inside

NAME_CHARS = 64  # a named speaker longer than this is a clause the earlier stage took for one
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{4}|\d)([.!?]+)[»”\"]?\s+(?=[^\W\d_])")


def complements(text: str, end: int, stop: frozenset | set) -> int:
    """Where a noun ending at ``end`` ends with its prepositional complements: pairs of a
    function word and a word ("de l'hôpital", "at the clinic", "в министерстве"), at most
    three, up to punctuation."""
    rest = list(re.finditer(r"\S+", text[end:end + 120]))
    out = end
    for k in range(0, min(len(rest), 6) - 1, 2):
        prep, noun = rest[k].group(), rest[k + 1].group()
        bare = noun.rstrip(",.;:!?»”\")")
        if elided(prep).casefold() not in stop or bare.casefold() in stop or not bare:
            break
        out = end + rest[k + 1].start() + len(bare)
        if noun != bare:
            break
    return out


def elided(word: str) -> str:
    """The article or preposition of an elided word ("l'hôpital" → "l")."""
    return re.split(r"['’]", word)[0]


def names_anyone(name: str) -> bool:
    """Does a speaker name anyone ("the daily Xyz"), beyond a common noun that refers back
    to an outlet already named ("the site", "trang Facebook")?"""
    return any(w[:1].isupper() and w.strip(",.").casefold() not in PLATFORMS for w in name.split()[1:])


def named_in(src: Source, clause: str) -> bool:
    """Is ``src`` named in ``clause``, in full or by its first word ("Globe")?"""
    first = src.name.split()[0] if src.name.split() else ""
    return bool(src.name and src.name in clause) or (
        len(first) >= 5 and first[:1].isupper() and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", clause) is not None)


def _person_in(said: str, entity: str | None) -> tuple[int, int] | None:
    """The span of a personal name that a speaker phrase gives with its role ("the deputy
    mayor Ana Lind", "Ana Lind, head of the agency"): the speaker's entity, two or more
    capitalised words, at the end of the phrase or before a comma or bracket, after nothing
    or after a role: words that include a lower-case one (not more of the name) and, past the
    first word, no preposition unless a lower-case noun ends the role ("head of the X Y" names
    X Y's head, not a person; "le directeur du port X Y" is X Y)."""
    if not entity or len(entity.split()) < 2 or not all(w[:1].isupper() for w in entity.split()):
        return None
    at = said.find(entity)
    if at < 0:
        return None
    after, before = said[at + len(entity):].lstrip(), said[:at].split()
    if after and after[0] not in ",(":
        return None
    stop = cues.stopwords(None)
    if before and (not any(w[:1].islower() for w in before) or any(w.casefold() in stop for w in before[1:])
                   and (before[-1].casefold() in stop or before[-1][:1].isupper())):
        return None  # "the head of the Water Board"; not "le directeur du port Marc Olsen"
    return at, at + len(entity)


def name_in(said: str, entity: str | None) -> tuple[int, int] | None:
    """The span of the person or body a speaker phrase names beside a role (:func:`_person_in`):
    its entity, else its last run of two capitalised words or more ("the deputy mayor Ana
    Lind", when the attribution stage resolved no entity)."""
    runs, run = [], []
    for w in re.finditer(r"\S+", said):
        if w.group()[:1].isupper() and w.group()[:1].isalpha():
            run.append(w)
            if not w.group()[-1:].isalnum():
                runs.append(run)  # punctuation ends a run
                run = []
        else:
            runs.append(run)
            run = []
    runs.append(run)
    names = [said[r[0].start():r[-1].end()].rstrip(",.;:") for r in runs if len(r) >= 2]
    for name in (entity, *reversed(names)):
        span = _person_in(said, name)
        if span is not None:
            return span
    return None


def name_stems(name: str) -> set[str]:
    """The capitalised words of a name, by their first four letters (case-folded)."""
    stop = cues.stopwords(None)
    return {w.casefold()[:4] for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[:1].isupper() and w.casefold() not in stop}


def proper_name(name: str, stop) -> bool:
    """Is ``name`` a proper name only: capitalised words, function words between them?"""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w.casefold() in stop for w in words)


def sentence_end(text: str) -> int:
    """Where the first sentence of ``text`` ends: after a word of four letters or more, or a
    figure, then a full stop and a capitalised word ("… 38. Das …"; not "Dr. Lind"); its length
    when no sentence ends in it."""
    for m in _SENTENCE_END.finditer(text):
        if text[m.end()].isupper():
            return m.start(1)
    return len(text)


def no_name(said: str, lang: str | None) -> bool:
    """Is a speaker phrase a piece of a clause the earlier stage took for a name: it runs over a
    sentence's end ("… in 2015. The …"), it opens on a pronoun and a lower-case word and goes
    on ("He had written under a post …"; not "she herself"), or it ends on a function word or
    a coordinator ("The governments of", "the Commission and")?"""
    words = said.split()
    pronouns = load_table(lang).pronouns if lang in available_languages() else frozenset()
    joiners = cues.stopwords(lang) | {w.casefold() for w in (cues.table(lang)["coordinators"]
                                                             if lang in cues.languages() else ())}
    return sentence_end(said) < len(said.rstrip()) or len(words) > 2 and words[0].casefold() in pronouns \
        and words[1][:1].islower() or len(words) > 1 and words[-1].casefold() in joiners


def too_long(said: str) -> bool:
    """Is a speaker span too long to be a name: a clause the earlier stage took for one?"""
    return len(said.split()) > 12 or len(said) > NAME_CHARS


def apposed_head(said: str, lang: str | None) -> str | None:
    """The head of a speaker phrase that an apposition after a comma makes too long ("Dr X
    Y, a researcher at the Z of W", "Jan Nowak, badacz z …"): the words before the comma,
    when the next word is a determiner of the language or, in a language without articles
    (no determiners in its table), a lower-case word that is no function word or relative (a
    bare noun); not a relative clause, a prepositional phrase or brackets."""
    m = re.match(r"([^,(–—]*),\s*([^\W\d_]+)", said)
    if m is None or lang not in available_languages() or too_long(m.group(1)) or no_name(m.group(1), lang):
        return None
    word, table = m.group(2).casefold(), load_table(lang)
    noun = not table.determiners and m.group(2).islower() and word not in cues.stopwords(lang) \
        and word not in table.relatives | table.subject_relatives
    return m.group(1).rstrip() if word in table.determiners or noun else None


def leading_name(said: str) -> tuple[int, int] | None:
    """The name a too-long speaker span opens on, before the lower-case words of the clause
    it swallowed ("Regional Water Board of Tarn told the weekly paper on Friday that …") or
    the apposition or clause after it ("Valley Fund (VF), which owns …"): two capitalised words
    or more (lower-case joiners between them) after its determiners."""
    span = _name_after(said, 0, len(said))
    if span is None or len(said[span[0]:span[1]].split()) < 2 or QUOTED.match(said, max(0, span[0] - 1)):
        return None
    rest = said[span[1]:].split()
    return span if rest and (rest[0][:1].islower() or rest[0][:1] in ",(") else None


def apposed_name(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The span of a name in apposition right after ``pos`` (", Ana Lind," after "the port
    director"): two to four capitalised words between commas or before the clause's end."""
    after = re.match(r",\s*((?:[^\W\d_][\w'’-]*\s?){2,4})(?=[,.;)]|$)", text[pos:limit])
    if after is None or not all(w[:1].isupper() for w in after.group(1).split()):
        return None
    return pos + after.start(1), pos + after.start(1) + len(after.group(1).rstrip())


def full_name(text: str, name: str, start: int, lang: str | None) -> tuple[int, int] | None:
    """The span of the full form of a person the text names by surname alone, ``name`` written
    at ``start``, with at most titles or determiners before it ("Lind", "minister Linde",
    "Mr Lind"; not a piece of a longer name, "Ana Lind" or "Board Lind"): the text's first
    run of one to three capitalised words right before the surname in any ending of up to
    three letters ("Ana Lindy" for "Lindę"; a surname under four letters only as written),
    each of them capitalised inside a sentence somewhere in the text (not only as a
    sentence's first word, as "According Lind"), none a title or function word; None when
    there is none."""
    words = name.split()
    if not words or not text.startswith(name, start):
        return None
    *lead, last = words
    lowered = load_table(lang).titles | load_table(lang).determiners if lang in available_languages() else frozenset()
    skip = lowered | cues.stopwords(lang)
    before = re.search(r"([^\W\d_][\w'’.-]*)[ \u00a0]$", text[max(0, start - 40):start])
    if not last[:1].isupper() or last.isupper() or not last.isalpha() or any(w.casefold().rstrip(".") not in skip for w in lead) \
            or before is not None and before.group(1)[:1].isupper() and before.group(1).casefold().rstrip(".") not in skip:
        return None
    stem = last[:max(4, len(last) - 3)] if len(last) >= 4 else last
    ending = r"\w{0,3}" if len(last) >= 4 else ""
    for m in re.finditer(rf"(?<![\w'’.-])((?:[^\W\d_][\w'’.-]*[ \u00a0]){{1,3}}){re.escape(stem)}{ending}(?!\w)", text):
        run = list(re.finditer(r"\S+", m.group(1)))
        while run and not _given(run[0].group(), skip, text):
            run.pop(0)
        if run and all(_given(w.group(), skip, text) for w in run):
            return m.start(1) + run[0].start(), m.end()
    return None


def _given(word: str, skip: frozenset | set, text: str) -> bool:
    """Is ``word`` a capitalised part of a name (not a title or function word, and capitalised
    somewhere after another word of the text)?"""
    return word[:1].isupper() and word.casefold().rstrip(".") not in skip and capitalised_inside(word, text)


def covers(a: Attribution, start: int, end: int) -> bool:
    inter = min(a.content_end, end) - max(a.content_start, start)
    return inter * 2 >= (end - start)
