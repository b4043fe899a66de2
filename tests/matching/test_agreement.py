"""A match that states another claim of the topic than the sentence that found it (its
numbers contradict the sentence's, ``numbers_contradict``; it names a person the article
never names, ``person_absent``) is reported only from the body bar. Our own sentences."""

from __future__ import annotations

from types import SimpleNamespace

from claimscope.model import Article, FactCheck, Meta
from claimscope.pipeline import Pipeline
from claimscope.search.candidates import SearchHit
from claimscope.search.fusion import FusionWeights
from claimscope.stages import default_stages
from claimscope.stages.agreement import (entity_absent, key, numbers_contradict, period_absent, person_absent,
                                         persons, rare_name_absent, rare_names, tags_absent)
from claimscope.stages.matching import Matching, query_sentences


def test_different_numbers_contradict():
    assert numbers_contradict("Le maire a annoncé 300 soldats dans la ville.", "The town gets 5,000 soldiers.")


def test_a_shared_number_agrees_whatever_its_separators():
    assert not numbers_contradict("Selon le message, 5.000 moutons sont morts et 12 bergers malades.",
                                  "5,000 sheep died after a vaccination.")
    assert not numbers_contradict("Le taux aurait atteint 47,2 % en mars.", "The rate reached 47.2 percent.")
    assert not numbers_contradict("Il y aurait 12 000 réfugiés au camp, dit-il en 2021.", "12,000 refugees live there.")


def test_a_number_in_one_text_only_or_a_year_says_nothing():
    assert not numbers_contradict("Trois cents soldats arrivent en ville.", "The town gets 5,000 soldiers.")
    assert not numbers_contradict("En 2019, le pont a été fermé.", "The bridge was closed in 2021.")


def test_a_person_is_two_capitalised_words_that_are_no_common_words():
    assert persons("A viral post says that a baker named Ottilie Brandt was fined for it.", "en") == [
        ("Ottilie", "Brandt")]
    assert persons("Parents say Golden Harvest cereal is toxic. The Town Council denied it.", "en") == []
    assert persons("Was a Baker Named Ottilie Brandt Fined for Selling Bread?", "en") == []  # title case
    assert persons("Ottilie Brandt was fined.", "xx") == []  # no word list: a name cannot be told from a word


def test_a_name_is_compared_across_scripts_and_inflections():
    assert key("Брандт") == key("Brandt")
    assert key("Клинтон") == key("Clinton")
    assert not person_absent("Сообщается, что пекаря Оттилию Брандт оштрафовали.",
                             "A baker named Ottilie Brandt was fined.", "en")
    assert not person_absent("Piekarkę Ottilię Brandt ukarano grzywną.", "A baker named Ottilie Brandt was fined.", "en")


def test_a_person_the_article_never_names_is_absent():
    article = "Une boulangère de Vierzon, Maëlle Tissot, aurait reçu une amende. Elle dément."
    assert person_absent(article, "A baker named Ottilie Brandt was fined for selling bread.", "en")
    assert not person_absent(article, "A baker in France was fined for selling bread on Sunday.", "en")
    assert not person_absent("خبز", "A baker named Ottilie Brandt was fined.", "en")  # a script without romanisation


class _Store:
    def __init__(self, records):
        self.records = {r.id: r for r in records}

    def get_many(self, ids):
        return [self.records[i] for i in ids if i in self.records]


ARTICLE = (
    "Des centaines de soldats étrangers arrivent à Port-Vila\n\n"
    "Selon un message partagé des milliers de fois, 300 soldats étrangers seraient arrivés à Port-Vila "
    "pour surveiller le scrutin de dimanche."
)


def _front_checks(article: str, marker: str, other: FactCheck, same: FactCheck) -> None:
    """A front match to ``other`` (which disagrees with the article) needs the body bar; one to
    ``same`` passes at a middling confidence; ``other`` above the body bar passes."""
    doc = Pipeline([Matching() if s.name == "matching" else s for s in default_stages()]).run(
        Article(article, Meta(title=article.split("\n")[0], date="2022-10-10")))
    chosen = query_sentences(doc)
    lead = next(n for n, i in enumerate(chosen) if marker in doc.text[doc.sentences[i].start:doc.sentences[i].end])
    stage = Matching(store=_Store([other, same]), index=SimpleNamespace(weights=FusionWeights()))
    middling = FusionWeights().body_confidence - 0.2
    assert stage._matched(doc, chosen, [(SearchHit("other", 1.0, middling, 0.8, 0.0), lead)]).matches == ()
    found = stage._matched(doc, chosen, [(SearchHit("same", 1.0, middling, 0.8, 0.0), lead)])
    assert [m.factcheck_id for m in found.matches] == ["same"]
    sure = FusionWeights().body_confidence + 0.1
    found = stage._matched(doc, chosen, [(SearchHit("other", 1.0, sure, 0.8, 0.0), lead)])
    assert [m.factcheck_id for m in found.matches] == ["other"]


def test_a_front_match_with_contradicting_numbers_needs_the_body_bar():
    _front_checks(ARTICLE, "300",
                  FactCheck(id="other", claim="5,000 soldiers from abroad were flown into Port Vila before the vote.",
                            review_date="2022-10-09"),
                  FactCheck(id="same", claim="300 foreign soldiers landed in Port Vila to watch the election.",
                            review_date="2022-10-09"))


PERSON_ARTICLE = (
    "Une boulangère de Vierzon condamnée pour avoir vendu du pain le dimanche\n\n"
    "Selon un message partagé des milliers de fois, une boulangère de Vierzon aurait reçu une amende "
    "pour avoir ouvert sa boutique un dimanche. Maëlle Tissot, la boulangère, dément."
)


def test_a_front_match_naming_a_person_the_article_never_names_needs_the_body_bar():
    _front_checks(PERSON_ARTICLE, "message",
                  FactCheck(id="other", claim="A French baker named Ottilie Brandt was fined for opening on Sunday.",
                            review_date="2022-10-09", language="en"),
                  FactCheck(id="same", claim="A baker in Vierzon was fined for opening her shop on a Sunday.",
                            review_date="2022-10-09", language="en"))


def test_a_country_the_article_never_names_is_absent_in_any_language():
    article = "Selon une rumeur, l'armée allemande aurait acheté des chars à la Pologne."
    assert entity_absent(article, "Germany bought tanks from Ukraine.")
    assert not entity_absent(article, "Germany bought tanks from Poland.")
    assert not entity_absent("Rumour: Berlin paid Warsaw for the tanks.", "A claim about tanks.")
    # a form the tables lack, named by a word that begins like one of the entity's names
    assert not entity_absent("Selon une rumeur, un drone américain aurait survolé la ville.", "A US drone flew over the town.")


def test_a_front_match_naming_a_country_the_article_never_names_needs_the_body_bar():
    _front_checks(ARTICLE, "300",
                  FactCheck(id="other", claim="300 foreign soldiers landed in Ukraine to watch the election.",
                            review_date="2022-10-09", language="en"),
                  FactCheck(id="same", claim="300 foreign soldiers landed in Port Vila to watch the election.",
                            review_date="2022-10-09", language="en"))


def test_a_period_far_from_the_article_and_from_every_period_it_names_is_absent():
    record = "The 2014 comet will be the brightest ever seen from Europe."
    assert period_absent("La comète sera visible cette nuit depuis la côte.", "2023-05-02", record)
    assert not period_absent("La comète de 2014 serait la plus brillante jamais vue.", "2023-05-02", record)
    assert not period_absent("La comète sera visible cette nuit.", "2015-02-10", record)  # within a year
    assert not period_absent("La comète sera visible cette nuit.", "", record)  # nothing to compare with
    assert not period_absent("La comète sera visible.", "2023-05-02", "The comet is the brightest ever.")


def test_a_front_match_naming_a_period_far_from_the_article_needs_the_body_bar():
    _front_checks(ARTICLE, "300",
                  FactCheck(id="other", claim="In 2009, 300 foreign soldiers landed in Port Vila to watch the election.",
                            review_date="2022-10-09", language="en"),
                  FactCheck(id="same", claim="300 foreign soldiers landed in Port Vila to watch the election.",
                            review_date="2022-10-09", language="en"))


BODY_ARTICLE = (
    "Des chars vendus en secret, selon une rumeur\n\n"
    "Selon un message partagé des milliers de fois, la mairie de Lyon aurait vendu trois chars anciens à un collectionneur.\n\n"
    "Le collectionneur affirme avoir payé les chars en liquide au maire lui-même. "
    "La mairie assure que les chars sont toujours au musée de la ville."
)


def _stage_and_doc(records):
    doc = Pipeline([Matching() if s.name == "matching" else s for s in default_stages()]).run(
        Article(BODY_ARTICLE, Meta(title=BODY_ARTICLE.split("\n")[0], date="2022-10-10")))
    chosen = list(range(len(doc.sentences)))  # every sentence, as if all were queried
    at = {marker: next(i for i in chosen if marker in doc.text[doc.sentences[i].start:doc.sentences[i].end])
          for marker in ("rumeur", "liquide", "musée")}
    return Matching(store=_Store(records), index=SimpleNamespace(weights=FusionWeights())), doc, chosen, at


def test_a_body_match_needs_one_sentence_at_the_body_bar_not_several_middling_ones():
    stage, doc, chosen, at = _stage_and_doc([FactCheck(id="case", claim="Lyon sold old tanks to a collector.",
                                                       review_date="2022-10-09", language="en")])
    bar = FusionWeights().body_confidence
    middling = ((at["liquide"], bar - 0.2), (at["musée"], bar - 0.2))  # together above the bar, neither alone
    hit = SearchHit("case", 1.0, bar + 0.1, 0.8, 0.0, found_by=middling)
    assert stage._matched(doc, chosen, [(hit, at["liquide"])]).matches == ()
    alone = SearchHit("case", 1.0, bar + 0.1, 0.8, 0.0, found_by=((at["liquide"], bar + 0.05),))
    assert [m.factcheck_id for m in stage._matched(doc, chosen, [(alone, at["liquide"])]).matches] == ["case"]


def test_a_body_match_the_headline_finds_on_its_own_counts_as_a_front_match():
    stage, doc, chosen, at = _stage_and_doc([FactCheck(id="case", claim="Lyon sold old tanks to a collector.",
                                                       review_date="2022-10-09", language="en")])
    threshold, bar = FusionWeights().article_threshold, FusionWeights().body_confidence
    headline = (at["rumeur"], threshold + 0.05)
    hit = SearchHit("case", 1.0, bar - 0.1, 0.8, 0.0, found_by=((at["liquide"], bar - 0.2), headline))
    assert [m.factcheck_id for m in stage._matched(doc, chosen, [(hit, at["liquide"])]).matches] == ["case"]
    weak = SearchHit("case", 1.0, bar - 0.1, 0.8, 0.0, found_by=((at["liquide"], bar - 0.2), (at["rumeur"], threshold - 0.1)))
    assert stage._matched(doc, chosen, [(weak, at["liquide"])]).matches == ()


def test_a_rare_name_is_one_rare_capitalised_word_that_opens_no_sentence():
    assert rare_names("A warehouse fire broke out in Quimperlé last night.", "en") == ["Quimperlé"]
    assert rare_names("Quimperlé had a fire. Firefighters came from the Whale Museum.", "en") == []  # opens a sentence; common words
    assert rare_names("Does an X-Ray Show a Fire in Quimperlé?", "en") == []  # a headline in title case
    assert rare_names("An X-ray shows the damage.", "en") == []  # hyphenated


def test_a_rare_name_the_article_never_names_is_absent():
    article = "Un entrepôt a brûlé à Carhaix dans la nuit, selon les pompiers."
    assert rare_name_absent(article, "A warehouse fire broke out in Quimperlé last night.", "en")
    assert not rare_name_absent(article, "A warehouse fire broke out in Carhaix last night.", "en")
    assert not rare_name_absent(article, "A warehouse fire broke out in a town of western France.", "en")


def test_a_front_match_naming_a_town_the_article_never_names_needs_the_body_bar():
    _front_checks(ARTICLE, "300",
                  FactCheck(id="other", claim="300 foreign soldiers landed in Nukualofa to watch the election.",
                            review_date="2022-10-09", language="en"),
                  FactCheck(id="same", claim="300 foreign soldiers landed in Port Vila to watch the election.",
                            review_date="2022-10-09", language="en"))


def test_tags_naming_only_places_and_actors_the_article_never_names_are_absent():
    article = "Selon un message partagé, la mairie de Quimperlé aurait interdit les barbecues sur les quais."
    assert tags_absent(article, ("Ukraine", "Donbas", "War in Ukraine"))
    assert tags_absent(article, ("Angela Merkel", "Germany", "Migration"))
    # one tag the article names is enough: tags list every country a case touches
    assert not tags_absent("Le maire dit que des touristes allemands se plaignent.", ("Germany", "Poland", "EU"))
    # a topic is no who or where, and a case without such tags says nothing
    assert not tags_absent("Le message prétend que le vaccin rend malade.", ("coronavirus", "vaccination"))
    assert not tags_absent(article, ("Elections", "Media"))
    assert not tags_absent(article, ())
    # a French article need not name France: the country of its language counts as named
    assert tags_absent(article, ("France", "Elections"))
    assert not tags_absent(article, ("France", "Elections"), "fr")


def test_a_front_match_filed_under_places_the_article_never_names_needs_the_body_bar():
    _front_checks(ARTICLE, "300",
                  FactCheck(id="other", claim="300 foreign soldiers landed to watch the election.",
                            review_date="2022-10-09", language="en", keywords=("Military", "Belarus", "Lukashenko")),
                  FactCheck(id="same", claim="300 foreign soldiers landed to watch the election.",
                            review_date="2022-10-09", language="en", keywords=("Military", "Elections")))
