"""The packed model file reader: 4-bit expansion and damaged files."""

import numpy as np
import pytest

from claimscope.encoder.engine import default_model_path
from claimscope.encoder.weights import Q4_BLOCK, ModelFile, ModelFileError, dequantize


def test_dequantize_one_block():
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["scale"] = 0.5
    block["nibbles"][0] = np.arange(16, dtype=np.uint8) | (np.arange(16, dtype=np.uint8)[::-1] << 4)
    values = dequantize(block, 32)[0]
    assert values[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert values[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_shipped_model_sizes_and_vocabulary():
    model = ModelFile(default_model_path())
    assert (model.hidden, model.layers, model.heads, model.ffn) == (384, 12, 12, 1536)
    vocab = model.vocabulary
    assert vocab.pieces[vocab.bos] == "<s>" and vocab.pieces[vocab.eos] == "</s>"
    assert len(vocab.pieces) == len(vocab.scores) <= model.vocab_size  # the embedding table is padded
    assert model.matrix("l0.q.w", 384).shape == (384, 384)
    assert model.matrix("l0.fo.w", 1536).shape == (384, 1536)
    with pytest.raises(ModelFileError, match="no tensor"):
        model.raw("l99.q.w")


@pytest.mark.parametrize(
    "content, message",
    [(b"", "cannot read"), (b"GGUF" + b"\0" * 64, "not a packed e5 model"), (b"E5S1\1\0\0\0" + b"\0" * 10, "truncated")],
)
def test_damaged_files(tmp_path, content, message):
    path = tmp_path / "model.bin"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=message):
        ModelFile(path)


def test_truncated_copy_of_the_real_file(tmp_path):
    path = tmp_path / "cut.bin"
    path.write_bytes(default_model_path().read_bytes()[:5_000_000])
    with pytest.raises(ModelFileError, match="truncated or damaged"):
        ModelFile(path)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="cannot read"):
        ModelFile(tmp_path / "absent.bin")
