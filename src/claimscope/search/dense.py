"""Dense vector search over L2-normalised embeddings (a dot product is a cosine).

Two interchangeable indexes:

- ``DenseIndex``: exact search over an in-memory float32 matrix; right up to a few
  hundred thousand records (25k records: 38 MB, about 2 ms a query).
- ``AnnIndex``: an HNSW graph (usearch) over int8-quantised vectors for collections
  of a million records and more: about 0.4 KB a record plus the graph. e5 queries
  and passages are far apart (the "query:" and "passage:" prefixes), which makes the
  graph walk miss neighbours at the usual search width: with ``expansion_search``
  512, 99% of the exact top 10 are among its top 100 (128: 91%). It saves to
  one file and reopens memory-mapped (``AnnIndex.open``), so opening is instant and
  memory stays bounded until the index is changed.

Both keep running moments of the collection (count, sum, sum of outer products), so
that a query's cosine to a random record — its mean and spread — is known exactly in
O(dim^2) whatever the collection size. That is the anisotropy correction used to turn
raw e5 cosines, bunched between 0.75 and 0.9, into comparable z-scores.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def row_dots(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Each row's dot product with ``query``, every row summed the same way (numpy's own
    loop, as fast as BLAS here): a BLAS product sums a row differently with its place in
    the matrix and the machine's threads, so a candidate's cosine would depend on the
    other candidates and on the machine."""
    return np.einsum("ij,j->i", np.asarray(vectors, dtype=np.float32), np.asarray(query, dtype=np.float32))


class _Moments:
    """Running first and second moments of a set of vectors."""

    def __init__(self, dim: int):
        self.n = 0
        self.s1 = np.zeros(dim, dtype=np.float64)
        self.s2 = np.zeros((dim, dim), dtype=np.float64)
        self._spread: tuple[np.ndarray, np.ndarray] | None = None  # (mean, covariance), made by the first query

    def update(self, vectors: np.ndarray, sign: int = 1) -> None:
        self._spread = None
        v = np.asarray(vectors, dtype=np.float64)
        self.n += sign * len(v)
        self.s1 += sign * v.sum(axis=0)
        self.s2 += sign * (v.T @ v)

    def centroid(self) -> np.ndarray:
        return self.s1 / self.n if self.n else self.s1

    def background(self, query: np.ndarray) -> tuple[float, float]:
        q = np.asarray(query, dtype=np.float64)
        if self.n < 2:
            return 0.0, 1.0
        if self._spread is None:
            mean = self.s1 / self.n
            self._spread = mean, (self.s2 - self.n * np.outer(mean, mean)) / (self.n - 1)
        mean, cov = self._spread
        return float(q @ mean), float(np.sqrt(max(q @ cov @ q, 1e-12)))

    def to_bytes(self) -> bytes:
        return np.concatenate([[float(self.n)], self.s1, self.s2.ravel()]).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, dim: int) -> "_Moments":
        flat = np.frombuffer(data, dtype=np.float64)
        if len(flat) != 1 + dim + dim * dim:
            raise ValueError("moments of another dimension")
        moments = cls(dim)
        moments.n, moments.s1, moments.s2 = int(flat[0]), flat[1 : dim + 1].copy(), flat[dim + 1 :].reshape(dim, dim).copy()
        return moments


class DenseIndex:
    """Exact top-k search over (key, vector) pairs; insert, replace and remove by key."""

    def __init__(self, dim: int):
        self.dim = dim
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._keys = np.zeros(0, dtype=np.int64)
        self._pos: dict[int, int] = {}
        self._moments = _Moments(dim)

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, keys: list[int], vectors: np.ndarray, moments: bool = True) -> None:
        """Insert or replace vectors by key (``moments=False``: the collection's moments are
        not updated; ``set_moments`` gives them afterwards, e.g. ones saved earlier)."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        self.remove([k for k in keys if k in self._pos])
        if moments:
            self._moments.update(vectors)
        start = len(self._keys)
        # a read-only matrix (the stored vectors, on open) is taken as it is into an empty
        # index: no copy of tens of MB; nothing can change it under the index
        self._vectors = vectors if not start and not vectors.flags.writeable else np.vstack([self._vectors, vectors])
        self._keys = np.concatenate([self._keys, np.asarray(keys, dtype=np.int64)])
        self._pos.update({int(k): start + i for i, k in enumerate(keys)})

    def remove(self, keys: list[int]) -> None:
        """Delete vectors by key (unknown keys are ignored)."""
        drop = [self._pos[k] for k in keys if k in self._pos]
        if not drop:
            return
        self._moments.update(self._vectors[drop], sign=-1)
        keep = np.ones(len(self._keys), dtype=bool)
        keep[drop] = False
        self._vectors, self._keys = self._vectors[keep], self._keys[keep]
        self._pos = {int(k): i for i, k in enumerate(self._keys)}

    def search(self, query: np.ndarray, k: int = 100) -> list[tuple[int, float]]:
        """Top ``k`` (key, cosine) pairs, best first."""
        return self._top(self._vectors @ np.asarray(query, dtype=np.float32), k)

    def search_many(self, queries: np.ndarray, k: int = 100) -> list[list[tuple[int, float]]]:
        """``search`` for each row of ``queries``: one matrix product answers many queries
        (in blocks of at most 16M similarities, 64 MB)."""
        queries = np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)
        k = min(k, len(self._keys))
        if k == 0:
            return [[] for _ in queries]
        out = []
        step = max(1, (1 << 24) // len(self._keys))
        for start in range(0, len(queries), step):
            sims = queries[start : start + step] @ self._vectors.T
            out.extend(self._top(row, k) for row in sims)
        return out

    def _top(self, sims: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` best (key, similarity) pairs of ``sims`` (one per stored vector), best
        first; equal similarities (a passage stored twice) in key order, also where they
        straddle the k-th place."""
        k = min(k, len(sims))
        if k == 0:
            return []
        kth = np.partition(sims, len(sims) - k)[len(sims) - k]
        top = np.flatnonzero(sims >= kth)
        top = top[np.lexsort((self._keys[top], -sims[top]))][:k]
        return [(int(self._keys[i]), float(sims[i])) for i in top]

    def items(self) -> tuple[list[int], np.ndarray]:
        """Every key and its vector (rows in the same order)."""
        return [int(k) for k in self._keys], self._vectors

    def cosines(self, query: np.ndarray, keys: list[int]) -> np.ndarray:
        """Cosine of ``query`` to the vectors of ``keys`` (all must be indexed)."""
        return row_dots(self._vectors[[self._pos[k] for k in keys]], query)

    def background(self, query: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of the query's cosine over the whole collection."""
        return self._moments.background(query)

    def centroid(self) -> np.ndarray:
        """The mean vector of the collection (for centred cosines)."""
        return self._moments.centroid()

    def moments_bytes(self) -> bytes:
        """The collection moments, to save (``set_moments`` reads them back)."""
        return self._moments.to_bytes()

    def set_moments(self, data: bytes) -> None:
        self._moments = _Moments.from_bytes(data, self.dim)


class AnnIndex:
    """Approximate top-k search (usearch HNSW, int8 vectors) with the DenseIndex interface."""

    def __init__(self, dim: int, connectivity: int = 16, expansion_search: int = 512):
        self.dim = dim
        self._index = self._new(connectivity, expansion_search)
        self._moments = _Moments(dim)
        self._viewed: Path | None = None  # the file the index is memory-mapped from

    def _new(self, connectivity: int, expansion_search: int):
        # onnxruntime (the embedder) must be loaded before usearch: usearch 2.26.6's module
        # exports its own copy of the C++ standard library, and importing onnxruntime after
        # it crashes the process (tests/search/test_ann.py::test_embedder_loads_after_usearch).
        import onnxruntime  # noqa: F401
        from usearch.index import Index

        return Index(
            ndim=self.dim, metric="ip", dtype="i8", connectivity=connectivity, expansion_search=expansion_search
        )

    @classmethod
    def open(cls, path: str | Path, dim: int, moments: bytes, connectivity: int = 16, expansion_search: int = 512) -> "AnnIndex":
        """A saved index, memory-mapped (read from disk as searched, copied in memory
        only when changed); ``moments`` is what ``moments_bytes`` returned when it was saved."""
        ann = cls(dim, connectivity, expansion_search)
        ann._index.view(str(path))
        if ann._index.ndim != dim:
            raise ValueError(f"{path} holds {ann._index.ndim}-dimensional vectors, not {dim}")
        ann._index.expansion_search = expansion_search
        ann._moments = _Moments.from_bytes(moments, dim)
        ann._viewed = Path(path)
        return ann

    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` (a temporary file renamed over it, so a reader
        never sees half a file)."""
        tmp = Path(str(path) + ".tmp")
        self._index.save(str(tmp))
        os.replace(tmp, path)

    @property
    def memory_mapped(self) -> bool:
        """True while the index is searched straight from its file (not yet changed)."""
        return self._viewed is not None

    def moments_bytes(self) -> bytes:
        """The collection moments, to save beside the index file."""
        return self._moments.to_bytes()

    def _writable(self) -> None:
        if self._viewed is not None:
            index = self._new(self._index.connectivity, self._index.expansion_search)
            index.load(str(self._viewed))
            self._index, self._viewed = index, None

    def __len__(self) -> int:
        return len(self._index)

    def add(self, keys: list[int], vectors: np.ndarray, threads: int = 0) -> None:
        """Insert or replace vectors by key."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        self._writable()
        self.remove([k for k in keys if k in self._index])
        self._moments.update(vectors)
        self._index.add(np.asarray(keys, dtype=np.uint64), vectors, threads=threads)

    def remove(self, keys: list[int]) -> None:
        """Delete vectors by key (unknown keys are ignored)."""
        present = [k for k in keys if k in self._index]
        if present:
            self._writable()
            old = self._index.get(np.asarray(present, dtype=np.uint64), dtype=np.float32)
            self._moments.update(np.asarray(old).reshape(-1, self.dim), sign=-1)
            self._index.remove(np.asarray(present, dtype=np.uint64))

    def search(self, query: np.ndarray, k: int = 100) -> list[tuple[int, float]]:
        """Approximate top ``k`` (key, cosine) pairs, best first."""
        if len(self) == 0:
            return []
        found = self._index.search(np.asarray(query, dtype=np.float32), min(k, len(self)))
        return [(int(key), 1.0 - float(dist)) for key, dist in zip(found.keys, found.distances)]

    def search_many(self, queries: np.ndarray, k: int = 100) -> list[list[tuple[int, float]]]:
        """``search`` for each row of ``queries``."""
        return [self.search(q, k) for q in np.asarray(queries, dtype=np.float32).reshape(-1, self.dim)]

    def cosines(self, query: np.ndarray, keys: list[int]) -> np.ndarray:
        """Cosine of ``query`` to the (dequantised) vectors of ``keys``."""
        vecs = self._index.get(np.asarray(keys, dtype=np.uint64), dtype=np.float32)
        return row_dots(np.asarray(vecs, dtype=np.float32).reshape(len(keys), self.dim), query)

    def background(self, query: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of the query's cosine over the whole collection."""
        return self._moments.background(query)

    def centroid(self) -> np.ndarray:
        """The mean vector of the collection (for centred cosines)."""
        return self._moments.centroid()
