"""The garbled-sentence checks of one main-language sentence, as (start, end, label,
detail) issues relative to it (traces.py reports them; docs/stages.md,
``garbled_sentence``): words glued (fusions.py) or cut (word_splits.py), agreement
(gender.py), case (cases.py), declension (declension.py), the table's constructions and
the verb bracket (grammar.py), the verb in second place (verb_second.py), copy damage
(punctuation.py), repeated words (garbled.py) and double negation (grammar.py).

Damage compounds: a word glued to the next one hides that word from the grammar checks
("Städtenwerden die Märkte umbenannt in …" hides the auxiliary of a verb bracket). The
grammar checks therefore also read the sentence with its fused words parted again (a
space between the two words found), and what they find there only, away from the fused
words themselves, is mapped back onto the sentence.
"""

from __future__ import annotations

from . import cases, declension, fusions, garbled, gender, grammar, punctuation, verb_second, word_splits

Issue = tuple[int, int, str, str]  # start, end, label, detail


def sentence_issues(piece: str, lang: str, table: dict | None, before: str = "") -> list[Issue]:
    """Every issue of the sentence ``piece`` in the main language ``lang`` (sentences
    glued at a full stop are read line by line: traces.py); ``before`` is the paragraph's
    text before the sentence (a quotation may be open: speech may repeat itself or be
    colloquial)."""
    issues: list[Issue] = []
    glued = (
        fusions.fused_words(piece, lang, table)
        + fusions.one_letter_fusions(piece, lang, table) + fusions.short_fusions(piece, lang, table)
        + fusions.lexicon_fusions(piece, lang, table) + fusions.capital_fusions(piece, lang, table)
    )
    for offset, token, left, right in glued:
        issues.append((offset, offset + len(token), "fused_words", f"fused words “{token}” ({left} + {right})"))
    for offset, token in fusions.fused_syllables(piece, lang, table) + fusions.camel_fused(piece, lang, table):
        issues.append((offset, offset + len(token), "fused_words", f"fused words “{token}”"))
    for offset, pair in word_splits.split_words(piece, lang, table) + word_splits.hyphen_splits(piece, lang, table):
        issues.append((offset, offset + len(pair), "split_word", f"a word cut in two “{pair}”"))
    found = _grammar_issues(piece, lang, table)
    cuts = sorted({offset + len(left) for offset, _, left, _ in glued})
    if cuts:  # the grammar checks again on the words parted, for what they found elsewhere
        parted = "".join(piece[a:b] + " " for a, b in zip([0, *cuts], cuts)) + piece[cuts[-1] :]
        taken = [(s, e) for s, e, *_ in found] + [(offset, offset + len(token)) for offset, token, _, _ in glued]
        for start, end, label, detail in _grammar_issues(parted, lang, table):
            start, end = _unparted(start, cuts), _unparted(end, cuts)
            if not any(s < end and start < e for s, e in taken):
                found.append((start, end, label, detail))
    issues += found
    for start, end, label, detail in punctuation.copy_damage(piece, table):
        issues.append((start, end, label, detail))
    for start, end, phrase in garbled.repeated_words(piece, lang, table):
        issues.append((start, end, "repeated_words", f"“{phrase}” written twice"))
    for start, end, phrase in garbled.echoed_phrases(piece, lang, table, before):
        issues.append((start, end, "repeated_words", f"“{phrase}” written twice, a comma between"))
    for start, end in grammar.double_negation(piece, table, before):
        issues.append((start, end, "double_negation", f"double negation “{piece[start:end]}”"))
    return issues


def _unparted(offset: int, cuts: list[int]) -> int:
    """The offset in the sentence of ``offset`` in its parted copy (one space inserted at
    each of ``cuts``)."""
    inserted = 0
    while inserted < len(cuts) and cuts[inserted] + inserted < offset:
        inserted += 1
    return offset - inserted


# (check, label, what it found): each check yields (start, end) spans of the sentence
_SPAN_CHECKS = (
    (lambda piece, lang, table: grammar.double_determiners(piece, table), "determiners",
     "two determiners in a row"),
    (gender.gender_clashes, "agreement", "a determiner and a noun of different genders"),
    (gender.adjective_clashes, "agreement", "a masculine noun with a feminine adjective"),
    (gender.number_clashes, "agreement", "a determiner and a noun of different numbers"),
    (declension.weak_declension, "agreement", "an adjective in an ending its article never takes"),
    (declension.genitive_gender, "agreement", "a feminine determiner before a masculine or neuter noun"),
    (cases.wrong_case, "government", "a preposition before a word in a case it does not take"),
    (cases.numeral_agreement, "agreement", "a number before a noun in a form it does not take"),
    (cases.subject_agreement, "agreement", "a plural subject with a singular verb"),
    (cases.nominative_complement, "government", "a verb whose complement takes the instrumental"),
    (lambda piece, lang, table: grammar.singular_before_number(piece, table), "agreement",
     "a singular adjective before a number"),
    (lambda piece, lang, table: grammar.name_subject_agreement(piece, table), "agreement",
     "a singular name with a plural verb"),
    (lambda piece, lang, table: grammar.plural_subject_agreement(piece, table), "agreement",
     "a plural subject with a singular verb"),
    (lambda piece, lang, table: verb_second.verb_second(piece, table), "word_order",
     "the subject before the verb after the opening phrase"),
)


def _grammar_issues(piece: str, lang: str, table: dict | None) -> list[Issue]:
    issues: list[Issue] = []
    for check, label, what in _SPAN_CHECKS:
        for start, end in check(piece, lang, table):
            issues.append((start, end, label, f"{what} “{piece[start:end]}”"))
    for start, end, label in grammar.constructions(piece, lang, table):
        issues.append((start, end, label, f"{grammar.GRAMMAR_REASONS[label]} “{piece[start:end]}”"))
    for start, end in grammar.open_bracket(piece, lang, table):
        issues.append((start, end, "word_order", f"a phrase after the participle that closes the clause “{piece[start:end]}”"))
    return issues
