"""Per-language cue tables and the hand features read from them."""

import json
from importlib import resources

import pytest

from claimscope.checkworthy import features

# One reported, numeric, capitalised claim and one subjective sentence per language.
EXAMPLES = {
    "en": ("According to the ministry, exports rose by 12 percent in Texas.", "I think we should all stay calm."),
    "fr": ("Selon le ministère, les exportations ont augmenté de 12 % en Bretagne.", "Je pense qu'il faut rester calme."),
    "es": ("Según el ministerio, las exportaciones aumentaron un 12 % en Galicia.", "Creo que debemos mantener la calma."),
    "de": ("Laut Ministerium stiegen die Exporte in Bayern um 12 Prozent.", "Ich denke, wir müssen ruhig bleiben."),
    "it": ("Secondo il ministero, le esportazioni sono aumentate del 12% in Puglia.", "Penso che dobbiamo restare calmi."),
    "pt": ("Segundo o ministério, as exportações aumentaram 12% no Pará.", "Acho que devemos manter a calma."),
    "nl": ("Volgens het ministerie zijn de export in Limburg met 12 procent gestegen.", "Ik denk dat we kalm moeten blijven."),
    "ru": ("По словам министерства, экспорт в Сибири вырос на 12 процентов.", "Я думаю, нам нужно сохранять спокойствие."),
    "pl": ("Według ministerstwa eksport na Śląsku wzrósł o 12 procent.", "Myślę, że musimy zachować spokój."),
    "vi": ("Theo Bộ Công Thương, xuất khẩu sang Nhật Bản tăng 12%.", "Tôi nghĩ chúng ta phải bình tĩnh."),
    "ar": ("وفقا للوزارة، ارتفعت الصادرات بنسبة 12 بالمئة.", "أعتقد أنه يجب أن نبقى هادئين."),
    "bg": ("Според министерството износът за Гърция се е увеличил с 12 процента.", "Мисля, че трябва да запазим спокойствие."),
    "tr": ("Bakanlığa göre İzmir ihracatı yüzde 12 arttı.", "Bence sakin kalmamız gerekir."),
}


def test_every_table_has_examples_and_every_category():
    assert set(features.languages()) == set(EXAMPLES)
    for lang in features.languages():
        path = resources.files("claimscope") / "data" / "checkworthy" / f"{lang}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["language"] == lang
        for category in features.CATEGORIES:
            entries = raw[category]
            assert entries and all(e == e.strip() and e == e.lower() for e in entries), (lang, category)


@pytest.mark.parametrize("lang", sorted(EXAMPLES))
def test_claim_cues(lang):
    claim, _ = EXAMPLES[lang]
    found = features.reasons(claim, lang)
    assert "number" in found and "reported" in found, (lang, found)
    counts = features.counts(claim, lang)
    assert counts["comparison"] >= 1, lang
    if lang != "ar":  # Arabic script has no capitals
        assert "named_entity" in found, (lang, found)


@pytest.mark.parametrize("lang", sorted(EXAMPLES))
def test_subjective_cues(lang):
    claim, opinion = EXAMPLES[lang]
    assert features.counts(opinion, lang)["subjective"] >= 1, lang
    assert features.counts(claim, lang)["subjective"] == 0, lang
    assert features.reasons(opinion, lang) == ()


def test_vector_shape_and_unknown_language_falls_back_to_english():
    v = features.vector("Exports rose by 12 percent, officials said.", "xx")
    assert v.shape == (len(features.FEATURES),)
    assert features.reasons("Exports rose by 12 percent, officials said.", None) == (
        "number", "comparison", "reported")
    assert features.matrix([], []).shape == (0, len(features.FEATURES))


def test_prefix_entries_match_inflections_only_at_word_start():
    assert features.counts("Министерство заявило о потерях.", "ru")["reporting"] == 1
    assert features.counts("Это незаявленный груз.", "ru")["reporting"] == 0


NO_COMMENT = {  # (a non-answer, a statement that is not one)
    "en": ("The airline did not immediately respond to a request for comment.",
           "The airline said it responded to 40 complaints."),
    "fr": ("Contactée, la mairie n\u2019a pas répondu à nos questions.",
           "La mairie a répondu que 40 plaintes avaient été reçues."),
    "es": ("El club no respondió a las preguntas de este diario.",
           "El club respondió que había recibido 40 quejas."),
    "de": ("Der Konzern wollte sich auf Anfrage nicht äußern.",
           "Der Konzern teilte mit, es seien 40 Beschwerden eingegangen."),
    "it": ("L'azienda non ha voluto commentare la notizia.",
           "L'azienda ha risposto che sono arrivati 40 reclami."),
    "pt": ("A empresa não respondeu aos contatos da reportagem.",
           "A empresa respondeu que recebeu 40 reclamações."),
    "ru": ("В компании на запрос не ответили.",
           "В компании ответили, что получили 40 жалоб."),
    "pl": ("Rzecznik firmy nie odpowiedział na nasze pytania.",
           "Rzecznik firmy odpowiedział, że wpłynęło 40 skarg."),
    "vi": ("Đại diện công ty chưa phản hồi về vụ việc.",
           "Đại diện công ty cho biết đã nhận 40 đơn khiếu nại."),
}


@pytest.mark.parametrize(
    "lang, silent",
    [
        ("en", "The harbour authority did not comment the ruling."),
        ("en", "The driver, now 40, did not wish to comment, his lawyer said."),
        ("de", "Die Reederei wollte sich zunächst nicht äußern."),
        ("es", "Las dos navieras consultadas declinaron hacer comentarios."),
        ("vi", "Ban quản lý cảng chưa lên tiếng về vụ việc."),
    ],
)
def test_no_comment_with_words_between_or_without_a_request(lang, silent):
    assert features.no_comment(silent, lang)


@pytest.mark.parametrize("lang", sorted(NO_COMMENT))
def test_no_comment_constructions(lang):
    silent, statement = NO_COMMENT[lang]
    assert features.no_comment(silent, lang)
    assert not features.no_comment(statement, lang)


@pytest.mark.parametrize(
    "sentence",
    [
        "Procurada, a prefeitura não comentou o relatório.",
        "O ministério não confirmou o número até a publicação desta reportagem.",  # the article's deadline
    ],
)
def test_portuguese_non_answers(sentence):
    assert features.no_comment(sentence, "pt")
    assert not features.no_comment("A lei entra em vigor até a publicação do decreto.", "pt")


def test_no_comment_without_entries_matches_nothing():
    assert not features.no_comment("Der Konzern wollte sich nicht äußern.", "nl")


HEARSAY = {  # a claim in the reportative or conditional mood, the same claim stated
    "en": ("The mayor reportedly sold the land to his cousin.", "The mayor sold the land to his cousin."),
    "fr": ("Le maire aurait vendu le terrain à son cousin.", "Le maire a vendu le terrain à son cousin."),
    "it": ("Il sindaco avrebbe venduto il terreno al cugino.", "Il sindaco ha venduto il terreno al cugino."),
    "de": ("Der Bürgermeister soll das Grundstück seinem Cousin verkauft haben.",
           "Der Bürgermeister hat das Grundstück seinem Cousin verkauft."),
    "es": ("El alcalde habría vendido el terreno a su primo.", "El alcalde vendió el terreno a su primo."),
    "pt": ("O prefeito teria vendido o terreno ao primo.", "O prefeito vendeu o terreno ao primo."),
    "ru": ("Мэр якобы продал участок своему двоюродному брату.", "Мэр продал участок своему двоюродному брату."),
    "pl": ("Burmistrz rzekomo sprzedał działkę kuzynowi.", "Burmistrz sprzedał działkę kuzynowi."),
}


@pytest.mark.parametrize("lang", sorted(HEARSAY))
def test_hearsay_words(lang):
    told, stated = HEARSAY[lang]
    assert features.hearsay(told, lang)
    assert not features.hearsay(stated, lang)


def test_source_only_constructions():
    assert features.source_only("This was reported by the local radio.", "en")
    assert features.source_only("Об этом пишет региональная газета.", "ru")
    assert not features.source_only("The local radio reported that the bridge was closed.", "en")
