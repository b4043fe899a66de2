"""The main claim (stages/sourcing/lead.py) on invented articles: news style puts it first."""

from __future__ import annotations

import dataclasses

from claimscope.checkworthy.features import opinion_label
from claimscope.model import Claim
from claimscope.stages.sourcing.lead import is_source_only, main_claim
from tests.sourcing.test_chain import make


def _with_claims(doc, worthy, scores=None):
    """``doc`` with a claim for each sentence: ``worthy`` the indices marked check-worthy."""
    scores = scores or {}
    claims = tuple(Claim(i, s.start, s.end, scores.get(i, 0.8 if i in worthy else 0.2), i in worthy, (), "test@1")
                   for i, s in enumerate(doc.sentences))
    return doc.evolve(claims=claims)


def _sentence(doc, index):
    s = doc.sentences[index]
    return doc.text[s.start:s.end].strip()


HEAD = "Ferry fares to triple\nBy Nell Brook\n"
LEAD = "The island ferry company would have agreed to triple its fares for residents from the first of May. "
SOURCE = "This was reported by the weekly Harbour Light on its website on Monday evening. "
DENIAL = "The company denied any change to its fares in a statement issued on Tuesday afternoon."


def test_the_first_check_worthy_sentence_is_the_claim_even_when_a_later_one_scores_higher():
    doc = _with_claims(make(HEAD + LEAD + DENIAL), worthy={2, 3}, scores={2: 0.5, 3: 0.95})
    assert _sentence(doc, main_claim(doc)).startswith("The island ferry company")


def test_a_source_only_sentence_gives_way_to_the_claim_before_it():
    doc = _with_claims(make(HEAD + LEAD + SOURCE + DENIAL), worthy={3, 4})
    assert is_source_only(doc, 3)
    assert not is_source_only(doc, 2)
    assert _sentence(doc, main_claim(doc)).startswith("The island ferry company")


def test_a_source_only_sentence_first_in_the_body_stays_the_claim():
    doc = _with_claims(make(HEAD + SOURCE + DENIAL), worthy={2})
    assert _sentence(doc, main_claim(doc)).startswith("This was reported")


def test_source_only_in_other_languages():
    for lang, text in {
        "ru": "Об этом сообщает местная газета со ссылкой на жителей.",
        "it": "Lo riporta il quotidiano locale nella sua edizione di martedì.",
        "de": "Das berichtete die Lokalzeitung am Dienstag auf ihrer Internetseite.",
    }.items():
        assert is_source_only(make(text, lang=lang), 0), lang


def test_a_claim_credited_at_its_end_is_no_source_only_sentence():
    text = ("En el puerto de Valdemora se hundió el martes un pesquero con seis tripulantes a bordo, que fueron "
            "rescatados por una lancha de la Guardia Civil, según informó el diario local.")
    assert not is_source_only(make(text, lang="es"), 0)


def test_a_paragraph_closing_on_an_emoji_is_running_text():
    text = ("Weekend feeds\n"
            "A post claims the old mill on the canal will be turned into a casino by the end of the year 😱\n"
            "Nobody at the council has heard of any such plan, a spokesman for the town told us on Friday.")
    doc = _with_claims(make(text), worthy={1, 2})
    assert _sentence(doc, main_claim(doc)).startswith("A post claims")


BULLETIN = ("Six O'Clock News: late buses\n"
            "LENA ORR (presenter): Good evening.\n"
            "LENA ORR (presenter): From next week the night buses of the valley will stop running after ten o'clock.\n"
            "SAM WU (reporter): Lena, the company has only nine drivers left for its fourteen night routes.\n"
            "LENA ORR (presenter): Sam, how many people ride those buses?\n"
            "SAM WU (reporter): About two thousand a night, according to the bus company's own counts.")


def test_in_a_bulletin_the_presenter_reads_the_lead():
    doc = _with_claims(make(BULLETIN), worthy={2, 3, 5})
    assert _sentence(doc, main_claim(doc)).startswith("LENA ORR (presenter): From next week")


def test_in_an_interview_the_presenter_sets_the_scene_for_the_guest():
    text = BULLETIN.replace("SAM WU (reporter): Lena, the company", "LENA ORR (presenter): Sam, what is wrong?\n"
                            "SAM WU (reporter): Lena, the company")
    doc = _with_claims(make(text), worthy={2, 4, 6})
    assert _sentence(doc, main_claim(doc)).startswith("SAM WU (reporter): Lena, the company")


def test_an_opening_scene_gives_way_to_the_next_sentence_that_states_the_headline():
    text = ("Night trains to Lisbon cancelled for the whole winter\n"
            "Travellers who had booked a sleeper for the holidays will have to find another way south this year. "
            "The rail operator has cancelled every night train to Lisbon from November to March, citing a lack of carriages.")
    doc = _with_claims(make(text), worthy={1, 2}, scores={1: 0.55, 2: 0.85})
    assert _sentence(doc, main_claim(doc)).startswith("The rail operator has cancelled")


def test_a_lead_that_carries_the_headline_keeps_the_claim_from_a_higher_scoring_figure():
    text = ("Lifeguards rescue more swimmers caught by currents\n"
            "Lifeguards on the northern beaches are rescuing more and more swimmers pulled out by currents. "
            "Their annual report counts 212 such rescues last summer against 140 two years before.")
    doc = _with_claims(make(text), worthy={1, 2}, scores={1: 0.5, 2: 0.9})
    assert _sentence(doc, main_claim(doc)).startswith("Lifeguards on the northern beaches")


def test_an_opening_keeps_the_claim_when_the_next_sentence_opens_another_paragraph():
    text = ("Night trains to Lisbon cancelled for the whole winter\n"
            "Travellers who had booked a sleeper for the holidays will have to find another way south this year.\n"
            "The rail operator has cancelled every night train to Lisbon from November to March, citing a lack of carriages.")
    doc = _with_claims(make(text), worthy={1, 2}, scores={1: 0.55, 2: 0.85})
    doc = doc.evolve(sentences=tuple(dataclasses.replace(s, paragraph=i) for i, s in enumerate(doc.sentences)))
    assert _sentence(doc, main_claim(doc)).startswith("Travellers who had booked")


COLUMN = ("Opinion: the harbour wall deserves better than rumours\n"
          "By Ida Fenwick\n"
          "Last Sunday I walked along the old harbour wall with my grandson and watched the gulls fight over chips. "
          "Half the town seems convinced the wall will be pulled down next spring to make room for a hotel. "
          "Yet the council's own budget, published in March, sets aside 2.4 million euros to repair the wall, "
          "and no planning request for a hotel has been filed.")


def test_an_opinion_piece_argues_from_its_strongest_fact():
    doc = _with_claims(make(COLUMN), worthy={2, 3, 4}, scores={2: 0.6, 3: 0.7, 4: 0.9})
    assert _sentence(doc, main_claim(doc)).startswith("Yet the council's own budget")


def test_a_headline_opening_on_a_label_that_names_no_opinion_genre_is_news():
    doc = _with_claims(make(COLUMN.replace("Opinion:", "Harbour:")), worthy={2, 3, 4}, scores={2: 0.6, 3: 0.7, 4: 0.9})
    assert _sentence(doc, main_claim(doc)).startswith("Last Sunday")


def test_opinion_labels_in_other_languages():
    for lang, label in {"de": "Kommentar", "es": "Tribuna", "pl": "Felieton", "pt": "Opinião", "ru": "Мнение"}.items():
        assert opinion_label(label, lang), lang
    assert not opinion_label("Kommentar der Woche zum Hafen", "de")


def test_in_a_bulletin_a_presenter_reporting_what_someone_says_states_the_claim():
    text = ("Morning Desk: the cash machine message\n"
            "MAX ROY (presenter): Good morning to all of you at home.\n"
            "MAX ROY (presenter): We start with a message that thousands of you have forwarded to us this week.\n"
            "DORA KAY (presenter): A forwarded text says that typing your code backwards at a cash machine calls the police.\n"
            "DORA KAY (presenter): With us in the studio is Ben Ash, who advises banks on security.")
    said = ("A forwarded text", "says", "typing your code backwards at a cash machine calls the police", False)
    doc = _with_claims(make(text, [said]), worthy={2, 3})
    assert _sentence(doc, main_claim(doc)).startswith("DORA KAY (presenter): A forwarded text says")


def test_an_opinion_label_on_the_byline_line_marks_an_opinion_piece():
    text = COLUMN.replace("Opinion: the harbour wall", "The harbour wall").replace(
        "By Ida Fenwick", "Point of view | By Ida Fenwick | 3 May")
    doc = _with_claims(make(text), worthy={2, 3, 4}, scores={2: 0.6, 3: 0.7, 4: 0.9})
    assert _sentence(doc, main_claim(doc)).startswith("Yet the council's own budget")


def test_an_opinion_label_may_be_followed_by_one_word():
    assert opinion_label("Tribuna abierta", "es")
    assert opinion_label("COMMENTO", "it")
    assert not opinion_label("Column of smoke over the port", "en")


ROUNDUP = ("Seen online this week: a fake toll, a lost parrot and a closed beach\n"
           "By Nell Brook | Saturday\n"
           "Every Saturday we sort through what went round your feeds and groups during the week.\n"
           "1. The toll that never was\n"
           "A message forwarded in many groups claims the coast road will charge drivers eight euros from June.\n"
           "The roads office told us that no toll of any kind is planned on that road.\n"
           "2. A parrot on the bus\n"
           "A green parrot rode the number four bus for three stops on Tuesday before its owner caught it.\n")


def _by_lines(doc):
    """``doc`` with each line its own paragraph (``make`` puts every sentence in one)."""
    return doc.evolve(sentences=tuple(dataclasses.replace(s, paragraph=doc.text.count("\n", 0, s.start))
                                      for s in doc.sentences))


def test_a_round_up_introducing_its_items_states_its_claim_in_the_first_item():
    doc = _with_claims(_by_lines(make(ROUNDUP)), worthy={2, 4, 5, 7})
    assert _sentence(doc, main_claim(doc)).startswith("A message forwarded")


def test_a_first_paragraph_is_the_lead_when_the_item_headings_are_no_list():
    text = ROUNDUP.replace("1. The toll that never was", "The toll that never was").replace(
        "Every Saturday we sort through", "Every Saturday the council sorts through")
    doc = _with_claims(_by_lines(make(text)), worthy={2, 4, 5, 7})
    assert _sentence(doc, main_claim(doc)).startswith("Every Saturday")


def test_a_press_release_states_its_news_where_its_issuer_announces_it():
    text = ("Main pipe renewed in Eastford\nPress release | 3 May\n"
            "The Eastford Water Board announces that the works on the main pipe under the market square are finished. "
            "In all, 2,400 metres of pipe laid in 1961 were replaced for three million euros this season.\n")
    said = [("The Eastford Water Board", "announces that",
             "the works on the main pipe under the market square are finished", False)]
    doc = _with_claims(make(text, said), worthy={3})
    assert _sentence(doc, main_claim(doc)).startswith("The Eastford Water Board announces")
    news = _with_claims(make(text.replace("Press release | 3 May", "By Nell Brook | 3 May"), said), worthy={3})
    assert _sentence(news, main_claim(news)).startswith("In all")


def test_a_presenter_turning_to_a_guest_by_name_opens_an_interview():
    text = BULLETIN.replace("SAM WU (reporter): Lena, the company", "LENA ORR (presenter): Sam, tell us what went "
                            "wrong.\nSAM WU (reporter): Lena, the company")
    doc = _with_claims(make(text), worthy={2, 4, 6})
    assert _sentence(doc, main_claim(doc)).startswith("SAM WU (reporter): Lena, the company")
    told = text.replace("Sam, tell us", "Then tell us")
    doc = _with_claims(make(told), worthy={2, 4, 6})
    assert _sentence(doc, main_claim(doc)).startswith("LENA ORR (presenter): From next week")
