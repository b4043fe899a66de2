"""Fits the pronoun antecedent ranker (``claimscope.stages.attribution.antecedents``) on the
dev articles by another hand and measures it against the rules.

Every pronoun speaker the attribution stage finds ("he said", "по его словам") is one
decision; its candidates are recorded with the rules' choice (``antecedents.using``). A
decision is labelled when its speaker overlaps a gold pronoun speaker that carries a
``speaker_ref`` (GUIDE.md); a candidate is right when one of its names and the
``speaker_ref`` are the same name (the scorer's rule, ``eval_articles.same_name``).
Printed: how often the rules' choice is right, the ranker fitted on all dev decisions (in
sample), and each dev article chosen by a ranker fitted on the others (leave one article
out). The weights are saved only when the held-out figure beats the rules.

    OMP_NUM_THREADS=1 .venv/bin/python bench/train_antecedents.py           # dev figures, save
    OMP_NUM_THREADS=1 .venv/bin/python bench/train_antecedents.py --test    # and test, once
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import _gold_attr_spans, load, make_analyzer, same_name  # noqa: E402

from claimscope.checkworthy.articles import overlaps  # noqa: E402
from claimscope.ranker import fit, leave_one_group_out  # noqa: E402
from claimscope.stages.attribution import antecedents  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / antecedents.WEIGHTS
C = 0.3


def decisions(rows: list[dict]) -> list[dict]:
    """One dict per labelled decision: article, candidates' features, labels, the rules' index."""
    analyze = make_analyzer(with_matching=False)
    found = []
    for row in rows:
        record: list = []
        with antecedents.using(None, record):
            analyze(row)
        text = row["text"]
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
            found.append({"article": row["id"], "features": [c.features for c in cands], "labels": labels,
                          "rule": rule, "names": [c.names(text)[0] for c in cands], "ref": gold["speaker_ref"]})
    return found


def accuracy(found: list[dict], pick) -> tuple[int, int]:
    right = sum(1 for d in found if (k := pick(d)) is not None and d["labels"][k])
    return right, len(found)


def measure(dev: list[dict], drop: str = "") -> tuple:
    """The ranker fitted on every labelled dev decision (without feature ``drop``), and how
    many decisions it gets right in sample and left out by article."""
    def strip(f):
        return {k: v for k, v in f.items() if k != drop}

    taught = [d for d in dev if any(d["labels"])]  # a decision without its right candidate teaches nothing
    rows = [strip(f) for d in taught for f in d["features"]]
    labels = [y for d in taught for y in d["labels"]]
    groups = [d["article"] for d in taught for _ in d["labels"]]
    ranker = fit(rows, labels, name="antecedent", trained_on="articles dev", c=C)
    held = leave_one_group_out(rows, labels, groups, name="antecedent", trained_on="articles dev", c=C)
    k = 0
    for d in taught:
        scores = held[k : k + len(d["labels"])]
        d["held" + drop] = max(range(len(scores)), key=lambda i: (scores[i], -i))
        k += len(scores)
    inside = accuracy(dev, lambda d: ranker.best([strip(f) for f in d["features"]]))
    out = accuracy(dev, lambda d: d.get("held" + drop))
    return ranker, inside, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also report the test split (once, at the end)")
    parser.add_argument("--verbose", action="store_true", help="print each dev decision")
    args = parser.parse_args()
    rows = load()
    dev = decisions([r for r in rows if r["split"] == "dev"])
    rule = accuracy(dev, lambda d: d["rule"])
    print(f"dev decisions {len(dev)}, right antecedent among the candidates "
          f"{sum(1 for d in dev if any(d['labels']))}; the rules' choice right {rule[0]}/{rule[1]}")
    ranker, inside, out = measure(dev)
    _, alone_in, alone_out = measure(dev, "rule")
    print(f"ranker, the rules' choice a feature: in sample {inside[0]}/{inside[1]}, "
          f"leave one article out {out[0]}/{out[1]}")
    print(f"ranker, features only: in sample {alone_in[0]}/{alone_in[1]}, "
          f"leave one article out {alone_out[0]}/{alone_out[1]}")
    if args.verbose:
        for d in dev:
            print(f"  {d['article']} ref={d['ref']!r} candidates={d['names']} labels={d['labels']} "
                  f"rule={d['rule']} held={d.get('held')} features only={d.get('heldrule')}")
    if out[0] > rule[0]:
        ranker.save(OUT)
        print(f"saved {OUT}")
    else:
        print("held-out dev does not beat the rules: weights not saved, the rules' choice stands")
    if args.test:
        test = decisions([r for r in rows if r["split"] == "test"])
        t_rule = accuracy(test, lambda d: d["rule"])
        t_rank = accuracy(test, lambda d: ranker.best(d["features"]))
        print(f"test decisions {len(test)}: rules {t_rule[0]}/{t_rule[1]}, ranker {t_rank[0]}/{t_rank[1]}")


if __name__ == "__main__":
    main()
