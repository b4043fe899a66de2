"""Fit the learned cue filter (``claimscope.stages.attribution.cue_rank``) on the dev
articles by another hand and rebuild ``src/claimscope/data/attribution/cue_ranker.json``.

Every candidate cue the rules propose on a dev article that reaches the output is one row,
labelled 1 when it overlaps a gold cue (the scoring rule of ``eval_articles.py``: half of
the shorter span). The threshold is the one that gives the best cue F1 over the dev
candidates scored leave-one-article-out.

Printed: cue P/R/F1 and speaker F1 of the attribution stage alone on dev (rules; ranker
in-sample; ranker leave-one-article-out, each article run with a ranker fitted on the
other 35) and on test (rules; ranker). Deterministic: the same data gives the same JSON.

    .venv/bin/python bench/train_cue_ranker.py            # fit, print, write the JSON
    .venv/bin/python bench/train_cue_ranker.py --dry-run  # fit and print only
"""

from __future__ import annotations

import argparse
import math
import dataclasses
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import _attributions, _gold_attr_spans, load  # noqa: E402

from claimscope import ingest  # noqa: E402
from claimscope.checkworthy.articles import overlaps  # noqa: E402
from claimscope.model import Document  # noqa: E402
from claimscope.ranker import Ranker, fit, leave_one_group_out  # noqa: E402
from claimscope.stages.attribution import cue_rank, extract  # noqa: E402
from claimscope.stages.language import Language  # noqa: E402
from claimscope.stages.segment import Segment  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / "attribution" / "cue_ranker.json"
C = 3.0  # chosen by the leave-one-article-out cue F1 (0.3, 1 and 3 tried)
GRID = [round(0.05 * k, 2) for k in range(1, 20)]


def prepared(row: dict) -> Document:
    doc = Document(article=ingest.from_text(row["text"]))
    for stage in (Segment(), Language()):
        doc = stage(doc)
    return doc


def run(doc: Document, ranker: Ranker | None, record: list | None = None) -> dict:
    with cue_rank.using(ranker, record):
        found = extract(doc)
    return {"article": {"text": doc.text}, "attributions": [dataclasses.asdict(a) for a in found]}


def candidates(row: dict, doc: Document) -> tuple[list[tuple[dict, int]], int]:
    """(features, label) of the candidates that reach the output; the number of gold cues."""
    record: list = []
    report = run(doc, None, record)
    kept = {(a["cue_start"], a["cue_end"]) for a in report["attributions"]}
    gold = [g["cue"] for g in (_gold_attr_spans(doc.text, a) for a in row["attributions"]) if g["cue"]]
    return [(f, int(any(overlaps(span, g) for g in gold))) for span, f in record if span in kept], len(gold)


def figures(rows: list[dict], reports: list[dict]) -> str:
    counts: dict[str, float] = defaultdict(float)
    for row, report in zip(rows, reports):
        _attributions(counts, row, report)

    def f1(part):
        p = counts[f"{part}.tp"] / max(1, counts[f"{part}.n_r"])
        r = counts[f"{part}.tp"] / max(1, counts[f"{part}.n_g"])
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    p, r, f = f1("cue")
    return f"cue P {p:.3f} R {r:.3f} F1 {f:.3f} | speaker F1 {f1('speaker')[2]:.3f}"


def threshold(scores: list[float], labels: list[int], gold: int) -> float:
    """The probability threshold with the best candidate-level cue F1 (the first on a tie)."""
    best = None
    for t in GRID:
        accepted = [y for s, y in zip(scores, labels) if 1 / (1 + math.exp(-s)) >= t]
        tp = sum(accepted)
        prec, rec = tp / max(1, len(accepted)), tp / max(1, gold)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, t)
    return best[1]


def with_threshold(ranker: Ranker, t: float) -> Ranker:
    return dataclasses.replace(ranker, meta={**ranker.meta, "threshold": t})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--unbalanced", action="store_true", help="do not weigh the classes evenly")
    args = parser.parse_args()
    rows = load()
    dev = [r for r in rows if r["split"] == "dev"]
    test = [r for r in rows if r["split"] == "test"]
    docs = {r["id"]: prepared(r) for r in rows}
    data, groups, gold = [], [], 0
    for row in dev:
        items, n = candidates(row, docs[row["id"]])
        data += items
        groups += [row["id"]] * len(items)
        gold += n
    feats, labels = [f for f, _ in data], [y for _, y in data]
    print(f"{len(data)} dev candidates, {sum(labels)} on a gold cue, {gold} gold cues")
    fit_args = {"name": "attribution-cues", "trained_on": "articles dev", "c": args.c, "balanced": not args.unbalanced}
    t = threshold(leave_one_group_out(feats, labels, groups, **fit_args), labels, gold)
    print(f"threshold {t}")
    final = with_threshold(fit(feats, labels, **fit_args), t)
    loo_reports = []
    for row in dev:
        others = [i for i, g in enumerate(groups) if g != row["id"]]
        fold = fit([feats[i] for i in others], [labels[i] for i in others], **fit_args)
        loo_reports.append(run(docs[row["id"]], with_threshold(fold, t)))
    print("dev  rules        ", figures(dev, [run(docs[r["id"]], None) for r in dev]))
    print("dev  ranker       ", figures(dev, [run(docs[r["id"]], final) for r in dev]))
    print("dev  leave-one-out", figures(dev, loo_reports))
    print("test rules        ", figures(test, [run(docs[r["id"]], None) for r in test]))
    print("test ranker       ", figures(test, [run(docs[r["id"]], final) for r in test]))
    for name, w in sorted(final.weights.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {w:+.3f} {name}")
    if not args.dry_run:
        final.save(OUT)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
