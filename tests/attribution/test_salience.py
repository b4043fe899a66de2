"""Which person a pronoun stands for when a passage names two or more: the subject that
goes on being talked about outranks a person it meets, a person named in the pronoun's own
sentence is someone else, and a description gives its name a gender. Sentences are our own."""

from tests.attribution.util import by_cue, run


def test_a_person_met_by_a_pronoun_or_known_subject_stays_in_the_background():
    for second in ("She had met David Rowe, the transport minister, on Monday.",
                   "Carver had met David Rowe, the transport minister, on Monday."):
        _, found = run(["Linda Carver, the mayor of Oakfield, said the council would vote in March.",
                        second, "She added that the bridge would open in spring."], "en")
        assert by_cue(found, "added")["entity"] == "Linda Carver", found


def test_a_newcomer_introduced_with_an_apposition_is_still_found():
    _, found = run(["Reporters met Tom Hale, a fisherman.", "He said the river had never been so low."], "en")
    assert by_cue(found, "said")["entity"] == "Tom Hale"


def test_a_subject_pronoun_after_an_opening_adverbial():
    _, found = run(["Министр Анна Смирнова во вторник была в городе.",
                    "После встречи с Ольгой Петровой она заявила, что рабочим помогут."], "ru")
    a = by_cue(found, "заявила")
    assert (a["speaker"], a["entity"]) == ("она", "Анна Смирнова")


def test_a_name_in_the_pronouns_own_sentence_is_someone_else():
    cases = [
        ("es", ["El alcalde Juan Gil visitó la fábrica con la ministra Rosa Vidal.",
                "«No cerraremos», dijo el alcalde.",
                "Tras reunirse con la diputada Marta Ruiz, ella aseguró que llegarán fondos para la plantilla."],
         "aseguró", "Rosa Vidal"),
        ("fr", ["Le maire Paul Martin a visité l'usine avec la ministre Claire Dubois.",
                "« Nous ne fermerons pas », a-t-il dit.",
                "Après avoir rencontré la syndicaliste Julie Roy, elle a assuré que l'État aiderait les salariés."],
         "a assuré", "Claire Dubois"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_a_description_standing_for_a_name_gives_it_its_gender():
    _, found = run(["El alcalde Juan Gil visitó la fábrica con la ministra Rosa Vidal.",
                    "«No cerraremos», dijo el alcalde.",
                    "Ella aseguró que llegarán fondos para la plantilla."], "es")
    assert by_cue(found, "aseguró")["entity"] == "Rosa Vidal"


def test_a_person_reported_inside_another_speakers_words_does_not_take_the_pronoun():
    cases = [
        ("en", ["Linda Carver said that David Rowe had promised the funds in January.",
                "She added that the work would start in May."], "added", "Linda Carver"),
        ("fr", ["Jean Lacoste a affirmé que, selon Michel Durand, les travaux étaient terminés.",
                "Il a ajouté que la ville paierait."], "a ajouté", "Jean Lacoste"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_a_described_speaker_takes_the_name_after_its_complement_or_a_capitalised_noun():
    _, found = run(["Defence minister Jan Kowal met the mayor of Oakfield, Linda Carver, on Monday.",
                    "The mayor said the base would stay open."], "en")
    assert by_cue(found, "said")["entity"] == "Linda Carver"
    _, found = run(["Der Minister Peter Lang traf die Bürgermeisterin Anna Roth.",
                    "Die Bürgermeisterin sagte, die Kaserne bleibe offen."], "de")
    assert by_cue(found, "sagte")["entity"] == "Anna Roth"


def test_a_person_met_by_a_title_talked_about_before_stays_in_the_background():
    _, found = run(["Mayor Linda Carver said the council would vote in March.",
                    "The mayor met fisherman Tom Hale on Monday.",
                    "She said the harbour would be dredged."], "en")
    assert [a["entity"] for a in found if a["speaker"] == "She"] == ["Linda Carver"]


def test_given_name_endings_tell_the_gender_where_they_mark_it():
    cases = [
        ("es", ["Ana Ruiz visitó la planta con Pedro Gil.",
                "Él aseguró que la obra terminará en mayo."], "aseguró", "Pedro Gil"),
        ("pt", ["Joana Lima esteve em Braga com Paulo Sá.",
                "Ele afirmou que a ponte abre em maio."], "afirmou", "Paulo Sá"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_a_pronoun_after_the_verb_is_the_whole_subject():
    cases = [
        ("ru", ["Министр Анна Смирнова посетила завод.",
                "«Денег хватит», — сказала она журналисту Ивану Петрову."], "сказала", "она", "Анна Смирнова"),
        ("pl", ["Minister Anna Kowalska odwiedziła zakład.",
                "– Pieniądze są – powiedziała ona dziennikarzowi Janowi Nowakowi."], "powiedziała", "ona",
         "Anna Kowalska"),
    ]
    for lang, sentences, cue, speaker, entity in cases:
        _, found = run(sentences, lang)
        a = by_cue(found, cue)
        assert (a["speaker"], a["entity"]) == (speaker, entity), (lang, found)


def test_a_german_noun_after_a_preposition_is_no_name():
    _, found = run(["Die Ministerin Eva Lind besuchte das Werk.",
                    "Im Gespräch mit Jan Roth sagte sie, das Geld reiche."], "de")
    assert by_cue(found, "sagte")["entity"] == "Eva Lind"
