"""What the matching stage searches with (headline, lead, check-worthy sentences; never
boilerplate, credit lines or captions), the date it uses, and the flag a match raises."""

from __future__ import annotations

import dataclasses

from claimscope.model import Article, Claim, Document, Finding, Flag, Hop, Match, Meta, Paragraph, Sentence, SourceChain
from claimscope.stages.matching import (article_date, front_paragraphs, front_sentences, headline, list_items,
                                        query_sentences, recurring)
from claimscope.stages.triage import flag_fact_checked

# Written for these tests.
LINES = [
    "Le maire annonce la fermeture de trois écoles du centre-ville",
    "Par Jeanne Martin",
    "Photo : la mairie vue de la place du marché.",
    "Le maire de la commune a annoncé lundi la fermeture de trois écoles du centre-ville dès la rentrée.",
    "Les parents se sont réunis devant la mairie.",
    "Selon la préfecture, 240 élèves seront accueillis dans les écoles voisines.",
    "Lire aussi : notre dossier sur la rentrée scolaire dans la région et ses enjeux budgétaires",
]
TEXT = "\n\n".join(LINES)


def _doc(checkworthy=(5,), findings=(), date=None, text=TEXT) -> Document:
    starts = [text.index(line) for line in LINES] if text is TEXT else [0]
    sentences = tuple(Sentence(s, s + len(line), i) for i, (s, line) in enumerate(zip(starts, LINES)))
    claims = tuple(Claim(i, s.start, s.end, 0.9 if i in checkworthy else 0.1, i in checkworthy, (), "claims@1")
                   for i, s in enumerate(sentences))
    meta = Meta(title=text.split("\n", 1)[0], date=date)
    return Document(article=Article(text, meta), language="fr", sentences=sentences, claims=claims,
                    findings=tuple(findings))


def _finding(kind: str, line: int) -> Finding:
    start = TEXT.index(LINES[line])
    return Finding(kind, start, start + len(LINES[line]), "test", "traces@1")


def test_headline_lead_and_checkworthy_sentences_are_queried():
    doc = _doc()
    assert headline(doc) == [0]
    # the byline is too short to be the lead, the caption is never queried
    assert front_sentences(doc) == [0, 3]
    assert front_paragraphs(doc) == {0, 3}  # a body match elsewhere needs weights.body_confidence
    assert query_sentences(doc) == [0, 3, 5]


def test_boilerplate_and_credit_lines_are_never_queried():
    doc = _doc(checkworthy=(5, 6), findings=(_finding("boilerplate", 6), _finding("credit_line", 3)))
    # the first long sentence is covered by a credit line: the next one is the lead
    assert query_sentences(doc) == [0, 4, 5]


def test_the_date_comes_from_metadata_then_a_dateline_then_the_text():
    assert article_date(_doc(date="2019-09-02T10:00:00")) == "2019-09-02"
    dateline = "Lyon, le 3 septembre 2019 — Le maire a annoncé la fermeture de trois écoles. Une réunion a eu lieu le 1er juillet 2019."
    assert article_date(_doc(text=dateline)) == "2019-09-03"
    body = "x" * 400 + " La décision du 12/06/2019 a été confirmée le 4 juillet 2019."
    assert article_date(_doc(text=body)) == "2019-07-04"
    assert article_date(_doc(text="Pas de date ici.")) == ""


def _with_chain(doc: Document, verdict: str) -> Document:
    chain = SourceChain(0, 10, (Hop("article", "this article"),), 1, (Flag("single_source", "one source"),), "sourcing@1")
    match = Match("fc", "claim", verdict, None, "Checker", None, None, 0.9, 0, 0, 10, "matching@2", source_ref="v-1")
    return dataclasses.replace(doc, sourcing=(chain,), matches=(match,))


def test_a_false_verdict_flags_known_disinformation_and_an_unrated_one_already_fact_checked():
    false = flag_fact_checked(_with_chain(_doc(), "false"))
    assert [f.kind for f in false.sourcing[0].flags] == ["known_disinformation", "single_source"]
    unrated = flag_fact_checked(_with_chain(_doc(), "unrated"))
    assert [f.kind for f in unrated.sourcing[0].flags] == ["already_fact_checked", "single_source"]
    assert "already fact-checked by Checker" in unrated.sourcing[0].flags[0].reason
    assert flag_fact_checked(_doc()) == _doc()


# A round-up, written for this test: an intro, then one story per numbered item.
ROUNDUP = [
    "What the channels shared this week",
    "We gathered the posts most shared this week in the town's groups, without checking them.",
    "1. A channel claims that the new footbridge will be closed for two whole years from May.",
    "2) Another account says the tap water in the eastern district has been unsafe since the flood.",
    "Subscribe to the evening digest to read it first, every day of the week at seven.",
]


def _roundup(lines=ROUNDUP) -> Document:
    text = "\n\n".join(lines)
    starts = [text.index(line) for line in lines]
    paragraphs = tuple(Paragraph(s, s + len(line)) for s, line in zip(starts, lines))
    sentences = tuple(Sentence(p.start, p.end, i) for i, p in enumerate(paragraphs))
    return Document(article=Article(text, Meta(title=lines[0])), language="en", paragraphs=paragraphs,
                    sentences=sentences)


def test_each_item_of_a_numbered_list_has_its_own_lead():
    doc = _roundup()
    assert list_items(doc) == [2, 3]
    # the intro is the article's lead; each numbered item states a story of its own
    assert front_sentences(doc) == [0, 1, 2, 3]
    assert front_paragraphs(doc) == {0, 1, 2, 3} and query_sentences(doc) == [0, 1, 2, 3]


def test_a_lone_number_opening_a_paragraph_is_no_list():
    lone = [*ROUNDUP[:2], ROUNDUP[2], ROUNDUP[4]]
    assert list_items(_roundup(lone)) == [] and front_sentences(_roundup(lone)) == [0, 1]


def test_items_headed_by_a_pictograph_line_have_their_own_lead():
    # written for this test: a round-up that titles its items instead of numbering them
    paragraphs = ["What the channels shared this week",
                  "We gathered the posts most shared this week in the town's groups, without checking them.",
                  "\U0001f309 THE FOOTBRIDGE \u2013 FALSE\nA channel claims that the new footbridge will be closed for two years.",
                  "\U0001f6b0 TAP WATER \u2013 MISLEADING\nAnother account says the tap water in the east has been unsafe since the flood."]
    text = "\n\n".join(paragraphs)
    spans = []
    for n, p in enumerate(paragraphs):
        start = text.index(p)
        spans += [(start + a, start + a + len(line), n) for line in p.split("\n") for a in [p.index(line)]]
    doc = Document(article=Article(text, Meta(title=paragraphs[0])), language="en",
                   paragraphs=tuple(Paragraph(text.index(p), text.index(p) + len(p)) for p in paragraphs),
                   sentences=tuple(Sentence(a, b, n) for a, b, n in spans))
    assert list_items(doc) == [2, 3]
    # each item's lead is its first sentence of prose, not its heading
    assert front_sentences(doc) == [0, 1, 3, 5]
    # a single pictograph heading is no list, nor are credit lines opening with a copyright sign
    assert list_items(dataclasses.replace(doc, paragraphs=doc.paragraphs[:3])) == []
    credited = text.replace("\U0001f309", "\u00a9").replace("\U0001f6b0", "\u00a9")
    assert list_items(dataclasses.replace(doc, article=Article(credited, doc.article.meta))) == []


def test_a_byline_or_a_page_label_is_no_lead_however_long():
    lines = ["The market hall closes for repairs",
             "Posted by the editorial team of the weekly town paper | 12 March 2019 | 40 comments",
             "02.05.2019 · Section: Town · Reading time 3 min.",
             "The council voted on Monday to close the old market hall for repairs until next spring."]
    # the byline has no full stop; the label's tokens are mostly numbers and separators
    assert front_sentences(_roundup(lines)) == [0, 3]


def test_a_sentence_of_one_or_two_words_is_never_queried():
    lines = ["Trois écoles du centre fermeront à la rentrée", "(diffusé le 3 mai 2021)",
             "Le maire de la commune a annoncé lundi la fermeture de trois écoles du centre-ville."]
    text = " ".join(lines[:2]) + "\n\n" + lines[2]
    starts = [text.index(line) for line in lines]
    sentences = tuple(Sentence(s, s + len(line), int(i == 2)) for i, (s, line) in enumerate(zip(starts, lines)))
    claims = tuple(Claim(i, s.start, s.end, 0.9, True, (), "claims@1") for i, s in enumerate(sentences))
    doc = Document(article=Article(text, Meta(title=" ".join(lines[:2]))), language="fr", sentences=sentences,
                   claims=claims)
    assert headline(doc) == [0, 1]
    assert query_sentences(doc) == [0, 2]  # the headline's date tail states no claim


def test_a_sentence_reporting_a_circulating_message_recurs():
    # Written for these tests: a message passed from reader to reader, in several languages and forms.
    assert recurring("Ce conseil, partagé des milliers de fois, assure que le sel chasse les fourmis.", "fr")
    assert recurring("Un mensaje que circula por los grupos dice que el ajo cura la gripe.", "es")
    assert recurring("The post, forwarded in family chats, claims that lemons stop colds.", "en")
    assert recurring("Tin nhắn được chia sẻ trên mạng nói rằng gừng chữa cảm cúm.", "vi")
    assert recurring("Wpis udostępniony tysiące razy twierdzi, że cebula leczy grypę.", "pl")
    # news of one moment, a channel (not a chain message) and a language without a table
    assert not recurring("Le maire a annoncé lundi la fermeture de trois écoles.", "fr")
    assert not recurring("La cadena de televisión emitió el debate el martes.", "es")
    assert not recurring("Die Polizei teilte am Montag mit, dass die Straße gesperrt bleibt.", "de")
    assert not recurring("The post was shared widely.", "xx")
