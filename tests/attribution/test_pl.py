from tests.attribution.util import by_cue, run


def test_dash_inversion_and_wedlug():
    _, found = run(
        [
            "„Nie możemy tracić czujności” – powiedziała minister Anna Nowak.",
            "Według Nowak liczba zakażeń wzrosła.",
        ],
        "pl",
    )
    assert by_cue(found, "powiedziała")["speaker"] == "minister Anna Nowak"
    assert by_cue(found, "Według")["entity"] == "Anna Nowak"


def test_anonymous_source():
    _, found = run(
        ["Źródło zbliżone do ratusza poinformowało, że porozumienie jest blisko."], "pl"
    )
    assert by_cue(found, "poinformowało")["anonymous"]


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Dwóch dyplomatów zaznajomionych z rozmowami powiedziało, że porozumienie jest blisko."], "pl")
    assert by_cue(found, "powiedziało")["anonymous"]


def test_reported_speech_with_the_modal_mial():
    _, found = run(["Według portalu sołtys miał powiedzieć, że droga będzie zamknięta do jesieni."], "pl")
    assert by_cue(found, "miał powiedzieć")["content"] == "droga będzie zamknięta do jesieni"


def test_adverb_before_a_trailing_adverbial_leaves_the_subject():
    _, found = run(["Dyrektor szkoły już w marcu zapowiedział, że lekcje zostaną skrócone."], "pl")
    assert by_cue(found, "zapowiedział")["speaker"] == "Dyrektor szkoły"
