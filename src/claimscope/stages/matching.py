"""Stage ``matching``: existing fact-checks that cover the article's claims.

Needs sentences, language, traces and claims; provides ``matches``. It queries the hybrid search index beside the
fact-check store (docs/matching.md) with the article's claim sentences (the headline,
the lead, the lead of each numbered list item and the check-worthy sentences; never
boilerplate, bylines or credit lines) and the
article's date, and keeps the fact-checks above the calibrated confidence threshold,
less those that state another claim of the topic than the sentence that found them
(``agrees``: numbers that contradict it; a person, a rare name, a country or an
organisation the article never names) and the
rivals of a more confident match (``without_rivals``: weaker cases of the same days).
Without a store or without its index (a fresh machine) it adds nothing and loads
nothing; an index it cannot use (built by another embedder, say) leaves a line in
``Document.notices`` and the rest of the report stands. The flag a match puts on the
main sourcing chain comes from the final ``triage`` stage (``stages/triage.py``).
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from datetime import date as date_cls
from functools import lru_cache
from pathlib import Path

from ..errors import StoreError
from ..model import Document, Match, stage_tag
from .agreement import (entity_absent, numbers_contradict, period_absent, person_absent, rare_name_absent,
                        tags_absent)
from .claims import sentence_text
from ..dates import find_dates, full_dates
from ..langdata import tables
from .words import TOKEN, lemma_of

MAX_MATCHES = 10
LEAD_WORDS = 8  # a lead states something in at least this many words
CLAIM_WORDS = 3  # a claim needs this many words besides its dates ("(aired on 9 May 2019)" states none)
NOT_CLAIMS = ("boilerplate", "credit_line")  # findings whose sentences are never queried
DATELINE_CHARS = 300  # a dateline sits in the article's first lines
EVENT_DAYS = 3  # fact-checks dated this close to each other cover the same news moment
_ITEM = re.compile(r"\s*(\d{1,2})(?:[.)]|\ufe0f?\u20e3)(?=\s)")  # "1. ", "2) ", a keycap digit
CIRCULATION = Path(__file__).resolve().parent.parent / "data" / "search" / "circulation.json"
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'»”“’)\]]*\s*$")  # a full stop, perhaps inside quotes or brackets


class Matching:
    """Pipeline stage adding ``Document.matches``.

    ``store`` and ``index`` are given (an analyzer opens them, docs/library.md), or
    ``db``, a SQLite store path whose index is opened on first use with ``embedder``
    (default: the process-wide e5 embedder); with neither the stage matches nothing.
    """

    name = "matching"
    version = "2"
    requires = ("sentences", "language", "traces", "claims")
    provides = ("matches",)

    def __init__(self, store=None, index=None, db: str | None = None, embedder=None):
        self._store, self._index = store, index
        self._db, self._embedder = db, embedder
        self._opened = db is None or (store is not None and index is not None)
        self._owned = False  # whether close() closes the store and index (the ones it opened)
        self._failure: str | None = None
        self._lock = threading.Lock()

    def _open(self) -> bool:
        """Open the store and its index when both exist; False when there is nothing to match.

        An index that cannot be used raises the same StoreError for every document, so
        each report of a batch or a long-running process says why it has no matches."""
        with self._lock:
            if self._failure is not None:
                raise StoreError(self._failure)
            if not self._opened:
                self._opened = True
                from ..search.sync import open_for_matching

                try:
                    self._store, self._index = open_for_matching(self._db, self._embedder) or (None, None)
                except StoreError as exc:
                    self._failure = str(exc)
                    raise
                self._owned = self._index is not None
        return self._index is not None and len(self._index) > 0

    def close(self) -> None:
        """Close the store and index this stage opened itself (not the ones given to it)."""
        with self._lock:
            if self._owned:
                self._index.close()
                self._store.close()
                self._store = self._index = None
                self._owned = False

    def __call__(self, doc: Document) -> Document:
        chosen = query_sentences(doc)
        if not chosen:
            return doc
        try:
            if not self._open():
                return doc
        except StoreError as exc:  # e.g. an index built by another embedder: report the rest
            return doc.evolve(notices=(*doc.notices, f"fact-check matching skipped: {exc}"))
        return self._matched(doc, chosen, self._index.search_articles([self._query(doc, chosen)], k=MAX_MATCHES)[0])

    def run_many(self, docs: list[Document]) -> list[Document]:
        """What the stage gives for each document, with one search for them all (their
        query sentences embedded in one batch, their dense candidates from one matrix product)."""
        chosen = [query_sentences(doc) for doc in docs]
        try:
            ready = any(chosen) and self._open()
        except StoreError:
            ready = False
        if not ready:  # nothing to search, or the notice on each document
            return [self(doc) for doc in docs]
        asked = [n for n, sentences in enumerate(chosen) if sentences]
        found = self._index.search_articles([self._query(docs[n], chosen[n]) for n in asked], k=MAX_MATCHES)
        done = list(docs)
        for n, hits in zip(asked, found):
            done[n] = self._matched(docs[n], chosen[n], hits)
        return done

    def _query(self, doc: Document, chosen: list[int]) -> tuple:
        """(sentence texts, article date, known vectors, which sentences recur): what the
        index is searched with."""
        texts = [doc.text[doc.sentences[i].start:doc.sentences[i].end] for i in chosen]
        return texts, article_date(doc), self._known(doc, chosen), [recurring(t, doc.language) for t in texts]

    def _matched(self, doc: Document, chosen: list[int], hits: list) -> Document:
        """``doc`` with the matches among ``hits`` (pairs of a hit and the index, in
        ``chosen``, of the sentence that found it): those found in the front paragraphs
        from the article threshold on (``_front_finders``), unless they state another claim
        of the topic than the sentence's (``agrees``), and those one sentence finds on its own
        from ``weights.body_confidence`` on."""
        date = article_date(doc)
        front = front_paragraphs(doc)
        in_front = [doc.sentences[n].paragraph in front for n in chosen]
        records = {r.id: r for r in self._store.get_many([h.id for h, _ in hits])}
        weights = self._index.weights
        hits = [(h, i) for h, i in hits if h.id in records and (
            _alone(h) >= weights.body_confidence  # one sentence states it, wherever it is
            or any(agrees(doc, chosen[j], records[h.id]) for j in _front_finders(h, i, in_front, weights.article_threshold)))]
        tag = stage_tag(self)
        matches = tuple(
            Match(fc.id, fc.claim, fc.verdict, fc.rating, fc.publisher, fc.review_date, fc.review_url,
                  hit.confidence, chosen[i], doc.sentences[chosen[i]].start, doc.sentences[chosen[i]].end, tag,
                  source_ref=fc.source_ref, article_date=date or None)
            for hit, i in hits if (fc := records.get(hit.id)) is not None
        )
        return doc.evolve(matches=without_rivals(matches, self._index.weights.rival_gap))

    def _known(self, doc: Document, chosen: list[int]) -> dict:
        """The claims stage's vectors of these sentences, when the index's model made them."""
        if doc.sentence_vectors is None or doc.vectors_model != self._index.embedder.name:
            return {}
        return {sentence_text(doc, i): doc.sentence_vectors[i] for i in chosen}


def _alone(hit) -> float:
    """The confidence of the sentence that finds ``hit`` most confidently, on its own
    (the merged confidence gathers several sentences' evidence, ``fusion.merge_texts``)."""
    return max((c for _, c in hit.found_by), default=hit.confidence)


def _front_finders(hit, best: int, in_front: list[bool], threshold: float) -> list[int]:
    """The query sentences (indices into the chosen ones) in the front paragraphs that
    found ``hit``: the most confident one (``best``), and any other whose own confidence
    reaches ``threshold`` (a headline that names the claim a body sentence states)."""
    found = [best] if in_front[best] else []
    return found + [j for j, c in hit.found_by if j != best and in_front[j] and c >= threshold]


def agrees(doc: Document, i: int, fc) -> bool:
    """Whether the fact-check ``fc`` may state the claim of sentence ``i``: their numbers do
    not contradict each other, it names no person, no rare name (a town, a firm) and no
    country, capital, leader or organisation that the article never names, no period
    far from the article's, and its keywords do not all name places or actors the
    article never names (``agreement``: a shared subject does not make a shared claim)."""
    record, lang = " ".join(filter(None, (fc.title, fc.claim))), fc.language or "en"
    return not numbers_contradict(sentence_text(doc, i), record) and not person_absent(
        doc.text, record, lang) and not rare_name_absent(doc.text, record, lang) and not entity_absent(
        doc.text, record) and not period_absent(doc.text, article_date(doc), record) and not tags_absent(
        doc.text, fc.keywords, doc.language)


def without_rivals(matches: tuple[Match, ...], gap: float) -> tuple[Match, ...]:
    """``matches`` (most confident first) without the rivals of a more confident one: a
    case dated within EVENT_DAYS of a kept case and more than ``gap`` logits less confident
    than it. An article about one news moment finds its checked claim and, through its
    context sentences (the place, the days), weaker cases of other claims about the same
    moment: those are neighbours of the alarm, not a second one (docs/matching.md)."""
    kept: list[Match] = []
    for m in matches:
        if not any(_same_days(m.review_date, k.review_date) and _logit(k.confidence) - _logit(m.confidence) > gap
                   for k in kept):
            kept.append(m)
    return tuple(kept)


def _same_days(a: str | None, b: str | None) -> bool:
    try:
        return abs((date_cls.fromisoformat(a[:10]) - date_cls.fromisoformat(b[:10])).days) <= EVENT_DAYS
    except (TypeError, ValueError):  # a date missing or unreadable: not known to be the same moment
        return False


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def query_sentences(doc: Document) -> list[int]:
    """The sentences the stage queries the index with, in text order: the headline and
    lead (``front_sentences``) and the check-worthy sentences; never a sentence that is
    mostly boilerplate or a credit line, nor a caption ("Photo: ..."), nor one of fewer
    than CLAIM_WORDS words besides its dates (a date line the sentence splitter cut off a
    headline)."""
    chosen = {*front_sentences(doc), *(c.sentence for c in doc.claims if c.checkworthy)}
    return sorted(i for i in chosen if _usable(doc, i) and _words(doc, i, dates=False) >= CLAIM_WORDS)


def front_sentences(doc: Document) -> list[int]:
    """The headline (the article's first line when it is its title), the lead (the
    first later sentence of prose that is not boilerplate, a credit line or a caption,
    ``_lead``) and the lead of each item of a numbered list (``list_items``: a
    round-up tells one story per item): where an article states its claims."""
    head = [i for i in headline(doc) if _usable(doc, i)]
    after = max(headline(doc), default=-1) + 1
    leads = [_lead(doc, range(after, len(doc.sentences)))]
    for p in list_items(doc):
        leads.append(_lead(doc, [i for i, s in enumerate(doc.sentences) if s.paragraph == p]))
    return head + sorted({i for i in leads if i is not None and i not in head})


def _lead(doc: Document, among) -> int | None:
    """The first of ``among`` that is a sentence of prose (at least LEAD_WORDS words, ending
    with a full stop, a question or an exclamation mark) and may be queried: a byline, a
    dateline, a label or a subtitle line is no lead, however long."""
    return next((i for i in among if _words(doc, i) >= LEAD_WORDS and _usable(doc, i)
                 and _SENTENCE_END.search(sentence_text(doc, i))), None)


def list_items(doc: Document) -> list[int]:
    """Paragraphs opening with an item number ("1.", "2)", a keycap digit), when the
    article numbers at least two items in a row, or with a pictograph heading
    (``_pictograph_heading``), when at least two do: the items of a round-up or a list."""
    numbers, headed = {}, []
    for n, p in enumerate(doc.paragraphs):
        found = _ITEM.match(doc.text, p.start)
        if found:
            numbers[n] = int(found.group(1))
        elif _pictograph_heading(doc.text[p.start:p.end]):
            headed.append(n)
    values = set(numbers.values())
    numbered = [n for n, v in numbers.items() if v + 1 in values or v - 1 in values]
    return sorted(numbered + (headed if len(headed) > 1 else []))


def _pictograph_heading(paragraph: str) -> bool:
    """Whether ``paragraph`` opens with a heading line led by a pictograph (an emoji, a
    symbol: "🍊 THE ORANGE THAT CURES – FALSE") on a line of its own, without a full stop:
    how a round-up of posts titles its items when it does not number them."""
    line, _, rest = paragraph.strip().partition("\n")
    return bool(rest) and _pictograph(line[0]) and not _SENTENCE_END.search(line)


def _pictograph(c: str) -> bool:
    """An emoji or a symbol from the arrows on (not ©, ®, °, № or ™, which open credit lines)."""
    return unicodedata.category(c) == "So" and c >= "\u2190"


def front_paragraphs(doc: Document) -> set[int]:
    """The paragraphs of the headline, the lead and the item leads: a match found by a
    sentence there is reported from the article threshold on, one found elsewhere from
    the index's ``weights.body_confidence`` (docs/matching.md)."""
    return {doc.sentences[i].paragraph for i in front_sentences(doc)}


def headline(doc: Document) -> list[int]:
    """The sentences of the article's first line when that line is its title."""
    title = (doc.article.meta.title or "").strip()
    if not title or not doc.text.lstrip().startswith(title):
        return []
    end = doc.text.find(title) + len(title)
    return [i for i, s in enumerate(doc.sentences) if s.end <= end]


def _words(doc: Document, i: int, dates: bool = True) -> int:
    """Words of sentence ``i``: its tokens with a letter (not numbers or separators), and
    without ``dates`` not those of a date ("9 May 2019", "le 3 mai 2021")."""
    text = doc.text[doc.sentences[i].start:doc.sentences[i].end]
    if not dates:
        for m in reversed(find_dates(text)):
            text = text[:m.start] + " " + text[m.end:]
    return sum(any(c.isalpha() for c in token) for token in text.split())


def _usable(doc: Document, i: int) -> bool:
    """Not mostly covered by boilerplate or credit-line findings, and not a caption."""
    s = doc.sentences[i]
    covered = sum(max(0, min(f.end, s.end) - max(f.start, s.start)) for f in doc.findings if f.kind in NOT_CLAIMS)
    head, colon, _ = doc.text[s.start:s.end].partition(":")
    return covered * 2 < s.end - s.start and not (colon and head.strip().casefold() in _caption_cues())


@lru_cache(maxsize=1)
def _caption_cues() -> frozenset[str]:
    return frozenset(c.casefold() for t in tables().values() for c in t["caption_cues"])


def recurring(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` reports a text that circulates from reader to reader (a word of
    ``data/search/circulation.json`` for ``lang``: shared, forwarded, going round, viral).
    Such a message recurs for years, so a fact-check dated long before or after the article
    may still be of its claim: the search takes a far date as no evidence against it
    (``SearchIndex.search``, ``recurring``), where it otherwise counts against a case of
    another news moment."""
    words = _circulation().get(lang)
    if not words:
        return False
    folded = sentence.casefold()
    if any(" " in w and w in folded for w in words):
        return True
    return any(t.casefold() in words or lemma_of(lang, t).casefold() in words for t in TOKEN.findall(sentence))


@lru_cache(maxsize=1)
def _circulation() -> dict[str, frozenset[str]]:
    table = json.loads(CIRCULATION.read_text(encoding="utf-8"))
    return {lang: frozenset(w.casefold() for w in words) for lang, words in table.items() if lang != "about"}


def article_date(doc: Document) -> str:
    """The article's publication date: its metadata, else a dateline in its first lines (a
    date with day, month and year, in any language), else the latest such date in the text."""
    if doc.article.meta.date:
        return doc.article.meta.date[:10]
    found = full_dates(doc.text, doc.language)
    early = [iso for at, iso in found if at < DATELINE_CHARS]
    return early[0] if early else max((iso for _, iso in found), default="")
