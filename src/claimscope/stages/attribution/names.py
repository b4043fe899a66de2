"""Names in speaker mentions: the words of a mention without its determiners, the name it
holds (its last run of capitalised words that is no demonym or title: "la préfecture du
Gard", "dyrektor Ośrodka X Jan Kowal" -> "Jan Kowal"), two forms of one name ("Poutine",
"Vladimir Poutine"; "Сельберга", "Сельберг"), a name that reads as a body's ("OTPCE"),
and names found beside a mention: an account handle, a title in quotation marks, a name
set off by commas after it, the name that followed the same noun earlier in the text.
"""

from __future__ import annotations

import re

from ...outlets import find_mentions
from .genders import CONNECTORS
from .kinds import OUTLET_KINDS, REGISTERED, body_kind, kind_family
from .lemmas import lemma, supported
from .spans import WORD, place_words
from .tables import Table

APPOSED_REACH = 60  # characters after a speaker where its apposed name may end


def mention_tokens(text: str, table: Table) -> list[str]:
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


def unmarked_name(name: str) -> bool:
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


def unpossessed(word: str, table: Table) -> str:
    """``word`` without a possessive ending of the table ("Trump's" -> "Trump")."""
    for ending in table.possessives:
        if word.lower().endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def described_name(text: str, pos: int, noun: str, table: Table) -> str | None:
    """For a speaker that is one common noun ("the portal", "канала", "nadleśniczego"):
    the name that followed the same noun (by a crude stem) where the text last used it
    with one ("the Russian portal ukraina.ru", "leśniczy Adam Nowicki", "канал
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
                if len(run) == 1 and kind is None:  # a person noun: "radna klubu Razem dla Brzezin Anna Lis"
                    return _closing_name(text, toks[j:k + DESCRIPTION_REACH], table) or text[run[0].start() : run[-1].end()]
                return text[run[0].start() : run[-1].end()]
    return registered[1] if registered else None


DESCRIPTION_REACH = 9  # words after a person noun that the name closing its description may end by


def _closing_name(text: str, toks: list, table: Table) -> str | None:
    """The name of two words or more that closes a description whose first capitalised
    word (``toks[0]``) only completes its noun, up to the clause's end: "Razem" in
    "radna klubu Razem dla Brzezin Anna Lis", "Ледмозерского" in "глава Ледмозерского
    поселения Нина Корхонен"."""
    end = next((i for i in range(1, len(toks)) if any(
        c in ",.;:!?()\n" for c in text[toks[i - 1].end() : toks[i].start()])), len(toks))
    name = mention_name([t.group() for t in toks[:end]], table)
    return name if name and len(name.split()) > 1 and name.split()[0] != toks[0].group() else None


def _registered_before(text: str, pos: int, kind: str) -> tuple[int, str] | None:
    """Where the latest registered outlet named before ``pos`` that an outlet noun of
    ``kind`` may stand for starts, and its name as written."""
    for m in reversed(find_mentions(text[:pos])):
        if m.outlet is not None and m.domain is None and REGISTERED.get(m.outlet.type, "outlet") in kind_family(kind) | {"outlet"}:
            return m.start, text[m.start : m.end]
    return None


DOMAIN = re.compile(r"\w[\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")  # "esempio.it", "news-site.co.uk"
QUOTED_NAME = re.compile(r"[«„“\"][ \u00a0\u202f]?([^\W\d_][^«»„“”\"\n]{0,58}[\w.!?])[ \u00a0\u202f]?[»“”\"]")


HANDLE = re.compile(r"(?<![\w@])@\w+(?:\.\w+)*")  # an account's handle: "@anna_k", "@tia.rosa"


def mention_handle(mention: str) -> str | None:
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


def same_name(a: str, b: str, cases: bool = False) -> bool:
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


def mention_name(toks: list[str], table: Table) -> str | None:
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
