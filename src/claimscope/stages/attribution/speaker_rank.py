"""A learned choice among the speakers a cue could have (see docs/attribution.md,
"Learned speaker choice").

The cue rules (``rules.py``, ``subjects.py``) take one speaker for each cue. The phrases
they could have taken instead are proposed beside it: the noun phrase right before the
cue, an apposition, the subject that opens the sentence, the antecedent of a relative
pronoun, the inverted subject after the cue (also where the rules would not take it), the
plain phrase after it, and no speaker. Each is described by a few structural features
that hold across languages — which side of the cue it stands on, how far, whether a
comma or quotation mark lies between, what it opens with (capital, determiner, pronoun,
title, dative, preposition), whether it opens or closes the sentence, where the content
is, whether the cue opens the sentence, the cue's kind, and coarse properties of the
language's table (articles, object clitics, verb-second, case endings) — and whether the
rules took it. A ``Ranker`` (``claimscope.ranker``) fitted on the dev articles by another
hand picks the highest-scoring one (``data/attribution/speaker_ranker.json``, rebuilt by
``bench/train_speaker_ranker.py``); with no weights shipped the rules' choice stays.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ...ranker import Ranker, shipped
from .spans import BOUNDARY, EDGE, Raw, _exactly, words

WEIGHTS = "attribution/speaker_ranker.json"
DATA = Path(__file__).resolve().parents[2] / "data"
QUOTE_MARKS = set('«»"“”„')
Span = tuple[int, int]

_state: dict = {"ranker": None, "record": None}


@contextmanager
def using(ranker: Ranker | None = None, record: list | None = None):
    """Within the block, choose with ``ranker`` (None: the rules' choice), and append every
    cue's ``(cue span, [(speaker span or None, features), …])`` to ``record``."""
    saved = dict(_state)
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


def choose(rule, found: list[Raw], lo: int, hi: int) -> list[Raw]:
    """The attributions ``found`` in the sentence [lo, hi), each with the speaker the ranker
    prefers among its candidates (verb and preposition cues outside quotations; colons,
    dashes, impersonal cues and cues inside a quotation keep theirs)."""
    record, ranker = _state["record"], _ranker()
    if record is None and ranker is None:
        return found
    cues = [raw.cue for raw in found]
    return [_chosen(rule, raw, lo, hi, cues, ranker, record) for raw in found]


def _chosen(rule, raw: Raw, lo: int, hi: int, cues: list[Span], ranker: Ranker | None, record: list | None) -> Raw:
    if raw.impersonal or kind(rule, raw) == "other" or rule.enclosing(raw.cue[0]):
        return raw  # a cue inside a quotation reports what the quoted speaker says: the rules decide
    found = candidates(rule, raw, lo, hi, cues)
    if record is not None:
        record.append((raw.cue, found))
    if ranker is None or len(found) < 2:
        return raw
    best = ranker.best([f for _, f in found])
    return replace(raw, speaker=found[best][0])


def kind(rule, raw: Raw) -> str:
    """verb | prep | other (a colon, a dash, a postposition)."""
    text = rule.text
    if rule.t.preposition.fullmatch(text, *raw.cue):
        return "prep"
    if not words(text, *raw.cue) or rule.t.postposition.fullmatch(text, *raw.cue):
        return "other"
    return "verb"


def _proposals(rule, raw: Raw, lo: int, hi: int) -> dict[Span | None, set[str]]:
    """Candidate speaker spans, each with the names of the rules that propose it."""
    text, (c0, c1) = rule.text, raw.cue
    cue = _exactly(c1 - c0).match(text, c0)
    found: dict[Span | None, set[str]] = {raw.speaker: {"rule"}}
    found.setdefault(None, set()).add("none")

    def add(name: str, span: Span | None) -> None:
        if (  # not the cue, an adverbial ("do kamery"), a prepositional cue ("Según"),
            span and span[1] > span[0] and not (span[0] < c1 and c0 < span[1])
            and not rule.adverbial(span) and not rule.t.preposition.match(text, span[0])
            and rule.enclosing(span[0]) is None  # nor a word of a quotation
        ):
            found.setdefault(span, set()).add(name)

    if kind(rule, raw) == "verb":
        add("left", rule.trim_speaker(rule.left_region(lo, c0), c0))
        add("apposition", rule.appositive(lo, c0))
        add("relative", rule.relative_antecedent(lo, c0))
        add("opening", rule.subject(lo, c0))
        add("inverted", rule.inverted_speaker(cue, hi, lo))
    start = rule.skip_addressee(c1, hi)
    add("right", rule.skip_adverbial(start, rule.trim_speaker(start, rule.right_region(start, hi), after=True)))
    add("described", rule.described_subject(lo, hi))
    return found


def candidates(rule, raw: Raw, lo: int, hi: int, cues: list[Span] = ()) -> list[tuple[Span | None, dict[str, float]]]:
    """Every candidate speaker of ``raw`` with its features, the rules' choice first;
    ``cues``: the cues found in the sentence."""
    found = _proposals(rule, raw, lo, hi)
    shared = _context(rule, raw, lo, hi)
    others = [c for c in cues if c != raw.cue]
    return [(span, _features(rule, raw, span, names, shared, others, lo, hi)) for span, names in found.items()]


def _context(rule, raw: Raw, lo: int, hi: int) -> dict[str, str]:
    """What holds for every candidate of one cue: its kind, where the content stands, how
    the sentence opens, and coarse properties of the language's table."""
    text, t = rule.text, rule.t
    content = "quote" if raw.direct else "plain"
    side = "before" if raw.content[1] <= raw.cue[0] else "after"
    opens = not text[lo : raw.cue[0]].strip(EDGE + "".join(QUOTE_MARKS))
    return {
        "kind": kind(rule, raw),
        "content": f"{content}_{side}",
        "cue_opens": "yes" if opens else "no",
        "grammar": ("v2" if t.v2 else "") + ("clitics" if t.clitics else "")
        + ("articles" if t.determiners else "bare") + ("case" if t.dative_endings else ""),
    }


def _features(rule, raw: Raw, span: Span | None, names: set[str], shared: dict[str, str],
              cues: list[Span], lo: int, hi: int) -> dict[str, float]:
    text, t = rule.text, rule.t
    f: dict[str, float] = {f"from={n}": 1.0 for n in names}
    if span is None:
        f.update({f"none|{k}={v}": 1.0 for k, v in shared.items()})
        return f
    after = span[0] >= raw.cue[1]
    side = "after" if after else "before"
    f[side] = 1.0
    f.update({f"{side}|{k}={v}": 1.0 for k, v in shared.items()})
    between = text[raw.cue[1] : span[0]] if after else text[span[1] : raw.cue[0]]
    gap = len(words(text, raw.cue[1], span[0]) if after else words(text, span[1], raw.cue[0]))
    f["gap"] = math.log1p(gap)
    f["comma_between"] = float(any(c in BOUNDARY and c not in QUOTE_MARKS for c in between))
    f["quote_between"] = float(any(c in QUOTE_MARKS for c in between))
    toks = words(text, *span)
    first = toks[0].group() if toks else ""
    low = first.lower()
    f["words"] = math.log1p(len(toks))
    f["capital"] = float(first[:1].isupper())
    f["names"] = float(rule.names_someone(span))
    f["determiner"] = float(rule.determiner(first))
    f["pronoun"] = float(low in t.pronouns)
    f["title"] = float(any(w.group().lower() in t.titles for w in toks))
    f["dative"] = float(rule.dative(first))
    f["stop_first"] = float(rule.stop_word(first) and not rule.determiner(first))
    f["anonymous"] = float(bool(t.anonymous.search(text, *span)))
    f["cue_word"] = float(bool(t.preposition.match(text, span[0])))  # "According", "Según"
    f["holds_cue"] = float(any(span[0] <= a and b <= span[1] for a, b in cues))  # "Lee said the audit"
    shape = ("pronoun" if f["pronoun"] else "name" if f["names"] else "determiner" if f["determiner"]
             else "lower" if first.islower() else "other")
    f[f"{shape}|grammar={shared['grammar']}"] = 1.0
    f["in_content"] = float(span[0] < raw.content[1] and raw.content[0] < span[1])
    f["opens_sentence"] = float(not text[lo : span[0]].strip(EDGE + "".join(QUOTE_MARKS)))
    f["closes_sentence"] = float(not text[span[1] : hi].strip(EDGE + "".join(QUOTE_MARKS)))
    return f
