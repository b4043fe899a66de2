"""Generated news-like articles for benchmarks (our own templates and word lists).

Deterministic for a given seed. Articles mix the traits the pipeline looks for:
datelines, quotes, attributions, a caption left in another language, a credit line
and a "related" line, so every stage does real work.
"""

from __future__ import annotations

import random

TEMPLATES = {
    "fr": [
        "Le {org} a annoncé {day} que {n} {thing} avaient été livrés à la région.",
        "Selon {outlet}, le {org} prépare un nouveau plan pour les {n} prochains mois.",
        "« Nous ne laisserons pas faire », a déclaré un porte-parole du {org}.",
        "Les chiffres publiés {day} montrent une hausse de {n} % par rapport à l'an dernier.",
        "D'après des sources proches du dossier, la décision serait prise avant la fin du mois.",
    ],
    "en": [
        "The {org} said {day} that {n} {thing} had been delivered to the region.",
        "According to {outlet}, the {org} is drafting a new plan for the next {n} months.",
        '"We will not allow this," a spokesperson for the {org} said.',
        "Figures released {day} show an increase of {n} percent compared with last year.",
        "Officials familiar with the matter said a decision would come before the end of the month.",
    ],
    "es": [
        "El {org} anunció {day} que {n} {thing} habían sido entregados a la región.",
        "Según {outlet}, el {org} prepara un nuevo plan para los próximos {n} meses.",
        "«No lo permitiremos», afirmó un portavoz del {org}.",
        "Las cifras publicadas {day} muestran un aumento del {n} % respecto al año pasado.",
    ],
    "de": [
        "Das {org} teilte {day} mit, dass {n} {thing} in die Region geliefert worden seien.",
        "Laut {outlet} arbeitet das {org} an einem neuen Plan für die nächsten {n} Monate.",
        "„Wir werden das nicht zulassen“, sagte ein Sprecher des {org}.",
        "Die {day} veröffentlichten Zahlen zeigen einen Anstieg um {n} Prozent.",
    ],
    "ru": [
        "{org} заявило {day}, что в регион доставлено {n} {thing}.",
        "По словам {outlet}, {org} готовит новый план на ближайшие {n} месяцев.",
        "«Мы этого не допустим», — заявил представитель {org}.",
        "Опубликованные {day} данные показывают рост на {n} процентов.",
    ],
    "vi": [
        "{org} cho biết {day} rằng {n} {thing} đã được chuyển đến khu vực.",
        "Theo {outlet}, {org} đang chuẩn bị kế hoạch mới cho {n} tháng tới.",
        "“Chúng tôi sẽ không cho phép điều đó”, người phát ngôn của {org} nói.",
        "Số liệu công bố {day} cho thấy mức tăng {n}% so với năm ngoái.",
    ],
}

FILL = {
    "fr": {"org": ["ministère de la Santé", "conseil régional", "syndicat des pilotes"],
           "day": ["lundi", "mardi", "jeudi"], "thing": ["camions", "tonnes de vivres", "vaccins"],
           "outlet": ["l'agence Reuters", "Le Monde", "l'AFP"]},
    "en": {"org": ["health ministry", "regional council", "pilots' union"],
           "day": ["on Monday", "on Tuesday", "on Thursday"], "thing": ["trucks", "tons of food", "vaccines"],
           "outlet": ["Reuters", "the Associated Press", "BBC News"]},
    "es": {"org": ["ministerio de Salud", "consejo regional", "sindicato de pilotos"],
           "day": ["el lunes", "el martes", "el jueves"], "thing": ["camiones", "toneladas de alimentos", "vacunas"],
           "outlet": ["la agencia EFE", "El País", "Reuters"]},
    "de": {"org": ["Gesundheitsministerium", "Regionalamt", "Verkehrsministerium"],
           "day": ["am Montag", "am Dienstag", "am Donnerstag"], "thing": ["Lastwagen", "Tonnen Lebensmittel", "Impfdosen"],
           "outlet": ["der Deutschen Presse-Agentur", "Reuters", "dem Spiegel"]},
    "ru": {"org": ["Министерство здравоохранения", "Областное правительство", "Профсоюз пилотов"],
           "day": ["в понедельник", "во вторник", "в четверг"], "thing": ["грузовиков", "тонн продовольствия", "вакцин"],
           "outlet": ["агентства ТАСС", "Интерфакса", "РИА Новости"]},
    "vi": {"org": ["Bộ Y tế", "Hội đồng khu vực", "Công đoàn phi công"],
           "day": ["hôm thứ Hai", "hôm thứ Ba", "hôm thứ Năm"], "thing": ["xe tải", "tấn lương thực", "liều vắc-xin"],
           "outlet": ["hãng thông tấn TTXVN", "báo Tuổi Trẻ", "Reuters"]},
}

CAPTION = {"vi": "Xe tải chở hàng cứu trợ rời kho hôm 3/4. Ảnh: TTXVN.",
           "en": "Aid trucks leave the depot on April 3. Photo: Reuters."}
DATELINE = "April 3, 2024 10:42"
TAIL = {"fr": "Selon Tintuc-vidu.vn\n\nLIRE AUSSI", "en": "Source: example-news.com\n\nRELATED NEWS",
        "es": "Fuente: noticias-ejemplo.es", "de": "Quelle: beispiel-nachrichten.de",
        "ru": "Источник: primer-novosti.ru", "vi": "Nguồn: Sputnik\n\nTIN LIÊN QUAN"}


def article(lang: str, rng: random.Random, words: int = 600) -> str:
    """One article of about ``words`` words in ``lang``."""
    paragraphs = [_sentence(lang, rng).rstrip("."), DATELINE]
    count = 0
    while count < words:
        para = " ".join(_sentence(lang, rng) for _ in range(rng.randint(2, 4)))
        count += len(para.split())
        paragraphs.append(para)
        if rng.random() < 0.1:
            other = "vi" if lang != "vi" else "en"
            paragraphs.append(CAPTION[other])
    paragraphs.append(TAIL[lang])
    return "\n\n".join(paragraphs) + "\n"


def _sentence(lang: str, rng: random.Random) -> str:
    template = rng.choice(TEMPLATES[lang])
    fill = {key: rng.choice(values) for key, values in FILL[lang].items()}
    return template.format(n=rng.randint(2, 950), **fill)


def corpus(n: int, seed: int = 7, words: int = 600) -> list[str]:
    """``n`` articles, languages in rotation."""
    rng = random.Random(seed)
    langs = sorted(TEMPLATES)
    return [article(langs[i % len(langs)], rng, words) for i in range(n)]
