"""Speed of the attribution stage alone (sentences already segmented).

Prints ms per 600-word article and sentences/s over 1,000 generated multilingual
articles (bench/generate.py), and over the PolNeAR test articles when
../shared is present (scaled to 600 words). The stage uses no embedding model
(0 ms of embedding); bench/bench_claims.py times it together with the claims
stage and the embedding model. Usage:

    python bench/bench_attribution.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_attribution import POLNEAR
from generate import TEMPLATES, corpus

from claimscope.model import Article, Document
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.segment import Segment


def timed(docs: list[Document]) -> tuple[float, int, int]:
    """Seconds spent in the stage, sentences and words processed."""
    stage = AttributionStage()
    firsts = {d.language: d for d in reversed(docs)}
    for doc in firsts.values():  # load the tables and lemmatisers outside the timing
        stage(doc)
    start = time.perf_counter()
    for doc in docs:
        stage(doc)
    seconds = time.perf_counter() - start
    return (
        seconds,
        sum(len(d.sentences) for d in docs),
        sum(len(d.text.split()) for d in docs),
    )


def report(name: str, docs: list[Document]) -> None:
    seconds, sentences, words = timed(docs)
    per_600 = seconds / words * 600 * 1000
    print(f"{name}: {len(docs)} articles, {words} words")
    print(f"  ms per 600-word article\t{per_600:.2f}")
    print("  embedding ms per article\t0 (no embedding model in this stage)")
    print(f"  sentences/s\t{sentences / seconds:.0f}")
    print(f"  articles/s\t{len(docs) / seconds:.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    segment = Segment()
    langs = sorted(TEMPLATES)  # corpus() rotates through them in this order
    generated = [
        segment(Document(Article(text), language=langs[i % len(langs)]))
        for i, text in enumerate(corpus(args.articles))
    ]
    report("generated", generated)
    if POLNEAR.is_dir():
        texts = [
            p.read_text(encoding="utf-8")
            for p in sorted((POLNEAR / "test" / "text").glob("*.txt"))
        ]
        report(
            "polnear-test",
            [segment(Document(Article(t), language="en")) for t in texts],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
