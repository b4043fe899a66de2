"""Constructions of another language's grammar (labels ``calque``, ``agreement``,
``government``, ``word_order``, ``article``, ``contraction``, ``form``,
``double_negation``, ``determiners``; docs/stages.md, ``garbled_sentence``).

* ``constructions``: a word-for-word rendering listed in the table's ``calques``, matched
  by lemma sequence (simplemma) so that every inflection counts ("делает смысл" =
  "делать смысл", "make sense"); and the table's ``grammar`` patterns, which may also
  name exact forms and endings: words that do not agree (a Polish "-skie" adjective
  before a "-cy" noun of men), a verb with the wrong construction ("did not comment
  the report"), a word order of another language.
* ``open_bracket``: a German participle followed by the phrase that should stand before
  it ("hatten berichtet über den Streit").
* ``double_negation``: in a language without negative concord (the table's
  ``double_negation``: English, German, Dutch), a negator and a negative pronoun one to
  three words apart ("did not tell nobody"), outside quotation marks (speech
  may be colloquial); not "not for nothing".
* ``double_determiners``: two determiners in a row that never follow each other, where
  the table lists ``determiners`` ("chaque les", "every the").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .words import TOKEN, alternation, inside_quotes, is_year, lemma_of, opens_clause, sentence_tokens

MAX_NEGATION_GAP = 3  # words between the negator and the negative pronoun


@lru_cache(maxsize=None)
def _negation_pattern(negators: tuple[str, ...], negatives: tuple[str, ...]) -> re.Pattern:
    words = [w for w in negators if w[:1].isalpha() and "'" not in w]
    clitics = [w for w in negators if w not in words]  # "n't", glued to its verb
    heads = rf"(?<![\w'])(?:{alternation(words)})" + (rf"|(?:{alternation(clitics)})" if clitics else "")
    return re.compile(
        rf"(?:{heads})(?!\w)(?:\s+(?!for\s)[\w'’-]+){{1,{MAX_NEGATION_GAP}}}?\s+(?:{alternation(negatives)})(?!\w)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=None)
def _negative_first_pattern(negatives: tuple[str, ...], negators: tuple[str, ...]) -> re.Pattern:
    return re.compile(
        rf"(?<![\w'])(?:{alternation(negatives)})(?:\s+[\w'’-]+){{1,{MAX_NEGATION_GAP}}}?\s+(?:{alternation(negators)})(?!\w)",
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
    spans, quoted = [], inside_quotes(before, sentence)
    for match in (m for pattern in patterns for m in pattern.finditer(sentence.replace("’", "'"))):
        if not quoted(match.start()) and not re.search(r"[,;:]", match.group()):
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
    tokens = sentence_tokens(sentence)
    return [
        (a[0], b[1])
        for a, b in zip(tokens, tokens[1:])
        if a[2].casefold() in first and b[2] in second and sentence[a[1] : b[0]] == " "
    ]


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
    in one of these, written ``-a|-b``), ``("noun_ending", endings)`` (a capitalised word,
    a German noun, ending in one of these or being one, written ``~-a|-b``),
    ``("beginning", beginnings)`` (a lower-case word opening on one of these, written
    ``a-|b-``) or ``("any", None)`` (any lower-case word, written ``*``)."""

    items: tuple[tuple[str, object], ...]
    anchored: bool
    label: str


def _item(lang: str, part: str) -> list[tuple[str, object]]:
    if part == "*":
        return [("any", None)]
    if part.startswith("=") and len(part) > 1:
        return [("form", frozenset(part[1:].casefold().split("|")))]
    if part.startswith("~-") and len(part) > 2:
        return [("noun_ending", tuple(e.lstrip("-") for e in part[1:].casefold().split("|")))]
    if part.startswith("-") and len(part) > 1:
        return [("ending", tuple(e.lstrip("-") for e in part.casefold().split("|")))]
    if part.endswith("-") and len(part) > 1:
        return [("beginning", tuple(b.rstrip("-") for b in part.casefold().split("|")))]
    return [("lemma", lemma_of(lang, w)) for w in TOKEN.findall(part)]


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
    if kind == "noun_ending":
        return word[:1].isupper() and folded.endswith(value)
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
    tokens = sentence_tokens(sentence.replace("’", "'"))
    lemmas = [lemma_of(lang, word) for _, _, word in tokens]
    found = []
    for i, (start, _, word) in enumerate(tokens):
        candidates = by_lemma.get(lemmas[i], []) + by_form.get(word.casefold(), []) + by_ending
        for pattern in candidates:
            n = len(pattern.items)
            if i + n > len(tokens) or (pattern.anchored and not opens_clause(sentence, start)):
                continue
            fits = all(_fits(item, tokens[i + k][2], lemmas[i + k], i + k == 0) for k, item in enumerate(pattern.items))
            if fits and all(not sentence[tokens[k][1] : tokens[k + 1][0]].strip() for k in range(i, i + n - 1)):
                found.append((start, tokens[i + n - 1][1], pattern.label))
                break
    return found


_CHUNK = re.compile(r"[^,;:()«»„“”\"–—]+")
_QUOTE_OPENERS = ("«", "„", "“", '"')


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
        tokens = [(m.start() + chunk.start(), m.end() + chunk.start(), m.group()) for m in TOKEN.finditer(chunk.group())]
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
                and lemma_of(lang, word) != word
            )
            # the preposition directly after it, or after one lower-case word ("beobachtet auch in")
            after = words[i + 1] in prepositions or (
                i + 2 < len(words) and words[i + 1].islower() and words[i + 2] in prepositions and (quoted or i + 3 < len(words))
            )
            if participle and after:
                found.append((tokens[i][0], tokens[-1][1]))
                break
    return found


def singular_before_number(sentence: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of an adjective in the singular right before a number in digits that
    counts the words after it, not one ending in 1 (but 11), which counts a singular
    ("следующий 21 день"), where the table lists such forms
    (``singular_before_number``: Polish "kolejny", Russian "очередной"): "kolejny 300
    polskich lekarzy" for "kolejnych 300" (an adjective before a number agrees with the
    counted phrase, plural). Not before a decimal, an ordinal, a share or a year ("15-й",
    "5.", "5%", "2019"), nor a number glued to letters ("5G")."""
    forms = (table or {}).get("singular_before_number")
    if not forms:
        return []
    pattern = _number_pattern(tuple(forms))
    found = []
    for match in pattern.finditer(sentence):
        digits = match.group(2).replace(" ", "").replace("\u00a0", "")
        if not (int(digits) % 10 == 1 and int(digits) % 100 != 11 or is_year(digits)):
            found.append((match.start(), match.end()))
    return found


@lru_cache(maxsize=None)
def _number_pattern(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile(  # the forms in any case, the word after the number lower-case
        rf"(?<!\w)((?i:{alternation(forms)})) (\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+)(?![\d.,%/:-]|[ \u00a0]\d)(?=\s+[^\W\d_A-ZА-ЯЁ])"
    )


_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|&")


def name_subject_agreement(sentence: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a sentence opening on a singular article and a name (capitalised
    words, joined by the table's name ``particles`` or "&") followed by a verb in the
    plural, where the table has ``name_subject``: "A Fundação Costa & Filhos não
    responderam", "El Ayuntamiento de Vigo anunciaron" (an institution is one; the
    translation took the number of the source's verb or of the name's words). The verb
    is one of the ``plural_forms`` or ends in one of the ``plural_endings`` (the third
    person plural of a tense: "-ram", "-aron"), right after the name or after one of the
    ``negators``; not copulas, which agree with a plural predicate ("El problema son los
    costes"). Not a name joined by a conjunction ("O PSD e o PS votaram")."""
    rule = (table or {}).get("name_subject")
    if not rule:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(sentence)]
    if len(tokens) < 3 or tokens[0][2] not in rule["singular"] or sentence[: tokens[0][0]].strip(" «\"“„'‘"):
        return []
    particles, i, last_name = frozenset(rule["particles"]), 1, 0
    while i < len(tokens) and sentence[tokens[i - 1][1] : tokens[i][0]] == " ":
        word = tokens[i][2]
        if word[0].isupper():
            last_name = i
        elif not (word == "&" or word in particles):
            break
        i += 1
    if not last_name or i != last_name + 1 or i >= len(tokens):
        return []
    if tokens[i][2] in rule["negators"] and i + 1 < len(tokens) and sentence[tokens[i][1] : tokens[i + 1][0]] == " ":
        i += 1
    verb = tokens[i][2]
    plural = verb in rule["plural_forms"] or verb.islower() and any(
        verb.endswith(e) and len(verb) > len(e) + 2 for e in rule["plural_endings"]
    )
    if plural and sentence[tokens[i - 1][1] : tokens[i][0]] == " ":
        return [(tokens[0][0], tokens[i][1])]
    return []


MAX_SUBJECT_WORDS = 3  # words of a plural subject after its determiner ("Las nuevas normas")


def plural_subject_agreement(sentence: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a sentence opening on a plural determiner and one to
    ``MAX_SUBJECT_WORDS`` lower-case words in the plural, followed by a verb in the
    singular, where the table has ``plural_subject``: one of its ``plural`` determiners,
    words ending in one of its ``plural_endings``, then, directly or after one of its
    ``negators``, one of its ``singular_forms`` ("ha", "está", "est", "è") or a word ending
    in one of its ``singular_endings`` (the third person singular of a past tense:
    "-ó", "-ou", "-ò"): "Las nuevas normas entró en vigor", "As regras novas entrou",
    "Les habitants a protesté". Copulas are left out as in ``name_subject_agreement``."""
    rule = (table or {}).get("plural_subject")
    if not rule:
        return []
    tokens = sentence_tokens(sentence)
    if len(tokens) < 3 or tokens[0][2] not in rule["plural"] or sentence[: tokens[0][0]].strip(" «\"“„'‘"):
        return []
    spaced = [sentence[a[1] : b[0]] == " " for a, b in zip(tokens, tokens[1:])]
    i = 1
    while i < len(tokens) - 1 and i <= MAX_SUBJECT_WORDS and spaced[i - 1] and tokens[i][2].islower() and tokens[i][2].endswith(tuple(rule["plural_endings"])):
        i += 1
    if i == 1 or not spaced[i - 1]:
        return []
    if tokens[i][2] in rule["negators"] and i + 1 < len(tokens) and spaced[i]:
        i += 1
    verb = tokens[i][2]
    singular = verb in rule["singular_forms"] or verb.islower() and any(
        verb.endswith(e) and len(verb) > len(e) + 2 for e in rule["singular_endings"]
    )
    return [(tokens[0][0], tokens[i][1])] if singular else []
