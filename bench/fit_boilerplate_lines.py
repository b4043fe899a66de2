"""Fit the traces stage's line ranker (stages/furniture_lines.py) on the dev articles by
another hand and write ``src/claimscope/data/traces/boilerplate_lines.json``.

One row per candidate line (``furniture_lines.candidate``; the headline left out), label 1 when
the line matches a gold ``boilerplate`` span (the eval's overlap rule). The features leave
out the marker rules' own decision on the line, so that the weights say what furniture
looks like wherever the tables have no word for it; the stage scores only the lines the
rules left. The threshold is ``MARGIN`` above the highest score of a dev line the rules
left that is not furniture, each article scored by a ranker fitted on the other
articles; the figures printed are the ranker alone on dev held out by article (and
with the threshold held out too), and in-sample.

    .venv/bin/python bench/fit_boilerplate_lines.py          # fit, print held-out figures, write
    .venv/bin/python bench/fit_boilerplate_lines.py --check  # print only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import load  # noqa: E402

from claimscope.checkworthy.articles import occurrences, overlaps  # noqa: E402
from claimscope.ingest.text import normalize_text  # noqa: E402
from claimscope.model import Article  # noqa: E402
from claimscope.pipeline import Pipeline  # noqa: E402
from claimscope.ranker import fit, leave_one_group_out  # noqa: E402
from claimscope.stages import Language, Segment, Traces  # noqa: E402
from claimscope.stages.furniture_lines import RANKER, candidate, kinds_by_line, line_features  # noqa: E402
from claimscope.stages.traces import article_lines  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "claimscope" / "data" / RANKER
C = 1.0
MARGIN = 0.25  # above the highest held-out score of a false hit


def rows(split: str = "dev"):
    """(features, label, article id, ruled) of every candidate line; ``ruled``: the rules
    already gave the line a finding."""
    found = []
    for row in load():
        if row["split"] != split:
            continue
        doc = Pipeline([Segment(), Language()]).run(Article(text=normalize_text(row["text"])))
        lines = article_lines(doc)
        kinds = kinds_by_line(lines, [*doc.findings, *Traces().furniture.rule_furniture(doc, lines)])
        gold = [o for item in row["boilerplate"] for o in occurrences(doc.text, item)]
        numbers = [n for n, (start, end, _) in enumerate(lines) if n and candidate(doc.text[start:end])]
        for n, features in zip(numbers, line_features(doc, lines, kinds, numbers)):
            label = int(any(overlaps(lines[n][:2], o) for o in gold))
            found.append((features, label, row["id"], bool(kinds[n])))
    return found


def threshold_of(scores, labels, ruled) -> float:
    """``MARGIN`` above the highest held-out score of a line the rules left that is not furniture."""
    return round(max((s for s, y, r in zip(scores, labels, ruled) if not y and not r), default=0.0) + MARGIN, 2)


def nested(features, labels, groups, ruled, **args_fit):
    """Held-out scores with the threshold held out too: each article scored by a ranker
    and a threshold fitted on the other articles only. (hits, true hits, false hits added
    to the rules)."""
    hits = true = added = 0
    for group in dict.fromkeys(groups):
        train = [i for i, g in enumerate(groups) if g != group]

        def pick(items, train=train):
            return [items[i] for i in train]

        inner = leave_one_group_out(pick(features), pick(labels), pick(groups), **args_fit)
        threshold = threshold_of(inner, pick(labels), pick(ruled))
        ranker = fit(pick(features), pick(labels), **args_fit)
        for i in (i for i, g in enumerate(groups) if g == group):
            if ranker.score(features[i]) > threshold:
                hits, true, added = hits + 1, true + labels[i], added + (not labels[i] and not ruled[i])
    return hits, true, added


def figures(scores, labels, ruled, threshold):
    """Precision and recall of the ranker alone, and the false hits it adds to the rules."""
    hits = [s > threshold for s in scores]
    tp = sum(h and y for h, y in zip(hits, labels))
    added = sum(h and not y and not r for h, y, r in zip(hits, labels, ruled))
    return tp / max(sum(hits), 1), tp / max(sum(labels), 1), added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args()
    data = rows()
    features, labels, groups, ruled = (list(x) for x in zip(*data))
    args_fit = {"name": "boilerplate_lines", "trained_on": "articles by another hand, dev split", "c": C}
    held_out = leave_one_group_out(features, labels, groups, **args_fit)
    threshold = threshold_of(held_out, labels, ruled)
    ranker = fit(features, labels, **args_fit)
    in_sample = [ranker.score(f) for f in features]
    print(f"{len(labels)} lines, {sum(labels)} furniture; threshold {threshold}")
    for name, scores in (("held-out by article", held_out), ("in-sample", in_sample)):
        p, r, added = figures(scores, labels, ruled, threshold)
        print(f"{name:20} ranker alone P {p:.3f} R {r:.3f}; false hits added to the rules: {added}")
    hits, true, added = nested(features, labels, groups, ruled, **args_fit)
    print(f"{'threshold held out':20} ranker alone P {true / max(hits, 1):.3f} R {true / max(sum(labels), 1):.3f};"
          f" false hits added to the rules: {added}")
    if not args.check:
        ranker = type(ranker)(ranker.name, ranker.weights, ranker.bias, ranker.trained_on,
                              {**ranker.meta, "threshold": threshold})
        OUT.parent.mkdir(parents=True, exist_ok=True)
        ranker.save(OUT)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
