"""The Store protocol's behaviour, on every backend (the ``store`` fixture is parametrised)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from claimscope.errors import StoreError
from claimscope.factchecks.record import build, content_hash
from tests.store.conftest import set_owner


def _record(n: int, **fields):
    data = {"claim": f"Claim {n} about tides and the moon.", "review_url": f"https://c.example/{n}",
            "publisher": "Example", "language": "en", "rating": "False", **fields}
    return build(data)[0]


def _fill(store, records, run_name="test"):
    run = store.start_import(run_name, f"hash-{run_name}", "claimreview")
    store.write_chunk(run.id, [(r, content_hash(r)) for r in records], len(records), {"added": len(records)})
    store.finish_import(run.id, {"added": len(records)})
    return run


def test_incremental_reads_for_an_indexer(store):
    _fill(store, [_record(n) for n in range(5)], "one")
    assert store.max_seq() == 5
    seen = store.changed_since(0, limit=3)
    assert [s for s, _ in seen] == [1, 2, 3]
    _fill(store, [_record(1, rating="True"), _record(9)], "two")
    later = store.changed_since(5)
    assert [(s, r.rating) for s, r in later] == [(6, "True"), (7, "False")]
    assert store.count() == 6
    ids = [r.id for _, r in later]
    assert [r.id for r in store.get_many(ids[::-1] + ["fc-missing"])] == ids[::-1]
    batches = list(store.iter_batches(batch_size=4))
    assert [len(b) for b in batches] == [4, 2]
    assert [len(b) for b in store.iter_batches(verdict="true")] == [1]


def test_write_chunk_is_atomic(store):
    good = _record(1)
    run = store.start_import("x", "h", "claimreview")
    with pytest.raises(StoreError):
        store.write_chunk(run.id, [(good, "h1"), (_record(2), None)], 2, {})  # NULL hash violates NOT NULL
    assert store.count() == 0
    assert store.imports()[0].position == 0


def test_search_and_stats(store):
    _fill(store, [_record(1), _record(2, claim="Volcanoes erupt because of wifi.", language="fr", rating="Faux")])
    assert [r.claim for r, _ in store.search("wifi volcano volcanoes")] == ["Volcanoes erupt because of wifi."]
    assert store.search("!!! ???") == []
    assert store.search('"zzz NEAR( qqq') == []  # FTS5 syntax in user text is not an error
    stats = store.stats()
    assert stats["total"] == 2 and stats["by_language"] == {"en": 1, "fr": 1} and stats["imports"] == 1
    with pytest.raises(StoreError, match="unknown filter"):
        store.list(colour="red")


def test_resuming_finds_the_unfinished_run(store):
    run = store.start_import("feed.json", "same", "claimreview")
    store.write_chunk(run.id, [(_record(1), "d")], 1, {"added": 1})
    resumed = store.start_import("feed.json", "same", "claimreview")
    assert (resumed.id, resumed.position, resumed.counts) == (run.id, 1, {"added": 1})
    store.finish_import(run.id, {"added": 1})
    assert store.start_import("feed.json", "same", "claimreview").id != run.id


def _owned_by(store, run_id: int, pid: int) -> None:
    set_owner(store, run_id, f"{socket.gethostname()} {pid}")


def test_a_run_another_live_process_holds_is_never_shared(store):
    run = store.start_import("feed.json", "same", "claimreview")
    _owned_by(store, run.id, os.getppid())  # alive: the process that started this test run
    second = store.start_import("feed.json", "same", "claimreview")
    assert second.id != run.id and second.position == 0
    store.finish_import(second.id, {})
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    _owned_by(store, run.id, int(gone.stdout))  # that process has exited: its run is resumed
    assert store.start_import("feed.json", "same", "claimreview").id == run.id


def test_batch_reports_are_kept_once_per_content_hash_and_id(store):
    first = [
        {"line": 1, "id": "a", "content_hash": "h1", "report": {"language": {"main": "en"}, "claims": []}},
        {"line": 2, "id": "b", "content_hash": "h2", "error": {"code": "E100", "message": "empty article"}},
        {"line": 3, "id": "c", "content_hash": None, "error": {"code": "E100", "message": "unreadable line"}},
    ]
    assert store.save_reports(first) == 2  # a record without a content hash is not stored
    assert store.report("h1")["report"] == {"language": {"main": "en"}, "claims": []}
    assert store.report("h2", "b")["error"]["code"] == "E100"
    assert store.report("h2", "other") is None and store.report("h9") is None
    again = [{"id": "a", "content_hash": "h1", "report": {"language": {"main": "en"}, "claims": ["é"]}},
             {"id": "a2", "content_hash": "h1", "report": {"language": {"main": "en"}, "claims": []}}]
    assert store.save_reports(again) == 2
    assert store.report_count() == 3  # (h1, a) replaced, (h1, a2) added
    assert store.report("h1", "a")["report"]["claims"] == ["é"]
