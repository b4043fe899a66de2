"""Speed of the sourcing stage alone (documents already segmented, attributed and scored).

Reads PolNeAR dev articles from ../shared (English news, 1-8k characters) and prints
milliseconds per document for the sourcing stage, and the registry mention scan alone.
Usage: ``OMP_NUM_THREADS=1 python bench/bench_sourcing.py [N]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimscope.model import Article
from claimscope.outlets.mentions import default_finder
from claimscope.pipeline import Pipeline
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage
from claimscope.stages.language import Language
from claimscope.stages.segment import Segment
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.traces import Traces

TEXTS = Path(__file__).resolve().parent.parent.parent / "shared/data/attribution/polnear/dev/text"


def main() -> None:
    if not TEXTS.is_dir():
        sys.exit(f"{TEXTS} is absent: the benchmark needs ../shared/data")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 84
    before = Pipeline([Segment(), Language(), Traces(), AttributionStage(), ClaimsStage()])
    docs = [before.run(Article(p.read_text(encoding="utf-8"))) for p in sorted(TEXTS.glob("*.txt"))[:n]]
    stage, finder = Sourcing(), default_finder()
    stage(docs[0])  # warm caches
    t0 = time.perf_counter()
    for doc in docs:
        stage(doc)
    t1 = time.perf_counter()
    for doc in docs:
        finder.find(doc.text)
    t2 = time.perf_counter()
    chars = sum(len(d.text) for d in docs)
    print(f"documents\t{len(docs)}\nmean_chars\t{chars // len(docs)}")
    print(f"sourcing_ms_per_doc\t{1000 * (t1 - t0) / len(docs):.2f}")
    print(f"mention_scan_ms_per_doc\t{1000 * (t2 - t1) / len(docs):.2f}")


if __name__ == "__main__":
    main()
