"""The web desk under load: a real server on loopback, 20 concurrent clients for 60 s.

    .venv/bin/python bench/bench_web.py [--db PATH] [--clients 20] [--seconds 60] [--workers N]

Starts ``claimscope serve`` in its own process (rate limits off, a fresh desk database,
one API key), waits for it, warms it up, then runs the clients in threads: half search
fact-checks (``GET /api/v1/factchecks``, claim-like sentences in six languages), half
analyse generated ~600-word articles (``POST /api/v1/analyses``, waited for; an
analysis answered as a job is polled until done and timed to the end). Prints, per
kind: requests, errors, p50 / p95 latency and throughput, and the load average of
this shared machine. Exit status 1 when any request failed or search p95 is over
300 ms.

The fact-check store is ``--db``, else the evaluation corpus (~25k Snopes and
EUvsDisinfo records with their search index, built by bench/eval_articles.py) when it
exists, else the project's example fact-checks imported into a temporary store.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from generate import corpus

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "claimscope.cli"]
SEARCH_P95_TARGET = 0.300


def default_db(tmp: Path) -> str:
    from claimscope.embed import cache_path
    from claimscope.settings import Settings

    corpus_db = cache_path(Settings.from_env().embedding_cache).with_name("eval-factchecks-v1.sqlite")
    if corpus_db.exists() and corpus_db.with_name(corpus_db.stem + ".search.sqlite").exists():
        return str(corpus_db)
    db = tmp / "examples.sqlite"
    subprocess.run([*CLI, "factchecks", "import", str(ROOT / "examples" / "factchecks"), "--db", str(db)],
                   check=True, capture_output=True)
    return str(db)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: str, desk: str, port: int, workers: int | None) -> subprocess.Popen:
    command = [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db, "--desk-db", desk,
               "--write-rate", "0", "--read-rate", "0", "--log-level", "warning"]
    command += ["--workers", str(workers)] if workers else []
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_ready(base: str, server: subprocess.Popen, limit: float = 180) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read()[-2000:]}")
        try:
            if httpx.get(base + "/api/v1/analyses", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not answer within 3 minutes")


def queries(articles: list[str]) -> list[str]:
    """Claim-like sentences from the generated articles (every language)."""
    sentences = {s.strip() for text in articles for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6}
    return sorted(sentences)


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {"search": [], "analyse": []}
        self.errors: dict[str, list[str]] = {"search": [], "analyse": []}
        self.last: dict[str, float] = {}  # when the kind's last request ended (monotonic)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            (self.errors[kind].append(error) if error else self.times[kind].append(seconds))
            self.last[kind] = time.monotonic()


def searcher(base: str, texts: list[str], stop: float, rec: Recorder, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as client:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                response = client.get("/api/v1/factchecks", params={"q": rng.choice(texts), "limit": 10})
                error = None if response.status_code == 200 else f"{response.status_code} {response.text[:200]}"
            except httpx.HTTPError as err:
                error = f"{type(err).__name__}: {err}"
            rec.add("search", time.perf_counter() - started, error)


def analyser(base: str, key: str, articles: list[str], stop: float, rec: Recorder, seed: int) -> None:
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=base, timeout=300, headers=headers) as client:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                error = analyse_one(client, rng.choice(articles))
            except httpx.HTTPError as err:
                error = f"{type(err).__name__}: {err}"
            rec.add("analyse", time.perf_counter() - started, error)


def analyse_one(client: httpx.Client, text: str) -> str | None:
    response = client.post("/api/v1/analyses", json={"text": text})
    if response.status_code == 201:
        return None
    if response.status_code != 202:
        return f"{response.status_code} {response.text[:200]}"
    job = response.json()
    while job["status"] in ("queued", "running"):
        time.sleep(0.2)
        job = client.get(f"/api/v1/jobs/{job['id']}").json()
    return None if job["status"] == "done" else f"job failed: {job['error']}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="fact-check store (default: the evaluation corpus, else the examples)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, help="the server's analysis worker processes (default: the server's)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or default_db(Path(tmp))
        desk = str(Path(tmp) / "desk.sqlite")
        key = subprocess.run([*CLI, "keys", "create", "bench", "--desk-db", desk, "--db", db],
                             check=True, capture_output=True, text=True).stdout.strip()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, desk, port, args.workers)
        try:
            wait_ready(base, server)
            articles = corpus(12, seed=11, words=600)
            texts = queries(corpus(60, seed=5, words=600))  # thousands of distinct sentences
            with httpx.Client(base_url=base, timeout=300, headers={"Authorization": f"Bearer {key}"}) as warm:
                assert analyse_one(warm, articles[0]) is None, "warm-up analysis failed"
                warm.get("/api/v1/factchecks", params={"q": texts[0]}).raise_for_status()
            rec = Recorder()
            stop = time.monotonic() + args.seconds
            half = args.clients // 2
            threads = [threading.Thread(target=searcher, args=(base, texts, stop, rec, i)) for i in range(half)]
            threads += [threading.Thread(target=analyser, args=(base, key, articles, stop, rec, i))
                        for i in range(args.clients - half)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = {kind: rec.last.get(kind, started) - started for kind in rec.times}
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"store: {db}")
    print(f"{args.clients} clients ({half} searching, {args.clients - half} analysing ~600-word articles) for "
          f"{args.seconds:.0f} s (the last analysis ended after {elapsed['analyse']:.0f} s), server workers {args.workers or 'default'}, load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'kind':<8} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'per s':>7}")
    for kind in ("search", "analyse"):
        times = rec.times[kind]
        print(f"{kind:<8} {len(times):>8} {len(rec.errors[kind]):>6} {percentile(times, .5) * 1000:>8.0f} "
              f"{percentile(times, .95) * 1000:>8.0f} {len(times) / max(elapsed[kind], 1e-9):>7.2f}")
    for kind, errors in rec.errors.items():
        for error in errors[:3]:
            print(f"error ({kind}): {error}")
    search_p95 = percentile(rec.times["search"], .95)
    ok = not any(rec.errors.values()) and search_p95 <= SEARCH_P95_TARGET
    print(f"target: zero errors and search p95 <= {SEARCH_P95_TARGET * 1000:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
