"""A speaker that describes an outlet or an institution named before ("the portal", "la
agencia", "издание", "Spółka") stands for the latest one of that kind, never for a
person; "the agency Reuters" is a name, not a description. Sentences are our own."""

from claimscope.stages.attribution.entities import EntityResolver
from claimscope.stages.attribution.kinds import body_kind, description_kind
from claimscope.stages.attribution.tables import load_table
from tests.attribution.util import run


def test_a_noun_tells_its_kind_by_its_lemma():
    assert body_kind("portalu", "pl") == "site"
    assert body_kind("spółki", "pl") == "company"
    assert body_kind("агентства", "ru") == "agency"
    assert body_kind("Blatt", "de") == "newspaper"
    assert body_kind("minister", "pl") is None


def test_a_description_has_no_name_of_its_own():
    en, ru, vi = load_table("en"), load_table("ru"), load_table("vi")
    assert description_kind(["portal"], en) == "site"
    assert description_kind(["state", "news", "agency"], en) == "agency"
    assert description_kind(["этот", "портал"], ru) == "site"
    assert description_kind(["tờ", "báo", "này"], vi) == "newspaper"
    assert description_kind(["agency", "Reuters"], en) is None  # a name
    assert description_kind(["Reuters", "agency"], en) is None
    assert description_kind(["собеседник", "портала"], ru) is None  # the portal's source, a person


def test_an_outlet_noun_stands_for_the_latest_outlet_of_its_kind():
    resolver = EntityResolver(load_table("en"))
    resolver.resolve("the local site Glenview Herald")
    resolver.resolve("the newspaper Harbour Post")
    resolver.resolve("Mayor Ann Doyle")
    assert resolver.resolve("The portal").entity == "Glenview Herald"  # a site, not the newspaper
    assert resolver.resolve("the paper").entity == "Harbour Post"
    assert resolver.resolve("the outlet").entity == "Harbour Post"  # any outlet: the latest


def test_an_institution_noun_never_stands_for_a_person():
    resolver = EntityResolver(load_table("pl"))
    resolver.resolve("Wodmar-Serwis")
    resolver.resolve("rzeczniczka policji Ewa Lis")
    assert resolver.resolve("Spółka").entity == "Wodmar-Serwis"
    resolver = EntityResolver(load_table("it"))
    resolver.resolve("la cooperativa Mare Aperto")
    resolver.resolve("il sindaco Carlo Neri")
    assert resolver.resolve("questa cooperativa").entity == "Mare Aperto"


def test_descriptions_in_running_text():
    cases = [
        ("en", ["The local portal Glenview Herald reported the closure on Monday.",
                "Councillor Ann Doyle said the decision was rushed.",
                "The site added that the school would reopen in May."], "added", "Glenview Herald"),
        ("es", ["La agencia Noticias del Sur informó del incendio el martes.",
                "El alcalde Juan Gil dijo que no hubo heridos.",
                "La agencia añadió que el fuego ya está controlado."], "añadió", "Noticias del Sur"),
        ("ru", ["Вчера портал Urban-Info сообщил о закрытии завода.",
                "Мэр Олег Орлов заявил, что рабочих переведут.",
                "Издание пишет, что переговоры продолжатся."], "пишет", "Urban-Info"),
        ("pl", ["W poniedziałek firma Wodmar-Serwis poinformowała o awarii sieci.",
                "Burmistrz Jan Nowak powiedział, że naprawa potrwa dwa dni.",
                "Spółka zapewnia, że woda będzie dostępna w beczkowozach."], "zapewnia", "Wodmar-Serwis"),
    ]
    for lang, sentences, cue, entity in cases:
        _, found = run(sentences, lang)
        a = [a for a in found if a["cue"] == cue]
        assert a and a[-1]["entity"] == entity, (lang, found)


def test_a_description_followed_by_a_name_is_that_name():
    _, found = run(["The agency Reuters said the talks had stalled.",
                    "Minister Eva Lind said she was still hopeful."], "en")
    assert [a["entity"] for a in found] == ["Reuters", "Eva Lind"]


def test_a_site_noun_stands_for_the_domain_name_written_since():
    _, found = run(["Il portale Notizie Alpine ha scritto che il ponte chiuderà.",
                    "Secondo valledoro.it, la ditta ha già firmato il contratto.",
                    "Il sito aggiunge che i lavori dureranno un mese."], "it")
    assert [a["entity"] for a in found if a["cue"] in ("Secondo", "aggiunge")] == ["valledoro.it", "valledoro.it"], found
    resolver = EntityResolver(load_table("en"))
    resolver.resolve("Mayor Ann Doyle")
    assert resolver.resolve("harbourwatch.net").entity == "harbourwatch.net"  # a name, not "the last speaker"


def test_an_outlet_noun_stands_for_a_registered_outlet_named_since():
    _, found = run(["Завод закроют в следующем месяце, следует из материала на сайте ТАСС.",
                    "Мэр Олег Орлов заявил, что рабочих переведут.",
                    "Агентство пишет, что переговоры продолжаются."], "ru")  # capitalised, opening its sentence
    assert [a["entity"] for a in found if a["cue"] == "пишет"] == ["ТАСС"], found
    _, found = run(["The plant will close next month, according to a report carried by Interfax.",
                    "Mayor Tom Hale said workers would be moved.",
                    "The agency added that talks were continuing."], "en")
    assert [a["entity"] for a in found if a["cue"] == "added"] == ["Interfax"], found


def test_a_name_after_a_verb_is_not_the_nouns():
    _, found = run(["Kanał Dobre Wieści podał, że most zostanie zamknięty.",
                    "Kanał twierdzi, że Polska nie zapłaci za remont.",
                    "Kanał dodaje, że prace potrwają miesiąc."], "pl")
    assert [a["entity"] for a in found if a["cue"] == "dodaje"] == ["Dobre Wieści"], found
