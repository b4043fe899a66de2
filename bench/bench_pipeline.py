"""Throughput of the library and the command, with fact-check matching (issue 13).

Prints, for the articles of ../shared/data/articles (generated articles when absent)
checked against a fact-check store (default: the evaluation store of Snopes and
EUvsDisinfo records that bench/eval_articles.py builds, about 25,000 records):

- articles/s of ``Analyzer.analyze_many`` (batched) and of ``analyze`` one at a time,
  and whether every report of the batched run is the one-at-a-time report;
- CPU time per article by stage (and the load average: on a shared machine wall time
  says more about the neighbours than about claimscope);
- what the encoder is given per article, by stage (texts and tokens; texts encoded twice);
- the encoder alone on the same sentences, one thread: CPU per sentence, tokens per
  sentence and arithmetic rate (the floor under the claims stage: docs/encoder.md);
- the wall and CPU time of ``claimscope check`` of one 600-word article in a new
  process (medians of --cold runs, after one run that fills the encoder's graph cache
  and the bytecode cache, with the load average before and after: on a shared machine
  compare CPU time);
- peak memory of this process.

    python bench/bench_pipeline.py [--db STORE] [--limit N] [--cold 5]   # --limit 0: only the cold check
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import corpus  # noqa: E402

from claimscope import Analyzer, Article, Meta, Settings  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "articles" / "articles.jsonl"


def articles(limit: int) -> list[Article]:
    if ARTICLES.exists():
        rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [Article(r["text"], Meta(title=r.get("title"), date=r.get("date"))) for r in rows][:limit]
    return [Article(text) for text in corpus(min(limit, 54), words=343)]


def default_db() -> str | None:
    from claimscope.embed import cache_path
    from claimscope.settings import Settings

    path = cache_path(Settings.from_env().embedding_cache).with_name("eval-factchecks-v1.sqlite")  # bench/factcheck_corpus.py
    return str(path) if path.exists() else None


def rate(run, items: list) -> tuple[float, float, list]:
    """(articles per wall second, CPU seconds per article, results)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = run(items)
    return len(items) / (time.perf_counter() - wall), (time.process_time() - cpu) / len(items), out


def stage_times(analyzer: Analyzer, items: list[Article]) -> dict[str, float]:
    """CPU milliseconds per article in each stage, one article at a time."""
    totals = {stage.name: 0.0 for stage in analyzer.pipeline.stages}
    for article in items:
        doc = analyzer._document(article)
        for stage in analyzer.pipeline.stages:
            cpu = time.process_time()
            doc = stage(doc)
            totals[stage.name] += time.process_time() - cpu
    return {name: 1000 * secs / len(items) for name, secs in totals.items()}


def encoded(analyzer: Analyzer, items: list[Article]) -> tuple[dict[str, tuple[float, float]], int]:
    """Per stage that embeds, (texts, tokens) encoded per article; and how many texts were
    encoded more than once; over one ``analyze_many`` of ``items`` (counted at the embedder)."""
    embedder = analyzer.resources.embedder
    encoder = embedder.encoder()
    seen: dict[tuple[bool, str], int] = {}
    where: dict[str, tuple[int, int]] = {}

    def counting(method, is_query):
        def embed(texts):
            frame, stage = sys._getframe(1), "?"
            while frame is not None and stage == "?":
                owner = frame.f_locals.get("self")
                stage = owner.name if hasattr(owner, "provides") else "?"
                frame = frame.f_back
            n, tokens = where.get(stage, (0, 0))
            where[stage] = (n + len(texts), tokens + sum(encoder.token_count(t, is_query) for t in texts))
            for t in texts:
                seen[(is_query, t)] = seen.get((is_query, t), 0) + 1
            return method(texts)
        return embed

    embedder.embed_queries = counting(embedder.embed_queries, True)
    embedder.embed_passages = counting(embedder.embed_passages, False)
    try:
        list(analyzer.analyze_many(items))
    finally:
        del embedder.embed_queries, embedder.embed_passages
    per_article = {stage: (n / len(items), tokens / len(items)) for stage, (n, tokens) in where.items()}
    return per_article, sum(n - 1 for n in seen.values())


def encoder_alone(analyzer: Analyzer, items: list[Article]) -> tuple[int, float, float, float]:
    """(sentences, CPU ms per sentence, tokens per sentence, GFLOP/s) of the encoder on
    one thread over the sentences of ``items``, as the claims stage embeds them."""
    from claimscope.stages.claims import sentence_text

    segment = next(stage for stage in analyzer.pipeline.stages if stage.name == "segment")
    docs = [segment(analyzer._document(a)) for a in items]
    texts = [sentence_text(doc, i) for doc in docs for i in range(len(doc.sentences))]
    encoder = analyzer.resources.embedder.encoder()
    tokens = sum(encoder.token_count(t, is_query=True) for t in texts) / len(texts)
    cpu = time.process_time()
    encoder.encode(texts, True)
    seconds = (time.process_time() - cpu) / len(texts)
    flops = 2 * encoder.layers * (4 * encoder.dim**2 + 2 * encoder.dim * 4 * encoder.dim) * tokens  # weights only
    return len(texts), 1000 * seconds, tokens, flops / seconds / 1e9


def cold_check(db: str | None, runs: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds of `claimscope check` of one 600-word article in a new
    process (CPU: user and system time of the process and its threads). The command runs
    as an installed one would: its bytecode cached (PYTHONDONTWRITEBYTECODE, set on the
    development machine, is dropped, so the first run writes ``__pycache__``; compiling
    the package's sources at every start cost about 0.1 s of CPU)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(corpus(1, seed=11, words=600)[0], encoding="utf-8")
        command = [sys.executable, "-m", "claimscope.cli", "check", str(path), "--format", "json"]
        command += ["--db", db] if db else ["--no-matching"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        walls, cpus = [], []
        for n in range(runs + 1):  # the first run fills the graph cache
            start, used = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
            if n:
                walls.append(time.perf_counter() - start)
                cpus.append(_children_cpu() - used)
    return statistics.median(walls), statistics.median(cpus)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def throughput(db: str | None, limit: int) -> None:
    """Print articles/s, CPU per stage and what the encoder is given, over ``limit`` articles."""
    items = articles(limit)
    words = sum(len(a.text.split()) for a in items) / len(items)
    with Analyzer(Settings(db=db)) as analyzer:
        index = analyzer.resources.index
        print(f"{len(items)} articles, {words:.0f} words on average; fact-check index: "
              f"{len(index) if index is not None else 'none'} records ({db})")
        for article in items:  # warm up: every language's tables, the model
            analyzer.analyze(article)
        many_rate, many_cpu, many = rate(lambda xs: [r.data for r in analyzer.analyze_many(xs)], items)
        one_rate, one_cpu, one = rate(lambda xs: [analyzer.analyze(a).data for a in xs], items)
        same = sum(a == b for a, b in zip(many, one))
        print(f"analyze_many : {many_rate:6.2f} articles/s  ({many_cpu * 1000:.0f} ms CPU per article)")
        print(f"analyze      : {one_rate:6.2f} articles/s  ({one_cpu * 1000:.0f} ms CPU per article)")
        print(f"reports unchanged by batching: {same}/{len(items)}")
        print("CPU time per article by stage (ms):")
        for name, ms in stage_times(analyzer, items).items():
            print(f"  {name:<12} {ms:7.1f}")
        per_stage, again = encoded(analyzer, items)
        for stage, (texts, tokens) in per_stage.items():
            print(f"encoded by {stage}: {texts:.1f} texts, {tokens:.0f} tokens per article")
        print(f"texts encoded more than once in one analyze_many: {again}")
        n, ms, tokens, gflops = encoder_alone(analyzer, items)
        print(f"encoder alone, one thread: {ms:.1f} ms CPU per sentence ({n} sentences, {tokens:.0f} tokens "
              f"each, {gflops:.0f} GFLOP/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=default_db(), help="fact-check store (default: the evaluation store)")
    parser.add_argument("--limit", type=int, default=54, help="articles to analyse (0: only the cold check)")
    parser.add_argument("--cold", type=int, default=5, help="cold-process check runs (0: skip)")
    args = parser.parse_args()

    if args.limit:
        throughput(args.db, args.limit)
    if args.cold:
        before = os.getloadavg()[0]
        wall, cpu = cold_check(args.db, args.cold)
        print(f"cold `claimscope check` of a 600-word article: {wall:.2f} s wall, {cpu:.2f} s CPU (medians of "
              f"{args.cold}; load average {before:.1f} before, {os.getloadavg()[0]:.1f} after)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
