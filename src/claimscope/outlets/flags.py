"""Sourcing flags with their reasons, and the triage summary derived from them (docs/sourcing.md)."""

from __future__ import annotations

import re

from ..model import Document, Flag, Hop, SourceChain
from . import cues, speakers

_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
ORDER = ("known_disinformation", "self_interested_source", "state_media_origin", "circular_sourcing",
         "single_source", "anonymous_source", "no_primary_source", "untranslated_fragment",
         "machine_translation_artifact")


def flags(doc: Document, hops: tuple[Hop, ...], independent: int, circular: str | None, anonymous: bool,
          claim: tuple[int, int]) -> tuple[Flag, ...]:
    """Every flag that applies to the main claim's chain ``hops``, in :data:`ORDER`.
    ``circular`` names the outlet cited, through others, as a source of itself;
    ``anonymous`` says the claim rests on an anonymous source."""
    found: list[Flag] = []
    origin = hops[-1] if len(hops) > 1 else None
    if independent == 1:
        behind = origin.name if origin is not None else "the article itself"  # no one else is credited
        found.append(_flag("single_source", f"one independent source behind the claim: {behind}", origin))
    if anonymous:
        anon = next((h for h in hops if h.anonymous), None)
        found.append(_flag("anonymous_source", f"the claim rests on an anonymous source{_named(anon)}", anon))
    if circular:
        loop = next(h for h in reversed(hops) if h.name == circular)
        found.append(_flag("circular_sourcing", f"{circular} is cited, through others, as a source of itself", loop))
    state = next((h for h in hops[1:] if h.ownership == "state_controlled"), None)
    if state:
        found.append(_flag("state_media_origin", f"{state.name} is state-controlled media ({state.country})", state))
    if origin is not None and origin.kind == "speaker" and not origin.anonymous:
        found += _speaker_flags(doc, origin, independent, claim)
    found += _translation_flags(doc)
    return tuple(sorted(found, key=lambda f: ORDER.index(f.kind)))


def _named(hop: Hop | None) -> str:
    return f": “{hop.name}”" if hop else ""


def _flag(kind: str, reason: str, hop: Hop | None = None, span=None) -> Flag:
    start, end = span if span else ((hop.start, hop.end) if hop else (None, None))
    return Flag(kind, reason, start, end)


def _origin_spans(doc: Document, origin: Hop, claim: tuple[int, int]) -> list[tuple[int, int]]:
    """The claim, the words credited to the origin, and sentences naming it (by its name
    or its abbreviation: "FSB")."""
    text = doc.text
    spans = [claim]
    if origin.attribution is not None:
        a = doc.attributions[origin.attribution]
        spans.append((a.content_start, a.content_end))
    short = speakers.acronyms(origin.name)
    for s in doc.sentences:
        sentence = text[s.start:s.end]
        if origin.name.casefold() in sentence.casefold() or short & set(re.findall(r"\w+", sentence)):
            spans.append((s.start, s.end))
    return sorted(set(spans))


def _speaker_flags(doc: Document, origin: Hop, independent: int, claim: tuple[int, int]) -> list[Flag]:
    spans = _origin_spans(doc, origin, claim)
    found = []
    if independent == 1:
        hit = _first(doc, "accusation", spans)
        if hit:
            found.append(_flag("self_interested_source",
                               f"the accuser, {origin.name}, is the only source for the accusation", span=hit))
    if not _URL.search(doc.text):
        hit = _first(doc, "primary_material", spans)
        if hit:
            word = doc.text[hit[0]:hit[1]]
            found.append(_flag("no_primary_source", f"“{word}” is referred to but not linked", span=hit))
    return found


def _first(doc: Document, kind: str, spans) -> tuple[int, int] | None:
    skip = [(f.start, f.end) for f in doc.findings if f.kind in ("untranslated_fragment", "boilerplate")]
    for start, end in spans:
        for m in cues.find(kind, doc.text, _lang(doc, start), start, end):
            if not any(s <= m.start() < e for s, e in skip):
                return m.start(), m.end()
    return None


def _lang(doc: Document, pos: int) -> str | None:
    return next((s.lang for s in doc.sentences if s.start <= pos < s.end and s.lang), doc.language)


def _translation_flags(doc: Document) -> list[Flag]:
    fragments = [f for f in doc.findings if f.kind == "untranslated_fragment"]
    artifacts = [f for f in doc.findings if f.kind == "garbled_sentence"]
    artifacts += [f for f in fragments if f.label == "beside_translation"]
    found = []
    if fragments:
        f = fragments[0]
        found.append(_flag("untranslated_fragment",
                           f"{len(fragments)} passage(s) left untranslated ({f.lang or 'another language'})",
                           span=(f.start, f.end)))
    if artifacts:
        f = min(artifacts, key=lambda x: x.start)
        kinds = sorted({"garbled sentence" if a.kind == "garbled_sentence" else "original left beside its translation"
                        for a in artifacts})
        found.append(_flag("machine_translation_artifact", f"machine-translation traces: {', '.join(kinds)}",
                           span=(f.start, f.end)))
    return found


def triage(doc: Document, chain: SourceChain) -> tuple[str, ...]:
    """Two or three lines: what to check first and why, from the chain and its flags only."""
    claim = doc.text[chain.claim_start:chain.claim_end].strip()
    claim = claim if len(claim) <= 90 else claim[:87].rstrip() + "…"
    route = " ← ".join(h.name for h in chain.hops[1:]) or "no source named"
    n = chain.independent_sources
    lines = [f"Check first: “{claim}” — this article ← {route} ({n} independent source{'s' if n != 1 else ''} "
             f"behind it, {chain.article_sources} in the whole article)."]
    warnings = [f.reason for f in chain.flags if f.kind not in ("single_source", "untranslated_fragment", "machine_translation_artifact")]
    if warnings:
        lines.append("Why: " + "; ".join(warnings[:3]) + ".")
    damage = [f.reason for f in chain.flags if f.kind in ("untranslated_fragment", "machine_translation_artifact")]
    rated = _rated(chain.hops)
    tail = ([("Translated copy: " + "; ".join(damage))] if damage else []) + ([rated] if rated else [])
    if tail:
        lines.append(". ".join(tail) + ".")
    return tuple(lines)


def _rated(hops: tuple[Hop, ...]) -> str | None:
    scored = [(r.score, h, r) for h in hops for r in h.ratings if r.score is not None]
    if not scored:
        return None
    score, hop, rating = min(scored, key=lambda s: s[0])
    return f"Lowest-rated outlet: {hop.name} ({rating.domain}) {score:.2f} per {rating.source}"
