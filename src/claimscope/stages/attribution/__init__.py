"""The attribution stage: who is said to say what (see docs/attribution.md).

``AttributionStage`` adds ``Document.attributions``: for every cue found by the
language's table (reporting verb, preposition such as "selon"/"according to",
postposition, "Speaker:" colon), the speaker, cue and content spans, whether the
content is a direct quotation, whether the speaker is anonymous, the speaker's
normalised entity and the outer attribution it is nested in.

Modules: ``tables`` (loading the per-language JSON tables), ``quotes`` (pairing
quotation marks), ``spans`` (clauses, noun phrases and contents around a cue),
``subjects`` (who the subject of a cue is), ``rules`` (the cue rules, one sentence
at a time), ``transcripts`` (the turns of a transcript), ``entities`` (anonymous
speakers and one entity per speaker), ``coreference`` (what a pronoun speaker stands for).
"""

from __future__ import annotations

from ...model import Attribution, Document
from .coreference import enclosing, speakers
from .lemmas import lemmas
from .quotes import find_quotes
from .rules import SentenceRules
from .spans import QUOTE_EDGE, WORD, Raw, strip
from .tables import Table, available_languages, load_table
from .transcripts import crosses_turns, turn_attributions

__all__ = [
    "AttributionStage",
    "available_languages",
    "covering",
    "extract",
    "load_table",
]

NAME, VERSION = "attribution", "1"


class AttributionStage:
    """Pipeline stage: needs ``sentences`` and ``language``, provides ``attributions``."""

    name = NAME
    version = VERSION
    requires = ("sentences", "language")
    provides = ("attributions",)

    def __call__(self, doc: Document) -> Document:
        return doc.evolve(attributions=extract(doc))


def covering(doc: Document, start: int, end: int) -> tuple[Attribution, ...]:
    """Attributions whose content overlaps [start, end) — e.g. the sentence of a claim —
    innermost (shortest content) first, so a claim can say who is said to make it."""
    found = [
        a for a in doc.attributions if a.content_start < end and start < a.content_end
    ]
    return tuple(sorted(found, key=lambda a: a.content_end - a.content_start))


# boilerplate (the traces stage) that holds no report: links and prompts of the page, not a
# disclaimer or a notice, which may quote someone, nor a share prompt ("chia sẻ" is "said" too)
PAGE_LINKS = frozenset({"related_links", "related_headline", "subscribe", "comments", "copyright", "donate", "tags",
                        "navigation", "breadcrumb", "cookie_notice", "advertisement", "link", "reading_time"})


def _table(lang: str | None) -> Table | None:
    return load_table(lang) if lang in available_languages() else None


def extract(doc: Document) -> tuple[Attribution, ...]:
    """Attributions of ``doc`` in reading order; sentences in a language without a
    table are skipped."""
    text = doc.text
    quotes = find_quotes(text)
    raws: list[tuple[Raw, Table]] = []
    rules: dict[str, SentenceRules] = {}
    names: list[tuple[int, int]] = []  # proper names opening a sentence
    for i, sent in enumerate(doc.sentences):
        table = _table(sent.lang or doc.language) or _table(doc.language)
        if table is None:
            continue
        if table.language not in rules:
            rules[table.language] = SentenceRules(text, table, quotes)
        rule = rules[table.language]
        credit = (doc.sentences[0].start, doc.sentences[i - 1].end) if i else None
        previous = strip(text, doc.sentences[i - 1].start, doc.sentences[i - 1].end) if i else None
        found = rule.sentence(sent.start, sent.end, credit, previous)
        if not found and raws and table.raw.get("quote_continues"):
            found = _continued(rule, raws[-1][0], sent, doc.sentences[i - 1] if i else None)
        raws.extend((raw, table) for raw in found)
        name = rule.opening_name(sent.start, sent.end) or (  # "Reporters met Anna Berg, a nurse."
            None if found else rule.introduced_name(sent.start, sent.end))
        if name:
            names.append(name)
    if doc.sentences and not any(raw.cue[0] < text.find("\n") for raw, _ in raws):
        raws.extend(_headline(doc, raws, rules))
    raws = _with_turns(doc, raws)
    page = [(f.start, f.end) for f in doc.findings if f.kind == "boilerplate" and f.label in PAGE_LINKS]  # "Read also: …"
    raws = [(raw, t) for raw, t in raws if not any(a <= raw.cue[0] < b for a, b in page)]
    raws.sort(key=lambda pair: pair[0].cue)
    return _finish(text, _unembedded(text, raws), names, quotes)


def _unembedded(text: str, raws: list[tuple[Raw, Table]]) -> list[tuple[Raw, Table]]:
    """Leaves out an indirect report inside what a reporting verb reports whose speaker
    names no one: no capital letter, or none at all ("X said that the tests confirmed …",
    "…, because he thought …"); in a quotation or after the outer cue, a capital on a
    determiner or pronoun that opens the speaker names no one either ("HOST: Ce texte
    prévoit que …", "“They told me …,” he said"): it belongs to
    what the outer speaker says. Inside a preposition's content it stays ("Selon X, le
    ministre a affirmé que …"), and so does a clause of the outer speaker's own ("X
    answered …, citing …") and a preposition that opens the outer content after a colon
    ("X réfute : d'après lui, …"), and an "as" clause with no subject in a report with none
    ("Admite que …, pero, como subraya, …"), and so does hearsay relayed after a colon, in a transcript
    turn ("GUEST: A colleague told me that …", "…: Im November hieß es, …": see ``_heard``)."""
    plain = [r for r, _ in raws]

    def outer(i: int) -> Raw | None:
        k = enclosing(i, plain)
        if k is None:
            return None
        raw, table = raws[k]
        if table.preposition.fullmatch(text, *raw.cue) or raw.speaker and raw.speaker == plain[i].speaker:
            return None
        if raw.speaker is None is plain[i].speaker and _as_word(text, plain[i], table):
            return None  # "Admite que …, pero, como subraya, …": one dropped subject, the same speaker
        return raw

    def names(raw: Raw, table: Table, after: bool) -> bool:
        toks = text[raw.speaker[0] : raw.speaker[1]].split() if raw.speaker else []
        if after and toks and toks[0].lower() in table.determiners | table.pronouns:
            toks = toks[1:]  # "Ce texte", "Les élus": a capital that opens a sentence
        return any(c.isupper() for c in "".join(toks))

    kept = []
    for i, (raw, table) in enumerate(raws):
        around = None if raw.direct else outer(i)
        if around is None or names(raw, table, around.direct or around.cue[0] < raw.cue[0]) or _heard(
            text, raw, table, around
        ) or (
            raw.cue[0] == around.content[0] and text[: raw.cue[0]].rstrip().endswith(":")
            and table.preposition.fullmatch(text, *raw.cue)
        ):  # "X réfute : d'après lui, …": the speaker's view, in its own words
            kept.append((raw, table))
    return kept


def _as_word(text: str, raw: Raw, table: Table) -> bool:
    """Whether the word right before the cue is an "as" word (table ``as_clause``: "jak", "como")."""
    before = WORD.findall(text[max(0, raw.cue[0] - 20) : raw.cue[0]])
    return bool(before) and before[-1].lower() in table.as_clause


def _heard(text: str, raw: Raw, table: Table, around: Raw) -> bool:
    """Whether ``raw``, inside what a speaker says after a colon (a transcript turn), is
    what that speaker heard from someone else, by a verb of saying proper (table
    ``saying_lemmas``): an impersonal phrase ("hieß es", no speaker, several words) or a
    third party ("Un colega me contó que …", "Ellos dijeron …"), not the speaker's own
    words ("Le digo …": a speaker of one word is a third-person pronoun of the table) nor
    their reading of a text ("Cette note dit que …": table ``document_nouns``)."""
    if not (around.direct and text[around.cue[0] : around.cue[1]] == ":"):
        return False
    said = set(table.raw.get("saying_lemmas", ()))
    cue = [w.lower() for w in WORD.findall(text[raw.cue[0] : raw.cue[1]])]
    if not any(said & {w, *lemmas(table.language, w, table.participle, table.participle_lemmas)} for w in cue):
        return False
    if raw.speaker is None:
        return len(cue) > 1
    toks = [w.lower() for w in WORD.findall(text[raw.speaker[0] : raw.speaker[1]])]
    own = set(table.raw.get("first_person", ()))
    if any(n in w for w in toks for n in table.raw.get("document_nouns", ())):
        return False
    return bool(toks) and toks[0] not in own and (len(toks) > 1 or toks[0] in table.pronouns)


def _continued(rule: SentenceRules, last: Raw, sent, before) -> list[Raw]:
    """A sentence that is one quotation and nothing else, right after the sentence that
    closes on the cue of a quotation set before it ("„…“, sagte sie. „…“", also past a
    long apposition of the speaker: "« … », a déclaré X, secrétaire du syndicat, aux
    journalistes. « … »"), goes on with the same speaker and cue (table key
    ``quote_continues``; PolNeAR, for English, does not split such quotes)."""
    text = rule.text
    if not (last.direct and last.content[1] <= last.cue[0] and last.speaker):
        return []
    if any(a <= sent.start < b for a, b in [last.content, *last.parts]):
        return []
    quote = rule.quote_after(sent.start, sent.end)
    if quote is None or text[sent.start : quote[0]].strip(QUOTE_EDGE) or text[quote[1] : sent.end].strip(QUOTE_EDGE):
        return []
    if before is None or not before.start <= last.cue[0] < before.end or "\n" in text[last.cue[1] : sent.start]:
        return []  # the cue stands in the sentence right before this one, in its paragraph
    return [Raw(last.cue, last.speaker, quote, True)]


def _with_turns(doc: Document, raws: list[tuple[Raw, Table]]) -> list[tuple[Raw, Table]]:
    """In a transcript, one attribution per guest turn instead of what the colon rule
    found in the turn's first sentence (docs/attribution.md, transcripts)."""
    table = _table(doc.language)
    if table is None or not table.colon_cue:
        return raws
    found, turns = turn_attributions(doc.text, doc.sentences, table)
    if not turns:
        return raws
    kept = [(raw, t) for raw, t in raws if not crosses_turns(doc.text, raw, turns, doc.sentences)]
    return kept + [(raw, table) for raw in found]


STEM = 5  # words compared by their first letters: "telewizja" and "telewizji" are one,
ENDING = 3  # when they differ by an ending at most this long: "Treni" is not "Trenitalia"


def _headline(doc: Document, raws: list[tuple[Raw, Table]], rules: dict[str, SentenceRules]):
    """The headline's "Name: claim" when every word of the name is in one speaker of the
    article's body, outside a complement ("Lind: …" after "the minister Eva Lind said")."""
    text, first = doc.text, doc.sentences[0]
    table = _table(first.lang or doc.language) or _table(doc.language)
    if table is None or "\n" not in text or first.end > text.find("\n") + 1:
        return []
    rule = rules.get(table.language) or SentenceRules(text, table, find_quotes(text))

    def stems(start: int, end: int, heads: bool = False) -> set[tuple[str, int]]:
        """Stems of the content words, with their lengths; with ``heads``, not of a complement
        after a short function word ("la mairie de Paris" speaks as a town hall, not as Paris)."""
        toks = text[start:end].split()  # a hyphenated name is one word: "Hydro-Québec" is not "Québec"
        return {(w.casefold() if "-" in w else w.casefold()[:STEM], len(w)) for k, w in enumerate(toks)
                if len(w) >= 4 and w.replace("-", "").isalpha()
                and w.casefold() not in table.determiners
                and not (heads and k and toks[k - 1].islower() and len(toks[k - 1]) <= 3)}

    def within(name: set, speaker: set) -> bool:
        return all(any(s == t and abs(n - m) <= ENDING for t, m in speaker) for s, n in name)

    said = [stems(*raw.speaker, heads=True) for raw, _ in raws if raw.speaker]
    raw = rule.headline_colon(first.start, first.end,
                              lambda span: bool(stems(*span)) and any(within(stems(*span), s) for s in said))
    return [(raw, table)] if raw else []


def _finish(
    text: str, raws: list[tuple[Raw, Table]], names: list[tuple[int, int]], quotes: dict[int, int]
) -> tuple[Attribution, ...]:
    """Attributions with their speakers' entities and anonymity (``coreference``)."""
    groups, anonymous = speakers(text, raws, names, quotes)
    tag = f"{NAME}@{VERSION}"
    return tuple(
        Attribution(
            cue_start=raw.cue[0],
            cue_end=raw.cue[1],
            speaker_start=raw.speaker[0] if raw.speaker else None,
            speaker_end=raw.speaker[1] if raw.speaker else None,
            content_start=raw.content[0],
            content_end=raw.content[1],
            direct=raw.direct,
            anonymous=anon,
            speaker_entity=group.entity if group else None,
            nested_in=enclosing(i, [r for r, _ in raws]),
            stage=tag,
            parts=raw.parts,
        )
        for i, ((raw, _), group, anon) in enumerate(zip(raws, groups, anonymous))
    )
