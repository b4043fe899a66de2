"""Throughput of `claimscope check` (read file, stages, JSON report) on generated articles.

Two pipelines are measured: the foundation (segment, language, traces: text rules only)
on --articles articles, and the full `check` pipeline (adding attribution, check-worthiness
with the embedding model, sourcing) on --full articles. Prints articles/s and words/s for
one process and for a pool of one process per core, per-stage time, and peak memory:

    python bench/bench_pipeline.py [--articles 1000] [--full 100] [--words 600]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import corpus  # noqa: E402

from claimscope import ingest, report  # noqa: E402
from claimscope.model import Document  # noqa: E402
from claimscope.pipeline import Pipeline  # noqa: E402
from claimscope.render import render  # noqa: E402
from claimscope.stages import default_stages, foundation_stages  # noqa: E402

PIPELINES = {"foundation": foundation_stages, "full": default_stages}
_PIPELINE: Pipeline | None = None


def _init(name: str) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline(PIPELINES[name]())


def _check(path: str) -> int:
    view = report.build(_PIPELINE.run(ingest.load(path)))
    return len(render(view, "json"))


def _stage_times(name: str, paths: list[str]) -> dict[str, float]:
    pipeline = Pipeline(PIPELINES[name]())
    totals = {stage.name: 0.0 for stage in pipeline.stages}
    totals["load"] = totals["report"] = 0.0
    for path in paths:
        t = time.perf_counter()
        doc = Document(article=ingest.load(path))
        totals["load"] += time.perf_counter() - t
        for stage in pipeline.stages:
            t = time.perf_counter()
            doc = stage(doc)
            totals[stage.name] += time.perf_counter() - t
        t = time.perf_counter()
        render(report.build(doc), "json")
        totals["report"] += time.perf_counter() - t
    return {name: 1000 * secs / len(paths) for name, secs in totals.items()}


def _measure(name: str, paths: list[str], words: int) -> None:
    print(f"== {name} pipeline: {', '.join(s.name for s in PIPELINES[name]())}")
    _init(name)
    _check(paths[0])  # warm up: load tables and models outside the timing
    start = time.perf_counter()
    for path in paths:
        _check(path)
    single = time.perf_counter() - start
    print(f"1 process : {len(paths) / single:7.1f} articles/s  {words / single:9.0f} words/s")

    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(name,)) as pool:
        list(pool.map(_check, paths[:workers]))
        start = time.perf_counter()
        list(pool.map(_check, paths, chunksize=8))
        multi = time.perf_counter() - start
    print(f"{workers} processes: {len(paths) / multi:7.1f} articles/s  {words / multi:9.0f} words/s")

    sample = paths[: min(200, len(paths))]
    print(f"time per article by stage (ms, 1 process, {len(sample)} articles):")
    for stage, ms in _stage_times(name, sample).items():
        print(f"  {stage:<12} {ms:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--full", type=int, default=100, help="articles for the full pipeline (0: skip)")
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(corpus(args.articles, words=args.words)):
            path = Path(tmp) / f"a{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        counts = [len(Path(p).read_text(encoding="utf-8").split()) for p in paths]
        print(f"{len(paths)} generated articles, {sum(counts) / len(paths):.0f} words each on average")
        _measure("foundation", paths, sum(counts))
        if args.full:
            _measure("full", paths[: args.full], sum(counts[: args.full]))

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {own:.0f} MiB, largest worker {kids:.0f} MiB")


if __name__ == "__main__":
    main()
