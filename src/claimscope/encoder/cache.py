"""The built ONNX graph, kept on disk so that a new process does not build it again.

Writing the graph takes about 0.4 s on a quiet machine (1.5 s on a busy one). The file
``<folder>/e5-<weights sha256[:16]>-g<graph.VERSION>.onnx`` holds it, checked before
each use as ``claimscope.filecache`` says (the SHA-256 of its bytes beside it; hashed
again only when the file changed since it was last found right): other weights or
another graph version give another name, and a file whose bytes do not match its
checksum (truncated, damaged) is never used — the graph is built again and the file
rewritten. The weights' SHA-256 is remembered the same way, in
``<folder>/weights-<hash of their path>.sha256``. A folder that cannot be written only
means building every time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import filecache
from . import graph
from .weights import ModelFile


def default_folder() -> Path:
    """``encoder/`` in the user cache directory."""
    return filecache.folder("encoder")


def graph_path(model: ModelFile, folder: Path) -> Path:
    """Where the graph of ``model`` at the current graph version is cached."""
    return folder / f"e5-{weights_sha256(model, folder)[:16]}-g{graph.VERSION}.onnx"


def weights_sha256(model: ModelFile, folder: Path) -> str:
    """``model.sha256()``, remembered in ``folder`` while the weights file is unchanged."""
    where = hashlib.sha256(str(model.path.resolve()).encode()).hexdigest()[:16]
    return filecache.remembered_sha256(model.path, folder / f"weights-{where}.sha256", model.sha256)


def cached_graph(model: ModelFile, folder: Path | None = None) -> str | bytes:
    """The graph of ``model`` for ONNX Runtime: the path of the cached copy when it is
    intact (ONNX Runtime reads a file faster than the same bytes handed over), else the
    serialised graph, built (and cached)."""
    path = graph_path(model, folder or default_folder())
    if filecache.intact(path):
        return str(path)
    built = graph.build(model)
    filecache.keep(path, built)
    return built
