"""Who a speaker is: pronouns and descriptions resolved to the named person they stand
for, and object pronouns kept off the subject. Sentences are our own."""

from tests.attribution.util import assert_speakers, by_cue, run


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
    _, found = run(["Vous avez dit que le feu avait commencé vers minuit."], "fr")
    assert by_cue(found, "avez dit")["speaker"] == "Vous"


def test_pronoun_agrees_in_gender_with_its_antecedent():
    cases = [
        ("es", ["La ministra de Sanidad, Carmen Vidal, visitó el hospital.",
                "El alcalde, Luis Gómez, la acompañó.",
                "Ella aseguró que el centro abrirá en mayo."], "aseguró", "Carmen Vidal"),
        ("fr", ["Le maire Paul Martin a reçu la ministre Claire Dubois.",
                "« Nous avons parlé du budget », a-t-il expliqué.",
                "Elle a précisé que l'État aiderait la ville."], "a précisé", "Claire Dubois"),
        ("de", ["Die Ministerin Eva Lind besuchte die Klinik.",
                "Sie sagte, das Haus werde im Mai geöffnet.",
                "Der Bürgermeister Peter Braun widersprach.",
                "Er erklärte, das Geld fehle."], "erklärte", "Peter Braun"),
        ("ru", ["Мэр Олег Орлов встретился с министром Анной Смирновой.",
                "Он заявил, что мост откроют летом.",
                "Она сказала, что денег хватит."], "сказала", "Анной Смирновой"),
        ("vi", ["Trả lời báo chí, ông Lê Văn Hùng, cựu bộ trưởng, bảo vệ chính sách của mình.",
                "Ông khẳng định không hối tiếc."], "khẳng định", "Lê Văn Hùng"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_singular_pronoun_skips_a_plural_speaker():
    _, found = run(["La police a interpellé mardi Karim Benali, 34 ans.",
                    "Selon ses avocats, il est innocent.",
                    "Il a déclaré aux enquêteurs qu'il était chez lui."], "fr")
    assert by_cue(found, "a déclaré")["entity"] == "Karim Benali"


def test_pronoun_takes_a_name_with_an_age_apposition():
    _, found = run(["Police arrested John Marsh, 45, on Tuesday.",
                    "He told officers that he had been at home."], "en")
    assert by_cue(found, "told")["entity"] == "John Marsh"


def test_title_description_joins_the_titled_person():
    _, found = run(["Министр финансов России Павел Громов заявил, что налоги не вырастут, передает агентство «Север».",
                    "Выступая на форуме, глава Минфина сказал, что бюджет сбалансирован.",
                    "По его словам, дефицита не будет."], "ru")
    assert by_cue(found, "По его словам")["entity"] == "Павел Громов"


def test_subject_after_an_anaphoric_lead():
    cases = [
        ("ru", ["На складе нашли старые снаряды.", "Об этом сообщил источник в полиции."],
         "сообщил", "источник"),
        ("ru", ["На складе нашли старые снаряды.", "Об этом в среду заявил губернатор области."],
         "заявил", "губернатор области"),
        ("pl", ["Na składzie znaleziono stare pociski.", "O sprawie poinformował portal Kurier."],
         "poinformował", "portal Kurier"),
    ]
    for lang, sentences, cue, speaker in cases:
        _, found = run(sentences, lang)
        a = by_cue(found, cue)
        assert a["speaker"] == speaker and a["content"] == sentences[0].rstrip("."), (lang, found)


def test_verb_second_subject_after_a_fronted_adverbial():
    _, found = run(["In einem Interview sagte Weber später, die Stadt werde klagen."], "de")
    assert by_cue(found, "sagte")["speaker"] == "Weber"
    _, found = run(["Wie die Zeitung unter Berufung auf einen Beamten mitteilt, wurden drei Verträge gekündigt."], "de")
    assert by_cue(found, "mitteilt")["speaker"] == "die Zeitung"
    _, found = run(["Laut dpa sagte der Minister, die Lage sei stabil."], "de")
    assert by_cue(found, "sagte")["speaker"] == "der Minister"


def test_bare_noun_is_not_the_name_it_reports_on():
    _, found = run(["Mark Hale was arrested on Monday, police said."], "en")
    assert by_cue(found, "said")["entity"] != "Mark Hale"


def test_bare_outlet_noun_stands_for_the_latest_outlet():
    _, found = run(["Il sindaco Marco Neri ha detto che il porto chiuderà.",
                    "Lo riferisce il portale russo Notizie.ru, che cita fonti locali.",
                    "Il vicesindaco Paolo Sala ha confermato la notizia.",
                    "Secondo il sito, la decisione è definitiva."], "it")
    assert by_cue(found, "Secondo")["entity"] == "Notizie.ru"


def test_he_or_she_stands_for_a_person_not_a_body():
    _, found = run(["Police announced the arrest of John Smith on Monday.",
                    "He said that he was innocent."], "en")
    assert by_cue(found, "said")["entity"] == "John Smith"


def test_inverted_subject_after_adverbials_that_close_the_sentence():
    cases = [
        ("es", "«Hay que actuar ya», ha insistido este martes en una entrevista en la cadena Onda Sur la ministra de Trabajo.",
         "ha insistido", "la ministra de Trabajo"),
        ("de", "„Wir müssen handeln“, betonte am Dienstag im Radio Nord die Arbeitsministerin.",
         "betonte", "die Arbeitsministerin"),
        ("ru", "«Надо действовать», — подчеркнула во вторник в эфире радиостанции «Север» министр труда.",
         "подчеркнула", "министр труда"),
    ]
    assert_speakers(cases)
    _, found = run(["Rossi, il sindaco, ha detto che la piscina chiude."], "it")
    assert by_cue(found, "ha detto")["speaker"] == "Rossi, il sindaco"


def test_quotation_before_the_verb_without_a_comma_is_said():
    for lang, sentence, cue, speaker in [
        ("fr", "« Il faut agir vite » a déclaré le ministre.", "a déclaré", "le ministre"),
        ("es", "\"Hay que actuar ya\" afirmó el ministro.", "afirmó", "el ministro"),
        ("ru", "«Надо действовать», - заявил министр.", "заявил", "министр"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)
    _, found = run(["« Le Courrier du Nord » affirme que le pont est fermé."], "fr")
    assert by_cue(found, "affirme")["speaker"] == "« Le Courrier du Nord »"


def test_apposition_before_adverbs_before_the_verb():
    for lang, sentence, cue, speaker in [
        ("pt", "O ex-presidente da empresa, Carlos Lima, já disse que a água deveria ter preço.", "disse",
         "O ex-presidente da empresa, Carlos Lima"),
        ("es", "La Guardia Civil, oficialmente, solo ha informado de dos evacuados.", "ha informado", "La Guardia Civil"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)


def test_means_after_an_active_verb_is_no_agent():
    for lang, sentence, cue, speaker in [
        ("fr", "Un commerçant, qui tient la boulangerie, nous l'a expliqué par téléphone : « La rue était fermée. »",
         "l'a expliqué", "Un commerçant, qui tient la boulangerie"),
        ("es", "Un vecino lo confirmó por teléfono: «Había humo por todas partes».", "confirmó", "Un vecino"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)
    _, found = run(["L'information a été confirmée par la préfecture."], "fr")
    assert by_cue(found, "a été confirmée")["speaker"] == "la préfecture"


def test_parenthetical_as_clause_takes_the_subject_before_it():
    assert_speakers([
        ("es", "Y el diario Sur, según reconoce en su nota, obtuvo la información de un blog.", "reconoce",
         "el diario Sur", "obtuvo la información de un blog"),
        ("pt", "O jornal, segundo admite em sua nota, recebeu a informação de um blog.", "admite",
         "O jornal", "recebeu a informação de um blog"),
    ])


def test_verb_initial_sentence_with_a_complementizer():
    for lang, sentences, cue, speaker, content in [
        ("es", ["El plan fue aprobado.", "Declaró el ministro que no habrá cambios."], "Declaró",
         "el ministro", "no habrá cambios"),
        ("pt", ["O plano foi aprovado.", "Disse o ministro que não haverá mudanças."], "Disse",
         "o ministro", "não haverá mudanças"),
    ]:
        _, found = run(sentences, lang)
        a = by_cue(found, cue)
        assert (a["speaker"], a["content"]) == (speaker, content), (lang, found)
    _, found = run(["«Hay que actuar», dijo una vecina que no quiso dar su nombre."], "es")
    assert by_cue(found, "dijo")["speaker"] == "una vecina que no quiso dar su nombre"


def test_possessive_before_a_postposed_preposition_is_its_owner():
    _, found = run(["Minister zdrowia Anna Nowak odwiedziła szpital.", "Jej zdaniem remont skończy się w maju."], "pl")
    a = by_cue(found, "Jej zdaniem")
    assert (a["speaker"], a["entity"], a["content"]) == ("Jej", "Anna Nowak", "remont skończy się w maju")


def test_separable_particle_before_the_comma():
    for sentence, speaker in [
        ("Am Freitag teilte das Ministerium mit, die Brücke sei sicher.", "das Ministerium"),
        ("Das Ministerium teilte am Freitag mit, die Brücke sei sicher.", "Das Ministerium"),
    ]:
        _, found = run([sentence], "de")
        a = by_cue(found, "teilte")
        assert (a["speaker"], a["content"]) == (speaker, "die Brücke sei sicher"), found


def test_clefts_and_adverb_leads_take_the_subject_after_the_verb():
    for lang, sentences, cue, speaker in [
        ("it", ["Il ponte chiuderà.", "A riferirlo è stato il sindaco Marco Neri."], "riferirlo", "il sindaco Marco Neri"),
        ("es", ["El puente cerrará.", "Así lo ha explicado el portavoz del Gobierno, Pedro Sala."], "ha explicado",
         "el portavoz del Gobierno, Pedro Sala"),
    ]:
        _, found = run(sentences, lang)
        a = by_cue(found, cue)
        assert (a["speaker"], a["content"]) == (speaker, sentences[0].rstrip(".")), (lang, found)


def test_the_one_told_after_the_cue_is_never_the_inverted_subject():
    cases = [
        ("ru", "«Завод закроют к осени», — рассказал нашему изданию директор фабрики Олег Смирнов.",
         "рассказал", "директор фабрики Олег Смирнов"),
        ("ru", "«Ремонт займёт месяц», — сообщил журналистам глава района Пётр Волков.",
         "сообщил", "глава района Пётр Волков"),
        ("pl", "„Most otworzymy w maju” – powiedział naszej redakcji zastępca wójta Adam Lis.",
         "powiedział", "zastępca wójta Adam Lis"),
        ("pl", "Jak powiedziała Janowi Nowakowi rzeczniczka szpitala, oddział zostanie zamknięty.",
         "powiedziała", "rzeczniczka szpitala"),
        ("es", "«No habrá cierres», aseguró ayer en su comparecencia el consejero de Sanidad, Pablo Ortiz.",
         "aseguró", "el consejero de Sanidad, Pablo Ortiz"),
        ("es", "«No habrá cierres», dijo a la radio local la alcaldesa Rosa Vidal.", "dijo", "la alcaldesa Rosa Vidal"),
        ("de", "„Wir schließen das Werk“, sagte dem Sender der Bürgermeister Karl Haas.",
         "sagte", "der Bürgermeister Karl Haas"),
        ("it", "«Chiuderemo la fabbrica», ha detto ai giornalisti il sindaco Marco Neri.",
         "ha detto", "il sindaco Marco Neri"),
    ]
    assert_speakers(cases)
    _, found = run(["Jak powiedziała Janowi Nowakowi, oddział zostanie zamknięty."], "pl")
    told = by_cue(found, "powiedziała")
    assert (told["speaker"], told["content"]) == (None, "oddział zostanie zamknięty")
    _, found = run(["Le chantier prendra du retard, a reconnu auprès de nos confrères l'adjoint Marc Petit."], "fr")
    assert by_cue(found, "a reconnu")["speaker"] == "l'adjoint Marc Petit"


def test_the_verb_after_a_preposition_cue_has_its_subject_past_the_one_told():
    _, found = run(["El puente se abrirá en mayo, según ha confirmado a este diario la concejala de Obras."], "es")
    assert [(a["speaker"], a["cue"]) for a in found] == [("la concejala de Obras", "ha confirmado")]


def test_a_verb_form_after_a_determiner_before_a_name_and_verb_is_a_role_noun():
    for sentence, cue, speaker in [
        ("La juge Anne Roy a déclaré que la demande est fondée.", "a déclaré", "La juge Anne Roy"),
        ("La juge a déclaré que la demande est fondée.", "a déclaré", "La juge"),
        ("Selon la juge Anne Roy, la demande est fondée.", "Selon", "la juge Anne Roy"),
    ]:
        _, found = run([sentence], "fr")
        assert [(a["speaker"], a["cue"]) for a in found] == [(speaker, cue)], found


def test_a_role_complement_before_a_closing_name_stays_in_the_inverted_subject():
    for lang, sentence, cue, speaker in [
        ("fr", "Le chantier prendra du retard, a reconnu auprès de nos confrères l'adjoint aux travaux, Marc Petit.",
         "a reconnu", "l'adjoint aux travaux, Marc Petit"),
        ("it", "Il ponte aprirà a maggio, ha detto all'agenzia l'assessore ai lavori pubblici, Marco Neri.",
         "ha detto", "l'assessore ai lavori pubblici, Marco Neri"),
        ("fr", "« Non », a dit le maire à la presse, lundi.", "a dit", "le maire"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)


def test_a_quoted_title_in_the_dative_after_the_cue_is_the_one_told():
    for lang, sentence, cue, speaker in [
        ("ru", "«Завод закроют», — рассказал «Известиям» глава района Пётр Волков.", "рассказал", "глава района Пётр Волков"),
        ("pl", "„Most otworzymy w maju” – powiedziała „Gazecie Lokalnej” posłanka Anna Lis.", "powiedziała", "posłanka Anna Lis"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)
