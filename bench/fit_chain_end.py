"""Fit the ranker that chooses where the main claim's chain ends
(``claimscope/data/sourcing/rankers/chain_end.json``, docs/sourcing.md "Where the chain ends").

Rows: every article of ``../shared/data/articles`` run twice through the pipeline up to the
sourcing stage, once with the attribution stage's own output and once with the gold
attributions (``eval_chain_gold.py``), and every article of the project's own sourcing dev
set (``devsets/sourcing``, scored as ``eval_sourcing.py`` scores it). Each chain one decision
away from the rules' (:func:`claimscope.stages.sourcing.choose.alternatives`) is a row,
labelled 1 when its names are the gold chain (the evals' comparisons). Only ``dev`` rows are
fitted (the articles' dev split, the own set without its ``heldout`` articles). The
``edit=`` features say which chain is the rules' own (keep, cut, swap, extend);
``--without-rule`` leaves them out, for a ranker that judges every chain by its features
alone (figures for both in docs/sourcing.md).

    .venv/bin/python bench/fit_chain_end.py            # fit, write the weights, print rules vs ranker
    .venv/bin/python bench/fit_chain_end.py --test     # and the articles' test split, once at the end
    .venv/bin/python bench/fit_chain_end.py --dry-run --cached --without-rule   # try a setting on the last rows

The fit is deterministic (rows in file order, one BLAS thread); the rows depend on the
earlier stages, so refit after changing them. ``--cached`` reuses the rows of the last run
(``/tmp/claimscope-chain-end.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import load, same_name  # noqa: E402

from claimscope.ranker import fit, leave_one_group_out  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimscope" / "data" / "sourcing" / "rankers" / "chain_end.json"
CACHE = Path("/tmp/claimscope-chain-end.json")
C = 1.0  # inverse L2 strength (0.5-2 give the same held-out figures within an article or two)
RULE = ("edit=",)  # which decision the chain is from the rules' (keep, cut, swap, extend)


def _exact(gold: list[str], names: list[str]) -> bool:
    return len(gold) == len(names) and all(same_name(g, n) for g, n in zip(gold, names))


class Recorder:
    """The sourcing stage, recording the alternatives of each document before it runs:
    (hops, features) pairs, hops as the report's ``Hop`` records after "this article"."""

    def __init__(self, stage):
        self.stage, self.name, self.version = stage, stage.name, stage.version
        self.requires, self.provides = stage.requires, stage.provides
        self.seen: list = []

    def __call__(self, doc):
        from claimscope.stages.sourcing.choose import alternatives
        from claimscope.stages.sourcing.names import Names
        from claimscope.stages.sourcing.route import Chain

        chain = Chain(doc, Names(doc, self.stage.finder)).build()
        if chain.circular is None and chain.claim is not None:
            options = alternatives(chain)
        else:  # a loop: the rules' chain is kept, the only option
            options = [(chain.hops, {"edit=keep": 1.0})]
        self.seen = [([s.hop((), doc.language) for s in hops], f) for hops, f in options]
        return self.stage(doc)


def rows_of(view: str) -> list[dict]:
    """One record per article: its id, split, gold chain and recorded alternatives."""
    import dataclasses

    from claimscope import Analyzer, Settings, ingest
    from claimscope.pipeline import Pipeline

    analyzer = Analyzer(Settings(matching=False))
    stages = list(analyzer.pipeline.stages)
    gold = None
    if view == "gold":
        from eval_chain_gold import GoldAttributions
        gold = GoldAttributions()
        stages = [gold if "attributions" in s.provides else s for s in stages]
    recorder = Recorder(next(s for s in stages if s.name == "sourcing"))
    analyzer.pipeline = Pipeline([recorder if s.name == "sourcing" else s for s in stages])
    out = []
    for row in load():
        if gold is not None:
            gold.row = row
        article = ingest.from_text(row["text"])
        analyzer.analyze(dataclasses.replace(article, meta=dataclasses.replace(article.meta, date=row.get("date"))))
        out.append({"id": row["id"], "split": row["split"], "view": view, "gold": row["sourcing_chain"],
                    "options": [{"names": n, "features": f, "label": int(_exact(row["sourcing_chain"], n))}
                                for n, f in ((["this article", *(h.name for h in hops)], f)
                                             for hops, f in recorder.seen)]})
    return out


def rows_of_devset() -> list[dict]:
    """The same records for the project's own sourcing dev set (``devsets/sourcing``, own
    text): its ``heldout`` articles stay out of the fit, the others are dev rows."""
    from eval_sourcing import (Article, AttributionStage, ClaimsStage, Language, Meta, Pipeline, Segment, Sourcing,
                               Traces, hop_key, same_hop)
    from eval_sourcing import load as load_devset

    recorder = Recorder(Sourcing())
    pipeline = Pipeline([Segment(), Language(), Traces(), AttributionStage(), ClaimsStage(), recorder])
    out = []
    for record in load_devset():
        pipeline.run(Article(record["text"], Meta(url=record.get("url"), lang=record.get("lang"))))
        gold = record["chain"]
        options = []
        for hops, f in recorder.seen:
            keys = [hop_key(h) for h in hops]
            right = len(keys) == len(gold) and all(map(same_hop, keys, gold))
            options.append({"names": ["this article", *keys], "features": f, "label": int(right)})
        out.append({"id": "own-" + record["id"], "split": "heldout" if record.get("split") == "heldout" else "dev",
                    "view": "own", "gold": gold, "options": options})
    return out


def records(fresh: bool) -> list[dict]:
    if CACHE.exists() and not fresh:
        return json.loads(CACHE.read_text())
    data = rows_of("ours") + rows_of("gold") + rows_of_devset()
    CACHE.write_text(json.dumps(data, ensure_ascii=False))
    return data


def flatten(recs: list[dict], without: tuple[str, ...] = ()):
    rows, labels, groups = [], [], []
    for r in recs:
        for o in r["options"]:
            rows.append({k: v for k, v in o["features"].items() if not k.startswith(without)})
            labels.append(o["label"])
            groups.append(r["id"])
    return rows, labels, groups


def picked(recs: list[dict], scores: list[float]) -> list[int]:
    """The index of the chosen alternative of every record (the first on a tie)."""
    out, k = [], 0
    for r in recs:
        n = len(r["options"])
        part = scores[k:k + n]
        out.append(max(range(n), key=lambda i: (part[i], -i)) if n else -1)
        k += n
    return out


def report(title: str, recs: list[dict], choice: list[int]) -> None:
    by_view = defaultdict(lambda: [0, 0, 0, 0])
    for r, c in zip(recs, choice):
        tally = by_view[r["view"]]
        tally[0] += 1
        tally[1] += r["options"][0]["label"]
        tally[2] += r["options"][c]["label"]
        tally[3] += any(o["label"] for o in r["options"])
    for view, (n, rule, chosen, oracle) in sorted(by_view.items()):
        print(f"{title:22} {view:5} articles {n:3}  rules {rule / n:.3f}  ranker {chosen / n:.3f}  "
              f"reachable {oracle / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also score the test split")
    parser.add_argument("--cached", action="store_true", help="reuse the rows of the last run")
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    parser.add_argument("--without-rule", action="store_true", help="leave out the edit= features (a ranker "
                        "that does not know which chain is the rules')")
    parser.add_argument("-c", type=float, default=C, help="inverse L2 strength")
    args = parser.parse_args()
    recs = records(not args.cached)
    dev = [r for r in recs if r["split"] == "dev"]
    without = RULE if args.without_rule else ()
    rows, labels, groups = flatten(dev, without)
    ranker = fit(rows, labels, name="chain_end", c=args.c,
                 trained_on=f"dev: {sum(r['view'] == 'ours' for r in dev)} articles by another hand (own and gold "
                            f"attributions), {sum(r['view'] == 'own' for r in dev)} of devsets/sourcing")
    report("dev in-sample", dev, picked(dev, [ranker.score(f) for f in rows]))
    held = leave_one_group_out(rows, labels, groups, name="chain_end", trained_on="", c=args.c)
    report("dev leave-one-out", dev, picked(dev, held))
    heldout = [r for r in recs if r["split"] == "heldout"]
    hrows, _, _ = flatten(heldout, without)
    report("own heldout", heldout, picked(heldout, [ranker.score(f) for f in hrows]))
    if args.test:
        test = [r for r in recs if r["split"] == "test"]
        trows, _, _ = flatten(test, without)
        report("test", test, picked(test, [ranker.score(f) for f in trows]))
    if not args.dry_run:
        ranker.save(OUT)
        print(f"wrote {OUT}")
    print("weights:", ", ".join(f"{k} {v:+.2f}" for k, v in sorted(ranker.weights.items(), key=lambda kv: -abs(kv[1]))[:20]))


if __name__ == "__main__":
    main()
