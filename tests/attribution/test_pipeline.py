"""The stage inside the real pipeline (segment and language stages first)."""

from claimscope.model import Article
from claimscope.pipeline import Pipeline
from claimscope.stages import default_stages
from claimscope.stages.attribution import AttributionStage, covering


def test_stage_runs_after_segmenter_and_language():
    text = (
        "Le ministère de la Santé a annoncé mardi la fermeture de trois hôpitaux.\n\n"
        "« Nous n'avons plus besoin de ces structures », a déclaré la ministre Claire Dumas.\n\n"
        "Selon Le Figaro, le vote aura lieu lundi.\n"
    )
    doc = Pipeline(default_stages() + [AttributionStage()]).run(Article(text))
    assert doc.has_stage("attribution")
    speakers = [text[a.speaker_start : a.speaker_end] for a in doc.attributions]
    assert speakers == [
        "Le ministère de la Santé",
        "la ministre Claire Dumas",
        "Le Figaro",
    ]
    assert all(a.stage == "attribution@1" for a in doc.attributions)


def test_sentences_without_a_table_are_skipped():
    doc = Pipeline(default_stages() + [AttributionStage()]).run(
        Article("Tokyo sa 晴れ. 彼は言った。\n")
    )
    assert doc.attributions == ()


def test_covering_gives_the_innermost_attribution_of_a_sentence():
    text = "Selon l'agence Reuters, le ministre a affirmé que les frontières resteraient ouvertes.\n"
    doc = Pipeline(default_stages() + [AttributionStage()]).run(Article(text))
    start = text.index("les frontières")
    found = covering(doc, start, start + 10)
    assert [text[a.cue_start : a.cue_end] for a in found] == ["a affirmé", "Selon"]
