"""Sourcing flags with their reasons, and the triage summary derived from them (docs/sourcing.md)."""

from __future__ import annotations

import re

from ..model import Document, Flag, Hop, SourceChain
from . import cues, speakers
from .chain import Node, Path, Sources

_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
ORDER = ("known_disinformation", "self_interested_source", "state_media_origin", "circular_sourcing",
         "single_source", "anonymous_source", "no_primary_source", "untranslated_fragment",
         "machine_translation_artifact")


def flags(doc: Document, src: Sources, path: Path) -> tuple[Flag, ...]:
    """Every flag that applies to ``doc``'s main chain, in :data:`ORDER`."""
    found: list[Flag] = []
    origin = path.origin
    if path.independent == 1:
        what = origin.name if origin else (path.outlets[-1].name if path.outlets else "one source")
        found.append(_flag("single_source", f"one independent source behind the claim: {what}", origin))
    anonymous = [n for group in src.speakers.values() for n in group if n.anonymous]
    if anonymous:
        found.append(_flag("anonymous_source", f"anonymous source: “{doc.text[anonymous[0].start:anonymous[0].end]}”",
                           anonymous[0]))
    if path.circular:
        loop = path.circular[0]
        found.append(_flag("circular_sourcing", f"{loop.name} is cited, through others, as a source of itself", loop))
    state = [n for n in path.outlets + path.leaves if n.outlet is not None and n.outlet.state_media]
    if state:
        n = state[0]
        found.append(_flag("state_media_origin", f"{n.name} is state-controlled media ({n.outlet.country})", n))
    found += _speaker_flags(doc, src, path)
    found += _translation_flags(doc)
    return tuple(sorted(found, key=lambda f: ORDER.index(f.kind)))


def _flag(kind: str, reason: str, node: Node | None = None, span=None) -> Flag:
    start, end = span if span else ((node.start, node.end) if node else (None, None))
    return Flag(kind, reason, start, end)


def _speaker_sentences(doc: Document, group: list[Node]) -> list[tuple[int, int]]:
    """The contents the speaker is credited with, and sentences that name the speaker
    (by one of its quoted names or by its abbreviation: "FSB")."""
    text = doc.text
    names = {text[n.start:n.end].casefold() for n in group}
    short = speakers.acronyms(group[0].name)
    spans = [n.content for n in group if n.content]
    for s in doc.sentences:
        sentence = text[s.start:s.end]
        if any(x in sentence.casefold() for x in names) or short & set(re.findall(r"\w+", sentence)):
            spans.append((s.start, s.end))
    return sorted(set(spans))


def _speaker_flags(doc: Document, src: Sources, path: Path) -> list[Flag]:
    origin = path.origin
    if origin is None:
        return []
    spans = _speaker_sentences(doc, src.speakers[origin.key])
    found = []
    if path.independent == 1 and not origin.anonymous:
        hit = _first(doc, "accusation", spans)
        if hit:
            found.append(_flag("self_interested_source",
                               f"the accuser, {origin.name}, is the only source for the accusation", span=hit))
    if not origin.anonymous and not _URL.search(doc.text):
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
    lines = [f"Check first: “{claim}” — this article ← {route} "
             f"({n} independent source{'s' if n != 1 else ''} in the whole article)."]
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
