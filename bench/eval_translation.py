"""Translation damage and copy traces: quality of the segment, language and traces stages
on the dev set ``devsets/translation`` (own text; format in its README.md).

Matching rule: a predicted finding matches a gold finding when they have the same
kind, the same language for ``untranslated_fragment``, and their character spans
overlap with intersection-over-union >= ``MIN_IOU`` (0.5). Matching is one-to-one:
in text order, each prediction takes the still unmatched gold finding it overlaps
most. Precision = matched predictions / predictions, recall = matched gold / gold,
summed over all articles (micro average), per kind.

Also reported: main-language accuracy over the articles, and the number of findings
reported in the clean articles (those annotated with no finding: false alarms).

Run ``python bench/eval_translation.py [-v]`` (``-v`` lists every miss and false alarm).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from claimscope.ingest.text import normalize_text
from claimscope.model import Article, Document
from claimscope.pipeline import Pipeline
from claimscope.stages import Language, Segment, Traces

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "devsets" / "translation"
KINDS = ("untranslated_fragment", "foreign_dateline", "garbled_sentence", "boilerplate", "credit_line")
SHORT = {"untranslated_fragment": "untranslated"}
MIN_IOU = 0.5


@dataclass(frozen=True)
class Gold:
    kind: str
    start: int
    end: int
    lang: str | None


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    lang: str
    gold: tuple[Gold, ...]


def load_devset(path: Path = DEVSET) -> list[Example]:
    """The annotated articles, gold spans converted to offsets in the normalised text."""
    examples = []
    for txt in sorted(path.glob("*.txt")):
        text = normalize_text(txt.read_text(encoding="utf-8"))
        note = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        gold = tuple(_gold(text, item, txt.stem) for item in note["findings"])
        examples.append(Example(txt.stem, text, note["lang"], gold))
    return examples


def _gold(text: str, item: dict, name: str) -> Gold:
    start = -1
    for _ in range(item.get("occurrence", 0) + 1):
        start = text.find(item["text"], start + 1)
        if start < 0:
            raise ValueError(f"{name}: annotated text not found: {item['text']!r}")
    return Gold(item["kind"], start, start + len(item["text"]), item.get("lang"))


def analyse(text: str) -> Document:
    """The stages this eval measures, over one article."""
    return Pipeline([Segment(), Language(), Traces()]).run(Article(text=text))


def _iou(a, b) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter / (max(a.end, b.end) - min(a.start, b.start)) if inter > 0 else 0.0


def _same(pred, gold) -> bool:
    if pred.kind != gold.kind:
        return False
    return pred.kind != "untranslated_fragment" or pred.lang == gold.lang


def match(predicted, gold) -> list[tuple[object, object | None]]:
    """(prediction, matched gold or None) for each prediction, one-to-one."""
    free = list(gold)
    pairs = []
    for pred in sorted(predicted, key=lambda f: f.start):
        scored = [(_iou(pred, g), i) for i, g in enumerate(free) if _same(pred, g)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= MIN_IOU:
            pairs.append((pred, free.pop(best[1])))
        else:
            pairs.append((pred, None))
    return pairs


def evaluate(path: Path = DEVSET, verbose: bool = False) -> dict:
    """Metrics over the dev set; keys ``translation.<kind>.precision|recall`` etc."""
    counts = {kind: [0, 0, 0] for kind in KINDS}  # matched, predicted, gold
    examples = load_devset(path)
    correct_lang = clean_alarms = clean = 0
    for ex in examples:
        doc = analyse(ex.text)
        correct_lang += doc.language == ex.lang
        predicted = [f for f in doc.findings if f.kind in KINDS]
        pairs = match(predicted, ex.gold)
        matched_gold = {id(g) for _, g in pairs if g is not None}
        for pred, g in pairs:
            counts[pred.kind][0] += g is not None
            counts[pred.kind][1] += 1
            if verbose and g is None:
                print(f"  false alarm {ex.id}: {pred.kind} {ex.text[pred.start:pred.end]!r} ({pred.reason})")
        for g in ex.gold:
            counts[g.kind][2] += 1
            if verbose and id(g) not in matched_gold:
                print(f"  missed      {ex.id}: {g.kind} {ex.text[g.start:g.end]!r}")
        if not ex.gold:
            clean += 1
            clean_alarms += len(predicted)
    metrics = {"translation.articles": len(examples), "translation.clean_articles": clean}
    for kind, (hit, pred, gold) in counts.items():
        name = SHORT.get(kind, kind)
        metrics[f"translation.{name}.precision"] = round(hit / pred, 4) if pred else 1.0
        metrics[f"translation.{name}.recall"] = round(hit / gold, 4) if gold else 1.0
        metrics[f"translation.{name}.gold"] = gold
    metrics["translation.main_language.accuracy"] = round(correct_lang / len(examples), 4)
    metrics["translation.clean.false_alarms"] = clean_alarms
    return metrics


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    metrics = evaluate(verbose="-v" in argv)
    print(f"translation dev set: {metrics['translation.articles']} articles "
          f"({metrics['translation.clean_articles']} clean)")
    print(f"{'kind':<18} {'precision':>9} {'recall':>7} {'gold':>5}")
    for kind in KINDS:
        name = SHORT.get(kind, kind)
        print(f"{name:<18} {metrics[f'translation.{name}.precision']:>9.3f} "
              f"{metrics[f'translation.{name}.recall']:>7.3f} {metrics[f'translation.{name}.gold']:>5}")
    print(f"main language accuracy: {metrics['translation.main_language.accuracy']:.3f}")
    print(f"findings in clean articles (false alarms): {metrics['translation.clean.false_alarms']}")


if __name__ == "__main__":
    main()
