"""The single-query verifier of ``search/verify.py``: collected, fitted, measured, written.

Candidates: each dev claim query's first SHOWN hits at any confidence (as ``factchecks
search`` ranks them), as written and as if it named no date, with a label (the record is
gold), the hit's confidence and its token alignment precision (``Verifier.precision``,
centred on the mean piece state of the dev candidates' passages). ``claimscope.ranker``
fits the confidence logit and the precision on the dev split; ``leave_one_group_out``
gives each dev query's held-out figures, printed beside the search threshold's, and the
threshold is the middle of the range of best held-out figures. Written (``--write``) to
``src/claimscope/data/search/verifier.json`` with the centre.

An article verifier on the same lines (the stage's rules, confidences, cosines, score
lead, numbers and names, sentence role, alignment) was measured here and left out: held
out by article on dev and blind-dev it never beat the stage's rules (docs/matching.md).

    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py             # measure on dev (collects once)
    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py --write     # and write the verifier
    OMP_NUM_THREADS=1 .venv/bin/python bench/fit_match_verifier.py --test      # and test figures, once
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

from claimscope.ranker import Ranker, fit, leave_one_group_out

sys.path.insert(0, str(Path(__file__).resolve().parent))

SHOWN = 10


def query_candidates(splits: tuple[str, ...], index, store) -> list[dict]:
    """Each claim query's first SHOWN hits at any confidence, as written (``variant``
    "dated": the periods it names weigh in) and as if it named no date ("undated": the
    verifier must still guard a query without one, as the search threshold does,
    eval_claim_queries.fit)."""
    from eval_claim_queries import load

    from claimscope.search.records import passage_text
    from claimscope.search.sync import to_record

    out = []
    for row in load():
        if row["split"] not in splits:
            continue
        dated = [(h.id, h.confidence) for h in index.search(row["text"], k=SHOWN, min_confidence=0.0)]
        for variant, hits in (("dated", dated), ("undated", undated_hits(index, row["text"]))):
            records = {r.id: r for r in store.get_many([rid for rid, _ in hits])}
            for rank, (rid, conf) in enumerate(hits):
                fc = records[rid]
                out.append({"variant": variant, "group": row["qid"], "split": row["split"], "text": row["text"],
                            "record": passage_text(to_record(fc)), "record_id": rid,
                            "right": (fc.source_ref or fc.id) in row["gold"], "confidence": conf,
                            "rule": conf >= index.weights.threshold, "rank": rank})
    return out


def undated_hits(index, text: str) -> list[tuple[str, float]]:
    """(record id, confidence) of the first SHOWN hits of ``text`` as if it named no date
    (no date proximity, nothing stale), ties in id order as ``search`` breaks them."""
    from claimscope.search.fusion import FEATURES

    cands = index.candidates(text, None, "")
    feats = cands.features()
    feats[:, FEATURES.index("date_prox")] = 0.0
    scores, centred = index.weights.score(feats), cands.centred()
    ids = [index._meta[k].id for k in cands.keys]
    order = sorted(range(len(ids)), key=lambda j: (-scores[j], ids[j]))[:SHOWN]
    return [(ids[j], index.weights.probability({"centred": float(centred[j]), "cosine": float(cands.cos[j])}))
            for j in order]


def add_alignment(rows: list[dict], index) -> list[float]:
    """The alignment precision of every candidate (``search.verify.Verifier``), centred on
    the mean piece state of the dev candidates' passages; returns the centre."""
    from claimscope.search.verify import Verifier

    verifier = Verifier(index.embedder.inner.encoder(), Ranker("collect", {}, meta={"threshold": 0.5, "centre": [0.0]}))
    key_of = {m.id: k for k, m in index._meta.items()}
    passages = index.lexical.passages(sorted({key_of[r["record_id"]] for r in rows}))
    states: dict[tuple[str, bool], np.ndarray] = {}
    for r in rows:
        r["passage"] = passages[key_of[r["record_id"]]]
        for text, is_query in ((r["text"], True), (r["passage"], False)):
            if (text, is_query) not in states:
                states[(text, is_query)] = verifier.content(text, is_query)
    dev = {r["passage"] for r in rows if r["split"] == "dev"}
    verifier.centre = np.vstack([states[(t, False)] for t in sorted(dev) if len(states[(t, False)])]).mean(axis=0)
    for r in rows:
        r["align_precision"] = verifier.precision(states[(r["text"], True)], states[(r["passage"], False)])
    return verifier.centre.tolist()


def collect(splits: tuple[str, ...]) -> dict:
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())
    rows = query_candidates(splits, index, store)
    centre = add_alignment(rows, index)
    return {"rows": rows, "centre": centre, "model": index.embedder.name}


def gold_queries() -> dict[str, tuple[str, bool]]:
    from eval_claim_queries import load

    return {q["qid"]: (q["split"], bool(q["gold"])) for q in load()}


def query_figures(cands: list[dict], split: str, shown) -> tuple[float, float, float]:
    """(S@10, MRR, no-match empty) of what ``factchecks search`` shows when ``shown(hit)``."""
    by: dict[str, list[dict]] = {}
    for c in cands:
        by.setdefault(c["group"], []).append(c)
    s10 = mrr = empty = targets = nomatch = 0
    for qid, (sp, has_case) in gold_queries().items():
        if sp != split:
            continue
        hits = [c for c in sorted(by.get(qid, []), key=lambda c: c["rank"]) if shown(c)]
        if has_case:
            targets += 1
            first = next((i for i, c in enumerate(hits) if c["right"]), None)
            s10 += first is not None
            mrr += 1 / (first + 1) if first is not None else 0.0
        else:
            nomatch += 1
            empty += not hits
    return round(s10 / targets, 3), round(mrr / targets, 3), round(empty / nomatch, 3)


def fit_query_verifier(data: dict, test: bool) -> Ranker:
    """The single-query verifier (``search.verify``) fitted on the dev claim queries' hits,
    each query as written and as if it named no date; its threshold the middle of the
    range whose held-out dev figures over both are best (the smaller of S@10 and no-match
    empty, then MRR), with a query's first VERIFIED hits shown from that threshold on and
    later ones from the search threshold on."""
    from claimscope.search.verify import VERIFIED, features as verifier_features

    rows = data["rows"]
    dev = [r for r in rows if r["split"] == "dev"]
    x = [verifier_features(r["confidence"], r["align_precision"]) for r in dev]
    y, groups = [int(r["right"]) for r in dev], [r["group"] for r in dev]
    held = leave_one_group_out(x, y, groups, name="search-verifier", trained_on="dev", c=1.0)
    model = fit(x, y, name="search-verifier", trained_on="dev", c=1.0)
    for r, s in zip(dev, held):
        r["held"] = 1 / (1 + math.exp(-s))
    for r in rows:
        r["fitted"] = model.probability(verifier_features(r["confidence"], r["align_precision"]))

    def shown(key: str, t: float):
        return lambda r: r[key] >= t if r["rank"] < VERIFIED else r["rule"]

    def both(part: list[dict], split: str, show) -> dict[str, tuple]:
        return {v: query_figures([r for r in part if r["variant"] == v], split, show) for v in ("dated", "undated")}

    def key(figs: dict) -> tuple:
        return min(min(f[0], f[2]) for f in figs.values()), sum(f[1] for f in figs.values())

    grid = [round(t, 2) for t in np.arange(0.05, 0.951, 0.01)]
    scores = {t: key(both(dev, "dev", shown("held", t))) for t in grid}
    best = [t for t in grid if scores[t] == max(scores.values())]
    t = best[len(best) // 2]
    print(f"== queries, confidence and alignment precision ({len(dev)} dev rows, {sum(y)} right)")
    print(f"   weights: {model.weights}, bias {model.bias:.3f}; best held-out range {best[0]:.2f}-{best[-1]:.2f}, threshold {t:.2f}")
    print(f"   S@10, MRR, empty (as written, undated): search threshold (dev) {both(dev, 'dev', lambda r: r['rule'])}")
    print(f"   verifier, dev held out {both(dev, 'dev', shown('held', t))}; fitted {both(dev, 'dev', shown('fitted', t))}")
    if test:
        tq = [r for r in rows if r["split"] == "test"]
        print(f"   test: search threshold {both(tq, 'test', lambda r: r['rule'])}, verifier {both(tq, 'test', shown('fitted', t))}")
    trained = "dev split of ../shared/data/claim-queries, as written and undated (bench/fit_match_verifier.py)"
    return Ranker("search-verifier", model.weights, model.bias, trained,
                  {"threshold": t, "model": data["model"], "c": 1.0, "rows": len(dev),
                   "centre": [round(v, 6) for v in data["centre"]]})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also print the test figures (once, at the end)")
    parser.add_argument("--write", action="store_true", help="write the verifier to the package data")
    parser.add_argument("--recollect", action="store_true", help="search and align again instead of using the cache")
    args = parser.parse_args()
    from claimscope.embed import cache_path
    from claimscope.settings import Settings

    cached = cache_path(Settings.from_env().embedding_cache).with_name("query-verifier-candidates.json")
    if args.recollect or not cached.exists():
        cached.write_text(json.dumps(collect(("dev", "test")), ensure_ascii=False), encoding="utf-8")
    verifier = fit_query_verifier(json.loads(cached.read_text(encoding="utf-8")), args.test)
    if args.write:
        from claimscope.search.verify import FILE

        verifier.save(Path(__file__).resolve().parent.parent / "src" / "claimscope" / "data" / FILE)


if __name__ == "__main__":
    main()
