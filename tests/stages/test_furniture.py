"""Page furniture by structure: prompts addressed to the reader anywhere in the article,
notes crediting a vague source at its edges (our own example lines)."""

from __future__ import annotations

import pytest

from claimscope.stages import furniture, furniture_credit, furniture_prompts
from tests.stages.helpers import run

ENGLISH = (
    "The harbour authority closed the northern pier on Monday after a storm damaged its supports. "
    "Repairs are expected to take several weeks, and ferries will use the southern dock meanwhile."
)
FRENCH = (
    "La mairie a fermé lundi la jetée nord après une tempête qui a endommagé ses piliers. "
    "Les réparations devraient durer plusieurs semaines et les ferries utiliseront le quai sud."
)
RUSSIAN = (
    "Администрация порта в понедельник закрыла северный причал после того, как шторм повредил опоры. "
    "Ремонт займёт несколько недель, а паромы пока будут швартоваться у южного причала."
)
BODIES = {"en": ENGLISH, "fr": FRENCH, "ru": RUSSIAN}


def _middle(lang: str, line: str) -> str:
    body = BODIES[lang]
    before, after = "\n\n".join([f"{body} {body}"] * 4), "\n\n".join([f"{body} {body}"] * 7)
    return f"Title\n\n{before}\n\n{line}\n\n{after}"


def _found(text: str, kind: str) -> list[tuple[str, str | None]]:
    doc = run(text)
    return [(doc.text[f.start : f.end], f.label) for f in doc.findings if f.kind == kind]


@pytest.mark.parametrize(
    "lang, line, label",
    [
        ("en", "Were you at the pier? Send us your photos and videos.", "reader_prompt"),
        ("en", "Got a tip about the harbour? Contact the desk: desk@example.org", "reader_prompt"),
        ("fr", "Vous étiez sur place ? Envoyez-nous vos images.", "reader_prompt"),
        ("ru", "Присылайте свои фото и видео в нашу редакцию.", "reader_prompt"),
        ("ru", "Увидели опечатку? Выделите фрагмент и нажмите Ctrl+Enter.", "page_notice"),
        ("en", "Noticed an error? Highlight it and press Cmd+Return.", "page_notice"),
        ("en", "Subscribe to our channel so you never miss a story.", "subscribe"),
        ("ru", "Поддержите нашу редакцию донатом.", "donate"),
        ("fr", "Partagez cet article avec vos proches.", "share_prompt"),
    ],
)
def test_prompt_to_the_reader_in_the_middle_of_an_article(lang, line, label):
    assert _found(_middle(lang, line), "boilerplate") == [(line, label)]


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "Write to your councillor before Friday, the residents' group urged."),
        ("en", "Residents sent us pictures of the broken pier."),
        ("en", "The port's owners, a private fund, emailed a video of the damage to reporters."),
        ("en", "Send in the divers, the mayor demanded on Tuesday."),
        ("fr", "Les habitants nous ont envoyé des photos de la jetée."),
        ("en", "Support our lifeguards, the crowd chanted outside the harbour office."),
        ("en", "Follow the money, the councillor told our reporter."),
        ("en", "Email inquiry bruises the harbour board's efforts to reassure."),
        # a quoted channel name does not end the sentence: "wrote" is not a prompt opening one
        ("ru", "Канал «Портовые вести» написал, что причал закроют. Администрация это отрицает."),
        ("en", "The channel “Harbour News” wrote that the pier would close. The council denies it."),
    ],
)
def test_reported_requests_and_prose_are_not_prompts(lang, line):
    assert _found(_middle(lang, line), "boilerplate") == []


@pytest.mark.parametrize(
    "lang, line, value",
    [
        ("en", "This material was prepared using open sources.", "open sources"),
        ("fr", "Article rédigé avec les agences.", "agences"),
        ("ru", "Материал подготовлен на основе открытых источников.", "открытых источников"),
        ("ru", "Подготовлено по материалам информационных агентств.", "агентств"),
    ],
)
def test_note_crediting_a_vague_source_at_the_edges(lang, line, value):
    body = BODIES[lang]
    doc = run(f"Title\n\n{body} {body}\n\n{body}\n\n{line}")
    found = [f for f in doc.findings if f.kind == "credit_line"]
    assert [(doc.text[f.start : f.end], f.value) for f in found] == [(line, value)]


def test_vague_words_inside_a_line_are_not_a_source_note():
    assert furniture_credit.source_note("Le site internet du ministère a été fermé.", "fr") is None
    assert furniture_credit.source_note("Agencies say the Harbour Board met on Monday.", "en") is None
    assert furniture_credit.source_note("This material was prepared using open sources.", "en") == "open sources"


@pytest.mark.parametrize(
    "lang, line, value",
    [
        ("en", "This article originally appeared on Example News.", "Example News"),
        ("fr", "Cet article a été publié initialement par Le Courrier du Port.", "Le Courrier du Port"),
    ],
)
def test_note_on_the_first_publication_is_a_credit_line(lang, line, value):
    body = BODIES[lang]
    doc = run(f"Title\n\n{body} {body}\n\n{body}\n\n{line}")
    assert [(doc.text[f.start : f.end], f.kind, f.value) for f in doc.findings] == [(line, "credit_line", value)]


def test_page_notice_and_credit_in_two_sentences_stay_apart():
    line = "This article was translated automatically from French. Source: example.org"
    doc = run(f"Title\n\n{ENGLISH} {ENGLISH}\n\n{ENGLISH}\n\n{line}")
    assert [doc.text[f.start : f.end] for f in doc.findings if f.kind == "credit_line"] == ["Source: example.org"]


def test_lower_case_agency_after_a_credit_cue():
    doc = run(f"Title\n\n{ENGLISH} {ENGLISH}\n\n{ENGLISH}\n\nSource: dpa")
    assert [(doc.text[f.start : f.end], f.value) for f in doc.findings if f.kind == "credit_line"] == [("Source: dpa", "dpa")]


@pytest.mark.parametrize(
    "line, label, value",
    [
        ("Lisboa, 3 mar (EFE).- " + "O porto reabriu hoje ao tráfego.", "dateline", "EFE"),
        ("(ANSA-AFP)", "agency_tag", "ANSA-AFP"),
        ("ab/PAP", "agency_tag", "PAP"),
        ("dpa/AFP/xy", "agency_tag", "dpa/AFP"),
    ],
)
def test_agency_credits_with_editor_initials_and_spanish_dateline(line, label, value):
    doc = run(f"Title\n\n{ENGLISH} {ENGLISH}\n\n{ENGLISH}\n\n{line}")
    found = [f for f in doc.findings if f.kind == "credit_line"]
    assert [(f.label, f.value) for f in found] == [(label, value)]


def test_photo_credit_is_not_a_credit_line():
    doc = run(f"Title\n\n{RUSSIAN} {RUSSIAN}\n\n{RUSSIAN}\n\nИсточник фото: ТАСС")
    assert [f for f in doc.findings if f.kind == "credit_line"] == []


def test_vague_source_alone_in_brackets_closing_a_byline():
    body = "Chính quyền thành phố đã đóng cửa cầu cảng phía bắc sau cơn bão. Việc sửa chữa sẽ kéo dài vài tuần."
    doc = run(f"Tiêu đề\n\n{body} {body}\n\n{body}\n\nHoàng Lan (tổng hợp)")
    assert [(doc.text[f.start : f.end], f.label) for f in doc.findings if f.kind == "credit_line"] == [("(tổng hợp)", "source_line")]


@pytest.mark.parametrize(
    "line, found",
    [
        ("Par Lucie Bernard, avec AFP.", ["avec AFP."]),
        ("Por Ana Gil, con información de agencias.", ["con información de agencias."]),
        ("Le maire a démissionné, selon l'AFP.", []),
    ],
)
def test_byline_closing_on_a_credit_with_a_full_stop(line, found):
    doc = run(f"Un titre\n\n{FRENCH} {FRENCH}\n\n{FRENCH}\n\n{line}")
    assert [doc.text[f.start : f.end] for f in doc.findings if f.kind == "credit_line"] == found


def test_label_opening_on_a_related_links_marker():
    assert furniture.read_label("Potrebbe interessarti anche: Il porto riapre a maggio", "it") == "Potrebbe interessarti anche"
    assert furniture.read_label("Главное: порт откроется в мае", "ru") is None  # one word may open a sentence


def test_vietnamese_issuer_section_and_contact_label():
    assert furniture.about_heading("Về Công ty Cảng Biển Đông", "vi")
    assert furniture_prompts.prompt("Bộ phận liên hệ báo chí:", "vi", closing=True) == "press_contact"
    assert furniture_prompts.prompt("Thông tin về cảng:", "vi", closing=True) is None


@pytest.mark.parametrize("line", ["bur-mla/cb", "mp/ab", "dpa lbn yybb n1 kre", "XYZ/AB", "KLM-QR/ST"])
def test_editor_initials_closing_a_wire(line):
    assert furniture.editor_slug(line) and furniture.edge_shape(line) == "editor_slug"


@pytest.mark.parametrize("line", ["ab/PAP", "le maire/la maire", "2020/21", "Paris - Lyon", "AFP/AP", "AB/cd", "COVID-19"])
def test_no_editor_initials(line):
    assert not furniture.editor_slug(line)


def test_a_heading_in_capitals_led_by_a_pictograph_is_no_call_to_action():
    assert furniture.edge_shape("👉 Read the whole report here") == "call_to_action"
    assert furniture.edge_shape("📱 THE FAKE PARCEL TEXT – FALSE") is None


def test_a_sentence_of_the_story_is_no_reader_prompt():
    assert furniture_prompts.reader_prompt("Envoyez-nous vos photos de la tempête.", "fr") == "reader_prompt"
    line = "Contacté par nos soins, le service de presse de la préfecture n'a pas donné suite à nos questions."
    assert furniture_prompts.reader_prompt(line, "fr") is None


@pytest.mark.parametrize(
    "segment, lang",
    [("4 мин. чтения", "ru"), ("czyt. 6 min", "pl"), ("Lesezeit 2 Min.", "de")],
)
def test_reading_time_in_its_short_forms(segment, lang):
    assert furniture.segment_label(segment, lang) == "reading_time"


def test_tags_of_several_syllables_where_words_are_syllables():
    assert furniture.segment_label("Từ khóa: cảng biển, bão lớn, giao thông đường thủy nội địa", "vi") == "tags"
    assert furniture.segment_label("Tags: harbour, storm, inland waterway transport in the north", "en") is None


def test_press_release_label_under_the_title():
    text = f"The pier closes\nPRESS RELEASE\n\n{ENGLISH}"
    assert _found(text, "boilerplate") == [("PRESS RELEASE", "press_release")]
    assert _found(f"Пирс закрыт\nПресс-релиз\n\n{RUSSIAN}", "boilerplate") == [("Пресс-релиз", "press_release")]


def test_a_translation_note_beside_a_credit_is_a_credit_line_too():
    found = run(f"{RUSSIAN}\n\nПеревод: машинный. Источник: example-port.ru").findings
    assert {f.kind for f in found if f.kind in ("boilerplate", "credit_line")} == {"credit_line"}


@pytest.mark.parametrize(
    "line, lang, notice",
    [
        ("This story was updated on Friday with the minister's reply.", "en", True),
        ("Le ministère n'avait pas répondu au moment de la publication de cet article.", "fr", False),
        ("A prefeitura não respondeu às perguntas até o fechamento desta edição.", "pt", False),
    ],
)
def test_a_page_notice_speaks_of_the_page_from_its_start(line, lang, notice):
    assert furniture_prompts.page_notice(line, lang) is notice


@pytest.mark.parametrize(
    "line, lang, genre",
    [
        ("EDITORIALE", "it", True),
        ("Commento | Il porto non può aspettare", "it", True),
        ("Commenti (14)", "it", False),
        ("Bình luận | Cảng cá cần thêm bến", "vi", True),
        ("Bình luận (8)", "vi", False),
    ],
)
def test_an_opinion_genre_label_is_no_comments_widget(line, lang, genre):
    assert furniture_prompts.genre_label(line, lang) is genre


def test_the_genre_label_over_an_opinion_piece_is_not_furniture():
    body = ("Il comune ha chiuso lunedì il molo nord dopo che una mareggiata ne ha danneggiato i piloni. "
            "I lavori dureranno diverse settimane e i traghetti useranno intanto la banchina sud.")
    assert _found(f"Il porto non può aspettare\nCOMMENTO\n\n{body}", "boilerplate") == []
    assert _found(f"{body}\n\nCommenti (8)", "boilerplate") == [("Commenti (8)", "comments")]


@pytest.mark.parametrize(
    "line, lang",
    [
        ("Zapis rozmowy nie jest stenogramem i może zawierać nieścisłości.", "pl"),
        ("Использование фотографий допускается только с разрешения редакции.", "ru"),
    ],
)
def test_closing_disclaimers_of_a_transcript_or_of_reuse(line, lang):
    assert furniture_prompts.prompt(line, lang, closing=True) == "disclaimer"
    assert furniture_prompts.prompt(line, lang, closing=False) is None


def test_a_long_closing_sentence_with_disclaimer_words_is_prose():
    line = ("The author of the post, a resident who writes under a nickname, says the opinions of the tenants "
            "were never asked and that the content of the permit was not shown to anyone in the building.")
    assert furniture_prompts._disclaimer_words(furniture.words(line), "en") >= 2
    assert furniture_prompts.prompt(line, "en", closing=True) is None


@pytest.mark.parametrize(
    "line, lang, notice",
    [
        ("Die ganze Folge gibt es in unserer Mediathek.", "de", True),
        ("The full interview is on our YouTube channel and our Telegram.", "en", True),
        ("Который из докладов, сайт, конечно, не называет.", "ru", False),  # "this … , site": two clauses
    ],
)
def test_a_page_notice_names_the_page_or_its_network_in_one_clause(line, lang, notice):
    assert furniture_prompts.page_notice(line, lang) is notice


@pytest.mark.parametrize(
    "line",
    [
        'Trang này ghi "Nguồn: Sở Y tế" nhưng không dẫn đường link nào.',
        'Bài đăng kèm lời nhắn: "Ai có con nhỏ thì chia sẻ ngay!"',
        'The caption reads: "Share this with every parent you know!"',
    ],
)
def test_a_line_reporting_what_someone_wrote_is_no_prompt(line):
    lang = "vi" if "ghi" in line or "nhắn" in line else "en"
    assert furniture_prompts.quotes_speech(line)
    assert furniture_prompts.prompt(line, lang, closing=True) is None


def test_a_quoted_name_in_a_prompt_is_no_speech():
    line = "Follow «Port news» on Telegram for every update"
    assert not furniture_prompts.quotes_speech(line)
    assert furniture_prompts.prompt(line, "en", closing=True) == "subscribe"


@pytest.mark.parametrize(
    "line, lang",
    [("Here is what people shared most this week 👇", "en"), ("Voici ce qui a circulé 👇🏽", "fr"), ("Смотрите ниже ⬇️", "ru")],
)
def test_a_line_pointing_at_what_follows_is_furniture(line, lang):
    assert furniture_prompts.prompt(line, lang, closing=True) == "call_to_action"
    assert furniture_prompts.prompt(line, lang, closing=False) is None


def test_a_clause_with_a_comma_is_no_related_links_label():
    assert furniture.read_label("Read also: The pier reopens in May", "en") == "Read also"
    assert furniture.read_label("Well, read it again: the pier reopens in May.", "en") is None


def test_a_pictograph_heading_over_a_paragraph_is_a_section_of_the_story():
    assert furniture.edge_shape("🐟 The fish that walked ashore") == "call_to_action"
    assert furniture.edge_shape("🐟 The fish that walked ashore", heading=True) is None


def test_the_mark_closing_a_press_release():
    assert furniture.edge_shape("###") == "end_mark"
    assert furniture.edge_shape("---") is None


def test_a_sentence_of_a_transcript_turn_inviting_the_viewers():
    text = (f"{RUSSIAN}\n\nВЕДУЩИЙ: {RUSSIAN}\n\nВЕДУЩИЙ: Присылайте нам свои снимки шторма, лучшие покажем в эфире. "
            f"А теперь о погоде на выходные, которая обещает быть тёплой и солнечной во всём регионе.")
    assert _found(text, "boilerplate") == [("ВЕДУЩИЙ: Присылайте нам свои снимки шторма, лучшие покажем в эфире.", "reader_prompt")]


def test_an_agency_tag_after_an_editor_and_a_desk():
    assert _found(f"{ENGLISH}\n\nxy-ab/Reuters", "credit_line") == [("xy-ab/Reuters", "agency_tag")]


def test_a_weak_cue_before_an_agency_edition():
    text = f"{ENGLISH}\n\nRedação Central, com Reuters Brasil"
    assert _found(text, "credit_line") == [("com Reuters Brasil", "source_line")]
    assert _found(f"{ENGLISH}\n\nRedação Central, com Pedro Alves", "credit_line") == []


def test_a_german_prompt_is_no_headline_in_title_case():
    assert furniture_prompts.prompt("Folgen Sie Hafen Aktuell auf Instagram", "de", closing=True) == "subscribe"
    assert furniture_prompts.prompt("Follow Harbour Desk News On Instagram Today", "en", closing=True) is None


@pytest.mark.parametrize(
    "line, lang",
    [("À propos du Syndicat des Ports", "fr"), ("Sobre Cooperativa Agrícola del Valle Alto", "es"),
     ("A proposito della Cooperativa Porto Nuovo", "it")],
)
def test_about_the_issuer_with_a_contraction_or_a_long_name(line, lang):
    assert furniture.about_heading(line, lang)


def test_a_translation_note_in_another_form_of_the_translation_word():
    assert furniture_credit.translation_note("Artykuł przetłumaczony maszynowo z języka czeskiego", "pl")
    assert not furniture_credit.translation_note("Artykuł napisany przez naszą redakcję", "pl")
    found = run(f"{ENGLISH}\n\n(Tekst przetłumaczony automatycznie z języka czeskiego. Źródło: Hafen Nachrichten)").findings
    assert {f.kind for f in found if f.kind in ("boilerplate", "credit_line")} == {"credit_line"}


def test_a_spanish_prompt_to_forward_a_hoax():
    assert furniture_prompts.reader_prompt("¿Te llegó un bulo? Reenvíalo y lo comprobamos.", "es") == "reader_prompt"
    assert furniture_prompts.reader_prompt("Reenvió el mensaje a sus vecinos sin comprobarlo.", "es") is None


@pytest.mark.parametrize(
    "lang, line",
    [
        ("es", "¿Viste algo extraño en el puerto? Cuéntaselo a la redacción: mándanoslo al 611 222 333 y lo miramos."),
        ("es", "Contáctanos en el 611 222 333."),
        ("es", "¿Tienes una pista? Escríbenos."),
        ("it", "Hai visto qualcosa al porto? Segnalaci la notizia al 333 1112223."),
        ("it", "Scriveteci su WhatsApp."),
    ],
)
def test_an_imperative_with_its_pronouns_written_solid_opens_a_prompt(lang, line):
    # "mándanoslo" = "manda" + "nos" + "lo"; the phone number's digit groups are no words
    assert furniture_prompts.reader_prompt(line, lang) == "reader_prompt"


@pytest.mark.parametrize(
    "lang, line",
    [
        ("es", "Mandarlo al juez fue un error, dijo el fiscal del puerto."),
        ("es", "Escuela cerrada por la tormenta: 611 222 333."),
        ("it", "Segnalò la notizia ai carabinieri il giorno dopo."),
    ],
)
def test_prose_opening_on_a_verb_with_pronouns_is_no_prompt(lang, line):
    assert furniture_prompts.reader_prompt(line, lang) is None


@pytest.mark.parametrize(
    "lang, line, label",
    [  # a word of politeness before the prompt verb
        ("en", "Please send us your pictures of the flooded road.", "reader_prompt"),
        ("de", "Bitte schicken Sie uns Ihre Bilder von der Überschwemmung.", "reader_prompt"),
        ("ru", "Пожалуйста, присылайте нам снимки затопленной дороги.", "reader_prompt"),
        ("es", "Por favor, envíanos tus imágenes de la riada.", "reader_prompt"),
        ("it", "Per favore, inviateci le vostre immagini dell'alluvione.", "reader_prompt"),
        ("vi", "Hãy gửi cho chúng tôi hình ảnh con đường bị ngập.", "reader_prompt"),
    ],
)
def test_prompt_after_a_word_of_politeness(lang, line, label):
    assert furniture_prompts.reader_prompt(line, lang) == label


def test_polite_opener_alone_is_no_prompt():
    assert furniture_prompts.unprefixed(["please"], "en") == ["please"]
    assert furniture_prompts.reader_prompt("Please remain calm, the mayor told the crowd.", "en") is None


@pytest.mark.parametrize(
    "lang, line, about",
    [
        ("ru", "О компании «Речные перевозки»", True),  # a quoted name closing the heading
        ("pl", "O spółce „Żegluga Rzeczna”", True),
        ("ru", "О компании «речные перевозки»", False),  # a quotation in small letters names nothing
        ("ru", "О том, что будет дальше", False),
    ],
)
def test_about_heading_with_a_quoted_name(lang, line, about):
    assert furniture.about_heading(line, lang) is about
