"""The document model: frozen dataclasses, character offsets into ``Article.text``.

Every stage takes a :class:`Document` and returns a new one with its own
annotations added (``Document.evolve``); nothing is mutated in place. Offsets are
Python string indices (Unicode code points) into ``Article.text``, end-exclusive,
so ``text[start:end]`` is always the evidence span.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Meta:
    """What is known about an article besides its text."""

    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    site_name: str | None = None
    author: str | None = None
    url: str | None = None  # where it was fetched from
    canonical_url: str | None = None
    source: str | None = None  # path, URL or "-" it was read from
    encoding: str | None = None  # detected encoding of the raw bytes
    content_type: str = "text"  # "text" or "html"
    lang: str | None = None  # declared language (batch record, <html lang>), ISO 639-1; a hint only


@dataclass(frozen=True)
class Article:
    """The text every offset points into, and its metadata."""

    text: str
    meta: Meta = field(default_factory=Meta)
    notices: tuple[str, ...] = ()  # what reading it left out (a limit reached), one line each

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs
    lang: str | None = None  # ISO 639-1 code of this sentence, when detected
    lang_score: float | None = None


@dataclass(frozen=True)
class Finding:
    """A located observation with its evidence span and a one-line reason.

    ``kind`` is one of the documented finding kinds (see docs/report-format.md),
    e.g. ``untranslated_fragment``, ``foreign_dateline``, ``garbled_sentence``,
    ``boilerplate``, ``credit_line``.
    """

    kind: str
    start: int
    end: int
    reason: str
    stage: str  # "name@version" of the stage that produced it
    lang: str | None = None  # language of the span, where it matters
    label: str | None = None  # a finer category inside the kind (e.g. "related_links")
    value: str | None = None  # a normalised value the finding names (credited outlet, ISO date)


@dataclass(frozen=True)
class StageRun:
    name: str
    version: str

    @property
    def tag(self) -> str:
        return f"{self.name}@{self.version}"


def stage_tag(stage) -> str:
    """The ``name@version`` string every finding of ``stage`` (any object with ``name``
    and ``version``, see ``pipeline.Stage``) carries."""
    return f"{stage.name}@{stage.version}"


@dataclass(frozen=True)
class Document:
    """An article and everything the stages have found in it so far."""

    article: Article
    language: str | None = None  # main language of the article (ISO 639-1)
    language_score: float | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    findings: tuple[Finding, ...] = ()
    stages: tuple[StageRun, ...] = ()
    attributions: tuple["Attribution", ...] = ()
    claims: tuple["Claim", ...] = ()
    sourcing: tuple["SourceChain", ...] = ()  # the main claim's chain first (docs/sourcing.md)
    triage: tuple[str, ...] = ()  # two or three lines: what to check first and why
    matches: tuple["Match", ...] = ()  # existing fact-checks covering the article, most confident first
    notices: tuple[str, ...] = ()  # what a stage could not do and how to fix it, one line each
    # float32 array (len(sentences), dim): "query:" embeddings of the sentences (their
    # claims.sentence_text), stored by the claims stage for reuse; vectors_model names the
    # embedder that made them (Embedder.name).
    sentence_vectors: Any = field(default=None, compare=False, repr=False)
    vectors_model: str = field(default="", compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def evolve(self, **changes) -> "Document":
        """A new document with ``changes`` applied (the model is immutable)."""
        return dataclasses.replace(self, **changes)

    def add_findings(self, findings) -> "Document":
        return self.evolve(findings=self.findings + tuple(findings))

    def has_stage(self, name: str) -> bool:
        return any(run.name == name for run in self.stages)


@dataclass(frozen=True)
class Attribution:
    """Who is said to say what: speaker, cue and content spans (see docs/attribution.md).

    ``speaker_start``/``speaker_end`` are None when the sentence names no speaker
    (e.g. a passive "it was reported"). ``speaker_entity`` is a normalised name
    shared by every mention of the same speaker in the article (None for
    anonymous speakers). ``nested_in`` is the index, in ``Document.attributions``,
    of the attribution whose content contains this one. ``parts`` lists the
    pieces of a split quote; the content span then runs from the first to the last.
    """

    cue_start: int
    cue_end: int
    speaker_start: int | None
    speaker_end: int | None
    content_start: int
    content_end: int
    direct: bool
    anonymous: bool
    speaker_entity: str | None
    nested_in: int | None
    stage: str
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Claim:
    """The check-worthiness of one sentence (see docs/claims.md).

    Every sentence gets one Claim. ``score`` is in 0..1; ``checkworthy`` is
    ``score >= threshold`` of the model that scored it. ``reasons`` name what makes
    the sentence checkable: "number", "named_entity", "comparison", "causal",
    "reported". ``attribution`` is an index into ``Document.attributions`` when an
    attribution covers the sentence.
    """

    sentence: int  # index into Document.sentences
    start: int
    end: int
    score: float
    checkworthy: bool
    reasons: tuple[str, ...]
    stage: str
    attribution: int | None = None


VERDICTS = (
    "false",
    "mostly_false",
    "mixed",
    "mostly_true",
    "true",
    "misleading",
    "satire",
    "unverifiable",
    "disinformation",
    "unrated",
)


@dataclass(frozen=True)
class FactCheck:
    """One published fact-check (a ClaimReview) as the store keeps it (docs/factchecks.md).

    ``id`` is stable: derived from the review URL and the claim, or from the
    publisher and the source's own identifier (or claim) when there is no URL.
    ``verdict`` is one of :data:`VERDICTS`, normalised from ``rating`` (the
    publisher's own wording, always kept) or from ``rating_value`` on the
    ``rating_worst``..``rating_best`` scale. Dates are ISO ``YYYY-MM-DD``.
    ``outlets``, ``countries`` and ``languages`` describe where the claim appeared
    (EUvsDisinfo cases). ``import_id`` is the import run that wrote this version;
    ``raw`` the source record as JSON. Neither is compared.
    """

    id: str
    claim: str
    verdict: str = "unrated"
    rating: str | None = None
    rating_value: float | None = None
    rating_best: float | None = None
    rating_worst: float | None = None
    claimant: str | None = None
    claim_date: str | None = None
    appearances: tuple[str, ...] = ()
    review_url: str | None = None
    publisher: str | None = None
    publisher_site: str | None = None
    review_author: str | None = None
    review_date: str | None = None
    language: str | None = None
    title: str | None = None
    summary: str | None = None
    image_urls: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    source_ref: str | None = None  # the source's own identifier (e.g. a vclaim_id)
    import_id: int | None = field(default=None, compare=False)
    raw: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Rating:
    """An imported reliability rating of a domain (docs/sourcing.md): ``score`` in 0..1
    (higher is more reliable) when the source gives one, ``label`` its own wording."""

    domain: str
    source: str  # the name the ratings file was imported under
    score: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class Hop:
    """One link of a sourcing chain. ``kind`` is "article" (this article, no span),
    "outlet" (a credited or cited outlet) or "speaker" (the original speaker).
    ``evidence`` names what the span is: "credit_line", "attribution", "byline",
    "dateline", "relay" or "mention". ``outlet_id`` is the registry id (None for an
    outlet the registry does not know, reported as unknown)."""

    kind: str
    name: str
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    outlet_id: str | None = None
    domain: str | None = None
    ownership: str | None = None
    country: str | None = None
    anonymous: bool = False
    attribution: int | None = None  # index into Document.attributions of the statement it rests on
    ratings: tuple[Rating, ...] = ()


@dataclass(frozen=True)
class Flag:
    """A sourcing warning with its reason and, where there is one, its evidence span."""

    kind: str
    reason: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SourceChain:
    """How a claim reached this article: ``hops[0]`` is this article, the last hop the
    original speaker (or the furthest source named). ``independent_sources`` counts
    distinct origins (two outlets relaying one agency are one)."""

    claim_start: int
    claim_end: int
    hops: tuple[Hop, ...]
    independent_sources: int
    flags: tuple[Flag, ...]
    stage: str
    article_sources: int = 0  # independent sources the whole article quotes or cites


@dataclass(frozen=True)
class Match:
    """An existing fact-check that covers a claim of the article (docs/matching.md).

    ``factcheck_id`` is the stored FactCheck's id; ``confidence`` the search index's
    calibrated probability that the fact-check covers the article's claim;
    ``sentence``/``start``/``end`` the article sentence that matched it best;
    ``source_ref`` the fact-check's id in its source (e.g. a Snopes vclaim id);
    ``article_date`` the article date the search used (None when unknown).
    """

    factcheck_id: str
    claim: str
    verdict: str
    rating: str | None
    publisher: str | None
    review_date: str | None
    review_url: str | None
    confidence: float
    sentence: int  # index into Document.sentences
    start: int
    end: int
    stage: str
    source_ref: str | None = None
    article_date: str | None = None
