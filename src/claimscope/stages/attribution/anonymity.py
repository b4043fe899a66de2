"""Whether a speaker phrase names nobody, from its head noun and determiners.

The table lists, per language, the nouns of those who speak without a name
(``anonymous_nouns``: source, official, expert, witness, resident, user, insider,
diplomat, observer, analyst, media, matched by lemma) and of those who speak on record
for a body (``representative_nouns``: spokesperson, "porte-parole", "rzecznik"), whose
body is the source, never an anonymous one. ``plural_determiners``
are the definite articles of a plural ("les", "los", "die"): "les experts" is a group
nobody named, "l'expert" someone the article may have named before;
``unmarked_plural_endings`` those of nouns whose plural is their singular ("Anwohner").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .kinds import body_kind
from .lemmas import lemma, supported
from .names import apposed_name
from .spans import CONNECTORS, WORD
from .tables import Table

HEAD_REACH = 3  # words a head noun may sit after: determiner, quantifier, adjective


@lru_cache(maxsize=64)
def _nouns(lang: str, words: tuple[str, ...]) -> tuple[frozenset, tuple]:
    """One-word entries (and their lemmas) and the word lists of many-word ones ("nguồn tin")."""
    ones = {w.lower() for w in words if " " not in w}
    if supported(lang):
        ones |= {lemma(lang, w) for w in ones}
    many = tuple(sorted((tuple(w.lower().split()) for w in words if " " in w), key=len, reverse=True))
    return frozenset(ones), many


def _noun_at(toks: list[str], i: int, lang: str, nouns: tuple[frozenset, tuple]) -> int:
    """How many words of ``toks`` from ``i`` make a noun of ``nouns`` (0: none)."""
    ones, many = nouns
    low = toks[i].lower()
    if low in ones or supported(lang) and lemma(lang, low) in ones:
        return 1
    return next((len(m) for m in many if tuple(t.lower() for t in toks[i : i + len(m)]) == m), 0)


def _listed(table: Table, key: str) -> tuple[frozenset, tuple]:
    return _nouns(table.language, tuple(table.raw.get(key, [])))


def head_words(mention: str, table: Table) -> list[str]:
    """The words of the phrase before its apposition or relative clause, without a
    leading coordinator ("And a witness …")."""
    clause = table.relatives | table.subject_relatives
    words, head = [], mention.split(",")[0]
    for m in WORD.finditer(head):
        word = "@" * (head[m.start() - 1 : m.start()] == "@") + m.group()  # a handle keeps its mark
        if word.lower() in clause:
            break
        words.append(word)
    while words and words[0].lower() in table.coordinators:
        words = words[1:]
    return words


def has_name(words: list[str], table: Table) -> bool:
    """A capitalised word that may name the speaker, not an acronym ("NATO", "МВД") nor a
    pronoun after the first word ("a nurse I spoke to"); in
    a language that capitalises nouns, not the first noun nor a place after a preposition
    ("ein Spaziergänger aus Kassel", but "ein Bericht der Bild")."""
    for k, w in enumerate(words):
        if w[0] == "@" and len(w) > 1:
            return True  # an account's handle: "user @anna_k"
        if not w[0].isupper() or w.isupper() and len(w) > 1 or table.v2 and k == 0 or k and w.lower() in table.pronouns:
            continue  # "a nurse I spoke to": the pronoun names nobody
        before = words[k - 1] if k else ""
        if table.v2 and before.islower() and len(before) <= 3 and before not in table.determiners:
            continue
        return True
    return False


def represents(words: list[str], table: Table) -> bool:
    """A spokesperson's phrase ("a hospital spokesperson", "eine Sprecherin", "… de prensa el
    portavoz de la Guardia Costera")."""
    nouns = _listed(table, "representative_nouns")
    return any(_noun_at(words, i, table.language, nouns) for i in range(len(words))) or table.v2 and any(
        len(w) >= len(n) + 3 and w.lower().endswith(n) for w in words for n in nouns[0] if len(n) >= 6
    )  # a compound: "Polizeisprecherin", "Regierungssprecher"


def indefinite(words: list[str], table: Table) -> bool:
    """A phrase that is one indefinite pronoun of the table (``indefinite_pronouns``: "someone",
    "some", "others", "certains", "manche", "кто-то", "niektórzy", "người ta", "alguien"): people
    the text does not name."""
    return " ".join(words).lower().replace("’", "'") in {w.lower() for w in table.raw.get("indefinite_pronouns", [])}


def plural(noun: str, table: Table) -> bool:
    """A plural form: its lemma differs ("experts" -> "expert"), or it has an ending whose
    plural is unmarked (German "Anwohner", "Insider")."""
    lang, low = table.language, noun.lower()
    return (supported(lang) and lemma(lang, low) != low
            or low.endswith(tuple(table.raw.get("unmarked_plural_endings", []))))


def unnamed_role(words: list[str], table: Table) -> bool:
    """A phrase headed by an anonymous noun of the table and naming nobody: bare
    ("Officials said", "Medienberichten zufolge", "Urzędnik ONZ"), after a quantifier,
    an adjective, a plural definite article or the outlet's "our" (``our_openers``: "local residents", "les experts", "los
    grandes medios", "nasza czytelniczka"); not after a singular or other possessive determiner ("the expert", "his
    sources"), not a bare singular
    where nouns take articles (a clipped span: "Beamter der Stadt"), not followed by a
    name ("the analyst Jan Nowak"), not a transcript's label in capitals ("PADRE
    EDUARDO")."""
    if len(words) > 1 and all(w.isupper() for w in words):
        return False
    lang = table.language
    nouns = _listed(table, "anonymous_nouns")
    for i in range(min(len(words), HEAD_REACH)):
        n = _noun_at(words, i, lang, nouns)
        if n:
            break
    else:
        return False
    articles = {w.lower() for w in table.raw.get("plural_determiners", [])}
    ours = {w.lower() for w in table.raw.get("our_openers", [])}  # "nos lecteurs": the outlet's unnamed contacts
    many = plural(words[i], table)
    prefix = " ".join(words[:i]).lower()
    opener = next((o for o in table.anonymous_openers if prefix == o or prefix.startswith(o + " ")), None)
    quantified = opener is not None  # "several", "de nombreux", "một số"
    for k, w in enumerate(words[:i]):
        low = w.lower()
        if k < len(opener.split() if opener else ()):
            continue
        if low in table.anonymous_openers or low in ours or low in articles and many:
            quantified = True
        elif low in table.determiners or low in table.possessive_determiners or k and w[0].isupper() and not table.v2:
            return False
    if articles and not (many or quantified):
        return False
    after = words[i + n] if i + n < len(words) else ""
    return not (after[:1].isupper() and not after.isupper() or after[:1] == "@")  # "analyst Jan Nowak", "user
    # @anna_k"; "Urzędnik ONZ" names nobody


def person_head(words: list[str], table: Table) -> str | None:
    """The head noun of a phrase that describes one person, or people it does not class,
    by what they are, with no name: a noun of ``person_nouns`` (people by kinship, trade or
    the part they play: "owner", "la madre", "pogranicznik", "người nhà") or of
    ``anonymous_nouns``, within ``HEAD_REACH`` words, written in lower case past the first
    word; where a noun's modifiers follow it (``modifiers_follow``: the Romance languages),
    after determiners, quantifiers and possessives alone ("la sua"; "a comissão técnica" is a
    board, "el equipo médico" a team; "les infirmiers": a group no one names, as "les experts"), not a
    capitalised word before it past the first nor a name after it ("the owner of Café Rio",
    "der Arzt der Klinik"), never a title ("the minister", named where the article first
    mentions him). Whether the article names that person elsewhere is the caller's to ask."""
    lang = table.language
    nouns = _nouns(lang, tuple(table.raw.get("person_nouns", [])) + tuple(table.raw.get("anonymous_nouns", [])))
    openers = (table.determiners | table.possessive_determiners | set(table.anonymous_openers)
               | {w.lower() for w in table.raw.get("our_openers", [])})
    for i in range(min(len(words), HEAD_REACH)):
        n = _noun_at(words, i, lang, nouns) or _compound(words, i, table, nouns[0], openers)
        if n:
            break
    else:
        return None
    noun, before = words[i + n - 1], [w.lower() for w in words[:i]]
    if any(w in table.titles for w in before) or noun.lower() in table.titles:
        return None
    if not table.v2 and (i and noun[0].isupper() and not noun.isupper()
                         or any(k and w[0].isupper() for k, w in enumerate(words[:i]))):
        return None  # "La Voix libre" (a name), "the Kremlin driver"
    if table.raw.get("modifiers_follow") and any(w not in openers for w in before):
        return None  # "a comissão técnica", "el equipo médico": the noun is another's modifier
    return None if has_name(words[i + n :], table) else noun



def apposed_named(mention: str, table: Table) -> bool:
    """Does an apposition of ``mention`` set off by a comma hold a person's name: two
    capitalised words in a row, opening it or after a word that is no determiner nor connector
    ("One of them, the deputy Ivo Tamm", "Uno di loro, il consigliere Marco Neri"; not a
    relative clause, "a reader, whose letter the paper printed", one capitalised word, "…, cited
    by Reuters", nor a body's name after its article, "…, quoted by the Daily Echo")?"""
    clause = table.relatives | table.subject_relatives
    stops = table.determiners | CONNECTORS
    for part in mention.split(",")[1:]:
        words = WORD.findall(part)
        if words and words[0].lower() not in clause and any(
                a[0].isupper() and b[0].isupper() and not a.isupper() and not b.isupper()
                and (k == 0 or words[k - 1].lower() not in stops)
                for k, (a, b) in enumerate(zip(words, words[1:]))):
            return True
    return False


def never_named(mention: str, head: list[str], text: str, at: int, table: Table) -> bool:
    """Does ``mention`` (at ``at`` in ``text``, ``head`` its :func:`head_words`) describe a
    person by what they are (:func:`person_head`; no body: "el medio") whom the article names
    nowhere: not in an apposition of the phrase ("the owner, Ivo Tamm") nor one set off by
    commas right after it; for one person or a group after a plural definite article, not with a
    noun the text used before (by a crude stem: "un médecin … ce médecin" takes up a mention whose
    words tell whether it named him; "Médicos do Cerrado … os médicos" takes up a name)?"""
    noun = person_head(head, table)
    if not noun or body_kind(noun, table.language):
        return False
    clause = table.relatives | table.subject_relatives
    for part in mention.split(",")[1:]:  # "the owner, Ivo Tamm", not "the owner, who …"
        words = WORD.findall(part)
        if words and words[0].lower() not in clause and has_name(words, table):
            return False
    stem = noun.lower()[: max(4, len(noun) - 3)]
    definite = {w.lower() for w in table.raw.get("plural_determiners", [])} & {w.lower() for w in head[:HEAD_REACH]}
    if (definite or not plural(noun, table)) and re.search(rf"(?<!\w){re.escape(stem)}", text[:at], re.IGNORECASE):
        return False
    end = at + len(mention)
    return not (text[end : end + 2] == ", " and apposed_name(text, end))

def _compound(words: list[str], i: int, table: Table, nouns: frozenset, openers: set) -> int:
    """1 where a language that writes compounds as one word (``v2``: German) ends word ``i``
    on a person noun of four letters or more after three or more of its own ("Busfahrer",
    "Ladenbesitzerin") and determiners alone come before it ("der Busfahrer", not "Thomas
    Hoffmann"); 0 else."""
    low = words[i].lower()
    if not table.v2 or not i or any(w.lower() not in openers for w in words[:i]):
        return 0
    return int(any(len(n) >= 4 and len(low) >= len(n) + 3 and low.endswith(n) for n in nouns))
