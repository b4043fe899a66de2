"""The one told right after a telling verb (table ``telling_lemmas``) is no part of the content
when a bare clause, a colon or a comma clause follows it (``Addressees.past_told``, issue 11).
Sentences are our own."""

from tests.attribution.util import assert_speakers, by_cue, run


def test_the_one_told_before_a_bare_clause_is_left_out():
    assert_speakers([
        ("en", "Officials told reporters the bridge was unsafe.", "told", "Officials", "the bridge was unsafe"),
        ("en", "She told us he had left the town in May.", "told", "She", "he had left the town in May"),
        ("en", "The mayor told the BBC the plan was dead and buried.", "told", "The mayor",
         "the plan was dead and buried"),
        ("en", "A baker told me the flour had doubled in price.", "told", "A baker",
         "the flour had doubled in price"),
    ])


def test_the_one_told_before_a_comma_clause_is_left_out():
    assert_speakers([
        ("de", "Der Bürgermeister sagte der Zeitung, die Brücke sei seit Montag gesperrt.", "sagte",
         "Der Bürgermeister", "die Brücke sei seit Montag gesperrt"),
        ("de", "Die Wirtin erzählte dem Sender, dass der Keller zweimal überflutet worden sei.", "erzählte",
         "Die Wirtin", "der Keller zweimal überflutet worden sei"),
        ("pl", "Burmistrz powiedział dziennikarzom, że most jest zamknięty od poniedziałku.", "powiedział",
         "Burmistrz", "most jest zamknięty od poniedziałku"),
    ])


def test_an_object_that_is_the_content_stays():
    assert_speakers([
        ("en", "The coach told the truth about the injury to the board.", "told", "The coach",
         "the truth about the injury to the board"),
        ("en", "The minister told reporters that the budget was final.", "told", "The minister",
         "the budget was final"),
    ])


def test_an_agency_told_after_a_saying_verb_is_no_speaker():
    for lang, sentences, cue in [
        ("pl", ["Sołtys z Dębowej przyszedł na zebranie.", "„Woda stoi w piwnicach od tygodnia” – powiedział PAP."],
         "powiedział"),
        ("ru", ["Жительница Тулы пришла в суд.", "«Вода стоит в подвале неделю», – рассказала ТАСС."], "рассказала"),
    ]:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["speaker"] is None, (lang, found)


def test_an_agency_that_reports_stays_the_speaker():
    _, found = run(["«Вода стоит в подвале неделю», – сообщает ТАСС."], "ru")
    assert by_cue(found, "сообщает")["speaker"] == "ТАСС"
