from tests.attribution.util import by_cue, run


def test_quote_before_and_segun():
    _, found = run(
        [
            "«No podemos bajar la guardia», dijo la ministra Carmen Ruiz.",
            "Según ella, los contagios han aumentado.",
        ],
        "es",
    )
    assert by_cue(found, "dijo")["speaker"] == "la ministra Carmen Ruiz"
    assert by_cue(found, "Según")["entity"] == "Carmen Ruiz"


def test_anonymous_source():
    _, found = run(
        ["Una fuente cercana a la alcaldía aseguró que ya existe un acuerdo."], "es"
    )
    assert by_cue(found, "aseguró")["anonymous"]


def test_diplomats_familiar_with_the_talks_are_anonymous():
    _, found = run(["Dos diplomáticos al tanto de las negociaciones dijeron que el acuerdo estaba cerca."], "es")
    assert by_cue(found, "dijeron")["anonymous"]


def test_segun_lo_informado_por():
    _, found = run(["Según lo informado por el diario local, el alcalde dejó la ciudad."], "es")
    attr = by_cue(found, "Según lo informado por")
    assert attr["speaker"] == "el diario local"


def test_object_clitic_is_not_the_speaker():
    _, found = run(["El alcalde nos dijo que el puente estaba cerrado."], "es")
    assert by_cue(found, "dijo")["speaker"] == "El alcalde"


def test_quejarse_de_que():
    _, found = run(["Los vecinos se quejaron de que el agua llega tarde."], "es")
    assert by_cue(found, "quejaron")["content"] == "el agua llega tarde"


def test_gerund_before_a_complementizer_reports():
    _, found = run(["Un vecino apareció en la radio anunciando que el puente cerrará en mayo."], "es")
    assert by_cue(found, "anunciando")["content"] == "el puente cerrará en mayo"
    _, found = run(["El alcalde cerró el pleno asegurando la continuidad del plan."], "es")
    assert not found


def test_quoted_by_name_is_an_anonymity_formula_not_a_source():
    _, found = run(["Una enfermera, que pidió no ser citada por su nombre, contó que faltan guantes."], "es")
    assert [a["cue"] for a in found] == ["contó"]
