"""Subjects the phrase right before a cue does not give by itself (subjects.py, leads.py, antecedents.py): the
antecedent of a relative pronoun, a quoted name before an adverbial, inversion after an
"as" word or an object pronoun, and adverbials that are no subject. Sentences are our own."""

from tests.attribution.util import by_cue, run


def test_relative_pronoun_takes_its_antecedent():
    cases = [
        ("fr", "La photo vient du compte Twitter @Exemple, qui affirme qu'elle date de mai.",
         "affirme", "compte Twitter @Exemple, qui"),
        ("es", "El bulo salió de la web Noticias del Sur, que dos días antes había escrito que el puente cayó.",
         "había escrito", "la web Noticias del Sur, que"),
        ("en", "The figure comes from the Harbour Authority, which estimates that traffic fell.",
         "estimates", "the Harbour Authority, which"),
        ("ru", "Об этом написал канал «Север», который утверждает, что мост закрыт.",
         "утверждает", "канал «Север», который"),
    ]
    for lang, sentence, cue, speaker in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"].endswith(speaker), (lang, found)


def test_object_relative_is_no_subject():
    _, found = run(["Il a relu la note, que le ministre a signée hier, avant de partir."], "fr")
    assert all(a["speaker"] != "la note, que" for a in found)


def test_adverbial_is_no_subject():
    _, found = run(["Радио «Север» в утреннем эфире назвало эти цифры «провалом»."], "ru")
    assert by_cue(found, "назвало")["speaker"] == "Радио «Север»"
    _, found = run(["„Nie mamy już pieniędzy na czynsz” – mówi do kamery."], "pl")
    assert by_cue(found, "mówi")["speaker"] is None


def test_anaphoric_opening_reports_the_sentence_before():
    _, found = run(["Мост закрыли на ремонт.", "Об этом сообщает ТАСС."], "ru")
    a = by_cue(found, "сообщает")
    assert a["speaker"] == "ТАСС" and a["content"] == "Мост закрыли на ремонт"


def test_as_clause_takes_the_inverted_subject():
    cases = [
        ("ru", "Как отметил директор, если цены вырастут, «спрос упадёт».", "отметил", "директор"),
        ("pl", "Nowe przepisy, jak przekonuje ekspert, „nic nie zmienią”.", "przekonuje", "ekspert"),
        ("fr", "Comme l'a indiqué la préfecture, la route restera fermée.", "l'a indiqué", "la préfecture"),
    ]
    for lang, sentence, cue, speaker in cases:
        _, found = run([sentence], lang)
        a = by_cue(found, cue)
        assert a["speaker"] == speaker, (lang, found)
        assert speaker not in a["content"]


def test_object_pronoun_before_an_inverted_verb():
    _, found = run(["Il sindaco vuole chiudere la strada.", "Lo ha detto Marco Rossi ai giornalisti."], "it")
    a = by_cue(found, "ha detto")
    assert a["speaker"] == "Marco Rossi" and a["content"] == "Il sindaco vuole chiudere la strada"
    _, found = run(['Le ha risposto Marco Rossi, pensionato e pittore: "Nessuno ci ha chiesto niente."'], "it")
    assert len(found) == 1 and found[0]["speaker"] == "Marco Rossi, pensionato e pittore"


def test_quotation_opening_the_sentence_beats_an_object_after_the_verb():
    _, found = run(['"We will not back down," Smith told reporters after the vote.'], "en")
    assert by_cue(found, "told")["content"].startswith("We will not back down")
    _, found = run(['"We won," Smith told reporters that the vote was fair.'], "en")
    assert by_cue(found, "told")["content"] == "the vote was fair"


def test_one_common_noun_speaker_takes_the_name_it_described():
    _, found = run(
        [
            "La notizia arriva dal portale notiziedelnord.it di Como.",
            "Il sindaco ha detto che il ponte resterà chiuso.",
            "Secondo il portale, tre traghetti sono stati cancellati.",
        ],
        "it",
    )
    assert by_cue(found, "Secondo")["entity"] == "notiziedelnord.it"


def test_preposition_without_comma_keeps_a_short_speaker():
    _, found = run(["Według policji sprawca uciekł samochodem na południe."], "pl")
    assert by_cue(found, "Według")["speaker"] == "policji"


def test_indefinite_speaker_with_a_place_name_is_anonymous():
    _, found = run(["A reader who lives near Leeds told us that the ads were real."], "en")
    assert by_cue(found, "told")["anonymous"]
    _, found = run(["A spokesman for Acme Corp told us that the ads were real."], "en")
    assert not by_cue(found, "told")["anonymous"]


def test_clause_ending_in_a_colon_keeps_its_apposition():
    _, found = run(['Il sindaco, Marco Rossi, eletto per la seconda volta, non nasconde la rabbia: "Il progetto va fermato."'], "it")
    a = by_cue(found, "non nasconde la rabbia:")
    assert a["speaker"] == "Il sindaco, Marco Rossi, eletto per la seconda volta"


def test_clause_colon_without_quotation_needs_a_speaker_and_a_sentence():
    _, found = run(["Las fuentes policiales, consultadas por este diario, mantienen la cautela: la investigación sigue abierta."], "es")
    assert by_cue(found, "mantienen la cautela:")["anonymous"]
    _, found = run(["The plan has three parts: roads, bridges and schools."], "en")
    assert found == []


def test_subject_before_a_relay_preposition():
    _, found = run(["Канал «Север» со ссылкой на «источник в полиции» утверждает, что мост закрыт."], "ru")
    assert by_cue(found, "утверждает")["speaker"] == "Канал «Север»"
    _, found = run(["«Мост закрыт», утверждает канал."], "ru")
    assert by_cue(found, "утверждает")["speaker"] == "канал"


def test_german_object_pronoun_and_anonymous_acquaintance():
    _, found = run(["Eine Kollegin, die im Rathaus arbeitet, hat mir gestern erzählt, solche Anträge seien selten."], "de")
    a = by_cue(found, "erzählt")
    assert a["speaker"].startswith("Eine Kollegin") and a["anonymous"]
    _, found = run(["Der Minister sagte uns, die Lage sei ernst."], "de")
    assert by_cue(found, "sagte")["content"] == "die Lage sei ernst"


def test_demonstrative_opening_reports_the_sentence_before():
    _, found = run(["Ein Mädchen soll entführt worden sein.", "Das berichtete der Sender Kanal Eins."], "de")
    a = by_cue(found, "berichtete")
    assert a["speaker"] == "der Sender Kanal Eins" and a["content"] == "Ein Mädchen soll entführt worden sein"
