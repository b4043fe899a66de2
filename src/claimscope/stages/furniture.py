"""Page furniture recognised from line structure and the language's page words.

Helpers of the traces stage (docs/stages.md, ``boilerplate`` and ``credit_line``): the
fixed marker lines are matched in ``traces``; this module adds what a marker list cannot
cover, using ``page_words`` of the language tables (words of the language: share,
subscribe, comments, tags...):

* ``segments``: a line cut at `` | ``, `` · `` and `` • `` (a page's menu bars);
* ``segment_label``: a comment or subscriber counter ("57 commentaires", "Kommentare
  (37)", "👁 1 234"), a reading time ("Lesezeit 3 Min."), a tag list ("Tags: a, b, c",
  "Tags: a · b", "#a #b");
* ``prompt``: a share / subscribe / donate prompt (or a short line linking a channel on
  a social network), a cookie notice, a disclaimer at the end, or a notice where the
  page speaks of itself (``page_notice``: "This story was updated…", "… our app");
* ``reader_prompt``: a short line anywhere in the article addressed to the reader: an
  invitation to send news, photos or tips ("Send us your photos", "Пишите нам: …"), a
  key combination ("Found a typo? … Ctrl+Enter");
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
  ("bur-xy/ab"), a short line carrying a link ("Mehr: example.org/abc");
* ``source_note``: a note at the edges crediting a vague source ("Material prepared
  from open sources", "Texto elaborado con información de agencias");
* ``credit``: a credit line built from parts: a credit cue with its name, translation
  notes, agency names ("(Fonte: x.com, traduzione dall'inglese)", "(Theo A, B)").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..checkworthy.features import opinion_label
from .attribution.lemmas import lemma, supported
from .langdata import common, tables

MAX_SEGMENT_WORDS = 5  # a counter or reading time is a few words
MAX_ABOUT_WORDS = 8  # "About <issuer>": an issuer's name may be long ("Sobre Cooperativa Agrícola del Valle Alto")
MAX_TAG_WORDS = 4  # words of one tag ("climate change"; doubled where words are syllables)
MAX_PROMPT_WORDS = 20
MAX_READER_WORDS = 12  # a prompt that names no page nor address: "Send us your photos of the storm"
MAX_LEMMA_PROMPT_WORDS = 12  # a closing line opening on another form of a prompt verb
MIN_TITLE_WORDS = 5  # a line in title case this long is a headline, never a prompt
TITLE_SHARE = 0.8
PROMPT_POSITION = 4  # a prompt word among the first words of a clause ("don't forget to share")
SYLLABIC_SCALE = 2  # where words are written syllable by syllable (Vietnamese), counts of words double
CLOSING_LINES = 6  # lines at the end of the article where disclaimers and prompts sit
PROSE_WORDS = 25  # a line this long is the article's prose
OPENING_LINES = 3  # and lines under the title ("Translated automatically from Russian")
MIN_DISCLAIMER_WORDS = 2  # distinct disclaimer words in one line
MAX_DISCLAIMER_WORDS = 20  # a longer sentence is the story's prose, even among the closing lines
MAX_HEADLINE_WORDS = 15
MAX_NOTE_WORDS = 10  # a translation note ("traduit de l'allemand par ...")
MAX_NAME_WORDS = 4  # an extra name in a credit ("Theo A, B")
MAX_CHANNEL_WORDS = 12  # a short line linking a social-network channel
MAX_COMMENT_NOTICE = 6  # words of a closing line about comments or subscribers
MAX_UNIT_CHARS = 400  # a longer line or sentence is prose, never page furniture
MAX_LINE_CHARS = 1000  # a longer line is not cut into menu parts

_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_OPENING = re.compile(r"[.!?¡¿:…]+(?=\s|$)|^[¡¿]")
_CLAUSE = re.compile(r"[.!?¡¿:;,—–]+(?=\s|$)|\s[—–-]\s")
_TAGS = re.compile(r"^(?P<label>[^:：]{2,30}?)\s*[:：]\s*(?P<items>.+?)\.?$")
_HASHTAGS = re.compile(r"^(?:[#＃][^\W_][\w-]*[\s,;|·•]*){2,}$")
_LINK = re.compile(r"(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,6})/[\w@.-]+", re.IGNORECASE)
_ITEMS = re.compile(r"\s*[,;]\s*|\s+[|·•/]\s+")  # "a, b" · "a · b" · "a | b"
_QUOTED = re.compile(r"[«“„\"][^«»“”„\"]*[»”“\"]")
_PARTS = re.compile(r"\s*[|;,()\[\]]\s*")
FINAL = tuple(".!?…:;")
_CRUMBS = re.compile(r"^[^>›»]{1,40}(?:\s[>›»]\s[^>›»]{1,40}){2,}$")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b(?:[\w-]+\.)+[a-z]{2,6}/\S*", re.IGNORECASE)
_ARROWS = frozenset("→➜➡►▶⇒⏩")
CAPITALS_SHARE = 0.6  # a line with this share of its letters in capitals is a heading
_BULLETS = frozenset("•‣▪◦·-–—*►")
MAX_CRUMB_WORDS = 3  # words of one breadcrumb
MAX_LINK_WORDS = 12  # a short line carrying a link
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}|\(\d{2,4}\))[\s-]?\d[\d\s-]{5,}\d")  # "+84 24 3825 1234", "(21) 3333-4444"
NOTICE_REACH = 2  # a ``this`` word and its page noun ("this whole article", "bài viết này")
_KEYS = re.compile(r"(?:\b(?:Ctrl|Strg|Cmd)|⌘)\s*\+\s*\w+", re.IGNORECASE)  # "press Ctrl+Enter", "Strg+Enter"
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z_]\w{2,}")  # "@example_news"
MAX_LABEL_WORDS = 4  # "Confira também", "Также читайте по теме"
_LABELLED = re.compile(
    r"^[\W_]*(?P<label>[^\W\d_][^:：—–|→➜➡►▶⇒]{0,40}?)\s*(?:[:：]|\s[—–]\s?|\s?[—–]\s|\s?[→➜➡►▶⇒]\s?)\s*(?P<rest>.*)$"
)


def words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


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
            tokens[: p.count(" ") + 1] == p.split() for p in self.phrases
        ))

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


def _channel_link(line: str) -> bool:
    """``line`` links a channel or account on a social network ("t.me/example")."""
    return any(m.group(1).casefold() in _channel_domains() for m in _LINK.finditer(line))


@lru_cache(maxsize=1)
def _networks() -> frozenset[str]:
    return frozenset(n.casefold() for n in common()["social_networks"])


@lru_cache(maxsize=1)
def _channel_domains() -> frozenset[str]:
    return frozenset(common()["channel_domains"])


def prompt(line: str, lang: str | None, closing: bool) -> str | None:
    """"share_prompt", "subscribe", "donate", "cookie_notice" or "disclaimer" for a whole
    line, else None.

    A prompt word opens one of the line's clauses, outside quotation marks; the line is
    short and either sits among the closing lines or does not end like prose (no full
    stop). A disclaimer is a
    closing line with at least two disclaimer words."""
    tokens = words(line)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not line or line[0] in "«“„\"'‘" or len(tokens) > MAX_DISCLAIMER_WORDS * scale:
        return None
    if _title_case(line, lang):
        return None  # a headline ("Woman Steps Forward With …")
    unquoted = _QUOTED.sub("…", line)  # a prompt word inside a quotation is not a prompt
    if any(mark in unquoted for mark in "»”\"") or quotes_speech(line):
        return None  # the end of a quotation opened before this line; words someone said or wrote
    table_words = page_words(lang)
    short = len(tokens) <= MAX_PROMPT_WORDS * scale
    ends_like_prose = line.rstrip(" »”“\"')").endswith((".", "…"))
    if short and (closing or not ends_like_prose):
        # a line ending like prose must open on the prompt ("Abonnez-vous à ... ."),
        # others may have it at the head of any clause ("Veja e compartilhe")
        clauses = [words(c) for c in _CLAUSE.split(unquoted)]
        for label, key in (("share_prompt", "share"), ("subscribe", "subscribe"), ("donate", "donate")):
            lexicon = table_words.get(key, EMPTY)
            if ends_like_prose:  # among the closing lines: a clause opens on it ("Pour ne rien manquer, abonnez-vous.")
                found = lexicon.opens(tokens) or any(lexicon.opens(c) for c in clauses)
            else:
                found = any(lexicon.found_in(c[: PROMPT_POSITION * scale]) for c in clauses)
            if found:
                return label
            by_lemma = closing and not ends_like_prose and len(tokens) <= MAX_LEMMA_PROMPT_WORDS
            if by_lemma and any(_opens_on_lemma(c, lang, key) for c in clauses):
                return label  # "Apoiem o nosso trabalho", "Follow …": another form of a prompt verb
    if len(tokens) <= MAX_CHANNEL_WORDS and _channel_link(line):
        return "subscribe"  # "Наш канал: t.me/…", "Siga-nos: instagram.com/…"
    if short and table_words.get("cookie", EMPTY).found_in(tokens):
        return "cookie_notice"
    notice = closing and not ends_like_prose and len(tokens) <= MAX_COMMENT_NOTICE
    if notice and table_words.get("counter", EMPTY).found_in(tokens) and not genre_label(line, lang):
        return "comments"  # "Comments closed", "Réservé aux abonnés"
    about_comments = _opens_on_lemma(tokens[:2], lang, "counter", any) and _disclaimer_words(tokens, lang)
    if closing and len(tokens) <= MAX_LEMMA_PROMPT_WORDS and about_comments:
        return "comments"  # "Comments are moderated before they appear.", "Os comentários são moderados"
    if closing and _contact(line, tokens, lang):
        return "press_contact"
    if closing and _disclaimer_words(words(unquoted), lang) >= MIN_DISCLAIMER_WORDS and not about_heading(line, lang):
        return "disclaimer"
    if closing and (_KEYS.search(line) or page_notice(unquoted, lang)):
        return "page_notice"
    if closing and len(tokens) <= MAX_READER_WORDS and line.rstrip(_EMOJI_MODIFIERS)[-1:] in _POINTERS:
        return "call_to_action"  # "Here is what went viral 👇": the page points at what follows
    return None


_POINTERS = frozenset("👇⬇⤵🔽↓")
_EMOJI_MODIFIERS = " \ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"  # "👇🏽", "⬇️"


def quotes_speech(line: str) -> bool:
    """``line`` reports words someone said or wrote: a quotation opened after a colon
    (‘The post reads: "…"’) or one holding a colon or a sentence's punctuation (‘The page
    wrote "Source: the ministry" without a link.’), not a quoted name ("Follow «Our
    Channel» on Telegram")."""
    return bool(_SPEECH.search(line)) or any(_SENTENCE_MARKS.search(q.group()[1:-1]) for q in _QUOTED.finditer(line))


_SPEECH = re.compile(r"[:：]\s*[«“„\"]")
_SENTENCE_MARKS = re.compile(r"[:：.!?…]")


def genre_label(line: str, lang: str | None) -> bool:
    """A line without digits led by the genre of an opinion piece ("COMMENTO", "Bình
    luận | <headline>": the ``opinion_labels`` of the language's check-worthiness table,
    before the first "|", ":" or dash): the piece's header, not a comments widget
    ("Commenti (12)")."""
    head = _GENRE_HEAD.split(line.strip(), maxsplit=1)[0]
    return not any(c.isdigit() for c in line) and opinion_label(head, lang)


_GENRE_HEAD = re.compile(r"\s*[|:：]\s*|\s[—–-]\s")


def reader_prompt(line: str, lang: str | None, alone: bool = True) -> str | None:
    """A prompt addressed to the reader, wherever it stands in the article (the caller
    asks it only of a line of at most ``MAX_PROMPT_WORDS`` words): "page_notice" for a
    key combination ("Found a typo? Select it and press Ctrl+Enter"); "reader_prompt"
    (or "share_prompt", "subscribe", "donate") when the line or one of its sentences (or
    a part after a colon) opens on a ``submit`` or ``contact`` (``share``, ``subscribe``,
    ``donate``) verb of ``lang`` or English (by lemma; "envoyez-nous" by its head) and
    the line names the page or its outlet: a ``page`` notice word, a social network, an
    e-mail address, a phone number, a handle or a link; for a ``submit`` or ``contact``
    verb also (in at most ``MAX_READER_WORDS`` words) an ``ours`` word, or a ``you`` word
    after a ``submit`` verb ("Send us your
    photos", "Пишите нам: news@…", "Subscribe to our channel so you miss nothing."; not
    "Support our troops, the crowd chanted"). A sentence not ``alone`` on its line (a
    host's words in a transcript turn) needs the page, an address, or a ``you`` word after
    a ``submit`` verb: "They call us, asking …" is the story."""
    tokens = words(line)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not tokens or len(tokens) > MAX_PROMPT_WORDS * scale or line[0] in "«“„\"'‘" or _title_case(line, lang):
        return None
    unquoted = _QUOTED.sub("_", line)  # a quoted name, not a sentence end: "Kanał „X” napisał, że …"
    if any(mark in unquoted for mark in "»”\""):
        return None
    if _KEYS.search(unquoted):
        return "page_notice"
    if not lang:
        return None
    clauses = [words(c) for c in _SENTENCE_OPENING.split(unquoted)]  # not after a comma: "X, a group, emailed …"
    heads = {_lemma(lang, c[0].split("-")[0]) for c in clauses if c}
    keys = [key for key in _READER_KEYS if heads & _prompt_lemmas(lang, key)]
    if not keys:
        return None
    parts = [p for t in words(unquoted) for p in t.split("-")]  # "envoyez-nous" -> "nous"
    found = notice_words(lang)
    networks = (set(parts) - {c[0] for c in clauses if c}) & _networks()  # not the verb itself ("Email …")
    page = _positions(parts, found["page"], lang, found["page_lemmas"]) or networks
    contact = _EMAIL.search(line) or _PHONE.search(line) or _HANDLE.search(line) or _URL.search(line)
    if page or contact:
        return _READER_KEYS[keys[0]]
    # "Send us your photos"; not "Support our troops, …", "Write to your MP, …", nor a
    # sentence of the story ("Contacté par nos soins, le service de presse n'a pas …")
    yours = "submit" in keys and found["you"].found_in(parts)
    reader = len(tokens) <= MAX_READER_WORDS and (yours or alone and found["ours"].found_in(parts))
    return "reader_prompt" if reader and {"submit", "contact"} & set(keys) else None


_READER_KEYS = {  # prompt verbs opening a sentence -> label
    "submit": "reader_prompt", "contact": "reader_prompt", "share": "share_prompt", "subscribe": "subscribe", "donate": "donate",
}


def page_notice(text: str, lang: str | None) -> bool:
    """The page speaking of itself or to its reader, in at most ``MAX_PROMPT_WORDS``
    words (``notice_words`` of ``lang`` and English, page nouns compared by lemma): a
    ``page`` noun or a social network at most ``NOTICE_REACH`` words after a ``this`` or
    an ``ours`` word, in the same clause ("this article was updated", "get our free app",
    "écrivez à notre rédaction", "watch it on our Telegram"; before it where the table
    sets ``determiner_after_noun``: "bài viết này"; not "Which colleague, the channel does
    not say."). A ``this`` word counts only in the first half of the line: later, "this
    article" closes a sentence of the story ("The ministry had not replied by the
    publication of this article.")."""
    clauses = [words(c) for c in _CLAUSE.split(text)]
    tokens = [t for c in clauses for t in c]
    if len(tokens) > MAX_PROMPT_WORDS:
        return False
    clause_of = [n for n, c in enumerate(clauses) for _ in c]
    found = notice_words(lang)
    page = _positions(tokens, found["page"], lang, found["page_lemmas"]) + [n for n, t in enumerate(tokens) if t in _networks()]
    near = [m for m in _positions(tokens, found["this"]) if 2 * m <= len(tokens)] + _positions(tokens, found["ours"])
    after = tables().get(lang or "", {}).get("determiner_after_noun", False)  # "bài viết này"
    return any(
        0 < (m - n if after else n - m) <= NOTICE_REACH and clause_of[m] == clause_of[n] for n in page for m in near
    )


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
MAX_SLUG_PARTS = 8


def editor_slug(line: str) -> bool:
    """A wire's closing line of editors' initials and codes: lower-case groups of at most
    four letters or digits joined by "/" or "-" without a space ("bur-mla/cb", "mp/ab"),
    or after an agency's name ("dpa lbn yybb n1 kre")."""
    parts = [p for p in re.split(r"[/\s-]+", line.strip().rstrip(".")) if p]
    if not 2 <= len(parts) <= MAX_SLUG_PARTS:
        return False
    agency = parts[0].casefold() in _agencies()
    codes = parts[1:] if agency else parts
    joined = agency or " " not in line.strip() and re.search(r"\w[/-]\w", line)
    return bool(joined and codes) and all(_SLUG_PART.fullmatch(p) and not p.isdigit() for p in codes)


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


def _disclaimer_words(tokens: list[str], lang: str | None) -> int:
    """Distinct disclaimer words in ``tokens``: page words, and forms of their lemmas
    ("мнением" = "мнение", "opinię" = "opinia")."""
    lexicon = page_words(lang).get("disclaimer", EMPTY)
    phrases = {p for p in lexicon.found_in(tokens) if " " in p}
    lemmas = {_lemma(lang, t) for t in tokens if t in lexicon.singles} if lang else set(lexicon.found_in(tokens))
    if lang:
        lemmas |= {_lemma(lang, t) for t in tokens} & _prompt_lemmas(lang, "disclaimer")
    return len(phrases) + len(lemmas)


def _contact(line: str, tokens: list[str], lang: str | None) -> bool:
    """A contact line: an e-mail address or a phone number, or a ``contact`` verb of the
    language (by lemma) in a line ending on a colon ("Để biết thêm, xin liên hệ:")."""
    if _EMAIL.search(line) or _PHONE.search(line):
        return True
    if not (lang and line.rstrip().endswith((":", "："))):
        return False
    verbs = _prompt_lemmas(lang, "contact")
    phrases = Lexicon.of(tables().get(lang, {}).get("prompt_verbs", {}).get("contact", ()))  # "liên hệ"
    return any(_lemma(lang, t) in verbs for t in tokens) or bool(phrases.found_in(tokens))


def _opens_on_lemma(tokens: list[str], lang: str | None, key: str, among=None) -> bool:
    """The line opens on a form of one of the prompt words ("apoiem" = "apoiar"); with
    ``among=any``, any of ``tokens`` is one."""
    if not (lang and tokens):
        return False
    lemmas = _prompt_lemmas(lang, key)
    return among(_lemma(lang, t) in lemmas for t in tokens) if among else _lemma(lang, tokens[0]) in lemmas


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


def _title_case(line: str, lang: str | None) -> bool:
    """Most of at least ``MIN_TITLE_WORDS`` words capitalised, the rest not in capitals;
    never where the table sets ``capitalised_nouns`` (German capitalises every noun and
    writes headlines in sentence case: "Folgen Sie der Redaktion auf Instagram")."""
    if tables().get(lang or "", {}).get("capitalised_nouns"):
        return False
    found = [w for w in _WORD.findall(line) if not w.isupper()]
    capitalised = sum(w[:1].isupper() for w in found)
    return len(found) >= MIN_TITLE_WORDS and capitalised >= TITLE_SHARE * len(found)


def about_heading(line: str, lang: str | None) -> bool:
    """"Sobre a Acme", "About Acme": a press release's closing section on its issuer;
    "About the author", "Об авторе": an author box."""
    found = line.split()
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1  # "Về Công ty Điện lực X"
    if not 2 <= len(found) <= MAX_ABOUT_WORDS * scale or line.rstrip().endswith(FINAL):
        return False
    tokens, table_words = words(line), page_words(lang)
    for about in table_words.get("about", EMPTY).entries:
        if tokens[: len(about.split())] == about.split():
            rest = " ".join(tokens[len(about.split()) :])
            return _capitalised(found[-1]) or rest in table_words.get("author", EMPTY).entries
    return False


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


def vague_credit(name: str) -> bool:
    """A credited name that is only a word for agencies ("agências", "Agenturen")."""
    return bool(page_words(None).get("vague_sources", EMPTY).found_in([" ".join(words(name))]))


def source_note(line: str, lang: str | None) -> str | None:
    """The vague source of a note saying what the text was put together from ("Material
    prepared from open sources", "Texto elaborado con información de agencias"): at most
    ``MAX_NOTE_WORDS`` words, opening (within its first two words) on a ``page`` noun of
    ``lang`` or English, on a credit cue of ``lang`` or on a vague source, and ending (within its last two words) on a
    vague source of ``lang`` or English, compared by lemma; no quotation, no other
    capitalised word (a name makes it a credit or a sentence)."""
    stripped = line.strip()
    tokens = words(stripped)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not lang or not 2 < len(tokens) <= MAX_NOTE_WORDS * scale or stripped[0] in "«“„\"'‘(":
        return None
    if any(w[:1].isupper() for w in _WORD.findall(stripped)[1:]):
        return None
    lemmas = [_lemma(lang, t) for t in tokens]
    found = notice_words(lang)
    head = [n for n in _positions(tokens, found["page"], lang, found["page_lemmas"]) if n < 2 * scale]
    head = head or _credit_cues(lang).opens(tokens)  # "Подготовлено по материалам …"
    for entry in _vague_lemmas(lang):
        size = len(entry)
        at = [n for n in range(len(lemmas) - size + 1) if tuple(lemmas[n : n + size]) == entry]
        ends = [n for n in at if n + size >= len(lemmas) - 2 * scale + 1]
        if ends and (head or at[0] == 0):
            return " ".join(tokens[ends[-1] : ends[-1] + size])
    return None


def page_led(line: str, lang: str | None) -> bool:
    """A line of at most ``MAX_HEADLINE_WORDS`` words whose first three words hold a
    ``page`` noun of ``lang`` or English ("This article first appeared …", "Cet article a
    été publié …")."""
    tokens = words(line)
    scale = SYLLABIC_SCALE if tables().get(lang or "", {}).get("syllabic") else 1
    if not tokens or len(tokens) > MAX_HEADLINE_WORDS * scale or line.lstrip()[:1] in "«“„\"'‘(":
        return False
    found = notice_words(lang)
    return any(n < 3 * scale for n in _positions(tokens, found["page"], lang, found["page_lemmas"]))


@lru_cache(maxsize=None)
def _credit_cues(lang: str) -> Lexicon:
    return Lexicon.of(" ".join(words(c)) for c in tables().get(lang, {}).get("credit_cues", ()))


@lru_cache(maxsize=None)
def _vague_lemmas(lang: str) -> tuple[tuple[str, ...], ...]:
    """The ``vague_sources`` of ``lang`` and English as lemma sequences."""
    found = []
    for code in dict.fromkeys((lang, "en")):
        for entry in tables().get(code, {}).get("page_words", {}).get("vague_sources", ()):
            found.append(tuple(_lemma(code, w) for w in words(entry)))
    return tuple(dict.fromkeys(found))


def translation_note(part: str, lang: str | None) -> bool:
    """A short part that opens (within its first three words) on a translation word
    ("traduit de l'allemand"), or on another form of one of ``lang`` or English, compared by
    lemma ("Tekst przetłumaczony automatycznie" = "przetłumaczone")."""
    found = words(part)
    if not 0 < len(found) <= MAX_NOTE_WORDS:
        return False
    if page_words(lang).get("translation", EMPTY).found_in(found[:3]):
        return True
    return bool(lang) and any(_lemma(lang, w) in _translation_lemmas(lang) for w in found[:3])


@lru_cache(maxsize=None)
def _translation_lemmas(lang: str) -> frozenset[str]:
    """Lemmas of the single-word ``translation`` page words of ``lang`` and English."""
    return frozenset(
        _lemma(code, w) for code in dict.fromkeys((lang, "en"))
        for w in tables().get(code, {}).get("page_words", {}).get("translation", ()) if " " not in w
    )


def credit(line: str, lang: str | None, cue_name, is_name) -> tuple[str, str] | None:
    """(label, credited name) when ``line`` is a credit made of parts.

    ``cue_name(part)`` gives the name of a "cue + name" part or None; ``is_name(part)``
    says a part is a name (agency, domain, capitalised words). Bracketed, every part may
    come in any order and a vague source alone counts ("(tổng hợp)"); unbracketed, the
    credit or a translation note comes first."""
    text = line.strip().rstrip(".")
    bracketed = text[:1] in "([" and text[-1:] in ")]"
    parts = [p for p in _PARTS.split(text) if p.strip()]
    if not parts:
        return None
    names, notes = [], 0
    for part in parts:
        name = cue_name(part)
        if name:
            names.append(name)
        elif translation_note(part, lang):
            notes += 1
        elif names and is_name(part) and len(part.split()) <= MAX_NAME_WORDS:
            names.append(part.strip())
        elif bracketed and vague_credit(part):  # "(tổng hợp)", "(agencias)"
            names.append(part.strip())
        else:
            return None
    if names:
        return "source_line", ", ".join(names)
    if notes and (bracketed or len(parts) == 1):
        return "translation_note", ""
    return None
