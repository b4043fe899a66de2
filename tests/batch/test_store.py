"""``claimscope batch --store``: the reports also go into the store's ``reports`` table,
on SQLite and on PostgreSQL, once per article however often the run is repeated."""

from __future__ import annotations

import pytest

from claimscope.store import open_store

from .conftest import ARTICLES, read_rows, write_jsonl


@pytest.fixture(params=("sqlite", "postgresql"))
def db(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return request.getfixturevalue("postgres_url")


def test_reports_go_into_the_store_once_per_article(invoke, tmp_path, db):
    records = [{"id": str(i), "text": text} for i, text in enumerate(ARTICLES[:3])]
    batch, out = write_jsonl(tmp_path / "in.jsonl", [*records, {"id": "empty", "text": ""}]), tmp_path / "out.jsonl"
    result = invoke("batch", batch, "--out", out, "--no-matching", "--store", "--db", db)
    assert result.exit_code == 0, result.output
    assert "4 records: 3 analysed, 1 failed" in result.stderr
    rows = read_rows(out)
    with open_store(db) as store:
        assert store.report_count() == 4
        for row in rows:
            saved = store.report(row["content_hash"], row["id"])
            assert {k: saved.get(k) for k in ("report", "error")} == {k: row.get(k) for k in ("report", "error")}
    out.unlink()  # the output lost: the articles are analysed again, the store keeps one row each
    write_jsonl(batch, [*records, {"id": "3", "text": ARTICLES[3]}])
    assert invoke("batch", batch, "--out", out, "--no-matching", "--store", "--db", db).exit_code == 0
    with open_store(db) as store:
        assert store.report_count() == 5
        assert "museo" in store.report(read_rows(out)[-1]["content_hash"])["report"]["article"]["text"]


def test_without_store_nothing_is_written_to_it(invoke, tmp_path):
    db = tmp_path / "store.sqlite"
    batch = write_jsonl(tmp_path / "in.jsonl", [{"id": "0", "text": ARTICLES[0]}])
    assert invoke("batch", batch, "--out", tmp_path / "out.jsonl", "--no-matching", "--db", db).exit_code == 0
    assert not db.exists()
