"""A second look at a single query's first hits: does the fact-check state the query's
claim, or only share its topic? (docs/matching.md, "Verified hits")

The search's confidence rests on one vector per text, and a case of another claim about
the same topic matches it nearly as well as the right one. The verifier aligns the two
texts word piece by word piece: the query and the fact-check's passage go through e5
once more for the last layer's token states; each content piece of the passage (not the
model's prefix, not punctuation) finds its most similar piece of the query, both centred
on the mean piece state of fact-check passages (what every passage shares then weighs
nothing), and ``precision`` is the mean of those similarities: how much of what the
fact-check says the query says too. A logistic model (``claimscope.ranker.Ranker``,
``data/search/verifier.json``, fitted by ``bench/fit_match_verifier.py --write`` on the
dev claim queries by another hand) of the hit's confidence logit and that precision
gives the verified confidence. A single query's first ``VERIFIED`` hits are shown when
it reaches the verifier's threshold; an article's sentences are not verified (there it
did not beat the stage's rules, docs/matching.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from claimscope.ranker import Ranker, shipped

VERIFIED = 3  # a query's first hits that are verified (later ones keep the plain threshold)
FILE = "search/verifier.json"
_CONTENT = re.compile(r"\w")  # a piece with a letter or digit


class Verifier:
    """Verified confidence of a query's hits, with the token states of ``encoder`` (an
    ``E5Encoder``) and the fitted ``ranker`` (its ``meta`` holds the threshold and the
    centre)."""

    def __init__(self, encoder, ranker: Ranker):
        from claimscope.encoder.engine import PREFIXES

        self.encoder, self.ranker = encoder, ranker
        self.threshold = float(ranker.meta["threshold"])
        self.centre = np.asarray(ranker.meta["centre"], dtype=np.float32)
        self._pieces = encoder.tokenizer.vocabulary.pieces
        self._prefix = {q: len(encoder.tokenizer.encode(p)) for q, p in PREFIXES.items()}

    def content(self, text: str, is_query: bool) -> np.ndarray:
        """Unit vectors of the text's content pieces, uncentred (one text per encoder call,
        so that they do not depend on what else is verified)."""
        ids, states = self.encoder.token_states([text], is_query)[0]
        keep = [k for k in range(self._prefix[is_query], len(ids)) if _CONTENT.search(self._pieces[ids[k]])]
        return _unit(states[keep].astype(np.float32))

    def precision(self, query: np.ndarray, passage: np.ndarray) -> float:
        """Mean over the passage's pieces of their best centred similarity to a query piece, in [0, 1]."""
        if not len(query) or not len(passage):
            return 0.0
        q, p = _unit(query - self.centre), _unit(passage - self.centre)
        return float(np.clip((p @ q.T).max(axis=1).mean(), 0.0, 1.0))

    def confidence(self, confidence: float, precision: float) -> float:
        return self.ranker.probability(features(confidence, precision))

    def could_pass(self, confidence: float) -> bool:
        """Whether some precision in [0, 1] lifts a hit of this ``confidence`` to the threshold
        (the others are not aligned: nothing could show them)."""
        return max(self.confidence(confidence, 0.0), self.confidence(confidence, 1.0)) >= self.threshold

    def verify(self, text: str, confidences: Sequence[float], passages: Sequence[str]) -> list[float | None]:
        """Verified confidence of each hit (None where it could not reach the threshold)."""
        if not any(map(self.could_pass, confidences)):
            return [None] * len(confidences)
        query = self.content(text, True)
        return [self.confidence(c, self.precision(query, self.content(p, False))) if self.could_pass(c) else None
                for c, p in zip(confidences, passages)]


def features(confidence: float, precision: float) -> dict[str, float]:
    """The verifier's named features of one hit."""
    c = min(max(confidence, 1e-6), 1 - 1e-6)
    return {"conf_logit": math.log(c / (1 - c)), "align_precision": precision}


def for_embedder(embedder) -> Verifier | None:
    """The shipped verifier over ``embedder``'s encoder (a ``CachedEmbedder``'s inner one),
    or None when it has no token states or is not the model the verifier was fitted with."""
    inner = getattr(embedder, "inner", embedder)
    ranker = shipped(FILE)
    if not callable(getattr(inner, "encoder", None)) or getattr(inner, "name", None) != ranker.meta.get("model"):
        return None
    return Verifier(inner.encoder(), ranker)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)
