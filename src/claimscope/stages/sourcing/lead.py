"""The main claim: the sentence of an article the sourcing chain follows (docs/sourcing.md)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from ...checkworthy.features import opinion_label, source_only
from ...model import Document
from ...outlets import cues
from ..attribution.lemmas import lemma, supported
from ..wordfreqs import frequencies
from .names import headline_end, same_name

OPENING_WORDS = 5  # a source-only construction (at most four words) opens the sentence within this many
OPENING_MARGIN = 0.1  # how much higher the next sentence scores when an opening gives way to it
FUNCTION_WORD = 1e-3  # a word this frequent in its language (wordfreq) is no content word
ITEM_HEADINGS = 2  # a first paragraph followed by this many item headings introduces a list of items
ADDRESS_WORDS = 3  # a presenter turns to a guest by name in at most this many words before a comma
OPINION_CANDIDATES = 4  # an opinion piece's claim is the strongest of its first this many check-worthy sentences
LABEL = re.compile(r"[ \t]*([^\W\d_][^:|.·—–\n]{0,40}?)[ \t]*[:|.·—–]")  # "Opinion:", "Tribuna |", "COMMENTO ·"
SPEAKER_TAG = re.compile(r"(?P<name>[^\W\d_]+(?:[ .'’-]+[^\W\d_]+){0,4})\.?[ \t]*(?:\((?P<role>[^()\n]{1,40})\))?[ \t]*:")
_LINE = re.compile(r"[^\n]+")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = ".!?…»\"”“'’)"


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:len(text) if end < 0 else end].strip()


def body_sentences(doc: Document) -> list[int]:
    """Sentences of the running text: not the headline line, not a short or unpunctuated
    line (byline, dateline, subheading), not boilerplate or a credit line, not a question."""
    text = doc.text
    skip = [(f.start, f.end) for f in doc.findings if f.kind in ("boilerplate", "credit_line")]
    headline = headline_end(text)
    out = []
    for i, s in enumerate(doc.sentences):
        line = _line(text, s.start)
        sentence = text[s.start:s.end].strip()
        if s.start < headline or len(line.split()) < 10 or not _ends_as_text(line) or " | " in line:
            continue
        if sentence.endswith("?") or len(sentence.split()) < 5:
            continue
        if not any(a <= s.start and s.end <= b for a, b in skip):
            out.append(i)
    return out


def _ends_as_text(line: str) -> bool:
    """A line ends as running text does: on closing punctuation, or on an emoji (a post's
    paragraph often closes on one instead of a full stop)."""
    last = line.rstrip("\ufe0f\u200d")[-1:]
    return bool(last) and (last in _TERMINAL or unicodedata.category(last) == "So")


def main_claim(doc: Document) -> int | None:
    """The sentence carrying the central claim, as news style places it after the
    headline: the first check-worthy sentence of the body; the first body sentence when
    none is check-worthy; the headline when there is no body. A sentence that only says
    where the story came from (:func:`is_source_only`) is not the claim when a body
    sentence comes before it: the claim is the nearest such sentence that states more.
    A first sentence that only opens the story gives way to the next one of its paragraph
    (:func:`_past_opening`). In a transcript where the presenter puts a question to a
    guest before that sentence (an interview, a debate), the presenter's own sentences set
    the scene (:func:`_presenter_framing`); in a bulletin (no such question) the presenter
    reads the news, and their first check-worthy sentence is the lead like any other,
    unless the claim is what a presenter reports someone saying. An opinion
    piece (:func:`opinion_piece`) opens on the writer's scene or stance and argues from a
    fact: its claim is the highest-scoring of its first ``OPINION_CANDIDATES`` check-worthy
    sentences."""
    worthy = {c.sentence: c.score for c in doc.claims if c.checkworthy}  # sentence -> score
    body = body_sentences(doc)
    if not body:
        return 0 if doc.sentences else None
    if opinion_piece(doc, body):
        candidates = [i for i in body if i in worthy][:OPINION_CANDIDATES]
        return max(candidates, key=lambda i: (worthy[i], -i)) if candidates else body[0]
    if introduces_items(doc, body):
        body = [i for i in body if doc.sentences[i].paragraph != doc.sentences[body[0]].paragraph]
    read = [i for i in body if not _presenter_framing(doc, i)] or body
    chosen = _first_claim(doc, read, worthy)
    if (next((i for i in body if i in worthy), chosen) < chosen and not _presenter_asks(doc, chosen)
            and not _presenters(doc, chosen)):
        read = body  # a presenter's check-worthy sentence comes first, and no one was asked
        chosen = _first_claim(doc, read, worthy)
    return _announcing(doc, body, chosen) or _past_opening(doc, read, chosen, worthy)


def _announcing(doc: Document, body: list[int], chosen: int) -> int | None:
    """A press release's announcement before ``chosen``: when a line of the header (the lines
    before the ``body``) carries the language's ``press_release`` label ("Press release |
    …", "Пресс-релиз"), the first body sentence that opens on the speaker of its own
    attribution ("The Water Board announces that …", "МУП … сообщает о …") states the
    release's news, whatever the check-worthiness head makes of it. None when there is none."""
    header = doc.text[:doc.sentences[body[0]].start]
    if not cues.find("press_release", header, doc.language):
        return None
    for i in body:
        if i >= chosen:
            return None
        s = doc.sentences[i]
        start = s.start + len(doc.text[s.start:s.end]) - len(doc.text[s.start:s.end].lstrip())
        if any(a.speaker_start == start and s.start <= a.cue_start < s.end for a in doc.attributions):
            return i
    return None


def introduces_items(doc: Document, body: list[int]) -> bool:
    """Whether the first paragraph of ``body`` only introduces a list of
    items (a weekly round-up: "Each Monday we sort the posts you sent us …", then "1. …",
    "🧅 …"): ``ITEM_HEADINGS`` item headings or more (:func:`_headings`) follow it, the first
    right after it, the first ``ITEM_HEADINGS`` of one kind (:func:`_shape`), and the line
    before it is no heading of that kind (it would be the first item's: "1. …" before "2. …")."""
    first = doc.sentences[body[0]].paragraph
    rest = [i for i in body if doc.sentences[i].paragraph != first]
    if not rest:
        return False
    lines, headings, opening = _headings(doc, body)
    after = [k for k in headings if k > opening]
    shape = _shape(lines[after[0]]) if after else None
    return len(after) >= ITEM_HEADINGS and lines[after[0]][0] < doc.sentences[rest[0]].start \
        and all(_shape(lines[k]) == shape for k in after[:ITEM_HEADINGS]) \
        and not (opening - 1 in headings and _shape(lines[opening - 1]) == shape)


def lists_items(doc: Document, body: list[int]) -> bool:
    """Whether the body is a list of items, each its own story (a round-up): it opens, or its
    first paragraph introduces it (:func:`introduces_items`), or ``ITEM_HEADINGS`` headings
    or more of one kind that open on a figure or a symbol ("1️⃣ …", "🦔 …") run through it;
    headings that open on a letter are as often a byline or a presenter's tag."""
    if not body:
        return False
    if introduces_items(doc, body):
        return True
    lines, headings, opening = _headings(doc, body)
    kinds = [_shape(lines[k]) for k in headings if k >= opening - 1]
    return any(kinds.count(kind) >= ITEM_HEADINGS for kind in ("N", "S"))


def item_end(doc: Document, body: list[int], index: int) -> int:
    """Where the item of sentence ``index`` ends in a round-up (:func:`lists_items`): at the
    next item heading after it; the end of the text when there is none."""
    lines, headings, _ = _headings(doc, body)
    start = doc.sentences[index].start
    return next((lines[k][0] for k in headings if lines[k][0] > start), len(doc.text))


def _headings(doc: Document, body: list[int]) -> tuple[list[tuple[int, int, str]], list[int], int]:
    """The non-empty lines past the headline as (start, end, text), the indices of the
    headings among them (a line of no body sentence, short or ending on no punctuation, before
    a line of body text), and the index of the line of the first body sentence."""
    text = doc.text
    starts = [doc.sentences[i].start for i in body]
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text, headline_end(text))
             if m.group().strip()]
    runs = [any(a <= b < z for b in starts) for a, z, _ in lines]
    headings = [k for k, (_, _, line) in enumerate(lines[:-1])
                if not runs[k] and runs[k + 1] and (len(line.split()) < 10 or not _ends_as_text(line))]
    opening = next((k for k, (a, z, _) in enumerate(lines) if a <= starts[0] < z), len(lines))
    return lines, headings, opening


def _shape(line: tuple[int, int, str]) -> str:
    """The kind of a heading's first character: a figure ("1."), a symbol ("🧅"), a letter."""
    return unicodedata.category(line[2][:1])[:1]


def _first_claim(doc: Document, body: list[int], worthy: dict[int, float]) -> int:
    """The first check-worthy sentence of ``body`` (its first sentence when none is), or
    the nearest earlier one when it only names a source (:func:`is_source_only`)."""
    chosen = next((i for i in body if i in worthy), body[0])
    earlier = [i for i in body if i < chosen and not is_source_only(doc, i)]
    return earlier[-1] if is_source_only(doc, chosen) and earlier else chosen


def opinion_piece(doc: Document, body: list[int]) -> bool:
    """Whether a line of the header (the headline and the lines before the ``body``)
    opens on an opinion genre's label ("Opinion: …", "Tribuna | …", "Felieton. …",
    "Point de vue | Par …"): the table's ``opinion_labels`` (:func:`opinion_label`)."""
    header = doc.text[:doc.sentences[body[0]].start] if body else doc.text
    starts = [0, *(m.end() for m in re.finditer("\n", header))]
    labels = (LABEL.match(header, i) for i in starts)
    return any(label and opinion_label(label.group(1), doc.language) for label in labels)


def _past_opening(doc: Document, body: list[int], chosen: int, worthy: dict[int, float]) -> int:
    """The next body sentence of its paragraph when ``chosen`` only opens the story (a
    scene, a consequence, a rhetorical line, a column's anecdote) and that one states it:
    it is check-worthy, scores at least ``OPENING_MARGIN`` higher, and as large a share of
    its content words is in the headline (:func:`_headline_share`). ``worthy``: the
    check-worthy sentences and their scores."""
    at = body.index(chosen) if chosen in body and chosen in worthy else len(body)
    following = body[at + 1] if at + 1 < len(body) else None
    if (following is None or doc.sentences[following].paragraph != doc.sentences[chosen].paragraph
            or worthy.get(following, 0.0) < worthy[chosen] + OPENING_MARGIN):
        return chosen
    headline = _content_words(doc.text[:headline_end(doc.text)], doc.language)
    return following if _headline_share(doc, following, headline) >= _headline_share(doc, chosen, headline) else chosen


def _headline_share(doc: Document, index: int, headline: set[str]) -> float:
    """The share of the content words of sentence ``index`` that the headline has too."""
    s = doc.sentences[index]
    words = _content_words(doc.text[s.start:s.end], doc.language)
    return len(words & headline) / len(words) if words else 0.0


def _content_words(text: str, lang: str | None) -> set[str]:
    """The lemmas of the words of ``text`` of three letters or more that are not function
    words (the word or its lemma more frequent than ``FUNCTION_WORD`` in the language's
    wordfreq list: "чём" is a form of "что")."""
    freq = frequencies(lang) if lang else None
    words = {w: lemma(lang, w) if supported(lang) else w for w in (m.casefold() for m in re.findall(r"[^\W\d_]{3,}", text))}
    return {base for w, base in words.items()
            if freq is None or max(freq.get(w, 0.0) or 0.0, freq.get(base, 0.0) or 0.0) <= FUNCTION_WORD}


def _presenters(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` is in a presenter's line of a transcript."""
    s = doc.sentences[index]
    tag = speaker_tag(doc.text, s.start, s.lang or doc.language)
    return tag is not None and tag[1]


def _presenter_asks(doc: Document, before: int) -> bool:
    """Whether a presenter's line of a transcript asks a question before sentence ``before``,
    or turns to a guest by name (:func:`_addresses_guest`)."""
    guests = {w.casefold() for m, host in transcript_tags(doc.text, doc.language).values() if not host
              for w in _NAME_WORD.findall(m.group("name")) if len(w) >= 3}
    return any(_presenters(doc, i) and (doc.text[s.start:s.end].rstrip().endswith("?")
                                        or _addresses_guest(doc.text[s.start:s.end], guests))
               for i, s in enumerate(doc.sentences[:before]))


def _addresses_guest(sentence: str, guests: set[str]) -> bool:
    """Does a presenter's sentence open by turning to a guest ("Marisa, you recommend it.",
    "Dr Lind, is that so"): past the line's speaker tag, at most ``ADDRESS_WORDS`` words before
    its first comma, one of them a word of a guest's speaker tag?"""
    sentence = sentence.strip()
    tag = SPEAKER_TAG.match(sentence)
    head = sentence[tag.end() if tag else 0:].split(",", 1)
    words = _NAME_WORD.findall(head[0])
    return len(head) == 2 and 0 < len(words) <= ADDRESS_WORDS and any(w.casefold() in guests for w in words)


def speaker_tag(text: str, pos: int, lang: str | None) -> tuple[re.Match, bool] | None:
    """The speaker tag opening the line of ``pos`` in a transcript, and whether it is the
    programme's own presenter (:func:`transcript_tags`)."""
    return transcript_tags(text, lang).get(text.rfind("\n", 0, pos) + 1)


@functools.lru_cache(maxsize=16)
def transcript_tags(text: str, lang: str | None) -> dict[int, tuple[re.Match, bool]]:
    """Speaker tags opening lines of a transcript ("NAME (role): …"), by line start, each
    with whether it is a presenter's (``host_nouns`` in the tag, or a tag repeating a
    presenter's name). A tag is written in capitals, or is a name of two capitalised words
    or more (or a presenter noun) that opens two lines or more: a dialogue, not a label
    ("Photo: …")."""
    found = [m for m in (SPEAKER_TAG.match(text, i) for i in (0, *(n.end() for n in re.finditer("\n", text))))
             if m is not None]
    opened = Counter(m.group("name").casefold() for m in found)
    hosts = {m.start() for m in found if cues.find("host_nouns", m.group(), lang)}
    tags = [m for m in found if m.group("name") == m.group("name").upper() or opened[m.group("name").casefold()] >= 2
            and all(w[:1].isupper() for w in m.group("name").split())
            and (len(m.group("name").split()) >= 2 or m.start() in hosts)]
    named = [m.group("name") for m in tags if m.start() in hosts]
    return {m.start(): (m, m.start() in hosts or any(same_name(m.group("name"), h) for h in named)) for m in tags}


def _presenter_framing(doc: Document, index: int) -> bool:
    """A sentence of a presenter's line in a transcript that reports nobody's words: the
    programme setting the scene ("The law was passed on Friday."), not the claim under
    discussion, which a guest states or the presenter attributes to someone."""
    s = doc.sentences[index]
    tag = speaker_tag(doc.text, s.start, s.lang or doc.language)
    if tag is None or not tag[1]:
        return False
    return not any(s.start <= a.cue_start < s.end and a.cue_start >= tag[0].end() for a in doc.attributions)


def is_source_only(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` only names a source of what came before ("This was
    reported by ...", "Об этом сообщает ..."): it opens on a ``source_only`` construction
    of its language's cue table, whose pronoun points back at the claim (within its first
    ``OPENING_WORDS`` words). The same words after a claim in its own sentence ("…, según
    informó X") credit that claim: the sentence says more than where it came from."""
    s = doc.sentences[index]
    opening = " ".join(doc.text[s.start:s.end].split()[:OPENING_WORDS])
    return source_only(opening, s.lang or doc.language)
