"""Main language, per-sentence language and untranslated fragments."""

from __future__ import annotations

from claimscope.stages.langguess import guess
from tests.stages.helpers import run, spans

FRENCH = (
    "Le gouvernement a présenté mercredi un nouveau plan pour les transports publics. "
    "Les trains régionaux seront plus nombreux dès le mois prochain. "
    "Les syndicats ont salué une avancée mais restent prudents sur le financement."
)


def test_main_language_by_characters_despite_a_foreign_sentence():
    doc = run(FRENCH + "\n\nThe government also promised new buses for rural areas next year.")
    assert doc.language == "fr"
    assert spans(doc, "untranslated_fragment") == [
        "The government also promised new buses for rural areas next year."
    ]
    (finding,) = [f for f in doc.findings if f.kind == "untranslated_fragment"]
    assert finding.lang == "en" and finding.stage == "language@1"
    assert "English" in finding.reason and "French" in finding.reason


def test_every_sentence_gets_a_language():
    doc = run(FRENCH)
    assert doc.language == "fr" and 0.5 < doc.language_score <= 1
    assert all(s.lang == "fr" for s in doc.sentences)


def test_short_fragments_names_titles_and_urls_are_not_reported():
    text = FRENCH + (
        "\n\nLe journal Die Zeit a parlé d'un « game changer ». Voir www.example.org/rapport."
        "\n\nPar Jean-Marc Dubois\n\nDonald Trump, Kyiv, New York."
    )
    assert spans(run(text), "untranslated_fragment") == []


def test_foreign_script_sentence_is_reported():
    text = FRENCH + "\n\nЖители получили предупреждение по телефону вчера вечером."
    doc = run(text)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings if f.kind == "untranslated_fragment"] == [
        ("ru", "Жители получили предупреждение по телефону вчера вечером.")
    ]


def test_caption_beside_its_translation_is_labelled():
    text = FRENCH + (
        "\n\nĐoàn xe của quân đội rời khỏi thành phố Lyon hôm 9/11. Ảnh: Reuters.\n"
        "Un convoi militaire quitte la ville de Lyon le 9 novembre. Photo : Reuters."
    )
    (finding,) = [f for f in run(text).findings if f.kind == "untranslated_fragment"]
    assert finding.lang == "vi" and finding.label == "beside_translation"
    assert "caption" in finding.reason and "next to its French translation" in finding.reason


SPANISH = (
    "El ministerio anunció ayer nuevas medidas para el sector agrícola. "
    "Los agricultores piden más ayudas por la sequía que afecta a la región. "
    "La producción de aceite ha caído a la mitad en un solo año."
)


def test_close_language_sentence_is_found_by_its_words():
    # language ID leans to Portuguese on five words; "vai", "analisar", "propostas" are not Spanish
    doc = run(SPANISH + "\n\nO governo vai analisar as propostas.")
    assert doc.language == "es"
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("pt", "O governo vai analisar as propostas.")]


def test_close_language_caption_with_its_credit_is_one_fragment():
    caption = "Concentració davant de l'ajuntament dimecres. Foto: arxiu"
    doc = run(SPANISH + "\n\n" + caption + "\n\n" + SPANISH)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("ca", caption)]


def test_close_language_names_and_mixed_words_stay_main():
    text = SPANISH + "\n\nLo dijo Joan Puig i Ferrer en Girona. Sono stati giorni duri para todos."
    assert spans(run(text), "untranslated_fragment") == []


def test_slavic_neighbours_are_told_apart_by_their_words():
    russian = (
        "Власти города объявили о новых мерах поддержки малого бизнеса. "
        "Предприниматели жалуются на рост аренды и налогов."
    )
    ukrainian = "Мешканці міста вийшли на вулиці через підвищення цін."
    doc = run(russian + "\n\n" + ukrainian + "\n\n" + russian)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("uk", ukrainian)]
    polish = "Rząd przedstawił w środę nowy plan wsparcia dla rolników. Ceny nawozów wzrosły niemal dwukrotnie."
    czech = "Obyvatelé města protestovali proti novému zákonu o nájmech."
    doc = run(polish + "\n\n" + czech + "\n\n" + polish)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("cs", czech)]


def test_guess_evidence():
    g = guess("Liên quân Mỹ được cho là đã từ chối lời đề nghị.")
    assert g.vietnamese >= 2 and g.script == "latin"
    assert guess("Жители получили").script == "cyrillic"
    assert guess("Donald Trump met Emmanuel Macron").content == 2  # "Donald" and "met"


def test_empty_article_has_no_language():
    doc = run("   \n\n  ")
    assert doc.language is None and doc.findings == ()


def test_long_foreign_quotation_inside_a_sentence():
    text = FRENCH + (
        "\n\n« We will not accept any further delay in this project », a déclaré le directeur "
        "de l'entreprise lundi à Lyon devant les salariés réunis."
    )
    (finding,) = [f for f in run(text).findings if f.kind == "untranslated_fragment"]
    assert run(text).text[finding.start : finding.end] == "We will not accept any further delay in this project"
    assert finding.lang == "en" and finding.label == "quotation"
    assert "English quotation" in finding.reason and "a French sentence" in finding.reason


def test_short_foreign_quotation_is_a_title_not_a_fragment():
    text = FRENCH + "\n\nLe slogan « Make America Great Again » a été repris par ses partisans."
    assert spans(run(text), "untranslated_fragment") == []
    text = FRENCH + "\n\nLe film « Somewhere in the north » sort mercredi en salles."
    assert spans(run(text), "untranslated_fragment") == []


def test_short_foreign_quotation_set_off_as_speech():
    for sentence, quoted in [
        ("« We will not back down », a-t-il déclaré à la radio.", "We will not back down"),
        ("Le porte-parole a répondu : « Nobody told us anything. »", "Nobody told us anything."),
    ]:
        doc = run(FRENCH + "\n\n" + sentence)
        (finding,) = [f for f in doc.findings if f.kind == "untranslated_fragment"]
        assert doc.text[finding.start : finding.end] == quoted and finding.label == "quotation"


def test_vietnamese_without_accents():
    unaccented = "Nguoi dan trong thanh pho khong duoc thong bao truoc ve ke hoach nay."
    doc = run(FRENCH + "\n\n" + unaccented)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("vi", unaccented)]


def test_confusable_language_found_when_main_is_absent_from_both_opinions():
    spanish = (
        "El ministerio anunció ayer nuevas medidas para el sector agrícola. "
        "Los agricultores piden más ayudas por la sequía que afecta a la región."
    )
    catalan = "El Govern demana als ciutadans que redueixin el consum d'aigua a casa i evitin omplir les piscines."
    doc = run(spanish + " " + catalan)
    assert [(f.lang, doc.text[f.start : f.end]) for f in doc.findings] == [("ca", catalan)]


def test_caption_of_two_short_foreign_sentences_is_one_fragment():
    doc = run(FRENCH + "\n\nSmoke over the valley. Residents fled.\n\n" + FRENCH)
    assert spans(doc, "untranslated_fragment") == ["Smoke over the valley. Residents fled."]


def test_two_short_main_language_sentences_stay_main():
    doc = run(FRENCH + "\n\nLe feu est éteint. Les habitants rentrent.\n\n" + FRENCH)
    assert spans(doc, "untranslated_fragment") == []


def test_headline_in_corner_brackets_is_not_a_short_title():
    headline = "「東京湾で新しい橋の建設が始まった」"
    doc = run(FRENCH + "\n\n" + headline + "\n\n" + FRENCH)
    assert spans(doc, "untranslated_fragment") == [headline]


def test_corner_bracket_quotation_inside_a_sentence():
    doc = run(FRENCH + "\n\nLe journal japonais titrait 「東京湾で新しい橋の建設が始まった」 mardi matin.")
    assert spans(doc, "untranslated_fragment") == ["東京湾で新しい橋の建設が始まった"]


def test_scripts_language_id_knows_but_the_table_did_not():
    for line in ["በአዲስ አበባ ዛሬ ሰልፍ ተካሂዷል።", "თბილისში დღეს საპროტესტო აქცია გაიმართა."]:
        doc = run(FRENCH + "\n\n" + line + "\n\n" + FRENCH)
        assert spans(doc, "untranslated_fragment") == [line]
    assert guess("Երևանում այսօր բողոքի ակցիա է անցկացվել").script == "armenian"


def test_a_colon_opens_a_clause_whose_first_word_counts():
    assert guess("Foto: Manifestants a la plaça de Sant Jaume").content == 5  # Foto, Manifestants, la, plaça, de
    doc = run(SPANISH + "\n\nFoto: Manifestants a la plaça de Sant Jaume\n\n" + SPANISH)
    assert spans(doc, "untranslated_fragment") == ["Foto: Manifestants a la plaça de Sant Jaume"]


def test_foreign_clause_after_a_colon():
    doc = run(FRENCH + "\n\nSur la banderole, on pouvait lire : Stop the war now and bring our soldiers home.")
    (finding,) = [f for f in doc.findings if f.kind == "untranslated_fragment"]
    assert doc.text[finding.start : finding.end] == "Stop the war now and bring our soldiers home."
    assert finding.lang == "en" and "English clause" in finding.reason


def test_list_or_main_language_clause_after_a_colon_is_not_reported():
    for line in ["Mots-clés : Paris, police, migration, France, Europe", "Le ministre a été clair : les trains rouleront lundi."]:
        assert spans(run(FRENCH + "\n\n" + line), "untranslated_fragment") == []


def test_a_name_after_an_elided_article_is_not_a_content_word():
    assert guess("La marcha cruzó l'Eixample y dell'Emilia ayer").content_text == "La marcha cruzó ayer"


def test_a_headline_in_title_case_has_words_not_names():
    # capitalised function words ("Of", "For", "After") make a title-case headline
    assert guess("Mayor Of Lisbon Calls For Calm After The Storm").content == 9
    assert guess("The Bank of America and The New York Times").content == 3  # names: "of", "and" in lower case
    assert guess("Jean De La Fontaine").content == 1  # a name: too short for a headline
    for line in ['Titre original : "Mayor Of Lyon Calls For Calm After The Storm"',
                 "L'article s'intitulait « Mayor Of Lyon Calls For Calm After The Storm » et a circulé."]:
        doc = run(FRENCH + "\n\n" + line + "\n\n" + FRENCH)
        assert spans(doc, "untranslated_fragment") == ["Mayor Of Lyon Calls For Calm After The Storm"]


def test_names_with_capitalised_words_in_a_main_language_sentence_stay_main():
    text = FRENCH + "\n\nLe Bank of America et le New York Times ont publié leurs chiffres mardi soir."
    assert spans(run(text), "untranslated_fragment") == []
