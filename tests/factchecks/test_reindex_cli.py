"""`factchecks import` indexes for search; `reindex` is incremental and `--rebuild` starts over."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimscope.cli_factchecks import factchecks
from claimscope.search.sync import index_path
from tests.factchecks.test_cli import REVIEWS


def _run(*args):
    result = CliRunner().invoke(factchecks, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_import_indexes_and_reindex_is_incremental(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    db = str(tmp_path / "idx.sqlite")
    summary = json.loads(_run("import", str(feed), "--db", db, "--json"))
    assert summary["added"] == 3 and summary["indexed"] == 3
    assert index_path(db).exists()
    assert "indexed 0 new or changed fact-checks (3 stored)" in _run("reindex", "--db", db)
    assert "indexed 3 new" in _run("reindex", "--db", db, "--rebuild")


def test_import_no_index_leaves_indexing_to_reindex(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS[:2]), encoding="utf-8")
    db = str(tmp_path / "late.sqlite")
    summary = json.loads(_run("import", str(feed), "--db", db, "--no-index", "--json"))
    assert summary["indexed"] is None and not index_path(db).exists()
    assert "indexed 2 new" in _run("reindex", "--db", db)


def test_search_uses_the_index_with_filters(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    _run("import", str(feed), "--db", db)
    hits = json.loads(_run("search", "Windräder verursachen Krebs", "--db", db, "--json", "-n", "1"))
    assert [h["claim"] for h in hits] == ["Wind turbines cause cancer."] and 0 < hits[0]["confidence"] <= 1
    out = _run("search", "wind turbines cause cancer", "--db", db)
    assert "https://checks.example/0" in out and "Example Checks" in out and "confidence" in out
    assert "no fact-checks found" in _run("search", "wind turbines cause cancer", "--db", db, "--verdict", "misleading")
    assert "no fact-checks found" in _run("search", "wind turbines cause cancer", "--db", db, "--lang", "fr")
    assert "no fact-checks found" in _run("search", "wind turbines cause cancer", "--db", db, "--since", "2022-01-01")


def test_search_without_index_falls_back_to_lexical(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    db = str(tmp_path / "lex.sqlite")
    _run("import", str(feed), "--db", db, "--no-index")
    result = CliRunner().invoke(factchecks, ["search", "éoliennes", "--db", db, "--json"])
    assert result.exit_code == 0 and "run `claimscope factchecks reindex`" in result.stderr
    assert [h["publisher"] for h in json.loads(result.stdout)] == ["Vérif Exemple"]
    assert "no fact-checks found" in _run("search", "éoliennes", "--db", db, "--publisher", "Example Checks")
