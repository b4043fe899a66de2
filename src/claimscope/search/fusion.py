"""Score-level fusion of lexical and dense evidence, and calibrated confidence.

Raw scores from the two retrievers live on different scales (BM25 grows with query
length; e5 cosines sit in a narrow band whatever the query), so each candidate gets
normalised features first:

- ``dense_z``: the cosine as a z-score against the query's cosine to a random record
  of the collection (anisotropy correction, see ``DenseIndex.background``);
- ``dense_gap``: cosine minus the best cosine for this query;
- ``lex_rel``: BM25 divided by the best BM25 for this query (0 when not retrieved);
- ``lex_z``: BM25 as a z-score over the query's lexical result list;
  both scaled by the best ``coverage`` of the query, so that a query whose words
  mostly do not occur in the collection (another language) leans on dense evidence;
- ``entity``: share of the query's named entities (alias table) that the record names;
- ``coverage``: IDF-weighted share of the query's words that the record contains (unlike
  ``lex_rel`` it stays low when only a name matches, as in a query in another language);
- ``date_prox``: 1 when the record is dated the day the query text was published,
  falling with the log of the gap in days to 0 at ten years (0 when a date is unknown).

A linear model over the features ranks the candidates. The confidence that a hit
really covers the query is a logistic model over the hit's ``dense_z``, its margin
over the 10th-best candidate's ``dense_z`` and its raw cosine: dense evidence only, because its
distribution is the same for English tweets and for claims in other languages, so a
model fitted on English training queries (with their true fact-check removed as the
"nobody checked this" case) transfers; lexical scores do not. The weights were fitted on CLEF training
queries by ``bench/eval_retrieval.py --fit`` and are plain numbers here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

DATE_CENTRE = 0.75  # a known date this close is neither for nor against a match
FEATURES = ("dense_z", "dense_gap", "lex_rel", "lex_z", "entity", "coverage", "date_prox")


@dataclass(frozen=True)
class FusionWeights:
    """Ranking weights (one per feature) and the confidence model."""

    rank: dict[str, float] = field(
        default_factory=lambda: {
            "dense_z": 2.217,
            "dense_gap": 0.0808,
            "lex_rel": 3.2521,
            "lex_z": 2.645,
            "entity": 0.1791,
            "coverage": 3.1865,
            "date_prox": 7.034,
        }
    )
    # confidence = sigmoid(a * dense_z + b * (dense_z - dense_z of the 10th candidate)
    #                      + c * cosine + d * date_evidence(date_prox) + e)
    confidence: tuple[float, ...] = (0.1614, 0.8728, 4.7104, 3.6328, -6.2629)
    # hits below this confidence are not reported: the best balance of true top hits
    # kept and unchecked claims emptied on the training queries
    threshold: float = 0.42

    def score(self, features: np.ndarray) -> np.ndarray:
        """Ranking score of each row of ``features`` (columns in FEATURES order)."""
        w = np.asarray([self.rank.get(f, 0.0) for f in FEATURES], dtype=np.float64)
        return features @ w

    def probability(self, dense_z: float, margin: float, cosine: float, date_prox: float) -> float:
        """Calibrated probability that a hit with this evidence covers the query."""
        a, b, c, d, e = self.confidence
        return 1.0 / (1.0 + math.exp(-(a * dense_z + b * margin + c * cosine + d * date_prox + e)))


def date_evidence(date_prox: np.ndarray) -> np.ndarray:
    """Date proximity centred so that an unknown date (0) is neutral evidence."""
    return np.where(date_prox > 0, date_prox - DATE_CENTRE, 0.0)


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


def fit_listwise(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, steps: int = 100) -> np.ndarray:
    """Ranking weights maximising each query's softmax probability of its true records.

    ``groups`` holds one (feature matrix, 0/1 labels) pair per query: a conditional
    logit with an L2 penalty, fitted by Newton's method with step halving.
    """
    groups = [(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)) for x, y in groups if np.any(y)]
    w = np.zeros(groups[0][0].shape[1])

    def loss_grad_hess(w):
        loss, grad, hess = 0.5 * l2 * w @ w, l2 * w, l2 * np.eye(len(w))
        for x, y in groups:
            z = x @ w
            p = np.exp(z - z.max())
            loss += np.log(p.sum()) + z.max() - (y / y.sum()) @ z
            p /= p.sum()
            grad += x.T @ (p - y / y.sum())
            xm = p @ x
            hess += (x * p[:, None]).T @ x - np.outer(xm, xm)
        return loss, grad, hess

    loss, grad, hess = loss_grad_hess(w)
    for _ in range(steps):
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            trial = w - scale * step
            new = loss_grad_hess(trial)
            if new[0] <= loss:
                break
            scale /= 2
        if loss - new[0] < 1e-9:
            return trial
        w, (loss, grad, hess) = trial, new
    return w
