"""Where the main claim's chain ends, chosen by a small learned ranker (docs/sourcing.md,
"Where the chain ends").

The rules of :mod:`.route` build one chain. This module lists the chains one decision away
from it — the chain cut after an earlier hop, its last hop swapped for another source the
text names near the claim, one more hop after it — and scores each, the rules' chain too,
with the ranker shipped in ``claimscope/data/sourcing/rankers/chain_end.json``, by a few
structural features: how the source it ends on is found (evidence), where it stands from the
claim, which kind of cue introduces it, whether it is an outlet, a registry outlet,
anonymous, a document, relayed or citing another; the hop the choice leaves out; the
chain's length; which decision it is (``edit=keep`` for the rules' chain). The rules'
chain comes first and wins a tie; ``bench/fit_chain_end.py`` fits the weights on the dev
articles.
"""

from __future__ import annotations

import math
import re

from ...outlets import cues
from ...ranker import Ranker, shipped
from .names import Source, headline_end
from .route import Chain, _complements, _covers

RANKER = "sourcing/rankers/chain_end.json"
NEAR_SENTENCES = 2  # sources whose cue is this many sentences from the claim are candidates
MAX_CANDIDATES = 24
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def choose(chain: Chain, ranker: Ranker | None = None) -> None:
    """Replace ``chain.hops`` by the best-scoring alternative (the rule's chain kept on a tie
    or when the chain loops back on itself)."""
    if chain.circular is not None or chain.claim is None:
        return
    options = alternatives(chain)
    best = (ranker or shipped(RANKER)).best([f for _, f in options])
    if best is not None:
        chain.hops = options[best][0]
        for hop in chain.hops:
            if hop.evidence == "actor":
                hop.evidence = "mention"  # the report's kinds: a body the text names


def alternatives(chain: Chain) -> list[tuple[list[Source], dict[str, float]]]:
    """The rule's chain (first) and the chains one decision away from it, with features."""
    hops = list(chain.hops)
    facts = _Facts(chain)
    out = [(hops, {"edit=keep": 1.0, **facts.of(hops, None)})]
    for k in range(1, len(hops)):
        out.append((hops[:k], {"edit=cut": 1.0, **facts.of(hops[:k], hops[k])}))
    for src in facts.candidates():
        if any(h.same(src) for h in hops):
            continue
        if hops:
            out.append(([*hops[:-1], src], {"edit=swap": 1.0, **facts.of([*hops[:-1], src], hops[-1])}))
        out.append(([*hops, src], {"edit=extend": 1.0, **facts.of([*hops, src], None)}))
    return out


class _Facts:
    """What the features of one document need, computed once."""

    def __init__(self, chain: Chain):
        self.chain, self.doc, self.text = chain, chain.doc, chain.text
        self.claim = self.doc.sentences[chain.claim]
        self.headline = headline_end(self.text)
        self.speakers: dict[int, Source] = {}
        self._said_memo: dict[tuple[str, int], float] = {}
        for i, a in enumerate(self.doc.attributions):
            if a.speaker_start is not None and (chain.usable(a) or a.anonymous) and not chain.presenter(a):
                self.speakers[i] = chain.speaker(i)

    def candidates(self) -> list[Source]:
        """Sources the chain could end on: speakers near the claim or covering it, credited
        outlets and the byline, names the text gives near the claim, and the bodies the claim
        and its sources' words are about (capitalised runs: "the X Board counted …")."""
        chain, found = self.chain, []
        for i, src in self.speakers.items():
            a = self.doc.attributions[i]
            if abs(self._distance(a.cue_start)) <= NEAR_SENTENCES or _covers(a, self.claim.start, self.claim.end):
                found.append(src)
        found += chain._credits()
        found += [s for s in [chain._byline(), chain._owner_in(self.claim)] if s is not None]
        found += [m for m in chain.names.all if abs(self._distance(m.start)) <= NEAR_SENTENCES]
        for start, end in self._content_spans():
            found += _actors(self.text, start, end, cues.stopwords(chain.lang(start)))
        out: list[Source] = []
        for src in found:
            if src.name.strip() and not any(o.same(src) for o in out):
                out.append(src)
        return out[:MAX_CANDIDATES]

    def _content_spans(self) -> list[tuple[int, int]]:
        """The claim sentence, the next one, and the contents of the attributions near it."""
        spans = [(self.claim.start, self.claim.end)]
        nxt = self.chain.claim + 1
        if nxt < len(self.doc.sentences):
            spans.append((self.doc.sentences[nxt].start, self.doc.sentences[nxt].end))
        spans += [(a.content_start, a.content_end) for i, a in enumerate(self.doc.attributions)
                  if i in self.speakers and abs(self._distance(a.cue_start)) <= 1]
        return spans

    def _distance(self, pos: int) -> int:
        i = self.chain.names.sentence_at(pos)
        return 99 if i is None else i - self.chain.claim

    def of(self, hops: list[Source], dropped: Source | None) -> dict[str, float]:
        """Features of a chain of ``hops`` that leaves out ``dropped``, the rules' hop after
        its last one or in its place."""
        f: dict[str, float] = {f"hops={min(len(hops), 3)}": 1.0}
        if dropped is not None:
            f[f"dropped.evidence={dropped.evidence}"] = 1.0
            f["dropped.outlet"] = float(dropped.is_outlet)
            f["dropped.anonymous"] = float(dropped.anonymous)
            f["dropped.document"] = float(self.chain._document_noun(dropped) is not None)
        if not hops:
            return {**f, "end=none": 1.0}
        src = hops[-1]
        f["after_outlet"] = float(len(hops) > 1 and hops[-2].is_outlet)
        distance = self._distance(src.start)
        a = self.doc.attributions[src.attribution] if src.attribution is not None else None
        f.update({
            f"evidence={src.evidence}": 1.0,
            "outlet": float(src.is_outlet),
            "registry": float(src.outlet is not None),
            "state": float(bool(src.outlet and src.outlet.ownership == "state_controlled")),
            "anonymous": float(src.anonymous),
            "document": float(self.chain._document_noun(src) is not None),
            "headline": float(src.start < self.headline),
            "before_claim": float(distance < 0),
            "in_claim": float(distance == 0),
            "far": float(abs(distance) > 1),
            "covers_claim": float(a is not None and _covers(a, self.claim.start, self.claim.end)),
            "capitalised": float(src.name[:1].isupper()),
            "words": min(len(src.name.split()), 5) / 5,
            "one_word": float(len(src.name.split()) == 1),
            "said": self._said(src),
            "relayed": float(self._relayed(src)),
            "cites": float(self._cites(src)),
        })
        if a is not None:
            f[f"cue={self._cue_kind(a)}"] = 1.0
        return f

    def _said(self, src: Source) -> float:
        """log(1 + the number of attributions whose speaker is ``src``), once per source."""
        key = (src.name, src.start)
        if key not in self._said_memo:
            self._said_memo[key] = math.log1p(sum(1 for s in self.speakers.values() if s.same(src)))
        return self._said_memo[key]

    def _cue_kind(self, a) -> str:
        cue = self.text[a.cue_start:a.cue_end]
        if cues.find("relay_cues", cue, self.chain.lang(a.cue_start)):
            return "relay"
        if not cue.strip(" :"):
            return "colon"
        return "before" if a.speaker_start is not None and a.cue_end <= a.speaker_start else "after"

    def _cites(self, src: Source) -> bool:
        """Does a relay cue follow the source in its sentence ("X, citing …")?"""
        i = self.chain.names.sentence_at(src.start)
        return i is not None and any(0 <= m.start() - src.end <= 40 for m in self.chain.names.cues_in("relay_cues", i))

    def _relayed(self, src: Source) -> bool:
        """Does a relay cue or source preposition end just before the source ("citing X")?"""
        i = self.chain.names.sentence_at(src.start)
        if i is None:
            return False
        near = [*self.chain.names.cues_in("relay_cues", i), *self.chain.names.cues_in("source_prepositions", i)]
        return any(0 <= src.start - m.end() <= 40 for m in near)


def _actors(text: str, start: int, end: int, stop) -> list[Source]:
    """Capitalised runs in ``text[start:end]`` (function words may join them), with their
    complements; a sentence's first word only when the text also capitalises it inside a
    sentence, and not alone."""
    out, run = [], []
    words = list(_WORD.finditer(text, start, end))
    for k, w in enumerate(words + [None]):
        word = w.group() if w else ""
        if w is not None and word[:1].isupper() and word.casefold() not in stop and (
                run or not _opening(text, start, w.start()) or _capitalised_inside(text, word)):
            run.append(w)
            continue
        if w is not None and run and word.casefold() in stop and k + 1 < len(words) \
                and words[k + 1].group()[:1].isupper() and not text[run[-1].end():w.start()].strip():
            run.append(w)
            continue
        while run and run[-1].group().casefold() in stop:
            run.pop()
        if run and (len(run) > 1 or not _opening(text, start, run[0].start())):
            first = run[0].start()
            stop_at = min(_complements(text, run[-1].end(), stop) if len(run) > 1 else run[-1].end(), end)
            out.append(Source(text[first:stop_at].rstrip(",.;:"), first, stop_at, "actor"))
        run = []
    return out


def _opening(text: str, start: int, pos: int) -> bool:
    """Does the word at ``pos`` open the span or a sentence?"""
    return not text[start:pos].strip() or text[:pos].rstrip()[-1:] in ".!?\n"


def _capitalised_inside(text: str, word: str) -> bool:
    """Does the text capitalise ``word`` after a word inside a sentence too?"""
    return re.search(rf"(?<=[^\W\d_]) {re.escape(word)}(?!\w)", text) is not None
