"""Cues that transfer to news by another hand (issue 11): participles that agree, reflexive
compound tenses, speech-act verbs by lemma, hearsay, verbal nouns that are no verbs.
Sentences are our own."""

from tests.attribution.util import assert_speakers, by_cue, run


def test_participle_that_agrees_is_found_by_its_verb():
    _, found = run(["La nouvelle a été révélée par un hebdomadaire de Nantes."], "fr")
    a = by_cue(found, "a été révélée")
    assert a["speaker"] == "un hebdomadaire de Nantes"
    assert a["content"] == "La nouvelle"
    _, found = run(["A proposta foi divulgada pelo sindicato dos professores."], "pt")
    assert by_cue(found, "foi divulgada")["speaker"] == "sindicato dos professores"


def test_participle_read_as_a_noun_is_rewritten_to_its_verb():
    _, found = run(["Le maire a qualifié la hausse des tarifs de scandaleuse."], "fr")
    assert by_cue(found, "a qualifié")["speaker"] == "Le maire"


def test_present_in_que_is_no_participle():
    _, found = run(["Le directeur évoque une fermeture de deux semaines."], "fr")
    assert by_cue(found, "évoque")["content"] == "une fermeture de deux semaines"


def test_reflexive_compound_tense():
    _, found = run(["L'association s'est indignée de la fermeture du musée."], "fr")
    assert by_cue(found, "s'est indignée")["speaker"] == "L'association"
    _, found = run(["La preside si è detta sorpresa dalla decisione del consiglio."], "it")
    assert by_cue(found, "si è detta")["speaker"] == "La preside"


def test_speech_act_verbs_by_lemma():
    cases = [
        ("es", "La concejala acusó al alcalde de ocultar las facturas.", "acusó"),
        ("it", "Il deputato ha accusato la giunta di nascondere i conti.", "ha accusato"),
        ("pt", "O vereador acusa a prefeitura de esconder as contas.", "acusa"),
        ("ru", "Депутат обвинил мэрию в сокрытии расходов.", "обвинил"),
        ("pl", "Radny oskarżył burmistrza o ukrywanie wydatków.", "oskarżył"),
        ("de", "Die Feuerwehr rief die Bewohner am Abend dazu auf, die Fenster zu schließen.",
         "rief die Bewohner am Abend dazu auf"),
    ]
    for lang, sentence, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"], (lang, found)


def test_separable_verb_with_a_source_in_a_phrase():
    _, found = run(["Aus dem Jahresbericht geht hervor, dass die Mieten gestiegen sind."], "de")
    assert by_cue(found, "geht hervor")["content"] == "die Mieten gestiegen sind"


def test_capitalised_noun_in_the_subject_is_no_verb():
    _, found = run(["In dem Schreiben heißt es, die Halle bleibe bis Mai geschlossen."], "de")
    assert by_cue(found, "heißt es")["content"] == "die Halle bleibe bis Mai geschlossen"


def test_hearsay_il_parait():
    _, found = run(["Il paraît que la boulangerie du village va fermer."], "fr")
    a = by_cue(found, "Il paraît")
    assert a["speaker"] is None and a["anonymous"]


def test_verbal_noun_is_no_cue():
    _, found = run(["Rada nie zgłosiła zastrzeżeń do planu budowy drogi."], "pl")
    assert not any(a["cue"] == "zastrzeżeń" for a in found)


def test_weak_verb_with_a_place_before_its_complementizer():
    _, found = run(["Chị Hoa chia sẻ trên Zalo rằng cửa hàng đã đóng cửa."], "vi")
    assert by_cue(found, "chia sẻ")["content"] == "cửa hàng đã đóng cửa"


def test_reporting_infinitive_after_an_opener_takes_the_main_speaker():
    _, found = run(["Le gardien a nié les faits, avant d'ajouter : « J'étais absent ce soir-là. »"], "fr")
    a = by_cue(found, "avant d'ajouter")
    assert a["speaker"] == "Le gardien" and a["content"] == "J'étais absent ce soir-là."
    _, found = run(["La directora saludó a los padres, antes de precisar que el curso empieza en octubre."], "es")
    assert by_cue(found, "antes de precisar")["speaker"] == "La directora"


def test_gerund_reports_only_before_a_complementizer():
    _, found = run(["El servicio vigila las costas, asegurando la calma de los bañistas."], "es")
    assert not any(a["cue"] == "asegurando" for a in found)
    _, found = run(["Il sindaco ha chiuso la scuola, precisando che riaprirà lunedì."], "it")
    assert by_cue(found, "precisando")["content"] == "riaprirà lunedì"
    _, found = run(["Un voisin a pourtant confirmé les horaires."], "fr")
    assert by_cue(found, "a pourtant confirmé")["speaker"] == "Un voisin"  # "-ant" in an adverb


def test_object_opened_by_a_reflexive_possessive():
    _, found = run(["Завод свою вину в аварии отрицает."], "ru")
    a = by_cue(found, "отрицает")
    assert a["speaker"] == "Завод" and a["content"] == "свою вину в аварии"


def test_report_preposition_before_its_noun():
    _, found = run(["Nach ersten Polizeiberichten soll der Fahrer geflohen sein."], "de")
    assert by_cue(found, "Nach")["speaker"] == "ersten Polizeiberichten"
    _, found = run(["По неофициальным данным, мост закроют на ремонт."], "ru")
    assert by_cue(found, "По")["content"] == "мост закроют на ремонт"


def test_topic_verbs_with_their_preposition():
    _, found = run(["Los vecinos hablan de «ruidos» cada noche."], "es")
    assert by_cue(found, "hablan")["speaker"] == "Los vecinos"
    _, found = run(["Le préfet parle d'une crue exceptionnelle."], "fr")
    assert by_cue(found, "parle")["speaker"] == "Le préfet"
    _, found = run(["Le ministre a parlé avec les maires hier soir."], "fr")
    assert not found


def test_report_inside_a_quotation_opened_by_a_determiner_names_no_one():
    text = ("ANNA LIND: Le budget est tenu. Cette note dit que tout va bien, et je le crois.\n"
            "PAUL ROY: Ce n'est pas vrai du tout.\n"
            "ANNA LIND: Les chiffres sont publics depuis mars.\n")
    from claimscope.model import Article, Document
    from claimscope.stages.attribution import AttributionStage
    from claimscope.stages.segment import Segment

    doc = AttributionStage()(Segment()(Document(Article(text), language="fr")))
    assert not any(text[a.cue_start : a.cue_end] == "dit" for a in doc.attributions)


def test_participle_of_a_relay_with_its_agent():
    _, found = run(["La alcaldesa, citada por la radio local, negó cualquier recorte en la escuela."], "es")
    assert by_cue(found, "citada por")["speaker"] == "la radio local"


def test_impersonal_reading_names_its_document():
    _, found = run(["« La salle restera fermée », peut-on lire dans le communiqué du club."], "fr")
    a = by_cue(found, "peut-on lire")
    assert a["content"] == "La salle restera fermée" and a["speaker"] == "club"
    _, found = run(["La strada resterà chiusa fino a lunedì, si legge nella nota del Comune."], "it")
    assert by_cue(found, "si legge")["speaker"] == "nota del Comune"


def test_impersonal_reading_names_the_medium_that_holds_the_text():
    cases = [  # a group, chat, channel, site or page in the locative names where the text was read
        ("de", "In einer Nachbarschaftsgruppe auf WhatsApp hieß es am Montag, die Brücke werde gesperrt.",
         "hieß es", "einer Nachbarschaftsgruppe auf WhatsApp"),
        ("de", "Auf der Seite der Stadtwerke heißt es, das Wasser sei sauber.", "heißt es", "der Seite der Stadtwerke"),
        ("it", "Su diversi canali Telegram si legge che il ponte crollerà.", "si legge", "diversi canali Telegram"),
        ("ru", "В родительском чате говорится, что школу закроют.", "говорится", "родительском чате"),
        ("ru", "На сайте ведомства говорится, что мост закроют.", "говорится", "сайте ведомства"),
        ("pl", "Na stronie urzędu czytamy, że most zostanie zamknięty.", "czytamy", "stronie urzędu"),
        ("es", "En un grupo de vecinos se lee que el puente cerrará.", "se lee", "un grupo de vecinos"),
        ("pt", "Num grupo de moradores lê-se que a ponte vai fechar.", "lê-se", "grupo de moradores"),
    ]
    assert_speakers(cases)
    _, found = run(["Im Dorf heißt es, der Bäcker schließe bald."], "de")  # a place, not a medium
    assert by_cue(found, "heißt es")["speaker"] is None


def test_long_clause_before_a_colon_and_a_quotation_when_the_subject_names_someone():
    _, found = run(["Son collègue, Marc Perrin, infirmier, a attendu une heure devant la mairie du quartier : « Personne ne savait rien. »"], "fr")
    a = next(a for a in found if a["cue"].endswith(":"))
    assert a["speaker"] == "Son collègue, Marc Perrin, infirmier" and a["content"] == "Personne ne savait rien."


def test_opinion_and_source_prepositions():
    cases = [
        ("fr", "Aux yeux du ministre, la réforme reste indispensable.", "Aux yeux du", "ministre"),
        ("de", "Aus Sicht der Feuerwehr war der Einsatz angemessen.", "Aus Sicht der", "Feuerwehr"),
        ("ru", "Со слов соседей, пожар начался около полуночи.", "Со слов", "соседей"),
        ("pl", "W ocenie lekarzy epidemia potrwa do jesieni.", "W ocenie", "lekarzy"),
        ("it", "A giudizio degli ingegneri, il ponte è sicuro.", "A giudizio degli", "ingegneri"),
    ]
    assert_speakers(cases)


def test_polish_wynika_names_its_source_phrase():
    _, found = run(["Z raportu inspekcji wynika, że woda jest czysta."], "pl")
    a = by_cue(found, "wynika")
    assert a["speaker"] == "raportu inspekcji" and a["content"] == "woda jest czysta"


def test_a_source_verb_names_the_object_of_its_source_preposition():
    cases = [  # before, after or inside the cue; the content the clause before, a that-clause, or the sentence before
        ("pl", "Program kosztuje 5 mln zł, który zapłaci miasto – wynika z uchwały rady, do której dotarła agencja.",
         "wynika", "uchwały rady", "Program kosztuje 5 mln zł, który zapłaci miasto"),
        ("pl", "Szpitale mają długi, jak wynika z raportu NIK.", "wynika", "raportu NIK", "Szpitale mają długi"),
        ("pl", "Jak wynika z raportu NIK, szpitale mają długi.", "wynika", "raportu NIK", "szpitale mają długi"),
        ("de", "Aus dem Jahresbericht geht hervor, dass die Zahl der Einsätze stieg.", "geht hervor",
         "dem Jahresbericht", "die Zahl der Einsätze stieg"),
        ("de", "Die Zahl der Einsätze stieg, wie aus dem Jahresbericht hervorgeht.", "hervorgeht",
         "dem Jahresbericht", "Die Zahl der Einsätze stieg"),
    ]
    assert_speakers(cases)
    _, found = run(["Die Zahl der Einsätze stieg 2023 deutlich.", "Das geht aus der Bilanz der Feuerwehr hervor."], "de")
    a = by_cue(found, "geht aus der Bilanz der Feuerwehr hervor")
    assert a["speaker"] == "der Bilanz der Feuerwehr" and a["content"] == "Die Zahl der Einsätze stieg 2023 deutlich"


def test_impersonal_hearsay_is_anonymous_with_no_speaker():
    for lang, sentence, cue in [
        ("fr", "On dit que la gare fermera en hiver.", "On dit"),
        ("es", "Se dice que la fábrica cerrará en otoño.", "Se dice"),
        ("de", "Wie man hört, soll die Fähre im Winter ruhen.", "Wie man hört"),
    ]:
        _, found = run([sentence], lang)
        a = by_cue(found, cue)
        assert a["speaker"] is None and a["anonymous"], (lang, found)


def test_weak_verb_in_the_reporting_clause_after_a_quotation():
    _, found = run(["Le marché rouvre demain. « On verra bien », glisse un commerçant du quartier."], "fr")
    a = by_cue(found, "glisse")
    assert a["speaker"] == "un commerçant du quartier" and a["content"] == "On verra bien"
    _, found = run(["Le vent souffle fort sur la ville depuis lundi."], "fr")
    assert not found


def test_form_unknown_to_the_lemmatiser_is_rewritten_to_its_infinitive():
    _, found = run(["Le contrat stipule que les loyers restent fixes."], "fr")
    assert by_cue(found, "stipule")["content"] == "les loyers restent fixes"


def test_calqued_words_of_prepositions():
    for lang, sentence, cue, speaker in [
        ("es", "Por las palabras del portavoz, la planta cerrará en mayo.", "Por las palabras del", "portavoz"),
        ("fr", "Selon les mots du directeur, l'usine fermera en mai.", "Selon les mots du", "directeur"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)


def test_relay_calques_of_state_media_copy():
    _, found = run(["Le pont restera fermé jusqu'en mai, transmet l'agence Novosti."], "fr")
    assert by_cue(found, "transmet")["speaker"] == "l'agence Novosti"
    _, found = run(["Le maire transmet ses voeux aux habitants du quartier."], "fr")
    assert not found
    _, found = run(["El diario, haciendo referencia a fuentes militares, informó que la base cerró."], "es")
    assert by_cue(found, "haciendo referencia a")["speaker"] == "fuentes militares"


def test_reduced_passive_after_an_as_word():
    _, found = run(["La scuola riaprirà a settembre, come riportato dal quotidiano locale."], "it")
    a = by_cue(found, "riportato")
    assert a["speaker"] == "quotidiano locale" and a["content"] == "La scuola riaprirà a settembre"
    _, found = run(["Il conducente ha riportato ferite lievi alla gamba."], "it")
    assert not found


def test_german_verb_after_a_demonstrative():
    _, found = run(["Die Wache zählte 57 Einsätze.", "Das geht aus dem Monatsbericht hervor."], "de")
    assert by_cue(found, "geht aus dem Monatsbericht hervor")


def test_preposition_with_a_relative_pronoun_takes_the_noun_before():
    _, found = run(["Il giornale intervista un medico secondo cui il virus è stagionale."], "it")
    a = by_cue(found, "secondo")
    assert a["speaker"] == "un medico" and a["content"] == "il virus è stagionale"
    _, found = run(["La radio entrevista a un experto según el cual la presa es segura."], "es")
    assert by_cue(found, "según")["speaker"] == "un experto"


def test_gerund_after_a_text_noun_reports():
    _, found = run(["La mairie a diffusé un communiqué dénonçant une « rumeur infondée »."], "fr")
    assert by_cue(found, "dénonçant")["content"] == "une « rumeur infondée »"


def test_present_in_ite_is_no_participle():
    _, found = run(["Le quotidien cite un élu de la majorité."], "fr")
    assert by_cue(found, "cite")["speaker"] == "Le quotidien"


def test_italian_present_in_ita_or_uta_is_no_participle():
    _, found = run(["Il presidente saluta con favore la decisione del governo."], "it")
    assert by_cue(found, "saluta")["speaker"] == "Il presidente"


def test_weak_verb_with_a_place_before_a_colon_is_one_attribution():
    _, found = run(['Chị Mai chia sẻ với phóng viên: "Cửa hàng đã đóng cửa."'], "vi")
    assert [(a["speaker"], a["cue"]) for a in found] == [("Chị Mai", "chia sẻ")]


def test_sharing_or_speaking_verb_with_a_bare_object_or_place_is_no_cue():
    _, found = run(["Le conseiller a relayé la vidéo sur son compte personnel."], "fr")
    assert not found
    _, found = run(["Le conseiller a relayé que la piscine fermerait en août."], "fr")
    assert by_cue(found, "a relayé")["speaker"] == "Le conseiller"
    _, found = run(["Phát biểu tại hội nghị sáng nay, ông Hòa cho biết xã sẽ sửa con đê cũ."], "vi")
    assert [a["cue"] for a in found] == ["cho biết"]
    _, found = run(["Nhiều người đăng tải hình ảnh con đê sau trận mưa."], "vi")
    assert not found


def test_verb_with_a_bare_object_inside_an_indirect_report_is_no_cue():
    _, found = run(["La mairie a confirmé la fermeture du gymnase, a indiqué la directrice."], "fr")
    assert [a["cue"] for a in found] == ["a indiqué"]
    _, found = run(["Il giornale riferisce che il comune ha approvato una delibera che riconosce il quartiere come zona rossa."], "it")
    assert [a["cue"] for a in found] == ["riferisce"]
    _, found = run(["La mairie a confirmé la fermeture du gymnase."], "fr")
    assert by_cue(found, "a confirmé")["content"] == "la fermeture du gymnase"


def test_verb_whose_object_is_a_relative_pronoun_reports_nothing():
    _, found = run(["A câmara diz que a obra atrasou por causa da chuva, o que a construtora nega."], "pt")
    assert [a["cue"] for a in found] == ["diz"]
    _, found = run(["El club asegura que el estadio estará listo en mayo, lo que niega la constructora."], "es")
    assert [a["cue"] for a in found] == ["asegura"]
    _, found = run(["Подпишитесь на рассылку, чтобы знать, о чем пишет местная газета."], "ru")
    assert not found
    _, found = run(["La constructora niega que la obra se haya retrasado."], "es")
    assert by_cue(found, "niega")["speaker"] == "La constructora"


def test_declaring_an_emergency_is_an_act_not_a_report():
    _, found = run(["Il sindaco ha dichiarato il lutto cittadino per domenica."], "it")
    assert not found
    _, found = run(["Wojewoda ogłosił stan klęski żywiołowej w trzech gminach."], "pl")
    assert not found
    _, found = run(["El gobierno declaró que la emergencia terminó."], "es")
    assert by_cue(found, "declaró")["content"] == "la emergencia terminó"


def test_an_as_clause_closing_the_sentence_reports_the_clause_before():
    cases = [
        ("de", "Die Fähre fährt wieder ab Montag, wie die Reederei am Freitag mitteilte.", "mitteilte",
         "die Reederei", "Die Fähre fährt wieder ab Montag"),
        ("en", "The ferry will sail again on Monday, as the operator said on Friday.", "said",
         "the operator", "The ferry will sail again on Monday"),
    ]
    assert_speakers(cases)


def test_a_verb_whose_sense_with_a_bare_object_is_no_report():
    for lang, sentence in [
        ("fr", "Le syndicat assure la distribution de l'eau dans douze communes."),
        ("pt", "A cooperativa concluiu nesta semana a colheita do café."),
        ("es", "La empresa asegura el suministro de gas a tres provincias."),
        ("pt", "Quem mora no bairro precisa andar dois quilômetros até a escola."),
    ]:
        _, found = run([sentence], lang)
        assert not found, (lang, found)
    _, found = run(["Le maire assure que le pont est sûr."], "fr")
    assert by_cue(found, "assure")["content"] == "le pont est sûr"


def test_a_passive_with_no_agent_and_no_reported_clause_reports_nothing():
    for lang, sentence in [
        ("fr", "Le coût des travaux est estimé à deux millions d'euros."),
        ("it", "La scossa è stata avvertita in tutta la valle."),
        ("pt", "O custo da obra foi estimado em dois milhões de reais."),
    ]:
        _, found = run([sentence], lang)
        assert not found, (lang, found)
    _, found = run(["Il a été annoncé que la piscine fermera."], "fr")
    assert by_cue(found, "a été annoncé")["content"] == "la piscine fermera"


def test_a_passive_agent_after_a_time_adverbial():
    _, found = run(["A nova linha foi anunciada nesta quarta-feira (5) pela Secretaria de Transportes."], "pt")
    a = by_cue(found, "foi anunciada")
    assert (a["speaker"], a["content"]) == ("Secretaria de Transportes", "A nova linha")


def test_more_reporting_verbs_by_lemma():
    cases = [
        ("fr", "« Le trottoir est trop étroit », soupire une habitante.", "soupire"),
        ("fr", "L'opposition reproche au maire d'avoir oublié l'entretien.", "reproche"),
        ("es", "La empresa calcula que la obra durará un mes.", "calcula"),
        ("de", "Der Elternrat begrüßte den Beschluss.", "begrüßte"),
    ]
    for lang, sentence, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue), (lang, found)


def test_calling_oneself_is_no_report_and_leaves_the_main_verb_its_subject():
    _, found = run(["Сидоров, который называет себя другом леса, заявил, что вырубку надо остановить."], "ru")
    assert [a["cue"] for a in found] == ["заявил"]
    assert by_cue(found, "заявил")["entity"] == "Сидоров"


def test_talking_about_a_topic_reports_nothing():
    for lang, sentence in [
        ("ru", "Второй зал рассказывает о истории порта."),
        ("pl", "W gminie od tygodnia mówi się tylko o jednym: o nowej drodze."),
    ]:
        _, found = run([sentence], lang)
        assert not found, (lang, found)
    _, found = run(["Директор рассказал о том, что музей закроют."], "ru")
    assert by_cue(found, "рассказал")
    _, found = run(["Radny mówi o „skandalu”."], "pl")
    assert by_cue(found, "mówi")


def test_listed_verb_form_after_an_article_or_possessive_is_a_noun():
    _, found = run(["Each week we sort the rumours, and a claim may stay open for days."], "en")
    assert not any(a["cue"] == "claim" for a in found)
    _, found = run(["The weather desk has your forecast after the music."], "en")
    assert not any(a["cue"] == "forecast" for a in found)


def test_the_author_writing_in_the_first_person_is_no_source():
    _, found = run(["If your street is affected, we've posted the new timetable on our site."], "en")
    assert not any(a["cue"] == "posted" for a in found)
    _, found = run(['"We posted the timetable twice," the driver said.'], "en")
    assert by_cue(found, "said")["speaker"] == "the driver"


def test_possessive_opinion_prepositions():
    _, found = run(["Die Ärztin blieb ruhig.", "Ihrer Meinung nach reicht der Vorrat bis Mai."], "de")
    assert by_cue(found, "Ihrer Meinung nach")["content"] == "reicht der Vorrat bis Mai"
    _, found = run(["La vecina fue más allá: a su juicio, el puerto no abrirá en verano."], "es")
    assert by_cue(found, "a su juicio")["content"] == "el puerto no abrirá en verano"
    _, found = run(["À son avis, la digue ne tiendra pas l'hiver."], "fr")
    assert by_cue(found, "À son avis")["speaker"] == "son"


def test_preposition_after_a_colon_reports_what_follows():
    _, found = run(["Le directeur dément : selon lui, la cantine rouvrira lundi."], "fr")
    assert by_cue(found, "selon")["content"] == "la cantine rouvrira lundi"
    assert by_cue(found, "dément")["speaker"] == "Le directeur"


def test_report_nouns_after_nach():
    _, found = run(["Nach Zahlen der Landesbehörde fehlen im Kreis rund 300 Pflegekräfte."], "de")
    assert by_cue(found, "Nach")["content"].endswith("rund 300 Pflegekräfte")


def test_opinion_preposition_before_a_name_and_a_comma():
    _, found = run(["Pour Julie Marchand, adjointe aux sports, le gymnase reste bien trop petit."], "fr")
    view = by_cue(found, "Pour")
    assert view["speaker"] == "Julie Marchand, adjointe aux sports"
    assert view["content"] == "le gymnase reste bien trop petit"
    _, found = run(["Pour les riverains, la rue restera fermée tout l'été."], "fr")
    assert not found


def test_doubt_verbs_before_a_complementizer_and_figures_put_on_something():
    _, found = run(["Врач Ольга Ильина сомневается, что лекарства хватит до весны."], "ru")
    assert by_cue(found, "сомневается")["content"] == "лекарства хватит до весны"
    _, found = run(["La directora del museo cifró en 40.000 euros el coste de la reforma."], "es")
    assert by_cue(found, "cifró")["speaker"] == "La directora del museo"
    _, found = run(["El grupo cifró los datos del servidor."], "es")
    assert not found


def test_infinitive_with_a_joined_pronoun_reports_nothing():
    _, found = run(["Conviene explicarlo despacio y con cifras."], "es")
    assert not found
    _, found = run(["Il sindaco parla di una scelta difficile per la città."], "it")
    assert by_cue(found, "parla")["speaker"] == "Il sindaco"


def test_a_colon_label_with_a_dash_is_a_heading():
    _, found = run(["RADIO NORD — Transcript: the mayor spoke to us on Monday about the bridge."], "en")
    assert not [a for a in found if a["cue"] == ":"]


def test_reactions_and_questions_after_a_quotation():
    _, found = run(["«Non me lo aspettavo», ha reagito la preside."], "it")
    assert by_cue(found, "ha reagito")["speaker"] == "la preside"
    _, found = run(["„Kto za to zapłaci?” – pyta jeden z rolników."], "pl")
    assert by_cue(found, "pyta")["speaker"] == "jeden z rolników"
    _, found = run(["«Так нельзя», — отреагировал глава поселка."], "ru")
    assert by_cue(found, "отреагировал")["speaker"] == "глава поселка"
    _, found = run(["Gli esperti ripetono che il ponte è sicuro."], "it")
    assert by_cue(found, "ripetono")["content"] == "il ponte è sicuro"


def test_a_question_about_what_is_said_reports_nothing():
    _, found = run(["Texte.", "¿Y qué dice la alcaldía?", "Nadie contestó."], "es")
    assert not [a for a in found if a["cue"] == "dice"]
    _, found = run(["Was sagt die Stadt dazu?"], "de")
    assert not found
    _, found = run(["A-t-il dit que le pont fermera en mai ?"], "fr")
    assert by_cue(found, "A-t-il dit")["content"] == "le pont fermera en mai"


def test_a_passive_auxiliary_of_the_clause_before_a_comma_is_not_the_cues():
    _, found = run(["Die Leitung müsse erst geprüft werden, erklärte sie."], "de")
    assert by_cue(found, "erklärte")["speaker"] == "sie"
    _, found = run(["Der Kran müsse warten, bis die Brände gelöscht werden könnten, sagte er."], "de")
    assert by_cue(found, "sagte")["speaker"] == "er"


def test_a_capitalised_preposition_after_a_colon_is_a_cue():
    _, found = run(["Kein Einzelfall: Nach Angaben des Verbands brennt es jedes Jahr in vielen Lagern."], "de")
    assert by_cue(found, "Nach Angaben des")["content"] == "brennt es jedes Jahr in vielen Lagern"


def test_weak_verb_before_a_perfect_infinitive():
    _, found = run(["La vecina aseguró haber oído dos explosiones."], "es")
    assert by_cue(found, "aseguró")["content"] == "haber oído dos explosiones"
    _, found = run(["La vecina aseguró su casa contra incendios."], "es")
    assert not found


def test_no_report_in_a_related_link_of_the_page():
    from claimscope import ingest
    from claimscope.model import Document
    from claimscope.stages import foundation_stages
    from claimscope.stages.attribution import AttributionStage

    text = ("Le pont ferme\n\nLe pont de la ville fermera lundi pour des travaux, a indiqué la mairie dans un "
            "communiqué.\n\nLire aussi : Nouveau rond-point à Lyon. Les automobilistes disent que la "
            "signalisation est mauvaise\n\nPartager : Facebook | Twitter")
    doc = Document(ingest.from_text(text))
    for stage in foundation_stages():
        doc = stage(doc)
    cues = [text[a.cue_start:a.cue_end] for a in AttributionStage()(doc).attributions]
    assert cues == ["a indiqué"]


def test_a_verb_of_naming_reports_only_with_a_quotation():
    _, found = run(["Там его называют жителем соседнего района."], "ru")
    assert not found
    _, found = run(["Министр назвал эти слова «провокацией»."], "ru")
    assert by_cue(found, "назвал")["speaker"] == "Министр"


def test_whoever_is_no_source():
    _, found = run(["Pero quien haya vivido un invierno allí sabe que el frío no perdona."], "es")
    assert not found


def test_a_coordinator_opening_the_clause_is_no_speaker():
    _, found = run(['Y remata: "Compártalo con su familia, puede salvarle la vida".'], "es")
    assert by_cue(found, "remata")["speaker"] is None


def test_more_verbs_of_saying_before_a_colon_or_after_a_quotation():
    _, found = run(['Bà Hoa bảo: "Cá tươi thì không cần ướp đá."'], "vi")
    assert by_cue(found, "bảo")["speaker"] == "Bà Hoa"
    _, found = run(["Nach Auskunft des Landratsamts bleibt die Straße bis Juni gesperrt."], "de")
    assert by_cue(found, "Nach")["content"].endswith("bis Juni gesperrt")


def test_a_listed_form_after_an_article_that_is_never_a_pronoun_is_a_noun():
    _, found = run(["Dans sa note de juin, la direction rappelle les horaires."], "fr")
    assert [a["cue"] for a in found] == ["rappelle"]


def test_weak_verb_after_an_object_pronoun_reports_the_sentence_before():
    _, found = run(["El puerto cerrará en mayo.", "Así lo publicó el martes el diario La Voz."], "es")
    a = by_cue(found, "publicó")
    assert a["speaker"] == "el diario La Voz" and a["content"] == "El puerto cerrará en mayo"
    _, found = run(["El alcalde afirma que el puerto cerrará.", "Así lo recoge el diario La Voz."], "es")
    assert all(a["cue"] != "recoge" for a in found)  # a relay of the report before


def test_rendere_noto_is_one_cue():
    _, found = run(["La piscina resterà chiusa fino a giugno.", "Lo ha reso noto il Comune."], "it")
    a = by_cue(found, "ha reso noto")
    assert a["speaker"] == "il Comune" and a["content"] == "La piscina resterà chiusa fino a giugno"


def test_news_noun_subject_of_a_passive_stands_for_the_sentence_before():
    _, found = run(["La mairie fermera la piscine en juin.",
                    "L'information a été confirmée par le journal Le Nord."], "fr")
    a = by_cue(found, "a été confirmée")
    assert a["speaker"] == "le journal Le Nord" and a["content"] == "La mairie fermera la piscine en juin"
    _, found = run(["La fermeture du pont a été annoncée par le préfet."], "fr")
    assert by_cue(found, "a été annoncée")["content"] == "La fermeture du pont"


def test_preposition_inside_a_clause_reports_what_follows_it():
    cases = [
        ("es", "Los heridos fueron llevados a dos hospitales, donde, según la alcaldía, pasaron la noche unas 80 personas.",
         "según", "pasaron la noche unas 80 personas"),
        ("es", "En la segunda fase, según el diario, el puerto perderá la mitad de sus empleos.",
         "según", "el puerto perderá la mitad de sus empleos"),
        ("pt", "Depois da reunião, de acordo com o site, o projeto foi adiado por dois anos.",
         "de acordo com", "o projeto foi adiado por dois anos"),
        ("pt", "Os preços subiram 5 % no ano passado, segundo o instituto.", "segundo", "Os preços subiram 5 % no ano passado"),
    ]
    for lang, sentence, cue, content in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["content"] == content, (lang, found)


def test_a_cue_word_inside_a_quotation_does_not_cut_the_content():
    _, found = run(["Secondo il direttore del parco, il numero dei lupi «è stabile e non indica alcun pericolo»."], "it")
    assert by_cue(found, "Secondo")["content"] == "il numero dei lupi «è stabile e non indica alcun pericolo»"


def test_preposition_after_a_semicolon_opens_its_clause():
    _, found = run(["Die Eltern sammeln Unterschriften; nach Angaben der Schule haben schon 300 Familien unterschrieben."], "de")
    assert by_cue(found, "nach Angaben der")["content"] == "haben schon 300 Familien unterschrieben"


def test_german_relative_after_a_preposition_needs_its_comma():
    _, found = run(["Im Netz kursiert ein Aufruf, laut dem die Stadt alle Parks schließt."], "de")
    assert by_cue(found, "laut")["content"] == "die Stadt alle Parks schließt"
    _, found = run(["Laut dem Bericht ist die Brücke marode."], "de")
    assert by_cue(found, "Laut")["speaker"] == "dem Bericht"


def test_a_verdict_word_before_a_colon_is_no_speaker():
    _, found = run(["Nieprawda: w mieście działa tylko jedna szkoła językowa od wielu lat."], "pl")
    assert not found
    _, found = run(["Faux : la mairie n'a jamais fermé la piscine municipale cet été."], "fr")
    assert not found


def test_the_authors_first_person_verb_reports_no_one():
    _, found = run(["Admito que a fonte me parece fraca."], "pt")
    assert not any(a["cue"].lower() == "admito" for a in found)
    _, found = run(["Alors parlons des résultats du vote."], "fr")
    assert not found
    _, found = run(["O ministro admite que o plano falhou."], "pt")
    assert by_cue(found, "admite")["speaker"] == "O ministro"


def test_a_participle_after_a_comma_takes_the_main_clauses_speaker():
    cases = [
        ("fr", "Le pont restera fermé, a indiqué la mairie dans un communiqué, ajoutant que « les travaux dureront un mois ».",
         "ajoutant", "la mairie"),
        ("en", "The bridge will stay shut, the council said on Monday, adding that repairs would take a month.",
         "adding", "the council"),
    ]
    assert_speakers(cases)


def test_german_verb_second_after_an_adverb_and_a_separable_report():
    _, found = run(["Dort schrieb der Betreiber am Freitag, ihm liege ein internes Papier vor."], "de")
    a = by_cue(found, "schrieb")
    assert a["speaker"] == "der Betreiber" and a["content"] == "ihm liege ein internes Papier vor"
    _, found = run(["Ein Zeuge gab an, den Wagen kurz vor Mitternacht gesehen zu haben."], "de")
    assert by_cue(found, "gab an")["speaker"] == "Ein Zeuge"


def test_german_verb_final_passive_is_no_report():
    _, found = run(["Der Verband behauptet, auf der Packung müssten alle Zutaten angegeben werden, und das sei Pflicht."], "de")
    assert [a["cue"] for a in found] == ["behauptet"]
    assert by_cue(found, "behauptet")["content"].endswith("und das sei Pflicht")


def test_an_adverb_that_only_ends_like_a_gerund_keeps_its_clauses_subject():
    # "pourtant" ends like "ajoutant": the cue's last word decides, not any word in it
    _, found = run(["La préfecture dément.", "Un agent, sous couvert d'anonymat, a pourtant confirmé que le site fermera."], "fr")
    assert by_cue(found, "a pourtant confirmé")["speaker"].startswith("Un agent")
