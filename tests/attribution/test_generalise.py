"""Constructions found on news written by another hand (issue 11): reporting verbs by
lemma, inverted subjects after a clause, hyphenated pronouns, negation, page labels
and headlines, colon clauses, anonymous speakers and hearsay. Sentences are our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment
from tests.attribution.util import by_cue, run


# -- reporting verbs by lemma: any inflection is a cue --------------------------------

def test_lemma_finds_inflected_verbs():
    cases = [
        ("fr", "Le capitaine énumère les navires perdus dans la tempête.", "énumère"),
        ("en", "The engineer testifies that the valve had failed twice.", "testifies"),
        ("es", "La alcaldesa matizó que la obra terminará en mayo.", "matizó"),
        ("it", "Il sindaco ribadisce che la piscina resterà chiusa.", "ribadisce"),
        ("pt", "A diretora esclareceu que a escola abrirá em março.", "esclareceu"),
        ("de", "Der Trainer bekräftigte, dass die Mannschaft bleibt.", "bekräftigte"),
        ("ru", "Губернатор уверял, что мост откроют весной.", "уверял"),
        ("pl", "Burmistrz uprzedzał, że remont potrwa do jesieni.", "uprzedzał"),
    ]
    for lang, sentence, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"], (lang, found)


def test_lemma_keeps_the_auxiliary():
    _, found = run(["La directrice a énuméré les salles à rénover cet été."], "fr")
    assert by_cue(found, "a énuméré")["speaker"] == "La directrice"


def test_lemma_skips_infinitives_nouns_and_bare_participles():
    _, found = run(["Le moment est venu de dire la vérité aux habitants du quartier."], "fr")
    assert not any(a["cue"] == "dire" for a in found)
    _, found = run(["El comunicado publicado ayer no cambia nada en la ciudad."], "es")
    assert not any(a["cue"] == "publicado" for a in found)
    _, found = run(["Il comunicato diffuso dal club parla di un infortunio."], "it")
    assert not any(a["cue"] == "comunicato" for a in found)


def test_negated_verb_is_no_cue():
    _, found = run(["Le club n'a pas répondu aux questions des supporters."], "fr")
    assert not any("répondu" in a["cue"] for a in found)
    _, found = run(["Die Stadt hat den Bericht bisher nicht kommentiert."], "de")
    assert not any(a["cue"] == "kommentiert" for a in found)


# -- inverted subject after a clause ------------------------------------------------

def test_inverted_subject_after_a_clause_and_an_adverbial():
    _, found = run(
        ["Завод в Туле закроют до конца года, заявил в пятницу губернатор области Иван Соколов."],
        "ru",
    )
    a = by_cue(found, "заявил")
    assert a["speaker"] == "губернатор области Иван Соколов"
    assert a["content"].startswith("Завод в Туле")


def test_inverted_subject_after_a_dash():
    _, found = run(
        ["Pociągi na trasie do Gdyni pojadą wolniej przez trzy tygodnie – poinformowała w piątek spółka Koleje Pomorskie."],
        "pl",
    )
    assert by_cue(found, "poinformowała")["speaker"] == "spółka Koleje Pomorskie"


def test_inverted_german_newspaper_after_a_long_clause():
    _, found = run(
        ["Die Brücke über den Fluss wird wegen schwerer Schäden am Fundament bis zum Herbst gesperrt, schreibt die Zeitung „Nordkurier“."],
        "de",
    )
    assert by_cue(found, "schreibt")["speaker"] == "die Zeitung „Nordkurier“"


def test_inverted_domain_name():
    _, found = run(["Altre città seguiranno presto la stessa strada, scrive notizieitalia.it nel suo articolo."], "it")
    assert by_cue(found, "scrive")["speaker"] == "notizieitalia.it"


def test_english_object_is_no_inverted_subject():
    _, found = run(
        ["Mary Stone, a lawyer who has worked on many such cases over the years, told The Herald."],
        "en",
    )
    assert by_cue(found, "told")["speaker"].startswith("Mary Stone")


def test_preposition_before_a_verb_leaves_the_verb_its_cue():
    _, found = run(["Según explicó el portavoz, el tren saldrá a las ocho."], "es")
    assert not any(a["speaker"] == "explicó" for a in found)
    assert not any(a["speaker"] == "Según" for a in found)


# -- pronouns ------------------------------------------------------------------------

def test_hyphenated_pronoun_is_the_speaker_and_resolves():
    _, found = run(
        [
            "« Nous rouvrirons la salle en juin », a annoncé Claire Morel, la directrice.",
            "« Le chantier avance bien », précise-t-elle.",
        ],
        "fr",
    )
    a = by_cue(found, "précise-t-elle")
    assert a["speaker"] == "elle"
    assert a["entity"] == "Claire Morel"


def test_name_before_its_apposition_is_the_entity():
    _, found = run(
        [
            "Jonas Keller, Leiter eines Berliner Vereins junger Eltern, warnte vor Panik.",
            "„Wir bleiben ruhig“, sagte er.",
        ],
        "de",
    )
    assert by_cue(found, "sagte")["entity"] == "Jonas Keller"


# -- colons: page labels, headlines, clauses ------------------------------------------

def test_page_labels_and_headlines_are_no_speech():
    text_lines = [
        "Lyon : la piscine municipale ferme pour travaux",
        "Tags : Lyon, piscine, travaux, été",
        "Partager : Facebook | Twitter | WhatsApp",
    ]
    _, found = run(text_lines, "fr")
    assert not [a for a in found if a["cue"] == ":"]
    _, found = run(["Join us also on Telegram: the stories the big papers will never print!"], "en")
    assert not [a for a in found if a["cue"] == ":"]


def test_dateline_and_label_dashes_are_no_credit_lines():
    assert "-" not in cues_of("Lluvias en el norte\n\nLima, 2 mar (EFE).- Unas 300 familias dejaron sus casas.", "es")
    assert "–" not in cues_of('Le message "BANQUE" – ARNAQUE\nDes lecteurs nous ont écrit.', "fr")
    assert "—" in cues_of('"We will open the school again in the autumn." — Anna Berg, July 5', "en")


def cues_of(text: str, lang: str) -> list[str]:
    doc = Segment()(Document(Article(text), language=lang))
    return [text[a.cue_start:a.cue_end] for a in AttributionStage()(doc).attributions]


def test_headline_subtitle_and_related_link_report_no_clause():
    text = ("Le port annonce la fermeture de ses quais nord\n\n"
            "Les travaux dureront un an ; les pêcheurs redoutent une saison perdue\n\n"
            "La capitainerie a confirmé lundi que les quais fermeront en mars.\n\n"
            "À lire aussi : Le maire affirme que notre budget est tenu\n")
    assert cues_of(text, "fr") == ["a confirmé"]
    text = ("Lagos dice «adiós» a los tranvías\n\n"  # a quotation in a headline still counts
            "El alcalde dijo el martes que la red cerrará en junio.\n")
    assert cues_of(text, "es") == ["dice", "dijo"]
    text = ("The council said it would\nclose the pool in May, and the mayor agreed.\n")
    assert "said" in cues_of(text, "en")  # a line broken inside a sentence is running text


def test_colon_speaker_with_a_quotation_keeps_its_determiner():
    _, found = run(["Il prefetto: «Nessuna scuola resterà chiusa»"], "it")
    assert by_cue(found, ":")["speaker"] == "Il prefetto"


def test_clause_ending_in_a_colon_before_a_quotation():
    _, found = run(
        ["El entrenador no esconde su enfado: «Nos han robado el partido»."], "es"
    )
    a = next(a for a in found if a["content"] == "Nos han robado el partido")
    assert a["speaker"] == "El entrenador"
    assert "esconde" in a["cue"]


# -- anonymous speakers and hearsay ----------------------------------------------------

def test_indefinite_speaker_without_a_name_is_anonymous():
    cases = [
        ("fr", "Un infirmier a raconté que le service manquait de lits.", "a raconté"),
        ("en", "A neighbour said the fire started in the kitchen.", "said"),
        ("ru", "Несколько жителей рассказали, что свет отключали дважды.", "рассказали"),
        ("vi", "Một số người dân cho biết nước sông đã rút.", "cho biết"),
    ]
    for lang, sentence, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["anonymous"], (lang, found)


def test_named_or_unnamed_by_request():
    _, found = run(["Un porte-parole de la RATP a affirmé que le trafic reprendrait."], "fr")
    assert not by_cue(found, "a affirmé")["anonymous"]
    _, found = run(
        ["Una vecina, que pidió no ser identificada, dijo que oyó dos disparos."], "es"
    )
    assert by_cue(found, "dijo")["anonymous"]


def test_pronoun_for_an_anonymous_speaker_is_anonymous():
    _, found = run(
        [
            "A driver who asked not to be named said the road was closed at noon.",
            "He said the police arrived an hour later.",
        ],
        "en",
    )
    assert by_cue(found[-1:], "said")["speaker"] == "He"
    assert found[-1]["anonymous"]


def test_hearsay_adverb_is_an_anonymous_cue():
    _, found = run(["Der Bürgermeister soll angeblich schon zurückgetreten sein."], "de")
    a = by_cue(found, "angeblich")
    assert a["speaker"] is None and a["anonymous"]
    _, found = run(["Директор якобы уже подписал приказ об увольнении."], "ru")
    assert by_cue(found, "якобы")["anonymous"]


# -- verbs that report nothing unless they introduce speech ---------------------------

def test_stance_verbs_need_a_clause():
    _, found = run(["The judge ordered a new trial for the two brothers."], "en")
    assert not any(a["cue"] == "ordered" for a in found)
    _, found = run(["The tenants knew about the leak for months."], "en")
    assert not any(a["cue"] == "knew" for a in found)
    _, found = run(["The tenants knew that the roof was leaking."], "en")
    assert by_cue(found, "knew")["speaker"] == "The tenants"


def test_inverted_subject_after_an_object():
    _, found = run(["«Nadie nos avisó», dijo a los periodistas Lucía Campos, vecina del barrio."], "es")
    assert by_cue(found, "dijo")["speaker"].startswith("Lucía Campos")


def test_selon_lui_resolves_to_the_last_speaker():
    _, found = run(
        [
            "« Le bus est arrivé en retard », raconte Marc Dubois, chauffeur de la ligne 4.",
            "Selon lui, la route était fermée.",
        ],
        "fr",
    )
    assert by_cue(found, "Selon")["entity"] == "Marc Dubois"


def test_german_separable_verb_by_lemma():
    _, found = run(["Der Minister stellte am Montag klar, dass die Schulen offen bleiben."], "de")
    a = by_cue(found, "stellte am Montag klar")
    assert a["speaker"] == "Der Minister" and a["content"] == "die Schulen offen bleiben"
    _, found = run(["Der Bürgermeister gibt offen zu: „Wir waren nicht vorbereitet.“"], "de")
    assert by_cue(found, "gibt offen zu")["direct"]
    _, found = run(["Der Trainer stellte die neue Mannschaft vor."], "de")
    assert not found


def test_weak_verb_ending_a_sentence_after_a_quotation():
    _, found = run(["“Prices halved this year,” the farmer worries."], "en")
    assert not found or by_cue(found, "worries")
    _, found = run(["\"Năm nay giá giảm một nửa,\" ông Bảy chia sẻ."], "vi")
    assert by_cue(found, "chia sẻ")["speaker"] == "ông Bảy"


def test_one_word_description_resolves_to_the_last_named_speaker():
    _, found = run(
        ["Infoplus.fr a écrit que la mairie allait fermer.", "Selon le site, la décision date de mars."],
        "fr",
    )
    assert by_cue(found, "Selon")["entity"] == "Infoplus.fr"


def test_object_pronoun_before_the_verb_is_no_subject():
    _, found = run(["Das berichtete der Sender Radio Nord am Abend."], "de")
    assert not any(a["speaker"] == "Das" for a in found)


def test_speaker_after_an_indirect_object_is_anonymous_when_unnamed():
    _, found = run(["«Aquí no hay trabajo», dijo al reportero un joven de veinte años."], "es")
    a = by_cue(found, "dijo")
    assert a["speaker"] == "un joven de veinte años" and a["anonymous"]


def test_impersonal_hearsay_is_anonymous():
    _, found = run(["Im Dorf heißt es, die Schule werde bald geschlossen."], "de")
    a = by_cue(found, "heißt es")
    assert a["speaker"] is None and a["anonymous"]


def test_relative_clause_belongs_to_the_subject():
    _, found = run(["Un voisin qui vit au premier étage a raconté que la porte était ouverte."], "fr")
    a = by_cue(found, "a raconté")
    assert a["speaker"] == "Un voisin qui vit au premier étage" and a["anonymous"]
    _, found = run(["Житель, который попросил не называть его имени, рассказал, что воды нет."], "ru")
    assert by_cue(found, "рассказал")["anonymous"]


# -- session 7: parentheses inside a clause, estimates, labels, dropped subjects --

def test_parenthetical_cue_after_a_relative_pronoun_reports_what_follows():
    _, found = run(["Parole che, scrive il quotidiano Il Foglio, segnano una svolta per il governo."], "it")
    a = by_cue(found, "scrive")
    assert a["speaker"] == "il quotidiano Il Foglio"
    assert a["content"] == "segnano una svolta per il governo"
    _, found = run(["Una scelta che, secondo il sito, piace agli artigiani della valle."], "it")
    assert by_cue(found, "secondo")["content"] == "piace agli artigiani della valle"


def test_prepositional_cues_of_estimates_and_forecasts():
    _, found = run(["По оценкам экологов, уровень реки поднимется на метр."], "ru")
    assert by_cue(found, "По оценкам")["speaker"] == "экологов"
    _, found = run(["En la capital, segun el diario local, faltan doscientos maestros."], "es")
    assert by_cue(found, "segun")["speaker"] == "el diario local"


def test_a_clause_before_a_colon_is_no_name_without_articles():
    _, found = run(["Главное внимание уделяется пожилым людям: им привезут воду и хлеб."], "ru")
    assert not any(a["cue"] == ":" for a in found)
    _, found = run(["Białoruskie radio: w Gdańsku zabrakło prądu na całą noc."], "pl")
    assert by_cue(found, ":")["speaker"] == "Białoruskie radio"


def test_a_dropped_subject_keeps_an_anonymous_speaker():
    _, found = run(
        ["Urzędnik ministerstwa, który prosił o anonimowość, powiedział, że most zostanie zamknięty.",
         "„To potrwa co najmniej miesiąc” – dodał."],
        "pl",
    )
    assert by_cue(found, "powiedział")["anonymous"]
    a = by_cue(found, "dodał")
    assert a["speaker"] is None and a["anonymous"]


def test_impersonal_report_names_the_text_it_cites():
    _, found = run(["In dem Gutachten heißt es, die Brücke sei seit Jahren marode."], "de")
    assert by_cue(found, "heißt es")["speaker"] == "dem Gutachten"
    assert not by_cue(found, "heißt es")["anonymous"]
    _, found = run(["Городская больница сообщила, что открыла корпус.", "В ее сообщении говорится, что там будет сто коек."], "ru")
    a = by_cue(found, "говорится")
    assert a["speaker"] == "ее" and a["entity"] == "Городская больница"


def test_possessive_speaker_of_a_prepositional_cue_is_resolved():
    _, found = run(["Mayor Ana Lopes opened the bridge on Monday.", "In her words, the town waited too long."], "en")
    assert by_cue(found, "In her words")["entity"] == "Ana Lopes"


def test_pronoun_stands_for_a_name_after_a_subject_description():
    _, found = run(["Le directeur de l'école, Jean Martin, se veut rassurant.", "« Les cours reprendront lundi », promet-il."], "fr")
    assert by_cue(found, "promet-il")["entity"] == "Jean Martin"
    _, found = run(["Глава района Сергей Петров провел совещание.", "Он пообещал, что дорогу отремонтируют до осени."], "ru")
    assert by_cue(found, "пообещал")["entity"] == "Сергей Петров"


def test_a_word_of_the_content_is_no_speaker():
    _, found = run(["Jan Kowalski mieszka tu od lat.", "– Nigdy czegoś takiego nie widziałem – mówi."], "pl")
    assert by_cue(found, "mówi")["speaker"] is None


def test_a_bare_noun_speaker_stands_for_the_named_subject_before():
    _, found = run(["Анна Иванова живет в этом доме двадцать лет.", "«Такого мы еще не видели», — говорит женщина."], "ru")
    assert by_cue(found, "говорит")["entity"] == "Анна Иванова"


def test_one_word_opener_and_clause_before_an_inverted_subject():
    _, found = run(["Domani, altre scuole seguiranno l'esempio, scrive il sito, ricordando che il comune pagherà."], "it")
    a = by_cue(found, "scrive")
    assert a["speaker"] == "il sito" and a["content"] == "Domani, altre scuole seguiranno l'esempio"
    _, found = run(["Rossi, il sindaco, ha detto che la piscina chiude."], "it")
    assert by_cue(found, "ha detto")["speaker"] == "Rossi, il sindaco"


def test_a_quotation_standing_alone_goes_on_with_the_speaker_before():
    _, found = run(["„Wir haben lange gewartet“, sagte sie.", "„Jetzt muss die Stadt endlich handeln.“"], "de")
    said = [a for a in found if a["cue"] == "sagte"]
    assert [a["content"] for a in said] == ["Wir haben lange gewartet", "Jetzt muss die Stadt endlich handeln."]
    _, found = run(['"We waited for years," she said.', '"Now the city has to act."'], "en")
    assert len([a for a in found if a["cue"] == "said"]) == 1  # PolNeAR does not split such quotes


def test_inverted_subject_keeps_its_relative_clause():
    cases = [
        ("fr", "« Nous avons peur », a déclaré une voisine qui habite en face.", "a déclaré",
         "une voisine qui habite en face"),
        ("it", '"Ho paura per mio fratello", ha detto una vicina che non ha voluto dare il suo nome.',
         "ha detto", "una vicina che non ha voluto dare il suo nome"),
        ("es", "«Tenemos miedo», dijo una vecina que no quiso dar su nombre.", "dijo",
         "una vecina que no quiso dar su nombre"),
    ]
    for lang, sentence, cue, speaker in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, lang


def test_inverted_subject_after_an_adverbial_and_an_indirect_object():
    _, found = run(["Школу откроют в сентябре, сообщил в понедельник журналистам глава района Олег Сомов."], "ru")
    assert by_cue(found, "сообщил")["speaker"] == "глава района Олег Сомов"
    _, found = run(["Szkoła zostanie otwarta we wrześniu – powiedział nam w rozmowie wójt gminy Adam Lis."], "pl")
    assert by_cue(found, "powiedział")["speaker"] == "wójt gminy Adam Lis"


def test_inverted_subject_after_a_time_adverbial():
    _, found = run(["La piscina abrirá en julio, aseguró el martes a este diario la concejala, Rosa Vidal."], "es")
    assert by_cue(found, "aseguró")["speaker"] == "la concejala, Rosa Vidal"
    _, found = run(["A piscina vai abrir em julho, afirmou nesta terça-feira o vereador Rui Costa."], "pt")
    assert by_cue(found, "afirmou")["speaker"] == "o vereador Rui Costa"


def test_inverted_subject_after_a_preposition_and_its_verb():
    _, found = run(["La piscina cerrará en agosto, según informó el club."], "es")
    club = by_cue(found, "informó")
    assert (club["speaker"], club["content"]) == ("el club", "La piscina cerrará en agosto")
    _, found = run(["Según explicó la concejala, la piscina cerrará en agosto."], "es")
    assert by_cue(found, "explicó")["speaker"] == "la concejala"


def test_inverted_subject_after_an_elided_preposition():
    _, found = run(["La piscina chiuderà ad agosto, ha confermato all'agenzia il direttore del club."], "it")
    assert by_cue(found, "ha confermato")["speaker"] == "il direttore del club"


def test_pronoun_skips_the_outlet_that_relays_the_speaker():
    for lang, sentences, cue in [
        ("en", ["Mayor Anna Berg said the plant would close, Reuters reported.",
                "She added that workers would be retrained."], "added"),
        ("fr", ["Le maire Paul Roy a annoncé la fermeture, selon l'AFP.",
                "Il a ajouté que les salariés seraient reclassés."], "a ajouté"),
    ]:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] in ("Anna Berg", "Paul Roy"), lang
    _, found = run(["Selon l'AFP, le maire Paul Roy a annoncé la fermeture.",
                    "Il a ajouté que les salariés seraient reclassés."], "fr")
    assert by_cue(found, "a ajouté")["entity"] == "Paul Roy"


def test_pronoun_stands_for_a_person_introduced_after_the_latest_speaker():
    cases = [
        ("en", ["The council said the bridge was safe.", "Reporters met Tom Hale, a local fisherman.",
                "He said that the cracks were growing."], "said that", "Tom Hale"),
        ("it", ["Il Comune ha assicurato che il ponte è sicuro.", "Di parere opposto Luca Ferri, pescatore del posto.",
                "Lui ha detto che le crepe crescono."], "ha detto", "Luca Ferri"),
        ("en", ["The council said the bridge was safe.", "Local fisherman Tom Hale disagrees.",
                "He said that the cracks were growing."], "said that", "Tom Hale"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert [a["entity"] for a in found if a["speaker"] in ("He", "Lui")] == [entity], lang


def test_pronoun_stands_for_a_described_subject_not_the_object_of_an_opening_phrase():
    _, found = run(["Interrogé par Radio Nord, le député Paul Roy a critiqué le projet.",
                    "Il estime qu'il coûte trop cher."], "fr")
    assert by_cue(found, "estime")["entity"] == "Paul Roy"
    _, found = run(["В интервью газете депутат Павел Рогов раскритиковал план.",
                    "По его словам, он слишком дорогой."], "ru")
    assert by_cue(found, "По его словам")["entity"] == "Павел Рогов"


def test_clause_with_commas_before_an_inverted_named_subject_is_no_apposition():
    _, found = run(["La piscine, elle, restera fermée, souligne Claire Morin."], "fr")
    assert by_cue(found, "souligne")["speaker"] == "Claire Morin"
    _, found = run(["La cooperativa, che gestisce il centro, ha confermato i numeri."], "it")
    assert by_cue(found, "ha confermato")["speaker"] == "La cooperativa, che gestisce il centro"


def test_pronoun_stands_for_a_name_closing_a_sentence_or_set_off_after_a_complement():
    cases = [
        ("ru", ["Министерство заявило, что мост безопасен.", "В пятницу его осмотрел инженер Олег Сомов.",
                "По его словам, трещин нет."], "По его словам", "Олег Сомов"),
        ("es", ["El ministerio aseguró que el puente es seguro.", "El viernes lo visitó la ingeniera jefa, Rosa Vidal.",
                "Ella dijo que no había grietas."], "dijo", "Rosa Vidal"),
        ("fr", ["Le ministère assure que le pont est sûr.", "L'ingénieure de la Région, Claire Morin, s'y est rendue.",
                "Elle a déclaré qu'il n'y avait pas de fissure."], "a déclaré", "Claire Morin"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, lang


def test_pronoun_after_a_subject_with_its_apposition_is_an_object():
    _, found = run(["Une voisine, qui préfère rester discrète, nous a confié que la piscine allait fermer."], "fr")
    assert by_cue(found, "a confié")["speaker"] == "Une voisine, qui préfère rester discrète"


# -- reports embedded in what a reporting verb reports ---------------------------------

def test_embedded_report_without_a_name_belongs_to_the_outer_speaker():
    cases = [
        ("fr", "La directrice a affirmé que les mesures du laboratoire ont confirmé la fuite.", ["a affirmé"]),
        ("es", "El alcalde dijo que los análisis revelaron una fuga.", ["dijo"]),
        ("en", "The mayor said that the new survey confirmed the leak.", ["said"]),
        ("en", "The mayor said that Anna Berg warned of a leak.", ["said", "warned of"]),  # a name stays
        ("fr", "Selon la radio Littoral, le maire a déclaré que la plage restera fermée.",
         ["Selon", "a déclaré"]),  # so does a report in a preposition's content
    ]
    for lang, sentence, cues in cases:
        _, found = run([sentence], lang)
        assert [a["cue"] for a in found] == cues, (lang, found)


def test_page_labels_of_every_language_and_generic_subjects_name_no_speaker():
    cases = [
        ("ru", "Оригинал: «Пилоты боятся новой войны»"),
        ("pt", "Lembrando: o prefeito prometeu a obra há dois anos e nada mudou."),
        ("fr", "Rappel : la mairie avait promis la réouverture du pont en mai."),
        ("de", "Wer die Altstadt liebt, weiß: Die Mieten steigen seit Jahren."),
    ]
    for lang, sentence in cases:
        _, found = run([sentence], lang)
        assert not [a for a in found if a["cue"] in (":", "weiß")], (lang, found)


def test_opinion_preposition_before_a_colon_and_quotation():
    cases = [
        ("pt", 'Para ela, a resposta é clara: "A ponte não vai fechar".', "ela", "a resposta é clara:"),
        ("it", "Per il sindaco la risposta è netta: «La scuola riaprirà a settembre».", "il sindaco",
         "la risposta è netta:"),
        ("it", "Per Radio Nord la risposta è netta: «La scuola riaprirà a settembre».", "Radio Nord",
         "la risposta è netta:"),
    ]
    for lang, sentence, speaker, cue in cases:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == speaker, (lang, found)
    _, found = run(["Para 2030, a meta é simples: reduzir as perdas."], "pt")  # no quotation
    assert not found


def test_describe_reports():
    _, found = run(["Une passante aurait décrit une fumée noire au-dessus du toit."], "fr")
    assert by_cue(found, "aurait décrit")["speaker"] == "Une passante"
    _, found = run(["La vecina describió una fumarola negra sobre el tejado."], "es")
    assert by_cue(found, "describió")["speaker"] == "La vecina"


def test_passive_closing_on_its_agent_reports_its_subject():
    _, found = run(["La fermeture du pont a été annoncée par le préfet."], "fr")
    a = by_cue(found, "a été annoncée")
    assert (a["speaker"], a["content"]) == ("le préfet", "La fermeture du pont")
    _, found = run(["Il a été arrêté par la police."], "fr")
    assert not found  # no reporting verb


def test_an_auxiliary_of_the_clause_before_a_comma_is_not_the_cue_s():
    _, found = run(["Ein Bergsteiger aus Köln, den der Förster im Juni entdeckt hatte, gibt zu: "
                    "„Ich hatte keine Karte dabei.“"], "de")
    a = by_cue(found, "gibt zu")
    assert a["speaker"] == "Ein Bergsteiger aus Köln, den der Förster im Juni entdeckt hatte"
    assert a["content"] == "Ich hatte keine Karte dabei."


def test_discourse_labels_before_a_colon_are_no_speakers():
    _, found = run(["Übrigens: Die Filiale wurde schon 1980 eröffnet und nie verkauft."], "de")
    assert not [a for a in found if a["cue"] == ":"]
    _, found = run(["Verdict : une rumeur sans fondement, à oublier très vite."], "fr")
    assert not [a for a in found if a["cue"] == ":"]
