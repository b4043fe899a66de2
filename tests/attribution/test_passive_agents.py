"""Attributions whose speaker is the agent of a passive reporting verb (issue 11): the
passive's subject is the content, cut at the complementizer that opens its clause and before
its auxiliaries; a short adverbial after the agent leaves the agent closing the report; a
passive whose content is its subject inside another verb's indirect content is part of what
that verb reports; Polish "został … przez"; a Vietnamese reporting verb between "theo" and
"của" is a noun. Sentences are our own."""

from tests.attribution.util import assert_speakers, run


def test_the_passive_subject_is_the_content_up_to_its_auxiliaries():
    assert_speakers([
        ("fr", "La fermeture du pont a été annoncée par le préfet.", "a été annoncée", "le préfet",
         "La fermeture du pont"),
        ("en", "The closure was announced by the council.", "announced", "the council", "The closure"),
        ("it", "La chiusura del ponte è stata annunciata dal sindaco.", "stata annunciata", "sindaco",
         "La chiusura del ponte"),
        ("pl", "Decyzja została potwierdzona przez rzecznika ratusza.", "została potwierdzona",
         "rzecznika ratusza", "Decyzja"),
    ])


def test_a_short_adverbial_after_the_agent_is_no_content():
    assert_speakers([
        ("fr", "La fermeture du pont a été annoncée par le préfet lundi matin.", "a été annoncée", "le préfet",
         "La fermeture du pont"),
        ("en", "The closure was announced by the council on Monday.", "announced", "the council", "The closure"),
        ("pt", "A mudança foi anunciada pela Secretaria nesta terça-feira.", "foi anunciada", "Secretaria",
         "A mudança"),
        ("pl", "Zamknięcie mostu zostało ogłoszone przez wojewodę w poniedziałek.", "zostało ogłoszone",
         "wojewodę", "Zamknięcie mostu"),
    ])


def test_a_nested_passive_leaves_the_outer_cue_its_content():
    sentence = ("Em nota, a prefeitura respondeu que não há \"nenhum risco\" e lembrou que o produto é "
                "recomendado pela Agência Nacional de Saúde.")
    _, found = run([sentence], "pt")
    assert [(a["speaker"], a["cue"], a["content"]) for a in found] == [
        ("a prefeitura", "respondeu", 'não há "nenhum risco"'),
        ("a prefeitura", "lembrou", "o produto é recomendado pela Agência Nacional de Saúde"),
    ]
    _, found = run(["Le maire a rappelé que le vaccin est recommandé par la Haute Autorité de santé."], "fr")
    assert [a["cue"] for a in found] == ["a rappelé"]


def test_active_cues_and_means_stay():
    assert_speakers([
        ("pl", "Burmistrz powiedział, że most zostanie zamknięty przez dwa tygodnie.", "powiedział", "Burmistrz",
         "most zostanie zamknięty przez dwa tygodnie"),
        ("pl", "Most został zamknięty, poinformował wojewoda.", "poinformował", "wojewoda", "Most został zamknięty"),
        ("fr", "Un commerçant nous l'a expliqué par téléphone.", "l'a expliqué", "Un commerçant"),
    ])


def test_a_vietnamese_reporting_verb_before_cua_is_the_prepositions_noun():
    assert_speakers([
        ("vi", "Theo thông báo của UBND tỉnh, cây cầu sẽ đóng cửa ba ngày.", "Theo", "thông báo của UBND tỉnh",
         "cây cầu sẽ đóng cửa ba ngày"),
        ("vi", "Theo công bố của Bộ Y tế, số ca mắc đã tăng.", "Theo", "công bố của Bộ Y tế"),
        ("vi", "Bộ Y tế thông báo số ca mắc đã tăng.", "thông báo", "Bộ Y tế"),
    ])
    _, found = run(["Ông Hải cho biết của cải trong nhà không bị mất."], "vi")
    assert [a["cue"] for a in found] == ["cho biết"]


def test_a_russian_short_passive_takes_its_instrumental_agent():
    assert_speakers([
        ("ru", "Закрытие рынка было объявлено администрацией района в пятницу.", "было объявлено",
         "администрацией района", "Закрытие рынка"),
        ("ru", "Новый график подтверждён руководством завода.", "подтверждён", "руководством завода", "Новый график"),
    ])
    _, found = run(["Рынок закроют на ремонт.", "Об этом было сообщено пресс-службой администрации."], "ru")
    assert [(a["speaker"], a["content"]) for a in found] == [("пресс-службой администрации", "Рынок закроют на ремонт")]


def test_a_russian_short_passive_with_no_agent_reports_only_a_clause():
    for sentence, cues in [
        ("Новый график подтверждён.", []),
        ("После ремонта здание будет передано под детский клуб.", []),
        ("Об этом сообщено ей в письме.", []),
        ("Было объявлено, что рынок закроют.", ["Было объявлено"]),
    ]:
        _, found = run([sentence], "ru")
        assert [a["cue"] for a in found] == cues, sentence
