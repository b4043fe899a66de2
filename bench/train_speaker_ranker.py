"""Fit the learned speaker choice (``claimscope.stages.attribution.speaker_rank``) and rebuild
``src/claimscope/data/attribution/speaker_ranker.json``.

Training data: the ``dev`` articles of ``../shared/data/articles`` (by another hand) and the
``blind-dev`` articles of ``devsets/articles/blind.jsonl`` (ours, written blind to the rules).
Every cue the rules find that a gold attribution shares (cues overlapping; the scoring rule
of ``eval_articles.py``: half of the shorter span) is one decision; each of its candidate
speakers is one row, labelled 1 when it overlaps the gold speaker the same way ("no
speaker" when the gold has none). Decisions with no right candidate are left out of the
fit; cues inside a quotation are left to the rules.

Printed, for the rules and the ranker: decisions chosen right and the speaker F1 of the
attribution stage alone, per split, leave-one-article-out (each article chosen by a ranker
fitted on the other 71) and in-sample; with ``--test``, the test and blind-test figures and
PolNeAR test source F1 (report them once, never tune on them). The strength of the fit is
the one with the most decisions right held out. The weights are written only when, held
out, the ranker beats the rules' speaker F1 on dev + blind-dev together and loses no
decision there; else the JSON is removed and the rules decide. Deterministic: the same data
gives the same JSON.

    .venv/bin/python bench/train_speaker_ranker.py             # fit, print, write when it helps
    .venv/bin/python bench/train_speaker_ranker.py --dry-run   # fit and print only
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import BLIND, _attributions, _gold_attr_spans, load  # noqa: E402

from claimscope import ingest  # noqa: E402
from claimscope.checkworthy.articles import overlaps  # noqa: E402
from claimscope.model import Document  # noqa: E402
from claimscope.ranker import Ranker, fit  # noqa: E402
from claimscope.stages.attribution import extract, speaker_rank  # noqa: E402
from claimscope.stages.language import Language  # noqa: E402
from claimscope.stages.segment import Segment  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / "attribution" / "speaker_ranker.json"
GRID = (0.03, 0.1, 0.3, 1.0)
NAME = "attribution-speaker"
TRAIN = ("dev", "blind-dev")

Decisions = list[list[tuple[dict, int]]]  # per cue, its candidates' (features, label)


def prepared(row: dict) -> Document:
    doc = Document(article=ingest.from_text(row["text"]))
    for stage in (Segment(), Language()):
        doc = stage(doc)
    return doc


def run(doc: Document, ranker: Ranker | None, record: list | None = None) -> dict:
    with speaker_rank.using(ranker, record):
        found = extract(doc)
    return {"article": {"text": doc.text}, "attributions": [dataclasses.asdict(a) for a in found]}


def decisions(row: dict, doc: Document) -> Decisions:
    """Per cue shared with a gold attribution, its candidates' (features, label)."""
    record: list = []
    run(doc, None, record)
    golds = [g for g in (_gold_attr_spans(doc.text, a) for a in row["attributions"]) if g["cue"]]
    out = []
    for cue, found in record:
        gold = next((g for g in golds if overlaps(cue, g["cue"])), None)
        if gold is None:
            continue
        out.append([(f, int(gold["speaker"] is None if span is None else
                            gold["speaker"] is not None and overlaps(span, gold["speaker"])))
                    for span, f in found])
    return out


def accuracy(groups: list[Decisions], ranker: Ranker | None) -> int:
    """Decisions whose chosen candidate is right (the rules' choice without a ranker)."""
    right = 0
    for article in groups:
        for cands in article:
            pick = ranker.best([f for f, _ in cands]) if ranker else next(
                i for i, (f, _) in enumerate(cands) if f.get("from=rule"))
            right += cands[pick][1]
    return right


def fitted(groups: list[Decisions], c: float) -> Ranker:
    rows = [(f, y) for article in groups for cands in article if any(y for _, y in cands) for f, y in cands]
    return fit([f for f, _ in rows], [y for _, y in rows], name=NAME,
               trained_on="articles dev + blind-dev", c=c)


def speaker_f1(rows: list[dict], reports: list[dict]) -> float:
    counts: dict[str, float] = defaultdict(float)
    for row, report in zip(rows, reports):
        _attributions(counts, row, report)
    p = counts["speaker.tp"] / max(1, counts["speaker.n_r"])
    r = counts["speaker.tp"] / max(1, counts["speaker.n_g"])
    return 2 * p * r / (p + r) if p + r else 0.0


def by_split(rows: list[dict], reports: list[dict]) -> str:
    splits = dict.fromkeys(r["split"] for r in rows)
    return ", ".join(f"{s} {speaker_f1(*zip(*[(r, p) for r, p in zip(rows, reports) if r['split'] == s])):.4f}"
                     for s in splits) + f"; together {speaker_f1(rows, reports):.4f}"


def polnear_source_f1(ranker: Ranker | None) -> float:
    from eval_attribution import eval_polnear

    with speaker_rank.using(ranker):
        return eval_polnear("test")["attribution.polnear.source_f1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    parser.add_argument("--test", action="store_true", help="also print the test figures (once, at the end)")
    args = parser.parse_args()
    everything = load() + load(BLIND)
    train = [r for r in everything if r["split"] in TRAIN]
    docs = [prepared(r) for r in train]
    groups = [decisions(r, d) for r, d in zip(train, docs)]
    n, rules = sum(map(len, groups)), accuracy(groups, None)
    rules_reports = [run(d, None) for d in docs]
    rules_f1 = speaker_f1(train, rules_reports)
    print(f"rules: right {rules}/{n} ({sum(any(y for _, y in c) for g in groups for c in g)} with a right "
          f"candidate); speaker F1 {by_split(train, rules_reports)}")
    best = None
    for c in GRID:
        rankers = [fitted(groups[:k] + groups[k + 1 :], c) for k in range(len(groups))]
        right = sum(accuracy([g], rk) for g, rk in zip(groups, rankers))
        reports = [run(d, rk) for d, rk in zip(docs, rankers)]
        f1 = speaker_f1(train, reports)
        print(f"  c={c}: leave-one-article-out right {right}/{n}, speaker F1 {by_split(train, reports)}")
        if best is None or (right, f1) > best[1:]:
            best = (c, right, f1)
    c, loao_right, loao_f1 = best
    ranker = fitted(groups, c)
    inside = [run(d, ranker) for d in docs]
    print(f"chosen c={c}: in-sample right {accuracy(groups, ranker)}/{n}, speaker F1 {by_split(train, inside)}; "
          f"leave-one-article-out speaker F1 {loao_f1:.4f} (rules {rules_f1:.4f})")
    helps = loao_f1 > rules_f1 and loao_right >= rules
    ranker = dataclasses.replace(ranker, meta={**ranker.meta, "loao_speaker_f1": round(loao_f1, 4),
                                               "rules_speaker_f1": round(rules_f1, 4)})
    if args.test:
        test = [r for r in everything if r["split"].endswith("test")]
        tdocs = [prepared(r) for r in test]
        print(f"test speaker F1: rules {by_split(test, [run(d, None) for d in tdocs])}; "
              f"ranker {by_split(test, [run(d, ranker) for d in tdocs])}")
        print(f"PolNeAR test source F1: rules {polnear_source_f1(None):.4f}, ranker {polnear_source_f1(ranker):.4f}")
    for k, v in sorted(ranker.weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {v:+.3f} {k}")
    if args.dry_run:
        return
    if helps:
        ranker.save(OUT)
        print(f"wrote {OUT}")
    else:
        OUT.unlink(missing_ok=True)
        print("held out, the ranker does not beat the rules: no weights shipped")


if __name__ == "__main__":
    main()
