"""The built graph is cached on disk under the weights' hash and the graph version; a
damaged file is never used; a file unchanged since it was last found intact is not hashed
again."""

from __future__ import annotations

import hashlib
import os
import shutil

import numpy as np
import pytest

from claimscope import filecache
from claimscope.encoder import E5Encoder, cache, graph
from claimscope.encoder.engine import default_model_path
from claimscope.encoder.weights import ModelFile


@pytest.fixture(scope="module")
def model():
    return ModelFile(default_model_path())


@pytest.fixture
def no_settling(monkeypatch):
    """Files count as settled as soon as they are written (the tests change them on purpose)."""
    monkeypatch.setattr(filecache, "SETTLE_NS", 0)


def test_a_second_load_reads_the_cached_graph_and_embeds_the_same(tmp_path, monkeypatch):
    first = E5Encoder(cache_dir=tmp_path)
    (cached,) = tmp_path.glob("*.onnx")
    assert cached.name.endswith(f"-g{graph.VERSION}.onnx")
    monkeypatch.setattr(graph, "build", lambda model: pytest.fail("built again"))
    again = E5Encoder(cache_dir=tmp_path)
    texts = ["Le port a rouvert lundi.", "The council approved the budget."]
    assert np.array_equal(first.encode(texts, True), again.encode(texts, True))


def test_another_graph_version_or_weights_builds_again(tmp_path, monkeypatch, no_settling):
    calls = []
    monkeypatch.setattr(graph, "build", lambda m: calls.append(1) or b"graph bytes")
    weights = tmp_path / "weights.bin"
    shutil.copyfile(default_model_path(), weights)
    folder = tmp_path / "cache"
    cache.cached_graph(ModelFile(weights), folder)
    monkeypatch.setattr(graph, "VERSION", graph.VERSION + 1)
    cache.cached_graph(ModelFile(weights), folder)
    with weights.open("ab") as f:  # other weights at the same path (a byte past the tensors)
        f.write(b"\0")
    cache.cached_graph(ModelFile(weights), folder)
    cache.cached_graph(ModelFile(weights), folder)  # now cached
    assert len(calls) == 3 and len(list(folder.glob("*.onnx"))) == 3


def test_unchanged_files_are_not_hashed_again(model, tmp_path, monkeypatch, no_settling):
    monkeypatch.setattr(graph, "build", lambda m: b"the real graph" * 100)
    cache.cached_graph(model, tmp_path)
    assert cache.cached_graph(model, tmp_path) == str(cache.graph_path(model, tmp_path))  # hashed, found intact
    monkeypatch.setattr(model, "sha256", lambda: pytest.fail("weights hashed again"))
    monkeypatch.setattr(hashlib, "file_digest", lambda *a: pytest.fail("graph hashed again"))
    assert cache.cached_graph(model, tmp_path) == str(cache.graph_path(model, tmp_path))


def test_a_file_just_written_is_hashed_again(model, tmp_path, monkeypatch):
    monkeypatch.setattr(graph, "build", lambda m: b"the real graph" * 100)
    cache.cached_graph(model, tmp_path)
    hashed = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda *a: hashed.append(1) or real(*a))
    cache.cached_graph(model, tmp_path)
    cache.cached_graph(model, tmp_path)
    assert len(hashed) == 2  # written less than SETTLE_NS ago: its times are no proof yet


@pytest.mark.parametrize("damage", ["truncate", "flip", "no checksum", "bad checksum file", "flip after a check"])
def test_a_damaged_cache_file_is_rebuilt(model, tmp_path, monkeypatch, damage):
    monkeypatch.setattr(graph, "build", lambda m: b"the real graph" * 100)
    cache.cached_graph(model, tmp_path)
    path = cache.graph_path(model, tmp_path)
    checksum = path.with_name(path.name + ".sha256")
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:50])
    elif damage == "flip":
        data = bytearray(path.read_bytes())
        data[10] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "no checksum":
        checksum.unlink()
    elif damage == "bad checksum file":
        checksum.write_text("not a checksum\n")
    else:  # found intact and remembered; then changed in place, same size, a moment later
        monkeypatch.setattr(filecache, "SETTLE_NS", 0)
        cache.cached_graph(model, tmp_path)
        assert len(checksum.read_text().splitlines()) == 2
        before = os.stat(path).st_mtime_ns
        data = bytearray(path.read_bytes())
        data[10] ^= 0xFF
        path.write_bytes(bytes(data))
        os.utime(path, ns=(before + 10**9, before + 10**9))
    assert cache.cached_graph(model, tmp_path) == b"the real graph" * 100
    assert path.read_bytes() == b"the real graph" * 100


def test_an_unwritable_folder_only_means_building(model, tmp_path, monkeypatch):
    monkeypatch.setattr(graph, "build", lambda m: b"built")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cache.cached_graph(model, blocker / "encoder") == b"built"
