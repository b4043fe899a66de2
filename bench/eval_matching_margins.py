"""How far right and wrong fact-check matches stand from the bars that report them, per part
of the tuned articles: numbers only, no text, so a part kept for scoring stays unread.

    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_matching_margins.py                 # dev, blind-dev
    OMP_NUM_THREADS=1 .venv/bin/python bench/eval_matching_margins.py A.jsonl B.jsonl  # dev and each file

Every merged hit of an article (its first POOL) gets a margin: its confidence minus the bar
that applies, in logits (the article threshold for a front finder that agrees, the body bar
for one sentence on its own; ``eval_matching_cases.margin``). Per part: the weakest right
hit reported (its margin, at least 0) and the strongest wrong candidate not reported but
for the bars (a rival of a more confident match is left out: ``without_rivals`` holds it
back at any margin); the gap between them is what a held-out article can cross. Also the
strongest wrong candidate "raw" (the agreement checks not applied). Only splits one may tune
on are read (never a test split).
"""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_articles import ARTICLES, BLIND, _corpus, load, match_ref, readable  # noqa: E402
from eval_matching_cases import hit_margin, record_id  # noqa: E402

from claimscope import Analyzer, Settings, ingest  # noqa: E402
from claimscope.stages import matching as M  # noqa: E402

POOL = 30


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def part_margins(rows: list[dict], res, analyzer, stage) -> dict:
    """{"right": [margins of right hits reported], "wrong": [...], "wrong_raw": [...]}, in logits."""
    weights = res.index.weights
    out = {"right": [], "wrong": [], "wrong_raw": []}
    for row in rows:
        article = ingest.from_text(row["text"])
        doc = analyzer.analyze(dataclasses.replace(article, meta=dataclasses.replace(article.meta, date=row.get("date")))).document
        reported = {record_id(match_ref(dataclasses.asdict(m))) for m in doc.matches}
        gold = {record_id(g) for g in row["factcheck_matches"]}
        chosen = M.query_sentences(doc)
        if not chosen:
            continue
        hits = res.index.search_articles([stage._query(doc, chosen)], k=POOL, min_confidence=0.0)[0]
        records = {r.id: r for r in res.store.get_many([h.id for h, _ in hits])}
        for hit, i in hits:
            kept, raw = hit_margin(doc, chosen, hit, i, records[hit.id], weights, logit)
            if hit.id in gold:
                if hit.id in reported:
                    out["right"].append(kept)
            elif hit.id in reported or kept < 0:
                out["wrong"].append(kept)
                out["wrong_raw"].append(raw)
    return out


def main() -> None:
    parts = {"dev": [r for r in load(ARTICLES) if r["split"] == "dev"]}
    files = [Path(p) for p in sys.argv[1:]]
    if files:
        for path in files:
            parts[path.stem] = [r for r in load(path) if readable(r["split"])]
    else:
        parts["blind-dev"] = [r for r in load(BLIND) if readable(r["split"])]
    res = _corpus()
    analyzer = Analyzer(Settings(matching=True), resources=res)
    stage = M.Matching(store=res.store, index=res.index)
    for name, rows in parts.items():
        m = part_margins(rows, res, analyzer, stage)
        right, wrong, raw = sorted(m["right"]), sorted(m["wrong"], reverse=True), sorted(m["wrong_raw"], reverse=True)
        print(f"{name}: {len(rows)} articles; right reported {len(right)}, weakest {[round(x, 2) for x in right[:3]]}; "
              f"wrong reported {sum(x >= 0 for x in wrong)}, strongest wrong {[round(x, 2) for x in wrong[:3]]}, "
              f"raw {[round(x, 2) for x in raw[:3]]}; gap {round((right[0] if right else 0) - (wrong[0] if wrong else 0), 2)}")


if __name__ == "__main__":
    main()
