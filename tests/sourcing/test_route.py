"""The main claim and its route on invented articles (no model: hand-built documents)."""

from __future__ import annotations

import dataclasses

import pytest

from claimscope.model import Paragraph, Sentence
from claimscope.stages.sourcing.names import bare_name
from tests.sourcing.test_chain import STAGE, make


def _paragraphs(doc):
    """Blank-line paragraphs and sentence paragraph indices for a hand-built document."""
    text, paras, start = doc.text, [], 0
    for block in text.split("\n\n"):
        paras.append(Paragraph(start, start + len(block)))
        start += len(block) + 2
    sentences = tuple(Sentence(s.start, s.end, next(i for i, p in enumerate(paras) if p.start <= s.start <= p.end),
                               s.lang) for s in doc.sentences)
    return doc.evolve(paragraphs=tuple(paras), sentences=sentences)


def run(text, attributions=(), findings=()):
    doc = STAGE(_paragraphs(make(text, attributions, findings)))
    (chain,) = doc.sourcing
    return doc, chain


def names(chain):
    return [h.name for h in chain.hops]


def test_main_claim_is_the_lead_after_headline_and_byline():
    text = ("Harbour crane collapses in storm\n\nBy Ada Quill | 3 March\n\n"
            "A harbour crane collapsed on Tuesday night during a storm that brought winds of 120 km/h to the coast. "
            "Nobody was hurt, the port authority said.")
    doc, chain = run(text, [("the port authority", "said", "Nobody was hurt", False)])
    assert doc.text[chain.claim_start:chain.claim_end].startswith("A harbour crane collapsed")


def test_inverted_credit_and_participle_relay_to_an_anonymous_source():
    text = ("Mine flooded\n\nThe lower gallery of the northern mine flooded overnight and forty workers were "
            "evacuated, reports the newspaper Valley Courier, citing a source in the regional ministry.\n\n"
            "The company did not comment on the report that evening.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Valley Courier", "a source in the regional ministry"]
    assert chain.hops[-1].anonymous
    assert {"single_source", "anonymous_source"} <= {f.kind for f in chain.flags}


def test_a_quoted_description_after_a_relay_cue_is_an_anonymous_source():
    text = ("Mine flooded\n\nThe lower gallery of the northern mine flooded overnight and forty workers were "
            "evacuated, reports the newspaper Valley Courier, citing \u201can engineer of the mining company who "
            "asked to stay anonymous\u201d, on Tuesday.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Valley Courier",
                            "an engineer of the mining company who asked to stay anonymous"]
    assert chain.hops[-1].anonymous


def test_a_clause_taken_for_a_speaker_is_no_origin():
    text = ("Photo ban\n\nFrom May, visitors will no longer be allowed to take photos in the park without written "
            "consent, reports the portal Echo Hub.")
    _, chain = run(text, [("allowed to take photos in the park without", "written", "consent", False),
                          ("the portal Echo Hub", "reports", "From May, visitors will no longer be allowed to take "
                           "photos in the park without written consent", False)])
    assert names(chain) == ["this article", "Echo Hub"]


def test_blogs_citing_each_other_are_circular():
    text = ("Secret deal\n\nThe town council secretly sold the old school grounds to a foreign investor for one euro "
            "last spring. The story was first told by the blog Red Lantern, citing the portal Blue Harbor. "
            "Blue Harbor, in turn, credits the scoop to Red Lantern in its own note.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Red Lantern", "Blue Harbor", "Red Lantern"]
    assert "circular_sourcing" in {f.kind for f in chain.flags}


def test_a_vague_credit_line_credits_no_one():
    text = ("Fuel prices rise again\n\nPetrol prices rose by four cents a litre this week across the country, "
            "the highest weekly rise since last summer according to the figures.\n\nSource: compiled")
    _, chain = run(text, findings=[("credit_line", "Source: compiled", "source_line", "compiled")])
    assert names(chain) == ["this article"]


def test_a_credit_line_naming_two_unknown_outlets_credits_the_first():
    text = ("Printers spy on you\n\nHome printers now send a copy of every scan to the tax office, bloggers "
            "claim.\n\nSource: Pine Watch / Harbour Notes")
    _, chain = run(text, findings=[("credit_line", "Source: Pine Watch / Harbour Notes", "source_line",
                                    "Pine Watch / Harbour Notes")])
    assert names(chain) == ["this article", "Pine Watch"]


def test_the_whole_article_counts_more_sources_than_the_claim():
    text = ("Relief for farmers\n\nThe regional government will pay 200 euros a hectare to farmers whose crops "
            "were lost in the August floods, Minister Lina Berg announced on Monday.\n\n"
            "Farm union leader Paul Asker welcomed the plan but called it late.\n\n"
            "Economist Rita Olin said the budget could cover about half of the damage.")
    doc, chain = run(text, [
        ("Minister Lina Berg", "announced", "The regional government will pay 200 euros a hectare to farmers "
         "whose crops were lost in the August floods", False),
        ("Farm union leader Paul Asker", "welcomed", "the plan but called it late", False),
        ("Economist Rita Olin", "said", "the budget could cover about half of the damage", False)])
    assert names(chain) == ["this article", "Minister Lina Berg"]
    assert chain.hops[-1].attribution == 0
    assert chain.article_sources == 3 and chain.independent_sources < chain.article_sources


def test_an_outlet_credited_in_brackets_comes_first_and_the_others_only_when_relayed():
    text = ("Ferry strike ends\n\nThe ferry workers ended their four-day strike on Friday after the company agreed "
            "to a pay rise of six percent, union leader Marta Solis said.\n\n(Reuters, AFP)")
    _, chain = run(text, [("union leader Marta Solis", "said", "The ferry workers ended their four-day strike on "
                           "Friday after the company agreed to a pay rise of six percent", False)])
    assert [h.outlet_id for h in chain.hops[1:-1]] == ["reuters"]  # AFP, beside it, relays nothing here
    assert chain.hops[-1].name == "Marta Solis"  # role + name: the name
    relayed = text.replace("Marta Solis said.", "Marta Solis said. Reuters, citing AFP, added that the boats sail "
                           "again on Saturday.")
    _, chain = run(relayed, [("union leader Marta Solis", "said", "The ferry workers ended their four-day strike on "
                              "Friday after the company agreed to a pay rise of six percent", False)])
    assert [h.outlet_id for h in chain.hops[1:3]] == ["reuters", "afp"]


def test_an_outlet_relaying_the_first_one_on_another_point_is_not_on_the_route():
    text = ("Train lost\n\nA container train bound for the border has been missing for three days somewhere on the "
            "steppe, TASS reported on Monday. Sputnik, citing TASS, said the train left the port a week ago.")
    _, chain = run(text)
    assert [h.outlet_id for h in chain.hops[1:]] == ["tass"]
    assert "state_media_origin" in {f.kind for f in chain.flags}


def test_a_claim_resting_on_unnamed_reports_is_anonymous():
    text = ("Generous benefits\n\nAccording to media reports, a family of twelve receives more than ten thousand "
            "euros a month in benefits from the district office.")
    _, chain = run(text)
    assert chain.hops[-1].anonymous and chain.hops[-1].name == "media reports"
    assert {"anonymous_source", "single_source"} <= {f.kind for f in chain.flags}


def test_a_claim_about_unnamed_people_does_not_rest_on_them():
    text = ("Road closed\n\nResidents of the old harbour district will have to take a three-kilometre detour "
            "until the end of May while the coast road is rebuilt.")
    _, chain = run(text)
    assert names(chain) == ["this article"]
    assert "anonymous_source" not in {f.kind for f in chain.flags}


def test_a_platform_is_not_a_source():
    text = ("Fake rice\n\nA warning that plastic rice is sold in local markets, first posted by the page "
            "\"Clean Food Watch\", was shared by many groups on Facebook this week. The page Clean Food Watch "
            "gives no shop name and no test result.")
    _, chain = run(text)
    assert "Facebook" not in names(chain)


def test_a_document_after_a_relay_cue_stands_for_the_body_behind_it():
    text = ("Bridge closed\n\nThe old river bridge will stay closed for two years, the daily Morning Ledger "
            "reported, citing a statement from the Roads Office.\n\nDrivers face long detours.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Morning Ledger", "Roads Office"]
    assert chain.hops[-1].kind == "speaker"


def test_hop_names_in_their_shortest_form():
    assert bare_name("the newspaper Valley Courier", "en") == "Valley Courier"
    assert bare_name("the report of the Water Board", "en") == "Water Board"
    assert bare_name("the head of the Water Board", "en") == "the head of the Water Board"


def test_a_credit_line_of_outlet_nouns_names_no_one():
    text = ("Storm hits coast\n\nA storm with winds of 130 km/h hit the northern coast overnight and cut power "
            "to twenty thousand homes.\n\nSource: Agencies")
    _, chain = run(text, findings=[("credit_line", "Source: Agencies", "source_line", "Agencies")])
    assert names(chain) == ["this article"]


def test_only_an_anonymous_source_that_spoke_to_the_article_adds_to_a_relayed_claim():
    told = ("Clinic closing\n\nThe night clinic of the old hospital will close in May, the portal Town Wire reported."
            "\n\nA nurse who asked not to be named told us the staff had been informed last week.")
    _, chain = run(told, [("A nurse who asked not to be named", "told us",
                           "the staff had been informed last week", True)])
    assert chain.independent_sources == 2 and "anonymous_source" in {f.kind for f in chain.flags}
    quoted = told.replace("told us", "told a Town Wire reporter")
    _, chain = run(quoted, [("A nurse who asked not to be named", "told a Town Wire reporter",
                             "the staff had been informed last week", True)])
    assert chain.independent_sources == 1


def test_an_outlet_noun_inside_a_proper_name_introduces_no_outlet():
    text = ("Wolf found\n\nRangers found a dead wolf in the northern valley on Monday, the Office of Media "
            "Relations of the Park Service said.")
    doc, chain = run(text, [("the Office of Media Relations of the Park Service", "said",
                             "Rangers found a dead wolf in the northern valley on Monday", False)])
    assert chain.hops[-1].kind == "speaker" and "Office of Media Relations" in chain.hops[-1].name


def test_a_registry_outlet_introduced_by_a_noun_ends_before_a_lower_case_word():
    text = ("Ferries stopped\n\nAll ferries to the islands were stopped on Sunday, the news agency Reuters in "
            "Lisbon reported.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Reuters"]


def test_a_headline_credit_adds_no_source():
    text = ("Dam to be raised, says Reuters\n\nThe northern dam will be raised by four metres next year, the daily "
            "Morning Ledger reported on Friday.")
    _, chain = run(text, findings=[("credit_line", "says Reuters", "source_line", "Reuters")])
    assert names(chain) == ["this article", "Morning Ledger"]


def test_a_relayed_person_named_beside_the_role():
    text = ("Drills announced\n\nThe navy will hold drills near the islands next week, the portal Harbour Voice "
            "reported, citing the spokesman of the navy command, Ivan Lomov.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Harbour Voice", "Ivan Lomov"]


def test_a_relay_to_a_speaker_the_attribution_stage_found_anonymous():
    text = ("Talks planned\n\nThe two leaders will meet in March, the daily Morning Ledger reported, citing a "
            "diplomat in the capital.")
    _, chain = run(text, [("a diplomat in the capital", "citing", "The two leaders will meet in March", True)])
    assert chain.hops[-1].anonymous and "diplomat" in chain.hops[-1].name
    assert "anonymous_source" in {f.kind for f in chain.flags}


def test_a_document_named_by_its_quoted_title_is_the_origin():
    text = ("Miracle cure\n\nA common garden herb cures migraines within a day, as the report \"Green Remedy\" "
            "showed last year.\n\nDoctors were not asked.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Green Remedy"] and chain.hops[-1].kind == "speaker"


def test_a_spokesman_of_the_origin_is_not_another_source():
    text = ("Water cut\n\nThe Water Board will cut supplies to the eastern districts for two days next week, the "
            "Water Board said on Monday.\n\nThe works are needed to replace a main pipe, said Ivo Tamm, spokesman "
            "for the Water Board.")
    _, chain = run(text, [
        ("the Water Board", "said", "The Water Board will cut supplies to the eastern districts for two days next "
         "week", False),
        ("Ivo Tamm", "said", "The works are needed to replace a main pipe", False)])
    assert names(chain)[-1] == "Water Board" and chain.independent_sources == 1


def test_an_anonymous_source_that_told_the_article_backs_a_first_hand_claim():
    text = ("Plant to close\n\nThe paper mill in Eastford will close in June and lay off 300 workers, the blogger "
            "Tom Reed wrote on Sunday.\n\nA manager who asked not to be named told us the decision was final.")
    _, chain = run(text, [
        ("the blogger Tom Reed", "wrote", "The paper mill in Eastford will close in June and lay off 300 workers",
         False),
        ("A manager who asked not to be named", "told us", "the decision was final", True)])
    assert "anonymous_source" in {f.kind for f in chain.flags}


def test_a_short_sentence_after_the_claim_credits_it_to_an_outlet():
    text = ("Drills in the north\n\nThe army will hold large drills near the northern border next month, "
            "General Ivo Marr said on Friday. This was reported by Reuters.\n\nThe ministry gave no figures.")
    _, chain = run(text, [("General Ivo Marr", "said", "The army will hold large drills near the northern border "
                           "next month", False)])
    assert [h.outlet_id or h.name for h in chain.hops] == ["this article", "reuters", "General Ivo Marr"]


def _resolved(doc, speaker, entity):
    """``doc`` with the attribution whose speaker is ``speaker`` resolved to ``entity``."""
    import dataclasses

    attributions = tuple(dataclasses.replace(a, speaker_entity=entity)
                         if doc.text[a.speaker_start:a.speaker_end] == speaker else a for a in doc.attributions)
    return doc.evolve(attributions=attributions)


def test_a_pronoun_speaker_is_named_by_the_person_it_refers_to():
    text = ("Bridge stays shut\n\nThe old Varenne bridge will stay closed until June because two of its pillars are "
            "cracked, according to him.\n\nThe engineer Paul Ravel inspected the pillars last week.")
    doc = _paragraphs(make(text, [("him", "according to", "The old Varenne bridge will stay closed until June "
                                   "because two of its pillars are cracked", False)]))
    (chain,) = STAGE(_resolved(doc, "him", "Paul Ravel")).sourcing
    assert names(chain) == ["this article", "Paul Ravel"]


@pytest.mark.parametrize("anonymous", [True, False])
def test_a_claim_resting_on_witnesses_rests_on_an_anonymous_source_when_the_attribution_stage_says_so(anonymous):
    text = ("Depot fire\n\nA grey van left the bus depot minutes before the fire broke out on Sunday night, according "
            "to witnesses at the bus stop.\n\nThe fire brigade is still looking into the cause.")
    _, chain = run(text, [("witnesses at the bus stop", "according to",
                           "A grey van left the bus depot minutes before the fire "
                           "broke out on Sunday night", anonymous)])
    assert ("anonymous_source" in {f.kind for f in chain.flags}) == anonymous  # its call, not the chain's


def test_a_description_resolved_to_a_name_written_earlier_is_named_by_it():
    text = ("Quotas cut, says Ana Lind\n\nThe fishing quotas for the northern coast will be cut by a third next year, "
            "the minister told the parliament on Tuesday.\n\nBoat owners plan a protest in the harbour.")
    doc = _paragraphs(make(text, [("the minister", "told the parliament", "The fishing quotas for the northern "
                                   "coast will be cut by a third next year", False)]))
    (chain,) = STAGE(_resolved(doc, "the minister", "Ana Lind")).sourcing
    assert names(chain) == ["this article", "Ana Lind"]
    (chain,) = STAGE(_resolved(doc, "the minister", "minister")).sourcing
    assert names(chain) == ["this article", "the minister"]  # not resolved to a name: the words stay


def test_an_outlet_noun_in_an_apposition_does_not_make_the_speaker_an_outlet():
    text = ("Ferry cancelled\n\nThe morning ferry to the islands will not run until Friday because of a broken engine, "
            "said the Harbour Office, contacted by our newspaper.\n\nPassengers were sent to the evening boat.")
    _, chain = run(text, [("the Harbour Office, contacted by our newspaper", "said", "The morning ferry to the "
                           "islands will not run until Friday because of a broken engine", False)])
    assert chain.hops[-1].kind == "speaker"


def test_a_document_with_adjectives_stands_for_the_body_it_came_from():
    text = ("Harbour report\n\nThe harbour basin holds traces of a banned solvent, the weekly Coastal Mirror "
            "reported, citing confidential data obtained from the marine laboratory in Oldport.\n\n"
            "The port authority has not commented.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Coastal Mirror", "marine laboratory in Oldport"]


def test_a_document_with_no_source_after_it_is_the_origin():
    text = ("Harbour report\n\nThe harbour basin holds traces of a banned solvent, the weekly Coastal Mirror "
            "reported, citing confidential documents.\n\nThe port authority has not commented.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Coastal Mirror", "documents"]


def test_a_role_speaker_is_named_by_the_name_in_apposition_after_it():
    text = ("Ferry\n\nEl servicio de ferry se suspenderá en mayo, según el director del puerto, Marcos Olsen, "
            "citado por el diario Gaceta Fluvial.\n\nLos vecinos no fueron informados.")
    _, chain = run(text, [("el director del puerto", "según", "El servicio de ferry se suspenderá en mayo", False)])
    assert names(chain)[-1] == "Marcos Olsen"


def test_a_claim_citing_a_document_of_a_body_rests_on_the_body():
    text = ("Ferry\n\nThe ferry service to Oldport will stop in May, according to data from the regional "
            "statistics office.\n\nResidents were not told why, a neighbour said.")
    _, chain = run(text, [("a neighbour", "said", "Residents were not told why", True)])
    assert names(chain) == ["this article", "regional statistics office"]
    text = ("Fähre\n\nDer Fährdienst nach Oldport wird im Mai eingestellt, wie aus einem Bericht des "
            "Verkehrsministeriums hervorgeht.\n\nDie Anwohner wissen noch nichts.")
    (chain,) = STAGE(_paragraphs(make(text, lang="de"))).sourcing
    assert names(chain) == ["this article", "Verkehrsministeriums"]


def test_a_pronoun_resolved_to_the_origin_is_no_other_source():
    text = ("Ferry\n\nThe ferry service to Oldport will stop in May, mayor Ana Lind said. "
            "She added that the harbour needs dredging.\n\nShop owners fear losses.")
    doc = _paragraphs(make(text, [("mayor Ana Lind", "said", "The ferry service to Oldport will stop in May", False),
                                  ("She", "added", "the harbour needs dredging", False)]))
    resolved = tuple(dataclasses.replace(a, speaker_entity="Ana Lind") for a in doc.attributions)
    (chain,) = STAGE(doc.evolve(attributions=resolved)).sourcing
    assert names(chain) == ["this article", "Ana Lind"]
    assert chain.independent_sources == 1 and chain.article_sources == 1


def test_a_role_with_a_complement_before_the_name_is_left_out():
    text = ("Ferry\n\nLe service de ferry vers Oldport s'arrêtera en mai, selon le directeur du port Marc Olsen.\n\n"
            "Les commerçants craignent des pertes.")
    doc = _paragraphs(make(text, [("le directeur du port Marc Olsen", "selon", "Le service de ferry vers Oldport "
                                   "s'arrêtera en mai", False)], lang="fr"))
    resolved = tuple(dataclasses.replace(a, speaker_entity="Marc Olsen") for a in doc.attributions)
    (chain,) = STAGE(doc.evolve(attributions=resolved)).sourcing
    assert names(chain) == ["this article", "Marc Olsen"]


def test_sites_that_got_the_information_from_each_other_are_circular():
    text = ("Ferry\n\nThe ferry to Oldport will stop in May, the blog Harbour Truth wrote, citing the site "
            "Coast Leaks. Coast Leaks, for its part, says it got the information from Harbour Truth.\n\n"
            "Neither site named a source.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Harbour Truth", "Coast Leaks", "Harbour Truth"]
    assert "circular_sourcing" in {f.kind for f in chain.flags}


def test_a_channel_named_by_its_outlet_noun_relays_its_own_sources():
    text = ("Паром\n\nПаромное сообщение с Олдпортом прекратится в мае, пишет телеграм-канал «Портовый инсайдер». "
            "Канал ссылается на собственные источники в администрации порта.\n\nВ порту не комментируют.")
    doc = _paragraphs(make(text, [("Канал", "ссылается", "на собственные источники в администрации порта", False)],
                           lang="ru"))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article", "Портовый инсайдер", "собственные источники в администрации порта"]


def test_an_unsigned_post_stands_for_the_account_that_first_published_it():
    text = ("Ferry\n\nA post shared thousands of times claims that the ferry to Oldport will stop in May. "
            "The post was first published by the account @harbour_watch.\n\nThe port denied it.")
    doc = _paragraphs(make(text, [("A post shared thousands of times", "claims",
                                   "the ferry to Oldport will stop in May", True)]))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article", "@harbour_watch"]


def test_a_swallowed_clause_after_a_name_leaves_the_name():
    text = ("Wells closed\n\nThree village wells will stay closed until the autumn, the Regional Water Board of Tarn "
            "told the weekly paper on Friday after the tests.\n\nFarmers are worried.")
    _, chain = run(text, [("the Regional Water Board of Tarn told the weekly paper on Friday after the tests",
                           "told", "Three village wells will stay closed until the autumn", False)])
    assert names(chain) == ["this article", "Regional Water Board of Tarn"]


def test_a_role_before_a_name_no_entity_resolved_leaves_the_name():
    text = ("Ferry\n\nThe night ferry will stop in May, according to the harbour master Lena Vik.\n\n"
            "Traders fear losses.")
    doc = _paragraphs(make(text, [("the harbour master Lena Vik", "according to", "The night ferry will stop in May",
                                   False)]))
    unresolved = tuple(dataclasses.replace(a, speaker_entity=None) for a in doc.attributions)
    (chain,) = STAGE(doc.evolve(attributions=unresolved)).sourcing
    assert names(chain) == ["this article", "Lena Vik"]


def test_a_source_named_in_full_elsewhere_takes_its_full_form():
    text = ("Mine\n\nThe Korva mine will close next year, the weekly Pine Post reports, citing the mine director Borg.\n\n"
            "Erik Borg said the ore had run out.")
    _, chain = run(text, [("Erik Borg", "said", "the ore had run out", False)])
    assert names(chain)[-1] == "Erik Borg"


def test_a_credited_claim_no_sentence_near_it_sources_rests_on_the_credit():
    text = ("Bakery prize\n\nA small bakery in Odelund won the national bread prize on Sunday. The jury tasted "
            "forty loaves. Ingrid Holm said the town would hold a party.\n\nSource: Reuters")
    _, chain = run(text, [("Ingrid Holm", "said", "the town would hold a party", False)],
                   findings=[("credit_line", "Source: Reuters", "source_line", "Reuters")])
    assert names(chain) == ["this article", "Reuters"]
    _, chain = run(text.replace("Source: Reuters", "Weather was fine."),
                   [("Ingrid Holm", "said", "the town would hold a party", False)])
    assert names(chain)[-1] == "Ingrid Holm"  # no credit: the first sentence after that names a source


def test_an_inflected_name_takes_the_form_a_speaker_gives_it():
    text = ("Most\n\nMost w Lipnie zostanie zamknięty do czerwca, według burmistrza Tomasza Wilczyńskiego.\n\n"
            "Tomasz Wilczyński powiedział, że remont potrwa dłużej.")
    doc = _paragraphs(make(text, [("burmistrza Tomasza Wilczyńskiego", "według", "Most w Lipnie zostanie zamknięty do "
                                   "czerwca", False), ("Tomasz Wilczyński", "powiedział", "remont potrwa dłużej", False)],
                           lang="pl"))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article", "Tomasz Wilczyński"]


def test_a_press_release_claim_nobody_is_credited_with_is_its_issuers():
    text = ("Orchard Valley Growers report a record pear harvest\n\nPRESS RELEASE \u2013 Linden, 2 October\n\n"
            "The Orchard Valley Growers Association (OVGA) brought in 41,000 tonnes of pears this season, "
            "a fifth more than last year.\n\nThe cold store in Linden will grow by half next spring.\n\n"
            "About OVGA\nPress contact: OVGA communications office")
    _, chain = run(text)
    assert names(chain) == ["this article", "Orchard Valley Growers Association (OVGA)"]


def test_a_press_release_claim_is_its_issuers_before_what_it_quotes_next():
    text = ("Orchard Valley Growers report a record pear harvest\n\nPRESS RELEASE \u2013 Linden, 2 October\n\n"
            "The Orchard Valley Growers Association (OVGA) brought in 41,000 tonnes of pears this season. "
            "Most of it was sold abroad, said the sales manager Ida Roos.\n\n"
            "About OVGA\nPress contact: OVGA communications office")
    _, chain = run(text, [("the sales manager Ida Roos", "said", "Most of it was sold abroad", False)])
    assert names(chain) == ["this article", "Orchard Valley Growers Association (OVGA)"]


def test_an_article_that_is_no_press_release_has_no_issuer():
    text = ("Orchard Valley Growers report a record pear harvest\n\nLinden, 2 October\n\n"
            "Members of the Orchard Valley Growers Association (OVGA) brought in 41,000 tonnes of pears this "
            "season, a fifth more than last year.\n\nAbout OVGA")
    _, chain = run(text)
    assert names(chain) == ["this article"]  # (a claim opening on the body is the body's act: test_bodies)


def test_a_speaker_span_over_a_sentence_end_or_opening_on_a_pronoun_names_no_one():
    text = ("Ferry\n\nThe ferry to Oldport will stop in May. It carried 9,000 people in 2019. Many of them said "
            "it was too dear. He had written under a post of the mayor Ana Lind that the boat was sold.")
    doc = _paragraphs(make(text, [("2019. Many of them", "said", "it was too dear", False),
                                  ("He had written under a post of the mayor Ana Lind", "written",
                                   "the boat was sold", False)]))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article"]


def test_a_person_citing_a_report_of_the_outlet_that_quotes_them_closes_a_loop():
    text = ("Ferry\n\nThe ferry to Oldport will stop in May, the channel Coast TV reports, citing the sailor "
            "Tom Reed. Asked where the figure came from, he cited a report that Coast TV aired last year.")
    doc = _paragraphs(make(text, [("he", "cited", "a report that Coast TV aired last year", False)]))
    at = text.index("he cited")
    said = dataclasses.replace(doc.attributions[0], speaker_start=at, speaker_end=at + 2, speaker_entity="Tom Reed")
    (chain,) = STAGE(doc.evolve(attributions=(said,))).sourcing
    assert names(chain) == ["this article", "Coast TV", "Tom Reed", "Coast TV"]
    assert "circular_sourcing" in {f.kind for f in chain.flags}


def test_a_document_no_one_signs_is_the_origin():
    text = ("Ferry\n\nThe ferry to Oldport will stop running on 1 May. A letter pinned to the pier gate warns of it.\n\n"
            "Passengers said they were surprised.")
    doc = _paragraphs(make(text, [("A letter pinned to the pier gate", "warns", "The ferry to Oldport will stop running on 1 May",
                                   False)]))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article", "A letter pinned to the pier gate"]


def test_a_sentences_first_word_taken_for_a_speaker_names_no_one():
    text = "Ferry\n\nThe ferry to Oldport will stop in May. Much depends on the port, the harbour master said."
    doc = _paragraphs(make(text, [("Much", "depends", "on the port", False)]))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article"]



def test_a_claim_citing_a_survey_or_a_document_owned_in_the_genitive_rests_on_its_owner():
    text = ("Ferry\n\nTwo thirds of the islanders want the ferry to Oldport kept, according to a survey by the "
            "Harbour Board.\n\nThe port did not comment.")
    _, chain = run(text)
    assert names(chain) == ["this article", "Harbour Board"]
    text = ("Prom\n\nChodzi o wniosek stowarzyszenia Morska Fala, które chce wydłużyć kursy promu do Oldportu."
            "\n\nPort nie skomentował sprawy.")
    (chain,) = STAGE(_paragraphs(make(text, lang="pl"))).sourcing
    assert names(chain) == ["this article", "stowarzyszenia Morska Fala"]



def test_a_speaker_ending_on_a_function_word_names_no_one_and_a_handle_keeps_its_dots():
    from claimscope.stages.sourcing.names import Names

    text = ("Ferry\n\nThe governments of two islands want the ferry to Oldport kept.\n\n"
            "The account @aunt.rosie.recipes posted it first.")
    doc = _paragraphs(make(text, [("The governments of", "want", "the ferry to Oldport kept", False)]))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article"]
    assert "@aunt.rosie.recipes" in [s.name for s in Names(doc, STAGE.finder).all]


def test_a_press_release_whose_claim_names_no_issuer_is_the_one_its_header_lines_share():
    text = ("Lynx counted in the Grey Valley reserve\n\nPRESS RELEASE\nGrey Valley Nature Reserve\n\n"
            "This winter the cameras of the reserve recorded fourteen adult lynx, twice as many as in 2018.\n\n"
            "Press contact: press office")
    _, chain = run(text)
    assert names(chain) == ["this article", "Grey Valley"]


def test_a_registry_outlet_whose_name_the_speaker_span_cuts_short_is_the_outlet():
    text = "Ferries stopped\n\nThe channel RT en Español reported that all ferries to the islands stopped on Sunday."
    _, chain = run(text, [("The channel RT", "reported that", "all ferries to the islands stopped on Sunday", False)])
    assert [h.outlet_id for h in chain.hops[1:]] == ["rt"] and "state_media_origin" in {f.kind for f in chain.flags}


def test_a_source_named_inside_someone_elses_quotation_is_what_they_claim_not_a_hop():
    text = ("Reservoir rumour\n\n\u00abThe radio station said the reservoir is empty\u00bb, claims the voice message "
            "passed around the district.")
    doc = make(text, [("The radio station", "said", "the reservoir is empty", False),
                      ("the voice message passed around the district", "claims",
                       "The radio station said the reservoir is empty", False)])
    outer = dataclasses.replace(doc.attributions[1], direct=True)
    doc = STAGE(_paragraphs(doc.evolve(attributions=(doc.attributions[0], outer))))
    (chain,) = doc.sourcing
    assert names(chain) == ["this article", "the voice message passed around the district"]
