"""Transcripts of broadcasts (invented): the presenter's scene-setting is not the claim, a
guest who states it is its source, and an outlet the guest names there is where they got it."""

from __future__ import annotations

import dataclasses

from tests.sourcing.test_chain import STAGE, make
from tests.sourcing.test_route import _paragraphs, names, run

TEXT = ("Evening Debate: the bridge rumour\n\n"
        "NOVA LINE (presenter): Good evening to everyone watching us tonight. The new bridge over the river "
        "opened to traffic on Monday after two years of building work.\n\n"
        "PETER HALE (columnist): Simple. The new bridge was built with cheap cement that will crack "
        "within five years. I read it in a piece on Morning Pine Post, a local site, and no one has noticed.\n\n"
        "NOVA LINE: Is that so, Ms Oduya?")



def _clinic(source_line: str) -> str:
    """A health show in which a guest states a claim, then says what it rests on."""
    return ("Morning Clinic\n\n"
            "NOVA LINE (presenter): Good morning. Many of you wrote to us about ginger tea.\n\n"
            "PETER HALE (herbalist): Simple. A cup of ginger tea every evening halves the colds of the winter. "
            f"{source_line}\n\n"
            "NOVA LINE: Is that so, Ms Oduya?")

def test_a_guest_states_the_claim_and_names_where_he_read_it():
    doc, chain = run(TEXT)
    assert doc.text[chain.claim_start:chain.claim_end].strip().startswith("The new bridge was built")
    assert names(chain) == ["this article", "PETER HALE", "Morning Pine Post"]


def test_a_guest_who_names_the_study_saying_it_rests_on_that_study():
    text = _clinic("That is what a large survey of nurses found, and I have seen it myself.")
    doc, chain = run(text, [("a large survey of nurses", "found", "A cup of ginger tea every evening halves", False)])
    assert doc.text[chain.claim_start:chain.claim_end].strip().startswith("A cup of ginger tea")
    assert names(chain) == ["this article", "PETER HALE", "a large survey"]


def test_a_document_whose_owner_is_named_is_not_the_origin_itself():
    text = _clinic("That is what a survey of the Valley Nursing College found.")
    doc, chain = run(text)
    assert names(chain)[-1] != "a survey"


def test_a_presenter_reporting_what_someone_says_states_the_claim():
    text = TEXT.replace("The new bridge over the river opened",
                        "Posts online say that the new bridge over the river opened")
    doc, chain = run(text, [("Posts online", "say", "the new bridge over the river opened", True)])
    assert doc.text[chain.claim_start:chain.claim_end].strip().startswith("Posts online say")


def test_a_group_spreading_a_claim_rests_on_the_one_post_named_next():
    text = ("Afternoon News\n\n"
            "JO PARK (anchor): Drivers online are saying that the new toll cameras fine cars parked near them. "
            "One post from a cab driver in Lakeside, with a photo of the fine, was shared thousands of times.")
    doc, chain = run(text, [("Drivers online", "are saying", "the new toll cameras fine cars parked near them",
                             False)])
    assert names(chain) == ["this article", "cab driver in Lakeside"]


def test_a_speaker_resolved_to_the_presenter_is_not_a_source():
    text = ("Afternoon News\n\n"
            "JO PARK (anchor): Neighbours of the plant are worried about the smell coming from the river.\n\n"
            "LIN CRUZ (anchor): She says the water company told her the smell is harmless and will go soon.")
    doc = make_resolved(text)
    (chain,) = doc.sourcing
    assert "LIN CRUZ" not in names(chain)


def make_resolved(text):
    doc = _paragraphs(make(text, [("She", "says", "the water company told her the smell is harmless", False)]))
    (a,) = doc.attributions
    return STAGE(doc.evolve(attributions=(dataclasses.replace(a, speaker_entity="LIN CRUZ"),)))


def test_a_story_the_presenter_quotes_rests_on_the_outlet_that_published_it():
    text = ("Morning Show\n\n"
            "MIA STONE (presenter): The video says that the old lake will be drained next spring to build a car park. "
            "Our guest Tom Vance has looked into it.\n\n"
            "TOM VANCE (engineer): Good morning, Mia. I have indeed.\n\n"
            "MIA STONE: So where did it come from?\n\n"
            "TOM VANCE: Well. It first appeared on the portal River Voice, citing the Lakeside Council, "
            "and it spread from there.")
    doc = make(text, [("The video", "says", "the old lake will be drained next spring to build a car park", False),
                      ("TOM VANCE", ":", "It first appeared on the portal River Voice", False)])
    tag = text.index(":", text.index("TOM VANCE: Well"))
    said, line = doc.attributions
    doc = doc.evolve(attributions=(said, dataclasses.replace(line, cue_start=tag, cue_end=tag + 1)))
    (chain,) = STAGE(_paragraphs(doc)).sourcing
    assert names(chain)[:2] == ["this article", "River Voice"] and "TOM VANCE" not in names(chain)


def test_tags_in_title_case_that_open_several_lines_are_speakers():
    text = (TEXT.replace("NOVA LINE", "Nova Line").replace("PETER HALE", "Peter Hale")
            + "\n\nPeter Hale: It is, I checked the site twice.\n\nNova Line: Thank you both.")
    doc, chain = run(text)
    assert doc.text[chain.claim_start:chain.claim_end].strip().startswith("The new bridge was built")
    assert names(chain) == ["this article", "Peter Hale", "Morning Pine Post"]


def test_a_label_opening_two_lines_is_no_speaker():
    text = ("Storm damage in the valley\n\n"
            "Photo: a fallen tree on the road to the mill after the storm of last night.\n\n"
            "The storm brought down more than forty trees across the valley on Sunday night, the fire brigade said.\n\n"
            "Photo: the mill's roof, torn open by the wind.")
    doc, chain = run(text, [("the fire brigade", "said", "The storm brought down more than forty trees", False)])
    assert "Photo" not in names(chain)
