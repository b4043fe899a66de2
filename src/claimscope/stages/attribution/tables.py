"""Per-language attribution tables (``claimscope/data/attribution/<lang>.json``).

A table lists the words and phrases the rules look for in one language; the
format is documented in docs/attribution.md. Tables are loaded once and compiled
into case-insensitive regular expressions (table_patterns.py builds them).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ...errors import InputError
from .table_patterns import alternation, first_words, form_lemmas, preposition_pattern, word_pattern

_LIST_KEYS = (
    "verbs",
    "participles",
    "auxiliaries",
    "adverbs",
    "weak_verbs",
    "prepositions",
    "postpositions",
    "complementizers",
    "clause_breaks",
    "speaker_stops",
    "speaker_prefixes",
    "determiners",
    "speaker_trim",
    "clitics",
    "addressee_markers",
    "dative_endings",
    "told_endings",
    "passive_auxiliaries",
    "agent_markers",
    "as_clause",
    "generic_cues",
    "clause_starters",
    "weak_subjects",
    "not_subjects",
    "verb_chain",
    "sourceless",
    "sourceless_initial",
    "coordinators",
    "pronouns",
    "personal_pronouns",
    "anonymous",
    "titles",
    "not_cues",
    "generic_subjects",
    "possessives",
    "colon_labels",
    "translation_nouns",
    "opinion_prepositions",
    "noun_cues",
    "possessive_determiners",
    "verb_lemmas",
    "modal_verbs",
    "weak_lemmas",
    "negations",
    "infinitive_markers",
    "anonymous_openers",
    "hearsay",
    "separable_particles",
    "relatives",
    "subject_relatives",
    "host_roles",
    "document_prepositions",
    "document_nouns",
    "medium_nouns",
    "source_verbs",
    "infinitive_openers",
    "genitive_markers",
)


@dataclass(frozen=True)
class Table:
    """One language's compiled cue and pattern table."""

    language: str
    raw: dict
    cue: re.Pattern  # reporting verbs, with optional auxiliary and adverb
    generic_cue: (
        re.Pattern
    )  # verb shapes that are cues before a complementizer ("…ed that")
    weak_cue: (
        re.Pattern
    )  # verbs that are cues only before a complementizer, colon or quote
    preposition: re.Pattern
    postposition: re.Pattern
    complementizer: re.Pattern
    clause_break: re.Pattern
    coordinator: (
        re.Pattern
    )  # "and"/"et"/"und": joins two reported clauses of one speaker
    speaker_stop: re.Pattern
    speaker_prefix: re.Pattern
    anonymous: re.Pattern
    determiners: frozenset
    pronouns: frozenset
    personal_pronouns: frozenset  # English "he", "she": a person, never a body ("the ministry")
    titles: frozenset
    clause_starters: frozenset  # words opening a clause without "that" ("I think he …")
    # words that never open a sentence's subject ("With", "After")
    not_subjects: frozenset
    # a word before a cue that makes it part of a verb chain ("refusing to concede")
    verb_chain: frozenset
    # cue forms whose subject is not a speaker ("seemed", "is expected")
    sourceless: frozenset
    # … and those without a speaker when they open the sentence ("Asked about it, …")
    sourceless_initial: frozenset
    inverted_pronouns: bool  # "said he" / "sagte er": may a pronoun follow its cue?
    weak_subjects: frozenset  # subjects that make a weak verb a cue ("polls show")
    adverbs: frozenset
    coordinators: frozenset  # "and"/"et"/"und" as words
    as_clause: frozenset  # "as"/"comme"/"wie": the content follows the cue's clause
    trim: frozenset  # words dropped at the end of a speaker span
    trim_leading: (
        frozenset  # words dropped at its start (speaker_trim holds trailing particles)
    )
    addressee_markers: frozenset  # words opening the phrase of the one told after a cue ("a", "dem")
    dative_endings: tuple  # endings of a dative word ("-owi"): the one told, never the speaker
    dative_lemmas: tuple  # (lemma ending, word ending): a dative by its lemma ("radio" -> "radiu")
    told_endings: tuple  # dative endings no complement of a noun shares ("-owi", not "-ej")
    clitics: frozenset  # object pronouns before the verb, off a speaker before it ("nos dijo")
    passive: frozenset  # auxiliaries that make a following cue passive
    agent: re.Pattern  # the passive agent marker ("by", "par")
    no_inversion: re.Pattern  # cue forms never followed by their subject
    colon_cue: bool  # "Speaker: content" counts as an attribution
    possessive_determiners: frozenset  # "his"/"their": the owner of a noun cue
    noun_cues: frozenset  # cues only with an owner ("his opposition to")
    colon_labels: frozenset  # labels before a colon that name no speaker ("Update:")
    opinion_prepositions: frozenset  # "Para ela, a resposta é clara: «…»": whose view follows
    adverb: re.Pattern  # word shape of an adverb ("-ly"), trimmed like ``adverbs``
    verb: re.Pattern  # word shape of a finite verb ("-ed"): ends a subject phrase
    possessives: tuple  # possessive endings ("'s"): "Trump's claim" names its speaker
    not_cue: re.Pattern  # phrases opening with a cue word that are no cue ("pledged delegates")
    generic_subjects: frozenset  # speakers that make no attribution (generic "you")
    nested_subjects: bool  # a subject phrase holding a reporting verb may still speak (PolNeAR)
    comma_content: bool  # a comma may separate the cue from its content ("sagte, dass")
    bare_clauses: bool  # a reported clause may go without complementizer ("said the plant would close")
    starts: dict  # cue kind -> first words of its phrases (where a match can begin)
    v2: bool  # verb-second language: a subject may follow a fronted adverbial
    aux_finite: frozenset  # finite auxiliaries and modals that close a verb-second sentence's first phrase
    # lemmas of reporting verbs: every inflection is a cue (weak ones as ``weak_verbs``)
    lemmas: dict  # cue kind ("verb", "weak") -> frozenset of lemmas
    # "<clause>, twierdzi telewizja X": an inverted subject wins over a long apposition
    inversion_after_clause: bool
    # particles of separable verbs ("an" in "kündigte … an"): particle + lemma is looked up
    particles: tuple
    relatives: frozenset  # "qui", "который": a relative clause belongs to the subject before it
    # ", qui affirme", ", which said": the subject is the noun phrase before the comma
    subject_relatives: frozenset
    lemma_infinitive: bool  # the lemma is the infinitive, no finite form ("dire")
    participle: re.Pattern  # participle shape: a cue by lemma only after an auxiliary
    # verb forms that may be a reduced passive with no auxiliary ("as reported by X",
    # "diffusé par X"; not "dijo por su parte"): the participle shape unless told
    reduced_passive: re.Pattern
    # (ending, infinitive ending): a participle's verb where simplemma reads a noun or
    # an adjective ("félicitée" -> "féliciter")
    participle_lemmas: tuple
    noun_shape: re.Pattern  # verbal nouns a lemmatiser takes to their verb ("zapewnienia")
    # Russian "ся" and the impersonal forms ("-ется", "-лось"): the impersonal passive of a
    # reporting verb is a weak cue ("отмечается, что")
    reflexive: str
    impersonal: re.Pattern
    unknown_lemmas: tuple  # (ending, infinitive ending) for forms simplemma does not know ("glisse")
    # "avant de"/"antes de" and the infinitive after it ("avant d'ajouter"), group "verb"
    infinitive_opener: re.Pattern | None
    negations: frozenset  # "not", "ne", "nicht": a negated verb reports nothing
    infinitive: frozenset  # "zu": "… zu berichten" is an infinitive, no report
    # indefinite and quantifying words ("a", "plusieurs"): opening a speaker that
    # names nobody, they make it anonymous ("a passer-by", "plusieurs témoins")
    anonymous_openers: tuple
    hearsay: frozenset  # "reportedly", "paraît-il", "якобы": a cue whose source is anonymous
    # "in"/"в"/"w": the locative that names the text an impersonal report phrase cites
    document_prepositions: frozenset

    @property
    def demonyms(self) -> dict:
        return self.raw.get("demonyms", {})

    @property
    def concepts(self) -> dict:
        return self.raw.get("concepts", {})


def _compile(raw: dict) -> Table:
    aux, adv = (
        alternation(raw.get("auxiliaries", [])),
        alternation(raw.get("adverbs", [])),
    )
    part, verbs = (
        alternation(raw.get("participles", [])),
        alternation(raw.get("verbs", [])),
    )
    inverted = alternation(raw.get("inverted_suffixes", []))  # "écrit-elle": the listed form, its subject joined
    chain = rf"(?:(?:{aux})\s+(?:(?:{adv})\s+)?(?:{part})|(?:{verbs})(?:{inverted})?)"
    weak = alternation(raw.get("weak_verbs", []))
    weak_chain = rf"(?:(?:{aux})\s+(?:(?:{adv})\s+)?)?(?:{weak})"
    lower = lambda key: frozenset(w.lower() for w in raw.get(key, []))
    return Table(
        language=raw["language"],
        raw=raw,
        cue=re.compile(rf"(?<![\w'’-])(?:{chain})(?![\w-])", re.IGNORECASE),
        weak_cue=re.compile(rf"(?<![\w'’-])(?:{weak_chain})(?![\w-])", re.IGNORECASE),
        generic_cue=re.compile("|".join(raw.get("generic_cues", [])) or r"(?!x)x"),
        preposition=preposition_pattern(raw),
        postposition=word_pattern(raw.get("postpositions", [])),
        complementizer=word_pattern(raw.get("complementizers", [])),
        clause_break=word_pattern(
            raw.get("clause_breaks", []) + raw.get("complementizers", [])
        ),
        coordinator=word_pattern(raw.get("coordinators", [])),
        speaker_stop=word_pattern(raw.get("speaker_stops", [])),
        speaker_prefix=re.compile(
            rf"(?:{alternation(raw.get('speaker_prefixes', []))})\s*", re.IGNORECASE
        ),
        anonymous=re.compile(
            "|".join(raw.get("anonymous", [])) or r"(?!x)x", re.IGNORECASE
        ),
        determiners=lower("determiners"),
        pronouns=lower("pronouns"),
        personal_pronouns=lower("personal_pronouns"),
        titles=lower("titles"),
        clause_starters=lower("clause_starters"),
        weak_subjects=lower("weak_subjects"),
        not_subjects=lower("not_subjects"),
        sourceless_initial=lower("sourceless_initial"),
        sourceless=frozenset(
            " ".join(p.lower().split()) for p in raw.get("sourceless", [])
        ),
        verb_chain=lower("verb_chain"),
        inverted_pronouns=bool(raw.get("inverted_pronouns", True)),
        adverbs=lower("adverbs"),
        coordinators=lower("coordinators"),
        as_clause=lower("as_clause"),
        trim=lower("adverbs") | lower("auxiliaries") | lower("speaker_trim"),
        trim_leading=lower("adverbs") | lower("auxiliaries"),
        clitics=lower("clitics"),
        addressee_markers=lower("addressee_markers"),
        dative_endings=tuple(raw.get("dative_endings", [])),
        dative_lemmas=tuple((a, b) for a, b in raw.get("dative_lemma_endings", [])),
        told_endings=tuple(raw.get("told_endings", [])),
        passive=lower("passive_auxiliaries"),
        agent=word_pattern(raw.get("agent_markers", [])),
        no_inversion=re.compile(raw.get("no_inversion", r"(?!x)x"), re.IGNORECASE),
        colon_cue=bool(raw.get("colon_cue", True)),
        possessive_determiners=lower("possessive_determiners"),
        noun_cues=frozenset(" ".join(p.lower().split()) for p in raw.get("noun_cues", [])),
        colon_labels=frozenset(
            w.lower().replace("’", "'") for w in raw.get("colon_labels", [])
        ),
        not_cue=word_pattern(raw.get("not_cues", [])),
        possessives=tuple(raw.get("possessives", [])),
        adverb=re.compile(raw.get("adverb_shape", r"(?!x)x")),
        verb=re.compile(raw.get("verb_shape", r"(?!x)x")),
        generic_subjects=lower("generic_subjects"),
        opinion_prepositions=lower("opinion_prepositions"),
        comma_content=bool(raw.get("comma_content", False)),
        bare_clauses=bool(raw.get("bare_clauses", False)),
        nested_subjects=bool(raw.get("nested_subjects", False)),
        starts={
            "verb": first_words(raw, "verbs", "auxiliaries"),
            "weak": first_words(raw, "weak_verbs", "auxiliaries"),
            "prep": first_words(raw, "prepositions")
            | first_words({"h": list(raw.get("headed_prepositions", {}))}, "h")
            | first_words({"h": list(raw.get("report_prepositions", {}))}, "h"),
            "post": first_words(raw, "postpositions"),
        },
        v2=bool(raw.get("v2", False)),
        aux_finite=lower("auxiliaries") | lower("modal_verbs"),
        lemmas={"verb": lower("verb_lemmas") | form_lemmas(raw, "verbs"),
                "weak": lower("weak_lemmas") | set(raw.get("topic_verbs", {})) | form_lemmas(raw, "weak_verbs")},
        inversion_after_clause=bool(raw.get("inversion_after_clause", False)),
        relatives=lower("relatives"),
        subject_relatives=lower("subject_relatives"),
        particles=tuple(w.lower() for w in raw.get("separable_particles", [])),
        lemma_infinitive=bool(raw.get("lemma_infinitive", False)),
        participle=re.compile(raw.get("participle_shape", r"(?!x)x")),
        reduced_passive=re.compile(raw.get("reduced_passive_shape", raw.get("participle_shape", r"(?!x)x"))),
        noun_shape=re.compile(raw.get("noun_shape", r"(?!x)x")),
        reflexive=raw.get("reflexive_suffix", ""),
        impersonal=re.compile(raw.get("impersonal_shape", r"(?!x)x")),
        unknown_lemmas=tuple((re.compile(shape), ending) for shape, ending in raw.get("unknown_lemmas", [])),
        infinitive_opener=re.compile(
            rf"(?<![\w'’])(?:{alternation(raw['infinitive_openers'])})(?:(?<=['’])|\s+)(?P<verb>\w+)(?!\w)",
            re.IGNORECASE,
        ) if raw.get("infinitive_openers") else None,
        participle_lemmas=tuple((re.compile(shape), ending) for shape, ending in raw.get("participle_lemmas", [])),
        hearsay=frozenset(" ".join(w.lower().split()) for w in raw.get("hearsay", [])),
        anonymous_openers=tuple(
            sorted((w.lower() for w in raw.get("anonymous_openers", [])), key=len, reverse=True)
        ),
        infinitive=lower("infinitive_markers"),
        document_prepositions=lower("document_prepositions"),
        negations=frozenset(w.lower().replace("’", "'") for w in raw.get("negations", [])),
    )


TABLES = Path(__file__).resolve().parents[2] / "data" / "attribution"


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """ISO 639-1 codes that have an attribution table."""
    return tuple(sorted(p.stem for p in TABLES.glob("*.json")))


@cache
def load_table(lang: str) -> Table:
    """The compiled table for ``lang``; InputError when there is none or it is malformed."""
    if lang not in available_languages():
        raise InputError(
            f"no attribution table for language {lang!r}; add "
            f"src/claimscope/data/attribution/{lang}.json (see docs/attribution.md)"
        )
    path = TABLES / f"{lang}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"attribution table {lang}.json is not valid JSON: {exc}"
        ) from None
    bad = [k for k in _LIST_KEYS if not isinstance(raw.get(k, []), list)]
    if raw.get("language") != lang or bad:
        raise InputError(
            f"attribution table {lang}.json: 'language' must be {lang!r} and "
            f"{', '.join(bad) or 'the list keys'} must be lists of strings"
        )
    try:
        return _compile(raw)
    except re.error as exc:
        raise InputError(
            f"attribution table {lang}.json has a bad pattern: {exc}"
        ) from None
