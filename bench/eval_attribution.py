"""Attribution quality: PolNeAR (English news) and the multilingual dev set.

Metric (both sets): for each role (source/speaker, cue, content) the predicted
spans are matched one-to-one to gold spans of the same role in the same
article: predictions are taken in text order and each is matched to the still
unmatched gold span it overlaps most (any shared character counts; no match if
none overlaps). Precision = matched / predicted, recall = matched / gold, F1
their harmonic mean, summed over all articles of the split (micro average).

PolNeAR specifics:
- Gold spans are the Source, Cue and Content spans tied to an attribution by
  the brat ``E`` lines; a discontinuous span (``a b;c d``) counts as one span
  from its first start to its last end. Attributions without a source add no
  gold source span.
- Articles annotated by several annotators: the annotator whose file sorts first
  (by annotator id) is the gold; the others are not used.
- Sentences come from the project's segmenter (stage ``segment``), language "en".
- PolNeAR is univocal (a token belongs to at most one attribution), so nested
  attributions are not annotated there: predictions with ``nested_in`` set, or
  whose cue lies inside a quotation (the quotation is itself attributed), are
  left out of the PolNeAR score (they are kept in the dev-set score).
- Split contents is scored on the whole span (first part to last part).

Dev set (devsets/attribution/<lang>.jsonl, own text; format in
docs/attribution.md; holdout.jsonl: one more article per language, written after
the rules were frozen, with a "lang" field): gold spans are exact substrings; the cue is the first
occurrence (or the ``cue_nth``-th), speaker and content the occurrence nearest
to the cue. Reported per language: speaker, cue and content F1, plus the share
of gold entity pairs (two attributions of one speaker) that get one entity.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimscope.model import Article, Document
from claimscope.stages.attribution import extract
from claimscope.stages.attribution.quotes import find_quotes
from claimscope.stages.segment import Segment

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "attribution" / "polnear"
DEVSET = REPO / "devsets" / "attribution"
ROLES = ("source", "cue", "content")
LANGS = ("fr", "en", "es", "de", "pt", "it", "ru", "vi", "pl")


def analyse(text: str, lang: str) -> tuple[Document, tuple]:
    """Segment ``text`` (language ``lang``) and extract its attributions."""
    doc = Segment()(Document(Article(text), language=lang))
    return doc, extract(doc)


def predicted_spans(
    attributions, outer_only: str | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Predicted spans per role; with ``outer_only`` (the article text), attributions
    nested in another one or with their cue inside a quotation are dropped."""
    spans: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    quotes = sorted(find_quotes(outer_only).items()) if outer_only else []
    for a in attributions:
        if outer_only and (
            a.nested_in is not None or any(o < a.cue_start < c for o, c in quotes)
        ):
            continue
        if a.speaker_start is not None:
            spans["source"].append((a.speaker_start, a.speaker_end))
        spans["cue"].append((a.cue_start, a.cue_end))
        spans["content"].append((a.content_start, a.content_end))
    return spans


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """Number of one-to-one overlap matches (greedy, largest overlap first per prediction)."""
    free = list(gold)
    hits = 0
    for start, end in sorted(pred):
        best, best_overlap = None, 0
        for k, (g0, g1) in enumerate(free):
            overlap = min(end, g1) - max(start, g0)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            free.pop(best)
            hits += 1
    return hits


class Counts:
    """Micro-averaged matched / predicted / gold counts per role."""

    def __init__(self):
        self.n = {role: [0, 0, 0] for role in ROLES}

    def add(self, pred: dict, gold: dict) -> None:
        for role in ROLES:
            self.n[role][0] += match(pred[role], gold[role])
            self.n[role][1] += len(pred[role])
            self.n[role][2] += len(gold[role])

    def metrics(self, prefix: str) -> dict[str, float]:
        out = {}
        for role, (hit, npred, ngold) in self.n.items():
            p = hit / npred if npred else 0.0
            r = hit / ngold if ngold else 0.0
            out[f"{prefix}.{role}_p"] = round(p, 4)
            out[f"{prefix}.{role}_r"] = round(r, 4)
            out[f"{prefix}.{role}_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return out


# -- PolNeAR ---------------------------------------------------------------------
def polnear_gold(ann: Path) -> dict[str, list[tuple[int, int]]]:
    """Source/Cue/Content spans tied to an attribution in one brat file."""
    spans, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, offsets = cols[1].partition(" ")
            frags = [
                tuple(map(int, f.split())) for f in offsets.split(";") if f.strip()
            ]
            if frags and all(len(f) == 2 for f in frags):
                spans[cols[0]] = (label, (frags[0][0], frags[-1][1]))
        elif cols[0].startswith("E"):
            events.append(cols[1].split())
    gold: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
    for args in events:
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            if role.lower() in gold and tid in spans:
                gold[role.lower()].append(spans[tid][1])
    return gold


def polnear_articles(split: str):
    """(text, gold) for every article of ``split``, first annotator only."""
    folder = POLNEAR / split
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            yield txt.read_text(encoding="utf-8"), polnear_gold(anns[0])


def eval_polnear(split: str = "test") -> dict[str, float]:
    """Source, cue and content span P/R/F1 on a PolNeAR split."""
    counts = Counts()
    for text, gold in polnear_articles(split):
        counts.add(predicted_spans(analyse(text, "en")[1], outer_only=text), gold)
    return counts.metrics(
        f"attribution.polnear.{split}" if split != "test" else "attribution.polnear"
    )


# -- multilingual dev set ------------------------------------------------------------
def _nth(text: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} is not in the article text")
    return pos


def _nearest(text: str, needle: str, anchor: int) -> tuple[int, int]:
    starts, pos = [], text.find(needle)
    while pos >= 0:
        starts.append(pos)
        pos = text.find(needle, pos + 1)
    if not starts:
        raise ValueError(f"{needle!r} is not in the article text")
    best = min(starts, key=lambda s: abs(s - anchor))
    return best, best + len(needle)


def devset_gold(record: dict) -> list[dict]:
    """Gold attributions of one dev-set article with offsets resolved."""
    text, out = record["text"], []
    for item in record["attributions"]:
        cue = _nth(text, item["cue"], item.get("cue_nth", 1))
        out.append(
            {
                "cue": (cue, cue + len(item["cue"])),
                "source": _nearest(text, item["speaker"], cue)
                if item.get("speaker")
                else None,
                "content": _nearest(text, item["content"], cue),
                "entity": item.get("entity"),
                "anonymous": bool(item.get("anonymous")),
            }
        )
    return out


def devset_records(lang: str, name: str | None = None) -> list[dict]:
    """Records of ``<lang>.jsonl`` (or of file ``name``, keeping language ``lang``)."""
    path = DEVSET / (name or f"{lang}.jsonl")
    records = [
        json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [r for r in records if r.get("lang", lang) == lang]


def eval_holdout() -> dict[str, float]:
    """Speaker/cue/content F1 over holdout.jsonl: one article per language written
    after the rules were frozen (pooled over languages)."""
    counts = Counts()
    for lang in LANGS:
        for record in devset_records(lang, "holdout.jsonl"):
            gold = devset_gold(record)
            counts.add(
                predicted_spans(analyse(record["text"], lang)[1]),
                {
                    role: [g[role] for g in gold if g[role] is not None]
                    for role in ROLES
                },
            )
    return counts.metrics("attribution.holdout")


def eval_devset(lang: str) -> dict[str, float]:
    """Speaker/cue/content F1 and entity agreement on one language of the dev set."""
    counts, same, joined = Counts(), 0, 0
    for record in devset_records(lang):
        gold = devset_gold(record)
        preds = analyse(record["text"], lang)[1]
        counts.add(
            predicted_spans(preds),
            {role: [g[role] for g in gold if g[role] is not None] for role in ROLES},
        )
        by_cue = {(p.cue_start, p.cue_end): p.speaker_entity for p in preds}
        entities = [(g["entity"], by_cue.get(g["cue"])) for g in gold if g["entity"]]
        for i, (ge, pe) in enumerate(entities):
            for ge2, pe2 in entities[i + 1 :]:
                if ge == ge2:
                    same += 1
                    joined += pe is not None and pe == pe2
    metrics = counts.metrics(f"attribution.dev.{lang}")
    metrics[f"attribution.dev.{lang}.entity_pairs"] = (
        round(joined / same, 4) if same else 1.0
    )
    return metrics


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    metrics: dict[str, float] = {}
    for lang in LANGS:
        metrics.update(eval_devset(lang))
    metrics.update(eval_holdout())
    if POLNEAR.is_dir():
        for split in argv or ["test"]:
            metrics.update(eval_polnear(split))
    else:
        print(f"PolNeAR not found at {POLNEAR}: skipped", file=sys.stderr)
    for name, value in metrics.items():
        print(f"{name}\t{value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
