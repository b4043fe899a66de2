"""Who a speaker is: pronouns and descriptions resolved to the named person they stand
for, and object pronouns kept off the subject. Sentences are our own."""

from tests.attribution.util import by_cue, run


def test_pronoun_after_a_described_name_with_a_complement():
    cases = [
        ("fr", ["Le ministre de la Santé, Paul Girard, était à Lyon mardi.",
                "Interrogé par les journalistes, il a assuré que les hôpitaux tiendraient."],
         "a assuré", "Paul Girard"),
        ("pt", ["O ministro da Saúde, Pedro Alves, esteve em Lisboa.",
                "Segundo ele, os hospitais estão preparados."], "Segundo", "Pedro Alves"),
        ("de", ["Der Minister Peter Lang besuchte die Fabrik.",
                "Er sagte, die Produktion werde bald wieder aufgenommen."], "sagte", "Peter Lang"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_object_pronoun_is_no_part_of_the_subject():
    _, found = run(["Un témoin nous a dit que le feu avait commencé vers minuit."], "fr")
    assert by_cue(found, "a dit")["speaker"] == "Un témoin"
    _, found = run(["Nous avons dit que le feu avait commencé vers minuit."], "fr")
    assert by_cue(found, "avons dit")["speaker"] == "Nous"
