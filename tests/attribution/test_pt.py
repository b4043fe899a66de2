from tests.attribution.util import by_cue, run


def test_split_quote_inversion():
    _, found = run(
        ["«Esta reforma é injusta», disse a deputada Ana Costa, «e vamos combatê-la.»"],
        "pt",
    )
    said = by_cue(found, "disse")
    assert said["speaker"] == "a deputada Ana Costa" and said["direct"]
    assert "combatê-la" in said["content"]


def test_segundo_and_ministry_entity():
    _, found = run(
        [
            "O Exército confirmou a morte de dois soldados.",
            "Segundo o Ministério da Defesa, o ataque ocorreu perto da fronteira.",
        ],
        "pt",
    )
    assert by_cue(found, "confirmou")["entity"] == by_cue(found, "Segundo")["entity"]


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Dois diplomatas a par das negociações disseram que o acordo estava próximo."], "pt")
    assert by_cue(found, "disseram")["anonymous"]


def test_ordinal_segundo_is_no_preposition():
    _, found = run(["Foi o segundo pior resultado em dez anos, segundo o instituto."], "pt")
    assert [a["speaker"] for a in found] == ["o instituto"]


def test_quoted_by_name_is_an_anonymity_formula_not_a_source():
    _, found = run(["Uma enfermeira, que pediu para não ser citada pelo nome, contou que faltam luvas."], "pt")
    assert [a["cue"] for a in found] == ["contou"]


def test_demanding_that_something_be_done():
    _, found = run(["A vereadora exigiu que a obra seja suspensa até março."], "pt")
    assert by_cue(found, "exigiu")["content"] == "a obra seja suspensa até março"


def test_weak_verb_with_an_inverted_determiner_phrase_closing_the_sentence():
    _, found = run(["Nenhum dos feridos corre perigo, precisou o hospital."], "pt")
    assert by_cue(found, "precisou")["speaker"] == "o hospital"


def test_the_verb_of_a_free_relative_is_no_report():
    _, found = run(["Chama-se, consoante quem fala, «taxa justa» ou «portagem»."], "pt")
    assert not [a for a in found if a["cue"] == "fala"]


def test_feminine_article_opens_the_subject_of_a_later_cue():
    _, found = run(["A deputada criticou o orçamento e disse que faltam verbas para a saúde."], "pt")
    assert [(a["speaker"], a["cue"]) for a in found] == [("A deputada", "criticou"), ("A deputada", "disse")]


def test_feminine_article_before_a_noun_that_is_also_an_infinitive():
    _, found = run(["A parlamentar criticou o orçamento."], "pt")
    assert [a["speaker"] for a in found] == ["A parlamentar"]


def test_feminine_article_subject_of_a_participle():
    _, found = run(["A empresa admitiu o erro, garantindo que os clientes serão reembolsados."], "pt")
    assert [a["speaker"] for a in found] == ["A empresa", "A empresa"]


def test_preposition_a_before_an_infinitive_or_a_fixed_phrase_is_no_subject():
    for text in (
        "A fim de poupar água o município cortou a rega e informou que a seca continua.",
        "A partir de agora decidiu e anunciou que haverá multas.",
        "A longo prazo cresceu e afirmou que o pior passou.",
    ):
        _, found = run([text], "pt")
        opener = " ".join(text.split()[:2])
        assert not any((a["speaker"] or "").startswith(opener) for a in found), (text, found)
