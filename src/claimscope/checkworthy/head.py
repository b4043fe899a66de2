"""The check-worthiness head: a small model over sentence embeddings and hand features.

A head is plain numpy arrays (saved as ``.npz``): the hand features are
standardised with ``feat_mean``/``feat_scale`` (a scale above the features' spread
weakens them, an infinite one drops them), appended to the sentence embedding, and
fed through ``layers`` (ReLU between layers). A head may also keep a ``memory`` of
labelled training embeddings: the labels of a sentence's ``neighbours`` nearest
memory rows give a second logit (the log ratio of the neighbours' share of positives
to the training share), and ``mix`` weighs the two logits before the sigmoid.
Scoring needs numpy only; training (``claimscope.checkworthy.train``) needs
scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import InputError

SHIPPED = "news"


@dataclass(frozen=True)
class Head:
    """A trained scorer; ``threshold`` turns a score into the check-worthy label."""

    name: str
    trained_on: str
    threshold: float
    feat_mean: np.ndarray
    feat_scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    memory: np.ndarray | None = None  # (n, dim) unit vectors of training sentences
    memory_labels: np.ndarray | None = None  # (n,) 0/1
    neighbours: int = 10
    mix: tuple[float, float] = (1.0, 0.0)  # weights of the layers' and the neighbours' logits

    def inputs(self, vectors: np.ndarray, feats: np.ndarray) -> np.ndarray:
        """The model input: embeddings followed by standardised hand features."""
        return np.hstack([vectors, (feats - self.feat_mean) / self.feat_scale]).astype(np.float32)

    def scores(self, vectors: np.ndarray, feats: np.ndarray) -> np.ndarray:
        """Check-worthiness in 0..1, one per row."""
        logit = self.mix[0] * self.layer_logits(vectors, feats)
        if self.memory is not None and self.mix[1]:
            logit = logit + self.mix[1] * self.neighbour_logits(vectors)
        return 1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30)))

    def layer_logits(self, vectors: np.ndarray, feats: np.ndarray) -> np.ndarray:
        """The layers' output before the sigmoid, one per row."""
        x = self.inputs(vectors, feats)
        for i, (weights, bias) in enumerate(self.layers):
            x = x @ weights + bias
            if i < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        return x[:, 0]

    def neighbour_logits(self, vectors: np.ndarray) -> np.ndarray:
        """log((p/prior + 0.05) / ((1-p)/(1-prior) + 0.05)), p = share of positives
        among the ``neighbours`` most similar memory rows, prior = share in the memory."""
        memory = np.asarray(self.memory, dtype=np.float32)
        labels = np.asarray(self.memory_labels, dtype=np.float32)
        k, prior, out = min(self.neighbours, len(labels)), float(labels.mean()), []
        for start in range(0, len(vectors), 1024):
            sims = np.asarray(vectors[start:start + 1024], dtype=np.float32) @ memory.T
            nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            share = labels[nearest].mean(1)
            out.append(np.log((share / prior + 0.05) / ((1 - share) / (1 - prior) + 0.05)))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.float32)

    def save(self, path: str | Path) -> None:
        arrays = {f"w{i}": w for i, (w, _) in enumerate(self.layers)}
        arrays |= {f"b{i}": b for i, (_, b) in enumerate(self.layers)}
        if self.memory is not None:
            arrays |= {"memory": np.asarray(self.memory, dtype=np.float16),
                       "memory_labels": np.asarray(self.memory_labels, dtype=np.int8),
                       "neighbours": np.array(self.neighbours), "mix": np.array(self.mix)}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, name=np.array(self.name), trained_on=np.array(self.trained_on),
            threshold=np.array(self.threshold), feat_mean=self.feat_mean,
            feat_scale=self.feat_scale, **arrays,
        )

    @classmethod
    def load(cls, path: str | Path) -> Head:
        """Read a head written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as z:
                n = sum(1 for k in z.files if k.startswith("w"))
                layers = tuple((z[f"w{i}"], z[f"b{i}"]) for i in range(n))
                memory = {}
                if "memory" in z.files:
                    memory = {"memory": z["memory"].astype(np.float32), "memory_labels": z["memory_labels"],
                              "neighbours": int(z["neighbours"]), "mix": tuple(float(m) for m in z["mix"])}
                return cls(str(z["name"]), str(z["trained_on"]), float(z["threshold"]),
                           z["feat_mean"], z["feat_scale"], layers, **memory)
        except (OSError, KeyError, ValueError) as exc:
            raise InputError(f"cannot read check-worthiness head {path}: {exc}; rebuild it "
                             "with python -m claimscope.checkworthy.train") from exc


def user_head_path() -> Path:
    """Where ``python -m claimscope.checkworthy.train --clef DIR`` writes its head."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("claimscope")) / "checkworthy" / "clef.npz"


def shipped_head_path():
    return resources.files("claimscope") / "data" / "checkworthy" / "heads" / f"{SHIPPED}.npz"


def load_head(path: str | Path | None = None) -> Head:
    """The head to score with: ``path`` when given (e.g. the CLEF-trained head at
    :func:`user_head_path`, named by ``Settings.checkworthy_head`` or
    $CLAIMSCOPE_CHECKWORTHY_HEAD), else the head shipped in the package. A head on disk
    is never picked up unless named."""
    if path:
        if not Path(path).is_file():
            raise InputError(f"check-worthiness head {path} does not exist; give the path "
                             "of a .npz written by python -m claimscope.checkworthy.train")
        return Head.load(path)
    with resources.as_file(shipped_head_path()) as shipped:
        return Head.load(shipped)
