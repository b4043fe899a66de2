"""The built graph is cached on disk under the weights' hash and the graph version; a
damaged file is never used."""

from __future__ import annotations

import numpy as np
import pytest

from claimscope.encoder import E5Encoder, cache, graph
from claimscope.encoder.engine import default_model_path
from claimscope.encoder.weights import ModelFile


@pytest.fixture(scope="module")
def model():
    return ModelFile(default_model_path())


def test_a_second_load_reads_the_cached_graph_and_embeds_the_same(tmp_path, monkeypatch):
    first = E5Encoder(cache_dir=tmp_path)
    (cached,) = tmp_path.glob("*.onnx")
    assert cached.name.endswith(f"-g{graph.VERSION}.onnx")
    monkeypatch.setattr(graph, "build", lambda model: pytest.fail("built again"))
    again = E5Encoder(cache_dir=tmp_path)
    texts = ["Le port a rouvert lundi.", "The council approved the budget."]
    assert np.array_equal(first.encode(texts, True), again.encode(texts, True))


def test_another_graph_version_or_weights_builds_again(model, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(graph, "build", lambda m: calls.append(1) or b"graph bytes")
    cache.cached_graph(model, tmp_path)
    monkeypatch.setattr(graph, "VERSION", graph.VERSION + 1)
    cache.cached_graph(model, tmp_path)
    monkeypatch.setattr(model, "sha256", lambda: "0" * 64)
    cache.cached_graph(model, tmp_path)
    cache.cached_graph(model, tmp_path)  # now cached
    assert len(calls) == 3 and len(list(tmp_path.glob("*.onnx"))) == 3


@pytest.mark.parametrize("damage", ["truncate", "flip", "no checksum"])
def test_a_damaged_cache_file_is_rebuilt(model, tmp_path, monkeypatch, damage):
    monkeypatch.setattr(graph, "build", lambda m: b"the real graph" * 100)
    cache.cached_graph(model, tmp_path)
    path = cache.graph_path(model, tmp_path)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:50])
    elif damage == "flip":
        data = bytearray(path.read_bytes())
        data[10] ^= 0xFF
        path.write_bytes(bytes(data))
    else:
        path.with_name(path.name + ".sha256").unlink()
    assert cache.cached_graph(model, tmp_path) == b"the real graph" * 100
    assert path.read_bytes() == b"the real graph" * 100


def test_an_unwritable_folder_only_means_building(model, tmp_path, monkeypatch):
    monkeypatch.setattr(graph, "build", lambda m: b"built")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cache.cached_graph(model, blocker / "encoder") == b"built"
