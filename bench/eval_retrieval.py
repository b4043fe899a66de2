"""Retrieval quality: which fact-check does a text repeat?

Prints, side by side, BM25-only, dense-only and hybrid figures (MAP@5, MRR,
Success@1/5/10) on the CLEF CheckThat! 2020 Task 2 and 2022 Task 2A English test
sets, then the multilingual dev set (devsets/multilingual-claims) against Snopes
(CLEF 2022 vclaims) and EUvsDisinfo together, with the confidence threshold checks.

    .venv/bin/python bench/eval_retrieval.py            # evaluate
    .venv/bin/python bench/eval_retrieval.py --fit      # refit the fusion weights on train

Embeddings are cached in claimscope.embed.cache_path() ($CLAIMSCOPE_EMBCACHE), so
only the first run pays for embedding the collections.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import datetime
from pathlib import Path

import numpy as np

from claimscope.embed import CachedEmbedder, Embedder, cache_path, default_embedder
from claimscope.search.fusion import FEATURES, FusionWeights, date_evidence, fit_listwise, fit_logistic
from claimscope.search.index import MARGIN_RANK, SearchIndex
from claimscope.search.query import post_date
from retrieval_data import SHARED, queries, records

DEVSET = Path(__file__).resolve().parent.parent / "devsets" / "multilingual-claims" / "queries.jsonl"
SEED = SHARED.parent / "seed" / "albu-kamal-fr.txt"
SEED_GOLD = "images-prove-that-the-us-is-cooperating-with-daesh"
SYSTEMS = ("bm25", "dense", "hybrid")


def cached_embedder() -> Embedder:
    """The default embedder behind the evaluation's on-disk cache."""
    return CachedEmbedder(default_embedder(), cache_path())


def open_index(collections: list[str], embedder: Embedder, weights: FusionWeights | None = None) -> SearchIndex:
    """An in-memory index over the named collections."""
    index = SearchIndex(":memory:", embedder, weights)
    for name in collections:
        index.upsert(records(name), batch_size=512)
    return index


def ranking_metrics(ranked: dict[str, list[str]], gold: dict[str, set[str]]) -> dict[str, float]:
    """MAP@5, MRR and Success@1/5/10 of ranked id lists against gold id sets."""
    out = {"map5": 0.0, "mrr": 0.0, "s1": 0.0, "s5": 0.0, "s10": 0.0}
    for qid, ids in ranked.items():
        rel = gold[qid]
        hits, ap = 0, 0.0
        for i, rid in enumerate(ids[:5]):
            if rid in rel:
                hits += 1
                ap += hits / (i + 1)
        out["map5"] += ap / min(len(rel), 5)
        first = next((i for i, rid in enumerate(ids) if rid in rel), None)
        if first is not None:
            out["mrr"] += 1 / (first + 1)
            for n in (1, 5, 10):
                out[f"s{n}"] += first < n
    return {k: round(v / max(len(ranked), 1), 4) for k, v in out.items()}


def _vectors(index: SearchIndex, texts: list[str]) -> np.ndarray:
    return index.embedder.embed_queries([index.prepare(t) for t in texts])


def rankings(index: SearchIndex, pairs: list[tuple[str, str]], k: int = 100) -> dict[str, dict[str, list[str]]]:
    """Ranked record ids per query for each system (bm25, dense, hybrid)."""
    ids = {key: meta.id for key, meta in index._meta.items()}
    out: dict[str, dict[str, list[str]]] = {s: {} for s in SYSTEMS}
    for (qid, text), vec in zip(pairs, _vectors(index, [t for _, t in pairs])):
        out["bm25"][qid] = [ids[key] for key, _ in index.lexical.search(index.prepare(text), k)]
        out["dense"][qid] = [ids[key] for key, _ in index.dense.search(vec, k)]
        hits = index.search(text, k=k, min_confidence=0.0, vector=vec, date=post_date(text))
        out["hybrid"][qid] = [h.id for h in hits]
    return out


def evaluate_clef(collection: str, split: str = "test", embedder: Embedder | None = None) -> dict:
    """Metrics per system on one CLEF collection and split."""
    index = open_index([collection], embedder or cached_embedder())
    pairs, gold = queries(collection, split)
    return {s: ranking_metrics(r, gold) for s, r in rankings(index, pairs).items()}


def load_devset(path: Path = DEVSET) -> list[dict]:
    """The multilingual dev set rows (see devsets/multilingual-claims/README.md)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sentences(text: str) -> list[str]:
    """A plain sentence split, enough to query an article claim by claim."""
    return [s for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if len(s.split()) >= 4]


def evaluate_multilingual(embedder: Embedder | None = None) -> dict:
    """Dev set figures: ranking per language group, threshold behaviour, articles, seed."""
    index = open_index(["clef2022", "euvsdisinfo"], embedder or cached_embedder())
    rows = load_devset()
    claims = [r for r in rows if r["kind"] == "claim"]
    pairs = [(r["id"], r["text"]) for r in claims]
    gold = {r["id"]: set(r["gold"]) for r in claims}
    ranked = rankings(index, pairs)
    out = {s: ranking_metrics(r, gold) for s, r in ranked.items()}
    kept = 0
    for (qid, text), vec in zip(pairs, _vectors(index, [t for _, t in pairs])):
        hits = index.search(text, k=10, vector=vec)
        kept += any(h.id in gold[qid] for h in hits)
    out["matches_above_threshold"] = round(kept / len(claims), 4)
    nomatch = [r for r in rows if r["kind"] == "nomatch"]
    empty = sum(not index.search(r["text"], k=10) for r in nomatch)
    out["nomatch_empty"] = round(empty / len(nomatch), 4)
    out["articles"] = _articles(index, [r for r in rows if r["kind"] == "article"])
    if SEED.exists():
        seed = {"text": SEED.read_text(encoding="utf-8"), "gold": _seed_gold(index)}
        out["seed"] = _articles(index, [seed])
    return out


def _seed_gold(index: SearchIndex) -> list[str]:
    return [m.id for m in index._meta.values() if SEED_GOLD in m.id]


_DATELINE = re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})\b")


def article_date(text: str) -> str:
    """The ISO date of an English dateline ("November 14, 2017") near the top, or ""."""
    match = _DATELINE.search(text[:400])
    try:
        return datetime.strptime(match.group(1), "%B %d, %Y").date().isoformat() if match else ""
    except ValueError:
        return ""


def _articles(index: SearchIndex, rows: list[dict]) -> dict[str, float]:
    top1 = clean = 0
    for row in rows:
        date = row.get("date") or article_date(row["text"])
        hits = index.search_many(sentences(row["text"]), k=10, date=date)
        top1 += bool(hits) and hits[0][0].id in row["gold"]
        clean += all(h.id in row["gold"] for h, _ in hits)
    return {"top1": round(top1 / len(rows), 4), "no_false_match": round(clean / len(rows), 4)}


def fit(embedder: Embedder | None = None, collections: tuple[str, ...] = ("clef2020", "clef2022")) -> FusionWeights:
    """Fit ranking weights and the confidence model on the CLEF train splits."""
    embedder = embedder or cached_embedder()
    samples = []  # (Candidates, gold keys) per training query
    for collection in collections:
        index = open_index([collection], embedder)
        key_of = {m.id: k for k, m in index._meta.items()}
        pairs, gold = queries(collection, "train")
        for (qid, text), vec in zip(pairs, _vectors(index, [t for _, t in pairs])):
            cands = index.candidates(text, vec, post_date(text))
            samples.append((cands, {key_of[g] for g in gold[qid] if g in key_of}))
    w = fit_listwise([(c.features(), [k in g for k in c.keys]) for c, g in samples])
    rank = {f: round(float(v), 4) for f, v in zip(FEATURES, w)}
    weights = FusionWeights(rank=rank)
    conf_x, conf_y = [], []
    z_col = FEATURES.index("dense_z")
    for cands, gold_keys in samples:
        for c in (cands, cands.without(gold_keys)):  # as is, and as if nobody checked it
            feats = c.features()
            if len(feats) == 0:
                continue
            best = int(np.argmax(weights.score(feats)))
            z = feats[:, z_col]
            ref = np.sort(z)[::-1][min(MARGIN_RANK, len(z)) - 1]
            dated = date_evidence(feats[best : best + 1, FEATURES.index("date_prox")])[0]
            conf_x.append([z[best], z[best] - ref, c.cos[best], dated])
            conf_y.append(c.keys[best] in gold_keys)
    x, y = np.asarray(conf_x), np.asarray(conf_y, dtype=float)
    cw = fit_logistic(x, y)
    p = 1 / (1 + np.exp(-(x @ cw[:-1] + cw[-1])))

    def balanced(t):  # share of true top hits kept + share of unchecked claims emptied
        return ((p >= t) & (y == 1)).sum() / y.sum() + ((p < t) & (y == 0)).sum() / (1 - y).sum()

    threshold = max(np.round(np.linspace(0.05, 0.95, 91), 2), key=balanced)
    return FusionWeights(rank=rank, confidence=tuple(round(float(v), 4) for v in cw), threshold=float(threshold))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true", help="refit and print the fusion weights")
    args = parser.parse_args()
    started = time.time()
    if args.fit:
        print(fit())
        return
    for collection in ("clef2020", "clef2022"):
        for system, m in evaluate_clef(collection).items():
            print(f"{collection} test {system:6s} " + " ".join(f"{k}={v:.4f}" for k, v in m.items()))
    dev = evaluate_multilingual()
    for system in SYSTEMS:
        print(f"multilingual {system:6s} " + " ".join(f"{k}={v:.4f}" for k, v in dev[system].items()))
    for key in ("matches_above_threshold", "nomatch_empty", "articles", "seed"):
        print(f"multilingual {key}: {dev.get(key)}")
    print(f"elapsed {time.time() - started:.1f}s")


if __name__ == "__main__":
    main()
