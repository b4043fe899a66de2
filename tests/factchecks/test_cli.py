"""The factchecks CLI: in-process with CliRunner, then one real process; every option documented."""

from __future__ import annotations

import json
import os
import re
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
    open_store(db).close()
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




CONTROL = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e"
HOSTILE = {
    "@type": "ClaimReview", "url": "https://checks.example/h", "datePublished": "2022-03-04",
    "claimReviewed": f"Harbour cranes [bold]glow[/bold] [link=https://evil.example]at night[/link] {CONTROL}",
    "author": {"@type": "Organization", "name": f"Pub [/x] {CONTROL}"}, "inLanguage": "en",
    "description": "</script><script>alert(1)</script>", "reviewRating": {"alternateName": f"False {CONTROL}"},
}


def _hostile_db(tmp_path) -> str:
    feed = tmp_path / "hostile.json"
    feed.write_text(json.dumps(HOSTILE), encoding="utf-8")
    db = str(tmp_path / "hostile.sqlite")
    assert _run("import", str(feed), "--db", db, "--no-index").exit_code == 0
    return db


def test_stored_markup_and_escape_sequences_are_never_interpreted(tmp_path):
    db = _hostile_db(tmp_path)
    with open_store(db) as store:
        record_id = store.list(1)[0].id
    for args in (["list"], ["list", "--json"], ["search", "harbour cranes"], ["search", "harbour", "--json"],
                 ["show", record_id], ["show", record_id, "--raw"], ["show", record_id, "--json", "--raw"],
                 ["stats"], ["stats", "--json"]):
        result = _run(*args, "--db", db)
        assert result.exit_code == 0, (args, result.output)
        assert not any(c in result.output for c in "\x1b\x07\x9b\u202e"), args
        if "--json" not in args:
            assert "\\x1b" in result.output, args  # visible, not executed
    assert "Pub [/x]" in _run("stats", "--db", db).output  # shown as written, not parsed
    shown = _run("show", record_id, "--db", db).output
    assert "[link=https://evil.example]" in shown and "\\x1b]0;owned\\x07" in shown


def test_export_escapes_script_tags_in_json_ld(tmp_path):
    db = _hostile_db(tmp_path)
    out = _run("export", "--db", db).output
    assert "</script>" not in out and "<script>" not in out and "\\u003c/script\\u003e" in out
    assert json.loads(out)[0]["description"] == HOSTILE["description"]


def test_export_to_a_place_that_cannot_be_written_is_one_clear_line(tmp_path):
    db = _hostile_db(tmp_path)
    for target, message in [(tmp_path / "missing" / "out.json", "cannot write .*the folder .* does not exist"),
                            ("/dev/full", "cannot write /dev/full: No space left on device")]:
        result = CliRunner().invoke(factchecks, ["export", "--db", db, "-o", str(target)])
        assert result.exit_code == 2 and re.match(f"error\\[E600\\]: {message}", result.output), result.output
        assert result.output.count("\n") == 1
    assert not (tmp_path / "missing").exists()


def test_a_full_standard_output_is_one_clear_line(tmp_path):
    db = _hostile_db(tmp_path)
    module = [sys.executable, "-m", "claimscope.cli_factchecks"]
    for args in (["list"], ["list", "--json"], ["stats"], ["export"], ["search", "harbour"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([*module, *args, "--db", db], stdout=full, stderr=subprocess.PIPE, text=True,
                                  timeout=120)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.splitlines()[-1].startswith("error[E600]: cannot write standard output: No space left")


def test_option_values_are_refused_cleanly(tmp_path):
    db = _hostile_db(tmp_path)
    feed = tmp_path / "f.csv"
    feed.write_text("claim,keywords\nA claim about tides.,a|b\n", encoding="utf-8")
    for args, message in [
        (["import", str(feed), "--db", db, "--list-sep", ""], "error[E100]: --list-sep is empty"),
        (["search", "tides", "--db", db, "--since", "not-a-date"], "error[E100]: --since 'not-a-date' is not a date"),
        (["list", "--db", db, "--offset", "99999999999999999999"], "is not in the range"),
        (["list", "--db", db, "--limit", "99999999999999999999"], "is not in the range"),
    ]:
        result = CliRunner().invoke(factchecks, args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
        assert "Traceback" not in result.output and "internal error" not in result.output
    kept = json.loads(_run("search", "harbour", "--db", db, "--since", "2022-03-04", "--json").stdout)
    assert len(kept) == 1
    assert json.loads(_run("search", "harbour", "--db", db, "--since", "2022-03-05", "--json").stdout) == []


def test_reading_commands_do_not_create_a_database(tmp_path):
    missing = tmp_path / "nowhere" / "db.sqlite"
    for args in (["search", "x"], ["list"], ["stats"], ["export"], ["show", "fc-1"]):
        result = CliRunner().invoke(factchecks, [*args, "--db", str(missing)])
        assert result.exit_code == 2 and result.output.startswith("error[E400]: no fact-check database at"), args
    assert not (tmp_path / "nowhere").exists()
