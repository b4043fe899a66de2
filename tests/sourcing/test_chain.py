"""The chain builder on hand-built documents (no attribution model needed)."""

from __future__ import annotations

import re

from claimscope.model import Article, Attribution, Document, Finding, Meta, Sentence
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.triage import Triage

STAGE = Sourcing()


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make(text: str, attributions=(), findings=(), lang="en") -> Document:
    """A document with naive sentences and attributions given as (speaker, cue, content, anonymous)."""
    sentences = tuple(Sentence(m.start(), m.end(), 0, lang) for m in re.finditer(r"[^.\n]+\.?", text))
    built = []
    for speaker, cue, content, anonymous in attributions:
        s = _span(text, speaker) if speaker else (None, None)
        built.append(Attribution(*_span(text, cue), *s, *_span(text, content), direct=False,
                                 anonymous=anonymous, speaker_entity=None if anonymous else speaker,
                                 nested_in=None, stage="test@1"))
    found = tuple(Finding(kind, *_span(text, part), "test", "test@1", label=label, value=value)
                  for kind, part, label, value in findings)
    return Document(Article(text), language=lang, sentences=sentences, attributions=tuple(built), findings=found)


def chain_of(doc: Document):
    (chain,) = STAGE(doc).sourcing
    return [h.outlet_id or h.name for h in chain.hops], chain.independent_sources, {f.kind for f in chain.flags}


def test_two_outlets_relaying_one_agency_are_one_source():
    text = "Le Monde and Le Figaro, citing AFP, reported that the dam collapsed on Monday."
    hops, independent, flags = chain_of(make(text))
    assert hops == ["this article", "lemonde", "afp"]
    assert independent == 1 and "single_source" in flags


def test_circular_sourcing():
    text = "RT reported, citing Al-Masdar News, which in turn cited RT, that the convoy was hit."
    hops, _, flags = chain_of(make(text))
    assert hops == ["this article", "rt", "almasdar", "rt"]
    assert "circular_sourcing" in flags


def test_two_speakers_are_two_sources():
    text = "Mayor Ana Ruiz said the bridge was closed. Police chief Tom Hale said the bridge was closed too."
    doc = make(text, [("Mayor Ana Ruiz", "said", "the bridge was closed", False),
                      ("Police chief Tom Hale", "said the bridge", "the bridge was closed too", False)])
    hops, independent, flags = chain_of(doc)
    assert independent == 2 and "single_source" not in flags and hops[0] == "this article"


def test_anonymous_source_through_an_agency():
    text = "According to Reuters, a senior official said the talks had failed."
    doc = make(text, [("Reuters", "According to", "a senior official said the talks had failed", False),
                      ("a senior official", "said", "the talks had failed", True)])
    hops, independent, flags = chain_of(doc)
    assert hops == ["this article", "reuters", "a senior official"]
    assert independent == 1 and {"anonymous_source", "single_source"} <= flags


def test_an_unknown_domain_credited_and_the_unknown_outlet_the_claim_names_are_one_outlet():
    text = "The newspaper Dziennik Fakty said the minister resigned.\nSource: example-news.pl"
    doc = make(text, [("The newspaper Dziennik Fakty", "said", "the minister resigned", False)],
               [("credit_line", "Source: example-news.pl", "source_line", "example-news.pl")])
    hops, independent, _ = chain_of(doc)
    assert hops == ["this article", "Dziennik Fakty"]  # the text names the outlet twice: by domain and by name
    assert independent == 1


def test_translation_findings_become_flags():
    text = "Theo TASS, Bộ Quốc phòng Nga cho biết. Đây là câu bị lỗi dịch."
    doc = make(text, [("TASS", "Theo", "Bộ Quốc phòng Nga cho biết", False)],
               [("garbled_sentence", "Đây là câu bị lỗi dịch.", "fused_words", None),
                ("untranslated_fragment", "Đây là", None, None)], lang="vi")
    _, _, flags = chain_of(doc)
    assert {"machine_translation_artifact", "untranslated_fragment", "state_media_origin"} <= flags


def test_document_without_sources():
    doc = Triage()(STAGE(make("It rained.")))
    (chain,) = doc.sourcing
    assert [h.kind for h in chain.hops] == ["article"] and chain.independent_sources == 1  # the article itself
    assert "single_source" in {f.kind for f in chain.flags}
    assert doc.triage and "no source named" in doc.triage[0]


def test_article_citing_its_own_outlet_upstream_is_circular():
    text = "Al-Masdar News, citing RT, said the airbase was hit."
    doc = make(text)
    doc = doc.evolve(article=Article(text, Meta(url="https://www.rt.com/news/123")))
    (chain,) = STAGE(doc).sourcing
    assert chain.hops[0].outlet_id == "rt"
    assert [h.outlet_id for h in chain.hops[1:]] == ["almasdar", "rt"]
    assert "circular_sourcing" in {f.kind for f in chain.flags}


def test_source_line_is_outside_the_agency_dateline():
    text = "PARIS (AFP) — The museum reopened, its director said.\nSource: example-news.fr"
    doc = make(text, [("its director", "said", "The museum reopened", False)],
               [("credit_line", "PARIS (AFP) —", "dateline", "AFP"),
                ("credit_line", "Source: example-news.fr", "source_line", "example-news.fr")])
    hops, independent, _ = chain_of(doc)
    assert hops == ["this article", "example-news.fr", "afp", "its director"]
    assert independent == 1


def test_relay_of_an_outlet_and_a_document_ends_on_the_body_behind_the_document():
    text = ("The ferry was turned back at the border, the portal Harbour Herald reported, citing the agency "
            "Coastline Wire and a statement of the Port Authority of Velmar.")
    doc = make(text, [("the portal Harbour Herald", "reported", "The ferry was turned back at the border", False)])
    hops, independent, _ = chain_of(doc)
    assert hops == ["this article", "Harbour Herald", "Coastline Wire", "Port Authority of Velmar"]
    assert independent == 1


def test_unnamed_speaker_after_its_cue_is_named_a_few_words_on():
    text = "Twelve people were hurt in the fire, according to what was announced tonight by the Fire Brigade of Ostrava."
    doc = make(text, [("what was announced", "according to", "Twelve people were hurt in the fire", False)])
    hops, _, _ = chain_of(doc)
    assert hops == ["this article", "Fire Brigade of Ostrava"]


def test_named_speaker_crediting_another_who_credits_it_back_is_circular():
    text = ("Redline Bulletin says the mayor sold the harbour land in secret. Redline Bulletin credits the scoop to "
            "Hollow Post, which printed the papers. But Hollow Post says they were forwarded by Redline Bulletin.")
    doc = make(text, [("Redline Bulletin", "says", "the mayor sold the harbour land in secret", False)])
    hops, _, flags = chain_of(doc)
    assert hops == ["this article", "Redline Bulletin", "Hollow Post", "Redline Bulletin"]
    assert "circular_sourcing" in flags


def test_transcript_guest_line_is_the_source_and_presenter_lines_are_not():
    text = ("HOST MIRA OKAFOR: Tonight we talk about the new bridge toll.\n"
            "PETER VANCE (engineer): The toll will double next spring for every lorry crossing the river.\n"
            "OKAFOR: Thank you.")
    doc = make(text, [("OKAFOR", ":", "Thank you", False)])
    hops, _, _ = chain_of(doc)
    assert hops == ["this article", "PETER VANCE"]


def test_hop_name_drops_leading_determiners_and_an_unclosed_bracket():
    from claimscope.stages.sourcing.names import bare_name

    assert bare_name("Il Consorzio Idrico", "it") == "Consorzio Idrico"
    assert bare_name("Institute of Tides (IOT", "en") == "Institute of Tides"
    assert bare_name("Institute of Tides (IOT)", "en") == "Institute of Tides (IOT)"


def test_claim_nobody_is_credited_with_rests_on_the_byline_author():
    text = ("Toll roads are a tax on the poor\nBy Hanna Meyer | Weekly Ledger\n\n"
            "The new toll has cost every commuter in the valley three hundred euros this year.")
    hops, independent, _ = chain_of(make(text))
    assert hops == ["this article", "Hanna Meyer"]
    assert independent == 1


def test_a_relay_by_reference_in_german():
    text = ("Der Stausee wird im Herbst abgelassen, berichtet das Portal Talbote. Wie das Portal unter Verweis auf "
            "eine Quelle im Wasserverband mitteilt, beginnen die Arbeiten im Oktober.")
    doc = make(text, [("das Portal Talbote", "berichtet", "Der Stausee wird im Herbst abgelassen", False),
                      ("eine Quelle im Wasserverband", "mitteilt", "beginnen die Arbeiten im Oktober", True)],
               lang="de")
    hops, _, flags = chain_of(doc)
    assert hops == ["this article", "Talbote", "Quelle im Wasserverband"]
    assert "anonymous_source" in flags


def test_a_relay_by_provenance_in_spanish():
    text = ("El puente de la carretera vieja se cerrará en marzo, informó el diario Río Claro. Según el diario, "
            "el dato procede del blog Ojo Crítico, que no da más detalles.")
    doc = make(text, [("el diario Río Claro", "informó", "El puente de la carretera vieja se cerrará en marzo",
                       False)], lang="es")
    hops, _, _ = chain_of(doc)
    assert hops == ["this article", "Río Claro", "Ojo Crítico"]


def test_a_byline_word_inside_a_place_name_names_no_author():
    text = ("Nuovo ponte sul fiume\nCOMUNICATO – Borgo di Valle, 2 marzo\n\n"
            "Il nuovo ponte sul fiume Serra sarà aperto al traffico dal primo aprile, dopo due anni di lavori.")
    hops, independent, flags = chain_of(make(text, lang="it"))
    assert hops == ["this article"]  # not "Valle"
    assert independent == 1 and "single_source" in flags  # the article itself


def test_a_body_named_again_by_its_common_noun_takes_its_full_name():
    text = ("Feira muda de lugar\n\nA feira do bairro passa para a praça central a partir de sábado. "
            "A mudança foi decidida pela Secretaria Municipal de Obras na terça-feira.\n\n"
            "Segundo a secretaria, a praça tem cobertura e banheiros.")
    hops, _, _ = chain_of(make(text, [("a secretaria", "Segundo", "a praça tem cobertura e banheiros", False)],
                               lang="pt"))
    assert hops == ["this article", "Secretaria Municipal de Obras"]


def test_relays_through_inflected_outlet_names():
    text = ("Мост через реку Каменку закрыт на ремонт до весны, сообщает газета «Вечерний курьер» "
            "со ссылкой на корреспондента Первого канала.")
    hops, _, flags = chain_of(make(text, lang="ru"))
    assert hops == ["this article", "Вечерний курьер", "channel_one_ru"]
    assert "state_media_origin" in flags
    text = "Most na rzece zamknięto do wiosny, podał portal Kurier Doliny, powołując się na dziennikarzy Gazety Wyborczej."
    assert chain_of(make(text, lang="pl"))[0] == ["this article", "Kurier Doliny", "wyborcza"]
    text = "Die Brücke über den Fluss bleibt gesperrt, berichtet das Portal Talbote unter Berufung auf Recherchen des Spiegels."
    assert chain_of(make(text, lang="de"))[0] == ["this article", "Talbote", "spiegel"]
    text = "Мост через реку Каменку закрыт до весны, сообщает газета «Вечерний курьер» со ссылкой на Звезду."
    hops, _, flags = chain_of(make(text, lang="ru"))
    assert hops == ["this article", "Вечерний курьер", "zvezda"] and "state_media_origin" in flags
    text = "Most na rzece zamknięto do wiosny, podał portal Kurier Doliny, powołując się na Rzeczpospolitą."
    assert chain_of(make(text, lang="pl"))[0] == ["this article", "Kurier Doliny", "rzeczpospolita"]


def test_a_role_noun_relays_for_the_person_it_refers_back_to():
    claim = ("The bridge over the Elm river will stay closed until spring, said Transport Minister Ana Ruiz. ",
             ("Transport Minister Ana Ruiz", "said", "The bridge over the Elm river will stay closed until spring", False))
    later = ("Speaking on Monday, the minister cited a report of the Harbour Office.",
             ("the minister", "cited", "a report of the Harbour Office", False))
    hops, _, _ = chain_of(make(claim[0] + later[0], [claim[1], later[1]]))
    assert hops == ["this article", "Transport Minister Ana Ruiz", "Harbour Office"]
    between = ("Mayor Tom Hale disagreed. ", ("Mayor Tom Hale", "disagreed", "Mayor Tom Hale", False))
    hops, _, _ = chain_of(make(claim[0] + between[0] + later[0], [claim[1], between[1], later[1]]))
    assert hops == ["this article", "Transport Minister Ana Ruiz"]  # "the minister" may be anyone named since


def test_state_agencies_named_by_their_short_names_in_a_relay():
    for tail, outlet in (("со ссылкой на РИА.", "ria_novosti"), ("со ссылкой на Итар-Тасс.", "tass")):
        text = "Паромную переправу закроют до лета, сообщает портал «Речной вестник» " + tail
        hops, _, flags = chain_of(make(text, lang="ru"))
        assert hops == ["this article", "Речной вестник", outlet]
        assert "state_media_origin" in flags


def test_a_person_an_outlet_relays_is_no_outlet_and_ends_the_route():
    text = ("Паромную переправу закроют до лета, сообщает газета «Речной вестник» со ссылкой на "
            "начальника пристани Олега Кравцова.")
    hops, _, _ = chain_of(make(text, lang="ru"))
    assert hops == ["this article", "Речной вестник", "Олега Кравцова"]
    (chain,) = STAGE(make(text, lang="ru")).sourcing
    assert [h.kind for h in chain.hops] == ["article", "outlet", "speaker"]
    text = "The ferry will stop in May, the weekly Harbour Post reported, citing the chronicle of the River Courier."
    (chain,) = STAGE(make(text)).sourcing
    assert [h.kind for h in chain.hops] == ["article", "outlet", "outlet"]


def test_a_credited_outlet_relays_and_loops_back_when_no_sentence_names_a_source():
    text = ("Depuis lundi, les compteurs d'eau du quartier transmettent nos douches à la mairie.\n"
            "Phare Rouge cite comme source un billet du Courrier Rural, lequel renvoie à "
            "une émission de Phare Rouge diffusée en mars.\nSource : Phare Rouge")
    doc = make(text, [("Phare Rouge", "cite", "comme source un billet du Courrier Rural", False)],
               [("credit_line", "Source : Phare Rouge", "source_line", "Phare Rouge")], lang="fr")
    hops, _, flags = chain_of(doc)
    assert hops == ["this article", "Phare Rouge", "Courrier Rural", "Phare Rouge"]
    assert "circular_sourcing" in flags


def test_an_outlet_giving_another_as_its_source_relays_it():
    text = ("Od poniedziałku liczniki wody w dzielnicy wysyłają dane do ratusza.\n"
            "Portal Echo Wschodu jako źródło podaje Kurier Nadbużański.")
    doc = make(text, [("Portal Echo Wschodu", "podaje", "Od poniedziałku liczniki wody w dzielnicy wysyłają dane do ratusza",
                       False)], lang="pl")
    hops, _, _ = chain_of(doc)
    assert hops == ["this article", "Echo Wschodu", "Kurier Nadbużański"]
