"""Ratings import (three formats) and lookup, on real SQLite files; the CLI group."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimscope.cli_outlets import outlets
from claimscope.errors import ImportFormatError
from claimscope.outlets.ratings import RatingsDB


@pytest.fixture
def db(tmp_path):
    with RatingsDB(tmp_path / "ratings.sqlite") as handle:
        yield handle


def test_plain_csv_with_and_without_header(db, tmp_path):
    (tmp_path / "a.csv").write_text("domain,score,label\nexample.org,0.9,solid\nwww.bad.example,0.1,\n")
    (tmp_path / "b.csv").write_text("example.org,0.5\n")
    assert db.import_file(tmp_path / "a.csv").count == 2
    db.import_file(tmp_path / "b.csv", source="second")
    ratings = {r.source: r for r in db.lookup("news.example.org")}
    assert ratings["csv:a.csv"].score == 0.9 and ratings["csv:a.csv"].label == "solid"
    assert ratings["second"].score == 0.5 and ratings["second"].domain == "example.org"
    assert db.lookup("bad.example")[0].label is None


def test_mbfc_json_scores_from_factual_reporting(db, tmp_path):
    data = {"source": "MBFC test", "ratings": [
        {"domain": "a.example", "factual_reporting": "Mixed", "bias": "right"},
        {"domain": "b.example", "score": 0.75},
    ]}
    (tmp_path / "m.json").write_text(json.dumps(data))
    assert db.import_file(tmp_path / "m.json").source == "MBFC test"
    (a,) = db.lookup("a.example")
    assert a.score == 0.4 and a.label == "factual reporting: Mixed; bias: right"
    assert db.lookup("b.example")[0].score == 0.75


def test_reimport_replaces_a_source(db, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("x.example,0.2\ny.example,0.3\n")
    db.import_file(path)
    path.write_text("x.example,0.4\n")
    db.import_file(path)
    assert db.lookup("y.example") == ()
    assert db.lookup("x.example")[0].score == 0.4


@pytest.mark.parametrize("content, name, message", [
    ("example.org,high\n", "x.csv", "not a number"),
    ("example.org,7\n", "x.csv", "outside 0..1"),
    ("not a domain,0.5\n", "x.csv", "not a domain"),
    ("{oops", "x.json", "not valid JSON"),
    ('{"ratings": [{"bias": "left"}]}', "x.json", "'domain'"),
    ("", "x.csv", "no ratings"),
])
def test_bad_files_give_one_line_errors(db, tmp_path, content, name, message):
    (tmp_path / name).write_text(content)
    with pytest.raises(ImportFormatError, match=message):
        db.import_file(tmp_path / name)


def test_lin_file_rates_sputnik(shared_dir, tmp_path):
    path = tmp_path / "r.sqlite"
    result = CliRunner().invoke(
        outlets, ["import", str(shared_dir / "data/domain-ratings/domain_pc1.csv"), "--db", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "imported 11520 ratings" in result.output
    shown = CliRunner().invoke(outlets, ["show", "sputnik", "--db", str(path)])
    ratings = json.loads(shown.output)["ratings"]
    main = [r for r in ratings if r["domain"] == "sputniknews.com"]
    assert main and 0 <= main[0]["score"] <= 1 and main[0]["source"].startswith("Lin et al. 2023")
    with RatingsDB(path) as db:
        assert db.lookup("fr.sputniknews.com")[0].domain == "fr.sputniknews.com"


def test_cli_list_resolve_and_ratings(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(outlets, ["list", "--ownership", "state_controlled", "--country", "ru"])
    assert "sputnik\tSputnik" in listed.output and "bbc" not in listed.output
    resolved = runner.invoke(outlets, ["resolve", "Theo hãng thông tấn Sputnik và Kienthuc.net.vn"])
    assert "\tsputnik" in resolved.output and "Kienthuc.net.vn\tunknown" in resolved.output
    (tmp_path / "p.csv").write_text("example.org,0.5,ok\n")
    runner.invoke(outlets, ["import", str(tmp_path / "p.csv"), "--db", str(tmp_path / "d.sqlite")])
    assert "csv:p.csv" in runner.invoke(outlets, ["ratings", "--db", str(tmp_path / "d.sqlite")]).output
    missing = runner.invoke(outlets, ["show", "nosuchoutlet"])
    assert missing.exit_code != 0


def test_bad_file_is_one_error_line_under_the_main_cli(tmp_path):
    from claimscope.cli import main

    bad = tmp_path / "bad.csv"
    bad.write_text("example.org,lots\n")
    result = CliRunner().invoke(main, ["outlets", "import", str(bad), "--db", str(tmp_path / "d.sqlite")])
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == ["error[E500]: bad.csv:1: score 'lots' is not a number"]


def test_database_pickles_as_its_path_and_reads_from_threads(db, tmp_path):
    import pickle
    from concurrent.futures import ThreadPoolExecutor

    (tmp_path / "p.csv").write_text("example.org,0.5\n")
    db.import_file(tmp_path / "p.csv")
    copy = pickle.loads(pickle.dumps(db))
    assert copy.lookup("example.org")[0].score == 0.5
    with ThreadPoolExecutor(2) as pool:
        assert [r[0].score for r in pool.map(db.lookup, ["example.org"] * 4)] == [0.5] * 4
