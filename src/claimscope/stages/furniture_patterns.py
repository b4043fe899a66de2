"""Line patterns of page furniture and the names a credit line gives, built from every
language table (see docs/stages.md, ``boilerplate`` and ``credit_line``).

``line_patterns`` compiles the boilerplate markers, credit and agency cues, agency names
and datelines of all tables into one set of expressions, so a marker of any language is
found in an article of any other; the predicates below say whether a piece of a line is
an agency, a domain or a capitalised name (``agency``, ``cue_name``, ``is_name``,
``outlet_name``), a registry outlet's whole name or an outlet's name closing the article
(``registered``, ``closing_name``), a row of share buttons (``share_buttons``) or a related-links marker
followed by a headline (``bare_headline``). The rules that use them to report lines are
in furniture_rules.py.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..langdata import common, tables
from ..outlets.mentions import find_mentions
from ..outlets.registry import default_registry
from . import furniture, furniture_credit
from .words import alternation

MAX_CREDIT_WORDS = 6
MAX_OUTLET_WORDS = 2  # "(Dân trí) - …"
MAX_BUTTONS_LABEL_WORDS = 4  # "Nos réseaux", "Мы в соцсетях" before a list of social networks
MAX_EDITION_WORDS = 2  # an agency's national edition: "Sputnik Brasil"
MAX_FUNCTION_LETTERS = 3  # "du", "del", "von", "báo" inside a name
MAX_CLOSING_WORDS = 5  # an outlet's name alone closing the article: "(La Gazzetta del Mezzogiorno)"
MAX_PARTICLE_LETTERS = 5  # small-letter words inside such a name: "de", "del", "della", "dello"
MAX_QUOTED_NAME_WORDS = 3  # «Новая газета», „Kurier Portowy”
MAX_OUTLET_NOUN_AT = 3  # "un article du …": the kind of outlet or text before the credited name
SOURCING = Path(__file__).resolve().parents[1] / "data" / "sourcing"  # its ``outlet_nouns``
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
_SPLIT_BUTTONS = re.compile(r"[\s|•·,/]+")
_QUOTE_MARKS = frozenset("«»„“”‚‘’\"")
_QUOTED_NAME = re.compile(r"[«„“‚‘\"][^«»„“”‚‘’\"]{1,60}[»“”‘’\"]")  # «Портовые вести», „Kurier Portowy”


@lru_cache(maxsize=1)
def markers() -> dict[str, list[tuple[str, str]]]:
    """casefolded boilerplate marker -> [(label, lang), ...]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for lang, t in tables().items():
        for label, markers in t["boilerplate"].items():
            for marker in markers:
                found.setdefault(marker.casefold(), []).append((label, lang))
    return found


@lru_cache(maxsize=1)
def agency_names() -> frozenset[str]:
    """The agencies of the common table and every name of a news agency in the outlet
    registry ("Agencia EFE", "Bernama", "Агентство Франс Пресс")."""
    registry = [o for o in default_registry().outlets if o.type == "news_agency"]
    return frozenset(common()["agencies"]).union(*(o.names() + o.context_aliases for o in registry))


@lru_cache(maxsize=1)
def line_patterns() -> dict[str, re.Pattern]:
    agencies = alternation(agency_names())
    cues = alternation(c for t in tables().values() for c in t["credit_cues"] + t["agency_cues"])
    agency_list = rf"(?:{agencies})(?:\s*[/,-]\s*(?:{agencies}))*"  # "AFP/Reuters", "ANSA-AFP"
    initials = r"(?-i:[^\W\d_A-ZА-ЯĄĆĘŁŃÓŚŹŻ]{1,4})"  # an editor's lower-case initials: "kw/PAP", "dpa/AFP/red"
    initials = rf"{initials}(?:-{initials})*"  # an editor's and a desk's: "ab-cd/ANSA"
    return {
        "boilerplate": re.compile(
            rf"^[\W_]*(?P<m>{alternation(markers())})(?!\w)"
            r"(?:\s*[:：|»›>—–→➜➡►▶⇒-].*|\s*\(\d+\)|\s+(?P<headline>[^\W\d_].*))?[\W_]*$",
            re.IGNORECASE,
        ),
        "credit": re.compile(  # "oprac. kw/PAP": an abbreviated cue keeps its full stop
            rf"^(?P<cue>{cues})(?!\w)\.?\s*(?P<colon>[:：—–-]?)\s*(?P<name>[^,;!?]{{2,80}}?)\s*\.?$", re.IGNORECASE
        ),
        "agency_line": re.compile(
            rf"^[—–-]?\s*\(?(?:{initials}\s*/\s*)??(?P<name>{agency_list})(?:\s*/\s*{initials})?\)?\.?$", re.IGNORECASE
        ),
        # "ab-cd/Newsdesk": an editor's initials, a slash and one capitalised name closing a wire story
        "signoff": re.compile(rf"^{initials}\s*/\s*(?P<name>[^\W\d_][\w-]{{2,30}})(?:\s*/\s*{initials})?\.?$"),
        "agency_tail": re.compile(rf"\((?P<name>{agency_list})\)\.?$"),
        "named_agency": re.compile(rf"(?<!\w)(?:{agencies})(?!\w)"),  # an agency's name, in its case
        "bracket_tail": re.compile(r"\([^()]{2,120}\)\.?$"),
        "cue": re.compile(rf"(?<=\s)(?:{cues})(?!\w)", re.IGNORECASE),
        "dateline": re.compile(
            rf"^[^\W\d_][^()\n]{{0,60}}?\s*\((?P<name>{agency_list})\)\.?\s*[-–—:]+", re.IGNORECASE  # "(EFE).-"
        ),
        # "МОСКВА, 14 ноя — РИА Новости.": place, day and month, a dash, the agency
        "dash_dateline": re.compile(
            rf"^[^\W\d_](?:[^\W\d]|[ .-]){{0,30}}?,\s*\d{{1,2}}\s+[^\W\d_]{{3,12}}\.?(?:\s+\d{{4}})?\s+[—–-]\s+(?P<name>{agency_list})[.,]",
        ),
        # "МОСКВА, 14 ноября. /ТАСС/.", "Москва. 14 ноября. ИНТЕРФАКС -": the agency after the date
        "stop_dateline": re.compile(
            rf"^[^\W\d_](?:[^\W\d]|[ -]){{0,30}}?[,.]\s*\d{{1,2}}\s+[^\W\d_]{{3,12}}\.?(?:\s+\d{{4}})?\.?"
            rf"\s+(?:/(?P<name>{agency_list})/\.?|(?P<upper>{agency_list})\s+[—–-])",
            re.IGNORECASE,
        ),
        # "(Dân trí) - …", "(TTXVN) – …": the outlet in brackets and a dash opening the paragraph
        "bracket_dateline": re.compile(r"^\((?P<name>[^\W\d_][^()]{1,40})\)\s*[—–-]+(?=\s)"),
        "bracket_line": re.compile(r"^\((?P<name>[^\W\d_][^()]{1,40})\)\.?$"),  # "(Nordnews)"
        # "… ha concluso. (Corriere della Sera)": brackets after the full stop of the paragraph's last sentence
        "stop_tail": re.compile(r"(?<=[.!?…»\"”])\s+(?P<tag>\((?P<name>[^\W\d_][^()]{1,60})\)\.?)$"),
        "dash_line": re.compile(r"^[—–-]+\s*(?P<name>[^\W\d_][^()]{0,40}?)\.?$"),  # "— Corriere della Sera"
    }


@lru_cache(maxsize=1)
def _agency_cues() -> frozenset[str]:
    return frozenset(c.casefold() for t in tables().values() for c in t["agency_cues"])



def agency(text: str) -> str | None:
    """The agency when ``text`` is only an agency name ("(AFP)", "REUTERS")."""
    match = line_patterns()["agency_line"].match(text.strip())
    if not match:
        signoff = line_patterns()["signoff"].match(text.strip())
        return signoff.group("name") if signoff and signoff.group("name")[0].isupper() else None
    name = match.group("name")
    agencies = agency_names()
    known = name in agencies or all(part in agencies for part in re.split(r"\s*[/,-]\s*", name))  # "dpa/AFP"
    return name if known or text.isupper() else None


def cue_name(part: str) -> str | None:
    """The name credited by a "cue + name" part ("Source : AFP", "Theo VnExpress")."""
    match = line_patterns()["credit"].match(part.strip())
    if not match:
        return None
    name, cue = _past_outlet_noun(match.group("name").strip()), match.group("cue").casefold()
    if any(w in furniture.caption_words() for w in furniture.words(name)[:3]):
        return None  # "Source photo: …", "Source of the picture: …" credit a picture, not the text
    single = " " not in cue and not match.group("colon")  # "laut", "selon": a preposition, not a label
    if single and _clause(name) and not line_patterns()["named_agency"].search(name):
        return None  # a sentence: "Laut Polizei gab es keine Verletzten."
    if cue in _agency_cues():  # "Avec AFP", "Za PAP": only before an agency or a domain
        named = _DOMAIN.search(name) or agency(name) or _agency_edition(name)
    else:
        named = _DOMAIN.search(name) or agency(name) or any(names_something(w) for w in name.split())  # "Quelle: dpa"
        named = named or not single and _quoted_name(name)  # "Источник: «Вести»", "По материалам газеты «Вести»"
    named = named or furniture_credit.vague_credit(name)  # "Com agências", "Source : agences"
    size = len([w for w in name.split() if w not in _QUOTE_MARKS])  # "« Le Courrier de la Baie »": five words
    return name if named and size <= MAX_CREDIT_WORDS else None


def _quoted_name(name: str, whole: bool = False) -> bool:
    """``name`` ends on (is, when ``whole``) a quoted name: at most
    ``MAX_QUOTED_NAME_WORDS`` words opening on a capital ("газеты «Портовые вести»"; a
    longer quotation is a title: "Original: «Forty ferries sail again this spring»")."""
    name = name.rstrip(". ")
    found = _QUOTED_NAME.search(name)
    short = bool(found) and len(found.group().split()) <= MAX_QUOTED_NAME_WORDS and (found.start() == 0 or not whole)
    return short and found.end() == len(name) and names_something(found.group()[1:])


def _past_outlet_noun(name: str) -> str:
    """The name after a kind of outlet or text in small letters among its first words,
    with the small words after it ("un article du Courrier de la Baie" → "Courrier de la
    Baie", "quotidiano Il Faro" → "Il Faro"; not "Agência Brasil"); ``name`` itself when
    there is none."""
    found = name.split()
    nouns = [n for n, w in enumerate(found[:MAX_OUTLET_NOUN_AT]) if w.islower() and w in _outlet_nouns()]
    if not nouns:
        return name
    rest = found[nouns[-1] + 1 :]
    while rest and rest[0].islower() and len(rest[0]) <= MAX_FUNCTION_LETTERS:
        rest = rest[1:]
    return " ".join(rest) if rest and names_something(rest[0]) else name


@lru_cache(maxsize=1)
def _outlet_nouns() -> frozenset[str]:
    """One-word kinds of outlet of every sourcing table ("journal", "газеты") and the page
    nouns of every language table ("article", "материал")."""
    found = {w.casefold() for t in tables().values() for w in t.get("notice_words", {}).get("page", ())}
    for path in SOURCING.glob("*.json"):
        found |= {w.casefold() for w in json.loads(path.read_text(encoding="utf-8")).get("outlet_nouns", ())}
    return frozenset(w for w in found if " " not in w)


def marked_name(name: str) -> bool:
    """A name marked as one by its shape: with a capital inside a word of small letters
    ("LaPresse") or of two or more capitalised words ("Tirreno Press"), not a capitalised
    common word ("Updated", "Opinion") nor one word in capitals ("END")."""
    found = name.split()
    inner = any(not w.isupper() and any(c.isupper() for c in w[1:]) for w in found)
    return 1 < len(found) <= MAX_OUTLET_WORDS and all(names_something(w) for w in found) or inner


def registered(name: str) -> bool:
    """The whole of ``name`` is a registry outlet's name, an ambiguous short one included,
    as it stands alone in a credit ("Corriere della Sera", "WDR", "SIC")."""
    return any(m.outlet and m.start == 0 and m.end == len(name) for m in find_mentions(name, [(0, len(name))]))


def published_in(name: str, agency_only: bool = False) -> str | None:
    """``name`` (its final full stop dropped) when it names where a text appeared: an
    agency or a registry outlet (with a leading article: "The Associated Press"), or,
    unless ``agency_only``, a domain, a quoted name, or ``MAX_CLOSING_WORDS`` words at most
    that open and close on a capitalised one (``particled``), two at least, not only names
    of languages ("in English and French"); never a word with a digit ("on Monday 3
    March") nor one word the registry does not know ("in English")."""
    name = name.strip().rstrip(".")
    found = name.split()
    if not found or any(c.isdigit() for c in name):
        return None
    if agency(name) or registered(name) or len(found) > 1 and (agency(" ".join(found[1:])) or registered(" ".join(found[1:]))):
        return name
    if agency_only:
        return None
    languages = {t["name"] for t in tables().values()}  # "in English and French": languages, not an outlet
    shaped = 1 < len(found) <= MAX_CLOSING_WORDS and particled(found) and not {w for w in found if w[:1].isupper()} <= languages
    return name if _DOMAIN.fullmatch(name) or _quoted_name(name, True) or shaped else None


def closing_name(name: str) -> bool:
    """An outlet's name alone in brackets closing the article: a registry outlet
    ("(Il Resto del Carlino)", "(WDR)"), or a name by its shape: one marked as a name
    (``marked_name``: "(Tirreno Press)", "(LaNotizia)"), or of three to
    ``MAX_CLOSING_WORDS`` words opening and closing on a capitalised one with small-letter
    words of at most ``MAX_PARTICLE_LETTERS`` letters between ("(Gazzetta del Borgo)",
    "(Eco della Valle)"). A common word or a word in capitals the registry does not know
    ("(Updated)", "(END)", "(FIN)", "(photo)") is no name; nor a caption word ("(Foto di …)")."""
    if registered(name):
        return True
    found = name.split()
    if not found or furniture.words(name)[:1] and furniture.words(name)[0] in furniture.caption_words():
        return False
    if len(found) <= MAX_OUTLET_WORDS:
        return outlet_name(name) and marked_name(name)
    return len(found) <= MAX_CLOSING_WORDS and any(w.islower() for w in found[1:-1]) and particled(found)


def _clause(name: str) -> bool:
    """Words after the first that are neither capitalised nor short function words: a
    clause, not a name ("Polizei gab es keine Verletzten" beside "Le Courrier du Nord").
    After a one-word cue without a colon, such a line credits only when it names an agency."""
    return any(len(w) > MAX_FUNCTION_LETTERS and w.islower() and not _DOMAIN.search(w) for w in name.split()[1:])


def _agency_edition(name: str) -> bool:
    """An agency's name and its edition's capitalised words ("Sputnik Brasil", "Reuters España")."""
    first, *rest = name.split() or [""]
    return 0 < len(rest) <= MAX_EDITION_WORDS and bool(agency(first)) and all(names_something(w) for w in rest)


def is_name(part: str) -> bool:
    """An agency, a domain, a quoted name, or capitalised words, with small-letter words
    between them ("Le Courrier de la Baie", "Diario del Puerto")."""
    found = part.split()
    return bool(_DOMAIN.search(part) or agency(part) or _quoted_name(part.strip(), True) or found and particled(found))


def particled(found: list[str]) -> bool:
    """Words that open and close on a capitalised one, with only small-letter words of
    at most ``MAX_PARTICLE_LETTERS`` letters between ("Eco della Valle", "Le Courrier de la Baie")."""
    return names_something(found[0]) and names_something(found[-1]) and all(
        names_something(w) or w.islower() and len(w) <= MAX_PARTICLE_LETTERS for w in found[1:-1]
    )


def names_something(word: str) -> bool:
    """Capitalised, a number, or in a script without case (Arabic, CJK...)."""
    first = word[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def outlet_name(name: str) -> bool:
    """An agency, a name in capitals or a short capitalised name ("Dân trí"), not a
    caption word ("(Video) – …")."""
    found = furniture.words(name)
    return bool(agency(name)) or 0 < len(found) <= MAX_OUTLET_WORDS and name[0].isupper() and found[0] not in furniture.caption_words()


def share_buttons(line: str) -> bool:
    """Two or more social networks and nothing else ("Facebook Twitter WhatsApp"), or
    after a short label and a colon ("Nos réseaux : Facebook, Telegram, YouTube")."""
    networks = common()["social_networks"]
    label, colon, rest = line.casefold().partition(":")
    if colon and (len(label.split()) > MAX_BUTTONS_LABEL_WORDS or line_patterns()["cue"].match(" " + label.strip(), 1)):
        return False  # "Source: Facebook, Telegram" credits the networks
    found = rest if colon else label
    buttons = [b for b in _SPLIT_BUTTONS.split(found.strip(" :.")) if b]
    if len(buttons) >= 2 and all(b in networks for b in buttons):
        return True
    items = [i.strip() for i in re.split(r"[,;|•·/]", found.strip(" :.")) if i.strip()]  # "truth social, gettr"
    return len(items) >= 2 and all(i in networks for i in items)


def bare_headline(marker: str, headline: str) -> bool:
    """"Read also Mayor opens the bridge": a related-links marker of two words or more
    followed, without a colon, by a capitalised headline (no final full stop)."""
    owners = markers()[marker.casefold()]
    return (
        " " in marker.strip() and any(label == "related_links" for label, _ in owners)
        and headline[:1].isupper() and furniture.headline_like(headline)
    )

