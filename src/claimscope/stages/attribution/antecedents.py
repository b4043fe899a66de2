"""A learned choice of the person a pronoun speaker stands for (see docs/attribution.md,
"Pronoun antecedents").

The rules of ``_finish`` (``__init__.py``) pick an antecedent for a pronoun speaker ("he
said", "elle a ajouté", "по его словам"): the latest named speaker, or a nearer subject
opening a sentence, made to agree in gender. Here every person, body or outlet mentioned
in the few sentences before the pronoun is a candidate — the speakers grouped so far by
the ``EntityResolver``, the names met in the text, the rules' own choice — described by a
few structural features that hold across languages (how far back it was last mentioned,
how often, whether as a subject, a speaker or an object, inside a quotation or not,
whether it agrees with the pronoun in gender and number, what kind of entity it is, whether
the rules chose it), and a ``Ranker`` fitted on the dev articles by another hand
(``data/attribution/antecedent_ranker.json``, rebuilt by ``bench/train_antecedents.py``)
picks one. No word of any article is a feature.
"""

from __future__ import annotations

import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ...ranker import Ranker, shipped
from .entities import EntityResolver, _concept, _Group, mention_gender, outlet_noun, pronoun_gender
from .spans import WORD, Raw

WEIGHTS = "attribution/antecedent_ranker.json"
DATA = Path(__file__).resolve().parents[2] / "data"
WINDOW = 6  # sentences before the pronoun in which a candidate must have been mentioned
SENTENCE_END = re.compile(r"[.!?…][\"»”’)]*\s+|\n+")

_state: dict = {}  # an injected ranker; a list that records decisions


@contextmanager
def using(ranker: Ranker | None = None, record: list | None = None):
    """Within the block, choose with ``ranker`` (None: the rules' choice), and append every
    decision (pronoun span, candidates, index of the rules' choice) to ``record``."""
    saved = dict(_state)
    _state.clear()
    _state.update(ranker=ranker, record=record, injected=True)
    try:
        yield
    finally:
        _state.clear()
        _state.update(saved)


def _ranker() -> Ranker | None:
    if _state.get("injected"):
        return _state["ranker"]
    return shipped(WEIGHTS) if (DATA / WEIGHTS).exists() else None


def active() -> bool:
    """Whether a ranker is shipped or injected, or decisions are recorded."""
    return _ranker() is not None or _state.get("record") is not None


@dataclass
class Candidate:
    """One possible antecedent: a group of the resolver, or a name not yet resolved."""

    group: _Group | None
    span: tuple[int, int] | None = None  # the latest unresolved name, when no group
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (offset, "speaker"|"subject"|"name")
    features: dict[str, float] = field(default_factory=dict)

    def names(self, text: str) -> list[str]:
        """What the candidate is called (for labels and display)."""
        if self.group is not None:
            return [self.group.entity, *self.group.labels]
        return [text[self.span[0] : self.span[1]]]


def choose(text: str, raw: Raw, resolver: EntityResolver, history: list, names: list, quotes: dict[int, int]) -> None:
    """Makes ``resolver.last_named`` the antecedent the ranker prefers for the pronoun
    speaker of ``raw``. ``history``: the earlier (raw, group) pairs in reading order;
    ``names``: (span, is a subject) of the names before the pronoun (``_names_before``)."""
    record, ranker = _state.get("record"), _ranker()
    cands = candidates(text, raw, resolver, history, names, quotes)
    if not cands:
        return
    rule = next((i for i, c in enumerate(cands) if c.group is not None and c.group is resolver.last_named), None)
    if record is not None:
        record.append((raw.speaker, cands, rule))
    if ranker is None:
        return
    best = cands[ranker.best([c.features for c in cands])]
    if best.group is None:
        s, e = best.span
        start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), s - 80) + 1
        resolver.resolve(text[s:e], text[start:s], best.mentions[-1][1] == "subject")
    else:
        resolver.last_named = best.group


def candidates(text: str, raw: Raw, resolver: EntityResolver, history: list, names: list,
               quotes: dict[int, int]) -> list[Candidate]:
    """The antecedents a pronoun speaker may have, each with its features."""
    pos = raw.speaker[0]
    by_group: dict[int, Candidate] = {}
    loose: dict[str, Candidate] = {}

    def add(group: _Group | None, at: int, how: str, span: tuple[int, int] | None = None) -> None:
        if group is not None:
            cand = by_group.setdefault(id(group), Candidate(group))
        else:
            key = span_key(text[span[0] : span[1]])
            cand = loose.setdefault(key, Candidate(None, span))
            if span[0] >= cand.span[0]:
                cand.span = span
        cand.mentions.append((at, how))

    for r, g in history:
        if g is not None and r.speaker and r.speaker[0] < pos:
            add(g, r.speaker[0], "speaker")
    for span, subject in names:
        if span[1] > pos:
            continue
        name = text[span[0] : span[1]]
        head = _head(" ".join(w for w in name.split() if w.lower() not in resolver.t.determiners))
        group = resolver.peek(name) or next(  # "Die Tante" after "die Tante des Mädchens"
            (g for g in reversed(resolver.groups) if g.name and " " not in head and _head(g.name) == head), None)
        add(group, span[0], "subject" if subject else "name", None if group else span)
    cands = [*by_group.values(), *loose.values()]
    for cand in cands:
        cand.mentions = sorted(set(cand.mentions))
    window = _sentence_starts(text, pos)
    keep = [c for c in cands if c.group is resolver.last_named and c.group is not None
            or c.mentions[-1][0] >= window]
    prev = next((g for r, g in reversed(history) if g is not None), None)
    first = min((c for c in cands if _kind(c, text, resolver) == "person"),
                key=lambda c: c.mentions[0][0], default=None)
    for cand in keep:
        cand.features = features(text, raw, cand, resolver, history, quotes, prev, first)
    keep = [c for c in keep if not _disagrees(c)] or keep
    _ranks(keep)
    return keep


def _disagrees(cand: Candidate) -> bool:
    """A candidate the pronoun cannot stand for while another one is left: one of the other
    gender ("elle" for "le maire X"), a body or outlet for a pronoun that only stands for
    a person (English "he", "she")."""
    return bool(cand.features.get("gender=clash") or cand.features.get("person_pronoun_to_body"))


def _ranks(cands: list[Candidate]) -> None:
    """Features relative to the other candidates: the latest mentioned, the latest
    mentioned as a subject or speaker, the latest that agrees with the pronoun."""
    latest = sorted(cands, key=lambda c: -c.mentions[-1][0])
    for k, cand in enumerate(latest[:2]):
        cand.features[f"latest_{k}"] = 1.0
    for name, test in (("latest_subject", lambda c: c.features["was_subject"]),
                       ("latest_agreeing", lambda c: c.features.get("gender=agree"))):
        best = next((c for c in latest if test(c)), None)
        if best is not None:
            best.features[name] = 1.0


def span_key(name: str) -> str:
    """Names of one loose candidate share their head word ("Anna Berg", "Berg")."""
    return _head(name).casefold() or name.casefold()


def _head(name: str) -> str:
    """The word a name is known by: the last word of its opening run of capitalised words
    ("Berg" for "Anna Berg", "Tante" for "Tante des Mädchens"), "" when it opens with a
    common noun ("préfecture de police")."""
    run = []
    for word in WORD.findall(name):
        if not word[0].isupper():
            break
        run.append(word)
    return run[-1] if run else ""


def _sentence_starts(text: str, pos: int) -> int:
    """Where the sentence ``WINDOW`` sentences before the one of ``pos`` starts."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, pos)]
    return ends[-WINDOW - 1] if len(ends) > WINDOW else 0


def _sentences_between(text: str, a: int, b: int) -> int:
    return len(SENTENCE_END.findall(text, a, b))


def _inside(quotes: dict[int, int], pos: int) -> bool:
    return any(a < pos < b for a, b in quotes.items())


def _kind(cand: Candidate, text: str, resolver: EntityResolver) -> str:
    """person | body (a concept of the table: "the ministry", "police") | outlet | role
    (a title with no name: "the minister") | common (a common noun: "residents") | name (a
    name that tells nothing more)."""
    lang = resolver.t.language
    g = cand.group
    if g is None:  # "la préfecture du Gard", "the daily X", "Anna Berg"
        s, e = cand.span
        before = WORD.findall(text, max(0, s - 40), s)[-2:]
        name = text[s:e]
        if _concept(name.lower(), resolver.concepts):
            return "body"
        if any(outlet_noun(w, lang) for w in [*before, *name.split()]):
            return "outlet"
        if _gender(cand, text, resolver) or any(w.lower() in resolver.t.titles for w in before):
            return "person"
        return "name"
    if g.outlet(lang):
        return "outlet"
    if g.body(lang):
        return "body"
    if g.name is None:  # "the minister" / "the ministry", "residents"
        return "role" if any(n in resolver.t.titles for n in g.nouns) else "common"
    return "person" if g.titled or g.gender or len(g.name.split()) >= 2 else "name"


def _gender(cand: Candidate, text: str, resolver: EntityResolver) -> str | None:
    if cand.group is not None:
        return cand.group.gender
    s, e = cand.span
    subject = any(how == "subject" for at, how in cand.mentions if at == s)
    return mention_gender(text[s:e], resolver.t.language, text[max(0, s - 80) : s], subject)


def features(text: str, raw: Raw, cand: Candidate, resolver: EntityResolver, history: list,
             quotes: dict[int, int], prev: _Group | None, first: Candidate | None) -> dict[str, float]:
    """The named features of one candidate antecedent (structural, shared across languages)."""
    t = resolver.t
    pos, cue = raw.speaker[0], raw.cue[0]
    mention = text[raw.speaker[0] : raw.speaker[1]].lower()
    last, how = cand.mentions[-1]
    f: dict[str, float] = {}
    f["rule"] = float(cand.group is not None and cand.group is resolver.last_named)
    f["previous_speaker"] = float(cand.group is not None and cand.group is prev)
    hows = {h for _, h in cand.mentions}
    f["was_speaker"] = float("speaker" in hows)
    f["was_subject"] = float("subject" in hows or "speaker" in hows)
    f["last_as_object"] = float(how == "name")
    gap = _sentences_between(text, last, pos)
    f["same_sentence"] = float(gap == 0)
    f["previous_sentence"] = float(gap == 1)
    f["sentences"] = min(gap, WINDOW) / WINDOW
    f["words"] = math.log1p(len(WORD.findall(text, last, pos))) / 5
    f["mentions"] = math.log1p(len(cand.mentions)) / 2
    f["in_quote"] = float(_inside(quotes, last))
    inside = _inside(quotes, pos)
    f["both_in_quote"] = float(inside and f["in_quote"] > 0)
    f["owner_of_quote"] = float(inside and any(  # "“… he …,” X said": X speaks of someone else
        g is cand.group and r.direct and r.content[0] <= pos < r.content[1] for r, g in history))
    f["reports_it"] = float(any(  # "X said that he …": the pronoun in what X says
        g is not None and g is cand.group and not r.direct and r.content[0] <= cue < r.content[1]
        for r, g in history))
    f["first_person_named"] = float(cand is first)
    own = [r for r, g in history if g is not None and g is cand.group]
    f["relays"] = float(bool(own) and any(  # "X said …, Reuters reported": Reuters relays X
        g is not cand.group and r.cue[0] < own[-1].cue[0] and (own[-1].content[0] <= r.cue[0] < own[-1].content[1]
                                                              or r.content == own[-1].content)
        for r, g in history))
    f["inside_report"] = float(any(  # "X said that Y had promised …": Y is what X reports
        g is not cand.group and r.content[0] <= last < r.content[1] for r, g in history))
    kind = _kind(cand, text, resolver)
    f[f"kind={kind}"] = 1.0
    want = pronoun_gender(mention, t.language)
    have = _gender(cand, text, resolver)
    if want == "p":
        f["plural_to_body" if kind in ("body", "outlet") else "plural_to_person"] = 1.0
    elif want:
        f["gender=" + ("unknown" if have is None else "agree" if have == want else "clash")] = 1.0
        if kind in ("body", "outlet"):
            f["singular_gendered_to_body"] = 1.0
    if mention in t.personal_pronouns and kind in ("body", "outlet", "common"):
        f["person_pronoun_to_body"] = 1.0
    if mention in t.possessive_determiners:
        f["possessive&previous_speaker"] = f["previous_speaker"]
    return f
