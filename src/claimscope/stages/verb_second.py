"""The finite verb after the first phrase of a main clause (label ``word_order``;
docs/stages.md, ``garbled_sentence``).

German (the table's ``verb_second``) puts the finite verb of a main clause second: an
adverb or a phrase that opens the sentence is followed by the verb, then the subject
("Trotzdem schreibt die Zeitung …", "Laut Reuters gehen die meisten …"). A translation
from a language without that rule (Russian, English) keeps the subject before the verb:
"Trotzdem die Zeitung schreibt …", "Laut Reuters die meisten Bewohner gehen …".

``verb_second`` finds a sentence opening on one of the table's ``openers`` (adverbs that
fill the first place alone and never stand before a noun phrase as a particle does:
"trotzdem", "deshalb"; not "auch", "nur"), or on one of its ``name_openers`` ("laut")
and one to three capitalised words, followed by one of its ``subjects`` (a personal
pronoun, or a determiner that is never a genitive: "die", "ein"; not "der", as in "Laut
Angaben der Polizei") and then a verb: after a pronoun, the next word; after a
determiner, the first word after its noun (lower-case words, then capitalised ones).
The verb is a lower-case word that is no function word, preposition or subject of the
table; a phrase with no verb ("Trotzdem die Frage nach dem Geld.", "Jetzt die gute
Nachricht:") is a title or an aside, not damage. The span runs from the opening word
to the verb.
"""

from __future__ import annotations

from .words import function_words_of, sentence_tokens

MAX_NAME_WORDS = 3  # capitalised words of the name after a name opener ("Laut RIA Novosti")
MAX_SUBJECT_WORDS = 4  # words between the determiner and the verb ("die meisten Auswanderer")


def verb_second(sentence: str, table: dict | None) -> list[tuple[int, int]]:
    """(start, end) of a sentence whose subject stands before the verb after an opening
    adverb or name phrase, where the language puts the verb second (see the module)."""
    rule = (table or {}).get("verb_second")
    if not rule:
        return []
    tokens = sentence_tokens(sentence)
    if len(tokens) < 4 or sentence[: tokens[0][0]].strip(" «\"“„'‘"):
        return []
    spaced = [sentence[a[1] : b[0]] == " " for a, b in zip(tokens, tokens[1:])]
    first, i = tokens[0][2].casefold(), 1
    if first in rule.get("name_openers", ()):
        while i < len(tokens) and i <= MAX_NAME_WORDS and spaced[i - 1] and tokens[i][2][0].isupper():
            i += 1
        if i == 1:
            return []
    elif first not in rule["openers"]:
        return []
    subjects = frozenset(rule["subjects"])
    if i + 1 >= len(tokens) or not spaced[i - 1] or tokens[i][2] not in subjects:
        return []
    pronoun, i = tokens[i][2] in rule.get("pronouns", ()), i + 1
    if not pronoun:  # the noun phrase: lower-case words (adjectives), then its noun
        start = i
        while i < len(tokens) - 1 and i - start < MAX_SUBJECT_WORDS and spaced[i - 1] and tokens[i][2].islower():
            i += 1
        if not tokens[i][2][0].isupper():
            return []
        while i < len(tokens) - 1 and i - start < MAX_SUBJECT_WORDS and spaced[i - 1] and tokens[i][2][0].isupper():
            i += 1
    if i >= len(tokens) or not spaced[i - 1] or not _verb_like(tokens[i][2], table, subjects):
        return []
    return [(tokens[0][0], tokens[i][1])]


def _verb_like(word: str, table: dict, subjects: frozenset[str]) -> bool:
    """A lower-case word that is not a function word, a preposition or a subject."""
    prepositions = (table.get("verb_bracket") or {}).get("prepositions", ())
    return word.islower() and word not in function_words_of(table) and word not in prepositions and word not in subjects
