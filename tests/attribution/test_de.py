from tests.attribution.util import by_cue, run


def test_laut_with_verb_second_subject():
    _, found = run(
        ["Laut der Agentur dpa sagte der Innenminister, die Grenzen blieben offen."],
        "de",
    )
    assert by_cue(found, "Laut")["speaker"] == "der Agentur dpa"
    assert by_cue(found, "sagte")["speaker"] == "der Innenminister"


def test_comma_before_content():
    _, found = run(["Er betonte, dass der Bund zahlen müsse."], "de")
    assert by_cue(found, "betonte")["content"] == "der Bund zahlen müsse"


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Zwei mit den Verhandlungen vertraute Diplomaten sagten, das Abkommen sei nah."], "de")
    assert by_cue(found, "sagten")["anonymous"]


def test_pronoun_takes_the_nearer_named_subject():
    _, found = run(
        [
            "Ein Sprecher der Polizei sagte, die Zahl sei gestiegen.",
            "Malte Brandt, Ortsvorsteher von Bergdorf, sieht den Landkreis am Zug.",
            "Man werde neue Schilder aufstellen, kündigte er an.",
        ],
        "de",
    )
    assert by_cue(found, "kündigte er an")["entity"] == "Malte Brandt"


def test_zu_infinitive_is_no_report():
    _, found = run(["Der Verein plant, morgen über die Sitzung zu berichten."], "de")
    assert not [a for a in found if a["cue"] == "berichten"]


def test_raten_is_a_cue():
    _, found = run(["Die Feuerwehr rät, Kerzen nie unbeaufsichtigt zu lassen."], "de")
    assert by_cue(found, "rät")["speaker"] == "Die Feuerwehr"


def test_a_quotation_ending_in_zu_is_reported():
    _, found = run(["„Die Tür bleibt zu“, sagte die Hausmeisterin."], "de")
    assert by_cue(found, "sagte")["speaker"] == "die Hausmeisterin"


def test_erlaeutern_is_a_cue():
    _, found = run(["Die Linie werde eingestellt, erläuterte die Landrätin."], "de")
    assert by_cue(found, "erläuterte")["speaker"] == "die Landrätin"


def test_an_as_clause_before_a_clause_opening_with_an_auxiliary():
    _, found = run(["Wie der Verein mitteilt, wird das Sommerfest verschoben."], "de")
    a = by_cue(found, "mitteilt")
    assert (a["speaker"], a["content"]) == ("der Verein", "wird das Sommerfest verschoben")


def test_a_report_noun_takes_the_quoted_name_of_its_owner():
    _, found = run(["Nach Informationen der „Ostseewelle“ war die Fähre schon im Mai defekt."], "de")
    a = by_cue(found, "Nach")
    assert (a["speaker"], a["entity"]) == ("Informationen der „Ostseewelle“", "Ostseewelle")


def test_own_account_takes_the_subject_of_its_clause():
    _, found = run(["Die Bürgerinitiative hat nach eigenen Angaben gut 900 Unterschriften gesammelt."], "de")
    got = by_cue(found, "nach eigenen Angaben")
    assert got["speaker"] == "Die Bürgerinitiative" and got["content"] == "gut 900 Unterschriften gesammelt"


def test_so_as_a_parenthesis_or_before_a_colon():
    _, found = run(["Die Mieter, so die Verwalterin, „zahlen seit Jahren pünktlich“."], "de")
    assert by_cue(found, "so")["speaker"] == "die Verwalterin"
    _, found = run(["Ohne Bäcker sterbe ein Ort langsam, so Meier: „Das sieht man überall.“"], "de")
    assert by_cue(found, "so")["speaker"] == "Meier"
    _, found = run(["Sie lief, so schnell sie konnte, zum Bahnhof."], "de")
    assert not found


def test_nennen_reports_only_with_a_quotation():
    _, found = run(["Die Ministerin nannte den Entwurf „einen Schritt in die falsche Richtung“."], "de")
    assert by_cue(found, "nannte")["speaker"] == "Die Ministerin"
    _, found = run(["Die Ministerin nannte keine Zahlen."], "de")
    assert not found


def test_hearsay_in_a_relative_clause_reports_that_clause():
    _, found = run(["Laut ihm stammt die Zahl aus einer Studie, die angeblich eine Stiftung bezahlt hat."], "de")
    assert by_cue(found, "Laut")["speaker"] == "ihm"
    assert by_cue(found, "angeblich")["content"] == "eine Stiftung bezahlt hat"


def test_demnach_reports_on_the_authority_named_before():
    _, found = run(["Das Landesamt hat neue Zahlen vorgelegt.", "Demnach fehlen im Kreis rund 40 Erzieherinnen."], "de")
    got = by_cue(found, "Demnach")
    assert got["speaker"] is None and got["content"] == "fehlen im Kreis rund 40 Erzieherinnen"


def test_subject_ends_at_the_finite_auxiliary_before_an_adverbial():
    _, found = run(["Der Verband hatte im Herbst angekündigt, dass die Gebühren steigen."], "de")
    assert by_cue(found, "angekündigt")["speaker"] == "Der Verband"
    _, found = run(["Die Schulleiterin hat schon vor Wochen erklärt, dass der Unterricht ausfällt."], "de")
    assert by_cue(found, "erklärt")["speaker"] == "Die Schulleiterin"


def test_subject_ends_at_the_finite_modal():
    _, found = run(["Der Trainer will nach dem Spiel erklären, dass er bleibt."], "de")
    assert by_cue(found, "erklären")["speaker"] == "Der Trainer"


def test_subject_after_the_auxiliary_when_an_adverbial_is_fronted():
    _, found = run(["Im Herbst hatte der Verband angekündigt, dass die Gebühren steigen."], "de")
    assert by_cue(found, "angekündigt")["speaker"] == "der Verband"
    _, found = run(["Vor Wochen hat die Schulleiterin im Elternbrief erklärt, dass der Unterricht ausfällt."], "de")
    assert by_cue(found, "erklärt")["speaker"] == "die Schulleiterin"
