"""Throughput of `claimscope batch` with the local engine and with Ray, on generated articles.

Writes --articles generated articles of --words words (``generate.corpus``: our own
templates and word lists, languages in rotation) to a JSONL file, runs the batch over
it with each engine (full stages; fact-check matching only with --db), and prints for
each: its start-up (the engine opened, one warm-up chunk per worker analysed, which loads
every model), then seconds and articles/s over the articles, Ray's rate over the local
one and its overhead (the issue's target: at most 15 % on one machine), and whether
both engines wrote the same reports.

    python bench/bench_batch.py [--articles 2000] [--words 600] [--chunk-size 16] [--engines local,ray] [--one-cpu]

``--one-cpu`` isolates what Ray itself costs (serialising chunks, scheduling, one more
process): one actor against the local engine with one embedding thread. Standard error
gets a progress line about every 5% of a run, with the time left at the rate so far.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import corpus  # noqa: E402

from claimscope.batch import ReportLog, open_engine, run_batch  # noqa: E402
from claimscope.ingest import read_batch  # noqa: E402
from claimscope.settings import Settings  # noqa: E402


def write_articles(path: Path, count: int, words: int, seed: int = 7, prefix: str = "gen") -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(corpus(count, seed=seed, words=words)):
            handle.write(json.dumps({"id": f"{prefix}-{number}", "text": text}, ensure_ascii=False) + "\n")


def _run(engine, batch: Path, out: Path, chunk_size: int, label: str = "", total: int = 0):
    """The batch over ``batch``; with a ``label``, a progress line on standard error about
    every 5% (articles done, rate so far, time left)."""
    started, shown = time.perf_counter(), [0]

    def progress(summary) -> None:
        done = summary.written
        if label and total and (done - shown[0] >= max(total // 20, 1) or done == total):
            shown[0] = done
            rate = done / (time.perf_counter() - started)
            print(f"  {label}: {done}/{total} articles, {rate:.2f}/s, ~{(total - done) / rate / 60:.0f} min left",
                  file=sys.stderr, flush=True)

    with ReportLog(out) as log:
        return run_batch(read_batch(batch), log, engine, chunk_size=chunk_size, on_chunk=progress)


def measure(engine_name: str, folder: Path, settings: Settings, chunk_size: int, words: int, count: int,
            actors: int | None = None) -> dict:
    """Start-up (the engine opened and one chunk per worker analysed, which loads every
    model) and then the timed run over ``articles.jsonl``."""
    start = time.perf_counter()
    if engine_name == "ray" and actors:
        from claimscope.batch.ray_engine import RayEngine

        engine = RayEngine(settings, actors=actors)
    else:
        engine = open_engine(engine_name, settings)
    try:
        warm = folder / f"warm-{engine_name}.jsonl"
        write_articles(warm, chunk_size * len(getattr(engine, "actors", [None])), words, seed=11, prefix="warm")
        _run(engine, warm, folder / f"{engine_name}-warm.jsonl", chunk_size)
        ready = time.perf_counter()
        summary = _run(engine, folder / "articles.jsonl", folder / f"{engine_name}.jsonl", chunk_size,
                       engine_name, count)
        seconds = time.perf_counter() - ready
    finally:
        engine.close()
    return {"articles": summary.written, "failed": summary.failed, "startup": ready - start,
            "seconds": seconds, "rate": summary.written / seconds}


def _reports(path: Path) -> dict:
    return {row["id"]: row.get("report") for row in map(json.loads, path.open(encoding="utf-8"))}


def _differences(one: dict, other: dict, path: str = "") -> list[str]:
    """Where two reports differ (JSON paths), for the rare float that rounds the other way."""
    if isinstance(one, dict) and isinstance(other, dict):
        return [p for key in sorted(set(one) | set(other))
                for p in _differences(one.get(key), other.get(key), f"{path}.{key}")]
    if isinstance(one, list) and isinstance(other, list) and len(one) == len(other):
        return [p for i, (a, b) in enumerate(zip(one, other)) for p in _differences(a, b, f"{path}[{i}]")]
    return [] if one == other else [f"{path}: {one!r} vs {other!r}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--chunk-size", type=int, default=16)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--db", help="a fact-check store to match against (default: no matching)")
    parser.add_argument("--one-cpu", action="store_true",
                        help="Ray's own cost alone: one actor against a local engine with one embedding thread")
    args = parser.parse_args()
    settings = Settings(db=args.db, matching=args.db is not None, embed_workers=1 if args.one_cpu else None)
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_articles(folder / "articles.jsonl", args.articles, args.words)
        print(f"{args.articles} generated articles of {args.words} words, chunks of {args.chunk_size}, "
              f"matching {'on' if settings.matching else 'off'}"
              f"{', one CPU each (1 Ray actor, 1 local embedding thread)' if args.one_cpu else ''}")
        print(f"{'engine':<7}{'start-up s':>11}{'articles':>9}{'failed':>7}{'seconds':>9}{'art/s':>8}")
        results = {}
        for engine in engines:
            result = results[engine] = measure(engine, folder, settings, args.chunk_size, args.words,
                                                 args.articles, actors=1 if args.one_cpu else None)
            print(f"{engine:<7}{result['startup']:>11.1f}{result['articles']:>9}{result['failed']:>7}"
                  f"{result['seconds']:>9.1f}{result['rate']:>8.2f}", flush=True)
        if {"local", "ray"} <= set(results):
            ratio = results["ray"]["rate"] / results["local"]["rate"]
            print(f"ray/local articles/s: {ratio:.2f} (Ray overhead {max(0.0, 1 - ratio):.0%}; target at most 15%)")
            local, ray = _reports(folder / "local.jsonl"), _reports(folder / "ray.jsonl")
            differ = {key: _differences(local[key], ray.get(key)) for key in local if local[key] != ray.get(key)}
            print(f"same reports from both engines: {len(local) - len(differ)} of {len(local)}")
            for key, where in list(differ.items())[:3]:
                print(f"  {key}: {'; '.join(where[:3])}")


if __name__ == "__main__":
    main()
