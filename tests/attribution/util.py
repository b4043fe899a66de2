"""Builds documents by hand (one Sentence per given sentence) and reads attributions back."""

from __future__ import annotations

from claimscope.model import Article, Document, Sentence
from claimscope.stages.attribution import AttributionStage


def run(sentences: list[str], lang: str) -> tuple[str, list[dict]]:
    """Join ``sentences`` with spaces, run the stage, return the text and readable spans."""
    text, spans = "", []
    for sent in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sent}" if text else sent
        spans.append(Sentence(start, len(text), 0, lang))
    doc = AttributionStage()(
        Document(Article(text), language=lang, sentences=tuple(spans))
    )
    span = lambda a, b: text[a:b] if a is not None else None
    return text, [
        {
            "speaker": span(a.speaker_start, a.speaker_end),
            "cue": span(a.cue_start, a.cue_end),
            "content": span(a.content_start, a.content_end),
            "direct": a.direct,
            "anonymous": a.anonymous,
            "entity": a.speaker_entity,
            "nested_in": a.nested_in,
        }
        for a in doc.attributions
    ]


def by_cue(found: list[dict], cue: str) -> dict:
    return next(a for a in found if a["cue"] == cue)


def assert_speakers(cases: list[tuple[str, ...]]) -> None:
    """Each (language, sentence, cue, speaker[, content]): the sentence alone gives that cue
    that speaker (and that content, when the case names one)."""
    for lang, sentence, cue, speaker, *content in cases:
        _, found = run([sentence], lang)
        a = by_cue(found, cue)
        assert [a["speaker"], *(a["content"] for _ in content)] == [speaker, *content], (lang, found)


def speakers_of(sentences: list[str], lang: str, cue: str) -> list[str]:
    """The speakers of every attribution with this cue, in order."""
    _, found = run(sentences, lang)
    return [a["speaker"] for a in found if a["cue"] == cue]
