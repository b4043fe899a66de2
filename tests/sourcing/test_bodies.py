"""Bodies named by a common noun, and the owners of documents, as sources of the chain
(invented sentences; no model: hand-built documents)."""

from __future__ import annotations

import pytest

from claimscope.outlets import cues
from claimscope.stages.attribution.kinds import body_nouns
from claimscope.stages.sourcing.bodies import INSTITUTION_KINDS, institution, subject_body
from tests.sourcing.test_chain import STAGE, make
from tests.sourcing.test_route import _paragraphs, names, run


@pytest.mark.parametrize("phrase, lang", [
    ("the regional health ministry", "en"),
    ("the police, contacted on Friday", "en"),
    ("la police municipale", "fr"),
    ("les autorités", "fr"),
    ("el ayuntamiento de Villalta", "es"),
    ("la prefettura", "it"),
    ("die örtliche Staatsanwaltschaft", "de"),
    ("das Landesgesundheitsministerium", "de"),
    ("городская администрация", "ru"),
    ("prokuratura rejonowa", "pl"),
])
def test_a_body_named_by_a_common_noun(phrase, lang):
    assert institution(phrase, lang)


@pytest.mark.parametrize("phrase, lang", [
    ("the opposition party", "en"),  # "party": an attribution body noun, not repeated in the sourcing table
    ("la agencia estatal", "es"),
    ("the regional council", "en"),
    ("związek zawodowy", "pl"),
    ("tổ chức từ thiện", "vi"),
    ("المحكمة", "ar"),  # a language without an attribution table: its sourcing table alone
])
def test_the_institution_kinds_of_the_attribution_table_are_institutions(phrase, lang):
    assert institution(phrase, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "it", "pt", "ru", "pl", "vi"])
def test_an_institution_noun_is_listed_once(lang):
    kept = {w.casefold() for w in cues.table(lang)["institution_nouns"]}
    assert not kept & set(body_nouns(lang, INSTITUTION_KINDS))


@pytest.mark.parametrize("phrase, lang", [
    ("a police officer", "en"),  # the head is the officer, a person
    ("the ministry spokesman", "en"),
    ("un porte-parole de la police", "fr"),
    ("сотрудник полиции", "ru"),
    ("представитель министерства", "ru"),  # an inflected form the attribution table lists is no base form
    ("the neighbours", "en"),
    ("la police", "xx"),  # a language without a table
])
def test_a_person_or_no_body_is_none(phrase, lang):
    assert not institution(phrase, lang)


def test_a_lower_case_body_that_says_the_claim_next_is_its_origin():
    text = ("Bridge closed\n\nThe old bridge over the Dorva will stay closed until the spring. "
            "The county roads department said on Tuesday that the repairs need four months.\n\n"
            "Drivers must take the ring road.")
    _, chain = run(text, [("The county roads department", "said", "the repairs need four months", False)])
    assert names(chain) == ["this article", "The county roads department"]


def test_a_lower_case_body_completing_an_unnamed_speaker_after_its_cue():
    text = ("Curfew\n\nSelon ce qui a été annoncé hier par la préfecture du département, le couvre-feu "
            "est levé dans les trois communes du littoral.\n\nLes commerces rouvrent lundi.")
    doc = _paragraphs(make(text, [("ce qui a été annoncé", "Selon", "le couvre-feu est levé dans les trois "
                                                                    "communes du littoral", False)], lang="fr"))
    (chain,) = STAGE(doc).sourcing
    assert names(chain) == ["this article", "préfecture du département"]


def test_a_statement_from_a_body_stands_for_the_body():
    text = ("Water\n\nTap water in Lindby is safe to drink again. A statement from the regional health ministry "
            "says that tests found no bacteria.\n\nThe warning had lasted a week.")
    _, chain = run(text, [("A statement from the regional health ministry", "says", "tests found no bacteria",
                           False)])
    assert names(chain) == ["this article", "regional health ministry"]


def test_a_video_posted_by_an_account_stands_for_the_account():
    text = ("Flood\n\nThe river broke its banks north of Kessel overnight. A video posted by the account "
            "@kessel_watch shows water in the streets.\n\nThe town has not confirmed it.")
    _, chain = run(text, [("A video posted by the account @kessel_watch", "shows", "water in the streets", False)])
    assert names(chain) == ["this article", "@kessel_watch"]


def _chain_es(text):
    doc = _paragraphs(make(text, lang="es"))
    (chain,) = STAGE(doc).sourcing
    return chain


def test_what_a_body_did_is_the_body_s_word_when_outlets_carry_it():
    chain = _chain_es("Mercado\n\nEl ayuntamiento de Villalta aprobó ayer cerrar el mercado central durante un mes, "
                      "informa el diario Eco del Valle.\n\nLos comerciantes protestan.")
    assert names(chain) == ["this article", "Eco del Valle", "ayuntamiento de Villalta"]


def test_a_claim_accusing_a_body_is_not_the_body_s_word():
    chain = _chain_es("Mercado\n\nEl ayuntamiento de Villalta, acusado de corrupción, cerrará el mercado central, "
                      "informa el diario Eco del Valle.\n\nLos comerciantes protestan.")
    assert names(chain) == ["this article", "Eco del Valle"]


def test_a_body_no_name_identifies_is_no_origin_of_what_it_did():
    chain = _chain_es("Mercado\n\nLa policía cerró ayer el mercado central durante una hora, "
                      "informa el diario Eco del Valle.\n\nLos comerciantes protestan.")
    assert names(chain) == ["this article", "Eco del Valle"]


@pytest.mark.parametrize("sentence, lang, body", [
    ("Meeting on Monday, the town council of Orbe voted to sell the mill.", "en", "town council"),
    ("The Orbe Town Council's planning committee approved the plan.", "en", "Orbe Town Council's planning committee"),
    ("Das Landgericht Obertal hat den Mann freigesprochen.", "de", "Landgericht Obertal"),
    ("Réunie lundi, la commission régionale de Brel a rejeté le projet.", "fr", "commission régionale"),
    ("La Comisión Nacional cerró el expediente.", "es", "Comisión Nacional"),
    ("A police officer said the road was shut.", "en", "police"),  # a body, but no name: the route refuses it
])
def test_the_body_a_sentence_opens_on_as_its_subject(sentence, lang, body):
    span = subject_body(sentence, lang)
    assert (sentence[span[0]:span[1]] if span else None) == body


def test_what_a_named_body_did_is_its_own_act_rather_than_a_later_speaker_s():
    chain = _chain_es("Mercado\n\nReunido el lunes, el consejo municipal de Villalta aprobó cerrar el mercado "
                      "central durante un mes.\n\nLos vendedores están preocupados, contó Marta Ruiz.")
    assert names(chain) == ["this article", "consejo municipal de Villalta"]


def test_a_named_body_acting_in_the_next_sentence_is_the_origin_of_the_claim():
    text = ("Crossing\n\nA zebra crossing will be painted outside the Elm Road school by June.\n\n"
            "The Orbe Town Council's roads committee approved the work on Monday. "
            "Parents had asked for it for years, said Tom Hale.")
    _, chain = run(text, [("Tom Hale", "said", "Parents had asked for it for years", False)])
    assert names(chain) == ["this article", "Orbe Town Council's roads committee"]


def test_a_body_acting_in_a_claim_an_outlet_carries_later_is_not_the_article_s_own():
    chain = _chain_es("Mercado\n\nEl consejo municipal de Villalta aprobó cerrar el mercado central.\n\n"
                      "Lo informa el diario Eco del Valle.")
    assert names(chain)[1] == "Eco del Valle"


def test_a_body_named_by_a_common_noun_takes_the_earlier_name_ending_on_it():
    text = ("Water\n\nFrom Monday, households of the Elm Vale Water District will pay more for water. "
            "The district says its pumps need repair.\n\nBills rise in May.")
    _, chain = run(text, [("The district", "says", "its pumps need repair", False)])
    assert names(chain) == ["this article", "Elm Vale Water District"]


def _chain(text, lang, attributions=()):
    doc = _paragraphs(make(text, attributions, lang=lang))
    (chain,) = STAGE(doc).sourcing
    return chain


def test_a_body_named_after_the_verb_of_a_sentence_pointing_back_at_the_claim():
    chain = _chain("Kita\n\nDas Land zahlt im kommenden Jahr zwölf Millionen Euro mehr für Kindergärten. "
                   "Das beschloss der Kreistag am Dienstag.\n\nDie Opposition ist dagegen, sagte Eva Roth.", "de",
                   [("Eva Roth", "sagte", "Die Opposition ist dagegen", False)])
    assert names(chain) == ["this article", "Kreistag"]


def test_an_outlet_named_after_the_verb_of_a_sentence_pointing_back_at_the_claim():
    chain = _chain("Farolas\n\nLas farolas nuevas del barrio graban a los vecinos. Lo ha destapado El Vigía Libre, "
                   "una web local.\n\nEl alcalde lo niega.", "es")
    assert names(chain)[1:] == ["Vigía Libre"]


def test_an_unsigned_document_after_the_verb_of_a_sentence_pointing_back_at_the_claim_is_the_origin():
    chain = _chain("Farolas\n\nLas farolas nuevas del barrio gastan la mitad de luz. Lo dice un informe municipal "
                   "con datos de dos años.\n\nEl alcalde lo celebra.", "es")
    assert names(chain) == ["this article", "un informe municipal"]


def test_a_document_whose_owner_is_named_after_it_stands_for_the_owner():
    chain = _chain("Farolas\n\nLas farolas nuevas del barrio gastan la mitad de luz. Lo dice un informe de la "
                   "Agencia Pinar de Energía.\n\nEl alcalde lo celebra.", "es")
    assert names(chain)[-1] != "un informe"


def test_the_clause_after_a_colon_may_name_who_wrote_the_claim_down():
    chain = _chain("Farmaci\n\nNel magazzino sono scadute diecimila confezioni: lo ha messo nero su bianco "
                   "l'Ufficio sanitario della Valle in una relazione.\n\nNessuno commenta.", "it")
    assert names(chain) == ["this article", "Ufficio sanitario della Valle"]


def test_an_article_opening_a_sentence_is_no_anaphor():
    chain = _chain("Kita\n\nDas Land zahlt mehr für Kindergärten. Das Geld kommt vom Bund.\n\nMehr nicht.", "de")
    assert names(chain) == ["this article"]


def test_an_outlet_pointing_back_at_a_quoted_claim_carried_it_and_a_name_after_a_comma_is_no_speaker():
    chain = _chain("Vacunas\n\nEl Fondo Pinar, que financia el Diario del Valle, afirma que tres regiones piden dosis. "
                   "Así lo recoge el portal Pino Libre.\n\nNadie lo confirma.", "es",
                   [("El Fondo Pinar, que financia el Diario del Valle", "afirma", "tres regiones piden dosis", False)])
    assert names(chain)[1] == "Pino Libre"


def test_a_relayed_name_ends_on_its_last_word_not_on_a_coordinator():
    chain = _chain("Puerto\n\nEl puerto cerrará en mayo, informa el diario Eco del Valle, que cita a la Comisión "
                   "Portuaria y que no da más detalles.\n\nNadie lo confirma.", "es")
    assert names(chain)[-1] == "Comisión Portuaria"


def test_a_speaker_that_is_a_piece_of_an_outlet_name_is_that_outlet():
    text = ("Molino\n\nEl molino de Orbe cerrará en mayo. Así lo publicó la cadena Radio Pino del Valle, "
            "que a su vez cita al diario Eco Norte.\n\nLos obreros lo supieron el lunes.")
    chain = _chain(text, "es", [("Valle, que", "cita", "al diario Eco Norte", False)])
    assert "Valle, que" not in names(chain)


def test_the_content_of_a_document_names_no_owner():
    text = ("Bridge\n\nThe old bridge can carry lorries again, and the inspector wrote in her report that "
            "no deep cracks were found.\n\nDrivers are relieved.")
    _, chain = run(text)
    assert "no deep cracks" not in names(chain)


def test_a_capitalised_common_noun_past_a_determiner_names_one_body():
    chain = _chain("Puente\n\nEl puente viejo seguirá cerrado a los camiones hasta junio. El Ayuntamiento tomó la "
                   "decisión tras un informe técnico.\n\nLos transportistas protestan, dijo Ana Gil.", "es",
                   [("Ana Gil", "dijo", "Los transportistas protestan", False)])
    assert names(chain) == ["this article", "Ayuntamiento"]


def test_a_lower_case_common_noun_names_no_body():
    chain = _chain("Puente\n\nEl puente viejo seguirá cerrado a los camiones hasta junio. El ayuntamiento tomó la "
                   "decisión tras un informe técnico.\n\nLos transportistas protestan, dijo Ana Gil.", "es",
                   [("Ana Gil", "dijo", "Los transportistas protestan", False)])
    assert "ayuntamiento" not in names(chain)
