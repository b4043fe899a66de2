"""The claims stage: a check-worthiness score, label and reasons for every sentence.

Each sentence is embedded once with ``claimscope.embed.default_embedder()`` ("query:"
side; the vectors are kept on ``Document.sentence_vectors`` for the matcher), its
hand features are read from the per-language cue tables, and a small head (see
``claimscope.checkworthy.head``) turns both into a score. A sentence the page's
structure shows is no claim (headline, label line, question, page furniture found by
the traces stage: ``claimscope.checkworthy.shape``) keeps its score but is never
check-worthy. A claim told as hearsay, in the reportative or conditional mood ("would
have", "aurait", "avrebbe", "soll ... haben": the ``hearsay`` words of the language's
cue table), is check-worthy from ``HEARSAY_MARGIN`` below the head's threshold: the
mood marks it as a claim someone makes, which the head, trained on few of them, scores
low. Claims point at their sentence, and at the attribution covering it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..checkworthy import features, shape
from ..checkworthy.clef import clean
from ..checkworthy.head import Head, load_head
from ..embed import Embedder, default_embedder
from ..model import Claim, Document, stage_tag

HEARSAY_MARGIN = 0.15  # how far below the threshold a hearsay claim stays check-worthy

class ClaimsStage:
    """Scores every sentence of a document (requires sentences, language, traces and
    attributions; provides "claims")."""

    name = "claims"
    requires = ("sentences", "language", "traces", "attributions")
    provides = ("claims",)

    def __init__(self, embedder: Embedder | None = None, head: Head | None = None):
        self.head = head or load_head()
        self.version = f"1+{self.head.name}"
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def __call__(self, doc: Document) -> Document:
        texts = [sentence_text(doc, i) for i in range(len(doc.sentences))]
        langs = [s.lang or doc.language for s in doc.sentences]
        vectors = self._vectors(doc, texts)
        found = [features.counts(t, lang) for t, lang in zip(texts, langs)]
        feats = np.zeros((len(texts), len(features.FEATURES)), dtype=np.float32)
        for i, c in enumerate(found):
            feats[i] = features.vector(texts[i], langs[i], c)
        scores = self.head.scores(vectors, feats)
        excluded = shape.not_claims(doc)
        tag = stage_tag(self)
        needed = [
            self.head.threshold - (HEARSAY_MARGIN if features.hearsay(t, lang) else 0.0)
            for t, lang in zip(texts, langs)
        ]
        claims = tuple(
            Claim(
                sentence=i, start=s.start, end=s.end, score=round(float(scores[i]), 4),
                checkworthy=bool(scores[i] >= needed[i]) and i not in excluded,
                reasons=features.reasons(texts[i], langs[i], found[i]), stage=tag,
            )
            for i, s in enumerate(doc.sentences)
        )
        model = doc.vectors_model if vectors is doc.sentence_vectors else self.embedder.name
        doc = doc.evolve(claims=claims, sentence_vectors=vectors, vectors_model=model)
        return link_attributions(doc)

    def run_many(self, docs: list[Document]) -> list[Document]:
        """What the stage gives for each document, with the sentences of them all embedded
        in one batch."""
        todo = [doc for doc in docs if not _has_vectors(doc)]
        texts = [[sentence_text(doc, i) for i in range(len(doc.sentences))] for doc in todo]
        flat = self.embedder.embed_queries([t for group in texts for t in group])
        ready, at = {}, 0
        for doc, group in zip(todo, texts):
            ready[id(doc)] = doc.evolve(sentence_vectors=flat[at:at + len(group)], vectors_model=self.embedder.name)
            at += len(group)
        return [self(ready.get(id(doc), doc)) for doc in docs]

    def _vectors(self, doc: Document, texts: list[str]) -> np.ndarray:
        return doc.sentence_vectors if _has_vectors(doc) else self.embedder.embed_queries(texts)


def _has_vectors(doc: Document) -> bool:
    """Whether ``doc`` carries a vector for each of its sentences already."""
    return doc.sentence_vectors is not None and len(doc.sentence_vectors) == len(doc.sentences)


def sentence_text(doc: Document, index: int) -> str:
    """The text of sentence ``index`` as the heads were trained on it (links dropped,
    whitespace collapsed)."""
    s = doc.sentences[index]
    return clean(doc.text[s.start : s.end])


def link_attributions(doc: Document) -> Document:
    """Point each claim at the attribution whose content or cue overlaps its sentence;
    of nested ones ("according to X, Y said") the innermost, the original speaker."""
    spans = [
        (i, min(a.content_start, a.cue_start), max(a.content_end, a.cue_end))
        for i, a in enumerate(doc.attributions)
    ]
    claims = []
    for claim in doc.claims:
        hits = [i for i, lo, hi in spans if lo < claim.end and claim.start < hi]
        outer = {doc.attributions[i].nested_in for i in hits}
        inner = [i for i in hits if i not in outer]
        claims.append(replace(claim, attribution=(inner or hits or [None])[0]))
    return doc.evolve(claims=tuple(claims))


def ranked(doc: Document) -> list[Claim]:
    """The check-worthy claims, highest score first."""
    return sorted((c for c in doc.claims if c.checkworthy), key=lambda c: -c.score)
