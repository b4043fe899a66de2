"""Which mention speaks, the one before the cue or the one after it, decided by the
punctuation and clause structure around the cue (own sentences)."""

from __future__ import annotations

from .util import assert_speakers, by_cue, run


def test_a_dash_that_closes_speech_leaves_no_subject_before_it():
    # the speech opened in the sentence before: its words are no subject, they are what is said
    for lang, sentences, cue, content in (
        ("pl", ["– To dobry plan.", "Skończymy przed zimą, która tu przychodzi szybko – mówił, trochę po czesku."],
         "mówił", "Skończymy przed zimą, która tu przychodzi szybko"),
        ("pl", ["– Tak było.", "Nikt nam nie pomógł – mówi, ocierając łzy."], "mówi", "Nikt nam nie pomógł"),
        ("ru", ["— Это хороший план.", "Мы закончим до зимы — сказал он, улыбаясь."], "сказал", "Мы закончим до зимы"),
    ):
        _, found = run(sentences, lang)
        a = by_cue(found, cue)
        assert a["content"] == content, (lang, found)
        assert a["speaker"] is None or a["speaker"] == "он", (lang, found)


def test_a_dash_pair_or_a_report_after_the_verb_keeps_the_subject():
    assert_speakers([
        ("pl", "Anna Lis – sołtyska wsi – mówi, że most jest bezpieczny.", "mówi", "Anna Lis – sołtyska wsi"),
        ("pl", "Burmistrz Jan Wróbel – mówi, że most jest bezpieczny.", "mówi", "Burmistrz Jan Wróbel"),
        ("pl", "– Nie wiem – mówi Ewa Kowal, nauczycielka.", "mówi", "Ewa Kowal"),
    ])


def test_a_predicate_past_a_long_relative_clause_makes_the_subject_follow_the_verb():
    # "X, qui …, <predicate>, a VERB Y": the phrase before is a clause, whatever the aside's length
    assert_speakers([
        ("fr", "Le cinéma, qui avait été inondé puis fermé pendant l'hiver le plus pluvieux de la décennie dans "
               "la vallée, rouvrira dans trois semaines, a fait savoir sa gérante.", "a fait savoir", "sa gérante"),
        ("es", "La piscina municipal, que fue construida en los años setenta por el antiguo ayuntamiento de la "
               "ciudad costera, abrirá en junio, explicó la concejala.", "explicó", "la concejala"),
        ("it", "Il ponte, che era stato chiuso a marzo dopo le piogge più forti degli ultimi anni in tutta la "
               "provincia, riaprirà lunedì, ha annunciato il sindaco.", "ha annunciato", "il sindaco"),
    ])


def test_an_apposition_with_a_relative_clause_stays_the_subject():
    assert_speakers([
        ("fr", "Le maire, qui a été élu en mars après une longue campagne contre son rival de toujours dans "
               "la ville, a annoncé la fermeture du pont.", "a annoncé",
         "Le maire, qui a été élu en mars après une longue campagne contre son rival de toujours dans la ville"),
    ])


def test_the_one_cited_in_quotation_marks_speaks_the_outer_content():
    assert_speakers([
        ("fr", "D'après le blog, qui cite « un gardien du parc ayant requis l'anonymat », les cygnes ont été "
               "déplacés.", "cite", "un gardien du parc ayant requis l'anonymat", "les cygnes ont été déplacés"),
        ("es", "Según el diario, que cita a «fuentes del ministerio», el tren no volverá hasta mayo.", "cita",
         "fuentes del ministerio", "el tren no volverá hasta mayo"),
    ])


def test_a_relative_of_citing_after_a_complement_of_the_speaker_relays():
    # "la cadena X en Español, que cita a Y": the relative clause is on the channel, past its complement
    for lang, sentences, speaker in (
        ("es", ["El puerto cerrará en agosto.",
                "Así lo publicó el lunes la cadena Mar TV en Galicia, que a su vez cita a la agencia Nortia."],
         "la agencia Nortia"),
        ("it", ["Il porto chiuderà ad agosto.", "Lo ha riferito lunedì la rete Mare TV in Sardegna, che cita l'agenzia "
                "Nortia."], "l'agenzia Nortia"),
    ):
        _, found = run(sentences, lang)
        assert by_cue(found, "cita")["speaker"] == speaker, (lang, found)


def test_a_reporting_aside_after_a_coordinator_reports_the_clause_that_resumes():
    # "… but, VERB, <clause>": the clause the coordinator opens is what is said, and a dropped
    # subject is the sentence's
    for lang, sentence, cue, speaker, content in (
        ("it", "I tecnici del comune hanno ricevuto decine di chiamate ma, riferiscono, nessuna segnalazione di "
               "danni.", "riferiscono", "I tecnici del comune", "nessuna segnalazione di danni"),
        ("fr", "Les pompiers ont reçu des dizaines d'appels mais, précisent-ils, aucun signalement de dégâts.",
         "précisent-ils", "ils", "aucun signalement de dégâts"),
        ("en", "The council received dozens of calls but, officials said, no reports of damage.", "said",
         "officials", "no reports of damage"),
    ):
        _, found = run([sentence], lang)
        a = by_cue(found, cue)
        assert (a["speaker"], a["content"]) == (speaker, content), (lang, found)
