"""What a pronoun or bare noun speaker stands for when no named speaker comes before it:
the owner of a statement noun, the nearest name, the head of an anonymous description,
the name that closes a description. Sentences are our own."""

from tests.attribution.util import run


def _entity(sentences: list[str], lang: str, cue: str) -> str | None:
    _, found = run(sentences, lang)
    return [a for a in found if a["cue"] == cue][-1]["entity"]


def test_the_owner_of_a_statement_noun_is_resolved_as_the_speaker():
    # "la stima del portale": the portal, named earlier as an object, not the outlet that relays it
    assert _entity(["Lo scrive Radio Nord, che riprende un articolo del portale russo esempio.ru.",
                    "Secondo la stima del portale, i prezzi saliranno del dieci per cento."],
                   "it", "Secondo") == "esempio.ru"
    # "su análisis": a possessive, read as a pronoun
    assert _entity(["El escándalo lo destapó La Voz Serrana, un diario de la comarca.",
                    "Según su análisis, las obras costaron el doble."], "es", "Según") == "Voz Serrana"


def test_a_pronoun_with_no_speaker_before_it_stands_for_the_nearest_name():
    # "destapar" reports nothing: the name after it is the nearest, and no speaker came before
    assert _entity(["Los fondos llegaron desde Estados Unidos por varias vías.",
                    "Lo ha destapado El Faro Norte, uno de los pocos medios libres.",
                    "Según su análisis, el dinero se movió en tres meses."], "es", "Según") == "Faro Norte"


def test_an_anonymous_description_is_named_by_its_head_without_its_relative_clause():
    assert _entity(["Ein Anwohner, der seinen Namen nicht nennen wollte, sagte der Zeitung, die Straße sei gesperrt.",
                    "„Niemand hat uns gefragt“, sagte er."], "de", "sagte") == "Anwohner"
    assert _entity(["A nurse who works at the clinic said the wait had doubled.", "\"We cannot cope,\" she said."],
                   "en", "said") == "nurse"


def test_a_role_noun_takes_the_name_that_closes_its_description_not_a_word_of_its_complement():
    assert _entity(["Innego zdania jest radna klubu Razem dla Miasta Anna Lis.",
                    "– Pytam, dlaczego nikt tego nie naprawił – mówi radna."], "pl", "mówi") == "Anna Lis"
    assert _entity(["Глава Северного сельского поселения Нина Орлова недовольна.",
                    "«Дорогу не чинили десять лет», — сказала глава."], "ru", "сказала") == "Нина Орлова"
    # a body's noun keeps the first name after it ("il portale russo esempio.ru")
    assert _entity(["Il portale Voce Libera di Torino Marco Neri ha pubblicato la notizia.",
                    "Secondo il portale, la fabbrica chiuderà."], "it", "Secondo") == "Voce Libera"
