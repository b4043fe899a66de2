"""Fits the pronoun antecedent ranker (``claimscope.stages.attribution.antecedents``) on the
``dev`` articles by another hand and the ``blind-dev`` articles of
``devsets/articles/blind.jsonl`` (ours, written blind to the rules), and measures it
against the rules.

Every pronoun speaker the attribution stage finds ("he said", "по его словам") is one
decision; its candidates are recorded with the rules' choice (``antecedents.using``). A
decision is labelled when its speaker overlaps a gold pronoun speaker that carries a
``speaker_ref`` (GUIDE.md); a candidate is right when one of its names and the
``speaker_ref`` are the same name (the scorer's rule, ``eval_articles.same_name``).
Printed per split: how often the rules' choice is right, and each article chosen by a
ranker fitted on the other articles (leave one article out), for a few strengths. The
weights are saved only when the held-out figure beats the rules; ``--test`` also reports
test and blind-test once.

    OMP_NUM_THREADS=1 .venv/bin/python bench/train_antecedents.py           # figures, save
    OMP_NUM_THREADS=1 .venv/bin/python bench/train_antecedents.py --test    # and the test splits, once
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import BLIND, _gold_attr_spans, load, same_name  # noqa: E402
from train_speaker_ranker import TRAIN, prepared  # noqa: E402

from claimscope.checkworthy.articles import overlaps  # noqa: E402
from claimscope.ranker import fit, leave_one_group_out  # noqa: E402
from claimscope.stages.attribution import antecedents, extract  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / antecedents.WEIGHTS
GRID = (0.1, 0.3, 1.0)


def decisions(rows: list[dict]) -> list[dict]:
    """One dict per labelled decision: article, split, candidates' features, labels, the rules' index."""
    found = []
    for row in rows:
        record: list = []
        doc = prepared(row)
        with antecedents.using(None, record):
            extract(doc)
        text = doc.text
        golds = [(a, _gold_attr_spans(text, a)["speaker"]) for a in row["attributions"]
                 if a["speaker"] and a.get("speaker_ref") and len(a["speaker"].split()) == 1
                 and a["speaker"].islower()]
        seen = set()
        for span, cands, rule in record:
            gold = next((a for a, g in golds if g and overlaps(span, g)), None)
            if gold is None or span in seen:
                continue
            seen.add(span)
            labels = [int(any(same_name(n, gold["speaker_ref"]) for n in c.names(text))) for c in cands]
            found.append({"article": row["id"], "split": row["split"], "features": [c.features for c in cands],
                          "labels": labels, "rule": rule})
    return found


def accuracy(found: list[dict], pick) -> int:
    return sum(1 for d in found if (k := pick(d)) is not None and d["labels"][k])


def per_split(found: list[dict], pick) -> str:
    return ", ".join(f"{s} {accuracy([d for d in found if d['split'] == s], pick)}"
                     f"/{sum(d['split'] == s for d in found)}" for s in dict.fromkeys(d["split"] for d in found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also report the test splits (once, at the end)")
    args = parser.parse_args()
    rows = load() + load(BLIND)
    train = decisions([r for r in rows if r["split"] in TRAIN])
    rule = accuracy(train, lambda d: d["rule"])
    print(f"decisions {len(train)}, right antecedent among the candidates {sum(any(d['labels']) for d in train)}; "
          f"the rules' choice right: {per_split(train, lambda d: d['rule'])}")
    taught = [d for d in train if any(d["labels"])]  # a decision without its right candidate teaches nothing
    rows_, labels = [f for d in taught for f in d["features"]], [y for d in taught for y in d["labels"]]
    groups = [d["article"] for d in taught for _ in d["labels"]]
    best = None
    for c in GRID:
        held = leave_one_group_out(rows_, labels, groups, name="antecedent", trained_on="", c=c)
        k = 0
        for d in taught:
            scores = held[k : k + len(d["labels"])]
            d["held"] = max(range(len(scores)), key=lambda i: (scores[i], -i))
            k += len(scores)
        out = accuracy(train, lambda d: d.get("held"))
        print(f"  c={c}: leave one article out {per_split(train, lambda d: d.get('held'))}")
        if best is None or out > best[1]:
            best = (c, out)
    ranker = fit(rows_, labels, name="antecedent", trained_on="articles dev + blind-dev", c=best[0])
    print(f"chosen c={best[0]}: in sample {per_split(train, lambda d: ranker.best(d['features']))}")
    if best[1] > rule:
        ranker.save(OUT)
        print(f"saved {OUT}")
    else:
        OUT.unlink(missing_ok=True)
        print("held out, the ranker does not beat the rules: weights not saved, the rules' choice stands")
    if args.test:
        test = decisions([r for r in rows if r["split"].endswith("test")])
        print(f"test splits: rules {per_split(test, lambda d: d['rule'])}; "
              f"ranker {per_split(test, lambda d: ranker.best(d['features']))}")


if __name__ == "__main__":
    main()
