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
The kinds of body a mention names are in ``kinds.py``, the names it holds in ``names.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .anonymity import apposed_named, has_name, head_words, indefinite, never_named, represents, unnamed_role
from .genders import CONNECTORS, mention_gender, singular
from .kinds import (
    NAMED_KINDS, body_kind, description_kind, kind_family, outlet_noun, phrase_kinds, registered_kind, table_concept,
    word_stem,
)
from .lemmas import lemma, supported
from .names import (
    DOMAIN, mention_handle, mention_name, mention_tokens, quoted_name, same_name, unmarked_name,
    unpossessed,
)
from .spans import WORD, place_words
from .tables import Table


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
        found |= {k for label in self.labels for k in phrase_kinds(label.casefold(), lang)}
        if self.name and "." in self.name:
            found.add("site")
        if self.outlet(lang) and "account" not in found:  # "the account X" is no outlet
            found.add("outlet")
        if self.name and registered_kind(self.name):
            found.add(registered_kind(self.name))
        if self.concept is not None:
            found.add("organisation")
        return found

    @property
    def entity(self) -> str:
        return self.name or max(self.labels, key=len)


def _own_openers(table: Table) -> tuple[str, ...]:
    """The table's ``own_openers``: first-person singular possessives ("my", "mon", "мой")
    that open the description of the writer's own contact, who is anonymous when no name
    follows ("Мой знакомый, водитель из Казани"; not "mon ami de Riposte Nord")."""
    return _longest_first(tuple(table.raw.get("own_openers", ())))


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted((w.lower() for w in words), key=len, reverse=True))


class EntityResolver:
    """Assigns entities to speaker mentions in reading order (one per article)."""

    def __init__(self, table: Table):
        self.t = table
        self.concepts = [
            (concept, [word_stem(w) for w in phrase.lower().split()])
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

    def anonymous(self, mention: str, text: str = "", at: int = 0) -> bool:
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
        mention = self.owner(mention) or mention  # "the account of a nurse", "su análisis": whose it is
        toks = WORD.findall(mention)
        if len(toks) == 1 and toks[0].lower() in self.pronouns:  # not "she" for "several residents"
            return self.last_anonymous and not (self.last_anonymous_plural and singular(toks[0], self.t.language))
        head = head_words(mention, self.t)  # the phrase before its relative clause or apposition
        if indefinite(head, self.t):
            return True  # "Some say", "Certains affirment", "Кто-то утверждает": no one named
        if represents(head, self.t) or apposed_named(mention, self.t):
            return False  # a spokesperson speaks for a body; "One of them, the deputy Ivo Tamm" is named
        if unnamed_role(head, self.t) or self._same_unnamed(head):
            return True
        if text and never_named(mention, head, text, at, self.t):
            return True  # "the owner", "il suo autista": a person the article never names
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
        toks = mention_tokens(" ".join(head), self.t)
        if self.unnamed is None or not toks or len(toks) > 2 or not " ".join(toks).islower() or toks[-1] in CONNECTORS:
            return False  # "Interfax", "Кремлёвская прачечная": a name; "Le parquet de" clipped
        return toks[-1].lower() in {w.lower() for w in WORD.findall(self.unnamed.labels[0])}

    def resolve(self, mention: str, context: str = "", subject: bool = True, anonymous: bool | None = None) -> _Group | None:
        """The group of ``mention`` (None for anonymous speakers and unresolvable pronouns; a
        pronoun standing for an anonymous speaker has that speaker's description);
        read ``.entity`` once every mention is resolved, as groups grow. ``context``:
        the words before a name, which may tell its gender; ``subject``: whether the name
        is in the nominative, so that the ending of a given name tells it too."""
        owner = self.owner(mention)  # "su análisis": "su", a pronoun
        mention = owner or mention
        anonymous = self.anonymous(mention) if anonymous is None or owner else anonymous
        if len(mention.split()) > 1 or mention.lower() not in self.pronouns:
            self.last_anonymous = anonymous
            self.last_anonymous_plural = anonymous and mention_gender(mention, self.t.language) == "p"
        if anonymous and mention.lower() in self.pronouns:
            return self.unnamed  # "Un employé, qui … Selon lui, …": the description it stands for
        if anonymous:
            self.unnamed = _Group(None, None, None, labels=[" ".join(mention_tokens(" ".join(head_words(mention, self.t)), self.t))])
            return None
        if mention.lower() in self.pronouns:  # "his" in "in his words" is a determiner too
            return self.last_named
        toks = [unpossessed(t, self.t) for t in mention_tokens(self._head(mention), self.t)]
        if not toks:
            return None
        gender = mention_gender(mention, self.t.language, context, subject)
        titled = any(t.lower() in self.t.titles for t in toks + WORD.findall(context)[-2:])  # "… le maire" + name
        opener = WORD.findall(mention.lower())[:1]
        group = (self._described(toks, gender, opener[0] in self.t.anonymous_openers if opener else False) or self._body(toks)
                 or self._find(toks, self._quoted(mention) or self._apposed_name(mention) or mention_handle(mention)))
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
        tail = mention_tokens(mention[mention.find(quoted) + len(quoted) + 1 :], self.t)
        after = mention_name(tail, self.t) if tail and tail[0][:1].isupper() else None
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

    def owner(self, mention: str) -> str | None:
        """For a mention headed by a noun of what someone says or thinks (table
        ``statement_nouns``: "su análisis", "la stima del quotidiano", "the analysis of
        the ministry"): its owner, the possessive determiner (a pronoun: "su"), the words after
        the connector else; None for any other mention."""
        toks = mention_tokens(mention, self.t)
        owned = WORD.findall(mention)[-2:]  # "su análisis", "la sua analisi"
        if len(owned) == 2 and owned[0].lower() in self.t.possessive_determiners and self._statement(owned[1]) and len(toks) <= 2:
            return owned[0]
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
        head, name = toks[0].lower(), mention_name(toks, self.t) or ""
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
        family = kind_family(kind)

        def rank(group: _Group) -> int:
            kinds = group.kinds(lang) if group.name or group.concept else set()  # not "the portal's account"
            if kind in kinds:
                return 3
            if kinds & family:
                return 2
            return 1 if kind in NAMED_KINDS and not kinds and group.gender is None and unmarked_name(group.entity) else 0

        found = [(rank(g), g.seen, g) for g in self.groups if not self._person(g)]
        best = max(((r, seen, g) for r, seen, g in found if r), key=lambda f: f[:2], default=None)
        return best[2] if best else None

    def _person(self, group: _Group) -> bool:
        """A group a title describes ("the spokeswoman of X"), or named like a person (two
        to four capitalised words) with no noun of a body ("Ana Lis")."""
        if group.titled or any(label.split()[0].lower() in self.t.titles for label in group.labels if label):
            return True
        name = group.name or ""
        return 1 < len(name.split()) <= 4 and not unmarked_name(name) and not group.kinds(self.t.language)

    def _apposed_name(self, mention: str) -> str | None:
        """For "le maire de Dions, Paul Arnaud" or "the spokesman for the Interior
        Ministry, John Reed": the bare proper name of a later apposition ("Paul Arnaud",
        "John Reed"), when the first part opens with a common noun that the name only
        completes; for "Paul Arnaud, maire de Dions": the first part's name."""
        pieces = [p for p in re.split(r"\s*[,—–(]\s*", mention) if mention_tokens(p, self.t)]
        parts = [mention_tokens(p, self.t) for p in pieces]
        names = [mention_name(p, self.t) for p in parts]
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
        concept = table_concept(low, self.concepts)
        domain = toks[0] if len(toks) == 1 and DOMAIN.fullmatch(toks[0]) else None  # "esempio.it": a name
        name = None if concept else apposed or mention_name(toks, self.t) or domain
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
            if name and group.name and same_name(group.name, name, bool(self.t.dative_endings)):
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
