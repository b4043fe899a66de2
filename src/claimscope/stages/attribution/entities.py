"""Speaker mentions -> anonymous flag and one normalised entity per speaker.

Mentions of the same speaker are grouped in reading order:
- a mention naming a concept of the table ("ministère de la Défense", "armée") joins
  the latest group with the same concept and no conflicting country (demonyms
  such as "russe" map to a country);
- a proper name ("l'agence de presse Sputnik" -> "Sputnik") joins the group with the
  same name, and a one-word name joins a longer name it ends ("Poutine" ->
  "Vladimir Poutine");
- a bare common noun ("le ministère") joins the latest group with a mention
  holding that noun; a bare outlet noun of the sourcing table ("il sito") the latest
  outlet named (a domain name, or introduced by an outlet noun: "il portale X");
- a description headed by a title with no name of its own ("глава МИД", "the minister")
  joins the latest person named with a title, one with the same title first;
- a pronoun ("il", "she") joins the latest named speaker; after an anonymous speaker it
  is anonymous too, unless it is singular and that speaker plural ("Plusieurs témoins …
  Elle a ajouté …").
A group keeps the gender its mentions mark (``genders.json``: "la ministre", "Frau",
"bà", a Russian or Polish given name), which a gendered pronoun must agree with.
The entity string is the group's longest name (or mention, without determiner).
Anonymous speakers ("une source proche du dossier") get no entity.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .anonymity import has_name, head_words, represents, unnamed_role
from .genders import CONNECTORS, mention_gender, singular
from ...outlets import find_mentions, resolve_name
from .lemmas import lemma, supported
from .spans import WORD, place_words
from .tables import Table

TABLES = Path(__file__).resolve().parents[2] / "data" / "attribution"  # their ``body_nouns``
SOURCING = Path(__file__).resolve().parents[2] / "data" / "sourcing"  # its ``outlet_nouns``
APPOSED_REACH = 60  # characters after a speaker where its apposed name may end


@cache
def _outlet_stems(lang: str) -> frozenset[str]:
    """Stems of the one-word outlet nouns of the sourcing table ("site", "газета")."""
    path = SOURCING / f"{lang}.json"
    nouns = json.loads(path.read_text(encoding="utf-8")).get("outlet_nouns", []) if path.exists() else []
    return frozenset(_stem(n.rstrip("*").casefold()) for n in nouns if " " not in n)


def outlet_noun(word: str, lang: str) -> bool:
    """Whether ``word`` names a kind of outlet ("the site", "la testata", "газеты")."""
    return _stem(word.casefold()) in _outlet_stems(lang)


OUTLET_KINDS = frozenset({"newspaper", "site", "channel", "agency", "outlet"})
PUBLIC_KINDS = frozenset({"agency", "ministry", "organisation"})  # "agency": a news or a public agency
NAMED_KINDS = frozenset({"agency", "ministry", "organisation", "party", "company"})  # may be unmarked
REGISTERED = {"news_agency": "agency", "broadcaster": "channel", "public_broadcaster": "channel",
              "newspaper": "newspaper", "magazine": "newspaper", "website": "site"}  # registry types
DESCRIPTION_WORDS = 4  # words of a description at most ("the regional state broadcaster")


@cache
def _bodies(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """The table's ``body_nouns`` (word or lemma -> kind: "site", "company", …) and its
    ``body_modifiers`` (words that may stand beside one in a description: "state", "этот")."""
    path = TABLES / f"{lang}.json"
    raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kinds = {w.casefold(): kind for kind, words in raw.get("body_nouns", {}).items() for w in words}
    return kinds, frozenset(w for m in raw.get("body_modifiers", []) for w in m.casefold().split())


def body_nouns(lang: str, kinds: frozenset[str]) -> tuple[str, ...]:
    """The table's ``body_nouns`` of ``kinds``, folded (none without a table)."""
    return tuple(w for w, kind in _bodies(lang)[0].items() if kind in kinds)


def body_kind(word: str, lang: str) -> str | None:
    """The kind of outlet, institution or document a noun names, by its form or lemma
    ("portalu" -> "site", "spółka" -> "company", "agencia" -> "agency"), else None."""
    kinds, low = _bodies(lang)[0], word.casefold()
    if not low.strip():
        return None
    return kinds.get(low) or (kinds.get(lemma(lang, low)) if supported(lang) else None)


@cache
def _registered(name: str) -> str | None:
    """The kind of the registered outlet ``name`` names, by its registry type, else None."""
    outlet = resolve_name(name)
    return REGISTERED.get(outlet.type, "outlet") if outlet is not None else None


def _family(kind: str) -> frozenset[str]:
    """The kinds a description of ``kind`` may stand for: an outlet noun an outlet, a
    public body's noun a public body ("the agency" either); a company, party, account or
    document noun only its own kind."""
    family = (OUTLET_KINDS if kind in OUTLET_KINDS else frozenset()) | (PUBLIC_KINDS if kind in PUBLIC_KINDS else frozenset())
    return family or frozenset({kind})


@dataclass
class _Group:
    concept: str | None
    country: str | None
    name: str | None
    nouns: set[str] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)
    gender: str | None = None
    titled: bool = False  # a mention described it with a title: a person
    seen: int = 0  # when it was last mentioned

    def outlet(self, lang: str) -> bool:
        """Named by a domain name or by an outlet noun in or right before its name ("the
        daily X", "il portale russo X", "X Daily")."""
        if not self.name:
            return False
        if "." in self.name:
            return True
        for label in self.labels:
            words = label.split()
            first = len(label[: label.find(self.name)].split()) if self.name in label else len(words)
            if any(outlet_noun(w, lang) for w in words[max(0, first - 2) : first + len(self.name.split())]):
                return True
        return False

    def body(self, lang: str) -> bool:
        """A concept of the table ("police", "the ministry") or an outlet: never "he" or
        "she"."""
        return self.concept is not None and not self.titled or self.outlet(lang)

    def kinds(self, lang: str) -> set[str]:
        """The kinds of body its mentions call it ("the portal X": "site"; a domain name:
        "site"; a registered outlet its type; an outlet or a concept of the table: "outlet",
        "organisation")."""
        found = {k for label in self.labels for w in WORD.findall(label) if (k := body_kind(w, lang))}
        found |= {k for label in self.labels for k in _phrase_kinds(label.casefold(), lang)}
        if self.name and "." in self.name:
            found.add("site")
        if self.outlet(lang) and "account" not in found:  # "the account X" is no outlet
            found.add("outlet")
        if self.name and _registered(self.name):
            found.add(_registered(self.name))
        if self.concept is not None:
            found.add("organisation")
        return found

    @property
    def entity(self) -> str:
        return self.name or max(self.labels, key=len)


def _tokens(text: str, table: Table) -> list[str]:
    """Words of a mention without leading determiners (elided ones included) nor the
    preposition of a locative subject ("В компании пообещали": "компании")."""
    toks = [m.group() for m in WORD.finditer(text)]
    locative = (table.raw.get("locative_subjects") or {}).get("prepositions", ())
    if len(toks) > 1 and toks[0].lower() in locative and toks[1].islower():
        toks = toks[1:]
    while toks:
        low = toks[0].lower()
        elided = next(
            (
                d
                for d in table.determiners
                if d[-1:] in "'’"
                and low.startswith(d[:-1])
                and low[len(d) - 1 : len(d)] in "'’"
            ),
            None,
        )
        if low in table.determiners:
            toks.pop(0)
        elif elided:
            toks[0] = toks[0][len(elided) :]
            break
        else:
            break
    return [t for t in toks if t]


def _phrase_kinds(low: str, lang: str) -> set[str]:
    """Kinds of the table's phrases of several words inside ``low`` ("tờ báo", "công ty")."""
    kinds = _bodies(lang)[0]
    return {k for phrase, k in kinds.items() if " " in phrase and f" {phrase} " in f" {low} "}


def description_kind(toks: list[str], table: Table) -> str | None:
    """For a description of a body with no name of its own ("the portal", "la agencia de
    noticias", "это издание", "Państwowa telewizja", "tờ báo này", "dieses Portal"): the kind
    its noun names; None when a word names something ("the agency Reuters", "the Reuters
    agency") or is not a modifier of the table ("собеседник портала": its source)."""
    lang = table.language
    if not toks or len(toks) > DESCRIPTION_WORDS:
        return None
    modifiers = _bodies(lang)[1]
    low = " ".join(toks).casefold()
    phrase = max(((p, k) for p, k in _bodies(lang)[0].items() if " " in p and f" {p} " in f" {low} "),
                 key=lambda pk: len(pk[0]), default=None)
    if phrase:
        rest = f" {low} ".replace(f" {phrase[0]} ", " ", 1).split()
        return phrase[1] if all(w in modifiers or w in table.demonyms for w in rest) else None
    heads = [(i, k) for i, t in enumerate(toks) if (k := body_kind(t, lang))]
    if len(heads) != 1:
        return None
    at, kind = heads[0]
    for i, tok in enumerate(toks):
        word = tok.casefold()
        if i == at:
            if tok[0].isupper() and i > 0 and not table.v2:
                return None  # "Agence Nord-Presse"
        elif word not in modifiers and word not in table.demonyms and word not in CONNECTORS:
            return None
        elif tok[0].isupper() and i > 0 and word not in table.demonyms:
            return None
    return kind


def _own_openers(table: Table) -> tuple[str, ...]:
    """The table's ``own_openers``: first-person singular possessives ("my", "mon", "мой")
    that open the description of the writer's own contact, who is anonymous when no name
    follows ("Мой знакомый, водитель из Казани"; not "mon ami de Riposte Nord")."""
    return _longest_first(tuple(table.raw.get("own_openers", ())))


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in words), key=len, reverse=True))


def _unmarked(name: str) -> bool:
    """A name that reads as a body's rather than a person's, though no noun says what it
    is: one capitalised word or an acronym ("Wodmar-Serwis", "OTPCE"), or capitalised
    words joined by a lower-case one ("Strade per il Nord"; not "Ana Lis", nor "Juan
    de la Vega", nor "residents of the area")."""
    words = name.split()
    if not words or not words[0][0].isupper():
        return False
    if len(words) == 1:
        return True
    joined = [w for w in words[1:-1] if w[0].islower() and w.lower() not in CONNECTORS]
    return bool(joined) or name.isupper()


def _unpossessed(word: str, table: Table) -> str:
    """``word`` without a possessive ending of the table ("Trump's" -> "Trump")."""
    for ending in table.possessives:
        if word.lower().endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _stem(word: str) -> str:
    """A crude stem that absorbs inflection endings ("военном" ~ "военное")."""
    return word[: max(4, len(word) - 2)]


def described_name(text: str, pos: int, noun: str, table: Table) -> str | None:
    """For a speaker that is one common noun ("the portal", "канала", "nadleśniczego"):
    the name that followed the same noun (by a crude stem) where the text last used it
    with one ("the Russian portal ukraina.ru", "nadleśniczy Krzysztof Wrona", "канал
    «Прачечная»"), within three words and the same sentence, no determiner or
    preposition between ("la préfecture du Gard" names a place, not the prefecture). A noun
    of ``body_nouns`` also takes the name after another noun of its kind ("il sito" after
    "il portale X"), a site's noun a domain name written since ("… scrive esempio.it"), an
    outlet noun a registered outlet named since ("… citing Interfax. The agency added")."""
    if noun.lower() in table.pronouns | table.possessive_determiners:
        return None  # "sie", "er": a pronoun names no one by itself
    stem = noun.lower()[: max(4, len(noun) - 3)]
    kind = body_kind(noun, table.language)
    registered = _registered_before(text, pos, kind) if kind in OUTLET_KINDS else None
    toks = list(WORD.finditer(text, 0, pos))
    for k in range(len(toks) - 1, -1, -1):
        word = toks[k].group()
        if registered and toks[k].end() <= registered[0]:
            return registered[1]
        if kind in ("site", "outlet") and DOMAIN.fullmatch(word):
            return word
        if not (word.lower().startswith(stem) or kind and body_kind(word, table.language) == kind):
            continue
        for j in range(k + 1, min(len(toks), k + 4)):
            if any(c in ",.;:!?\n" for c in text[toks[j - 1].end() : toks[j].start()].strip(" «»\"“”„")):
                break
            word = toks[j].group()
            if word.lower() in CONNECTORS:  # "the mayor of Lyon, Ana Lis": the name after the complement
                return _apposed_after(text, toks[j].end(), pos)
            if word.lower() in table.determiners or table.speaker_stop.fullmatch(word):
                break  # "la préfecture du Gard": a complement, not the noun's name
            if word[0].isupper() or "." in word:
                quoted = quoted_name(text[toks[j - 1].end() : pos])  # "канал «Новая волна»"
                if quoted and text.find(quoted, toks[j - 1].end(), pos) == toks[j].start():
                    return quoted
                run = [toks[j]]
                for t in toks[j + 1 : j + 4]:
                    if not t.group()[0].isupper() or text[run[-1].end() : t.start()].strip(" «»\"“”„"):
                        break
                    run.append(t)
                return text[run[0].start() : run[-1].end()]
    return registered[1] if registered else None


def _registered_before(text: str, pos: int, kind: str) -> tuple[int, str] | None:
    """Where the latest registered outlet named before ``pos`` that an outlet noun of
    ``kind`` may stand for starts, and its name as written."""
    for m in reversed(find_mentions(text[:pos])):
        if m.outlet is not None and m.domain is None and REGISTERED.get(m.outlet.type, "outlet") in _family(kind) | {"outlet"}:
            return m.start, text[m.start : m.end]
    return None


DOMAIN = re.compile(r"\w[\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")  # "esempio.it", "news-site.co.uk"
QUOTED_NAME = re.compile(r"[«„“\"][ \u00a0\u202f]?([^\W\d_][^«»„“”\"\n]{0,58}[\w.!?])[ \u00a0\u202f]?[»“”\"]")


HANDLE = re.compile(r"(?<![\w@])@\w+(?:\.\w+)*")  # an account's handle: "@anna_k", "@tia.rosa"


def _handle(mention: str) -> str | None:
    """The account handle a mention holds ("user @anna_k" -> "@anna_k"), if any."""
    m = HANDLE.search(mention)
    return m.group() if m else None


def quoted_name(text: str) -> str | None:
    """A capitalised title in quotation marks inside ``text``, the name of what it
    describes ("издание «Вечерний город»" → "Вечерний город")."""
    m = QUOTED_NAME.search(text)
    return m.group(1) if m and m.group(1)[0].isupper() else None


def apposed_name(text: str, end: int) -> str | None:
    """The name set off by commas right after a speaker that ends at ``end`` and is one
    common noun ("…, a annoncé le maire, Paul Girard, en conseil municipal" → "Paul Girard";
    the caller leaves out nouns of a body: "… cité par le portail, Jan Nowak, …" names the one cited)."""
    return _apposed_after(text, end, min(len(text), end + APPOSED_REACH))


def _apposed_after(text: str, start: int, pos: int) -> str | None:
    """The name of two to four capitalised words set off by commas right after a short
    complement that runs from ``start`` ("… of Oakfield, Linda Carver, …"), if any."""
    comma = text.find(",", start, pos)
    if comma < 0 or len(WORD.findall(text, start, comma)) > 4 or any(c in ".;:!?\n" for c in text[start:comma]):
        return None
    m = re.match(r"\s*((?:[^\W\d_][\w'’-]*\s){1,3}[^\W\d_][\w'’-]*)\s*[,.;]", text[comma + 1 : pos])
    if m is None or not all(w[0].isupper() for w in m.group(1).split()):
        return None
    return m.group(1)


INFLECTION = 3  # letters a case ending may add to a name ("Сельберг", "Сельберга", "Nowakowi")


def _same_name(a: str, b: str, cases: bool = False) -> bool:
    """One name, or the last word of the other ("Vladimir Poutine", "Poutine"); in a
    language with ``cases``, word by word up to a case ending ("Кнута Сельберга", "Сельберг")."""
    if a == b or a.split()[-1] == b or b.split()[-1] == a:
        return True
    if not cases:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        if min(len(wa), len(wb)) > 1:
            return False
        wa, wb = wa[-1:], wb[-1:]  # "Сельберг" for "Кнута Сельберга"
    return all(_inflected(x, y) for x, y in zip(wa, wb))


def _inflected(x: str, y: str) -> bool:
    """Two forms of one name: one opens the other, which adds at most a short ending."""
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1]) and len(long_) - len(short) <= INFLECTION


def _concept(low: str, concepts: list[tuple[str, list[str]]]) -> str | None:
    """The concept named in ``low`` (phrase words matched by stem, in order)."""
    toks = [_stem(t) for t in low.split()]
    for concept, want in concepts:
        if any(
            toks[i : i + len(want)] == want for i in range(len(toks) - len(want) + 1)
        ):
            return concept
    return None


def _name(toks: list[str], table: Table) -> str | None:
    """The last run of capitalised words that is not a demonym or a title.

    A capitalised first word followed by a common noun opens a sentence, it names
    nothing ("Nearby farmers"). In a language with cases, inflected words (not their own
    lemma) that open a run are a complement, not the name ("dyrektor Ośrodka Sportu i
    Rekreacji Jan Kowal": "Jan Kowal"). A name that only completes a common head noun
    ("la préfecture du Gard", "the mayor of Lyon") keeps that head: "préfecture du
    Gard" and "pompiers du Gard" are two speakers. A name of two words or more that
    opens the mention before a lower-case word is the speaker ("Karin Vogt vom
    Polizeipräsidium Freiburg").
    """
    runs, run = [], []  # runs of (index, word)
    for i, tok in enumerate(toks):
        if (
            run
            and tok.lower() in CONNECTORS
            and i + 1 < len(toks)
            and toks[i + 1][0].isupper()
            or tok[0].isupper()
            and tok.lower() not in table.demonyms
            and tok.lower() not in table.titles
        ):
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    lead = 0  # titles before the first name: "Bà Lê Thị Mai ở xã Phước Lập"
    while lead < len(toks) and toks[lead].lower() in table.titles:
        lead += 1
    def inflected(word: str) -> bool:  # in a language with cases, a word that is not its lemma: "Rekreacji"
        return bool(table.dative_endings) and supported(table.language) and lemma(table.language, word) != word.lower()

    if runs and runs[0][0] == lead and runs[0][-1] + 1 < len(toks):
        after = toks[runs[0][-1] + 1]
        if after[0].islower() and after.lower() not in CONNECTORS:
            named = len(runs) > 1 and sum(not inflected(toks[i]) for i in runs[-1]) >= 2  # "… Jan Kowal"
            if len(runs[0]) >= 2 and not (named and all(inflected(toks[i]) for i in runs[0])):  # "Karin Vogt vom …"
                return " ".join(toks[i] for i in runs[0])
            if lead == 0:
                runs.pop(0)  # "Nearby farmers", "Several witnesses"
    if not runs:
        return None
    first, last = runs[-1][0], runs[-1][-1]
    k = first
    while k < last and inflected(toks[k]):
        k += 1
    if k > first and last - k >= 1 and not any(inflected(toks[i]) for i in range(k, last + 1)):
        first = k  # "dyrektor Ośrodka Sportu i Rekreacji Jan Kowal": a genitive, then the name (not "Dobre Wieści")
    k = first - 1
    while k >= 0 and toks[k].lower() in table.determiners - CONNECTORS:
        k -= 1  # "du Gard", "de la Somme", "of the Treasury"
    if k >= 1 and toks[k].lower() in CONNECTORS | place_words(table) and k < first:
        head = toks[k - 1]
        if head[0].islower():
            first = k - 1
    return " ".join(toks[first : last + 1])


class EntityResolver:
    """Assigns entities to speaker mentions in reading order (one per article)."""

    def __init__(self, table: Table):
        self.t = table
        self.concepts = [
            (concept, [_stem(w) for w in phrase.lower().split()])
            for concept, phrases in table.concepts.items()
            for phrase in phrases
        ]
        self.groups: list[_Group] = []
        self.pronouns = table.pronouns | table.possessive_determiners  # "his" in "in his words"
        self.last_named: _Group | None = None
        self.last_anonymous = False  # was the last non-pronoun speaker anonymous?
        self.last_anonymous_plural = False  # … and plural ("plusieurs témoins", "several residents")?
        self.unnamed: _Group | None = None  # the last anonymous speaker, a pronoun's entity when it stands for it
        self.mentions = 0

    def state(self) -> tuple:
        """What a pronoun reads: the latest named and anonymous speakers."""
        return self.last_named, self.last_anonymous, self.last_anonymous_plural, self.unnamed

    def restore(self, state: tuple) -> None:
        """Back to an earlier ``state``: the speakers quoted inside a pronoun's own words are
        not what it stands for."""
        self.last_named, self.last_anonymous, self.last_anonymous_plural, self.unnamed = state

    def anonymous(self, mention: str) -> bool:
        """A speaker matching an anonymous pattern of the table; a pronoun standing for
        an anonymous speaker; else, unless a spokesperson speaks ("a hospital
        spokesperson", "un porte-parole de la RATP": the body is the source), a phrase
        headed by an anonymous noun of the table that names nobody ("Officials", "local
        residents", "Urzędnik ONZ", ``anonymity.unnamed_role``), or an indefinite or
        quantified phrase with no proper name before its relative clause or apposition
        ("a passer-by", "plusieurs témoins", "несколько жителей", "a reader who lives near
        Leeds", "ein Spaziergänger aus Kassel")."""
        if self.t.anonymous.search(mention):
            return True
        owner = self._owner(mention)  # "the account of a nurse", "su análisis": whose it is
        if owner == "":
            return self.last_anonymous
        mention = owner or mention
        toks = WORD.findall(mention)
        if len(toks) == 1 and toks[0].lower() in self.pronouns:  # not "she" for "several residents"
            return self.last_anonymous and not (self.last_anonymous_plural and singular(toks[0], self.t.language))
        head = head_words(mention, self.t)  # the phrase before its relative clause or apposition
        if represents(head, self.t):
            return False
        if unnamed_role(head, self.t) or self._same_unnamed(head):
            return True
        low = " ".join(head).lower().replace("’", "'")
        own = _own_openers(self.t)
        lead = 1 if len(head) > 1 and head[0].lower() in self.t.determiners and head[1].lower() in own else 0
        if lead:  # "il mio vicino", "o meu vizinho": the article before the possessive
            low = " ".join(head[1:]).lower()
        opener = next(
            (o for o in (*self.t.anonymous_openers, *own)
             if low.startswith(o) and (o.endswith("'") or low[len(o) : len(o) + 1] in (" ", ""))),
            None,
        )
        glued = opener is not None and opener.endswith("'") and len(head[lead]) > len(opener)  # "Un'infermiera"
        if opener is None or len(toks) < 2 and not glued:
            return False
        rest = head[lead + len(opener.split()) :]
        if glued:  # the noun the elided article is written onto
            rest = [head[lead][len(opener) :], *rest]
        places = place_words(self.t) | (CONNECTORS if opener not in own else frozenset())  # "nos amis de X" names X
        if rest and not body_kind(rest[0], self.t.language):  # "Um agricultor do Fundão": a place, not his name
            rest = rest[: next((k for k, w in enumerate(rest) if k and w.islower() and (
                w.lower() in places or self.t.speaker_stop.fullmatch(w))), len(rest))]
        if any(self._statement(w) for w in rest):
            return False  # "nuestros cálculos": the writer's own
        return bool(rest) and not has_name(rest, self.t)  # "eine Bekannte": nouns capitalised

    def _same_unnamed(self, head: list[str]) -> bool:
        """A short description with no name whose noun the latest anonymous speaker's phrase
        holds stands for that speaker ("Un employé, qui … Le même employé affirme …", "um
        delegado que prefere não se identificar … O delegado disse")."""
        toks = _tokens(" ".join(head), self.t)
        if self.unnamed is None or not toks or len(toks) > 2 or not " ".join(toks).islower() or toks[-1] in CONNECTORS:
            return False  # "Interfax", "Кремлёвская прачечная": a name; "Le parquet de" clipped
        return toks[-1].lower() in {w.lower() for w in WORD.findall(self.unnamed.labels[0])}

    def resolve(self, mention: str, context: str = "", subject: bool = True) -> _Group | None:
        """The group of ``mention`` (None for anonymous speakers and unresolvable pronouns; a
        pronoun standing for an anonymous speaker has that speaker's description);
        read ``.entity`` once every mention is resolved, as groups grow. ``context``:
        the words before a name, which may tell its gender; ``subject``: whether the name
        is in the nominative, so that the ending of a given name tells it too."""
        owner = self._owner(mention)
        if owner == "":  # "su análisis": the owner is a pronoun
            return self.last_named
        mention = owner or mention
        anonymous = self.anonymous(mention)
        if len(mention.split()) > 1 or mention.lower() not in self.pronouns:
            self.last_anonymous = anonymous
            self.last_anonymous_plural = anonymous and mention_gender(mention, self.t.language) == "p"
        if anonymous and mention.lower() in self.pronouns:
            return self.unnamed  # "Un employé, qui … Selon lui, …": the description it stands for
        if anonymous:
            self.unnamed = _Group(None, None, None, labels=[" ".join(_tokens(mention, self.t))])
            return None
        if mention.lower() in self.pronouns:  # "his" in "in his words" is a determiner too
            return self.last_named
        toks = [_unpossessed(t, self.t) for t in _tokens(self._head(mention), self.t)]
        if not toks:
            return None
        gender = mention_gender(mention, self.t.language, context, subject)
        titled = any(t.lower() in self.t.titles for t in toks + WORD.findall(context)[-2:])  # "… le maire" + name
        opener = WORD.findall(mention.lower())[:1]
        group = (self._described(toks, gender, opener[0] in self.t.anonymous_openers if opener else False) or self._body(toks)
                 or self._find(toks, self._quoted(mention) or self._apposed_name(mention) or _handle(mention)))
        group.labels.append(" ".join(toks))
        group.nouns.update(t.lower() for t in toks)
        group.gender = group.gender or gender
        group.titled = group.titled or titled and group.name is not None
        self.mentions += 1
        group.seen = self.mentions
        self.last_named = group
        return group

    def _quoted(self, mention: str) -> str | None:
        """The name in quotation marks inside ``mention``, unless a person's name of two words
        or more follows it ("директор МУП «Водоканал» Андрей Пахомов" is Андрей Пахомов)."""
        quoted = quoted_name(mention)
        if quoted is None:
            return None
        tail = _tokens(mention[mention.find(quoted) + len(quoted) + 1 :], self.t)
        after = _name(tail, self.t) if tail and tail[0][:1].isupper() else None
        return after if after and len(after.split()) >= 2 else quoted

    def _head(self, mention: str) -> str:
        """The mention without a relative clause set off by a comma ("La mairie, qui a été
        prévenue" -> "La mairie") or a pronoun that takes it up ("L'opposition, elle"): what it
        is, not what it did."""
        relatives = self.t.relatives | self.t.subject_relatives
        for m in re.finditer(r",\s*(\w+)", mention):
            resumed = m.group(1).lower() in self.t.pronouns and not mention[m.end() :].strip(" ,")  # "L'opposition, elle"
            if (m.group(1).lower() in relatives or resumed) and mention[: m.start()].strip():
                return mention[: m.start()]
        return mention

    def _owner(self, mention: str) -> str | None:
        """For a mention headed by a noun of what someone says or thinks (table
        ``statement_nouns``: "su análisis", "la stima del quotidiano", "the analysis of
        the ministry"): its owner, "" for a possessive determiner (a pronoun), the words after
        the connector else; None for any other mention."""
        toks = _tokens(mention, self.t)
        owned = WORD.findall(mention)[-2:]  # "su análisis", "la sua analisi"
        if len(owned) == 2 and owned[0].lower() in self.t.possessive_determiners and self._statement(owned[1]) and len(toks) <= 2:
            return ""
        if len(toks) > 2 and self._statement(toks[0]) and toks[1].lower() in CONNECTORS:
            return " ".join(toks[2:])
        elided = re.match(r"(d|dell)['’](\w.*)", toks[1], re.IGNORECASE) if len(toks) > 1 else None
        if elided and self._statement(toks[0]):  # "le récit d'un témoin", "la stima dell'istituto"
            return " ".join([elided.group(2), *toks[2:]])
        return None

    def _statement(self, word: str) -> bool:
        """A noun of what someone says or thinks (table ``statement_nouns``), by its lemma too."""
        nouns, lang, low = self.t.raw.get("statement_nouns", ()), self.t.language, word.lower()
        return low in nouns or supported(lang) and lemma(lang, low) in nouns

    def agreeing(self, gender: str) -> list[_Group]:
        """Named groups whose gender is ``gender``, latest mentioned first."""
        found = [g for g in self.groups if g.gender == gender and g.name]
        return sorted(found, key=lambda g: -g.seen)

    def _described(self, toks: list[str], gender: str | None, indefinite: bool = False) -> _Group | None:
        """For a description headed by a title with no name of its own ("глава МИД",
        "the minister", "la portavoz"): the latest person named with a title, of the
        same gender, one described by the same title first."""
        head, name = toks[0].lower(), _name(toks, self.t) or ""
        if not (head in self.t.titles and toks[0].islower()) or len(name.split()) > 1 or indefinite:
            return None  # "the minister Eva Lind" names her; "un portavoz" is someone new
        people = sorted(
            (g for g in self.groups if g.titled and (None in (gender, g.gender) or g.gender == gender)),
            key=lambda g: -g.seen,
        )
        same = [g for g in people if any(head in label.lower().split() for label in g.labels)]
        return (same or people or [None])[0]

    def _body(self, toks: list[str]) -> _Group | None:
        """For a description of a body with no name of its own ("the portal", "la
        agencia", "издание", "Spółka"): the latest named body of the same kind ("the local
        site X … The portal added" -> X), else of the same family (an outlet noun an outlet,
        an institution noun an institution), else, for an institution noun, the latest
        name of one word that nothing marks as a person ("Wodmar-Serwis … Spółka");
        never a person (one a title describes)."""
        lang = self.t.language
        kind = description_kind(toks, self.t)
        if kind is None:
            return None
        family = _family(kind)

        def rank(group: _Group) -> int:
            kinds = group.kinds(lang) if group.name or group.concept else set()  # not "the portal's account"
            if kind in kinds:
                return 3
            if kinds & family:
                return 2
            return 1 if kind in NAMED_KINDS and not kinds and group.gender is None and _unmarked(group.entity) else 0

        found = [(rank(g), g.seen, g) for g in self.groups if not self._person(g)]
        best = max(((r, seen, g) for r, seen, g in found if r), key=lambda f: f[:2], default=None)
        return best[2] if best else None

    def _person(self, group: _Group) -> bool:
        """A group a title describes ("the spokeswoman of X"), or named like a person (two
        to four capitalised words) with no noun of a body ("Ana Lis")."""
        if group.titled or any(label.split()[0].lower() in self.t.titles for label in group.labels if label):
            return True
        name = group.name or ""
        return 1 < len(name.split()) <= 4 and not _unmarked(name) and not group.kinds(self.t.language)

    def _apposed_name(self, mention: str) -> str | None:
        """For "le maire de Dions, Paul Arnaud" or "the spokesman for the Interior
        Ministry, John Reed": the bare proper name of a later apposition ("Paul Arnaud",
        "John Reed"), when the first part opens with a common noun that the name only
        completes; for "Paul Arnaud, maire de Dions": the first part's name."""
        pieces = [p for p in re.split(r"\s*[,—–(]\s*", mention) if _tokens(p, self.t)]
        parts = [_tokens(p, self.t) for p in pieces]
        names = [_name(p, self.t) for p in parts]
        if len(names) < 2 or not names[0]:
            return None
        places = place_words(self.t)

        def apposed(part: list[str], name: str | None) -> bool:  # not "un parent, de Passo Fundo"
            if not name or not name[0].isupper():
                return False
            at = part.index(name.split()[0]) if name.split()[0] in part else 0
            return not any(w.lower() in places or w.lower() in CONNECTORS for w in part[:at])

        later = next((n for p, n in zip(parts[1:], names[1:]) if apposed(p, n)), None)
        if len(parts[0]) == 1 and self.t.participle.search(parts[0][0].lower()):
            return later  # "Contacté, un chimiste, Marc Roy"
        if not names[0][0].isupper() or later and self.t.v2 and WORD.findall(pieces[0])[0].lower() in self.t.determiners:
            return later  # "der Autor des Materials, der Politologe X": nouns are capitalised
        lead = next((k for k, w in enumerate(parts[0]) if w.lower() not in self.t.titles), len(parts[0]))
        tail = parts[0][lead:]
        named = names[0] == " ".join(tail) or tail[:1] and tail[0].islower() and names[0] == " ".join(tail[1:])
        if parts[0][0][0].isupper() or later is None or named:
            return names[0]  # "Greta Lindner, Vorsitzende …", "chị Lô Thị Hoa, một phụ huynh ở …", "a leitora Ana S., de …"
        return later

    def _find(self, toks: list[str], apposed: str | None = None) -> _Group:
        low = " ".join(t for t in toks if t.lower() not in self.t.demonyms).lower()
        countries = {
            self.t.demonyms[t.lower()] for t in toks if t.lower() in self.t.demonyms
        }
        country = next(iter(countries), None)
        concept = _concept(low, self.concepts)
        domain = toks[0] if len(toks) == 1 and DOMAIN.fullmatch(toks[0]) else None  # "esempio.it": a name
        name = None if concept else apposed or _name(toks, self.t) or domain
        for group in reversed(self.groups):
            if len(toks) > 1 and toks[0].islower() and any(
                label.lower().startswith(low + " ") for label in group.labels
            ):
                return group  # "il ministro degli Esteri" after "il ministro degli Esteri X Y"
            if (
                concept
                and group.concept == concept
                and (country is None or group.country in (None, country))
            ):
                group.country = group.country or country
                return group
            if name and group.name and _same_name(group.name, name, bool(self.t.dative_endings)):
                if len(name) > len(group.name):
                    group.name = name
                return group
            if len(toks) == 1 and any(noun.endswith(low) for noun in group.nouns):
                return group
            if (
                not concept
                and not name
                and group.labels
                and low == group.labels[0].lower()
            ):
                return group
        if len(toks) == 1 and (toks[0].islower() or self.t.v2) and outlet_noun(toks[0], self.t.language):
            outlets = [g for g in self.groups if g.outlet(self.t.language)]
            if outlets:  # "il giornale" after "il quotidiano Kommersant": the latest outlet
                return max(outlets, key=lambda g: g.seen)
        if (len(toks) == 1 and toks[0].islower() and not domain and self.last_named and self.last_named.name
                and not (body_kind(toks[0], self.t.language) and self._person(self.last_named))):
            return self.last_named  # "the channel", "le site": the last named speaker, not a person
        group = _Group(concept, country, name)
        self.groups.append(group)
        return group
