"""Sentences the page's structure shows are no claims (claimscope.checkworthy.shape)."""

import dataclasses

from claimscope.checkworthy.shape import headline_span, not_claims
from claimscope.model import Article, Finding, Meta
from tests.claims.helpers import document

TEXT = (
    "Harbour fire destroys 40 boats overnight\n"
    "By Jane Doe | Coastal Herald | 4 March 2021\n"
    "Firefighters said 40 boats burned in the marina on Friday night.\n"
    "Who will pay for the damage?\n"
    "Photo: the marina at dawn\n"
    "The harbour master said the fire started in a fuel store (Coastal Wire).\n"
    "Share: Mastodon | Bluesky\n"
    "Follow our channel for the latest updates.\n"
    "(Reporting by Jane Doe; editing by Tom Roe)\n"
    "Officials added: \u00abThe cause is still unknown.\u00bb"
)


def _doc(title="Harbour fire destroys 40 boats overnight", findings=()):
    doc = document(TEXT, "en")
    article = Article(TEXT, Meta(title=title))
    return dataclasses.replace(doc, article=article, findings=tuple(findings))


def _index(doc, start_of_sentence: str) -> int:
    return next(i for i, s in enumerate(doc.sentences) if doc.text[s.start:].startswith(start_of_sentence))


def test_headline_label_lines_and_questions():
    doc = _doc()
    found = not_claims(doc)
    assert found[_index(doc, "Harbour fire")] == "headline"
    assert found[_index(doc, "By Jane Doe")] == "label_line"
    assert found[_index(doc, "Photo:")] == "label_line"
    assert found[_index(doc, "Share:")] == "label_line"
    assert found[_index(doc, "(Reporting by")] == "label_line"
    assert found[_index(doc, "Who will pay")] == "question"
    for prose in ("Firefighters said", "The harbour master", "Officials added"):
        assert _index(doc, prose) not in found


def test_headline_span():
    doc = _doc()
    assert headline_span(doc) == (0, len("Harbour fire destroys 40 boats overnight"))
    assert headline_span(_doc(title=None)) is None


def test_first_line_is_a_headline_only_when_it_is_the_title():
    doc = _doc(title=None)
    assert not_claims(doc)[0] == "label_line"  # still no final punctuation
    assert not_claims(_doc(title="Another title"))[0] == "label_line"


def test_page_furniture_found_by_traces():
    doc = _doc()
    i = _index(doc, "Follow our channel")
    assert i not in not_claims(doc)
    s = doc.sentences[i]
    prompt = Finding("boilerplate", s.start, s.end, "subscription prompt", "traces@1", label="subscribe")
    assert not_claims(_doc(findings=[prompt]))[i] == "furniture"
    other = Finding("garbled_sentence", s.start, s.end, "cut", "traces@1")
    assert i not in not_claims(_doc(findings=[other]))


def test_a_sentence_cut_inside_a_line_is_not_a_label():
    doc = document("Vote\nThe council voted 12 to 3 in favour and the mayor", "en")
    assert not_claims(doc) == {0: "label_line", 1: "label_line"}  # ends the text
    doc = document("Vote\nThe council voted 12 to 3 in favour, said the mayor. It rained.", "en")
    assert not_claims(doc) == {0: "label_line"}


def test_one_line_is_a_claim_typed_alone_not_a_page():
    for text in ("Vaccines cause autism", "Did the council vote 12 to 3?"):
        doc = _with_title(document(text, "en"), text)
        assert not_claims(doc) == {}


def test_a_title_that_ends_like_a_sentence_is_a_first_paragraph():
    text = "The council voted 12 to 3 in favour.\nThe mayor said the vote was fair."
    assert not_claims(_with_title(document(text, "en"), text.split("\n")[0])) == {}


def test_list_items_ending_in_a_semicolon_are_statements():
    doc = document("Results\n- turnout rose to 61%;\n- the council lost two seats.", "en")
    assert not_claims(doc) == {0: "label_line"}


def _with_title(doc, title):
    return dataclasses.replace(doc, article=Article(doc.text, Meta(title=title)))


def test_a_sentence_left_in_another_language_is_not_a_claim_of_the_article():
    doc = _doc()
    i = _index(doc, "Firefighters said")
    s = doc.sentences[i]
    whole = Finding("untranslated_fragment", s.start, s.end, "left in German", "language@1", lang="de")
    assert not_claims(_doc(findings=[whole]))[i] == "untranslated"
    part = Finding("untranslated_fragment", s.start, s.start + 10, "a quoted title", "language@1", lang="de")
    assert i not in not_claims(_doc(findings=[part]))


def test_a_non_answer_states_no_checkable_fact():
    doc = document("Budget cut\nThe agency cut 300 jobs.\nThe agency declined to comment on the cuts.", "en")
    assert not_claims(doc) == {0: "label_line", 2: "no_comment"}


def test_a_headline_that_shouts_is_still_a_headline():
    text = "Salt water cures the flu in one night!\nA video shared 10,000 times says salt water cures the flu."
    doc = dataclasses.replace(document(text, "en"), article=Article(text, Meta(title="Salt water cures the flu in one night!")))
    assert headline_span(doc) == (0, len("Salt water cures the flu in one night!"))
    assert not_claims(doc)[0] == "headline"
    prose = "The council met on Monday to approve the budget."
    text = f"{prose}\nIt passed by 12 votes to 3."
    doc = dataclasses.replace(document(text, "en"), article=Article(text, Meta(title=prose)))
    assert headline_span(doc) is None  # a first paragraph taken for the title
