"""A sentence that is one quotation right after the sentence closing on the cue of a
quotation set before it goes on with that speaker and cue (table key quote_continues)."""

from tests.attribution.util import run


def _continued(sentences: list[str], lang: str, cue: str) -> list[tuple[str, str]]:
    _, found = run(sentences, lang)
    return [(a["speaker"], a["content"]) for a in found if a["cue"] == cue]


def test_past_a_long_apposition_of_the_speaker():
    found = _continued([
        "«I turni non bastano più», ha dichiarato Marta Bellini, segretaria regionale del sindacato dei portuali, ai giornalisti.",
        "«Chiediamo un incontro entro venerdì.»",
    ], "it", "ha dichiarato")
    assert [content for _, content in found] == ["I turni non bastano più", "Chiediamo un incontro entro venerdì."]
    assert {speaker for speaker, _ in found} == {"Marta Bellini"}


def test_one_sentence_on():
    found = _continued([
        "„Das Dach ist dicht“, sagte der Hausmeister.",
        "„Die Heizung läuft wieder.“",
        "„Am Montag kommt der Maler.“",
    ], "de", "sagte")
    assert [content for _, content in found] == ["Das Dach ist dicht", "Die Heizung läuft wieder."]


def test_not_past_a_sentence_of_narration():
    found = _continued([
        "« Le pont tiendra », a assuré l'ingénieur.",
        "Les travaux reprennent lundi.",
        "« Nous serons prêts. »",
    ], "fr", "a assuré")
    assert len(found) == 1
