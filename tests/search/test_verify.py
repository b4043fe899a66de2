"""The single-query verifier (search/verify.py): token alignment of a query and a
fact-check passage, and the hits a plain search then shows."""

import numpy as np
import pytest

from claimscope.embed import default_embedder
from claimscope.ranker import shipped
from claimscope.search.index import SearchIndex
from claimscope.search.records import SearchRecord
from claimscope.search.verify import FILE, VERIFIED, Verifier, features, for_embedder

RECORDS = [
    SearchRecord("bridge", "The new river bridge in the capital was closed because it is sinking into the mud.",
                 date="2019-04-02"),
    SearchRecord("bridge-toll", "Drivers will pay a toll of ten euros to cross the new river bridge in the capital.",
                 date="2019-04-05"),
    SearchRecord("owls", "A photo shows an owl that learned to open car doors.", date="2020-01-10"),
]


@pytest.fixture(scope="module")
def embedder():
    return default_embedder()


@pytest.fixture(scope="module")
def verifier(embedder):
    found = for_embedder(embedder)
    assert found is not None
    return found


def test_shipped_verifier_is_readable():
    ranker = shipped(FILE)
    assert set(ranker.weights) == set(features(0.5, 0.5))
    assert ranker.weights["align_precision"] > 0 and ranker.weights["conf_logit"] > 0
    assert 0 < ranker.meta["threshold"] < 1 and len(ranker.meta["centre"]) == 384


def test_precision_prefers_the_same_claim(verifier):
    query = verifier.content("Le nouveau pont de la capitale a été fermé parce qu'il s'enfonce dans la boue.", True)
    same, other = (verifier.content(r.claim, False) for r in RECORDS[:2])
    assert 0 <= verifier.precision(query, other) < verifier.precision(query, same) <= 1
    assert verifier.precision(query, np.zeros((0, 384), np.float32)) == 0.0


def test_hopeless_hits_are_not_aligned(verifier):
    class Refusing:  # an encoder that must not be called
        tokenizer = verifier.encoder.tokenizer

        def token_states(self, texts, is_query):
            raise AssertionError("aligned a hit that could not be shown")

    quiet = Verifier(Refusing(), verifier.ranker)
    assert not quiet.could_pass(1e-6) and verifier.could_pass(0.9)
    assert quiet.verify("anything", [1e-6, 1e-5], ["a passage", "another"]) == [None, None]


def test_search_shows_verified_hits(tmp_path, embedder):
    index = SearchIndex(tmp_path / "v.search.sqlite", embedder)
    index.upsert(RECORDS)
    text = "The new bridge over the river in the capital was closed: it is sinking into the mud."
    plain = index.search(text, k=3, min_confidence=0.0)  # a given threshold: nothing verified
    shown = index.search(text, k=3)
    assert [h.id for h in plain] == ["bridge", "bridge-toll", "owls"]
    assert [h.id for h in shown] == ["bridge"]  # the same-topic case is not shown
    assert shown[0].confidence > plain[0].confidence >= index.verifier().threshold  # the verifier's confidence
    assert len(shown) <= VERIFIED
    index.close()


def test_no_verifier_without_token_states():
    class Plain:
        name, dim = "multilingual-e5-small-q4-onnx", 384

    assert for_embedder(Plain()) is None


def test_threads_and_kept_passages_change_nothing(verifier):
    text = "Le nouveau pont de la capitale a été fermé parce qu'il s'enfonce dans la boue."
    passages = [r.claim for r in RECORDS]
    confidences = [0.6, 0.3, 0.05]
    alone = Verifier(verifier.encoder, verifier.ranker, workers=1).verify(text, confidences, passages)
    together = Verifier(verifier.encoder, verifier.ranker, workers=2)
    assert together.verify(together.begin(text), confidences, passages) == alone
    assert together.verify(text, confidences, passages) == alone  # every passage kept from the first call


def test_a_kept_passage_is_not_encoded_again(verifier):
    class Counting:
        tokenizer = verifier.encoder.tokenizer
        calls = 0

        def token_states(self, texts, is_query):
            Counting.calls += 1
            return verifier.encoder.token_states(texts, is_query)

    counted = Verifier(Counting(), verifier.ranker)
    first = counted.verify("A bridge sank into the mud.", [0.5], [RECORDS[0].claim])
    assert Counting.calls == 2  # the query and the passage
    assert counted.verify("A bridge sank into the mud.", [0.5], [RECORDS[0].claim]) == first
    assert Counting.calls == 3  # the query only
    counted.forget()
    counted.verify("A bridge sank into the mud.", [0.5], [RECORDS[0].claim])
    assert Counting.calls == 5


def test_one_encoder_run_gives_the_query_vector_and_pieces(tmp_path, embedder):
    encoder = embedder.encoder()
    text = "The new bridge over the river in the capital was closed: it is sinking into the mud."
    vector, ids, states = encoder.encode_with_states(text, True)
    assert np.array_equal(vector, embedder.embed_queries([text])[0])
    assert encoder.encode_with_states("word " * 600, True) is None  # read in windows: embedded apart
    alone_ids, alone_states = encoder.token_states([text], True)[0]
    assert ids == alone_ids and np.array_equal(states, alone_states)
    index = SearchIndex(tmp_path / "s.search.sqlite", embedder)
    index.upsert(RECORDS)
    assert index.prepare(text) == text  # searched as written: the verifier's run embeds it
    given = index.search(text, k=3, vector=embedder.embed_queries([text])[0])
    assert index.search(text, k=3) == given and [h.id for h in given] == ["bridge"]
    index.close()
