"""Build the sourcing chain of a document from its attributions, credit lines and outlet mentions.

The chain runs from this article back to the original speaker (docs/sourcing.md):

1. **Credits** — outlets the whole article is taken from: ``credit_line`` findings
   ("Selon Kienthuc.net.vn", "(AFP)", "PARIS (Reuters) —") and outlet attributions whose
   content spans most of the article. Source lines come before agency tags and datelines.
2. **Relays** — outlets cited in the body: outlet speakers of attributions ("selon
   l'agence de presse Sputnik") and outlets linked by a relay cue ("RT, citing Al-Masdar",
   "via RT"), followed from the one that leads to the main speaker.
3. **Origin** — the main speaker: the non-outlet speaker with the most attributions.

Independent sources are the distinct non-outlet speakers plus the outlets that relay
nothing and no speaker (two outlets relaying one agency count once).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Attribution, Document, Finding, Hop, Rating
from . import cues
from . import speakers as speakers_mod
from .mentions import Mention, MentionFinder
from .registry import Outlet

CREDIT_EVIDENCE = {"source_line": "credit_line", "agency_tag": "byline", "dateline": "dateline"}
WIDE_CREDIT = 0.5  # an outlet attribution whose content covers this share of the text credits it all
RELAY_REACH = 40  # characters between a relay cue and the outlet it names


@dataclass
class Node:
    """An outlet or a speaker seen in the text (the mutable working form of a Hop)."""

    key: str
    name: str
    start: int
    end: int
    evidence: str
    outlet: Outlet | None = None
    domain: str | None = None
    anonymous: bool = False
    content: tuple[int, int] | None = None  # the attribution content this node speaks

    def hop(self, kind: str, ratings: tuple[Rating, ...] = ()) -> Hop:
        o = self.outlet
        return Hop(kind=kind, name=self.name, start=self.start, end=self.end, evidence=self.evidence,
                   outlet_id=o.id if o else None, domain=self.domain or (o.domains[0] if o and o.domains else None),
                   ownership=o.ownership if o else None, country=o.country if o else None,
                   anonymous=self.anonymous, ratings=ratings)


@dataclass
class Sources:
    """Everything the chain is built from, gathered once per document."""

    credits: list[Node]
    relays: list[Node]
    speakers: dict[str, list[Node]]  # speaker key -> one node per attribution
    edges: list[tuple[str, str, int, int]]  # (from key or "article", to key, cue start, cue end)

    def main_speaker(self, doc: Document) -> list[Node] | None:
        """The most quoted speaker; on a tie, one a cited outlet carries, then a named one,
        then the first quoted."""
        if not self.speakers:
            return None

        def rank(nodes: list[Node]):
            carried = any(_linked(relay, nodes, doc) for relay in self.relays)
            return (-len(nodes), not carried, nodes[0].anonymous, nodes[0].start)

        return min(self.speakers.values(), key=rank)


def _lang_at(doc: Document, pos: int) -> str | None:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.lang or doc.language
    return doc.language


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _photo_credit(doc: Document, m: Mention) -> bool:
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    before = doc.text[max(line_start, m.start - 25):m.start]
    return any(before[hit.end():].strip(" :：-–—\u00a0") == "" for hit in cues.find("photo_credit", before))


def _outlet_node(m: Mention, text: str, evidence: str) -> Node:
    key = m.outlet.id if m.outlet else f"domain:{m.domain}"
    return Node(key, m.outlet.name if m.outlet else text[m.start:m.end], m.start, m.end, evidence,
                m.outlet, m.domain)


def gather(doc: Document, finder: MentionFinder) -> Sources:
    """Credits, relays, speakers and relay edges of ``doc``."""
    text = doc.text
    skip = [(f.start, f.end) for f in doc.findings if f.kind == "boilerplate"]
    credit_findings = [f for f in doc.findings if f.kind == "credit_line"]
    context = [(a.speaker_start, a.speaker_end) for a in doc.attributions if a.speaker_start is not None]
    context += [(f.start, f.end) for f in credit_findings] + _relay_windows(doc)
    mentions = [m for m in finder.find(text, context)
                if not _inside(m.start, m.end, skip) and not _photo_credit(doc, m)]
    credits = _credits(doc, credit_findings, mentions)
    credit_keys = {n.key for n in credits}
    relays, speakers = _attributed(doc, mentions, credit_keys)
    edges = _relay_edges(doc, mentions, relays, credit_keys)
    return Sources(credits, relays, speakers, edges)


def _relay_windows(doc: Document) -> list[tuple[int, int]]:
    """Text around relay cues, where an ambiguous alias ("cited RT") names an outlet."""
    windows = []
    for sent in doc.sentences or ():
        for cue in cues.find("relay_cues", doc.text, sent.lang or doc.language, sent.start, sent.end):
            windows.append((max(sent.start, cue.start() - RELAY_REACH), min(sent.end, cue.end() + RELAY_REACH)))
    return windows


def _first_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    return next((m for m in mentions if start <= m.start and m.end <= end), None)


def _credits(doc: Document, findings: list[Finding], mentions: list[Mention]) -> list[Node]:
    ranked: list[tuple[int, int, Node]] = []
    for f in findings:
        evidence = CREDIT_EVIDENCE.get(f.label or "", "credit_line")
        m = _first_mention(mentions, f.start, f.end)
        if m is not None:
            node = _outlet_node(m, doc.text, evidence)
        elif f.value:
            node = Node(f"name:{f.value.casefold()}", f.value, f.start, f.end, evidence)
        else:
            continue
        ranked.append((0 if evidence == "credit_line" else 1, f.start, node))
    for i, a in enumerate(doc.attributions):
        if a.speaker_start is None or not _wide(doc, i, a):
            continue
        m = _first_mention(mentions, a.speaker_start, a.speaker_end)
        if m is not None:
            ranked.append((0, a.speaker_start, _outlet_node(m, doc.text, "credit_line")))
    seen: dict[str, Node] = {}
    for _, _, node in sorted(ranked, key=lambda r: (r[0], r[1])):
        seen.setdefault(node.key, node)
    return list(seen.values())


def _wide(doc: Document, i: int, a: Attribution) -> bool:
    nested = sum(1 for b in doc.attributions if b.nested_in == i)
    covered = (a.content_end - a.content_start) / max(1, len(doc.text))
    return covered >= WIDE_CREDIT or (nested >= 2 and nested * 2 >= len(doc.attributions) - 1)


def _headline(doc: Document) -> tuple[int, int] | None:
    """The first paragraph when it is a headline: one line, no closing punctuation, more to follow."""
    if len(doc.paragraphs) < 2:
        return None
    first = doc.paragraphs[0]
    line = doc.text[first.start:first.end].strip()
    return (first.start, first.end) if line and "\n" not in line and line[-1] not in ".!?…»\"”" else None


def _attributed(doc: Document, mentions: list[Mention], credit_keys: set[str]):
    """Outlet speakers (relays) and grouped non-outlet speakers; a headline's speakers
    repeat the body's and are left out."""
    text = doc.text
    relays: dict[str, Node] = {}
    quoted = []
    headline = _headline(doc)
    for a in doc.attributions:
        if a.speaker_start is None:
            continue
        span = (a.speaker_start, a.speaker_end)
        m = _first_mention(mentions, *span)
        said = text[span[0]:span[1]]
        if headline and _inside(a.cue_start, a.cue_end, [headline]):
            continue
        if m is not None or cues.find("outlet_nouns", said, _lang_at(doc, span[0])):
            node = _outlet_node(m, text, "attribution") if m else Node(
                f"name:{said.casefold()}", said, *span, "attribution")
            if node.key not in credit_keys:
                node.content = (a.content_start, a.content_end)
                relays.setdefault(node.key, node)
        else:
            node = Node("", said, *span, "attribution", anonymous=a.anonymous,
                        content=(a.content_start, a.content_end))
            quoted.append(((a.speaker_entity or said).casefold(), said, a.anonymous, node))
    speakers = speakers_mod.group(quoted, doc.language)
    for key, nodes in speakers.items():
        nodes.sort(key=lambda n: n.start)
        name = speakers_mod.display_name([n.name for n in nodes])
        for n in nodes:
            n.key, n.name = key, name
    return list(relays.values()), speakers


def _relay_edges(doc: Document, mentions: list[Mention], relays: list[Node], credit_keys: set[str]):
    """(relayer key or "article", relayed key) for every relay cue followed by an outlet."""
    edges = []
    known = {n.key: n for n in relays}
    headline = _headline(doc)
    for sent in doc.sentences or ():
        if headline and _inside(sent.start, sent.end, [headline]):
            continue  # a headline repeats the body
        lang = sent.lang or doc.language
        in_sentence = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        previous_end, previous = sent.start, None
        for cue in cues.find("relay_cues", doc.text, lang, sent.start, sent.end):
            target = next((m for m in in_sentence if cue.end() <= m.start <= cue.end() + RELAY_REACH), None)
            if target is None:  # "Kommersant, citing sources, ...": the outlet relays a speaker
                for m in in_sentence:
                    if previous_end <= m.start and m.end <= cue.start():
                        known.setdefault(_outlet_node(m, doc.text, "relay").key, _outlet_node(m, doc.text, "relay"))
                continue
            node = _outlet_node(target, doc.text, "relay")
            if node.key in credit_keys:
                continue
            known.setdefault(node.key, node)
            sources = [m for m in in_sentence if previous_end <= m.start and m.end <= cue.start()]
            for m in sources or [previous]:  # "A, citing B, which cited C": B relays C
                src = "article"
                if m is not None:
                    src_node = _outlet_node(m, doc.text, "relay")
                    known.setdefault(src_node.key, src_node)
                    src = src_node.key
                if src != node.key:
                    edges.append((src, node.key, cue.start(), cue.end()))
            previous_end, previous = target.end, target
    relays[:] = sorted(known.values(), key=lambda n: n.start)
    return edges


def _linked(node: Node, speaker: list[Node], doc: Document) -> bool:
    """Does ``node`` (an outlet) carry ``speaker``'s words: the speaker is named inside the
    outlet's attributed content, or in the sentence that names the outlet?"""
    text = doc.text
    spans = [node.content] if node.content else []
    spans += [(s.start, s.end) for s in doc.sentences if s.start <= node.start < s.end]
    names = {text[n.start:n.end].casefold() for n in speaker} | {speaker[0].name.casefold()}
    for start, end in spans:
        inside = text[start:end].casefold()
        if any(n.start >= start and n.end <= end for n in speaker) or any(name in inside for name in names):
            return True
    return False


@dataclass(frozen=True)
class Path:
    """The chain's nodes (credits, relays, origin), whether it loops, and the origin count."""

    outlets: tuple[Node, ...]
    origin: Node | None
    circular: tuple[Node, ...]
    independent: int
    leaves: tuple[Node, ...]


def trace(src: Sources, doc: Document, own: str | None = None) -> Path:
    """Follow credits, then relays from the one leading to the main speaker, to the origin.
    ``own`` is the key of the article's own outlet: finding it upstream is circular."""
    speaker = src.main_speaker(doc)
    out_edges: dict[str, list[str]] = {}
    for a, b, *_ in src.edges:
        out_edges.setdefault(a, []).append(b)
    relayed = {b for a, b, *_ in src.edges if a != "article"}
    by_key = {n.key: n for n in src.relays}
    roots = [n for n in src.relays if n.key not in relayed] or src.relays[:1]  # all in a loop: the first
    linked = {n.key for n in src.relays if speaker and _linked(n, speaker, doc)}
    start = next((n for n in roots if n.key in linked), None)
    if start is None and (not speaker or len(roots) == 1):
        start = roots[0] if roots else None  # a lone relay path carries the speakers quoted
    path, circular = list(src.credits), []
    seen = {n.key for n in path}
    node = start
    while node is not None:
        if node.key in seen:
            circular.append(node)
            break
        path.append(node)
        seen.add(node.key)
        nxt = out_edges.get(node.key, [])
        node = by_key.get(nxt[0]) if nxt else None
    circular += _cycles(out_edges, by_key, circular)
    circular += [n for n in path if n.key == own and n not in circular]
    leaves = _leaves(src, doc, out_edges, linked)
    independent = len(src.speakers) + len(leaves)
    if independent == 0 and path:
        independent = 1
    origin = next((n for n in speaker if doc.text[n.start:n.end].strip() == n.name), speaker[0]) if speaker else None
    return Path(tuple(path), origin, tuple(circular), independent, tuple(leaves))


def _cycles(out_edges: dict[str, list[str]], by_key: dict[str, Node], found: list[Node]) -> list[Node]:
    """Outlets that relay, through others, back to themselves (unless already found)."""
    looping = []
    for key in out_edges:
        stack, visited = list(out_edges[key]), set()
        while stack:
            nxt = stack.pop()
            if nxt == key:
                if key in by_key and all(n.key != key for n in found + looping):
                    looping.append(by_key[key])
                break
            if nxt not in visited:
                visited.add(nxt)
                stack += out_edges.get(nxt, [])
    return looping


def _leaves(src: Sources, doc: Document, out_edges, linked: set[str]) -> list[Node]:
    """Cited outlets that relay no other outlet and carry no speaker: each is an origin."""
    roots = [n for n in src.relays if all(b != n.key for a, b, *_ in src.edges if a != "article")]
    lone = src.speakers and len(roots) <= 1  # a lone relay path carries the speakers quoted
    leaves = []
    for node in src.relays:
        if out_edges.get(node.key) or node.key in linked or lone:
            continue
        if any(_linked(node, group, doc) for group in src.speakers.values()):
            continue
        leaves.append(node)
    return leaves
