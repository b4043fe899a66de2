"""Words glued together by machine translation or copying (label ``fused_words``;
docs/stages.md, ``garbled_sentence``); words cut in two (``split_word``) are in
word_splits.py.

* ``fused_words``: a long token that the language's word list (wordfreq, bundled with
  its package) does not know but that splits into two common words: "précisemilitants"
  = "précise" + "militants" (a capitalised token needs two frequent words:
  "Consigliocomunale"). A known word behind one of the language's
  ``compound_prefixes`` ("under|taxed", "multi|decade") or before one of its
  ``compound_suffixes`` ("circus|like"), or two words the word list knows hyphenated
  ("long-term" written "longterm"), is a legitimate compound. In languages whose
  table sets ``compounding`` (German compounds, Arabic clitics are legitimately glued)
  only a known word fused with a function word counts ("Bauarbeiter|ihre"); elsewhere a
  lower-case token that splits no other way may be a word and a function word
  ("inspeção|dos").
* ``fused_sentences``: two sentences glued at a full stop without a space
  ("ville.le maire"): both sides frequent words, the right one not a domain ending.
  Before a capital the segment stage splits the two, so the traces stage reads a
  whole line for them.
* ``lexicon_fusions``: a token neither the word list nor the lemmatiser's dictionary
  knows that splits into two forms the dictionary lists ("конфиденциальнуюинформацию").
* ``one_letter_fusions``: a one-letter word of the language (``one_letter_words``)
  glued to a known word ("ikąt" = "i" + "kąt").
* ``fused_syllables``: in a language written in syllables (the table's ``syllabic``:
  Vietnamese), a token with the language's letters that the word list does not know
  but that splits into two known syllables ("chínhphủ").
* ``camel_fused``: two words fused with the second's capital kept ("sistemaEducativo");
  outside English, two capitalised words fused ("ГородскойСовет"; not a brand, "BlackRock").
* ``short_fusions``: a short unknown token that is a function word glued to a word
  ("lamairie", "agreedon"; the table's ``never_final`` words are function words too:
  "falouaos").
* ``capital_fusions``: the first two words of a sentence written solid ("Ilgoverno").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .attribution.lemmas import listed, supported
from .wordfreqs import frequencies
from .words import MIN_FUNCTION_FREQ, MIN_KNOWN_FREQ, abbreviations_of, function_words_of, lemma_of

MIN_FUSED = 10  # shortest token tried as two fused words
MIN_SHORT_FUSED = 5  # shorter tokens only as a function word glued to a word
MAX_FUSED = 40  # longest: two words are rarely longer (and the search is quadratic in it)
MIN_PART = 4  # shortest part of a split
MIN_PART_FREQ = 3e-6  # each part at least this frequent (Zipf 3.5)
MIN_NAME_PART_FREQ = 3e-5  # a capitalised token: each part this frequent (Zipf 4.5)
MIN_FUNCTION = 3  # shortest function word found fused to a word in a compounding language
# a long run of letters that is not part of a URL, domain or e-mail address
_LONG_TOKEN = re.compile(rf"(?<![\w./@])[^\W\d_]{{{MIN_FUSED},}}(?![\w@]|[./]\w)")
_FUSED_STOP = re.compile(r"(?<![\w./@])([^\W\d_]{2,40})[»”\")]?[.!?][»”\")]?([^\W\d_]{2,40})(?=\s+[^\W\d_])")
MIN_STOP_FREQ = 1e-4  # the word after a glued full stop is this frequent (Zipf 5: le, the, der)


def fused_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) for tokens of ``sentence`` that look like two glued words.

    A lower-case token splits into two common words; a capitalised one
    ("Consigliocomunale") into two frequent ones (names are rarely so). In a compounding
    language only a word fused with a function word counts ("Bauarbeiterihre")."""
    vocabulary = frequencies(lang) if table is not None else None
    if not vocabulary:
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])
    found = []
    for match in _LONG_TOKEN.finditer(sentence):
        token = match.group()
        lowered = token.casefold()
        if len(token) > MAX_FUSED or lowered in vocabulary or not token[1:].islower():
            continue
        if table["compounding"]:
            split = _function_word_split(lowered, vocabulary) or _leading_function_word(lowered, lang, vocabulary, table)
        elif _compound(lowered, vocabulary, prefixes, suffixes):
            continue
        else:
            split = _best_split(lowered, vocabulary, MIN_PART_FREQ if token.islower() else MIN_NAME_PART_FREQ)
            if not split and token.islower():  # "inspeçãodos": a word and a function word of the table
                split = _function_word_glued(lowered, vocabulary, function_words_of(table), frequent=False)
        if split and "-".join(split) not in vocabulary:  # "long-term" written solid is a compound
            found.append((match.start(), token, token[: len(split[0])], token[len(split[0]) :]))
    return found


MIN_LEXICON_FUSED = 8  # shortest token tried against the lemmatiser's dictionary as two words
MIN_LEXICON_GLUED = 6  # ... as a function word glued to a word
MIN_LEXICON_WORD = 5  # letters of that word
MIN_LEXICON_PART_FREQ = 3e-7  # each part of such a split at least this frequent (Zipf 2.5) ...
# ... and one of them as frequent as MIN_PART_FREQ


def lexicon_fusions(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) of a lower-case token of ``MIN_LEXICON_FUSED`` letters
    or more that neither the word list nor the lemmatiser's dictionary (simplemma) knows
    and that splits into two inflected forms of ≥ ``MIN_PART`` letters, each listed in
    that dictionary or known to the word list (Zipf ≥ 3), one of them at Zipf ≥ 3.5, the
    other at Zipf ≥ 2.5: "конфиденциальнуюинформацию", "pokazującpodwieszone" (rarer
    forms than the word list's ``fused_words`` needs). Not in languages that write
    compounds solid (the table's ``compounding``, or ``solid_compounds``: English
    "caucusgoers"), nor for a compound prefix or suffix."""
    vocabulary = frequencies(lang) if table is not None and supported(lang) else None
    if not vocabulary or table.get("compounding") or table.get("solid_compounds") or table.get("syllabic"):
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])

    def known(part: str) -> bool:
        frequency = vocabulary.get(part, 0.0)
        return frequency >= MIN_LEXICON_PART_FREQ and (frequency >= MIN_KNOWN_FREQ or listed(lang, part))

    function_words = function_words_of(table) | frozenset(table.get("one_letter_words", ()))
    found = []
    for offset, token in plain_tokens(sentence):
        if not (MIN_LEXICON_GLUED <= len(token) <= MAX_FUSED and token.islower()) or token in vocabulary:
            continue
        if listed(lang, token) or _compound(token, vocabulary, prefixes, suffixes):
            continue
        for cut in range(1, len(token)):
            left, right = token[:cut], token[cut:]
            if min(len(left), len(right)) >= MIN_PART and len(token) >= MIN_LEXICON_FUSED:
                frequent = max(vocabulary.get(left, 0.0), vocabulary.get(right, 0.0)) >= MIN_PART_FREQ
                if frequent and known(left) and known(right):
                    break
            # a function word of the table glued to a form the dictionary lists: "вбританском", "workiz";
            # before the word only where the lemmatiser reads no prefix ("из|валялись" is a verb)
            if left in function_words and len(right) >= MIN_LEXICON_WORD and known(right) and lemma_of(lang, token) == token:
                break
            if right in function_words and len(left) >= MIN_LEXICON_WORD and known(left):
                break
        else:
            continue
        found.append((offset, token, left, right))
    return found


def short_fusions(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) of a lower-case token of ``MIN_SHORT_FUSED`` letters up
    to a long one, unknown to the language's word list, that is a function word (Zipf ≥ 6,
    ≥ 2 letters) glued to a known word of ≥ 3 letters (Zipf ≥ 3.5), either way round:
    "thecity", "lamairie", "agreedon", "наулицу"."""
    vocabulary = frequencies(lang) if table is not None else None
    if not vocabulary:
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])
    found = []
    for offset, token in plain_tokens(sentence):
        if not (MIN_SHORT_FUSED <= len(token) < MIN_FUSED and token.islower()) or token in vocabulary:
            continue
        if _compound(token, vocabulary, prefixes, suffixes):
            continue
        split = _function_word_glued(token, vocabulary, function_words_of(table))
        if split:
            found.append((offset, token, *split))
    return found


MIN_CAPITAL_REST_FREQ = 1e-5  # the word after a capitalised function word is this frequent (Zipf 4)


def capital_fusions(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) of a capitalised token unknown to the word list that
    is a function word glued before a lower-case word of ≥ 4 letters (Zipf ≥ 4): the
    first two words of a sentence written solid ("Ilgoverno", "Поданным", "Wtedyrząd").
    The function word is one of the table's ``never_final`` or ``one_letter_words`` or a
    word of Zipf ≥ 6 (≥ 2 letters). Not in languages that write compounds solid
    (``compounding``, ``solid_compounds``) or in syllables, nor for a name the word list
    knows ("Dupont", "Наумов") or a compound prefix ("Antiterrorismo")."""
    vocabulary = frequencies(lang) if table is not None else None
    if not vocabulary or table.get("compounding") or table.get("solid_compounds") or table.get("syllabic"):
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])
    function_words = function_words_of(table) | frozenset(table.get("one_letter_words", ()))
    found = []
    for offset, token in plain_tokens(sentence):
        lowered = token.casefold()
        if len(token) < MIN_SHORT_FUSED or not (token[0].isupper() and token[1:].islower()) or lowered in vocabulary:
            continue
        if (supported(lang) and listed(lang, lowered)) or _compound(lowered, vocabulary, prefixes, suffixes):
            continue
        for cut in range(1, len(lowered) - MIN_PART + 1):
            left, right = lowered[:cut], lowered[cut:]
            is_function = left in function_words or len(left) >= 2 and vocabulary.get(left, 0.0) >= MIN_FUNCTION_FREQ
            if is_function and vocabulary.get(right, 0.0) >= MIN_CAPITAL_REST_FREQ:
                found.append((offset, token, token[:cut], token[cut:]))
                break
    return found


def _function_word_glued(token: str, vocabulary, function_words: frozenset[str], frequent: bool = True) -> tuple[str, str] | None:
    """(left, right) when ``token`` is a function word (one of ``function_words``, or
    with ``frequent`` any word of Zipf ≥ 6; ≥ 2 letters) glued to a known word of ≥ 3
    letters (Zipf ≥ 3.5), either way round: "lamairie", "disseaos". A long token takes
    the table's function words only: a frequent "не", "nie" is also a prefix written
    solid ("непроверенные")."""
    for cut in range(2, len(token) - 1):
        left, right = token[:cut], token[cut:]
        for function, word in ((left, right), (right, left)):
            is_function = function in function_words or frequent and vocabulary.get(function, 0.0) >= MIN_FUNCTION_FREQ
            if is_function and len(word) >= 3 and vocabulary.get(word, 0.0) >= MIN_PART_FREQ:
                return left, right
    return None


def _function_word_split(token: str, vocabulary: dict[str, float]) -> tuple[str, str] | None:
    """A known word followed by a function word ("kampfpiloten" + "ihre")."""
    for cut in range(len(token) - MIN_FUNCTION, MIN_PART - 1, -1):
        left, right = token[:cut], token[cut:]
        if vocabulary.get(right, 0.0) >= MIN_FUNCTION_FREQ and left in vocabulary:
            return left, right
    return None


def _leading_function_word(token: str, lang: str, vocabulary, table: dict) -> tuple[str, str] | None:
    """A function word of the table's ``never_final`` glued before a known word
    ("der|deutschen", "und|Bürger"), where the lemmatiser reads no prefix in the token
    (a separable prefix is also a preposition: "ein|führen")."""
    for function in function_words_of(table):
        rest = token[len(function) :]
        if token.startswith(function) and len(rest) >= MIN_PART and vocabulary.get(rest, 0.0) >= MIN_PART_FREQ:
            if lemma_of(lang, token) == token:
                return function, rest
    return None


def fused_sentences(sentence: str, lang: str, table: dict | None, endings) -> list[tuple[int, str, int]]:
    """(offset, token, cut) of two sentences glued at a full stop, a question or an
    exclamation mark, a closing quotation mark allowed beside it ("ville.le maire"; a
    known capitalised word after it too: "ville.Le maire", "город.Правительство",
    "vraiment?Le maire", "dit».Le maire"); ``cut`` is where the second sentence
    starts (segment.py splits there before a capital).

    Before a capitalised word the first sentence may also end on a name or an acronym
    ("Stockholm.According", "OTAN.Na Rússia"), not on one of the table's abbreviations.
    ``endings`` are domain endings ("fr", "com"), never taken for a word but for a
    capitalised function word ("eingereicht.In der Stadt")."""
    vocabulary = frequencies(lang) if table is not None else None
    if not vocabulary:
        return []
    abbreviations = abbreviations_of(table)
    found = []
    for match in _FUSED_STOP.finditer(sentence):
        left, right = match.group(1), match.group(2)
        capitalised = right[0].isupper() and right[1:].islower() and vocabulary.get(right.casefold(), 0.0) >= MIN_PART_FREQ
        # a domain ending, but for a capitalised function word ("eingereicht.In", not "exemple.Com")
        domain = right.casefold() in endings and not (capitalised and vocabulary.get(right.casefold(), 0.0) >= MIN_FUNCTION_FREQ)
        if left.islower() and left in vocabulary:
            glued = not domain and (right.islower() and vocabulary.get(right, 0.0) >= MIN_STOP_FREQ or capitalised)
        else:  # a name or an acronym ends the first sentence
            glued = capitalised and not domain and left[0].isupper() and len(left) > 2 and left.casefold() not in abbreviations
        if glued:
            found.append((match.start(), match.group(), match.start(2)))
    return found


def _compound(token: str, vocabulary, prefixes, suffixes) -> bool:
    """A known word behind a compound prefix ("under|taxed") or before a suffix ("circus|like");
    not a function word (Zipf ≥ 6): "vídeo|que" is two words glued, not a compound."""

    def word(part: str) -> bool:
        return part in vocabulary and vocabulary.get(part, 0.0) < MIN_FUNCTION_FREQ

    return any(token.startswith(p) and word(token[len(p) :]) for p in prefixes) or any(
        token.endswith(x) and word(token[: -len(x)]) for x in suffixes
    )


def _best_split(token: str, vocabulary: dict[str, float], least: float) -> tuple[str, str] | None:
    best, best_score = None, 0.0
    for cut in range(MIN_PART, len(token) - MIN_PART + 1):
        left, right = token[:cut], token[cut:]
        score = min(vocabulary.get(left, 0.0), vocabulary.get(right, 0.0))
        if score >= least and score > best_score:
            best, best_score = (left, right), score
    return best


MIN_SYLLABLE_FREQ = 1e-5  # fused syllables: each syllable this frequent (Zipf 5)
MIN_SYLLABLES_CHARS, MAX_SYLLABLES_CHARS = 4, 14
MIN_SYLLABLE = 2  # letters of each fused syllable
MIN_CAMEL_LEFT, MIN_CAMEL_RIGHT = 2, 3
MIN_CAPITALS_PART_FREQ = 1e-5  # two capitalised words fused: each this frequent (Zipf 4)
# a run of letters that is not part of a URL (or its query: "=value"), domain, handle, hashtag or hyphenated word
_PLAIN_TOKEN = re.compile(r"(?<![\w./@#=&'’-])[^\W\d_]+(?![\w@'’-]|[./]\w)")


@lru_cache(maxsize=64)
def plain_tokens(sentence: str) -> tuple[tuple[int, str], ...]:
    """(offset, token) of each ``_PLAIN_TOKEN``; kept for the last sentences, which
    every fusion check (and word_splits.py) reads again."""
    return tuple((m.start(), m.group()) for m in _PLAIN_TOKEN.finditer(sentence))


def fused_syllables(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, token) of two syllables written as one word in a syllabic language
    (the table's ``syllabic``: Vietnamese "chínhphủ"): a lower-case token with a letter
    outside ASCII, unknown to the word list, that splits into two frequent syllables
    with a vowel each."""
    vocabulary = frequencies(lang) if table is not None and table.get("syllabic") else None
    if not vocabulary:
        return []
    found = []
    for at, token in plain_tokens(sentence):
        if not (MIN_SYLLABLES_CHARS <= len(token) <= MAX_SYLLABLES_CHARS) or not token.islower():
            continue
        if token in vocabulary or token.isascii():
            continue
        if any(
            all(vocabulary.get(part, 0.0) >= MIN_SYLLABLE_FREQ and _has_vowel(part) for part in (token[:cut], token[cut:]))
            for cut in range(MIN_SYLLABLE, len(token) - MIN_SYLLABLE + 1)
        ):
            found.append((at, token))
    return found


MIN_ONE_LETTER_TOKEN = 4


def one_letter_fusions(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) of a one-letter word (the table's ``one_letter_words``:
    "i", "w", "и", "в") glued to a known word: a lower-case token unknown to the word list
    that is the word with the letter before or after it ("ikąt" = "i" + "kąt", "workiz"
    = "worki" + "z")."""
    letters = frozenset((table or {}).get("one_letter_words", ()))
    vocabulary = frequencies(lang) if letters else None
    if not vocabulary:
        return []
    found = []
    for at, token in plain_tokens(sentence):
        if len(token) < MIN_ONE_LETTER_TOKEN or not token.islower() or token in vocabulary:
            continue
        if token[0] in letters and vocabulary.get(token[1:], 0.0) >= MIN_PART_FREQ:
            found.append((at, token, token[0], token[1:]))
        elif token[-1] in letters and vocabulary.get(token[:-1], 0.0) >= MIN_PART_FREQ:
            found.append((at, token, token[:-1], token[-1]))
    return found


def _has_vowel(part: str) -> bool:
    """A syllable has a vowel ("nh" alone is a final, not a syllable)."""
    return any(unicodedata.normalize("NFD", c)[0] in "aeiouy" for c in part)


def camel_fused(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, token) of two words fused with the second's capital kept
    ("sistemaEducativo"): a lower-case start, one capital inside, both parts known words.
    Two capitalised words fused ("ПравительствомОбласти") only outside English, where a
    name in camel case is a brand ("BlackRock"): the token unknown to the word list, each
    part ≥ ``MIN_PART`` letters, frequent (Zipf ≥ 4) and more frequent in the language
    than in English."""
    vocabulary = frequencies(lang) if table is not None else None
    if not vocabulary:
        return []
    english = frequencies("en") if lang != "en" else None
    found = []
    for at, token in plain_tokens(sentence):
        if token[1:].islower():  # no capital inside
            continue
        capitals = [i for i, c in enumerate(token) if c.isupper()]
        if english and token[0].isupper() and _capitals_fused(token, capitals, vocabulary, english):
            found.append((at, token))
        if len(capitals) != 1 or not token[0].islower():
            continue
        left, right = token[: capitals[0]], token[capitals[0] :].casefold()
        if len(left) >= MIN_CAMEL_LEFT and len(right) >= MIN_CAMEL_RIGHT and left in vocabulary and right in vocabulary:
            found.append((at, token))
    return found


def _capitals_fused(token: str, capitals: list[int], vocabulary, english) -> bool:
    """"ПравительствомОбласти": two capitalised words of the language, fused."""
    if len(capitals) != 2 or capitals[0] != 0 or token.casefold() in vocabulary:
        return False
    parts = (token[: capitals[1]].casefold(), token[capitals[1] :].casefold())
    return all(
        len(part) >= MIN_PART and vocabulary.get(part, 0.0) >= MIN_CAPITALS_PART_FREQ
        and vocabulary.get(part, 0.0) > english.get(part, 0.0)
        for part in parts
    )
