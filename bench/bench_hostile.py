"""`claimscope check` over the hostile corpus (tests/fuzz/corpus.py): time per MB and peak memory.

Each case runs as the real command in its own child process; the child's wall time and
peak resident memory (``os.wait4`` rusage) are measured. The start-up cost (Python, the
embedding model, a one-line article) is measured the same way and taken off, so that
"time per MB" is what the input itself costs. Prints one row per case, then the worst
time per MB over the inputs of at least 1 MB, the slowest case, and the peak memory of
the largest accepted input:

    python bench/bench_hostile.py [--small]     # --small: without the two 16 MiB inputs
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fuzz.corpus import Case, cases  # noqa: E402

MB = 2**20


def run(case: Case, folder: Path) -> tuple[float, float, int]:
    """(seconds, peak MB, exit status) of ``claimscope check`` on ``case`` in a child process."""
    path = case.write(folder)
    if case.batch:
        args = ["--batch", str(path), "--out", str(folder / "out.jsonl")]
    else:
        args = [str(path), "--format", "json", "--out", str(folder / "out.json")]
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "claimscope.cli", "check", *args],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 2) or "Traceback" in err:
        print(f"  !! {case.name}: exit {code}: {err.strip()[:300]}")
    return seconds, usage.ru_maxrss / 1024, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="leave out the two inputs just under 16 MiB")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        startup, startup_peak, _ = run(Case("startup", ".txt", b"The ferry left at noon.\n"), folder)
        print(f"start-up (one-line article): {startup:.1f} s, {startup_peak:.0f} MB")
        print(f"{'case':28s} {'size MB':>8s} {'exit':>4s} {'s':>7s} {'s/MB*':>7s} {'peak MB':>8s}")
        rows = []
        for case in cases(large=not options.small):
            seconds, peak, code = run(case, folder)
            size = len(case.data) / MB
            per_mb = max(seconds - startup, 0) / size
            rows.append((case, size, code, seconds, per_mb, peak))
            shown = f"{per_mb:7.2f}" if size >= 0.1 else f"{'-':>7s}"
            print(f"{case.name:28s} {size:8.2f} {code:4d} {seconds:7.1f} {shown} {peak:8.0f}", flush=True)
    print("* seconds beyond the start-up, per MB of input (from 0.1 MB: below, the work limit's constant dominates)")
    big = [row for row in rows if row[1] >= 1]
    if big:
        worst = max(big, key=lambda row: row[4])
        print(f"worst time per MB (inputs of 1 MB or more): {worst[4]:.2f} s/MB ({worst[0].name})")
    slowest = max(rows, key=lambda row: row[3])
    print(f"slowest case: {slowest[3]:.1f} s ({slowest[0].name}, {slowest[1]:.2f} MB)")
    accepted = [row for row in rows if row[2] == 0 and not row[0].batch]
    largest = max(accepted, key=lambda row: row[1])
    print(f"peak memory of the largest accepted input: {largest[5]:.0f} MB "
          f"({largest[0].name}, {largest[1]:.2f} MB; start-up alone {startup_peak:.0f} MB)")


if __name__ == "__main__":
    main()
