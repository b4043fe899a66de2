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
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np

from claimscope.ranker import Ranker, shipped
from claimscope.threads import ProcessPool

VERIFIED = 3  # a query's first hits that are verified (later ones keep the plain threshold)
FILE = "search/verifier.json"
KEPT = 256  # passages whose content pieces are kept (about 20 MB): a hit met again is not encoded again
_CONTENT = re.compile(r"\w")  # a piece with a letter or digit


class Verifier:
    """Verified confidence of a query's hits, with the token states of ``encoder`` (an
    ``E5Encoder``) and the fitted ``ranker`` (its ``meta`` holds the threshold and the
    centre)."""

    def __init__(self, encoder, ranker: Ranker, workers: int = 1):
        from claimscope.encoder.engine import PREFIXES

        self.encoder, self.ranker = encoder, ranker
        self.threshold = float(ranker.meta["threshold"])
        self.centre = np.asarray(ranker.meta["centre"], dtype=np.float32)
        self._pieces = encoder.tokenizer.vocabulary.pieces
        self._prefix = {q: len(encoder.tokenizer.encode(p)) for q, p in PREFIXES.items()}
        self._pool = ProcessPool(max(1, workers), "claimscope-verify")  # one text per call, several at once
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()  # passage -> its content pieces, last used last
        self._lock = threading.Lock()

    def content(self, text: str, is_query: bool) -> np.ndarray:
        """Unit vectors of the text's content pieces, uncentred (one text per encoder call,
        so that they do not depend on what else is verified)."""
        return self._content(*self.encoder.token_states([text], is_query)[0], is_query)

    def _content(self, ids: list[int], states: np.ndarray, is_query: bool) -> np.ndarray:
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

    def begin(self, text: str, vector: Future | None = None) -> Future:
        """The content pieces of the query ``text``, encoded on the verifier's threads while
        the caller searches (``verify`` takes the future). Given a ``vector`` future, the same
        encoder run sets it to the query vector of ``text`` (``embed_queries``' numbers; None
        for a text longer than one window)."""
        return self._pool.submit(self._query, text, vector)

    def _query(self, text: str, vector: Future | None) -> np.ndarray:
        if vector is None:
            return self.content(text, True)
        try:
            both = self.encoder.encode_with_states(text, True)
        except BaseException as exc:
            vector.set_exception(exc)
            raise
        vector.set_result(None if both is None else both[0])
        return self.content(text, True) if both is None else self._content(*both[1:], True)

    def verify(self, query: str | Future, confidences: Sequence[float], passages: Sequence[str]) -> list[float | None]:
        """Verified confidence of each hit (None where it could not reach the threshold);
        ``query`` is the query text or ``begin``'s future. The passages are encoded at once,
        each alone (its states do not depend on the others), on the verifier's threads."""
        aligned = [i for i, c in enumerate(confidences) if self.could_pass(c)]
        if not aligned:
            return [None] * len(confidences)
        states = list(self._pool.get().map(self.passage, [passages[i] for i in aligned]))
        pieces = query.result() if isinstance(query, Future) else self.content(query, True)
        out: list[float | None] = [None] * len(confidences)
        for i, passage in zip(aligned, states):
            out[i] = self.confidence(confidences[i], self.precision(pieces, passage))
        return out

    def passage(self, text: str) -> np.ndarray:
        """``content(text, False)``, kept for the last ``KEPT`` passages."""
        with self._lock:
            found = self._kept.get(text)
            if found is not None:
                self._kept.move_to_end(text)
                return found
        found = self.content(text, False)
        with self._lock:
            self._kept[text] = found
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return found

    def forget(self) -> None:
        """Drop the kept passages (a benchmark from cold)."""
        with self._lock:
            self._kept.clear()


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
    return Verifier(inner.encoder(), ranker, getattr(inner, "workers", 1))


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)
