"""The learned choice of a pronoun's antecedent (``antecedents``): its candidates, their
features, and a ranker overriding the rules' choice. Sentences are our own."""

from claimscope.ranker import Ranker
from claimscope.stages.attribution import antecedents
from claimscope.stages.attribution.entities import EntityResolver
from claimscope.stages.attribution.tables import load_table
from tests.attribution.util import by_cue, run


def _decisions(sentences, lang, ranker=None):
    record: list = []
    with antecedents.using(ranker, record):
        text, found = run(sentences, lang)
    return text, found, record


def test_every_person_named_before_is_a_candidate_and_the_rules_choice_is_marked():
    text, found, record = _decisions(["Linda Carver said that David Rowe had promised the funds in January.",
                                      "She added that the work would start in May."], "en")
    [(span, cands, rule)] = record
    assert text[span[0] : span[1]] == "She"
    names = [c.names(text)[0] for c in cands]
    assert sorted(names) == ["David Rowe", "Linda Carver"]
    assert names[rule] == "Linda Carver" == by_cue(found, "added")["entity"]
    features = {c.names(text)[0]: c.features for c in cands}
    assert features["Linda Carver"]["rule"] == 1.0 and features["David Rowe"]["rule"] == 0.0
    assert features["David Rowe"]["previous_speaker"] == 1.0
    assert features["David Rowe"]["inside_report"] == 1.0  # what Linda Carver reports
    assert features["Linda Carver"]["first_person_named"] == 1.0


def test_a_candidate_of_the_other_gender_is_left_out_while_another_remains():
    text, _, record = _decisions(["Le maire Paul Roy a reçu la ministre Léa Caron.",
                                  "« Le budget est prêt », a-t-il expliqué.",
                                  "Elle a précisé que l'État aiderait la ville."], "fr")
    cands = next(c for span, c, _ in record if text[span[0] : span[1]] == "Elle")
    assert [c.names(text)[0] for c in cands] == ["Léa Caron"]
    assert cands[0].features["gender=agree"] == 1.0


def test_he_or_she_never_has_a_body_as_candidate_when_a_person_is_named():
    text, _, record = _decisions(["Rosa Vidal has run the harbour for ten years.", "The ministry says the pier is safe.",
                                  "She disagrees, saying the cracks are growing."], "en")
    [(_, cands, _)] = record
    assert [c.names(text)[0] for c in cands] == ["Rosa Vidal"]


def test_a_ranker_overrides_the_rules_choice():
    sentences = ["Linda Carver said that David Rowe had promised the funds in January.",
                 "She added that the work would start in May."]
    _, found, _ = _decisions(sentences, "en", Ranker("latest", {"latest_0": 1.0}))
    assert by_cue(found, "added")["entity"] == "David Rowe"
    _, found, _ = _decisions(sentences, "en", Ranker("rules", {"rule": 1.0}))
    assert by_cue(found, "added")["entity"] == "Linda Carver"


def test_a_name_in_an_oblique_case_takes_no_gender_from_its_ending():
    resolver = EntityResolver(load_table("ru"))
    assert resolver.resolve("Анной Смирновой", "", subject=False).gender is None
    assert resolver.resolve("Анна Смирнова").gender == "f"
    assert resolver.peek("Смирнова") is not None and resolver.peek("Олег Орлов") is None
