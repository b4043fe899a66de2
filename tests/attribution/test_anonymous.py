"""Anonymous speakers by their head noun (``anonymity.py``): unnamed sources, officials,
experts, witnesses, residents, users and media in every language; spokespeople and named
people are not anonymous. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimscope.stages.attribution.anonymity import head_words, indefinite
from claimscope.stages.attribution.entities import EntityResolver
from claimscope.stages.attribution.tables import load_table

from .util import by_cue, run


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("en", "Experts"),
        ("en", "Local residents"),
        ("en", "several users"),
        ("en", "Western diplomats"),
        ("en", "Officials at the port authority"),
        ("fr", "les experts"),
        ("fr", "Des habitants du quartier"),
        ("fr", "Selon les médias"),
        ("de", "Medienberichten"),
        ("de", "Augenzeugen"),
        ("de", "ein Radfahrer aus Freiburg"),
        ("es", "Los vecinos"),
        ("es", "los grandes medios"),
        ("pt", "Moradores do bairro"),
        ("it", "Alcuni utenti"),
        ("it", "gli esperti"),
        ("ru", "Очевидцы"),
        ("ru", "Собеседник агентства"),
        ("pl", "Urzędnik ONZ"),
        ("pl", "Mieszkańcy osiedla"),
        ("vi", "Cư dân mạng"),
        ("vi", "Giới chuyên gia"),
        ("ru", "СМИ"),  # one word in capitals is no transcript label
        ("fr", "De nombreux internautes"),
        ("de", "Anwohner"),  # a plural the same as its singular
        ("de", "Ein Leser aus Bonn, dessen Brief die Redaktion druckte"),  # a relative clause names no one
        ("en", "A passer-by, quoted by the Daily Echo"),  # a body's name in the apposition, not the speaker's
    ],
)
def test_unnamed_role_is_anonymous(lang, mention):
    assert EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("en", "the expert"),  # someone the article may have named before
        ("en", "his parents"),
        ("en", "analyst Maria Lopez"),
        ("en", "A company spokesperson"),  # speaks on record for the company
        ("de", "Eine Sprecherin"),
        ("de", "Experte der Universität"),  # a clipped span, not a bare plural
        ("fr", "Un porte-parole de la mairie"),
        ("es", "PADRE JULIO RAMOS"),  # a transcript's speaker label
        ("pl", "Rzecznik ministerstwa"),
        ("ru", "Эксперт Иван Орлов"),
        ("es", "de prensa la portavoz del club"),  # a spokesperson anywhere in the phrase
        ("en", "the Press Association"),
        ("de", "eine Feuerwehrsprecherin"),  # a compound spokesperson noun
        ("de", "Einer von ihnen, der Stadtrat Jan Becker"),  # named in an apposition
        ("it", "Uno dei residenti, il farmacista Marco Neri"),
    ],
)
def test_named_or_representative_is_not_anonymous(lang, mention):
    assert not EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("en", "the unnamed engineer"),
        ("fr", "Le médecin, qui souhaite rester anonyme"),
        ("es", "El conductor, que pidió no ser nombrado"),
        ("pt", "O motorista, que preferiu ficar anônimo"),
        ("it", "Il tecnico, che vuole restare anonimo"),
        ("de", "der Gesprächspartner des Senders"),
        ("ru", "Неназванный чиновник"),
        ("pl", "Policjant, pragnący zachować anonimowość"),
        ("vi", "Cán bộ không muốn nêu tên"),
    ],
)
def test_withheld_name_constructions(lang, mention):
    assert EntityResolver(load_table(lang)).anonymous(mention)


def test_bare_official_without_article_and_the_dropped_subject_after_it():
    _, found = run(
        [
            "Urzędnik ONZ, na którego powołuje się dziennik, przekazał, że konwój dotarł do miasta.",
            "„Droga była otwarta przez całą noc” – dodał.",
        ],
        "pl",
    )
    assert all(a["anonymous"] for a in found)


def test_media_reports_are_anonymous():
    _, found = run(["Medienberichten zufolge wurde die Brücke gesperrt."], "de")
    assert found and found[0]["anonymous"]


def test_a_description_taking_up_an_anonymous_speaker_is_anonymous():
    _, found = run(["Un employé du port, qui a requis l'anonymat, a dit que le quai était fissuré.",
                    "Le même employé affirme que la direction le savait."], "fr")
    assert by_cue(found, "affirme")["anonymous"]
    _, found = run(["Um guarda, que pediu anonimato, disse que a ponte balança.",
                    "O guarda contou ainda que ninguém fez vistoria."], "pt")
    assert by_cue(found, "contou")["anonymous"]


def test_a_place_in_the_complement_of_an_indefinite_speaker_names_no_one():
    _, found = run(["Um pescador de Aveiro contou que a água ficou escura."], "pt")
    assert by_cue(found, "contou")["anonymous"]
    _, found = run(["Un estudio de la Universidad de Oviedo afirma que el agua es potable."], "es")
    assert not by_cue(found, "afirma")["anonymous"]


def test_authorities_are_anonymous():
    _, found = run(["Les autorités ont rappelé que les générateurs sont dangereux."], "fr")
    assert by_cue(found, "ont rappelé")["anonymous"]


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("pl", "Nasza czytelniczka z Sopotu"),  # the outlet's own unnamed contact
        ("fr", "Une de nos lectrices"),
        ("it", "Una nostra abbonata di Pisa"),
        ("en", "our sources in the ministry"),
        ("ru", "Знакомый врач из Твери"),  # an acquaintance, named by nobody
        ("pl", "Znajomy kierowca z Radomia"),
        ("en", "A nurse I spoke to last week"),  # "I" names nobody
        ("it", "Un'insegnante"),  # the elided article written onto its noun
        ("it", "un'amica di Pisa"),
    ],
)
def test_own_contacts_and_acquaintances_are_anonymous(lang, mention):
    assert EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize(
    "lang, mention",
    [
        ("en", "our congressman"),  # someone on record, no unnamed role
        ("fr", "notre maire"),
        ("ru", "Наш Центробанк"),
        ("pl", "Nasza czytelniczka Anna Kos"),
        ("it", "Un'insegnante Anna Neri"),
    ],
)
def test_own_officials_and_named_contacts_are_not_anonymous(lang, mention):
    assert not EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize(
    "lang, sentences, cue",
    [
        ("en", ["The shop owner said the pipes burst overnight."], "said"),
        ("de", ["Der Busfahrer sagte, die Strecke sei seit Tagen gesperrt."], "sagte"),
        ("it", ["La madre, raggiunta al telefono, ha detto che il figlio sta bene."], "ha detto"),
        ("pl", ["Strażak powiedział, że ogień strawił cały dach."], "powiedział"),
        ("ru", ["Водитель рассказал, что дорогу размыло ночью."], "рассказал"),
        ("pt", ["Motoristas disseram que a ponte ficou fechada."], "disseram"),
        ("vi", ["Người thân cho biết ông đã rời nhà từ sáng."], "cho biết"),
        # a group after a plural definite article, as "les experts"
        ("pt", ["Os médicos afirmam que o remédio é seguro."], "afirmam"),
        ("es", ["Los padres del colegio denuncian que el comedor cerró."], "denuncian"),
        ("fr", ["Les infirmiers de l'hôpital affirment que le service est fermé."], "affirment"),
        ("it", ["I medici del reparto sostengono che mancano i letti."], "sostengono"),
        ("en", ["The nurses at the clinic said the ward was closed."], "said"),
    ],
)
def test_a_person_described_by_what_they_are_and_never_named_is_anonymous(lang, sentences, cue):
    _, found = run(sentences, lang)
    assert by_cue(found, cue)["anonymous"]


@pytest.mark.parametrize(
    "lang, sentences, cue",
    [
        ("en", ["The owner, Ivo Tamm, said the pipes burst overnight."], "said"),  # named in an apposition
        ("en", ["Farmer Ivo Tamm lost his barn.", "The farmer said the storm came at dawn."], "said"),  # named before
        ("fr", ["Le maire a dit que la route restera fermée."], "a dit"),  # a title: a person on record
        # a group the text named before: "the nurses" take up the names
        ("en", ["Nurses Anna Berg and Eva Lind run the ward.", "The nurses said the ward was closed."], "said"),
        ("pt", ["A ONG Médicos do Cerrado visitou a aldeia.", "Os médicos afirmam que a água está contaminada."],
         "afirmam"),
        ("pt", ["A diretoria técnica informou que a obra atrasou."], "informou"),  # a board
        ("it", ["Il proprietario, il pescatore Ugo Neri, ha detto che la barca è sua."], "ha detto"),
    ],
)
def test_a_person_named_somewhere_or_no_person_is_not_anonymous(lang, sentences, cue):
    _, found = run(sentences, lang)
    assert not by_cue(found, cue)["anonymous"]


@pytest.mark.parametrize(
    "lang, sentences, cue",
    [
        ("vi", ["Một tài xế ở bến xe Mỹ Đình, xin giấu tên, nói với tôi rằng giá vé đã tăng gấp đôi.",
                "Ông thừa nhận nhiều xe chạy quá tải."], "thừa nhận"),
        ("en", ["A driver at the Riverside Depot, who asked not to be named, said fares had doubled.",
                "He admitted that many buses run overloaded."], "admitted"),
    ],
)
def test_a_name_inside_an_anonymous_speaker_is_no_antecedent_of_the_next_pronoun(lang, sentences, cue):
    _, found = run(sentences, lang)
    assert by_cue(found, cue)["anonymous"]


@pytest.mark.parametrize(
    "lang, sentence, cue, content",
    [
        ("en", "It is reported that the ferry to the island will stop in winter.", "It is reported",
         "the ferry to the island will stop in winter"),
        ("en", "It is claimed that the old mill was sold for a pound.", "It is claimed",
         "the old mill was sold for a pound"),
        ("ru", "Говорят, что паром на остров зимой ходить не будет.", "Говорят",
         "паром на остров зимой ходить не будет"),
        ("pl", "Mówi się, że prom na wyspę zimą przestanie kursować.", "Mówi się",
         "prom na wyspę zimą przestanie kursować"),
        ("pt", "Há quem diga que o ferry para a ilha vai parar no inverno.", "Há quem diga",
         "o ferry para a ilha vai parar no inverno"),
        ("es", "Hay quien dice que el ferry a la isla dejará de navegar en invierno.", "Hay quien dice",
         "el ferry a la isla dejará de navegar en invierno"),
        ("it", "C'è chi dice che il traghetto per l'isola si fermerà in inverno.", "C'è chi dice",
         "il traghetto per l'isola si fermerà in inverno"),
    ],
)
def test_impersonal_hearsay_constructions_report_with_no_speaker_and_are_anonymous(lang, sentence, cue, content):
    _, found = run([sentence], lang)
    a = by_cue(found, cue)
    assert (a["speaker"], a["content"], a["anonymous"]) == (None, content, True), found


def test_talk_about_a_topic_after_a_reflexive_hearsay_cue_reports_nothing():
    _, found = run(["Na wyspie od zimy mówi się tylko o promie."], "pl")
    assert not found, found


@pytest.mark.parametrize(
    "lang, sentence, cue, speaker",
    [
        ("ru", "Жители деревни говорят, что паром зимой ходить не будет.", "говорят", "Жители деревни"),
        ("ru", "Капитан Олег Смирнов говорит, что паром зимой ходить не будет.", "говорит", "Капитан Олег Смирнов"),
    ],
)
def test_a_hearsay_verb_with_its_own_subject_keeps_it(lang, sentence, cue, speaker):
    _, found = run([sentence], lang)
    assert by_cue(found, cue)["speaker"] == speaker, found


@pytest.mark.parametrize(
    "lang, sentence, cue, speaker",
    [
        ("en", "Someone told the caretaker that the lift would be fixed.", "told", "Someone"),
        ("en", "Others claimed the lift had never worked.", "claimed", "Others"),
        ("fr", "Quelqu'un a affirmé que l'ascenseur serait réparé.", "a affirmé", "Quelqu'un"),
        ("fr", "D'autres affirment que l'ascenseur n'a jamais marché.", "affirment", "D'autres"),
        ("de", "Jemand behauptete, der Aufzug werde repariert.", "behauptete", "Jemand"),
        ("de", "Manche sagen, der Aufzug habe nie funktioniert.", "sagen", "Manche"),
        ("ru", "Кто-то утверждает, что лифт починят.", "утверждает", "Кто-то"),
        ("ru", "Некоторые говорят, что лифт никогда не работал.", "говорят", "Некоторые"),
        ("pl", "Ktoś twierdzi, że winda zostanie naprawiona.", "twierdzi", "Ktoś"),
        ("pl", "Niektórzy mówią, że winda nigdy nie działała.", "mówią", "Niektórzy"),
        ("it", "Qualcuno sostiene che l'ascensore sarà riparato.", "sostiene", "Qualcuno"),
        ("it", "Alcuni dicono che l'ascensore non ha mai funzionato.", "dicono", "Alcuni"),
        ("es", "Alguien aseguró que el ascensor será reparado.", "aseguró", "Alguien"),
        ("es", "Otros dicen que el ascensor nunca funcionó.", "dicen", "Otros"),
        ("pt", "Alguém afirmou que o elevador será consertado.", "afirmou", "Alguém"),
        ("pt", "Muitos dizem que o elevador nunca funcionou.", "dizem", "Muitos"),
        ("vi", "Có người cho rằng thang máy sẽ được sửa.", "cho rằng", "Có người"),
        ("en", "Some say that the lift will be fixed in May.", "say", "Some"),  # a determiner with no noun
        ("fr", "Certains affirment que l'ascenseur sera réparé.", "affirment", "Certains"),
        ("fr", "Certaines ont affirmé que l'ascenseur sera réparé.", "ont affirmé", "Certaines"),
    ],
)
def test_an_indefinite_pronoun_subject_is_anonymous(lang, sentence, cue, speaker):
    _, found = run([sentence], lang)
    a = by_cue(found, cue)
    assert (a["speaker"], a["anonymous"]) == (speaker, True), found


@pytest.mark.parametrize("lang, mention", [("en", "Someone"), ("vi", "người ta"), ("fr", "certains"),
                                           ("en", "Some residents")])
def test_indefinite_pronouns_name_nobody(lang, mention):
    assert EntityResolver(load_table(lang)).anonymous(mention)


@pytest.mark.parametrize("lang, mention", [("en", "Someone's lawyer Ana Lind"), ("fr", "Certains élus de Lille")])
def test_an_indefinite_word_before_a_name_is_no_pronoun(lang, mention):
    assert not indefinite(head_words(mention, load_table(lang)), load_table(lang))
