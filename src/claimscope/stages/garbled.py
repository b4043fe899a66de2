"""Signs that machine translation or copying mangled a sentence.

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
* ``glued_quote``: an opening quotation mark stuck to the end of a word ("l'EI« Ils").
* ``broken_quotes``: a quotation opened again before it was closed, closed by the mark
  of another pair ("« … ”", "„ … »", a straight quote closed by "»"), a closing mark
  with nothing open, or a quotation left open at the end of a paragraph when the next
  paragraph does not continue it.
* ``fused_sentences``: two sentences glued at a full stop without a space
  ("ville.le maire"): both sides frequent words, the right one not a domain ending.
* ``repeated_words``: a word or a phrase of up to four words written twice in a row
  ("the the", "en la ciudad en la ciudad"), except the language's
  ``repeatable_words`` ("nous nous", "had had") and words written twice in different
  case ("at AT", "Ann Lee ann.lee"); phrases of frequent syllables count where the table
  sets ``syllabic`` ("đi làm đi làm"); single words not at all in languages whose table sets
  ``reduplication`` (Vietnamese "dần dần") but for its ``not_reduplicated`` function words
  ("của của"); not a word and a function word written twice
  ("story after story after": the idiom "story after story" and its next word).
* ``double_negation``: in a language without negative concord (the table's
  ``double_negation``: English, German, Dutch), a negator and a negative pronoun one to
  three words apart ("did not tell nobody"), outside quotation marks (speech
  may be colloquial); not "not for nothing".
* ``split_words``: a word cut in two by a space ("gouver nement"): one part rare in
  the word list, both parts joined a word twenty times as frequent; ``hyphen_splits``:
  the same with the hyphen of a printed line's end kept ("govern- ment").
* ``lexicon_fusions``: a token neither the word list nor the lemmatiser's dictionary
  knows that splits into two forms the dictionary lists ("конфиденциальнуюинформацию").
* ``one_letter_fusions``: a one-letter word of the language (``one_letter_words``)
  glued to a known word ("ikąt" = "i" + "kąt").
* ``fused_syllables``: in a language written in syllables (the table's ``syllabic``:
  Vietnamese), a token with the language's letters that the word list does not know
  but that splits into two known syllables ("chínhphủ").
* ``camel_fused``: two words fused with the second's capital kept ("sistemaEducativo");
  outside English, two capitalised words fused ("ГородскойСовет"; not a brand, "BlackRock").
* ``double_determiners``: two determiners in a row that never follow each other, where
  the table lists ``determiners`` ("chaque les", "every the").
* ``short_fusions``: a short unknown token that is a function word glued to a word
  ("lamairie", "agreedon"; the table's ``never_final`` words are function words too:
  "falouaos").
* ``constructions``: a word-for-word rendering listed in the table's ``calques``, matched
  by lemma sequence (simplemma) so that every inflection counts ("делает смысл" =
  "делать смысл", "make sense"); and the table's ``grammar`` patterns, which may also
  name exact forms and endings: words that do not agree (a Polish "-skie" adjective
  before a "-cy" noun of men), a verb with the wrong construction ("did not comment
  the report"), a word order of another language.
* ``copy_damage``: text damaged by copying: mojibake ("Ã©", "â€™"), HTML entities
  ("&quot;"), the replacement character, a word mixing Latin and Cyrillic letters,
  a doubled quotation mark, a space before a comma or full stop, doubled commas; a
  number with English thousands separators where decimals take a comma ("3,000").
* ``lower_case_after_stop``: a full stop followed by a lower-case word ("… ao governo.
  que anunciou"), not after one of the table's abbreviations nor a unit after a number
  ("5 proc. wydatków").
* ``mid_clause``: a long line that stops without final punctuation, on a lower-case
  word or a comma; or a sentence whose full stop follows a word that never ends one
  (the language's ``never_final``: articles, conjunctions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .attribution.lemmas import lemma, listed, supported
from .wordfreqs import WordFrequencies, frequencies

MIN_FUSED = 10  # shortest token tried as two fused words
MIN_SHORT_FUSED = 5  # shorter tokens only as a function word glued to a word
MAX_FUSED = 40  # longest: two words are rarely longer (and the search is quadratic in it)
MIN_PART = 4  # shortest part of a split
MIN_PART_FREQ = 3e-6  # each part at least this frequent (Zipf 3.5)
MIN_KNOWN_FREQ = 1e-6  # a word the word list knows (Zipf 3)
MIN_NAME_PART_FREQ = 3e-5  # a capitalised token: each part this frequent (Zipf 4.5)
MIN_FUNCTION = 3  # shortest function word found fused to a word in a compounding language
MIN_FUNCTION_FREQ = 1e-3  # a function word is this frequent (Zipf 6: der, ihre, und)
MIN_CUT_WORDS = 15  # a line must be at least this long to be called cut off
MIN_CUT_SHORT = 5  # ... or this long when it ends on a word that never ends a sentence

# a long run of letters that is not part of a URL, domain or e-mail address
_LONG_TOKEN = re.compile(rf"(?<![\w./@])[^\W\d_]{{{MIN_FUSED},}}(?![\w@]|[./]\w)")
_FUSED_STOP = re.compile(r"(?<![\w./@])([^\W\d_]{2,40})[»”\")]?[.!?][»”\")]?([^\W\d_]{2,40})(?=\s+[^\W\d_])")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MAX_REPEAT = 4  # longest phrase (in words) checked for a repetition
MIN_ECHO = 5  # words of a sentence written twice in a row
MIN_STOP_FREQ = 1e-4  # the word after a glued full stop is this frequent (Zipf 5: le, the, der)
_GLUED_OPENERS = frozenset("«„")
_GUILLEMET_OPENERS = frozenset("«")
_GLUED = re.compile(r"(?<=[^\W\d_])[«„]")


def _vocabulary(lang: str) -> WordFrequencies | None:
    """word -> frequency for ``lang`` from wordfreq's bundled lists (read in place:
    wordfreqs.py), or None."""
    return frequencies(lang)


def fused_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str, str, str]]:
    """(offset, token, left, right) for tokens of ``sentence`` that look like two glued words.

    A lower-case token splits into two common words; a capitalised one
    ("Consigliocomunale") into two frequent ones (names are rarely so). In a compounding
    language only a word fused with a function word counts ("Bauarbeiterihre")."""
    vocabulary = _vocabulary(lang) if table is not None else None
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
                split = _function_word_glued(lowered, vocabulary, _function_words(table), frequent=False)
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
    vocabulary = _vocabulary(lang) if table is not None and supported(lang) else None
    if not vocabulary or table.get("compounding") or table.get("solid_compounds") or table.get("syllabic"):
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])

    def known(part: str) -> bool:
        frequency = vocabulary.get(part, 0.0)
        return frequency >= MIN_LEXICON_PART_FREQ and (frequency >= MIN_KNOWN_FREQ or listed(lang, part))

    function_words = _function_words(table) | frozenset(table.get("one_letter_words", ()))
    found = []
    for offset, token in _plain_tokens(sentence):
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
            if left in function_words and len(right) >= MIN_LEXICON_WORD and known(right) and _lemma(lang, token) == token:
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
    vocabulary = _vocabulary(lang) if table is not None else None
    if not vocabulary:
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])
    found = []
    for offset, token in _plain_tokens(sentence):
        if not (MIN_SHORT_FUSED <= len(token) < MIN_FUSED and token.islower()) or token in vocabulary:
            continue
        if _compound(token, vocabulary, prefixes, suffixes):
            continue
        split = _function_word_glued(token, vocabulary, _function_words(table))
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
    vocabulary = _vocabulary(lang) if table is not None else None
    if not vocabulary or table.get("compounding") or table.get("solid_compounds") or table.get("syllabic"):
        return []
    prefixes, suffixes = tuple(table["compound_prefixes"]), tuple(table["compound_suffixes"])
    function_words = _function_words(table) | frozenset(table.get("one_letter_words", ()))
    found = []
    for offset, token in _plain_tokens(sentence):
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


def _function_words(table: dict) -> frozenset[str]:
    """The table's words that never end a sentence (articles, prepositions, conjunctions):
    function words even where the word list ranks them below Zipf 6 ("aos", "pelas")."""
    return frozenset(table.get("never_final", ()))


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
    for function in _function_words(table):
        rest = token[len(function) :]
        if token.startswith(function) and len(rest) >= MIN_PART and vocabulary.get(rest, 0.0) >= MIN_PART_FREQ:
            if _lemma(lang, token) == token:
                return function, rest
    return None


def fused_sentences(sentence: str, lang: str, table: dict | None, endings) -> list[tuple[int, str]]:
    """(offset, token) of two sentences glued at a full stop, a question or an
    exclamation mark, a closing quotation mark allowed beside it ("ville.le maire"; a
    known capitalised word after it too: "ville.Le maire", "город.Правительство",
    "vraiment?Le maire", "dit».Le maire").

    Before a capitalised word the first sentence may also end on a name or an acronym
    ("Stockholm.According", "OTAN.Na Rússia"), not on one of the table's abbreviations.
    ``endings`` are domain endings ("fr", "com"), never taken for a word but for a
    capitalised function word ("eingereicht.In der Stadt")."""
    vocabulary = _vocabulary(lang) if table is not None else None
    if not vocabulary:
        return []
    abbreviations = {a.casefold() for a in table.get("abbreviations", ())}
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
            found.append((match.start(), match.group()))
    return found


def repeated_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of a word or phrase written twice in a row, only white space
    between; a single repeated word must be lower-case (not "Bora Bora"), a phrase must
    hold a word that is not among the most frequent ("more and more and more"). A
    ``relative_repeats`` word of the table (German "die die": a relative pronoun and an
    article) is repeatable only where a relative clause opens: after a clause mark or
    one of its ``after`` prepositions."""
    vocabulary = _vocabulary(lang) or {}
    allowed = set((table or {}).get("repeatable_words", ()))
    relative = (table or {}).get("relative_repeats", {})  # German "…, die die Stadt": after a comma only
    links = frozenset((table or {}).get("reduplicating_links", ()))  # "step by step", "more and more"
    reduplicates = (table or {}).get("reduplication", False)  # Vietnamese "dần dần": a word
    never_twice = set((table or {}).get("not_reduplicated", ()))  # ... but "của của" is not
    syllabic = (table or {}).get("syllabic", False)
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(sentence)]
    folded = [t[2] for t in tokens]
    found, covered = [], -1
    for i, word in enumerate(folded):
        if tokens[i][0] < covered:
            continue
        for n in range(MAX_REPEAT, 0, -1):
            if i + 2 * n > len(tokens) or folded[i + n] != word or folded[i : i + n] != folded[i + n : i + 2 * n]:
                continue
            first, second = tokens[i : i + n], tokens[i + n : i + 2 * n]
            gap = sentence[first[-1][1] : second[0][0]]
            # a copy is spelt the same, but for a capital opening the sentence ("at AT" is not)
            same = sentence[first[0][0] + 1 : first[-1][1]] == sentence[second[0][0] + 1 : second[-1][1]]
            single_ok = reduplicates and word not in never_twice or word in allowed or not sentence[first[0][0]].islower()
            if n == 1 and word in relative.get("words", ()) and not _opens_relative(sentence, tokens, i, relative):
                single_ok = False
            # where words are written syllable by syllable, frequent syllables make content
            # words ("đi làm đi làm"): the two checks below are for languages of words
            # (with reduplicating_links, a pair of them only when it opens on one: "and more
            # and more", "to have to have"; "que les que les" is damage)
            common_only = n > 1 and not syllabic and all(vocabulary.get(t, 0.0) >= MIN_FUNCTION_FREQ for t in folded[i : i + n])
            common_only = common_only and (not links or n > 2 or word in links)
            # "story after story after", "hand in hand in", "more and more and": the idiom
            # "A after A" and its next word (the table's reduplicating_links, else any very
            # frequent word), or "and lie and lie" inside "lie and lie and lie"
            linking = folded[i + 1] in links if links else vocabulary.get(folded[i + 1], 0.0) >= MIN_FUNCTION_FREQ
            idiom = n == 2 and not syllabic and (linking or folded[i - 1 : i] == [folded[i + 1]])
            if gap.strip() or not same or (n == 1 and single_ok) or common_only or idiom:
                continue
            found.append((first[0][0], second[-1][1], sentence[first[0][0] : first[-1][1]]))
            covered = second[-1][1]
            break
    return found


def _opens_relative(sentence: str, tokens, i: int, relative: dict) -> bool:
    """The word ``tokens[i]`` may open a relative clause: a clause mark before it, or one
    of the table's ``relative_repeats.after`` words (prepositions: "…, mit der der Vertrag")."""
    if i and tokens[i - 1][2] in relative.get("after", ()):
        return True
    return _opens_clause(sentence, tokens[i][0])


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


_STOP_LOWER = re.compile(r"(?<![\w.@/])([^\W\d_]{3,})\. +([^\W\d_]+)(?!\w|[:.]\w|://)")  # not a link: "https://", "pic.x.com"
_NUMBER_BEFORE = re.compile(r"\d\s?$")
MAX_UNIT = 4  # a short word after a number is a unit's abbreviation ("5 proc. wydatków", "20 тыс. человек")


def lower_case_after_stop(text: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a full stop followed by a lower-case word ("… ao governo. que
    anunciou …"): a sentence cut or joined by the translation; not a link ("… here. https://…",
    "pic.example.com"). Not after the table's
    ``abbreviations`` ("тыс. рублей", "tzw. sztucznej"), nor after a short word that
    follows a number (a unit: "5 proc. wydatków")."""
    if table is None:
        return []
    abbreviations = {a.casefold() for a in table.get("abbreviations", ())}
    return [
        (m.start(), m.end()) for m in _STOP_LOWER.finditer(text)
        if m.group(2)[0].islower() and m.group(1).casefold() not in abbreviations
        and not (len(m.group(1)) <= MAX_UNIT and _NUMBER_BEFORE.search(text, max(m.start() - 2, 0), m.start()))
    ]


def glued_quotes(text: str, table: dict | None) -> list[int]:
    """Offsets of opening quotation marks stuck to the end of a word."""
    openers = {pair[0] for pair in (table or {}).get("quote_pairs", ())} & _GLUED_OPENERS
    return [m.start() for m in _GLUED.finditer(text) if m.group() in openers]


def quote_problems(text: str, start: int, end: int, next_start: str, table: dict | None):
    """(start, end, reason) for unbalanced quotation marks in the paragraph ``text[start:end]``;
    ``end`` is None when the problem runs on from ``start`` (a quotation never closed).

    Where the table sets ``nested_quotes`` (Russian), a mark opened again with words
    between is a quotation inside a quotation ("«A «B» C»"), and a quotation whose inner
    one closed may share that closing mark (a name inside a name: «Заповедник «Лесной»);
    opened again with only white space between, it is damage (« « …).

    ``next_start`` is the first character of the next paragraph (a quotation may run on
    into a paragraph that opens with a quotation mark)."""
    openers, closers, pairs, marks = _quote_marks(table)
    nesting = (table or {}).get("nested_quotes", False)
    problems, stack, shared = [], [], set()
    for mark in marks.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char == '"':  # a straight quote closes whatever is open, or opens
            if stack:
                opened = stack.pop()
                if text[opened] in _GUILLEMET_OPENERS:  # "« … \"": two styles in one quotation
                    problems.append((opened, i + 1, f"{text[opened]} closed by {char}"))
            else:
                stack.append(i)
        elif char in openers:
            if stack and text[stack[-1]] == char and not (nesting and text[stack[-1] + 1 : i].strip()):
                problems.append((stack[-1], i + 1, f"{char} opened again before it was closed"))
            stack.append(i)
        elif stack:
            opened = stack.pop()
            if char not in pairs.get(text[opened], (char,)):
                problems.append((opened, i + 1, f"{text[opened]} closed by {char}"))
            elif nesting and stack and text[stack[-1]] == text[opened]:
                shared.add(stack[-1])  # «A «B»: the name's closing mark may close both
        else:
            problems.append((None, i + 1, f"{char} closes a quotation that was never opened"))
    stack = [opened for opened in stack if opened not in shared]
    if stack and next_start not in openers | {'"'}:
        problems.append((stack[0], None, f"{text[stack[0]]} never closed in its paragraph"))
    return problems


@lru_cache(maxsize=None)
def _quote_table(pairs: tuple[tuple[str, str], ...]):
    openers = {o for o, c in pairs} - {c for o, c in pairs}
    closers = {c for o, c in pairs} - {o for o, c in pairs}
    closing: dict[str, set[str]] = {'"': {'"', "”", "“"}}  # a straight quote: by curly quotes too
    for o, c in pairs:
        closing.setdefault(o, set()).add(c)
    marks = re.compile("[" + re.escape("".join(openers | closers | {'"'})) + "]")
    return openers, closers, closing, marks


def _quote_marks(table: dict | None):
    """(openers, closers, opener -> its closers, pattern finding both) of the table's
    unambiguous quote pairs."""
    return _quote_table(tuple(tuple(p) for p in (table or {}).get("quote_pairs", ())))


MAX_NEGATION_GAP = 3  # words between the negator and the negative pronoun
_QUOTE_CHARS = frozenset('"«»“”„')


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _negation_pattern(negators: tuple[str, ...], negatives: tuple[str, ...]) -> re.Pattern:
    words = [w for w in negators if w[:1].isalpha() and "'" not in w]
    clitics = [w for w in negators if w not in words]  # "n't", glued to its verb
    heads = rf"(?<![\w'])(?:{_alternation(words)})" + (rf"|(?:{_alternation(clitics)})" if clitics else "")
    return re.compile(
        rf"(?:{heads})(?!\w)(?:\s+(?!for\s)[\w'’-]+){{1,{MAX_NEGATION_GAP}}}?\s+(?:{_alternation(negatives)})(?!\w)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _negative_first_pattern(negatives: tuple[str, ...], negators: tuple[str, ...]) -> re.Pattern:
    return re.compile(
        rf"(?<![\w'])(?:{_alternation(negatives)})(?:\s+[\w'’-]+){{1,{MAX_NEGATION_GAP}}}?\s+(?:{_alternation(negators)})(?!\w)",
        re.IGNORECASE,
    )


def double_negation(sentence: str, table: dict | None, before: str = "") -> list[tuple[int, int]]:
    """(start, end) of a negator and a negative pronoun in one clause ("did not want to
    offend nobody"), where the language's table lists them (no negative concord); where
    it lists ``negative_first`` words, also one of them followed by a negator ("keine
    Antwort nicht gegeben": German opens a relative clause with a comma, so "Niemand, der
    nicht …" is no such pair).

    ``before`` is the paragraph's text before the sentence (a quotation may be open)."""
    found = (table or {}).get("double_negation")
    if not found:
        return []
    patterns = [_negation_pattern(tuple(found["negators"]), tuple(found["negatives"]))]
    if found.get("negative_first"):
        words = tuple(w for w in found["negators"] if w[:1].isalpha() and "'" not in w)
        patterns.append(_negative_first_pattern(tuple(found["negative_first"]), words))
    spans = []
    for match in (m for pattern in patterns for m in pattern.finditer(sentence.replace("’", "'"))):
        quoted = sum(c in _QUOTE_CHARS for c in before + sentence[: match.start()]) % 2
        if not quoted and not re.search(r"[,;:]", match.group()):
            spans.append((match.start(), match.end()))
    return spans


def double_determiners(sentence: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of two determiners in a row that never follow each other, where the
    table has ``determiners``: a ``first`` word, one space, a lower-case ``second`` word
    ("chaque les", "every the")."""
    found = (table or {}).get("determiners")
    if not found:
        return []
    first, second = set(found["first"]), set(found["second"])
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    return [
        (a[0], b[1])
        for a, b in zip(tokens, tokens[1:])
        if a[2].casefold() in first and b[2] in second and sentence[a[1] : b[0]] == " "
    ]


_VERB_ENDINGS = ("ar", "er", "ir", "are", "ere", "ire", "ór", "ôr")  # infinitives: a lemma that is a verb


def gender_clashes(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a determiner of one gender followed by a noun whose ending gives
    the other, where the table has ``gender`` with endings (Spanish: "-o" masculine, "-a"
    feminine; Portuguese: "-ção" feminine; French: endings of one gender, "-ment",
    "-tion"): "una movimiento", "un batalla", "um informação", "un culture". The
    determiner is lower-case or opens the sentence, one space before a lower-case word
    of ≥ 3 letters that is not a function word (Zipf ≥ 6: "para", "como"); not a word the
    table lists among the ``exceptions`` (its gender is
    not its ending's: "el día", "la mano", "o mapa"); the longest of the table's endings
    decides, and ``not_endings`` say nothing (Greek "-ma", "-ta": "el problema"; people
    in "-ista", "-cida"; the Portuguese "-ão", which is either, but "-ção", feminine); not a
    word opening on the letters of ``not_initial`` (a Spanish feminine noun in stressed
    "a-" takes "el": "el agua"), nor a verb after a clitic pronoun ("la pongo": its
    lemma is an infinitive; after one of the table's ``clitics``, determiners that are
    also pronouns, any word that may be a verb form: Portuguese "o ajuda", Spanish "la
    paro")."""
    gender = (table or {}).get("gender")
    if not gender:
        return []
    determiners = {w: "m" for w in gender["masculine"]} | {w: "f" for w in gender["feminine"]}
    endings = sorted(
        [(e, "m") for e in gender["masculine_endings"]] + [(e, "f") for e in gender["feminine_endings"]]
        + [(e, None) for e in gender["not_endings"]],
        key=lambda pair: -len(pair[0]),
    )
    exceptions, not_initial = frozenset(gender["exceptions"]), tuple(gender.get("not_initial", ()))
    clitics, vocabulary = frozenset(gender.get("clitics", ())), _vocabulary(lang)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    found = []
    for (start, end, determiner), (next_start, next_end, word) in zip(tokens, tokens[1:]):
        kind = determiners.get(determiner.casefold())
        if kind is None or sentence[end:next_start] != " " or not word.isalpha() or not word.islower():
            continue
        if not _lower_or_opening(sentence, start, determiner):
            continue
        if len(word) < 3 or word in exceptions or word.startswith(not_initial) or (vocabulary or {}).get(word, 0.0) >= MIN_FUNCTION_FREQ:
            continue
        noun = next((g for e, g in endings if word.endswith(e)), None)
        if determiner.casefold() in clitics and _verb_form(word, vocabulary or {}):
            continue  # "o ajuda", "la paro": a pronoun before a verb ("ajudar", "parar")
        if noun not in (None, kind) and not _is_verb(lang, word):
            found.append((start, next_end))
    return found


def adjective_clashes(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a determiner, a noun and an adjective or participle of the other
    gender, where the table's ``gender`` has ``adjective_determiners`` (``masculine``,
    ``feminine``): "o governo brasileira", "le texte adoptée", "la ley nuevo", "la loi
    adopté". The adjective's forms come from its lemma (simplemma) by the table's
    ``adjective_forms`` (lemma ending, feminine ending, masculine ending: "nuevo" →
    "nueva" / "nuevo", "firmar" → "firmada" / "firmado", "petit" → "petite" / "petit");
    a masculine form after a feminine determiner counts only when its feminine form is a
    word the word list knows with the same lemma ("junto" is no adjective of "junta") and
    no feminine form follows it (the first part of a compound adjective: "la colaboración
    público privada").
    The adjective has ≥ 4 letters, is not a function word (Zipf ≥ 6) nor one of the
    ``not_adjectives``, which agree with the noun after them ("el libro cuya portada",
    "el año otra vez"); the noun is not a function word or a verb ("la ha comprado"), does
    not open on ``not_initial`` ("el agua clara") and is not one of the ``absolute_nouns``,
    after which a participle opens a clause of its own ("una vez elegido"). The three words
    are lower-case but for a determiner opening the sentence, one space apart, and not
    after one of the table's ``never_final`` words (a preposition or a conjunction: in "la
    revista de un grupo dedicada a …" the participle belongs to the noun before)."""
    gender = (table or {}).get("gender") or {}
    kinds = gender.get("adjective_determiners")
    if not kinds:
        return []
    determiners = {w: "m" for w in kinds["masculine"]} | {w: "f" for w in kinds["feminine"]}
    forms = [tuple(triple) for triple in gender["adjective_forms"]]
    not_adjectives, not_initial = frozenset(gender["not_adjectives"]), tuple(gender.get("not_initial", ()))
    absolute = frozenset(gender.get("absolute_nouns", ()))
    before_phrase, vocabulary = _function_words(table), _vocabulary(lang) or {}
    copulas = [tuple(c.split()) for c in gender.get("copulas", ())]
    clause_openers = frozenset(gender.get("clause_openers", ()))
    subject = {w: "f" for w in gender.get("subject_determiners", ())}
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    found = []
    for i in range(len(tokens) - 2):
        (start, end, determiner), (noun_start, noun_end, noun) = tokens[i : i + 2]
        copula = _copula_after(sentence, tokens, i + 2, copulas)
        kind = determiners.get(determiner.casefold()) or (subject.get(determiner.casefold()) if copula else None)
        if kind is None or i + 2 + copula >= len(tokens):
            continue
        adj_start, adj_end, adjective = tokens[i + 2 + copula]
        if sentence[end:noun_start] != " " or sentence[noun_end:adj_start] != " " and not copula:
            continue
        previous = tokens[i - 1][2].casefold() if i and not sentence[tokens[i - 1][1] : start].strip() else ""
        if not _lower_or_opening(sentence, start, determiner):
            continue
        if copula and previous and (previous.endswith(_VERB_ENDINGS) and _lemma(lang, previous) == previous or _is_verb(lang, previous)):
            continue  # "Negar la realidad es absurdo": the subject is the verb's clause
        if previous in before_phrase and not (copula and previous in clause_openers):
            continue
        if not (noun.islower() and adjective.islower() and adjective.isalpha()) or noun.startswith(not_initial) or len(adjective) < 4:
            continue
        if noun in absolute:  # "una vez elegido": a participle opening a clause of its own
            continue
        if max(vocabulary.get(adjective, 0.0), vocabulary.get(noun, 0.0)) >= MIN_FUNCTION_FREQ or _is_verb(lang, noun):
            continue
        if _lemma(lang, adjective) in not_adjectives:
            continue
        if kind == "m" and _feminine_form(lang, adjective, forms):
            found.append((start, adj_end))
        elif kind == "f" and _masculine_form(lang, adjective, forms, vocabulary):
            following = tokens[i + 3][2] if i + 3 < len(tokens) and sentence[adj_end : tokens[i + 3][0]] in (" ", "-") else ""
            if not (following and _feminine_form(lang, following, forms)):  # "público privada": one adjective
                found.append((start, adj_end))
    return found


def _copula_after(sentence: str, tokens, i: int, copulas) -> int:
    """The number of words of one of ``copulas`` ("é", "vai ser") at token ``i``, words
    apart by one space, else 0."""
    for copula in copulas:
        words = tokens[i : i + len(copula)]
        if [w.casefold() for _, _, w in words] == list(copula) and all(
            sentence[a[1] : b[0]] == " " for a, b in zip(tokens[i - 1 : i + len(copula)], words)
        ):
            return len(copula)
    return 0


def _feminine_form(lang: str, word: str, forms) -> bool:
    """``word`` is the feminine form of its lemma by one of the ``adjective_forms``."""
    base = _lemma(lang, word)
    return base != word and any(
        base.endswith(lemma_end) and word == base[: len(base) - len(lemma_end)] + feminine_end
        for lemma_end, feminine_end, _ in forms
    )


def _masculine_form(lang: str, word: str, forms, vocabulary) -> bool:
    """``word`` is the masculine form of its lemma by one of the ``adjective_forms``, and
    the feminine form is a word the word list knows with the same lemma."""
    base = _lemma(lang, word)
    for lemma_end, feminine_end, masculine_end in forms:
        stem = base[: len(base) - len(lemma_end)]
        if base.endswith(lemma_end) and word == stem + masculine_end != stem + feminine_end:
            feminine = stem + feminine_end
            of = _lemma(lang, feminine)  # "aprobada" may read as the verb "aprobar", "fechada" as "fechado"
            same = of in (base, word) or of.endswith(_VERB_ENDINGS) and word.startswith(of[:-2]) and len(word) - len(of) == 1
            return vocabulary.get(feminine, 0.0) >= MIN_KNOWN_FREQ and same
    return False


def _verb_form(word: str, vocabulary) -> bool:
    """``word`` may be a form of a verb: with "-r" added, or its last vowel replaced by an
    infinitive ending, it is a word the word list knows ("ajuda" → "ajudar", "paro" →
    "parar")."""
    stem = word[:-1]
    infinitives = [word + "r"] + [stem + ending for ending in _VERB_ENDINGS]
    return any(vocabulary.get(infinitive, 0.0) >= MIN_KNOWN_FREQ for infinitive in infinitives)


def _lower_or_opening(sentence: str, start: int, word: str) -> bool:
    """``word`` is lower-case or opens the sentence (after an opening quotation mark too)."""
    return word.islower() or not sentence[:start].strip(" «\"“„'‘")


def _is_verb(lang: str, word: str) -> bool:
    found = _lemma(lang, word)
    return found != word and found.endswith(_VERB_ENDINGS)


def repeated_sentence(sentence: str, previous: str) -> bool:
    """``sentence`` repeats the one before it word for word (at least ``MIN_ECHO`` words)."""
    words = [w.casefold() for w in _TOKEN.findall(sentence)]
    return len(words) >= MIN_ECHO and words == [w.casefold() for w in _TOKEN.findall(previous)]


_BULLET = re.compile(r"\s*[-–—•*·▪►]")


def cut_off(line: str, table: dict | None = None) -> bool:
    """A long line that ends on a lower-case word or a comma, without final punctuation;
    or a line of at least ``MIN_CUT_SHORT`` words that ends on a word that never ends a
    sentence (the table's ``never_final``: "… to repaint the", "… the ferry and") or on a
    comma, but for an item of a bulleted list."""
    last = line.rstrip()[line.rstrip().rfind(" ") + 1 :]
    ends_open = last.endswith((",", ";")) or (last.isalpha() and last.islower())
    size = line.count(" ") + 1
    # a comma never closes a paragraph (a semicolon closes the items of a list)
    short_cut = last in (table or {}).get("never_final", ()) or last.endswith(",") and not _BULLET.match(line)
    return ends_open and (size >= MIN_CUT_WORDS or size >= MIN_CUT_SHORT and short_cut)


def stops_on_function_word(sentence: str, table: dict | None) -> bool:
    """A sentence whose full stop follows a word that never ends one (an article, a
    conjunction: "… the government and."), the language's ``never_final`` words."""
    stripped = sentence.rstrip()
    if not stripped.endswith(".") or stripped.endswith(".."):
        return False
    last = stripped[:-1].rsplit(None, 1)[-1] if stripped[:-1].split() else ""
    return last in (table or {}).get("never_final", ())



MIN_SPLIT_FREQ = 3e-6  # a word cut in two: the joined word at least this frequent (Zipf 3.5)
MIN_SPLIT_PART = 2
SPLIT_RATIO = 20
MIN_SYLLABLE_FREQ = 1e-5  # fused syllables: each syllable this frequent (Zipf 5)
MIN_SYLLABLES_CHARS, MAX_SYLLABLES_CHARS = 4, 14
MIN_SYLLABLE = 2  # letters of each fused syllable
MIN_CAMEL_LEFT, MIN_CAMEL_RIGHT = 2, 3
MIN_CAPITALS_PART_FREQ = 1e-5  # two capitalised words fused: each this frequent (Zipf 4)
# a run of letters that is not part of a URL (or its query: "=value"), domain, handle, hashtag or hyphenated word
_PLAIN_TOKEN = re.compile(r"(?<![\w./@#=&'’-])[^\W\d_]+(?![\w@'’-]|[./]\w)")


def _plain_tokens(sentence: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _PLAIN_TOKEN.finditer(sentence)]


def split_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, text) of a word cut in two by one space ("gouver nement"): both parts
    lower-case, the joined word known and at least ``SPLIT_RATIO`` times as frequent as
    the rarer part (the word list knows many fragments of words as words)."""
    vocabulary = _vocabulary(lang) if table is not None and not table.get("syllabic") else None
    if not vocabulary:
        return []
    tokens = _plain_tokens(sentence)
    found = []
    for (at, left), (at_right, right) in zip(tokens, tokens[1:]):
        if at_right != at + len(left) + 1 or not (left.islower() and right.islower()):
            continue
        if min(len(left), len(right)) >= MIN_SPLIT_PART and _cut_word(left, right, vocabulary):
            found.append((at, sentence[at : at_right + len(right)]))
    return found


def _cut_word(left: str, right: str, vocabulary) -> bool:
    """``left`` + ``right`` is a known word at least ``SPLIT_RATIO`` times as frequent as
    the rarer part (the word list knows many fragments of words as words)."""
    joined = vocabulary.get(left + right, 0.0)
    return joined >= MIN_SPLIT_FREQ and min(vocabulary.get(left, 0.0), vocabulary.get(right, 0.0)) * SPLIT_RATIO < joined


_HYPHEN_SPLIT = re.compile(r"(?<![\w./@#'’-])([^\W\d_]{2,})- ([^\W\d_]{2,})(?![\w'’-])")


def hyphen_splits(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, text) of a word cut at the end of a printed line and copied with its
    hyphen and a space ("pollu- tion", "Luftver- schmutzung"): both parts lower-case
    (the first may be capitalised), the joined word known and at least ``SPLIT_RATIO``
    times as frequent as the rarer part. A suspended compound ("Luft- und
    Wasserverschmutzung", "pre- and post-war") joins into no known word."""
    vocabulary = _vocabulary(lang) if table is not None and not table.get("syllabic") else None
    if not vocabulary:
        return []
    found = []
    for m in _HYPHEN_SPLIT.finditer(sentence):
        left, right = m.group(1), m.group(2)
        if not (left[1:].islower() and right.islower()):
            continue
        if _cut_word(left.casefold(), right, vocabulary):
            found.append((m.start(), m.group()))
    return found


def fused_syllables(sentence: str, lang: str, table: dict | None) -> list[tuple[int, str]]:
    """(offset, token) of two syllables written as one word in a syllabic language
    (the table's ``syllabic``: Vietnamese "chínhphủ"): a lower-case token with a letter
    outside ASCII, unknown to the word list, that splits into two frequent syllables
    with a vowel each."""
    vocabulary = _vocabulary(lang) if table is not None and table.get("syllabic") else None
    if not vocabulary:
        return []
    found = []
    for at, token in _plain_tokens(sentence):
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
    vocabulary = _vocabulary(lang) if letters else None
    if not vocabulary:
        return []
    found = []
    for at, token in _plain_tokens(sentence):
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
    vocabulary = _vocabulary(lang) if table is not None else None
    if not vocabulary:
        return []
    english = _vocabulary("en") if lang != "en" else None
    found = []
    for at, token in _plain_tokens(sentence):
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


MIN_STEM = 2  # letters a word has before an ending item ("-cy": "Polacy", not "cy")
GRAMMAR_REASONS = {
    "calque": "word-for-word rendering",
    "agreement": "words that do not agree",
    "government": "a verb with the wrong construction",
    "word_order": "word order of another language",
    "article": "a noun without the article the language requires",
    "contraction": "a preposition and an article the language writes as one word",
    "form": "the form a word takes before another sound",
}


@dataclass(frozen=True)
class _Pattern:
    """A table entry: its items, whether it must open a clause, and its label.

    An item is ``("lemma", lemma)`` (any inflection of a word), ``("form", forms)`` (one
    of these forms exactly, written ``=a|b``), ``("ending", endings)`` (a word ending
    in one of these, written ``-a|-b``), ``("beginning", beginnings)`` (a lower-case word
    opening on one of these, written ``a-|b-``) or ``("any", None)`` (any lower-case word,
    written ``*``)."""

    items: tuple[tuple[str, object], ...]
    anchored: bool
    label: str


def _item(lang: str, part: str) -> list[tuple[str, object]]:
    if part == "*":
        return [("any", None)]
    if part.startswith("=") and len(part) > 1:
        return [("form", frozenset(part[1:].casefold().split("|")))]
    if part.startswith("-") and len(part) > 1:
        return [("ending", tuple(e.lstrip("-") for e in part.casefold().split("|")))]
    if part.endswith("-") and len(part) > 1:
        return [("beginning", tuple(b.rstrip("-") for b in part.casefold().split("|")))]
    return [("lemma", _lemma(lang, w)) for w in _TOKEN.findall(part)]


@lru_cache(maxsize=None)
def _pattern_index(lang: str, entries: tuple[tuple[str, str], ...]):
    """(first lemma -> patterns, first form -> patterns, patterns opening on an ending)
    for the (label, entry) pairs of a table."""
    by_lemma: dict[str, list[_Pattern]] = {}
    by_form: dict[str, list[_Pattern]] = {}
    by_ending: list[_Pattern] = []
    for label, entry in entries:
        items = tuple(i for part in entry.lstrip("^").split() for i in _item(lang, part))
        if not items:
            continue
        pattern = _Pattern(items, entry.startswith("^"), label)
        kind, value = items[0]
        if kind == "lemma":
            by_lemma.setdefault(value, []).append(pattern)
        elif kind == "form":
            for form in value:
                by_form.setdefault(form, []).append(pattern)
        else:
            by_ending.append(pattern)
    return by_lemma, by_form, by_ending


def _lemma(lang: str, word: str) -> str:
    return lemma(lang, word) if supported(lang) else word.casefold()


def _fits(item: tuple[str, object], word: str, lemma_: str, opening: bool) -> bool:
    """``word`` (with its lemma) fits ``item``; a form or an ending item needs a
    lower-case word but where the word opens the sentence (a capitalised "Eyes" is a
    title-case headline, "del Valencia" a name)."""
    kind, value = item
    if kind == "any":
        return word.islower()
    if kind == "lemma":
        return lemma_ == value
    folded = word.casefold()
    if kind == "form":
        return folded in value and (opening or word[:1].islower())
    if kind == "beginning":
        return word[:1].islower() and folded.startswith(value)
    return (opening or word[:1].islower()) and any(folded.endswith(e) and len(folded) >= len(e) + MIN_STEM for e in value)


def _table_patterns(table: dict | None) -> tuple[tuple[str, str], ...]:
    found = [("calque", entry) for entry in (table or {}).get("calques", ())]
    for label, entries in (table or {}).get("grammar", {}).items():
        found += [(label, entry) for entry in entries]
    return tuple(found)


def constructions(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int, str]]:
    """(start, end, label) of the table's ``calques`` (label ``calque``) and ``grammar``
    patterns (``agreement``, ``government``, ``word_order``, ``article``, ``contraction``)
    found in ``sentence``, the words separated by white space only. A plain word of an
    entry matches any inflection (compared by lemma, simplemma; Vietnamese word by word:
    "делает смысл" is "делать смысл"), ``=a|b`` one of these forms exactly, ``-a|-b`` a
    word with one of these endings; an entry written with a leading ``^`` must open a
    clause ("Por las palabras del ministro, …", not "moved by the words of")."""
    by_lemma, by_form, by_ending = _pattern_index(lang, _table_patterns(table))
    if not (by_lemma or by_form or by_ending):
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence.replace("’", "'"))]
    lemmas = [_lemma(lang, word) for _, _, word in tokens]
    found = []
    for i, (start, _, word) in enumerate(tokens):
        candidates = by_lemma.get(lemmas[i], []) + by_form.get(word.casefold(), []) + by_ending
        for pattern in candidates:
            n = len(pattern.items)
            if i + n > len(tokens) or (pattern.anchored and not _opens_clause(sentence, start)):
                continue
            joined_by_spaces = all(not sentence[tokens[k][1] : tokens[k + 1][0]].strip() for k in range(i, i + n - 1))
            if joined_by_spaces and all(
                _fits(item, tokens[i + k][2], lemmas[i + k], i + k == 0) for k, item in enumerate(pattern.items)
            ):
                found.append((start, tokens[i + n - 1][1], pattern.label))
                break
    return found


_CHUNK = re.compile(r"[^,;:()«»„“”\"–—]+")


def open_bracket(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a participle followed by a prepositional phrase where the
    language closes its verb bracket on the participle (the table's ``verb_bracket``,
    German): in one clause, a form of the auxiliary, later a past participle (a lower-case
    word that is not its own lemma, opening on one of the ``prefixes`` or ending in
    ``-iert``, and ending in ``-t`` or ``-en``), followed by one of the ``prepositions``
    (directly or after one lower-case word: "wird beobachtet auch in Dänemark") and at
    least one more word, the clause not closing on a lower-case
    word (a verb there closes the bracket: "hat bewusst gegen die Regel verstoßen"):
    "Die Medien hatten berichtet über den Streit." (German writes "hatten über den
    Streit berichtet"). A clause opening on one of the table's ``subordinators`` closes on
    its verb too, auxiliary or not: "…, wo man die Regel durch eine neue ersetzt." is
    German; "…, wo man die Regel ersetzt durch eine neue Ordnung." is not."""
    bracket = (table or {}).get("verb_bracket")
    if not bracket:
        return []
    auxiliaries, prepositions = frozenset(bracket["auxiliaries"]), frozenset(bracket["prepositions"])
    prefixes, subordinators = tuple(bracket["prefixes"]), frozenset(bracket.get("subordinators", ()))
    separable = tuple(bracket.get("separable_prefixes", ()))
    found = []
    for chunk in _CHUNK.finditer(sentence):
        tokens = [(m.start() + chunk.start(), m.end() + chunk.start(), m.group()) for m in _TOKEN.finditer(chunk.group())]
        words = [t[2] for t in tokens]
        aux = next((i for i, w in enumerate(words) if w.casefold() in auxiliaries), None)
        if words and words[0] in subordinators:  # a subordinate clause closes on its verb
            aux = 0
        # a preposition closing the clause before a quotation: "umbenannt in „Wintermärkte“"
        quoted = bool(words) and words[-1] in prepositions and sentence[chunk.end() : chunk.end() + 1] in _QUOTE_OPENERS
        if aux is None or words[-1].islower() and not quoted:  # a clause closing on a verb keeps its bracket
            continue
        for i in range(aux + 1, len(words) - (1 if quoted else 2)):
            word = words[i]
            marked = word.startswith(prefixes) or any(  # "umbenannt", "aufgebaut": behind a separable prefix
                word.startswith(p) and word[len(p) :].startswith(prefixes) for p in separable
            )
            participle = (
                word.islower() and word.endswith(("t", "en")) and (marked or word.endswith("iert"))
                and _lemma(lang, word) != word
            )
            # the preposition directly after it, or after one lower-case word ("beobachtet auch in")
            after = words[i + 1] in prepositions or (
                i + 2 < len(words) and words[i + 1].islower() and words[i + 2] in prepositions and (quoted or i + 3 < len(words))
            )
            if participle and after:
                found.append((tokens[i][0], tokens[-1][1]))
                break
    return found


_CLAUSE_OPENERS = frozenset(",;:—–(«“„\"")
_QUOTE_OPENERS = ("«", "„", "“", '"')


def _opens_clause(sentence: str, start: int) -> bool:
    """Only white space, or a clause mark and white space, before ``start``."""
    before = start - 1
    while before >= 0 and sentence[before].isspace():
        before -= 1
    return before < 0 or sentence[before] in _CLAUSE_OPENERS


_SPEECH_DASH = re.compile(r'[»"”“],[ \u00a0]*[—–](?=\s)')
_COPY_DAMAGE = (
    ("encoding", re.compile(  # UTF-8 read as Latin-1 ("Ã©", "â€™", "Ð¿"), HTML entities, U+FFFD
        "[ÃÂÐÑÄÅ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2122\u0153\u0161\u02dc]"
        "|&(?:amp|quot|apos|lt|gt|nbsp|#\\d{2,5}|#x[0-9a-fA-F]{2,4});|\ufffd"
    ), "text damaged by a wrong character encoding"),
    ("punctuation", re.compile(r'(["«»“”„])\1'), "quotation mark doubled"),
    ("punctuation", re.compile(r"[^\W\d_][»”\"')]? +[,.](?![.\w])"), "space before a comma or full stop"),
    ("punctuation", re.compile(r",,|,\.(?!\.)"), "doubled comma"),
    ("punctuation", re.compile(r"(?<![\w./@&])[^\W\d_]{2,}[,;][^\W\d_]{2,}(?![\w.]*\.\w)"), "no space after a comma"),
)
_LETTERS = re.compile(r"[^\W\d_]+")  # "Telegram-каналах" is two words
_LATIN = re.compile(r"[a-zA-Z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


_ENGLISH_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")


def copy_damage(sentence: str, table: dict | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, label, detail) of copy damage: a wrong encoding, HTML entities,
    doubled quotation marks, a space before a comma or full stop, doubled commas, two
    words joined by a comma or semicolon without a space ("liar,rampant"), a word
    mixing Latin and Cyrillic letters (look-alike letters swapped); in a language writing
    decimals with a comma (the table's ``decimal_comma``), a number with English
    thousands separators ("3,000"); where the table does not set ``speech_dash``
    (Russian and Ukrainian do), a quotation closed by a comma and a dash before its
    speaker ("„…", — meint er")."""
    found = [
        (m.start(), m.end(), label, f"{detail} “{m.group().strip()}”")
        for label, pattern, detail in _COPY_DAMAGE
        for m in pattern.finditer(sentence)
    ]
    if (table or {}).get("decimal_comma"):
        found += [
            (m.start(), m.end(), "number_format", f"number with English thousands separators “{m.group()}”")
            for m in _ENGLISH_THOUSANDS.finditer(sentence)
        ]
    if table is not None and not table.get("speech_dash"):
        found += [
            (m.start(), m.end(), "punctuation", f"a comma and a dash after a quotation, as Russian writes speech “{m.group().strip()}”")
            for m in _SPEECH_DASH.finditer(sentence)
        ]
    for m in _LETTERS.finditer(sentence):
        if _LATIN.search(m.group()) and _CYRILLIC.search(m.group()):
            found.append((m.start(), m.end(), "mixed_script", f"Latin and Cyrillic letters in one word “{m.group()}”"))
    return found
