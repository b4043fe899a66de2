from tests.attribution.util import by_cue, run


def test_secondo_nested():
    _, found = run(
        [
            "Secondo l'agenzia ANSA, il ministro ha affermato che le frontiere resteranno aperte."
        ],
        "it",
    )
    inner = by_cue(found, "ha affermato")
    assert (
        inner["speaker"] == "il ministro"
        and found[inner["nested_in"]]["cue"] == "Secondo"
    )


def test_pronoun_lui():
    _, found = run(
        [
            "«Nessuno è ferito», ha raccontato il comandante Enzo Bianchi.",
            "Lui ha precisato che l'origine resta sconosciuta.",
        ],
        "it",
    )
    assert by_cue(found, "ha precisato")["entity"] == "Enzo Bianchi"


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Due diplomatici vicini al dossier hanno detto che l'accordo era vicino."], "it")
    assert by_cue(found, "hanno detto")["anonymous"]


def test_secondo_quanto_reported_by_agent():
    _, found = run(
        ["Secondo quanto annunciato stamattina dalla Questura di Bari, la strada resta chiusa."],
        "it",
    )
    attr = by_cue(found, "Secondo quanto annunciato stamattina dalla")
    assert attr["speaker"] == "Questura di Bari"
    assert attr["content"] == "la strada resta chiusa"


def test_negated_subject_reports_nothing():
    _, found = run(["Finché nessuno conferma la notizia, il paese resta calmo."], "it")
    assert not [a for a in found if a["cue"] == "conferma"]
