"""The Ray engine gives the same records as the local one (full stages, a local cluster
of one one-CPU actor per core, a handful of articles in chunks of two)."""

from __future__ import annotations

import pytest

from claimscope.batch import LocalEngine, ReportLog, run_batch
from claimscope.ingest import read_batch
from claimscope.settings import Settings

from .conftest import ARTICLES, read_rows, write_jsonl

try:
    import ray
except ImportError:  # a missing install must not pass as a skip
    pytest.fail("the Ray engine tests need Ray: pip install -e '.[test]' (it includes the ray extra)",
                pytrace=False)


def _run(engine, batch, out):
    try:
        with ReportLog(out) as log:
            run_batch(read_batch(batch), log, engine, chunk_size=2)
    finally:
        engine.close()
    return read_rows(out)


def test_ray_reports_equal_local_reports(tmp_path):
    from claimscope.batch.ray_engine import RayEngine

    records = [{"id": str(i), "text": text} for i, text in enumerate(ARTICLES[:5])]
    batch = write_jsonl(tmp_path / "in.jsonl", [*records[:2], {"id": "bad", "text": ""}, *records[2:]])
    settings = Settings(matching=False, embed_workers=1)
    local = _run(LocalEngine(settings), batch, tmp_path / "local.jsonl")
    on_ray = _run(RayEngine(settings), batch, tmp_path / "ray.jsonl")
    assert not ray.is_initialized()  # the cluster it started is stopped
    assert [row["id"] for row in on_ray] == ["0", "1", "bad", "2", "3", "4"]
    assert "error" in on_ray[2] and all("report" in row for row in on_ray[:2] + on_ray[3:])
    assert on_ray == local
