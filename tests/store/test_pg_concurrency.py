"""PostgreSQL under concurrent writers: four processes importing overlapping ClaimReview
feeds at once lose and duplicate nothing while an indexer follows the change numbers,
and an import killed with SIGKILL leaves a consistent database that a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

from bench_import import generate_claimreviews
from claimscope.store import open_store

WRITERS, FEED, STEP = 4, 600, 300  # feed i holds records [i*STEP, i*STEP + FEED): neighbours overlap by half


def _import(url: str, feed, chunk: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from claimscope.cli import main; main()", "factchecks", "import", str(feed),
         "--db", url, "--chunk-size", str(chunk), "--no-index", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"},
    )


def _follow(store, seen: dict[str, int], stop: threading.Event) -> None:
    """An indexer: read every change after the last one seen until told to stop, then once more."""
    seq = 0
    while True:
        last_round = stop.is_set()
        for s, record in store.changed_since(seq, limit=500):
            assert s > seq
            seen[record.id] = seq = s
        if last_round:
            return
        time.sleep(0.02)


def test_four_writers_with_overlapping_feeds_lose_and_duplicate_nothing(postgres_url, tmp_path):
    reviews = generate_claimreviews(STEP * (WRITERS - 1) + FEED)
    feeds = []
    for i in range(WRITERS):
        feeds.append(tmp_path / f"feed-{i}.json")
        feeds[-1].write_text(json.dumps(reviews[i * STEP : i * STEP + FEED]), encoding="utf-8")
    with open_store(postgres_url) as store:
        seen: dict[str, int] = {}
        stop = threading.Event()
        follower = threading.Thread(target=_follow, args=(store, seen, stop))
        follower.start()
        writers = [_import(postgres_url, feed, chunk=25) for feed in feeds]
        outputs = [w.communicate(timeout=300) for w in writers]
        stop.set()
        follower.join()
        assert [w.returncode for w in writers] == [0] * WRITERS, [err[-800:] for _, err in outputs]
        for out, _ in outputs:
            summary = json.loads(out)
            assert summary["added"] + summary["updated"] + summary["unchanged"] == FEED

        stored = {r.id: r for batch in store.iter_batches() for r in batch}
        assert len(stored) == store.count() == len(reviews)  # nothing lost, nothing twice
        assert {r.claim for r in stored.values()} == {r["claimReviewed"] for r in reviews}
        changes = store.changed_since(0, limit=10 * len(reviews))
        assert len({s for s, _ in changes}) == len(changes) == len(reviews)
        assert seen == {r.id: s for s, r in changes}  # the indexer saw every record at its latest change
        runs = store.imports()
        assert sorted(r.id for r in runs) == list(range(1, WRITERS + 1))
        assert {r.status for r in runs} == {"done"} and {r.position for r in runs} == {FEED}


def test_an_import_killed_mid_way_leaves_a_consistent_database_a_rerun_completes(postgres_url, tmp_path):
    total = 10_000
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(generate_claimreviews(total)), encoding="utf-8")
    with open_store(postgres_url) as store:
        writer = _import(postgres_url, feed, chunk=100)
        deadline = time.monotonic() + 120
        while store.count() < 1000 and time.monotonic() < deadline and writer.poll() is None:
            time.sleep(0.05)
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        assert writer.returncode == -signal.SIGKILL, "the import ended before it could be killed"

        kept = store.count()
        run = store.imports()[0]
        assert 0 < kept < total and run.status == "running" and run.position == kept
        assert [s for s, _ in store.changed_since(0, limit=total)] == list(range(1, kept + 1))

        again = _import(postgres_url, feed, chunk=100)
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err[-800:]
        assert json.loads(out)["added"] == total  # the resumed run's counts carry on from the killed one's
        assert store.count() == total and store.max_seq() == total
        assert [(r.id, r.status, r.position) for r in store.imports()] == [(run.id, "done", total)]
