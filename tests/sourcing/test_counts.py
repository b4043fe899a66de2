"""Source counts (stages/sourcing/counts.py) on invented articles."""

from __future__ import annotations

from claimscope.outlets import cues
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.sourcing.counts import _ours
from tests.sourcing.test_chain import make
from tests.sourcing.test_lead import _with_claims

BODY = ("Mayor Ana Ruiz said that the old bridge over the river will stay closed to lorries until next spring. "
        "Engineer Tom Hale said that two of its piers had cracked during the floods of last winter.")
SPEAKERS = [("Mayor Ana Ruiz", "said", "the old bridge over the river will stay closed to lorries until next spring", False),
            ("Engineer Tom Hale", "said that two", "two of its piers had cracked during the floods of last winter", False)]


def _counts(head: str) -> tuple[int, int]:
    doc = _with_claims(make(head + BODY, SPEAKERS), worthy={2, 3})
    chain = Sourcing().chain(doc)
    return chain.independent_sources, chain.article_sources


def test_a_news_claim_rests_on_its_speaker_and_the_people_quoted_beside_it():
    assert _counts("Bridge stays shut\nBy Nell Brook\n") == (2, 2)


def test_a_column_quotes_others_on_other_points_not_to_corroborate_its_fact():
    assert _counts("Opinion: the bridge deserves better\nBy Nell Brook\n") == (1, 2)


RELAY = ("RT reported that the dam on the river collapsed on Monday night. "
         "The channel said that three villages were flooded. ")


def test_an_outlet_noun_that_names_no_one_is_the_chain_outlet_again():
    doc = make(RELAY, [("RT", "reported", "the dam on the river collapsed on Monday night", False),
                       ("The channel", "said that three", "three villages were flooded", False)])
    assert Sourcing().chain(doc).article_sources == 1



def test_in_a_round_up_who_speaks_in_an_item_checks_its_claim_and_the_next_item_is_another_story():
    from tests.sourcing.test_lead import ROUNDUP, _by_lines
    speakers = [("Mayor Ana Ruiz", "said", "the coast road will charge drivers eight euros from June", False),
                ("Engineer Tom Hale", "said that no", "no toll of any kind is planned on that road", False)]
    text = ROUNDUP.replace("A message forwarded in many groups claims", "Mayor Ana Ruiz said").replace(
        "The roads office told us that", "Engineer Tom Hale said that")
    news = text.replace("1. The toll", "The toll")
    items = text.replace("Every Saturday we sort through what went round your feeds and groups during the week.\n", "")
    for body, expected in ((text, 1), (news, 2), (items, 1)):
        doc = _with_claims(_by_lines(make(body, speakers)), worthy={4, 5} if body != items else {3, 4})
        assert Sourcing().chain(doc).independent_sources == expected


def test_a_speaker_named_with_the_initials_of_a_body_of_the_chain_speaks_for_it():
    text = ("Grey Valley Water Board said that tap water in the old town is safe to drink again. "
            "GVWB director Ana Lind said that the pipes were flushed on Sunday.")
    doc = make(text, [("Grey Valley Water Board", "said", "tap water in the old town is safe to drink again", False),
                      ("GVWB director Ana Lind", "said that the pipes", "the pipes were flushed on Sunday", False)])
    assert Sourcing().chain(doc).independent_sources == 1


def test_an_anonymous_source_that_told_the_article_adds_nothing_to_a_claim_no_one_is_credited_with():
    from tests.sourcing.test_route import run
    text = ("Fire in the hills\n\nA forest fire near the village of Elm burned forty hectares of pine on Monday."
            "\n\nFire crews from three towns worked through the night.\n\nA neighbour who would not give her name told us "
            "the flames came close to the church.")
    _, chain = run(text, [("A neighbour who would not give her name", "told us", "the flames came close to the church",
                           True)])
    assert len(chain.hops) == 1 and "anonymous_source" not in {f.kind for f in chain.flags}


def test_in_a_round_up_an_anonymous_source_of_the_next_item_backs_another_story():
    from tests.sourcing.test_lead import ROUNDUP, _by_lines
    text = ROUNDUP.replace("A message forwarded in many groups claims", "The portal Coast Wire reported that").replace(
        "A green parrot rode", "A reader who kept his name out of it wrote to us that a green parrot rode")
    speakers = [("The portal Coast Wire", "reported that", "the coast road will charge drivers eight euros from June",
                 False),
                ("A reader who kept his name out of it", "wrote to us", "a green parrot rode the number four bus", True)]
    doc = _with_claims(_by_lines(make(text, speakers)), worthy={5, 6, 9})
    chain = Sourcing().chain(doc)
    assert "anonymous_source" not in {f.kind for f in chain.flags} and chain.independent_sources == 1
    news = _with_claims(_by_lines(make(text.replace("2. A parrot on the bus\n", ""), speakers)), worthy={5, 6, 7})
    chain = Sourcing().chain(news)
    assert "anonymous_source" in {f.kind for f in chain.flags} and chain.independent_sources == 2


def test_an_anonymous_source_backs_a_relayed_claim_when_it_is_said_to_have_told_the_article():
    relayed = ("Toll on the coast road\n\nCoast Wire reported that the coast road will charge drivers eight euros from June. "
               "The portal gave no source for the figure.\n\n")
    cases = [  # (sentence, speaker, cue, content, flagged)
        ("A road worker who asked not to be named confirmed to us that the booths are already built.",
         "A road worker who asked not to be named", "confirmed", "the booths are already built", True),
        ("A road worker, who asked not to be named, told us the booths are already built.",
         "A road worker, who asked not to be named", "told", "us the booths are already built", True),
        ("Officials of the roads office consulted by this newspaper said that no toll is planned.",
         "Officials of the roads office consulted by", "said", "no toll is planned", False),
        ("As one of our readers, a retired engineer, worked out, the road earns nothing today.",
         "one of our readers", "worked out", "the road earns nothing today", False),
    ]
    for sentence, speaker, cue, content, flagged in cases:
        doc = make(relayed + sentence, [("Coast Wire", "reported that", "the coast road will charge drivers eight "
                                         "euros from June", False), (speaker, cue, content, True)])
        chain = Sourcing().chain(_with_claims(doc, worthy={1}))
        assert ("anonymous_source" in {f.kind for f in chain.flags}) is flagged, sentence


def test_a_pronoun_right_before_the_cue_is_the_article_told():
    text = ("Péage sur la route côtière\n\nLe portail Côte Info affirme que la route côtière sera payante dès juin.\n\n"
            "Un cantonnier, qui a requis l'anonymat, nous a confirmé que les barrières sont posées.")
    for told, flagged in (("nous a confirmé", True), ("a confirmé", False)):
        doc = make(text.replace("nous a confirmé", told), [
            ("Le portail Côte Info", "affirme", "la route côtière sera payante dès juin", False),
            ("Un cantonnier, qui a requis l'anonymat,", "a confirmé", "les barrières sont posées", True)], lang="fr")
        chain = Sourcing().chain(_with_claims(doc, worthy={1}))
        assert ("anonymous_source" in {f.kind for f in chain.flags}) is flagged, told


def test_an_outlet_noun_is_the_article_told_only_with_a_demonstrative_or_our():
    relayed = ("Brückensperre\n\nDer Stadtbote berichtet, dass die alte Brücke ab Mai gesperrt wird.\n\n")
    cases = [  # (cue and addressee, flagged)
        ("sagte dieser Zeitung,", True),   # this paper: the article was told
        ("sagte unserer Redaktion,", True),
        ("sagte der Agentur,", False),     # a plain article: another outlet, the one relayed
        ("sagte einer Zeitung,", False),
    ]
    for told, flagged in cases:
        sentence = f"Ein Mitarbeiter des Bauamts, der ungenannt bleiben will, {told} dass die Pläne fertig sind."
        doc = make(relayed + sentence, [
            ("Der Stadtbote", "berichtet,", "die alte Brücke ab Mai gesperrt wird", False),
            ("Ein Mitarbeiter des Bauamts, der ungenannt bleiben will,", told, "die Pläne fertig sind", True)], lang="de")
        chain = Sourcing().chain(_with_claims(doc, worthy={1}))
        assert ("anonymous_source" in {f.kind for f in chain.flags}) is flagged, told


def test_an_outlet_noun_with_this_or_our_is_the_article_in_every_word_order():
    cases = [("en", "confirmed to this blog that", True), ("en", "confirmed to the blog that", False),
             ("fr", "a confirmé à notre journal que", True), ("fr", "a confirmé au journal que", False),
             ("es", "dijo a este diario que", True), ("es", "dijo al diario que", False),
             ("pl", "powiedział dla tej gazety, że", True), ("pl", "powiedział dla gazety, że", False),
             ("vi", "nói với tờ báo này rằng", True), ("vi", "nói với tờ báo kia rằng", False)]
    for lang, text, ours in cases:
        noun = cues.find("outlet_nouns", text, lang)[0]
        assert _ours(text, noun, lang) is ours, text
