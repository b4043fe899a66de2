"""Sourcing quality on the annotated dev set (devsets/sourcing/articles.jsonl, own text).

Each article runs through the real stages (segment, language, traces, attribution,
claims, sourcing) with the language given in the record. Metrics:

- ``chain_exact``: share of articles whose chain after "this article" equals the gold
  chain hop for hop. An outlet hop matches by registry id, an unknown outlet by its
  domain (``domain:x``) or name (``name:x``); a speaker hop (``speaker:x``) matches
  when either name contains the other, ignoring case.
- ``independent_exact``: share of articles with the gold number of independent sources.
- ``flag_precision`` / ``flag_recall``: flags micro-averaged over all articles.

Also printed for the records with ``"split": "heldout"`` alone: articles written after the
rules and never used to tune them.

Usage: ``python bench/eval_sourcing.py [--verbose]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimscope.model import Article, Hop, Meta
from claimscope.pipeline import Pipeline
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage
from claimscope.stages.language import Language
from claimscope.stages.segment import Segment
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.traces import Traces

DEVSET = Path(__file__).resolve().parent.parent / "devsets" / "sourcing" / "articles.jsonl"


def load(path: Path = DEVSET) -> list[dict]:
    """The annotated articles, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def hop_key(hop: Hop) -> str:
    if hop.kind == "speaker":
        return f"speaker:{hop.name}"
    if hop.outlet_id:
        return hop.outlet_id
    return f"domain:{hop.domain}" if hop.domain else f"name:{hop.name}"


def same_hop(predicted: str, gold: str) -> bool:
    if predicted == gold:
        return True
    for prefix in ("speaker:", "name:"):
        if predicted.startswith(prefix) and gold.startswith(prefix):
            p, g = predicted[len(prefix):].casefold(), gold[len(prefix):].casefold()
            return bool(p and g) and (p in g or g in p)
    return False


def analyse(record: dict):
    meta = Meta(url=record.get("url"), lang=record.get("lang"))
    stages = [Segment(), Language(), Traces(), AttributionStage(), ClaimsStage(), Sourcing()]
    (chain,) = Pipeline(stages).run(Article(record["text"], meta)).sourcing
    return chain


def evaluate(records: list[dict] | None = None, verbose: bool = False) -> dict[str, float]:
    """Metrics over ``records`` (the dev set by default)."""
    records = load() if records is None else records
    exact = indep = tp = fp = fn = 0
    for record in records:
        chain = analyse(record)
        hops = [hop_key(h) for h in chain.hops[1:]]
        ok = len(hops) == len(record["chain"]) and all(map(same_hop, hops, record["chain"]))
        flags, gold = {f.kind for f in chain.flags}, set(record["flags"])
        exact += ok
        indep += chain.independent_sources == record["independent_sources"]
        tp, fp, fn = tp + len(flags & gold), fp + len(flags - gold), fn + len(gold - flags)
        if verbose and (not ok or flags != gold or chain.independent_sources != record["independent_sources"]):
            print(f"{record['id']}: chain {hops} (gold {record['chain']}); independent "
                  f"{chain.independent_sources} (gold {record['independent_sources']}); "
                  f"extra flags {sorted(flags - gold)}, missing {sorted(gold - flags)}", file=sys.stderr)
    n = len(records)
    return {
        "sourcing.dev.articles": n,
        "sourcing.dev.chain_exact": round(exact / n, 4),
        "sourcing.dev.independent_exact": round(indep / n, 4),
        "sourcing.dev.flag_precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "sourcing.dev.flag_recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
    }


def main() -> None:
    records = load()
    for name, value in evaluate(records, verbose="--verbose" in sys.argv).items():
        print(f"{name}\t{value}")
    heldout = [r for r in records if r.get("split") == "heldout"]
    for name, value in evaluate(heldout).items():  # written after the rules, never tuned on
        print(f"{name.replace('.dev.', '.heldout.')}\t{value}")


if __name__ == "__main__":
    main()
