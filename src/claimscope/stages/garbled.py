"""Repeated words and sentences cut mid-clause (labels ``repeated_words``,
``mid_clause``; docs/stages.md, ``garbled_sentence``). The other signs that machine
translation or copying mangled a sentence are in fusions.py (words glued or cut),
gender.py (gender agreement), grammar.py (constructions of another grammar) and
punctuation.py (quotation marks, copy damage); their shared word helpers in words.py.

* ``repeated_words``: a word or a phrase of up to four words written twice in a row
  ("the the", "en la ciudad en la ciudad"), except the language's
  ``repeatable_words`` ("nous nous", "had had") and words written twice in different
  case ("at AT", "Ann Lee ann.lee"); phrases of frequent syllables count where the table
  sets ``syllabic`` ("đi làm đi làm"); single words not at all in languages whose table sets
  ``reduplication`` (Vietnamese "dần dần") but for its ``not_reduplicated`` function words
  ("của của"); not a word and a function word written twice
  ("story after story after": the idiom "story after story" and its next word).
  ``echoed_phrases``: a phrase written twice with a comma between ("…, stays closed for
  repairs, stays closed for repairs until May"), or a longer one with a space between.
  ``repeated_sentence``: a sentence written twice in a row.
* ``lower_case_after_stop``: a full stop followed by a lower-case word ("… ao governo.
  que anunciou"), not after one of the table's abbreviations nor a unit after a number
  ("5 proc. wydatków").
* ``cut_off``, ``stops_on_function_word``: a long line that stops without final
  punctuation, on a lower-case word or a comma; or a sentence whose full stop follows a
  word that never ends one (the language's ``never_final``: articles, conjunctions).
"""

from __future__ import annotations

import re

from .wordfreqs import frequencies
from .words import (
    MIN_FUNCTION_FREQ, TOKEN, abbreviations_of, function_words_of, inside_quotes, opens_clause, sentence_tokens,
)

MIN_CUT_WORDS = 15  # a line must be at least this long to be called cut off
MIN_CUT_SHORT = 5  # ... or this long when it ends on a word that never ends a sentence
MAX_REPEAT = 4  # longest phrase (in words) checked for a repetition
MIN_ECHO = 5  # words of a sentence written twice in a row
MAX_ECHOED = 12  # longest phrase (in words) checked for a repetition across a clause mark
_ECHO_GAP = re.compile(r"\s*[,;]\s+")  # not a dash: a speaker starting again ("I am — I am")
_PHRASE_TOKEN = re.compile(rf"{TOKEN.pattern}|\d+(?:[.,]\d+)*")  # a number is a word of a phrase ("in 2017 in 2017")


def repeated_words(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of a word or phrase written twice in a row, only white space
    between; a single repeated word must be lower-case (not "Bora Bora"), a phrase must
    hold a word that is not among the most frequent ("more and more and more"); a number
    is a word of a phrase ("im Jahr 2019 im Jahr 2019"), never a phrase alone. A
    ``relative_repeats`` word of the table (German "die die": a relative pronoun and an
    article) is repeatable only where a relative clause opens: after a clause mark or
    one of its ``after`` prepositions."""
    vocabulary = frequencies(lang) or {}
    allowed = set((table or {}).get("repeatable_words", ()))
    relative = (table or {}).get("relative_repeats", {})  # German "…, die die Stadt": after a comma only
    links = frozenset((table or {}).get("reduplicating_links", ()))  # "step by step", "more and more"
    reduplicates = (table or {}).get("reduplication", False)  # Vietnamese "dần dần": a word
    never_twice = set((table or {}).get("not_reduplicated", ()))  # ... but "của của" is not
    syllabic = (table or {}).get("syllabic", False)
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in _PHRASE_TOKEN.finditer(sentence)]
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


def echoed_phrases(sentence: str, lang: str, table: dict | None, before: str = "") -> list[tuple[int, int, str]]:
    """(start, end, phrase) of a phrase of two words or more written twice in a row with
    a comma or a semicolon between, or of more than ``MAX_REPEAT`` words with a space
    between: a translation that rendered a clause twice. Both copies spelt alike, first
    letter and all, no link; the phrase holds a lower-case word (not a name: "New York,
    New York") and a word that is not among the most frequent (not "and so on, and so
    on"); in a language written syllable by syllable (the table's ``syllabic``), a phrase
    of three syllables or more. Not inside a quotation
    (``before``: the paragraph's text before the sentence), where a speaker may repeat
    himself ("very sure, very sure"), nor after a single function word that opens the
    sentence ("If it is free, it is free": a conditional saying its clause again)."""
    vocabulary = frequencies(lang) or {}
    shortest = 3 if (table or {}).get("syllabic", False) else 2
    function_words = function_words_of(table or {})
    tokens = sentence_tokens(sentence)
    if "," not in sentence and ";" not in sentence and len(tokens) <= 2 * MAX_REPEAT:
        return []
    places: dict[str, list[int]] = {}  # where each word stands
    for j, (_, _, word) in enumerate(tokens):
        places.setdefault(word, []).append(j)
    seen: dict[str, int] = {}
    lower: list[int] = []  # lower-case words and words below Zipf 6 up to each place (when needed)
    rare: list[int] = []
    found, covered, quoted = [], -1, None
    for i, (start, _, word) in enumerate(tokens):
        k = seen[word] = seen.get(word, -1) + 1  # this is the word's k-th place
        if start < covered or k + 1 == len(places[word]):
            continue
        longest = min(MAX_ECHOED, (len(tokens) - i) // 2)
        lengths = [  # the second copy starts after a comma or a semicolon (a space: a long phrase)
            n for n in (j - i for j in places[word][k + 1 : k + 1 + MAX_ECHOED]) if shortest <= n <= longest
            and _echo_gap(sentence[tokens[i + n - 1][1] : tokens[i + n][0]], n)
        ]
        if lengths and not lower:
            lower, rare = [0], [0]
            for _, _, token in tokens:
                lower.append(lower[-1] + token[0].islower())
                rare.append(rare[-1] + (vocabulary.get(token.casefold(), 0.0) < MIN_FUNCTION_FREQ))
        for n in reversed(lengths):
            if lower[i + n] == lower[i] or rare[i + n] == rare[i]:
                continue
            copy = sentence[tokens[i][0] : tokens[i + n - 1][1]]
            if copy != sentence[tokens[i + n][0] : tokens[i + 2 * n - 1][1]] or "/" in copy:
                continue  # other words or marks in the second copy, or a link written twice
            opener = tokens[0][2].casefold() if i == 1 and opens_clause(sentence, tokens[0][0]) else None
            if opener and (vocabulary.get(opener, 0.0) >= MIN_FUNCTION_FREQ or opener in function_words):
                continue  # "When it goes bad, it goes bad": a conditional that says its clause again
            quoted = quoted or inside_quotes(before, sentence)
            if quoted(tokens[i][0]):
                continue
            found.append((tokens[i][0], tokens[i + 2 * n - 1][1], copy))
            covered = tokens[i + 2 * n - 1][1]
            break
    return found


def _echo_gap(gap: str, words: int) -> bool:
    """A comma or a semicolon between two copies of a phrase, or a space between two
    copies longer than ``MAX_REPEAT`` words (shorter ones: ``repeated_words``)."""
    return bool(_ECHO_GAP.fullmatch(gap)) or words > MAX_REPEAT and gap.isspace()


def _opens_relative(sentence: str, tokens, i: int, relative: dict) -> bool:
    """The word ``tokens[i]`` may open a relative clause: a clause mark before it, or one
    of the table's ``relative_repeats.after`` words (prepositions: "…, mit der der Vertrag")."""
    if i and tokens[i - 1][2] in relative.get("after", ()):
        return True
    return opens_clause(sentence, tokens[i][0])


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
    abbreviations = abbreviations_of(table)
    return [
        (m.start(), m.end()) for m in _STOP_LOWER.finditer(text)
        if m.group(2)[0].islower() and m.group(1).casefold() not in abbreviations
        and not (len(m.group(1)) <= MAX_UNIT and _NUMBER_BEFORE.search(text, max(m.start() - 2, 0), m.start()))
    ]


def repeated_sentence(sentence: str, previous: str) -> bool:
    """``sentence`` repeats the one before it word for word (at least ``MIN_ECHO`` words)."""
    words, before = sentence_tokens(sentence), sentence_tokens(previous)
    return len(words) >= MIN_ECHO and len(words) == len(before) and all(
        a.casefold() == b.casefold() for (_, _, a), (_, _, b) in zip(words, before)
    )


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
