"""Paragraphs, lines and sentences: one case per language for the hard spots."""

from __future__ import annotations

import pytest

from claimscope.model import Article, Document
from claimscope.stages.segment import Segment, line_groups


def split(text: str, lang: str | None = None) -> list[str]:
    doc = Segment()(Document(Article(text), language=lang))
    return [text[s.start : s.end] for s in doc.sentences]


CASES = {
    "fr": (
        "M. Dupont est arrivé à 9 h. Il a parlé 2,5 heures. « Nous partons. Il fait froid », "
        "a-t-il dit. Le Dr. Martin a confirmé.",
        ["M. Dupont est arrivé à 9 h.", "Il a parlé 2,5 heures.",
         "« Nous partons. Il fait froid », a-t-il dit.", "Le Dr. Martin a confirmé."],
    ),
    "en": (
        'The U.S. Senate met on Jan. 5 with Dr. Jane Smith. Costs rose 3.5 percent. '
        '"We are done. Go home," she said. J. R. Ewing left... Then he came back!',
        ["The U.S. Senate met on Jan. 5 with Dr. Jane Smith.", "Costs rose 3.5 percent.",
         '"We are done. Go home," she said.', "J. R. Ewing left...", "Then he came back!"],
    ),
    "es": (
        "¿Qué pasó en EE.UU. ayer? El Sr. Gómez no lo sabe. ¡Increíble! «Es grave. Muy grave», dijo.",
        ["¿Qué pasó en EE.UU. ayer?", "El Sr. Gómez no lo sabe.", "¡Increíble!",
         "«Es grave. Muy grave», dijo."],
    ),
    "de": (
        "Am 3. Oktober feiert Deutschland. Das kostet ca. 5 Mio. Euro. „Wir sind bereit“, sagte er. "
        "Dann ging er.",
        ["Am 3. Oktober feiert Deutschland.", "Das kostet ca. 5 Mio. Euro.",
         "„Wir sind bereit“, sagte er.", "Dann ging er."],
    ),
    "pt": (
        "O Sr. Silva chegou às 10h. “Foi difícil. Muito difícil”, disse ele. A Dra. Costa concordou.",
        ["O Sr. Silva chegou às 10h.", "“Foi difícil. Muito difícil”, disse ele.",
         "A Dra. Costa concordou."],
    ),
    "it": (
        "Il Sig. Rossi è arrivato. «Siamo pronti. Partiamo», ha detto. Il Prof. Bianchi no.",
        ["Il Sig. Rossi è arrivato.", "«Siamo pronti. Partiamo», ha detto.", "Il Prof. Bianchi no."],
    ),
    "ru": (
        "Он живёт на ул. Ленина, т.е. в центре. Цены выросли на 2,5 %. «Мы готовы. Начинаем», — "
        "сказал он. Дальше было тихо.",
        ["Он живёт на ул. Ленина, т.е. в центре.", "Цены выросли на 2,5 %.",
         "«Мы готовы. Начинаем», — сказал он.", "Дальше было тихо."],
    ),
    "vi": (
        "Ông Nguyễn Văn A đến TP. Hồ Chí Minh hôm qua. Giá tăng 2,5%. \"Chúng tôi sẵn sàng\", ông nói.",
        ["Ông Nguyễn Văn A đến TP. Hồ Chí Minh hôm qua.", "Giá tăng 2,5%.",
         "\"Chúng tôi sẵn sàng\", ông nói."],
    ),
    "pl": (
        "Dr Nowak przyjechał 12. Marca? Nie. Koszt to ok. 5 mln zł, m.in. z UE. „Jesteśmy gotowi” – "
        "powiedział. Potem wyszedł.",
        ["Dr Nowak przyjechał 12. Marca?", "Nie.", "Koszt to ok. 5 mln zł, m.in. z UE.",
         "„Jesteśmy gotowi” – powiedział.", "Potem wyszedł."],
    ),
    "uk": (
        "Він живе на вул. Шевченка, т.б. в центрі. «Ми готові. Починаємо», — сказав він. Далі було тихо.",
        ["Він живе на вул. Шевченка, т.б. в центрі.", "«Ми готові. Починаємо», — сказав він.",
         "Далі було тихо."],
    ),
    "nl": (
        "Dhr. Jansen kwam o.a. met de trein. “Het was druk. Heel druk”, zei hij. Daarna vertrok hij.",
        ["Dhr. Jansen kwam o.a. met de trein.", "“Het was druk. Heel druk”, zei hij.",
         "Daarna vertrok hij."],
    ),
    "tr": (
        "Prof. Dr. Ayşe Yılmaz 15. Kasım günü konuştu. “Hazırız”, dedi. Sonra ayrıldı.",
        ["Prof. Dr. Ayşe Yılmaz 15. Kasım günü konuştu.", "“Hazırız”, dedi.", "Sonra ayrıldı."],
    ),
    "ar": (
        "هل انتهت الأزمة؟ قال الوزير إن الوضع مستقر. وأضاف أن الحكومة ستتحرك۔ ثم غادر.",
        ["هل انتهت الأزمة؟", "قال الوزير إن الوضع مستقر.", "وأضاف أن الحكومة ستتحرك۔", "ثم غادر."],
    ),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_sentences(lang):
    text, expected = CASES[lang]
    assert split(text, lang) == expected


def test_language_is_guessed_when_unknown():
    text, expected = CASES["fr"]
    assert split(text) == expected


def test_line_breaks_are_hard_boundaries_and_blank_lines_make_paragraphs():
    text = "Title without period\n\n  First line of a caption\nPhoto : AFP.  \n\n\nLast paragraph.\n"
    doc = Segment()(Document(Article(text)))
    assert [text[p.start : p.end] for p in doc.paragraphs] == [
        "Title without period", "First line of a caption\nPhoto : AFP.", "Last paragraph."
    ]
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Title without period", "First line of a caption", "Photo : AFP.", "Last paragraph."
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]
    assert line_groups(doc) == [[0], [1], [2], [3]]


def test_hard_wrapped_lines_are_joined():
    text = "The ministry said on Monday that it would\nsubmit the report, and\nthe vote follows.\nPhoto: AFP."
    assert split(text, "en") == [
        "The ministry said on Monday that it would\nsubmit the report, and\nthe vote follows.", "Photo: AFP."
    ]


def test_spans_are_tight_and_cover_all_text():
    text = "  One.   Two!\tThree?  \n\n Four "
    doc = Segment()(Document(Article(text)))
    for s in doc.sentences:
        span = text[s.start : s.end]
        assert span == span.strip() and span
    assert "".join(text[s.start : s.end] for s in doc.sentences) == "".join(text.split())


def test_dateline_stays_with_its_sentence():
    text = "WASHINGTON, D.C. (Reuters) — The Senate voted. MOSCOW, Nov. 14 (AP) - Russia said no."
    assert split(text, "en") == [
        "WASHINGTON, D.C. (Reuters) — The Senate voted.", "MOSCOW, Nov. 14 (AP) - Russia said no."
    ]


def test_upper_case_abbreviation():
    assert split("ST. LOUIS — The mayor of Louisville, Ky. spoke.", "en") == [
        "ST. LOUIS — The mayor of Louisville, Ky. spoke."
    ]


def test_abbreviation_after_no_break_space():
    assert split("The order by\u00a0U.S. Immigration was late.", "en") == [
        "The order by\u00a0U.S. Immigration was late."
    ]


def test_french_closing_guillemet_after_final_stop():
    text = "« Nous avons refusé. » Le ministre est parti."
    assert split(text, "fr") == ["« Nous avons refusé. »", "Le ministre est parti."]


def test_long_quotation_is_split_like_prose():
    quote = " ".join(["Phrase numéro un est ici."] * 12)
    assert len(split(f"« {quote} », dit-il.", "fr")) == 12


def test_cjk_full_stops_need_no_space():
    assert split("政府宣布了新计划。专家表示欢迎！会议明天举行？") == [
        "政府宣布了新计划。", "专家表示欢迎！", "会议明天举行？"
    ]


def test_empty_text():
    doc = Segment()(Document(Article("")))
    assert doc.paragraphs == () and doc.sentences == ()


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("La réunion a duré tout l'après-midi selon le maire.Les élus sont repartis le soir.", "fr",
         ["La réunion a duré tout l'après-midi selon le maire.", "Les élus sont repartis le soir."]),
        ("The council closed the bridge for repairs.The ferry runs twice a day.", "en",
         ["The council closed the bridge for repairs.", "The ferry runs twice a day."]),
        # a domain, a library name, initials, a decimal number and an abbreviation stay whole
        ("Voir exemple.Com pour tout. Node.js et J.R.R. Tolkien ont 3.5 points, dit M.Martin.", "fr",
         ["Voir exemple.Com pour tout.", "Node.js et J.R.R. Tolkien ont 3.5 points, dit M.Martin."]),
        # a join inside a short quotation stays in it, like any full stop there
        ("Il a dit « nous partons demain.Les autres restent » hier.", "fr",
         ["Il a dit « nous partons demain.Les autres restent » hier."]),
    ],
)
def test_sentences_glued_at_a_full_stop_are_split_before_a_capital(text, lang, expected):
    assert split(text, lang) == expected

