"""Page furniture that speaks to the reader (docs/stages.md, ``boilerplate``).

Helpers of the traces stage beside ``furniture``:

* ``prompt``: a share / subscribe / donate prompt (or a short line linking a channel on
  a social network), a cookie notice, a disclaimer at the end, a notice where the page
  speaks of itself (``page_notice``: "This story was updated…", "… our app"), or a line
  pointing at what follows ("… 👇");
* ``reader_prompt``: a short line anywhere in the article addressed to the reader: an
  invitation to send news, photos or tips ("Send us your photos", "Пишите нам: …"), a
  key combination ("Found a typo? … Ctrl+Enter");
* ``genre_label``: an opinion piece's genre label, which is no comments widget.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..checkworthy.features import opinion_label
from .furniture import (
    EMPTY, MAX_PROMPT_WORDS, SYLLABIC_SCALE, _URL, _WORD, Lexicon, _lemma, _networks, _positions,
    _prompt_lemmas, about_heading, notice_words, page_words, words,
)
from ..langdata import common, tables

MAX_READER_WORDS = 12  # a prompt that names no page nor address: "Send us your photos of the storm" (numbers not counted)
MAX_LEMMA_PROMPT_WORDS = 12  # a closing line opening on another form of a prompt verb
MIN_TITLE_WORDS = 5  # a line in title case this long is a headline, never a prompt
TITLE_SHARE = 0.8
PROMPT_POSITION = 4  # a prompt word among the first words of a clause ("don't forget to share")
MIN_DISCLAIMER_WORDS = 2  # distinct disclaimer words in one line
MAX_DISCLAIMER_WORDS = 20  # a longer sentence is the story's prose, even among the closing lines
MAX_CHANNEL_WORDS = 12  # a short line linking a social-network channel
MAX_COMMENT_NOTICE = 6  # words of a closing line about comments or subscribers
_SENTENCE_OPENING = re.compile(r"[.!?¡¿:…]+(?=\s|$)|^[¡¿]")
_CLAUSE = re.compile(r"[.!?¡¿:;,—–]+(?=\s|$)|\s[—–-]\s")
_LINK = re.compile(r"(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,6})/[\w@.-]+", re.IGNORECASE)
_QUOTED = re.compile(r"[«“„\"][^«»“”„\"]*[»”“\"]")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\b", re.IGNORECASE)
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}|\(\d{2,4}\))[\s-]?\d[\d\s-]{5,}\d")  # "+84 24 3825 1234", "(21) 3333-4444"
NOTICE_REACH = 2  # a ``this`` word and its page noun ("this whole article", "bài viết này")
_KEYS = re.compile(r"(?:\b(?:Ctrl|Strg|Cmd)|⌘)\s*\+\s*\w+", re.IGNORECASE)  # "press Ctrl+Enter", "Strg+Enter"
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z_]\w{2,}")  # "@example_news"


def _channel_link(line: str) -> bool:
    """``line`` links a channel or account on a social network ("t.me/example")."""
    return any(m.group(1).casefold() in _channel_domains() for m in _LINK.finditer(line))


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
        clauses = [unprefixed(words(c), lang) for c in _CLAUSE.split(unquoted)]
        for label, key in (("share_prompt", "share"), ("subscribe", "subscribe"), ("donate", "donate")):
            lexicon = table_words.get(key, EMPTY)
            if ends_like_prose:  # among the closing lines: a clause opens on it ("Pour ne rien manquer, abonnez-vous.")
                found = lexicon.opens(unprefixed(tokens, lang)) or any(lexicon.opens(c) for c in clauses)
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
    short_closing = closing and len(tokens) <= MAX_LEMMA_PROMPT_WORDS
    if short_closing and _opens_on_lemma(tokens[:2], lang, "counter", any) and _disclaimer_words(tokens, lang):
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
    ``donate``) verb of ``lang`` or English (by lemma; "envoyez-nous" by its head, and
    "Mándanoslo", "Segnalaci" by the imperative before their pronouns: ``_heads``) and
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
    clauses = [unprefixed(words(c), lang) for c in _SENTENCE_OPENING.split(unquoted)]  # not after a comma: "X, a group, emailed …"
    heads = set().union(*(_heads(lang, c[0]) for c in clauses if c))
    keys = [key for key in _READER_KEYS if heads & _prompt_lemmas(lang, key)]
    if not keys:
        return None
    parts = [p for t in words(unquoted) for p in t.split("-")]  # "envoyez-nous" -> "nous"
    parts += [p for c in clauses if c for p in _enclitics(lang, c[0])[1]]  # "Contáctanos" -> "nos"
    found = notice_words(lang)
    networks = (set(parts) - {c[0] for c in clauses if c}) & _networks()  # not the verb itself ("Email …")
    page = _positions(parts, found["page"], lang, found["page_lemmas"]) or networks
    contact = _EMAIL.search(line) or _PHONE.search(line) or _HANDLE.search(line) or _URL.search(line)
    if page or contact:
        return _READER_KEYS[keys[0]]
    # "Send us your photos"; not "Support our troops, …", "Write to your MP, …", nor a
    # sentence of the story ("Contacté par nos soins, le service de presse n'a pas …")
    yours = "submit" in keys and found["you"].found_in(parts)
    reader = sum(not t.isdigit() for t in tokens) <= MAX_READER_WORDS and (yours or alone and found["ours"].found_in(parts))
    return "reader_prompt" if reader and {"submit", "contact"} & set(keys) else None


def unprefixed(tokens: list[str], lang: str | None) -> list[str]:
    """``tokens`` without the word of politeness opening them (``polite_openers`` of
    ``lang`` and English: "Please send us …", "Bitte teilen Sie …", "Пожалуйста,
    подпишитесь …", "Hãy gửi cho chúng tôi …"), so the prompt verb after it opens the clause."""
    for opener in _polite_openers(lang):
        if len(tokens) > len(opener) and tuple(tokens[: len(opener)]) == opener:
            return tokens[len(opener) :]
    return tokens


@lru_cache(maxsize=None)
def _polite_openers(lang: str | None) -> tuple[tuple[str, ...], ...]:
    """The ``polite_openers`` of ``lang`` and English as words, longest first."""
    found = {tuple(words(o)) for code in dict.fromkeys((lang, "en")) for o in tables().get(code or "", {}).get("polite_openers", ())}
    return tuple(sorted(found, key=len, reverse=True))


_ACUTE = str.maketrans("áéíóú", "aeiou")
MAX_ENCLITICS = 2  # "mánda|nos|lo"


def _heads(lang: str, word: str) -> set[str]:
    """The lemmas a clause's first word may have as a verb: its own, that of its head
    before a hyphen ("envoyez-nous"), and where the table lists ``enclitics`` (pronouns
    written solid after an imperative: Spanish, Italian), those of the imperative with
    them taken off and its written accent dropped, and that imperative with "-r" (the
    infinitive of a Spanish verb in "-ar": "Mándanoslo" → "manda", "mandar"; "Segnalaci"
    → "segnalare")."""
    head = word.split("-")[0]
    found = {_lemma(lang, head)}
    stem, clitics = _enclitics(lang, head)
    if clitics:
        plain = stem.translate(_ACUTE)
        found |= {_lemma(lang, plain), plain + "r"}
    return found


def _enclitics(lang: str, word: str) -> tuple[str, list[str]]:
    """``word`` (case-folded) without up to ``MAX_ENCLITICS`` of the table's ``enclitics``
    at its end, and those pronouns ("mándanoslo" → "mánda", ["nos", "lo"])."""
    enclitics = sorted(tables().get(lang, {}).get("enclitics", ()), key=len, reverse=True)
    stem, found = word.casefold(), []
    for _ in range(MAX_ENCLITICS):
        clitic = next((c for c in enclitics if stem.endswith(c) and len(stem) > len(c) + 2), None)
        if clitic is None:
            break
        stem, found = stem[: -len(clitic)], [clitic, *found]
    return stem, found


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


def _title_case(line: str, lang: str | None) -> bool:
    """Most of at least ``MIN_TITLE_WORDS`` words capitalised, the rest not in capitals;
    never where the table sets ``capitalised_nouns`` (German capitalises every noun and
    writes headlines in sentence case: "Folgen Sie der Redaktion auf Instagram")."""
    if tables().get(lang or "", {}).get("capitalised_nouns"):
        return False
    found = [w for w in _WORD.findall(line) if not w.isupper()]
    capitalised = sum(w[:1].isupper() for w in found)
    return len(found) >= MIN_TITLE_WORDS and capitalised >= TITLE_SHARE * len(found)
