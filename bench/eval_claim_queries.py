"""What ``claimscope factchecks search`` shows for cross-lingual queries written by another
hand (``../shared/data/claim-queries``: 150 short texts in 10 languages, gold Snopes vclaim
ids or EUvsDisinfo case URLs, and no-match queries), dev and test split side by side.

Searched as the command does (the hybrid index over the evaluation store of
bench/factcheck_corpus.py: Snopes CLEF 2022 vclaims and EUvsDisinfo cases; no date, no
filter, the calibrated threshold, the first 10 shown, the first three verified:
search/verify.py). Per split and per language:

- ``s10``: target queries with a gold record among what is shown (above the threshold);
- ``mrr``: mean reciprocal rank of the first gold record among what is shown (0 if none);
- ``empty``: no-match queries for which nothing is shown;
- ``rank_s10``: target queries with a gold record in the first 10 whatever the confidence
  (the ranking alone).

    .venv/bin/python bench/eval_claim_queries.py
    .venv/bin/python bench/eval_claim_queries.py --threshold 0.3   # what another threshold shows
    .venv/bin/python bench/eval_claim_queries.py --fit             # refit on dev (``fit``), then measure

The first run builds the evaluation store and embeds it (bench/eval_articles.py shares it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval_data import SHARED  # noqa: E402

QUERIES = SHARED / "claim-queries" / "queries.jsonl"
SHOWN = 10  # `factchecks search` shows 10 results by default


def load(path: Path = QUERIES) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def ranked_hits(rows: list[dict]) -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[str]]]:
    """Per query id: (source ref, confidence) of its first ``SHOWN`` hits at any confidence,
    and the source refs of what the search shows (its default threshold, the first hits
    verified: search/verify.py)."""
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())
    vectors = index.embedder.embed_queries([index.prepare(r["text"]) for r in rows])
    ranked, shown = {}, {}
    for row, vec in zip(rows, vectors):
        hits = index.search(row["text"], k=SHOWN, min_confidence=0.0, vector=vec)
        seen = index.search(row["text"], k=SHOWN, vector=vec)
        refs = {r.id: r.source_ref or r.id for r in store.get_many([h.id for h in hits + seen])}
        ranked[row["qid"]] = [(refs.get(h.id, h.id), h.confidence) for h in hits]
        shown[row["qid"]] = [refs.get(h.id, h.id) for h in seen]
    return ranked, shown


def figures(rows: list[dict], hits: dict[str, list[tuple[str, float]]], shown: dict[str, list[str]]) -> dict[str, float | None]:
    """s10, mrr, empty and rank_s10 (module docstring) over ``rows``: ``hits`` ranked at any
    confidence, ``shown`` what the search shows."""
    targets = [r for r in rows if r["gold"]]
    nomatch = [r for r in rows if not r["gold"]]
    s10 = mrr = rank = 0.0
    for r in targets:
        ranked = [ref for ref, _ in hits[r["qid"]]]
        first = next((i for i, ref in enumerate(shown[r["qid"]]) if ref in r["gold"]), None)
        s10 += first is not None
        mrr += 1 / (first + 1) if first is not None else 0.0
        rank += any(ref in r["gold"] for ref in ranked)
    empty = sum(not shown[r["qid"]] for r in nomatch)

    def ratio(a, b):
        return round(a / b, 3) if b else None

    return {"s10": ratio(s10, len(targets)), "mrr": ratio(mrr, len(targets)),
            "empty": ratio(empty, len(nomatch)), "rank_s10": ratio(rank, len(targets)),
            "targets": len(targets), "nomatch": len(nomatch)}


def table(rows: list[dict], hits: dict, shown: dict, title: str) -> None:
    """One line per language (and all), dev and test side by side; then the dev-test gap."""
    keys = ("s10", "mrr", "empty", "rank_s10")
    print(title)
    print(f"{'lang':6}" + "".join(f"{'dev ' + k:>13}" for k in keys) + "".join(f"{'test ' + k:>14}" for k in keys))
    groups = defaultdict(list)
    for r in rows:
        groups[r["lang"]].append(r)
    for lang in ["all", *sorted(groups)]:
        part = rows if lang == "all" else groups[lang]
        cells = []
        for split in ("dev", "test"):
            f = figures([r for r in part if r["split"] == split], hits, shown)
            cells += [("–" if f[k] is None else f"{f[k]:.3f}").rjust(13 + (split == "test")) for k in keys]
        print(f"{lang:6}" + "".join(cells))
    dev, test = (figures([r for r in rows if r["split"] == split], hits, shown) for split in ("dev", "test"))
    print("gap (test - dev), all languages: " + ", ".join(f"{k} {test[k] - dev[k]:+.3f}" for k in keys))


def _top_evidence(index, cands, gold_keys: set[int], dated: bool) -> tuple[list[dict], list[bool]]:
    """Evidence and gold label of the first ``SHOWN`` candidates as ``search`` ranks them;
    ``dated=False``: as if the text named no date (no date proximity, nothing stale)."""
    from claimscope.search.fusion import FEATURES, date_evidence

    feats = cands.features()
    if not dated:
        feats[:, FEATURES.index("date_prox")] = 0.0
    order = np.argsort(-index.weights.score(feats))[:SHOWN]
    centred, dates = cands.centred(), date_evidence(feats[:, FEATURES.index("date_prox")])
    evidence = [{"centred": float(centred[i]), "cosine": float(cands.cos[i]), "date": float(dates[i]),
                 "stale": float(cands.stale[i]) if dated else 0.0} for i in order]
    return evidence, [cands.keys[i] in gold_keys for i in order]


def fit(rows: list[dict]) -> dict:
    """Refit on the dev split: the single-query confidence model's ``stale`` weight and
    intercept (its other weights fixed as eval_retrieval.py --fit made them), over each
    query's top hit, and for target queries also the top hit once their gold records are
    taken out (the "nobody checked this" case); then the threshold balancing target
    queries shown their gold record against no-match queries left empty
    (``eval_retrieval._balanced_threshold``), over the queries as written and the same
    queries as if they named no date, so that the threshold still guards a query without
    one. Returns the new values of ``confidence`` and ``threshold``."""
    from eval_retrieval import _balanced_threshold, cached_embedder
    from factcheck_corpus import open_corpus

    from claimscope.search.fusion import fit_logistic

    store, index = open_corpus(cached_embedder())
    key_of = {m.id: k for k, m in index._meta.items()}
    ref_of = {r.source_ref: r.id for r in store.get_many(list(key_of))}
    dev = [r for r in rows if r["split"] == "dev"]
    vectors = index.embedder.embed_queries([index.prepare(r["text"]) for r in dev])
    weights = dict(index.weights.confidence)
    samples, labels = [], []
    tops = []  # per query: its candidates and gold keys
    for row, vec in zip(dev, vectors):
        cands = index.candidates(row["text"], vec, "")
        gold = {key_of[ref_of[g]] for g in row["gold"] if g in ref_of}
        tops.append((cands, gold, bool(row["gold"])))
        for c in (cands, cands.without(gold)) if gold else (cands,):
            evidence, hit = _top_evidence(index, c, gold, dated=True)
            samples.append(evidence[0])
            labels.append(hit[0])
    offset = [weights["bias"] + sum(w * e[k] for k, w in weights.items() if k not in ("bias", "stale")) for e in samples]
    stale, shift = fit_logistic([[e["stale"]] for e in samples], labels, offset=offset)
    weights.update(stale=round(float(stale), 4), bias=round(weights["bias"] + float(shift), 4))
    index.weights = replace(index.weights, confidence=weights)
    kept, worst = [], []
    for cands, gold, target in tops:
        for dated in (True, False):
            evidence, hit = _top_evidence(index, cands, gold, dated)
            conf = [index.weights.probability(e) for e in evidence]
            if target:
                kept.append(max([c for c, h in zip(conf, hit) if h] or [0.0]))
            else:
                worst.append(max(conf or [0.0]))
    return {"confidence": weights, "threshold": _balanced_threshold(kept, worst)}


def write_fit(fitted: dict) -> None:
    """Store the fitted values in the versioned weights file (``fusion.WEIGHTS_FILE``)."""
    from claimscope.search.fusion import WEIGHTS_FILE

    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data.update(fitted)
    WEIGHTS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="show above this confidence instead")
    parser.add_argument("--fit", action="store_true",
                        help="refit the stale weight, intercept and threshold on dev, write them to the weights file")
    args = parser.parse_args()
    if not QUERIES.exists():
        sys.exit(f"{QUERIES} is absent: the shared evaluation data is not on this machine")
    from claimscope.search.fusion import FusionWeights, _fitted

    rows = load()
    if args.fit:
        fitted = fit(rows)
        write_fit(fitted)
        _fitted.cache_clear()
        print(f"written: {json.dumps(fitted)}")
    hits, shown = ranked_hits(rows)
    if args.threshold is None:
        table(rows, hits, shown, f"what the search shows: threshold {FusionWeights().threshold:.3f}, first hits verified")
    else:
        above = {q: [ref for ref, c in found if c >= args.threshold] for q, found in hits.items()}
        table(rows, hits, above, f"hits from confidence {args.threshold:.3f} on, none verified")


if __name__ == "__main__":
    main()
