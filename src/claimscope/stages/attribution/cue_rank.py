"""A learned accept/reject of candidate cues (see docs/attribution.md, "Learned cue filter").

The cue rules (``rules.py``) propose a candidate for every cue they find. Each candidate
is described by a few structural features that hold across languages and outlets — the
kind of cue, the class of its verb in the table (strong reporting verb, weak one), whether
a speaker was found and what it looks like, the shape of the content (quotation, clause
after a complementizer or colon, bare object, clause before the cue), its length, where the
cue stands in its sentence, whether the line is a headline, whether the cue is inside a
quotation — and a ``Ranker`` (``claimscope.ranker``) fitted on the dev articles by another
hand keeps those whose probability of being a cue reaches the threshold shipped with it
(``data/attribution/cue_ranker.json``, rebuilt by ``bench/train_cue_ranker.py``).

A table with ``"cue_ranker": false`` keeps the rules' choice (English,
where PolNeAR's annotation differs).
"""

from __future__ import annotations

import math
import re
from contextlib import contextmanager
from pathlib import Path

from ...ranker import Ranker, shipped
from .lemmas import lemmas, supported
from .spans import EDGE, Raw, words

WEIGHTS = "attribution/cue_ranker.json"
DATA = Path(__file__).resolve().parents[2] / "data"

_state: dict = {"ranker": None, "record": None}  # an injected ranker; a list that records candidates


@contextmanager
def using(ranker: Ranker | None = None, record: list | None = None):
    """Within the block, score with ``ranker`` (None: no learned filter, the rules' choice),
    and append every candidate's ``(cue span, features)`` to ``record``."""
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


def keep(rule, raw: Raw, kind: str, lo: int, hi: int) -> bool:
    """Whether the candidate ``raw`` found by rule ``kind`` in the sentence [lo, hi) is a cue."""
    record = _state["record"]
    if record is not None:
        record.append((raw.cue, features(rule, raw, kind, lo, hi)))
        return True
    ranker = _ranker()
    if ranker is None or not rule.t.raw.get("cue_ranker", True):
        return True
    return ranker.probability(features(rule, raw, kind, lo, hi)) >= float(ranker.meta["threshold"])


def verb_class(table, word: str) -> str:
    """"strong" or "weak" when a lemma of ``word`` is a reporting verb of the table of that
    kind, "form" when the table lists only the form."""
    word = word.lower()
    found = (word,) + (lemmas(table.language, word, table.participle, table.participle_lemmas, table.unknown_lemmas)
                       if supported(table.language) else ())
    if any(f in table.lemmas["verb"] for f in found):
        return "strong"
    if any(f in table.lemmas["weak"] for f in found):
        return "weak"
    return "form"


def content_shape(rule, raw: Raw) -> str:
    """quote | before (the content precedes the cue) | colon | clause (a complementizer
    opens it) | comma | bare (a bare object or clause right after the cue)."""
    text = rule.text
    if raw.direct:
        return "quote"
    if raw.content[1] <= raw.cue[0]:
        return "before"
    gap = text[raw.cue[1] : raw.content[0]]
    if ":" in gap:
        return "colon"
    before = words(text, max(raw.cue[1], raw.content[0] - 20), raw.content[0])
    if before and rule.t.complementizer.fullmatch(before[-1].group()):
        return "clause"
    first = words(text, raw.content[0], min(raw.content[1], raw.content[0] + 30))
    if first and rule.t.complementizer.fullmatch(first[0].group()):
        return "clause"
    if "," in gap:
        return "comma"
    return "bare"


def speaker_kind(rule, raw: Raw) -> str:
    if raw.speaker is None:
        return "impersonal" if raw.impersonal else "none"
    phrase = rule.text[slice(*raw.speaker)]
    if phrase.lower() in rule.t.pronouns:
        return "pronoun"
    if rule.names_someone(raw.speaker):
        return "named"
    return "common"


def features(rule, raw: Raw, kind: str, lo: int, hi: int) -> dict[str, float]:
    """The named features of one candidate cue (few, structural, shared across languages)."""
    text, t = rule.text, rule.t
    f: dict[str, float] = {f"kind={kind}": 1.0}
    cue_words = words(text, *raw.cue)
    if kind in ("verb", "weak", "inf", "generic") and cue_words:
        last = cue_words[-1].group()
        f[f"class={verb_class(t, last)}"] = 1.0
        f["compound"] = float(len(cue_words) > 1)
        f["participle"] = float(bool(t.participle.search(last.lower())))
        f["gerund"] = float(bool(t.no_inversion.search(last)))
    shape = content_shape(rule, raw)
    f[f"content={shape}"] = 1.0
    who = speaker_kind(rule, raw)
    f[f"speaker={who}"] = 1.0
    if raw.speaker and raw.speaker[0] > raw.cue[0]:
        f["speaker_after"] = 1.0
    if shape == "bare":
        f["bare_verb"] = float(_has_verb(rule, raw.content))  # "said the plant would close"
        f["bare_quote"] = float(any(c in text[slice(*raw.content)] for c in "«“\"„"))  # called it "…"
    n = len(words(text, *raw.content))
    f["content_words"] = math.log1p(n) / 3
    f["content_short"] = float(n <= 3)
    before = words(text, lo, raw.cue[0])
    f["cue_opens"] = float(not before)
    f["cue_position"] = (raw.cue[0] - lo) / max(1, hi - lo)
    f["headline"] = float(_headline(rule, raw.cue[0]))
    f["in_quote"] = float(rule.enclosing(raw.cue[0]) is not None)
    f["sentence_ends_at_cue"] = float(not text[raw.cue[1] : hi].strip(EDGE))
    return f


def _has_verb(rule, span: tuple[int, int]) -> bool:
    """Whether one of the first ten words of ``span`` is an auxiliary or has the table's
    finite-verb shape: a bare clause rather than a bare object."""
    shape = rule.t.raw.get("verb_shape")
    for tok in words(rule.text, *span)[:10]:
        word = tok.group().lower()
        if word in rule.aux or word in rule.t.passive or shape and re.fullmatch(shape, word):
            return True
    return False


_END = re.compile(r"[.!?…:;»”“’\"')]\s*$")


def _headline(rule, pos: int) -> bool:
    """The line of ``pos`` is no running text: the first line, or one that does not end
    as a sentence does."""
    start, end = rule.line(pos)
    return start == 0 or not _END.search(rule.text[start:end])
