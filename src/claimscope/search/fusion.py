"""Score-level fusion of lexical and dense evidence, and calibrated confidence.

Raw scores from the two retrievers live on different scales (BM25 grows with query
length; e5 cosines sit in a narrow band whatever the query), so each candidate gets
normalised features first:

- ``dense_z``: the cosine as a z-score against the query's cosine to a random record
  of the collection (anisotropy correction, see ``DenseIndex.background``);
- ``dense_gap``: cosine minus the best cosine for this query;
- ``lex_rel``: BM25 divided by the best BM25 for this query (0 when not retrieved);
- ``lex_z``: BM25 as a z-score over the query's lexical result list;
- ``entity``: share of the query's named entities (alias table) that the record names;
- ``date_prox``: 1 when the record is dated the day the query text was published,
  falling with the log of the gap in days to 0 at ten years (0 when a date is unknown).

A linear model over the features ranks the candidates; a logistic model over the best
candidate's score and its margin over the runner-up gives the probability that the
best candidate really covers the query. The weights were fitted on CLEF training
queries by ``bench/eval_retrieval.py --fit`` and are plain numbers here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

FEATURES = ("dense_z", "dense_gap", "lex_rel", "lex_z", "entity", "date_prox")


@dataclass(frozen=True)
class FusionWeights:
    """Ranking weights (one per feature) and the confidence model."""

    rank: dict[str, float] = field(
        default_factory=lambda: {"dense_z": 1.0, "dense_gap": 0.0, "lex_rel": 1.0, "lex_z": 0.0, "entity": 0.0, "date_prox": 0.0}
    )
    # confidence = sigmoid(a * score + b * margin + c)
    confidence: tuple[float, float, float] = (1.0, 1.0, -5.0)

    def score(self, features: np.ndarray) -> np.ndarray:
        """Ranking score of each row of ``features`` (columns in FEATURES order)."""
        w = np.asarray([self.rank.get(f, 0.0) for f in FEATURES], dtype=np.float64)
        return features @ w

    def probability(self, score: float, margin: float) -> float:
        """Calibrated probability that the top candidate covers the query."""
        a, b, c = self.confidence
        return 1.0 / (1.0 + math.exp(-(a * score + b * margin + c)))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Weights (last one the intercept) of an L2-regularised logistic regression (Newton)."""
    x = np.hstack([np.asarray(x, dtype=np.float64), np.ones((len(x), 1))])
    y = np.asarray(y, dtype=np.float64)
    w = np.zeros(x.shape[1])
    reg = l2 * np.eye(x.shape[1])
    reg[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w
