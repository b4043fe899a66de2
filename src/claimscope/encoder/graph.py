"""The BERT encoder of multilingual-e5-small as an ONNX graph, weights in float32.

Inputs: ``embeddings`` [batch, length, hidden] (word embeddings, looked up by the engine
so the 250k-row table stays 4-bit) and ``mask`` [batch, length] (1 for tokens, 0 for
padding). Outputs: ``pooled`` [batch, hidden], the mean of the last layer over each text's
tokens (not normalised), ``layers`` [batch, layers, hidden], the same mean after every
layer, for heads that read intermediate layers, and ``states`` [batch, length, hidden], the
last layer's token states (token-level comparisons). ONNX Runtime computes only the
outputs a run asks for.
"""

from __future__ import annotations

from itertools import count

import numpy as np

from .weights import ModelFile

OPSET = 17
VERSION = 2  # of what build() writes: bump it with any change, so cached graphs are rebuilt


class _Builder:
    def __init__(self):
        from onnx import helper, numpy_helper  # only when building: a cached graph needs no onnx

        self.helper, self.numpy_helper = helper, numpy_helper
        self.nodes, self.constants = [], []
        self._ids = count()

    def const(self, name: str, value) -> str:
        self.constants.append(self.numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, **attrs) -> str:
        out = f"t{next(self._ids)}"
        self.nodes.append(self.helper.make_node(kind, list(inputs), [out], **attrs))
        return out


def build(model: ModelFile) -> bytes:
    """Serialised ONNX model of the encoder in ``model``."""
    from onnx import TensorProto, helper

    H, heads, eps = model.hidden, model.heads, model.eps
    head_dim = H // heads
    b = _Builder()
    f32 = lambda v: np.asarray(v, dtype=np.float32)  # noqa: E731
    i64 = lambda v: np.asarray(v, dtype=np.int64)  # noqa: E731
    b.const("one", f32(1.0)), b.const("half", f32(0.5)), b.const("inv_sqrt2", f32(2**-0.5))
    b.const("scale", f32(head_dim**-0.5)), b.const("masked", f32(-1e4))
    b.const("axis1", i64([1])), b.const("axis2", i64([2])), b.const("start", i64([0]))
    b.const("split_heads", i64([0, 0, heads, head_dim])), b.const("join_heads", i64([0, 0, H]))

    def linear(x: str, name: str, width: int) -> str:
        weight = b.const(name + ".w", model.matrix(name + ".w", width).T)
        return b.op("Add", b.op("MatMul", x, weight), b.const(name + ".b", model.raw(name + ".b")))

    def layer_norm(x: str, name: str) -> str:
        gamma, beta = b.const(name + ".w", model.raw(name + ".w")), b.const(name + ".b", model.raw(name + ".b"))
        return b.op("LayerNormalization", x, gamma, beta, axis=-1, epsilon=eps)

    def masked_mean(x: str) -> str:
        total = b.op("ReduceSum", b.op("Mul", x, mask3), "axis1", keepdims=0)
        return b.op("Div", total, b.op("ReduceSum", "mask", "axis1", keepdims=1))

    length = b.op("Shape", "embeddings", start=1, end=2)
    positions = b.op("Slice", b.const("emb.pos", model.matrix("emb.pos", H)), "start", length, "start")
    token_type = b.const("emb.type", model.matrix("emb.type", H)[0])
    x = layer_norm(b.op("Add", b.op("Add", "embeddings", positions), token_type), "emb.ln")
    mask3 = b.op("Unsqueeze", "mask", "axis2")
    bias = b.op("Mul", b.op("Sub", "one", "mask"), "masked")  # 0 for tokens, -1e4 for padding
    bias = b.op("Unsqueeze", bias, b.const("axes12", i64([1, 2])))
    pools = []
    for layer in range(model.layers):
        p = f"l{layer}."
        split = lambda t, perm: b.op("Transpose", b.op("Reshape", t, "split_heads"), perm=perm)  # noqa: E731
        q = split(linear(x, p + "q", H), [0, 2, 1, 3])
        k = split(linear(x, p + "k", H), [0, 2, 3, 1])
        v = split(linear(x, p + "v", H), [0, 2, 1, 3])
        scores = b.op("Add", b.op("Mul", b.op("MatMul", q, k), "scale"), bias)
        context = b.op("MatMul", b.op("Softmax", scores, axis=-1), v)
        context = b.op("Reshape", b.op("Transpose", context, perm=[0, 2, 1, 3]), "join_heads")
        x = layer_norm(b.op("Add", x, linear(context, p + "ao", H)), p + "aln")
        inner = linear(x, p + "fi", H)
        gelu = b.op("Mul", b.op("Mul", inner, "half"), b.op("Add", b.op("Erf", b.op("Mul", inner, "inv_sqrt2")), "one"))
        x = layer_norm(b.op("Add", x, linear(gelu, p + "fo", model.ffn)), p + "oln")
        pools.append(b.op("Unsqueeze", masked_mean(x), "axis1"))
    b.nodes.append(helper.make_node("Squeeze", [pools[-1], "axis1"], ["pooled"]))
    b.nodes.append(helper.make_node("Concat", pools, ["layers"], axis=1))
    b.nodes.append(helper.make_node("Identity", [x], ["states"]))
    graph = helper.make_graph(
        b.nodes,
        "multilingual-e5-small",
        [
            helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", "length", H]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "length"]),
        ],
        [
            helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", H]),
            helper.make_tensor_value_info("layers", TensorProto.FLOAT, ["batch", model.layers, H]),
            helper.make_tensor_value_info("states", TensorProto.FLOAT, ["batch", "length", H]),
        ],
        b.constants,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)]).SerializeToString()
