"""The main claim: the sentence of an article the sourcing chain follows (docs/sourcing.md)."""

from __future__ import annotations

import re

from ...checkworthy.features import source_only
from ...model import Document
from ...outlets import cues
from .names import headline_end, same_name

SOURCE_ONLY_WORDS = 30  # a longer sentence says more than where the story came from
SPEAKER_TAG = re.compile(r"(?P<name>[^\W\d_]+(?:[ .'’-]+[^\W\d_]+){0,4})\.?[ \t]*(?:\((?P<role>[^()\n]{1,40})\))?[ \t]*:")
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
        if s.start < headline or len(line.split()) < 10 or line[-1] not in _TERMINAL or " | " in line:
            continue
        if sentence.endswith("?") or len(sentence.split()) < 5:
            continue
        if not any(a <= s.start and s.end <= b for a, b in skip):
            out.append(i)
    return out


def main_claim(doc: Document) -> int | None:
    """The sentence carrying the central claim, as news style places it after the
    headline: the first check-worthy sentence of the body; the first body sentence when
    none is check-worthy; the headline when there is no body. A sentence that only says
    where the story came from (:func:`is_source_only`) is not the claim when a body
    sentence comes before it: the claim is the nearest such sentence that states more."""
    claims = {c.sentence for c in doc.claims if c.checkworthy}
    body = body_sentences(doc)
    if not body:
        return 0 if doc.sentences else None
    body = [i for i in body if not _presenter_framing(doc, i)] or body
    chosen = next((i for i in body if i in claims), body[0])
    earlier = [i for i in body if i < chosen and not is_source_only(doc, i)]
    return earlier[-1] if is_source_only(doc, chosen) and earlier else chosen


def speaker_tag(text: str, pos: int, lang: str | None) -> tuple[re.Match, bool] | None:
    """The speaker tag opening the line of ``pos`` in a transcript ("NAME (role): …",
    written in capitals), and whether it is the programme's own presenter (``host_nouns``,
    or a tag repeating a presenter's name)."""
    m = SPEAKER_TAG.match(text, text.rfind("\n", 0, pos) + 1)
    if m is None or m.group("name") != m.group("name").upper():
        return None
    host = bool(cues.find("host_nouns", m.group(), lang)) or any(
        cues.find("host_nouns", t.group(), lang) and same_name(m.group("name"), t.group("name"))
        for t in SPEAKER_TAG.finditer(text) if t.start() == 0 or text[t.start() - 1] == "\n")
    return m, host


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
    reported by ...", "Об этом сообщает ..."): a ``source_only`` construction of its
    language's cue table, in a sentence of at most ``SOURCE_ONLY_WORDS`` words."""
    s = doc.sentences[index]
    text = doc.text[s.start:s.end]
    return len(text.split()) <= SOURCE_ONLY_WORDS and source_only(text, s.lang or doc.language)
