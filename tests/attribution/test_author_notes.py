"""Cues that name no speaker (issue 11, cue precision): a page label before a colon with a
first-person possessive other than the table's entry ("Mein Tipp:" beside "unser Tipp"), and a
preposition whose object is a translation ("according to the site's translation"), which
words a report made beside it; a Polish verb of naming with no quotation after it. Sentences are
our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment


def cues(text: str, lang: str) -> list[tuple[str | None, str]]:
    doc = AttributionStage()(Segment()(Document(Article(text), language=lang)))
    return [(doc.text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None,
             doc.text[a.cue_start:a.cue_end]) for a in doc.attributions]


def test_a_possessive_page_label_is_the_authors_note():
    for lang, label, speaker in (
        ("de", "Mein Tipp", "Die Bürgermeisterin Eva Roth"),
        ("es", "Mi consejo", "El alcalde Pedro Ruiz"),
        ("en", "My tip", "Mayor Ann Lee"),
    ):
        text = (f"Headline about the water\n\nThe text of the day goes on here.\n\n"
                f"{label}: Kauft einen Filter und kocht das Wasser ab.\n\n"
                f"{speaker}: «Wir prüfen das Wasser jede Woche».\n")
        found = cues(text, lang)
        assert (label, ":") not in found, (lang, found)
        assert (speaker, ":") in found, (lang, found)


def test_a_translation_is_no_speaker():
    cases = (
        ("fr", "« Nous avons besoin de ces images », a-t-il dit à la radio, selon la traduction anglaise du site.",
         "selon"),
        ("en", '"We needed those pictures," he told the channel, according to the portal\'s English translation.',
         "according to"),
        ("pt", '"Vamos pedir ajuda ao conselho", disse ela, segundo a tradução do portal.', "segundo"),
    )
    for lang, sentence, prep in cases:
        found = cues(f"Un titre\n\n{sentence}\n", lang)
        assert not any(cue.lower() == prep for _, cue in found), (lang, found)
        assert any(cue != prep for _, cue in found), (lang, found)
    # the outlet or a capitalised name stays a speaker
    assert ("the Translation Bureau", "According to") in cues(
        "A title\n\nAccording to the Translation Bureau, the office will close in May.\n", "en")
    assert ("le site", "Selon") in cues("Un titre\n\nSelon le site, la police a menti sur les chiffres.\n", "fr")


def test_a_polish_name_given_is_no_report():
    assert not any(cue == "nazywają" for _, cue in cues(
        "Tytuł\n\nTak przynajmniej nazywają go mieszkańcy, którzy mieszkają obok parku.\n", "pl"))
    assert ("Minister", "nazwał") in cues("Tytuł\n\nMinister nazwał projekt „szkodliwym pomysłem”.\n", "pl")
