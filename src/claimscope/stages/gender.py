"""Determiners, nouns and adjectives whose genders clash (label ``agreement``;
docs/stages.md, ``garbled_sentence``).

* ``gender_clashes``: a determiner of one gender before a noun whose ending gives the
  other ("una movimiento", "um informação", "un culture").
* ``adjective_clashes``: a determiner, a noun and an adjective or participle of the
  other gender ("o governo brasileira", "la loi adopté").
* ``number_clashes``: a plural determiner before a word of singular form ("unas medida",
  "das regra", "delle misura", "des mesure").
"""

from __future__ import annotations

from .wordfreqs import frequencies
from .words import MIN_FUNCTION_FREQ, MIN_KNOWN_FREQ, function_words_of, lemma_of, sentence_tokens

MIN_PLURAL_LETTERS = 5  # a plural after a singular determiner ("ideas"; not "mas", "pas")
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
    clitics, vocabulary = frozenset(gender.get("clitics", ())), frequencies(lang)
    tokens = sentence_tokens(sentence)
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
    before_phrase, vocabulary = function_words_of(table), frequencies(lang) or {}
    copulas = [tuple(c.split()) for c in gender.get("copulas", ())]
    clause_openers = frozenset(gender.get("clause_openers", ()))
    subject = {w: "f" for w in gender.get("subject_determiners", ())}
    tokens = sentence_tokens(sentence)
    found = []
    for i in range(len(tokens) - 2):
        (start, end, determiner), (noun_start, noun_end, noun) = tokens[i : i + 2]
        folded = determiner.casefold()
        if folded not in determiners and folded not in subject:
            continue
        copula = _copula_after(sentence, tokens, i + 2, copulas)
        kind = determiners.get(folded) or (subject.get(folded) if copula else None)
        if kind is None or i + 2 + copula >= len(tokens):
            continue
        adj_start, adj_end, adjective = tokens[i + 2 + copula]
        if sentence[end:noun_start] != " " or sentence[noun_end:adj_start] != " " and not copula:
            continue
        previous = tokens[i - 1][2].casefold() if i and not sentence[tokens[i - 1][1] : start].strip() else ""
        if not _lower_or_opening(sentence, start, determiner):
            continue
        if copula and previous and (previous.endswith(_VERB_ENDINGS) and lemma_of(lang, previous) == previous or _is_verb(lang, previous)):
            continue  # "Negar la realidad es absurdo": the subject is the verb's clause
        if previous in before_phrase and not (copula and previous in clause_openers):
            continue
        if not (noun.islower() and adjective.islower() and adjective.isalpha()) or noun.startswith(not_initial) or len(adjective) < 4:
            continue
        if noun in absolute:  # "una vez elegido": a participle opening a clause of its own
            continue
        if max(vocabulary.get(adjective, 0.0), vocabulary.get(noun, 0.0)) >= MIN_FUNCTION_FREQ or _is_verb(lang, noun):
            continue
        if lemma_of(lang, adjective) in not_adjectives:
            continue
        if kind == "m" and _feminine_form(lang, adjective, forms):
            found.append((start, adj_end))
        elif kind == "f" and _masculine_form(lang, adjective, forms, vocabulary):
            following = tokens[i + 3][2] if i + 3 < len(tokens) and sentence[adj_end : tokens[i + 3][0]] in (" ", "-") else ""
            if not (following and _feminine_form(lang, following, forms)):  # "público privada": one adjective
                found.append((start, adj_end))
    return found


def number_clashes(sentence: str, lang: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a plural determiner followed by a word in the singular, where the
    table has ``number``: one of its ``plural`` determiners (lower-case or opening the
    sentence; only words that are never a pronoun or a clitic: "sus", "unas", "das",
    "delle", "ces", not "los", "le"), one space, and a lower-case word of ≥ 3 letters,
    not a function word (Zipf ≥ 6), not hyphenated, not one of the ``exceptions``
    (numerals, invariable nouns, adverbs that stand before a number: "sus cerca de 300",
    "ses quelque 200"), that ends in one of the ``singular_endings`` ("-a", "-o") or, where
    the table lists none, in none of the ``plural_endings`` (French "-s", "-x", "-z"):
    "unas medida", "suas proposta", "delle misura", "des mesure". Where the table also
    lists ``singular`` determiners and ``plural_forms`` (a plural ending and its singular's),
    one of them before a word of ≥ ``MIN_PLURAL_LETTERS`` letters in such a plural whose
    singular the word list knows ("-as": "-a", "-ões": "-ão"): "su decisiones", "a sua
    decisões" (not "del gas", "mi cumpleaños": "ga", "cumpleaño" are no words; not a verb,
    nor an infinitive with one of the table's ``enclitics``: "al verlos")."""
    number = (table or {}).get("number")
    if not number:
        return []
    plural, exceptions = frozenset(number["plural"]), frozenset(number["exceptions"])
    singular_endings, plural_endings = tuple(number.get("singular_endings", ())), tuple(number["plural_endings"])
    singular, plural_forms = frozenset(number.get("singular", ())), number.get("plural_forms", ())
    enclitics = number.get("enclitics", ())  # "al verlos": an infinitive and its pronoun
    vocabulary = frequencies(lang) or {}
    tokens = sentence_tokens(sentence)
    found = []
    for (start, end, determiner), (next_start, next_end, word) in zip(tokens, tokens[1:]):
        folded = determiner.casefold()
        if folded not in plural and folded not in singular or sentence[end:next_start] != " " or not word.isalpha():
            continue
        if not word.islower() or not _lower_or_opening(sentence, start, determiner):
            continue
        if len(word) < 3 or word in exceptions or vocabulary.get(word, 0.0) >= MIN_FUNCTION_FREQ:
            continue
        if folded in singular:  # a plural whose singular the word list knows ("ideas": "idea"; not "gas")
            clash = len(word) >= MIN_PLURAL_LETTERS and not _is_verb(lang, word) and not any(
                word.endswith(pronoun) and word[: -len(pronoun)].endswith(_VERB_ENDINGS) for pronoun in enclitics
            ) and any(
                word.endswith(end) and vocabulary.get(word[: -len(end)] + base, 0.0) >= MIN_KNOWN_FREQ
                for end, base in plural_forms
            )
        else:
            clash = word.endswith(singular_endings) if singular_endings else not word.endswith(plural_endings)
            clash = clash and not word.endswith(plural_endings)
        if clash:
            found.append((start, next_end))
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
    base = lemma_of(lang, word)
    return base != word and any(
        base.endswith(lemma_end) and word == base[: len(base) - len(lemma_end)] + feminine_end
        for lemma_end, feminine_end, _ in forms
    )


def _masculine_form(lang: str, word: str, forms, vocabulary) -> bool:
    """``word`` is the masculine form of its lemma by one of the ``adjective_forms``, and
    the feminine form is a word the word list knows with the same lemma."""
    base = lemma_of(lang, word)
    for lemma_end, feminine_end, masculine_end in forms:
        stem = base[: len(base) - len(lemma_end)]
        if base.endswith(lemma_end) and word == stem + masculine_end != stem + feminine_end:
            feminine = stem + feminine_end
            of = lemma_of(lang, feminine)  # "aprobada" may read as the verb "aprobar", "fechada" as "fechado"
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
    found = lemma_of(lang, word)
    return found != word and found.endswith(_VERB_ENDINGS)
