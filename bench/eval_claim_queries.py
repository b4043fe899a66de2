"""What ``claimscope factchecks search`` shows for cross-lingual queries written by another
hand (``../shared/data/claim-queries``: 150 short texts in 10 languages, gold Snopes vclaim
ids or EUvsDisinfo case URLs, and no-match queries), dev and test split side by side.

Searched as the command does (the hybrid index over the evaluation store of
bench/factcheck_corpus.py: Snopes CLEF 2022 vclaims and EUvsDisinfo cases; no date, no
filter, the calibrated threshold, the first 10 shown). Per split and per language:

- ``s10``: target queries with a gold record among what is shown (above the threshold);
- ``mrr``: mean reciprocal rank of the first gold record among what is shown (0 if none);
- ``empty``: no-match queries for which nothing is shown;
- ``rank_s10``: target queries with a gold record in the first 10 whatever the confidence
  (the ranking alone).

    .venv/bin/python bench/eval_claim_queries.py
    .venv/bin/python bench/eval_claim_queries.py --threshold 0.3   # what another threshold shows
    .venv/bin/python bench/eval_claim_queries.py --calibrate       # the balanced threshold on dev

The first run builds the evaluation store and embeds it (bench/eval_articles.py shares it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval_data import SHARED  # noqa: E402

QUERIES = SHARED / "claim-queries" / "queries.jsonl"
SHOWN = 10  # `factchecks search` shows 10 results by default


def load(path: Path = QUERIES) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def ranked_hits(rows: list[dict]) -> dict[str, list[tuple[str, float]]]:
    """Per query id: (source ref, confidence) of its first ``SHOWN`` hits at any confidence."""
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())
    vectors = index.embedder.embed_queries([index.prepare(r["text"]) for r in rows])
    out = {}
    for row, vec in zip(rows, vectors):
        hits = index.search(row["text"], k=SHOWN, min_confidence=0.0, vector=vec)
        refs = {r.id: r.source_ref or r.id for r in store.get_many([h.id for h in hits])}
        out[row["qid"]] = [(refs.get(h.id, h.id), h.confidence) for h in hits]
    return out


def figures(rows: list[dict], hits: dict[str, list[tuple[str, float]]], threshold: float) -> dict[str, float | None]:
    """s10, mrr, empty and rank_s10 (module docstring) over ``rows``."""
    targets = [r for r in rows if r["gold"]]
    nomatch = [r for r in rows if not r["gold"]]
    s10 = mrr = rank = 0.0
    for r in targets:
        ranked = [ref for ref, _ in hits[r["qid"]]]
        shown = [ref for ref, c in hits[r["qid"]] if c >= threshold]
        first = next((i for i, ref in enumerate(shown) if ref in r["gold"]), None)
        s10 += first is not None
        mrr += 1 / (first + 1) if first is not None else 0.0
        rank += any(ref in r["gold"] for ref in ranked)
    empty = sum(all(c < threshold for _, c in hits[r["qid"]]) for r in nomatch)

    def ratio(a, b):
        return round(a / b, 3) if b else None

    return {"s10": ratio(s10, len(targets)), "mrr": ratio(mrr, len(targets)),
            "empty": ratio(empty, len(nomatch)), "rank_s10": ratio(rank, len(targets)),
            "targets": len(targets), "nomatch": len(nomatch)}


def table(rows: list[dict], hits: dict, threshold: float) -> None:
    """One line per language (and all), dev and test side by side."""
    keys = ("s10", "mrr", "empty", "rank_s10")
    print(f"threshold {threshold:.3f}")
    print(f"{'lang':6}" + "".join(f"{'dev ' + k:>13}" for k in keys) + "".join(f"{'test ' + k:>14}" for k in keys))
    groups = defaultdict(list)
    for r in rows:
        groups[r["lang"]].append(r)
    for lang in ["all", *sorted(groups)]:
        part = rows if lang == "all" else groups[lang]
        cells = []
        for split in ("dev", "test"):
            f = figures([r for r in part if r["split"] == split], hits, threshold)
            cells += [("–" if f[k] is None else f"{f[k]:.3f}").rjust(13 + (split == "test")) for k in keys]
        print(f"{lang:6}" + "".join(cells))


def calibrate(rows: list[dict], hits: dict) -> float:
    """The dev threshold balancing target queries shown their gold record against no-match
    queries left empty (``eval_retrieval._balanced_threshold``)."""
    from eval_retrieval import _balanced_threshold

    dev = [r for r in rows if r["split"] == "dev"]
    kept = [max([c for ref, c in hits[r["qid"]] if ref in r["gold"]] or [0.0]) for r in dev if r["gold"]]
    worst = [max([c for _, c in hits[r["qid"]]] or [0.0]) for r in dev if not r["gold"]]
    return _balanced_threshold(kept, worst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="show above this confidence instead")
    parser.add_argument("--calibrate", action="store_true", help="print the balanced threshold on dev too")
    args = parser.parse_args()
    if not QUERIES.exists():
        sys.exit(f"{QUERIES} is absent: the shared evaluation data is not on this machine")
    from claimscope.search.fusion import FusionWeights

    rows = load()
    hits = ranked_hits(rows)
    threshold = FusionWeights().threshold if args.threshold is None else args.threshold
    table(rows, hits, threshold)
    if args.calibrate:
        print(f"balanced threshold on dev: {calibrate(rows, hits):.3f}")


if __name__ == "__main__":
    main()
