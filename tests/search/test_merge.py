"""Merging an article's sentence hits per record (``fusion.merge_texts``)."""

import pytest

from claimscope.search.candidates import SearchHit


def hit(rid, confidence, cosine):
    return SearchHit(rid, score=1.0, confidence=confidence, cosine=cosine, bm25=0.0)


def test_weak_sentences_add_nothing_below_the_evidence_floor():
    from claimscope.search.fusion import merge_texts

    # one sentence states the claim (0.5); three context sentences are each weakly closest to it
    results = [[hit("case", 0.5, 0.9)], [hit("case", 0.1, 0.8)], [hit("case", 0.1, 0.8)], [hit("other", 0.3, 0.85)]]
    plain = dict((h.id, h.confidence) for h, _ in merge_texts(results))
    floored = dict((h.id, h.confidence) for h, _ in merge_texts(results, floor=0.2))
    assert plain["case"] == pytest.approx(1 - 0.5 * 0.9 * 0.9)
    assert floored["case"] == pytest.approx(0.5) and floored["other"] == pytest.approx(0.3)
    # two sentences that each find the case clearly still gather their evidence
    strong = merge_texts([[hit("case", 0.4, 0.9)], [hit("case", 0.3, 0.88)]], floor=0.2)
    assert strong[0][0].confidence == pytest.approx(1 - 0.6 * 0.7) and strong[0][1] == 0


def test_a_record_only_weakly_found_keeps_its_best_confidence():
    from claimscope.search.fusion import merge_texts

    merged = merge_texts([[hit("case", 0.05, 0.7)], [hit("case", 0.1, 0.75)]], floor=0.2)
    assert merged[0][0].confidence == pytest.approx(0.1) and merged[0][1] == 1


def test_a_merged_hit_lists_every_sentence_that_found_it_first():
    from claimscope.search.fusion import merge_texts

    results = [[hit("case", 0.4, 0.9), hit("other", 0.3, 0.8)], [hit("other", 0.2, 0.85)], [hit("case", 0.1, 0.7)]]
    merged = {h.id: h for h, _ in merge_texts(results, floor=0.2)}
    assert merged["case"].found_by == ((0, 0.4), (2, 0.1))  # a sentence under the floor is listed, not counted
    assert merged["other"].found_by == ((1, 0.2),)  # sentence 0 found it second: no evidence
    assert merged["case"].confidence == pytest.approx(0.4)
