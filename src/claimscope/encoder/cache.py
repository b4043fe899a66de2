"""The built ONNX graph, kept on disk so that a new process does not build it again.

Writing the graph takes about 0.4 s on a quiet machine (1.5 s on a busy one). The file
``<folder>/e5-<weights sha256[:16]>-g<graph.VERSION>.onnx`` holds it, with the SHA-256
of its bytes in ``<file>.sha256``: other weights or another graph version give another
name, and a file whose bytes do not match its checksum (truncated, damaged) is never
used — the graph is built again and the file rewritten. Files are written whole (a
temporary file renamed over the old one). A folder that cannot be written only means
building every time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import graph
from .weights import ModelFile


def default_folder() -> Path:
    """``encoder/`` in the user cache directory."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimscope")) / "encoder"


def graph_path(model: ModelFile, folder: Path) -> Path:
    """Where the graph of ``model`` at the current graph version is cached."""
    return folder / f"e5-{model.sha256()[:16]}-g{graph.VERSION}.onnx"


def cached_graph(model: ModelFile, folder: Path | None = None) -> str | bytes:
    """The graph of ``model`` for ONNX Runtime: the path of the cached copy when it is
    intact (ONNX Runtime reads a file faster than the same bytes handed over), else the
    serialised graph, built (and cached)."""
    path = graph_path(model, folder or default_folder())
    if _intact(path):
        return str(path)
    built = graph.build(model)
    _write(path, built)
    return built


def _intact(path: Path) -> bool:
    try:
        data = path.read_bytes()
        expected = Path(str(path) + ".sha256").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return hashlib.sha256(data).hexdigest() == expected


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, content in ((path, data), (Path(str(path) + ".sha256"), hashlib.sha256(data).hexdigest().encode())):
            tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            tmp.write_bytes(content)
            os.replace(tmp, target)
    except OSError:
        pass  # an unwritable cache: the graph is built again next time
