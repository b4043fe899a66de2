"""Page furniture recognised from line structure and the language's page words.

Helpers of the traces stage (docs/stages.md, ``boilerplate`` and ``credit_line``): the
fixed marker lines are matched in ``traces``; this module and its two companions add what a
marker list cannot cover, using ``page_words`` of the language tables (words of the
language: share, subscribe, comments, tags...). Here, the words and shapes every kind
shares:

* ``segments``: a line cut at `` | ``, `` · `` and `` • `` (a page's menu bars);
* ``segment_label``: a comment or subscriber counter ("57 commentaires", "Kommentare
  (37)", "👁 1 234"), a reading time ("Lesezeit 3 Min."), a tag list ("Tags: a, b, c",
  "Tags: a · b", "#a #b");
* ``about_heading``: "About <issuer>" closing a press release, or "About the author"
  (with its paragraph);
* ``headline_like``: a short line without final punctuation (the headlines listed
  under a related-links heading);
* ``section_heading``: a short label naming more news ("Other stories", "Altri
  articoli") or a navigation link ("Back to top");
* ``read_label``: a related-links label opening on a reading verb in any form
  ("Confira também: …", "Также читайте:");
* ``edge_shape``: a line at the page's edges shaped like furniture whatever its words:
  a breadcrumb trail ("Home › World › Europe"), a call to action led by a pictograph or
  an arrow ("👉 …", "➡ …"; not a heading in capitals), a wire's editor initials
  ("bur-xy/ab"), a short line carrying a link ("Mehr: example.org/abc").

Prompts addressed to the reader are in ``furniture_prompts``, credits in
``furniture_credit``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .attribution.lemmas import lemma, supported
from ..langdata import common, tables

MAX_SEGMENT_WORDS = 5  # a counter or reading time is a few words
MAX_ABOUT_WORDS = 8  # "About <issuer>": an issuer's name may be long ("Sobre Cooperativa Agrícola del Valle Alto")
MAX_TAG_WORDS = 4  # words of one tag ("climate change"; doubled where words are syllables)
MAX_PROMPT_WORDS = 20
SYLLABIC_SCALE = 2  # where words are written syllable by syllable (Vietnamese), counts of words double
CLOSING_LINES = 6  # lines at the end of the article where disclaimers and prompts sit
PROSE_WORDS = 25  # a line this long is the article's prose
OPENING_LINES = 3  # and lines under the title ("Translated automatically from Russian")
MAX_HEADLINE_WORDS = 15
MAX_NAME_WORDS = 4  # an extra name in a credit ("Theo A, B")
MAX_UNIT_CHARS = 400  # a longer line or sentence is prose, never page furniture
MAX_LINE_CHARS = 1000  # a longer line is not cut into menu parts
_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_TAGS = re.compile(r"^(?P<label>[^:：]{2,30}?)\s*[:：]\s*(?P<items>.+?)\.?$")
_HASHTAGS = re.compile(r"^(?:[#＃][^\W_][\w-]*[\s,;|·•]*){2,}$")
_ITEMS = re.compile(r"\s*[,;]\s*|\s+[|·•/]\s+")  # "a, b" · "a · b" · "a | b"
FINAL = tuple(".!?…:;")
_CRUMBS = re.compile(r"^[^>›»]{1,40}(?:\s[>›»]\s[^>›»]{1,40}){2,}$")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b(?:[\w-]+\.)+[a-z]{2,6}/\S*", re.IGNORECASE)
_ARROWS = frozenset("→➜➡►▶⇒⏩")
CAPITALS_SHARE = 0.6  # a line with this share of its letters in capitals is a heading
_BULLETS = frozenset("•‣▪◦·-–—*►")
MAX_CRUMB_WORDS = 3  # words of one breadcrumb
MAX_LINK_WORDS = 12  # a short line carrying a link
MAX_LABEL_WORDS = 4  # "Confira também", "Также читайте по теме"
_LABELLED = re.compile(
    r"^[\W_]*(?P<label>[^\W\d_][^:：—–|→➜➡►▶⇒]{0,40}?)\s*(?:[:：]|\s[—–]\s?|\s?[—–]\s|\s?[→➜➡►▶⇒]\s?)\s*(?P<rest>.*)$"
)


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded, with straight apostrophes."""
    return list(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:  # a line is read by many rules: each reads it once
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


@dataclass(frozen=True)
class Lexicon:
    """Page words of one label: single words (a set) and multi-word expressions."""

    entries: tuple[str, ...]
    singles: frozenset[str]
    phrases: tuple[str, ...]

    @classmethod
    def of(cls, entries) -> Lexicon:
        entries = tuple(dict.fromkeys(entries))
        return cls(entries, frozenset(e for e in entries if " " not in e), tuple(e for e in entries if " " in e))

    def opens(self, tokens: list[str]) -> bool:
        """``tokens`` open on an entry ("follow us on …")."""
        return bool(tokens) and (tokens[0] in self.singles or any(
            tokens[:reach] == phrase for reach, phrase in self._openings.get(tokens[0], ())
        ))

    @cached_property
    def _openings(self) -> dict[str, list[tuple[int, list[str]]]]:
        """First word -> (tokens compared, words) of each multi-word expression."""
        found: dict[str, list[tuple[int, list[str]]]] = {}
        for p in self.phrases:
            if p.split():
                found.setdefault(p.split()[0], []).append((p.count(" ") + 1, p.split()))
        return found

    def found_in(self, tokens: list[str]) -> set[str]:
        """The entries that ``tokens`` (from ``words``) hold as whole words."""
        hits = self.singles.intersection(tokens)
        if self.phrases:
            joined = " " + " ".join(tokens) + " "
            hits |= {p for p in self.phrases if f" {p} " in joined}
        return hits


EMPTY = Lexicon.of(())
STRUCTURAL = ("counter", "tags", "reading_time", "translation", "vague_sources")  # safe in every language


@lru_cache(maxsize=None)
def page_words(lang: str | None) -> dict[str, Lexicon]:
    """label -> words. Prompts and disclaimers: words of ``lang`` and English (English
    page furniture is everywhere); the ``STRUCTURAL`` labels, which only count inside a
    tight line structure, of every language (a Spanish tag list left in a French page)."""
    merged: dict[str, list[str]] = {}
    for t in tables().values():
        for label, entries in t.get("page_words", {}).items():
            if label in STRUCTURAL or t["lang"] in (lang, "en"):
                merged.setdefault(label, []).extend(entries)
    return {label: Lexicon.of(entries) for label, entries in merged.items()}


def segments(line: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of ``line`` between menu separators."""
    spans, pos = [], 0
    for sep in _SEPARATOR.finditer(line):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, len(line)))
    return [(s, e) for s, e in spans if line[s:e].strip()]


def segment_label(segment: str, lang: str | None) -> str | None:
    """"comments" (a counter), "reading_time" or "tags" for a piece of page furniture."""
    table_words = page_words(lang)
    stripped = segment.strip()
    if _HASHTAGS.match(stripped):
        return "tags"
    tokens = words(segment)
    if _symbol_counter(segment):
        return "comments"
    if len(tokens) <= MAX_SEGMENT_WORDS and any(c.isdigit() for c in segment):
        if table_words.get("counter", EMPTY).found_in(tokens):
            return "comments"
        if table_words.get("reading_time", EMPTY).found_in(tokens):
            return "reading_time"
    match = _TAGS.match(stripped)
    if match and len(match.group("label").split()) <= 2 and table_words.get("tags", EMPTY).found_in(words(match.group("label"))):
        items = [i for i in _ITEMS.split(match.group("items")) if i.strip()]
        scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
        single = len(items) == 1 and len(tokens) <= MAX_SEGMENT_WORDS * scale  # "Tags: Russia"
        if (len(items) >= 2 or single) and all(len(i.split()) <= MAX_TAG_WORDS * scale for i in items):
            return "tags"
    return None


def _symbol_counter(segment: str) -> bool:
    """"👁 1 234", "💬 12": a pictograph and a number, no letters."""
    if any(c.isalpha() for c in segment) or not any(c.isdigit() for c in segment):
        return False
    return any(unicodedata.category(c) == "So" for c in segment)


@lru_cache(maxsize=1)
def caption_words() -> frozenset[str]:
    """The ``caption_cues`` of every language ("photo", "foto", "ảnh")."""
    return frozenset(c.casefold() for t in tables().values() for c in t["caption_cues"])


@lru_cache(maxsize=1)
def _networks() -> frozenset[str]:
    return frozenset(n.casefold() for n in common()["social_networks"])


def _positions(tokens: list[str], lexicon: Lexicon, lang: str | None = None, lemmas=frozenset()) -> list[int]:
    """Where the entries of ``lexicon`` are in ``tokens`` (both ends of a phrase); a word
    also by its lemma among ``lemmas``."""
    found = [n for n, t in enumerate(tokens) if t in lexicon.singles or lemmas and _lemma(lang, t) in lemmas]
    for phrase in map(str.split, lexicon.phrases):
        size = len(phrase)
        starts = [n for n in range(len(tokens) - size + 1) if tokens[n : n + size] == phrase]
        found += [n + k for n in starts for k in (0, size - 1)]
    return found


@lru_cache(maxsize=None)
def notice_words(lang: str | None) -> dict:
    """label -> Lexicon of ``notice_words`` of ``lang`` and English (``page``, ``this``,
    ``ours``, ``you``), with ``page_lemmas``:
    the lemmas of the single-word page nouns."""
    merged: dict[str, list[str]] = {"page": [], "this": [], "ours": [], "you": []}
    lemmas = set()
    for code in dict.fromkeys((lang, "en")):
        for label, entries in tables().get(code or "", {}).get("notice_words", {}).items():
            merged[label].extend(entries)
            lemmas |= {_lemma(code, w) for w in entries if label == "page" and " " not in w}
    found: dict = {label: Lexicon.of(entries) for label, entries in merged.items()}
    found["page_lemmas"] = frozenset(lemmas)
    return found


def edge_shape(line: str, heading: bool = False) -> str | None:
    """"press_release", "breadcrumb", "call_to_action", "editor_slug", "link" or
    "end_mark" for a line at the page's edges shaped like furniture: the label of a press
    release and nothing else (``page_words.press_release`` of any language: "COMMUNIQUÉ DE
    PRESSE"; not "Пресс-релиз | 03.04.2021", a dateline, nor the label before a
    headline); a trail of ≥ 3 short items joined by ›, > or »; a line of at most
    ``MAX_PROMPT_WORDS`` words led by a pictograph or an arrow, not in capitals (a
    heading: "📱 FAKE SMS") nor ``heading`` a paragraph of prose (a section of a roundup:
    "🐟 The fish that walked"); a wire's editor initials (``editor_slug``); a line of at
    most ``MAX_LINK_WORDS`` words with a URL, not ending like prose; the mark that closes
    a press release ("###")."""
    stripped = line.strip()
    tokens = words(stripped)
    if not tokens:
        return "end_mark" if _END_MARK.fullmatch(stripped) else None
    if " ".join(tokens) in _press_release_labels():
        return "press_release"
    crumbs = _CRUMBS.match(stripped)
    if crumbs and all(len(part.split()) <= MAX_CRUMB_WORDS for part in re.split(r"\s[>›»]\s", stripped)):
        return "breadcrumb"
    lead = stripped[0]
    led = lead in _ARROWS or unicodedata.category(lead) == "So"
    if led and len(tokens) <= MAX_PROMPT_WORDS and not _capitals(stripped) and not heading:  # not a heading
        return "call_to_action"
    if editor_slug(stripped):
        return "editor_slug"
    if len(tokens) <= MAX_LINK_WORDS and _URL.search(stripped) and not stripped.endswith((".", "…")):
        return "link"
    return None


_END_MARK = re.compile(r"#{3,}")


@lru_cache(maxsize=1)
def _press_release_labels() -> frozenset[str]:
    """The ``press_release`` page words of every language, as ``words`` joins them."""
    return frozenset(" ".join(words(e)) for t in tables().values() for e in t["page_words"].get("press_release", ()))


_SLUG_PART = re.compile(r"[^\W_A-ZА-ЯЁ]{1,4}")  # lower-case letters and digits: "mla", "n1"
_UPPER_SLUG_PART = re.compile(r"[A-Z0-9]{2,4}")  # capitals and digits: "RED", "GIM", "Y8R"
MAX_SLUG_PARTS = 8


def editor_slug(line: str) -> bool:
    """A wire's closing line of editors' initials and codes: lower-case groups of at most
    four letters or digits joined by "/" or "-" without a space ("bur-mla/cb", "mp/ab"),
    or after an agency's name ("dpa lbn yybb n1 kre"); or groups of two to four capitals
    or digits, all so, joined the same way ("RED/GIM", "XYZ-AB"), none an agency's name
    ("AFP/AP" is a credit)."""
    parts = [p for p in re.split(r"[/\s-]+", line.strip().rstrip(".")) if p]
    if not 2 <= len(parts) <= MAX_SLUG_PARTS:
        return False
    agency = parts[0].casefold() in _agencies()
    codes = parts[1:] if agency else parts
    joined = agency or " " not in line.strip() and re.search(r"\w[/-]\w", line)
    if not (joined and codes) or any(p.isdigit() for p in codes):
        return False
    if all(_SLUG_PART.fullmatch(p) for p in codes):
        return True
    return not agency and all(_UPPER_SLUG_PART.fullmatch(p) and p.casefold() not in _agencies() for p in codes)


@lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    return frozenset(a.casefold() for a in common()["agencies"])


def _capitals(line: str) -> bool:
    """Most letters of ``line`` in capitals (a heading)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)


@lru_cache(maxsize=None)
def _prompt_lemmas(lang: str, key: str) -> frozenset[str]:
    """Lemmas of the ``key`` words of ``lang`` and English: the table's
    ``prompt_verbs[key]`` and single-word ``page_words[key]``."""
    found = set()
    for code in dict.fromkeys((lang, "en")):
        t = tables().get(code, {})
        entries = [*t.get("page_words", {}).get(key, ()), *t.get("prompt_verbs", {}).get(key, ())]
        found |= {_lemma(code, w) for w in entries if " " not in w}
    return frozenset(found)


def _lemma(lang: str, word: str) -> str:
    return lemma(lang, word) if supported(lang) else word


def section_heading(line: str, lang: str | None) -> str | None:
    """"related_links" for a short label naming more news: a ``more`` word and a ``news``
    word of the language or English ("Other stories", "Các tin khác", "Altri articoli");
    "navigation" for a navigation link ("Back to top", "Quay lại"). At most
    ``MAX_SEGMENT_WORDS`` words, no final full stop, question or exclamation mark."""
    stripped = line.strip()
    tokens = words(stripped)
    if not 0 < len(tokens) <= MAX_SEGMENT_WORDS or stripped.endswith((".", "!", "?")):
        return None
    table_words = page_words(lang)
    if table_words.get("navigation", EMPTY).found_in(tokens):
        return "navigation"
    return "related_links" if _more_news(tokens, table_words) else None


def _more_news(tokens: list[str], table_words: dict[str, Lexicon]) -> bool:
    return bool(table_words.get("news", EMPTY).found_in(tokens) and table_words.get("more", EMPTY).found_in(tokens))


def read_label(line: str, lang: str | None) -> str | None:
    """The label of a related-links line opening on a reading verb, in any form, before a
    colon or a dash ("Confira também: …", "Также читайте:", "Sprawdź też — …"): at most
    ``MAX_LABEL_WORDS`` words, one of them a ``read`` prompt verb of ``lang`` or English
    by lemma, or opening on a related-links marker of the table ("Potrebbe interessarti
    anche: …"), and at most ``MAX_HEADLINE_WORDS`` words after it."""
    match = _LABELLED.match(line.strip())
    if not match or len(words(match.group("rest"))) > MAX_HEADLINE_WORDS:
        return None
    label = words(match.group("label"))
    if not label or len(label) > MAX_LABEL_WORDS or not lang or "," in match.group("label"):
        return None  # a comma makes it a clause of a sentence ("Well, look how easy: …")
    verbs = _prompt_lemmas(lang, "read")
    related = _related_markers(lang).opens(label)  # "Potrebbe interessarti anche: …"
    return match.group("label") if related or any(_lemma(lang, w) in verbs for w in label) else None


@lru_cache(maxsize=None)
def _related_markers(lang: str) -> Lexicon:
    """The related-links markers of ``lang`` and English of two words or more, as words
    (a single word opening a label may open a sentence: "Главное — …")."""
    return Lexicon.of(
        " ".join(words(m)) for code in dict.fromkeys((lang, "en"))
        for m in tables().get(code, {}).get("boilerplate", {}).get("related_links", ()) if len(words(m)) > 1
    )


def about_heading(line: str, lang: str | None) -> bool:
    """"Sobre a Acme", "About Acme", "О компании «Акме»": a press release's closing
    section on its issuer (its last word capitalised, or a quoted name opening on a
    capital closing it); "About the author", "Об авторе": an author box."""
    found = line.split()
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1  # "Về Công ty Điện lực X"
    if not 2 <= len(found) <= MAX_ABOUT_WORDS * scale or line.rstrip().endswith(FINAL):
        return False
    tokens, table_words = words(line), page_words(lang)
    for about in table_words.get("about", EMPTY).entries:
        if tokens[: len(about.split())] == about.split():
            rest = " ".join(tokens[len(about.split()) :])
            quoted = _QUOTED_CLOSE.search(line.rstrip())  # "О компании «Северные паромы»": a quoted name, capitalised
            return _capitalised(found[-1]) or bool(quoted and quoted.group(1).isupper()) or rest in table_words.get("author", EMPTY).entries
    return False


_QUOTED_CLOSE = re.compile(r"[«„“\"]\s?([^\W\d_])[^«»„“”\"]*[»“”\"]$")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS


def headline_like(line: str) -> bool:
    """A short line that does not end like a sentence (a listed headline)."""
    stripped = line.rstrip()
    return 0 < len(words(stripped)) <= MAX_HEADLINE_WORDS and not stripped.endswith((".", ":"))


def listed_headline(line: str) -> bool:
    """A headline in a list: headline-like, or a short line led by a bullet or a dash
    (its final full stop kept: "• Mayor opens the bridge.")."""
    stripped = line.strip()
    bulleted = stripped[:1] in _BULLETS and 0 < len(words(stripped)) <= MAX_HEADLINE_WORDS
    return headline_like(line) or bulleted
