"""The claims stage over hand-built documents (real embedder, shipped head)."""

import pytest

from claimscope.model import Attribution
from claimscope.pipeline import Pipeline
from claimscope.stages.claims import ClaimsStage, link_attributions, ranked, sentence_text
from tests.claims.helpers import document

TEXT = (
    "The health ministry said 312 people were admitted to hospital last week.\n"
    "What happens next is anyone's guess.\n"
    "Photo: Reuters.\n"
    "Exports fell by a third after the port was closed because of the strike."
)


@pytest.fixture(scope="module")
def stage():
    return ClaimsStage()


@pytest.fixture(scope="module")
def scored(stage):
    return stage(document(TEXT, "en"))


def test_every_sentence_gets_a_claim(scored):
    assert len(scored.claims) == len(scored.sentences) == 4
    for i, claim in enumerate(scored.claims):
        assert claim.sentence == i
        assert (claim.start, claim.end) == (scored.sentences[i].start, scored.sentences[i].end)
        assert 0.0 <= claim.score <= 1.0
        assert claim.stage.startswith("claims@1+")


def test_labels_reasons_and_ranking(scored):
    labels = [c.checkworthy for c in scored.claims]
    assert labels == [True, False, False, True]
    assert {"number", "reported"} <= set(scored.claims[0].reasons)
    assert "causal" in scored.claims[3].reasons and "comparison" in scored.claims[3].reasons
    top = ranked(scored)
    assert [c.sentence for c in top] == sorted((0, 3), key=lambda i: -scored.claims[i].score)


def test_vectors_are_stored_and_reused(stage, scored):
    assert scored.sentence_vectors.shape == (4, 384)
    again = stage(scored)
    assert again.sentence_vectors is scored.sentence_vectors
    assert [c.score for c in again.claims] == [c.score for c in scored.claims]


def test_empty_document(stage):
    doc = stage(document("", "en"))
    assert doc.claims == () and doc.sentence_vectors.shape == (0, 384)


def test_whitespace_inside_a_sentence_does_not_change_its_text():
    doc = document("Exports  fell\tby 12 percent.", "en")
    assert sentence_text(doc, 0) == "Exports fell by 12 percent."


def test_claims_point_at_the_attribution_covering_them(scored):
    text = scored.text
    cue = text.index("said")
    attribution = Attribution(
        cue_start=cue, cue_end=cue + 4, speaker_start=0, speaker_end=cue - 1,
        content_start=cue + 5, content_end=scored.sentences[0].end, direct=False,
        anonymous=False, speaker_entity="health ministry", nested_in=None, stage="attribution@test",
    )
    linked = link_attributions(scored.evolve(attributions=(attribution,)))
    assert [c.attribution for c in linked.claims] == [0, None, None, None]


def test_pipeline_checks_that_sentences_come_first(stage):
    from claimscope.errors import PipelineError

    with pytest.raises(PipelineError):
        Pipeline([stage])


def test_language_of_the_sentence_wins_over_the_document(stage):
    doc = document("Selon le ministère, 12 soldats ont été blessés.", "en")
    doc = doc.evolve(sentences=tuple(s.__class__(s.start, s.end, s.paragraph, "fr") for s in doc.sentences))
    assert "reported" in stage(doc).claims[0].reasons


def test_nested_attributions_link_to_the_innermost(scored):
    end = scored.sentences[0].end

    def attribution(nested_in, cue):
        return Attribution(cue_start=cue, cue_end=cue + 4, speaker_start=None, speaker_end=None,
                           content_start=0, content_end=end, direct=False, anonymous=True,
                           speaker_entity=None, nested_in=nested_in, stage="attribution@test")

    cue = scored.text.index("said")
    linked = link_attributions(scored.evolve(attributions=(attribution(None, cue), attribution(0, cue))))
    assert linked.claims[0].attribution == 1


def test_a_hearsay_claim_is_check_worthy_a_little_below_the_threshold(stage):
    from dataclasses import replace

    from claimscope.stages.claims import HEARSAY_MARGIN

    told = document("Il sindaco avrebbe venduto il terreno comunale a suo cugino.", "it")
    stated = document("Il sindaco ha venduto il terreno comunale a suo cugino.", "it")
    score = stage(told).claims[0].score
    strict = ClaimsStage(head=replace(stage.head, threshold=score + HEARSAY_MARGIN / 2))
    assert strict(told).claims[0].checkworthy
    assert not ClaimsStage(head=replace(stage.head, threshold=1.0))(told).claims[0].checkworthy
    plain = strict(stated).claims[0]  # no hearsay: the head's threshold as it is
    assert plain.checkworthy == (plain.score >= strict.head.threshold)
