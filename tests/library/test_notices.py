"""A resource that cannot be opened leaves its notice on every report it affects:
the library, ``check`` and ``check --batch`` alike."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from claimscope import Analyzer, Settings, cli
from claimscope.search.sync import index_path
from tests.library.conftest import ARTICLE, PLAIN


@pytest.fixture
def broken_db(example_db, tmp_path) -> str:
    """A copy of the example store whose index says another embedder built it."""
    db = tmp_path / "factchecks.sqlite"
    shutil.copy(example_db, db)
    shutil.copy(index_path(example_db), index_path(str(db)))
    with sqlite3.connect(index_path(str(db))) as conn:
        conn.execute("UPDATE meta SET v = 'an-older-model' WHERE k = 'model'")
    return str(db)


def test_every_report_of_the_library_carries_the_notice(broken_db):
    with Analyzer(Settings(db=broken_db)) as analyzer:
        reports = list(analyzer.analyze_many([ARTICLE, PLAIN, ARTICLE]))
        again = analyzer.analyze(PLAIN)
    for report in [*reports, again]:
        assert [n.split(":")[0] for n in report.notices] == ["fact-check matching skipped"]
        assert "an-older-model" in report.notices[0] and report.data["matches"] == []
        assert report.data["claims"]  # the rest of the report stands


def test_every_record_of_a_batch_and_a_single_check_carry_it(broken_db, tmp_path):
    batch, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    batch.write_text("\n".join(json.dumps({"text": t}) for t in [ARTICLE, PLAIN, PLAIN]), encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["check", "--batch", str(batch), "--out", str(out), "--db", broken_db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all("an-older-model" in " ".join(r["report"]["notices"]) for r in rows)
    single = tmp_path / "one.txt"
    single.write_text(PLAIN, encoding="utf-8")
    one = CliRunner().invoke(cli.main, ["check", str(single), "--db", broken_db, "-f", "json"])
    assert "an-older-model" in " ".join(json.loads(one.stdout)["notices"])


def test_a_corrupt_ratings_file_is_a_notice_too(tmp_path):
    ratings = tmp_path / "ratings.sqlite"
    ratings.write_bytes(b"this is not a database" * 100)
    with Analyzer(Settings(ratings_db=str(ratings), matching=False)) as analyzer:
        notices = [analyzer.analyze(t).notices for t in (PLAIN, PLAIN)]
    assert all(len(n) == 1 and n[0].startswith("outlet ratings not used: ") for n in notices)
