"""The factchecks CLI: in-process with CliRunner, then one real process; every option documented."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from claimscope.cli_factchecks import factchecks
from claimscope.store import open_store

REVIEWS = [
    {"@type": "ClaimReview", "url": f"https://checks.example/{n}", "claimReviewed": claim, "inLanguage": lang,
     "datePublished": f"2021-0{n + 1}-01", "author": {"@type": "Organization", "name": publisher},
     "reviewRating": {"@type": "Rating", "alternateName": rating}}
    for n, (claim, lang, publisher, rating) in enumerate([
        ("Wind turbines cause cancer.", "en", "Example Checks", "False"),
        ("Les éoliennes rendent malade.", "fr", "Vérif Exemple", "Faux"),
        ("The city banned bicycles.", "en", "Example Checks", "Missing context"),
    ])
]


def _run(*args, env=None):
    result = CliRunner().invoke(factchecks, list(args), env=env, catch_exceptions=False)
    return result


def test_import_list_show_search_stats_export(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    db = str(tmp_path / "cli.sqlite")
    result = _run("import", str(feed), "--db", db, "--no-index")
    assert result.exit_code == 0 and "added 3, updated 0, unchanged 0, skipped 0" in result.output
    with open_store(db) as store:
        assert store.count() == 3
        wind = store.search("wind turbines", 1)[0][0]

    listed = json.loads(_run("list", "--db", db, "--json", "--language", "en").output)
    assert [r["claim"] for r in listed] == ["The city banned bicycles.", "Wind turbines cause cancer."]
    assert "Wind turbines cause cancer." in _run("list", "--db", db, "--verdict", "false").output

    shown = json.loads(_run("show", wind.id, "--db", db, "--json", "--raw").output)
    assert shown["verdict"] == "false" and shown["raw"]["url"] == "https://checks.example/0"
    assert "Example Checks" in _run("show", wind.id, "--db", db).output

    hits = json.loads(_run("search", "éoliennes", "--db", db, "--json").stdout)  # lexical: no index yet
    assert [h["publisher"] for h in hits] == ["Vérif Exemple"]
    assert wind.id in _run("search", "turbines cancer", "--db", db, "--limit", "1").output

    stats = json.loads(_run("stats", "--db", db, "--json").output)
    assert stats["by_verdict"] == {"false": 2, "misleading": 1} and stats["by_language"] == {"en": 2, "fr": 1}
    table = _run("stats", "--db", db, "--top", "1").output
    assert "by publisher" in table and "(1 more)" in table

    out = tmp_path / "out.json"
    assert _run("export", "--db", db, "--output", str(out), "--publisher", "Example Checks").exit_code == 0
    assert {r["claimReviewed"] for r in json.loads(out.read_text())} == {
        "Wind turbines cause cancer.", "The city banned bicycles."}
    lines = _run("export", "--db", db, "--format", "jsonl").output.splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["@type"] == "ClaimReview"


def test_db_from_environment_and_mapping_options(tmp_path):
    csv_file = tmp_path / "c.csv"
    csv_file.write_text("Aussage;Urteil\nDer Himmel ist grün.;Falsch\n", encoding="utf-8")
    env = {"CLAIMSCOPE_DB": str(tmp_path / "env.sqlite")}
    result = _run("import", str(csv_file), "--map", "claim=Aussage", "--map", "rating=Urteil",
                  "--set", "publisher=Beispiel", "--set", "language=de", "--list-sep", ";", "--json", env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["added"] == 1
    with open_store(tmp_path / "env.sqlite") as store:
        record = store.list(1)[0]
    assert (record.publisher, record.verdict, record.language) == ("Beispiel", "false", "de")


def test_errors_are_one_line_and_exit_2(tmp_path):
    db = str(tmp_path / "e.sqlite")
    for args, message in [
        (["show", "fc-nope", "--db", db], "no fact-check with id"),
        (["import", str(tmp_path / "missing.json"), "--db", db], "does not exist"),
        (["import", "x", "--db", db, "--set", "colour=red"], "--set 'colour=red'"),
        (["list", "--db", str(tmp_path)], "cannot open the fact-check database"),
    ]:
        result = CliRunner().invoke(factchecks, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.startswith("error[E") and message in result.output
        assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_strict_import_fails_and_a_failed_file_in_a_folder_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.json").write_text(json.dumps(REVIEWS[0]), encoding="utf-8")
    (tmp_path / "in" / "bad.json").write_text("{", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    result = CliRunner().invoke(factchecks, ["import", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 1 and "not imported:" in result.output and "added 1" in result.output
    result = CliRunner().invoke(factchecks, ["import", str(tmp_path / "in"), "--db", db, "--strict"])
    assert result.exit_code == 2 and "not valid JSON" in result.output


def test_real_process(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    env = {**os.environ, "CLAIMSCOPE_DB": str(tmp_path / "proc.sqlite")}
    module = [sys.executable, "-m", "claimscope.cli_factchecks"]
    done = subprocess.run([*module, "import", str(feed)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "added 3" in done.stdout, done.stderr
    stats = subprocess.run([*module, "stats", "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert json.loads(stats.stdout)["total"] == 3
    bad = subprocess.run([*module, "show", "x"], env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("error[E100]")


