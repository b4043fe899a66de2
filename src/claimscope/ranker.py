"""Small learned choosers over named features (see docs/evaluation.md, "Learned choices").

A stage that has several candidates for one decision (which words are the speaker of a
cue, which earlier person a pronoun is, which source a chain starts from) describes each
candidate with a few named features — ``{"after_cue": 1, "lang=ru": 1, "tokens": 3}`` —
and a ``Ranker`` picks the candidate with the highest linear score. The weights are
fitted offline (``fit``, needs scikit-learn) on the ``dev`` articles by another hand and
shipped as JSON under ``claimscope/data``; scoring needs only the Python standard library.

``leave_one_group_out`` gives the held-out score of every candidate when each group
(an article) is scored by a ranker fitted on all the other groups: that is the figure to
report for a ranker fitted on dev, before looking at test.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError

Features = Mapping[str, float]

FORMAT = "claimscope-ranker"


@dataclass(frozen=True)
class Ranker:
    """A linear score over named features; unknown feature names weigh nothing."""

    name: str
    weights: Mapping[str, float]
    bias: float = 0.0
    trained_on: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)

    def score(self, features: Features) -> float:
        return self.bias + math.fsum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Features) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))

    def best(self, candidates: Sequence[Features]) -> int | None:
        """Index of the highest-scoring candidate (the first on a tie), None when empty."""
        if not candidates:
            return None
        scores = [self.score(c) for c in candidates]
        return max(range(len(scores)), key=lambda i: (scores[i], -i))

    def save(self, path: str | Path) -> None:
        payload = {
            "format": FORMAT,
            "name": self.name,
            "trained_on": self.trained_on,
            "meta": dict(self.meta),
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6},
        }
        Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Ranker:
        try:
            payload = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read ranker {path}: {exc}") from exc
        if payload.get("format") != FORMAT:
            raise InputError(f"{path} is not a claimscope ranker")
        return cls(payload["name"], dict(payload["weights"]), float(payload["bias"]),
                   payload.get("trained_on", ""), dict(payload.get("meta", {})))


@lru_cache(maxsize=None)
def shipped(relative: str) -> Ranker:
    """The ranker shipped in the package at ``claimscope/data/<relative>``."""
    return Ranker.load(Path(__file__).resolve().parent / "data" / relative)


def fit(rows: Sequence[Features], labels: Sequence[int], *, name: str, trained_on: str,
        c: float = 1.0, balanced: bool = True) -> Ranker:
    """An L2 logistic regression (strength ``1/c``) of ``labels`` (0/1) on ``rows``.

    For a chooser, give one row per candidate, label 1 for the right candidate of each
    decision and 0 for the others. One BLAS thread, so the weights are the same on every
    machine."""
    try:
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits
    except ImportError as exc:
        raise InputError("fitting a ranker needs scikit-learn: pip install 'claimscope[train]'") from exc
    import numpy as np

    names = sorted({k for row in rows for k in row})
    index = {k: i for i, k in enumerate(names)}
    matrix = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for k, v in row.items():
            matrix[r, index[k]] = v
    y = np.asarray(labels, dtype=int)
    if len(set(y.tolist())) < 2:
        raise InputError("fitting a ranker needs both positive and negative rows")
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None)
    with threadpool_limits(limits=1, user_api="blas"):
        model.fit(matrix, y)
    weights = {k: float(w) for k, w in zip(names, model.coef_[0])}
    return Ranker(name, weights, float(model.intercept_[0]), trained_on, {"c": c, "rows": len(rows)})


def leave_one_group_out(rows: Sequence[Features], labels: Sequence[int], groups: Sequence[str],
                        **fit_args) -> list[float]:
    """Held-out score of every row: each group's rows scored by a ranker fitted on the
    rows of all the other groups."""
    scores = [0.0] * len(rows)
    for group in _unique(groups):
        train = [i for i, g in enumerate(groups) if g != group]
        ranker = fit([rows[i] for i in train], [labels[i] for i in train], **fit_args)
        for i, g in enumerate(groups):
            if g == group:
                scores[i] = ranker.score(rows[i])
    return scores


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
