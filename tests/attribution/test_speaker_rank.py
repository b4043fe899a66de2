"""The learned speaker choice (speaker_rank.py): candidates, features, the rules' choice as
the default, and where the ranker does not decide. Sentences are our own."""

from claimscope.ranker import Ranker
from claimscope.stages.attribution import speaker_rank
from tests.attribution.util import by_cue, run


def recorded(sentences: list[str], lang: str) -> tuple[str, dict[str, list]]:
    """The text and, per cue text, its candidates (speaker text or None, features)."""
    record: list = []
    with speaker_rank.using(None, record):
        text, _ = run(sentences, lang)
    return text, {text[slice(*cue)]: [(s and text[slice(*s)], f) for s, f in found] for cue, found in record}


def test_candidates_hold_the_rules_choice_and_no_speaker():
    _, found = recorded(["« Le marché restera ouvert », a déclaré jeudi la maire de Vernon."], "fr")
    cands = dict(found["a déclaré"])
    assert cands["la maire de Vernon"]["from=rule"] == 1.0
    assert cands["la maire de Vernon"]["after"] == 1.0
    assert cands["la maire de Vernon"]["after|content=quote_before"] == 1.0
    assert "from=none" in cands[None]


def test_candidates_before_the_cue_describe_their_side():
    _, found = recorded(["Le directeur, Paul Vidal, a affirmé que le musée rouvrira en mai."], "fr")
    cands = dict(found["a affirmé"])
    assert cands["Le directeur, Paul Vidal"]["from=rule"] == 1.0
    assert cands["Le directeur, Paul Vidal"]["before"] == 1.0
    assert cands["Paul Vidal"]["from=described"] == 1.0
    assert any(f.get("in_content") for f in cands.values())  # what is said is proposed, and marked


def test_no_adverbial_nor_prepositional_cue_is_a_candidate():
    _, found = recorded(["Según explicó, el puente quedará cerrado hasta el lunes."], "es")
    assert all(s is None or not s.startswith("Según") for s, _ in found.get("explicó", []))
    _, found = recorded(["„To był błąd” – mówi do dziennikarzy."], "pl")
    assert all(s is None or not s.startswith("do ") for s, _ in found.get("mówi", []))


def test_without_weights_the_rules_choice_stays():
    sentence = ["« Le marché restera ouvert », a déclaré jeudi la maire de Vernon."]
    with speaker_rank.using(None):
        _, found = run(sentence, "fr")
    assert by_cue(found, "a déclaré")["speaker"] == "la maire de Vernon"


def test_a_ranker_overrides_the_rules_only_with_its_evidence():
    sentence = ["Le directeur, Paul Vidal, a affirmé que le musée rouvrira en mai."]
    with speaker_rank.using(Ranker("test", {"from=rule": 1.0})):
        _, found = run(sentence, "fr")
    assert by_cue(found, "a affirmé")["speaker"] == "Le directeur, Paul Vidal"
    with speaker_rank.using(Ranker("test", {"from=rule": 1.0, "from=described": 2.0})):
        _, found = run(sentence, "fr")
    assert by_cue(found, "a affirmé")["speaker"] == "Paul Vidal"


def test_a_cue_inside_a_quotation_is_left_to_the_rules():
    _, found = recorded(["« Mon voisin a dit qu'il partait », raconte une habitante."], "fr")
    assert "a dit" not in found and "raconte" in found
    _, found = recorded(["“My neighbour said he was leaving,” a resident told us."], "en")
    assert "said" not in found and "told" in found


def test_features_are_deterministic_and_few():
    _, first = recorded(["Ministerstwo poinformowało w piątek, że most zostanie zamknięty."], "pl")
    _, second = recorded(["Ministerstwo poinformowało w piątek, że most zostanie zamknięty."], "pl")
    assert first == second
    assert all(len(f) < 40 for cands in first.values() for _, f in cands)
