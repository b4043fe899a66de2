"""Pronoun speakers and the entities they join: gender from case endings, plural
anonymous speakers, quoted names, apposed names, gendered words. Sentences are our own."""

from claimscope.stages.attribution.entities import EntityResolver
from claimscope.stages.attribution.tables import load_table
from tests.attribution.util import by_cue, run


def test_a_name_in_an_oblique_case_takes_no_gender_from_its_ending():
    resolver = EntityResolver(load_table("ru"))
    assert resolver.resolve("Анной Смирновой", "", subject=False).gender is None
    assert resolver.resolve("Анна Смирнова").gender == "f"


def test_a_singular_pronoun_after_a_plural_anonymous_speaker_names_someone():
    cases = [
        ("en", ["Mayor Anna Berg opened the bridge on Monday.", "Several residents said they were relieved.",
                "She said the works had cost less than planned."], "said", "Anna Berg"),
        ("fr", ["Le maire Paul Roy a inauguré le pont lundi.", "Des habitants ont dit leur soulagement.",
                "Il a affirmé que les travaux avaient coûté moins cher."], "a affirmé", "Paul Roy"),
        ("es", ["La alcaldesa Ana Gil inauguró el puente el lunes.", "Varios vecinos dijeron que estaban aliviados.",
                "Ella afirmó que las obras costaron menos."], "afirmó", "Ana Gil"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        a = [a for a in found if a["cue"] == cue][-1]
        assert (a["entity"], a["anonymous"]) == (entity, False), (lang, found)
    # a plural pronoun, or German "sie" (also "they"), still stands for the anonymous speakers
    _, found = run(["Mayor Anna Berg opened the bridge on Monday.", "Several residents said they were relieved.",
                    "They added that the noise had stopped."], "en")
    assert by_cue(found, "added")["anonymous"] is True
    _, found = run(["Bürgermeisterin Anna Berg eröffnete am Montag die Brücke.",
                    "Mehrere Anwohner sagten, sie seien erleichtert.", "Sie sagten, der Lärm habe aufgehört."], "de")
    assert [a["anonymous"] for a in found if a["cue"] == "sagten"] == [True, True]


def test_a_name_in_quotation_marks_is_the_name_of_the_noun_before_it():
    _, found = run(["Издание «Вечерний город» пишет, что завод закроют.",
                    "Мэр Олег Орлов заявил, что рабочие потеряют места.",
                    "По данным издания, переговоры продолжатся."], "ru")
    assert by_cue(found, "По данным")["entity"] == "Вечерний город", found
    resolver = EntityResolver(load_table("fr"))
    assert resolver.resolve("le site « Écho du soir »").entity == "Écho du soir"


def test_a_name_apposed_to_a_role_with_a_complement_is_the_speakers_name():
    _, found = run(["The spokesman for the Interior Ministry, John Reed, said the situation was calm.",
                    "Mayor Tom Hale said the roads were safe.",
                    "The spokesman added that patrols would continue."], "en")
    assert [a["entity"] for a in found] == ["John Reed", "Tom Hale", "John Reed"], found
    resolver = EntityResolver(load_table("de"))
    assert resolver.resolve("Greta Lindner, Vorsitzende eines Chors").entity == "Greta Lindner"


def test_a_gendered_word_before_a_verb_does_not_describe_the_object_after_it():
    cases = [("de", ["Bürgermeisterin Anna Berg traf Landrat Peter Koch.", "Er sagte, das Geld komme bald."],
              "sagte", "Landrat Peter Koch"),
             ("fr", ["Le syndicaliste Marc Petit a rencontré la maire Anne Roy mardi.",
                     "« Nous garderons l'usine », a-t-elle déclaré."], "a-t-elle déclaré", "Anne Roy")]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)


def test_a_past_tense_verb_tells_the_gender_of_its_speaker():
    _, found = run(["Выставку открыли в субботу, сообщает газета «Речной край».",
                    "«Мы рады гостям», — сказала хранитель музея Айно Лехто журналу.",
                    "По ее словам, выставку посетили 500 человек."], "ru")
    assert by_cue(found, "сказала")["speaker"] == "хранитель музея Айно Лехто"
    assert by_cue(found, "По ее словам")["entity"] == "Айно Лехто"


def test_an_english_given_name_tells_the_gender_a_pronoun_agrees_with():
    _, found = run(["Council leader Peter Hale met the head teacher, Emily Roth, on Friday.",
                    "Emily Roth said the school roof leaked.",
                    "Peter Hale said repairs would start in May.",
                    "She added that lessons would move to the library."], "en")
    assert by_cue(found, "added")["entity"] == "Emily Roth"


def test_a_capitalised_opening_preposition_names_no_one():
    _, found = run(['On Friday morning Nora Blake posted a photo of the flooded road.',
                    '"Do not drive here," she wrote.'], "en")
    assert by_cue(found, "posted")["speaker"] == "Nora Blake"
    assert by_cue(found, "wrote")["entity"] == "Nora Blake"


def test_a_genitive_complement_before_a_name_is_not_the_entity():
    _, found = run(["Pływalnię zamknięto – poinformował dyrektor Zarządu Dróg i Zieleni Piotr Lis.",
                    "– Rury są stare – przyznał Lis."], "pl")
    assert [a["entity"] for a in found] == ["Piotr Lis", "Piotr Lis"]


def test_a_body_in_the_genitive_keeps_its_name_when_no_person_follows():
    _, found = run(["По данным Управления Росприроднадзора по Тверской области, выбросы выросли."], "ru")
    assert by_cue(found, "По данным")["entity"] == "Управления Росприроднадзора"


def test_a_statement_noun_stands_for_its_owner():
    _, found = run(["El diario El Sur ha dicho que hubo fraude en la votación.",
                    "Según su análisis, las protestas empezaron en mayo."], "es")
    assert by_cue(found, "Según")["entity"] == "El Sur"
    _, found = run(["Il sito russo notizie.ru ha scritto che il ponte è chiuso.",
                    "Secondo la ricostruzione del sito, il ministro avrebbe detto di no."], "it")
    assert by_cue(found, "Secondo")["entity"] == by_cue(found, "ha scritto")["entity"]


def test_a_handle_names_its_account():
    _, found = run(["Пользователь @lena_north рассказала, что волонтёры нашли хозяев всем щенкам.",
                    "«Мы плакали», — написала она."], "ru")
    assert [(a["anonymous"], a["entity"]) for a in found] == [(False, "@lena_north")] * 2


def test_a_role_noun_stands_for_the_person_named_with_a_title():
    _, found = run(["La salle restera fermée, a annoncé le maire, Paul Girard.",
                    "Selon les relevés des services techniques, le toit a cédé.",
                    "« Personne ne rentrera », a insisté l'élu."], "fr")
    assert by_cue(found, "a insisté")["entity"] == "Paul Girard"


def test_a_pronoun_for_an_anonymous_speaker_has_its_description():
    _, found = run(["Jeden z kierowców, który prosi o anonimowość, potwierdza, że autobus był pełny.",
                    "Według niego dyrekcja uznała, że winne są opony."], "pl")
    a = by_cue(found, "Według")
    assert a["anonymous"] and "kierowców" in a["entity"]
    assert by_cue(found, "uznała")["speaker"] == "dyrekcja"


def test_a_surname_in_another_case_joins_the_name():
    _, found = run(["Опека забирала детей, сообщает радио со ссылкой на юриста Олега Сомова.",
                    "Сомов заявил, что таких семей много.",
                    "По его словам, жалобы не рассматривают."], "ru")
    assert by_cue(found, "заявил")["entity"] == by_cue(found, "По его словам")["entity"] == "Олега Сомова"


def test_a_name_after_a_genitive_closing_a_sentence_is_introduced():
    _, found = run(["Burmistrz Alicja Sowa powiedziała, że basen będzie zamknięty do wiosny.",
                    "Innego zdania jest radna klubu Nowa Lewica dla Opola Ewa Lis.",
                    "Twierdzi ona, że o awarii wiedziano od roku."], "pl")
    assert by_cue(found, "Twierdzi")["entity"] == "Ewa Lis"


def test_a_pronoun_is_no_noun_and_a_headline_in_capitals_no_name():
    _, found = run(["„Wir brauchen jeden Cent“, sagt Vorsitzende Heike Lang.", "Im Mai sammelten sie 500 Euro.",
                    "Manche Familien hätten zehn Anteile gezeichnet, erzählt sie."], "de")
    assert by_cue(found, "erzählt")["entity"] == by_cue(found, "sagt")["entity"]
    _, found = run(["ВРАЧИ МОЛЧАТ: новая вакцина опасна.",
                    "«Это правда», — пишет он."], "ru")
    assert by_cue(found, "пишет")["entity"] != "ВРАЧИ МОЛЧАТ"


def test_an_opening_participle_and_an_indefinite_title_name_no_one():
    _, found = run(["Contacté, un chimiste de l'université, Marc Roy, tempère : « Le vinaigre ne sert à rien. »",
                    "Quant aux souris, rien ne le montre, ajoute-t-il."], "fr")
    assert [a["entity"] for a in found] == ["Marc Roy", "Marc Roy"]
    _, found = run(["\"No hay multas\", confirmó la portavoz de Tráfico Ana Ruiz.",
                    "La norma existe, confirmó un portavoz municipal, que añadió que nadie ha pagado."], "es")
    assert by_cue(found, "añadió")["entity"] != "Ana Ruiz"


def test_a_name_with_an_initial_for_its_surname_is_a_pronouns_antecedent():
    _, found = run(["Une publication de la page « Recettes de Mamie » assure que le vinaigre chasse les souris.",
                    "La vidéo, filmée par une passante, Eva R., montre un héron sur le quai de la gare de Tours.",
                    "« Il n'a pas bougé », écrit-elle sous sa vidéo."], "fr")
    assert found[-1]["entity"] == "Eva R"


def test_a_handle_after_a_description_noun_is_a_pronouns_antecedent():
    _, found = run(["A receita foi divulgada pela blogueira @dona.lia.cozinha num vídeo curto.",
                    "\"Testei duas vezes e funcionou\", conta ela."], "pt")
    assert found[-1]["entity"] == "@dona.lia.cozinha"


def test_an_inverted_noun_speaker_takes_the_name_apposed_to_it():
    _, found = run(["La passerelle restera fermée jusqu'en juin, a annoncé jeudi soir le maire, Paul Girard, en conseil.",
                    "Selon les services techniques, deux piles ont été déchaussées.",
                    "« On ne rouvre pas », a insisté l'élu."], "fr")
    assert by_cue(found, "a annoncé")["entity"] == "Paul Girard"
    assert by_cue(found, "a insisté")["entity"] == "Paul Girard"  # a title for the person named with one


def test_a_body_noun_speaker_does_not_take_the_name_after_it():
    _, found = run(["Selon un avocat cité par le portail, Jan Nowak, « la taxe est illégale »."], "fr")
    assert all(a["entity"] != "Jan Nowak" for a in found if a["speaker"] == "le portail")


def test_a_pronoun_with_no_name_of_its_gender_stands_for_a_described_person():
    cases = [
        ("pt", ["Segundo o jornal, uma vereadora da capital fez um discurso contra o Banco Central.",
                "\"Vou levar isso adiante\", teria ela dito."], "dito", "vereadora"),
        ("fr", ["Le maire Paul Roy a reçu une habitante du quartier.",
                "« Rien ne bouge ici », a-t-elle déclaré."], "a-t-elle déclaré", "habitante"),
        ("es", ["Según el diario, una concejala del pueblo visitó el Banco Central.",
                "Ella aseguró que nadie la escuchó."], "aseguró", "concejala"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert by_cue(found, cue)["entity"] == entity, (lang, found)
    # a description apposed to a name is that name's: the name stays the antecedent
    _, found = run(["Claire Dubois, la présidente du club, était à Lyon.", "« Rien ne bouge », a-t-elle déclaré."], "fr")
    assert by_cue(found, "a-t-elle déclaré")["entity"] == "Claire Dubois"


def test_a_plural_pronoun_after_one_person_stands_for_the_body_that_spoke():
    cases = [
        ("ru", ["Компания «Северсталь» заявила, что завод продолжит работу.",
                "Директор Иван Петров сказал, что увольнений не будет.", "По их словам, зарплаты повысят."],
         "По их словам", "Северсталь"),
        ("es", ["La empresa Agrivert afirmó que la planta seguirá abierta.",
                "Su director, Pablo Ruiz, aseguró que no habrá despidos.", "Según ellos, los salarios subirán."],
         "Según", "Agrivert"),
        ("en", ["The company Agrivert issued a statement.", "Its director, Paul Roy, said the plant would stay open.",
                "They said the jobs were safe."], "said", "Agrivert"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        assert [a for a in found if a["cue"] == cue][-1]["entity"] == entity, (lang, found)

