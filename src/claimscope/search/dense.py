"""Dense vector search: exact inner product over an in-memory matrix.

Vectors are L2-normalised float32, so the inner product is a cosine. The index also
keeps the collection's mean vector and covariance so that a query's cosine to a random
record (its mean and spread) is known in O(dim^2) whatever the collection size: that
is the anisotropy correction used to turn raw cosines, which e5 bunches between 0.75
and 0.9, into comparable z-scores.
"""

from __future__ import annotations

import numpy as np


class DenseIndex:
    """An append/replace/remove set of (key, vector) pairs with exact top-k search."""

    def __init__(self, dim: int):
        self.dim = dim
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._keys = np.zeros(0, dtype=np.int64)
        self._pos: dict[int, int] = {}
        self._stats: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, keys: list[int], vectors: np.ndarray) -> None:
        """Insert or replace vectors by key."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        fresh_keys, fresh_rows = [], []
        for key, vec in zip(keys, vectors):
            if key in self._pos:
                self._vectors[self._pos[key]] = vec
            else:
                self._pos[key] = len(self._keys) + len(fresh_keys)
                fresh_keys.append(key)
                fresh_rows.append(vec)
        if fresh_keys:
            self._vectors = np.vstack([self._vectors, np.stack(fresh_rows)])
            self._keys = np.concatenate([self._keys, np.asarray(fresh_keys, dtype=np.int64)])
        self._stats = None

    def remove(self, keys: list[int]) -> None:
        """Delete vectors by key (unknown keys are ignored)."""
        drop = {self._pos[k] for k in keys if k in self._pos}
        if not drop:
            return
        keep = np.asarray([i for i in range(len(self._keys)) if i not in drop], dtype=np.int64)
        self._vectors, self._keys = self._vectors[keep], self._keys[keep]
        self._pos = {int(k): i for i, k in enumerate(self._keys)}
        self._stats = None

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Cosine of ``query`` to every vector, in index order (see ``keys``)."""
        return self._vectors @ np.asarray(query, dtype=np.float32)

    @property
    def keys(self) -> np.ndarray:
        """Keys in index order."""
        return self._keys

    def search(self, query: np.ndarray, k: int = 100) -> list[tuple[int, float]]:
        """Top ``k`` (key, cosine) pairs, best first."""
        sims = self.scores(query)
        k = min(k, len(sims))
        if k == 0:
            return []
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return [(int(self._keys[i]), float(sims[i])) for i in top]

    def background(self, query: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of the query's cosine over the whole collection."""
        if self._stats is None:
            mean = self._vectors.mean(axis=0) if len(self) else np.zeros(self.dim, np.float32)
            centred = self._vectors - mean
            cov = centred.T @ centred / max(len(self) - 1, 1)
            self._stats = (mean, cov)
        mean, cov = self._stats
        q = np.asarray(query, dtype=np.float32)
        return float(q @ mean), float(np.sqrt(max(q @ cov @ q, 1e-12)))
