"""Reporting verbs every table holds by lemma (issue 11): the verbs of attributing, thanking,
calculating, mentioning and recommending, so that each of their inflections is a cue in every
language; and a reporting infinitive governed by a finite verb. Sentences are our own."""

from claimscope.stages.attribution.tables import load_table
from tests.attribution.util import assert_speakers, run

CONCEPTS = {  # attribute, thank, calculate, mention
    "en": ("attribute", "thank", "calculate", "mention"),
    "fr": ("attribuer", "remercier", "calculer", "mentionner"),
    "es": ("atribuir", "agradecer", "calcular", "mencionar"),
    "it": ("attribuire", "ringraziare", "calcolare", "menzionare"),
    "pt": ("atribuir", "agradecer", "calcular", "mencionar"),
    "de": ("zuschreiben", "danken", "berechnen", "erwähnen"),
    "pl": ("przypisać", "podziękować", "wyliczyć", "wspomnieć"),
    "ru": ("приписать", "поблагодарить", "подсчитать", "упомянуть"),
}


def test_every_table_holds_the_common_reporting_lemmas():
    for lang, lemmas in CONCEPTS.items():
        table = load_table(lang)
        assert set(lemmas) <= table.lemmas["verb"] | table.lemmas["weak"], lang


def test_inflections_of_the_common_lemmas_are_cues():
    assert_speakers([
        ("en", "Teachers attribute the drop in marks to the long strike.", "attribute", "Teachers"),
        ("es", "El alcalde agradeció «el trabajo de los bomberos durante la noche».", "agradeció", "El alcalde"),
        ("pl", "Zdaniem radnych, jak wyliczyła skarbniczka gminy, remont kosztował dwa miliony.", "wyliczyła",
         "skarbniczka gminy"),
        ("ru", "Эксперты подсчитали, что ремонт обошёлся вдвое дороже.", "подсчитали", "Эксперты",
         "ремонт обошёлся вдвое дороже"),
        ("it", "La sindaca ha ringraziato i volontari: «Senza di loro saremmo ancora al buio».", "ha ringraziato",
         "La sindaca"),
        ("pt", "O relatório menciona que a ponte precisa de obras urgentes.", "menciona", "O relatório",
         "a ponte precisa de obras urgentes"),
    ])


def test_a_reporting_infinitive_is_a_cue_with_the_verb_that_governs_it():
    assert_speakers([
        ("it", "La preside ha voluto precisare che la scuola riaprirà lunedì.", "ha voluto precisare", "La preside"),
        ("it", "I tecnici fanno però notare che la diga regge.", "fanno però notare", "I tecnici"),
        ("fr", "La préfète a tenu à rappeler que la baignade reste interdite.", "a tenu à rappeler", "La préfète"),
        ("es", "El portavoz se limitó a decir que la investigación sigue abierta.", "se limitó a decir", "El portavoz"),
        ("pt", "A autarca limitou-se a dizer que o mercado vai reabrir.", "limitou-se a dizer", "A autarca"),
        ("pl", "Wójt chciał podkreślić, że szkoła zostanie otwarta.", "chciał podkreślić", "Wójt"),
        ("ru", "Губернатор поспешил заявить, что дорогу откроют к осени.", "поспешил заявить", "Губернатор"),
    ])


def test_a_bare_infinitive_without_a_report_after_it_is_no_cue():
    for lang, sentence in [("fr", "Le maire a refusé de commenter la décision du tribunal."),
                           ("es", "La alcaldesa quiso explicar la decisión en persona."),
                           ("it", "È difficile dire che cosa succederà.")]:
        _, found = run([sentence], lang)
        assert not found, (lang, found)
