"""The public API: documented names, Analyzer over the example store, settings, close()."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimscope
from claimscope import Analyzer, Article, Meta, Resources, Settings, cli
from claimscope.embed import cache_path
from claimscope.render import FORMATS
from claimscope.search.sync import open_index
from tests.conftest import REPO
from tests.library.conftest import ARTICLE, PLAIN


@pytest.fixture(scope="module")
def analyzer(example_db):
    with Analyzer(Settings(db=example_db)) as shared:
        yield shared


def test_every_public_name_is_documented():
    docs = (REPO / "docs" / "library.md").read_text(encoding="utf-8")
    for name in claimscope.__all__:
        value = getattr(claimscope, name)
        assert (value.__doc__ or "").strip(), name
        assert f"`{name}" in docs, name
    assert sorted(claimscope.__all__) == sorted(set(claimscope.__all__))


def test_a_match_from_the_example_store(analyzer):
    report = analyzer.analyze(Article(ARTICLE, Meta(date="2017-11-14")))
    assert [m["publisher"] for m in report.data["matches"]][:1] == ["Bellingcat"]
    assert report.data["sourcing"][0]["flags"][0]["kind"] == "known_disinformation"
    assert report.notices == ()
    for fmt in FORMATS:
        assert "Bellingcat" in report.render(fmt), fmt


def test_analyze_many_gives_the_reports_of_analyze_in_order(analyzer):
    articles = [Article(ARTICLE, Meta(date="2017-11-14")), PLAIN, Article(PLAIN)]
    many = [r.data for r in analyzer.analyze_many(articles)]
    assert many == [analyzer.analyze(a).data for a in articles]
    assert many[1]["matches"] == [] and many[1]["article"]["text"] == PLAIN


def test_records_carry_reports_or_errors(analyzer, tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": PLAIN}) + "\n{broken\n", encoding="utf-8")
    rows = list(analyzer.analyze_records(claimscope.read_batch(batch)))
    assert [("report" in r, r["id"]) for r in rows] == [(True, "a"), (False, "line-2")]
    assert rows[1]["error"]["code"] == "E100"


def test_settings_come_from_the_environment_only_when_asked(monkeypatch, example_db):
    env = {"CLAIMSCOPE_DB": "a.sqlite", "CLAIMSCOPE_RATINGS_DB": "r.sqlite", "CLAIMSCOPE_CHECKWORTHY_HEAD": "h.npz"}
    assert Settings.from_env(env) == Settings(db="a.sqlite", ratings_db="r.sqlite", checkworthy_head="h.npz")
    assert Settings.from_env(env, db="b.sqlite", matching=False).db == "b.sqlite"
    assert Settings.from_env({}) == Settings()
    monkeypatch.setenv("CLAIMSCOPE_DB", example_db)
    with Analyzer() as plain:  # the library never reads CLAIMSCOPE_DB
        assert plain.resources.index is None


def test_only_settings_reads_the_environment(monkeypatch, tmp_path):
    package = Path(claimscope.__file__).parent
    readers = [p.relative_to(package).as_posix() for p in sorted(package.rglob("*.py"))
               if re.search(r"os\.environ|getenv\(", p.read_text(encoding="utf-8"))]
    assert readers == ["settings.py"]
    monkeypatch.setenv("CLAIMSCOPE_EMBCACHE", str(tmp_path / "from-env.sqlite"))
    assert Settings.from_env().embedding_cache == str(tmp_path / "from-env.sqlite")
    assert cache_path() != tmp_path / "from-env.sqlite"  # the library never reads it
    assert cache_path(tmp_path / "given" / "vectors.sqlite") == tmp_path / "given" / "vectors.sqlite"
    assert (tmp_path / "given").is_dir()


def test_close_closes_what_the_analyzer_opened_and_nothing_given(example_db):
    opened = Analyzer(Settings(db=example_db))
    store, index = opened.resources.store, opened.resources.index
    opened.close()
    with pytest.raises(sqlite3.ProgrammingError):
        index.db.execute("SELECT 1")
    given = Resources(store=store.__class__(store.location))
    given.index = open_index(given.store, opened.resources.embedder)
    with Analyzer(Settings(db=example_db), resources=given) as second:
        assert second.resources.index is given.index
    assert given.index.db.execute("SELECT 1").fetchone() == (1,)
    given.index.close()
    given.store.close()


def test_check_db_and_no_matching(example_db, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    found = runner.invoke(cli.main, ["check", str(path), "--db", example_db, "-f", "json"])
    assert found.exit_code == 0, found.output
    assert [m["publisher"] for m in json.loads(found.stdout)["matches"]][:1] == ["Bellingcat"]
    skipped = runner.invoke(cli.main, ["check", str(path), "--db", example_db, "--no-matching", "-f", "json"])
    assert json.loads(skipped.stdout)["matches"] == []
