"""The packaged outlet registry: size, languages, and every entry resolvable."""

from __future__ import annotations

import pytest

from claimscope.outlets import default_registry, find_mentions, resolve_name
from claimscope.outlets.mentions import default_finder

REGISTRY = default_registry()


def test_registry_size_and_languages():
    assert len(REGISTRY) >= 150
    languages = {lang for o in REGISTRY.outlets for lang in o.languages()}
    assert len(languages) >= 8
    scripts = {"Спутник", "hãng thông tấn Sputnik", "agence de presse Sputnik", "卫星通讯社", "سبوتنيك"}
    assert all(resolve_name(name).id == "sputnik" for name in scripts)


@pytest.mark.parametrize("outlet", REGISTRY.outlets, ids=lambda o: o.id)
def test_every_outlet_resolves_from_an_alias(outlet):
    resolved = [name for name in outlet.names() if resolve_name(name) is outlet]
    assert resolved, f"no alias of {outlet.id} resolves to it"
    for domain in outlet.domains:
        assert REGISTRY.by_domain(domain) is outlet


@pytest.mark.parametrize("outlet", REGISTRY.outlets, ids=lambda o: o.id)
def test_context_aliases_need_context(outlet):
    for alias in outlet.context_aliases:
        bare = f"Le texte dit {alias} ici."
        assert not [m for m in find_mentions(bare) if m.outlet is outlet]
        assert [m.outlet for m in find_mentions(f"Texte ({alias}) ici.")] == [outlet]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selon l'agence de presse Sputnik, le ministère a publié", ["sputnik"]),
        ("Theo hãng thông tấn Sputnik, Bộ Quốc phòng Nga", ["sputnik"]),
        ("по данным ТАСС и РИА Новости", ["tass", "ria_novosti"]),
        ("据新华社报道，", ["xinhua"]),
        ("MOSCOW (AP) — Officials said", ["ap"]),
        ("The AP style guide", []),
        ("le monde entier regarde", []),
        ("Le Monde et The New York Times ont publié", ["lemonde", "nyt"]),
        ("Thong tan xa Viet Nam cho biet", ["vna"]),
        ("CCTV footage showed the car", []),
        ("vu sur https://fr.sputniknews.com/actualite/123", ["sputnik"]),
        ("selon la BBC et Deutsche Welle", ["bbc", "dw"]),
    ],
)
def test_mentions_in_text(text, expected):
    assert [m.outlet.id for m in find_mentions(text) if m.outlet] == expected


def test_unknown_domains_are_reported_not_guessed():
    text = "Selon Kienthuc.net.vn. Voir aussi example-news.co.uk et e.g. la fin.Il"
    found = find_mentions(text)
    assert [(text[m.start:m.end], m.domain, m.outlet) for m in found] == [
        ("Kienthuc.net.vn", "kienthuc.net.vn", None),
        ("example-news.co.uk", "example-news.co.uk", None),
    ]


def test_subdomains_resolve_to_the_most_specific_entry():
    assert REGISTRY.by_domain("https://www.bbc.co.uk/news/x").id == "bbc"
    assert REGISTRY.by_domain("factuel.afp.com").id == "afp_factcheck"
    assert REGISTRY.by_domain("www.afp.com").id == "afp"
    assert REGISTRY.by_domain("sputnik.example.org") is None


def test_longest_alias_wins():
    text = "AFP Fact Check a vérifié"
    assert [m.outlet.id for m in default_finder().find(text)] == ["afp_factcheck"]


def _inflecting():
    from claimscope.stages.sourcing import inflecting_finder

    return inflecting_finder()


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("ru", "Сюжет показал корреспондент Первого канала, его повторил обозреватель Московского комсомольца.",
         ["channel_one_ru", "mk_ru"]),
        ("ru", "В Новой газете вышла заметка о ремонте моста.", ["novaya_gazeta"]),
        ("ru", "Новых газет в киоске не было.", []),  # lower-case and plural words, no name
        ("pl", "Dziennikarz Gazety Wyborczej pytał o to Polskiej Agencji Prasowej.", ["wyborcza", "pap"]),
        ("de", "Nach Recherchen des Spiegels und der Frankfurter Allgemeinen Zeitung ist die Brücke gesperrt.",
         ["spiegel", "faz"]),
        ("de", "Sie stand vor dem Spiegel und las vom Ende des Ersten Weltkriegs.", []),  # a noun, not a name
        # a transliterated name the lemmatiser does not know, with another ending
        ("de", "Ein Reporter des Moskauer Komsomolzen sprach mit dem Bürgermeister.", ["mk_ru"]),
        ("de", "Die Moskauer Komsomolzenschule bleibt geschlossen.", []),  # more than two letters longer
    ],
)
def test_names_in_another_inflection(lang, text, expected):
    found = _inflecting().find(text, lang=lang)
    assert [m.outlet.id for m in found if m.outlet] == expected


def test_inflection_needs_the_language_and_a_credit_context_for_one_word():
    assert not find_mentions("корреспондент Первого канала")  # no lemmatiser, exact names only
    finder = _inflecting()
    assert not finder.find("Репортаж Спутника и РИА", lang="ru")  # one word or ambiguous: no context, no name
    credit = "по сведениям Интерфакса, мост закрыт"
    assert [m.outlet.id for m in finder.find(credit, [(0, len(credit))], lang="ru")] == ["interfax"]
    channel = "пост канала «Интерфакса Плюс»"  # a longer name of its own
    assert not finder.find(channel, [(0, len(channel))], lang="ru")
    for lang, text, expected in [("pl", "jak napisano w Rzeczpospolitej, most zamknięto", ["rzeczpospolita"]),
                                 ("pl", "prezydent Rzeczpospolitej Polskiej podpisał ustawę", []),
                                 ("ru", "Звезду повесили на ёлку", [])]:  # a sentence's first word
        assert [m.outlet.id for m in finder.find(text, [(0, len(text))], lang=lang)] == expected
