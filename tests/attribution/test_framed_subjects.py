"""A verb with no subject found inside what a preposition frames ("selon", "según",
"segundo") speaks for the determiner phrase that opens the framed clause, not for the
preposition's object (issue 11). Sentences are our own."""

from tests.attribution.util import assert_speakers


def test_the_framed_clause_s_subject_speaks():
    assert_speakers([
        ("fr", "Selon le journal, l'ouvrier qui se dit « témoin direct » affirme avoir vu les dégâts.",
         "affirme", "l'ouvrier"),
        ("fr", "D'après la radio, qui a diffusé l'appel, la voisine qui se dit « inquiète » affirme "
         "avoir entendu un cri.", "affirme", "la voisine"),
        ("es", "Según el diario, la vecina que se define como «testigo» asegura que oyó un grito.",
         "asegura", "la vecina"),
        ("pt", 'Segundo o portal, um vereador que se diz "independente" afirma ter visto as contas.',
         "afirma", "um vereador"),
    ])


def test_the_preposition_keeps_its_own_object():
    assert_speakers([
        ("fr", "Selon le journal, le maire affirme avoir vu les dégâts.", "Selon", "le journal"),
        ("es", "Según el diario, la vecina que se define como «testigo» asegura que oyó un grito.",
         "Según", "el diario"),
    ])
