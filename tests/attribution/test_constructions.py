"""Constructions of the languages that report (docs/attribution.md): imperfects read by
their lemma, outlets that head a "Name: claim" line, verbs of citing, topic verbs whose
preposition opens what they speak of, and free relatives. Sentences are our own."""

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment
from tests.attribution.util import by_cue, run


def _texts(text: str, lang: str) -> list[tuple[str | None, str, str]]:
    doc = AttributionStage()(Segment()(Document(Article(text), language=lang)))
    return [(text[a.speaker_start : a.speaker_end] if a.speaker_start is not None else None,
             text[a.cue_start : a.cue_end], text[a.content_start : a.content_end]) for a in doc.attributions]


def test_french_imperfect_is_a_cue_by_its_lemma_after_an_object_pronoun():
    _, found = run(["Une voisine me confiait hier qu'elle avait peur la nuit."], "fr")
    said = by_cue(found, "confiait")
    assert said["speaker"] == "Une voisine" and said["content"] == "elle avait peur la nuit"
    _, found = run(["Le gardien racontait que la grille restait ouverte."], "fr")
    assert by_cue(found, "racontait")["speaker"] == "Le gardien"


def test_french_participles_in_ait_still_need_their_auxiliary():
    _, found = run(["Un extrait publié hier montre la façade du musée."], "fr")
    assert found == []


def test_an_outlet_heading_a_headline_speaks():
    text = "Białoruskie radio: rząd zamknie trzy przejścia graniczne na zimę\n07.12.2020\n\nPortal podaje tę informację bez źródła."
    assert ("Białoruskie radio", ":", "rząd zamknie trzy przejścia graniczne na zimę") in _texts(text, "pl")
    text = "RT: в северных районах закроют половину школ\n\nКанал не назвал источник этих сведений."
    assert ("RT", ":", "в северных районах закроют половину школ") in _texts(text, "ru")


def test_a_place_or_topic_heading_a_headline_does_not():
    text = "Lyon : la piscine du quartier fermera pendant trois mois\n\nLes travaux commencent lundi."
    assert not any(cue == ":" for _, cue, _ in _texts(text, "fr"))
    text = "Treni: ritardi fino a due ore sulla linea per Bologna\n\nIl guasto riguarda un convoglio merci."
    assert not any(cue == ":" for _, cue, _ in _texts(text, "it"))


def test_verbs_of_citing_report_their_source():
    for lang, sentence, cue, subject in [
        ("es", "El portal cita un informe de la policía local.", "cita", "El portal"),
        ("es", "La emisora, que cita a su vez a un diario ruso, no aporta pruebas.", "cita", "La emisora, que"),
        ("it", "Il blog cita come prova un documento mai pubblicato.", "cita", "Il blog"),
        ("pl", "Gazeta powołuje się na raport straży miejskiej.", "powołuje", "Gazeta"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == subject, (lang, found)


def test_citing_in_polish_needs_its_preposition():
    _, found = run(["Radny, na którego powołuje się dziennik, przekazał, że rozmowy trwają."], "pl")
    assert [a["cue"] for a in found] == ["przekazał"]
    _, found = run(["Premier powołał nowego ministra zdrowia."], "pl")
    assert found == []


def test_a_topic_verb_keeps_its_subject_before_it():
    _, found = run(["Die Feuerwehr spricht von einem technischen Defekt."], "de")
    said = by_cue(found, "spricht")
    assert said["speaker"] == "Die Feuerwehr" and said["content"] == "von einem technischen Defekt"
    _, found = run(["Der Bürgermeister sprach lange mit den Anwohnern."], "de")
    assert found == []


def test_a_german_free_relative_names_nobody():
    _, found = run(["Wer jetzt noch von einem Zufall spricht, irrt sich gewaltig."], "de")
    assert found == []


def test_a_negative_subject_says_nothing():
    for lang, sentence in [
        ("es", "Sin embargo, ninguna de las dos embajadas ha confirmado la existencia de la carta."),
        ("en", "Neither the mayor nor her deputy mentioned the budget."),
        ("en", "Nobody confirmed the figures on Monday."),
        ("pt", "Nenhuma das empresas confirmou o acordo."),
    ]:
        _, found = run([sentence], lang)
        assert found == [], (lang, found)
    _, found = run(["The mayor confirmed the figures on Monday."], "en")
    assert [a["cue"] for a in found] == ["confirmed"]


def test_a_finite_verb_before_por_or_par_is_active():
    for lang, sentence, cue, subject in [
        ("es", "El ministro dijo por su parte que no habrá cambios.", "dijo", "El ministro"),
        ("es", "La alcaldesa aseguró por teléfono que el puente cerrará.", "aseguró", "La alcaldesa"),
        ("fr", "La mairie précise par ailleurs que le pont fermera.", "précise", "La mairie"),
        ("pt", "O ministro disse por sua vez que não haverá mudanças.", "disse", "O ministro"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["speaker"] == subject, (lang, found)
    _, found = run(["The bridge will close, as reported by the Daily Star."], "en")
    assert by_cue(found, "reported")["speaker"] == "the Daily Star"


def test_no_inverted_subject_opens_with_a_complementizer():
    _, found = run(["Le message, signé « un ami », raconte qu'en 1920 un incendie a détruit la ferme."], "fr")
    said = by_cue(found, "raconte")
    assert said["content"] == "en 1920 un incendie a détruit la ferme"
    assert said["speaker"] is None or said["speaker"].startswith("Le message")


def test_a_german_subject_keeps_its_genitive():
    for sentence, subject in [
        ("Ein Sprecher der Stadt sagte, die Brücke bleibe gesperrt.", "Ein Sprecher der Stadt"),
        ("Die Sprecherin der Polizei bestätigte, dass niemand verletzt wurde.", "Die Sprecherin der Polizei"),
    ]:
        _, found = run([sentence], "de")
        assert found[0]["speaker"] == subject, found


def test_a_clause_inside_a_report_is_not_the_content_of_its_own_verb():
    _, found = run(["Fuentes de la investigación señalaron a este diario que el detenido confesó."], "es")
    assert [a["cue"] for a in found] == ["señalaron"]


def test_a_relative_clause_on_a_prepositions_object_is_skipped():
    _, found = run(["Segundo o jornal, que cita uma rádio local, o ministro disse que a ponte vai fechar."], "pt")
    assert by_cue(found, "Segundo")["content"] == "o ministro disse que a ponte vai fechar"
    cited = by_cue(found, "cita")  # the one cited says it too (relays.py)
    assert (cited["speaker"], cited["content"]) == ("uma rádio local", "o ministro disse que a ponte vai fechar")
    assert by_cue(found, "disse")["content"] == "a ponte vai fechar"


def test_vietnamese_theo_reports_only_opening_its_clause():
    _, found = run(["Giá thuê được tính theo khung giá của tỉnh, từ 1 đến 2 triệu đồng."], "vi")
    assert found == []
    for sentence in ["Cũng theo ông An, cây cầu sẽ đóng cửa.", "Cây cầu sẽ đóng cửa, theo ông An."]:
        _, found = run([sentence], "vi")
        assert by_cue(found, "theo")["speaker"] == "ông An", found


def test_a_quotation_after_a_reported_clause_is_a_report_of_its_own():
    for lang, sentence, cue, clause, quote in [
        ("it", 'La sindaca ha spiegato che la giunta trova posti letto per tutti: "Nessuno dormirà in strada".',
         "ha spiegato", "la giunta trova posti letto per tutti", "Nessuno dormirà in strada"),
        ("ru", "Фельдшер Анна Петрова сомневается, что этого хватит: «Инсулин не ждёт неделю».",
         "сомневается", "этого хватит", "Инсулин не ждёт неделю"),
    ]:
        _, found = run([sentence], lang)
        said, quoted = by_cue(found, cue), by_cue(found, ":")
        assert said["content"] == clause and quoted["content"] == quote, (lang, found)
        assert said["speaker"] == quoted["speaker"] and quoted["direct"]


def test_the_subject_inside_an_inverted_separable_verb():
    for sentence, subject in [
        ("Die Reise sei nicht genehmigt worden, stellte die Pressestelle auf Anfrage klar.", "die Pressestelle"),
        ("Die Brücke bleibt gesperrt, gab die Stadt am Montag bekannt.", "die Stadt"),
    ]:
        _, found = run([sentence], "de")
        assert found[0]["speaker"] == subject and found[0]["content"] == sentence.split(",")[0], found


def test_periphrastic_verbs_of_making_known():
    for lang, sentence, cue in [
        ("es", "El ministerio hizo saber que el puente cerrará.", "hizo saber"),
        ("pt", "O ministério deu a conhecer que a ponte vai fechar.", "deu a conhecer"),
        ("pt", "O ministério fez saber que a ponte vai fechar.", "fez saber"),
    ]:
        _, found = run([sentence], lang)
        assert by_cue(found, cue)["content"].startswith("a ponte" if lang == "pt" else "el puente"), found


def test_an_impersonal_report_names_its_source_after_aus():
    _, found = run(["Man prüfe den Fall noch, hieß es aus der Behörde."], "de")
    said = by_cue(found, "hieß es")
    assert said["speaker"] == "der Behörde" and said["content"] == "Man prüfe den Fall noch"
    _, found = run(["In dem Bericht heißt es, die Brücke sei marode."], "de")
    assert [a["cue"] for a in found] == ["heißt es"] and found[0]["speaker"] == "dem Bericht"


def test_a_reporting_clause_split_from_its_quotation_reads_it():
    for lang, text, cue in [
        ("pl", "„Nikt o tym nie pomyślał. Co teraz?” – mówi jedna z matek.", "mówi"),
        ("ru", "«Кто об этом подумал? Что теперь?» — спрашивает одна из матерей.", "спрашивает"),
        ("fr", "« Personne n'y a pensé. Et maintenant ? » demande une mère.", "demande"),
    ]:
        found = _texts(text, lang)
        said = next(f for f in found if f[1] == cue)
        assert said[2] == text[1 : text.index("?") + 1].strip() or said[2].endswith("?"), (lang, found)
        assert said[0] is not None and said[0].split()[0] in ("jedna", "одна", "une"), (lang, found)


def test_a_verb_of_naming_reports_only_a_quotation():
    _, found = run(['Um porta-voz do governo classificou as acusações de "absurdas".'], "pt")
    assert by_cue(found, "classificou")["speaker"] == "Um porta-voz do governo"
    _, found = run(["O bairro velho já é classificado como zona de risco."], "pt")
    assert found == []
