from tests.attribution.util import by_cue, run


def test_quote_before_inversion_and_entities():
    _, found = run(
        [
            "« Nous ne céderons pas », a déclaré le ministère russe de la Défense dans un communiqué.",
            "Selon l'armée russe, la demande a été rejetée.",
            "Le ministère a précisé que deux convois avaient fui.",
        ],
        "fr",
    )
    first = by_cue(found, "a déclaré")
    assert first["speaker"] == "le ministère russe de la Défense"
    assert first["direct"] and first["content"] == "Nous ne céderons pas"
    assert {a["entity"] for a in found} == {first["entity"]}


def test_nested_prepositional_and_anonymous():
    _, found = run(
        [
            "Selon l'agence Reuters, le ministre a affirmé que les frontières resteraient ouvertes.",
            "Une source proche du dossier a indiqué que la décision était prise.",
        ],
        "fr",
    )
    outer, inner = by_cue(found, "Selon"), by_cue(found, "a affirmé")
    assert outer["speaker"] == "l'agence Reuters" and outer["entity"] == "Reuters"
    assert inner["speaker"] == "le ministre" and found[inner["nested_in"]] == outer
    assert by_cue(found, "a indiqué")["anonymous"]


def test_pronoun_and_appositive():
    _, found = run(
        [
            "Le maire de Lille, Paul Martin, a affirmé : « La ville ne paiera pas. »",
            "Il a ajouté que l'État devait payer.",
        ],
        "fr",
    )
    assert by_cue(found, "a affirmé")["speaker"] == "Le maire de Lille, Paul Martin"
    assert by_cue(found, "a ajouté")["entity"] == by_cue(found, "a affirmé")["entity"]


def test_elided_cues_with_either_apostrophe():
    for apostrophe in ("'", "’"):
        _, found = run(
            [f"D{apostrophe}après le syndicat, la grève durera deux jours."], "fr"
        )
        assert by_cue(found, f"D{apostrophe}après")["speaker"] == "le syndicat"
        _, found = run([f"Le préfet a indiqué qu{apostrophe}il restait prudent."], "fr")
        assert by_cue(found, "a indiqué")["content"] == "il restait prudent"


def test_same_place_different_head_nouns_are_two_entities():
    _, found = run(
        [
            "La préfecture du Gard a indiqué que la route était fermée.",
            "Les pompiers du Gard ont déclaré que le feu était maîtrisé.",
            "La préfecture a ajouté que deux villages étaient évacués.",
            "Le maire de Dions, Paul Arnaud, a déclaré que l'eau montait.",
        ],
        "fr",
    )
    prefecture, pompiers = by_cue(found, "a indiqué"), by_cue(found, "ont déclaré")
    assert prefecture["entity"] == "préfecture du Gard"
    assert pompiers["entity"] == "pompiers du Gard"
    assert by_cue(found, "a ajouté")["entity"] == prefecture["entity"]
    assert by_cue(found, "a déclaré")["entity"] == "Paul Arnaud"


def test_diplomats_close_to_the_file_are_anonymous():
    _, found = run(
        ["Deux diplomates au fait du dossier ont affirmé que l'accord était proche."],
        "fr",
    )
    assert by_cue(found, "ont affirmé")["anonymous"]


def test_object_clitic_is_not_the_speaker():
    _, found = run(["Le maire lui a expliqué que le pont était fermé.", "Selon lui, la route reste ouverte."], "fr")
    assert by_cue(found, "a expliqué")["speaker"] == "Le maire"
    assert by_cue(found, "Selon")["speaker"] == "lui"


def test_present_of_a_verb_in_uer_is_no_participle():
    _, found = run(["La maire salue « un chantier attendu depuis vingt ans »."], "fr")
    assert by_cue(found, "salue")["speaker"] == "La maire"


def test_worry_about_something_is_a_stance():
    _, found = run(["Le collectif des riverains s'inquiète pour la qualité de l'eau du lac."], "fr")
    assert by_cue(found, "s'inquiète")["speaker"] == "Le collectif des riverains"


def test_learned_from_a_source():
    _, found = run(["La station restera fermée tout l'hiver, a-t-on appris auprès de la mairie."], "fr")
    got = by_cue(found, "a-t-on appris auprès de")
    assert got["speaker"] == "la mairie" and got["content"] == "La station restera fermée tout l'hiver"


def test_listed_form_with_its_subject_joined_and_the_one_told_after_a_clause():
    _, found = run(["« La barrière est restée levée », écrit-elle sous la photo, partagée 900 fois."], "fr")
    assert by_cue(found, "écrit-elle")["speaker"] == "elle"
    _, found = run(["Aucun arrêté de ce genre n'a été pris, nous a répondu la préfecture de l'Isère."], "fr")
    assert by_cue(found, "a répondu")["speaker"] == "la préfecture de l'Isère"
    _, found = run(["Dans un message, elle a rappelé les consignes de sécurité aux riverains."], "fr")
    assert by_cue(found, "a rappelé")["speaker"] == "elle"


def test_a_word_cut_by_the_negation_window_is_no_negation():
    _, found = run(["Perpignan Métropole Nord a démenti vendredi : aucun logement n'est concerné."], "fr")
    assert by_cue(found, "a démenti")["speaker"] == "Perpignan Métropole Nord"


def test_generic_on_with_the_one_told_is_no_source():
    _, found = run(["On vous l'avait dit, la route est fermée depuis lundi."], "fr")
    assert not found
