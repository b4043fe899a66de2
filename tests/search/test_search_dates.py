"""`factchecks search` weighs the dates a query names, or the publication date given with --date."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimscope.cli_factchecks import factchecks
from tests.factchecks.test_cli import REVIEWS  # three ClaimReviews dated 2021-01-01 .. 2021-03-01


def _search(db, *args):
    result = CliRunner().invoke(factchecks, ["search", "--db", db, "--json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _confidence(db, text, *args):
    hits = _search(db, text, "-n", "1", *args)
    return hits[0]["confidence"] if hits else 0.0


def test_named_dates_and_the_date_option(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(REVIEWS), encoding="utf-8")
    db = str(tmp_path / "d.sqlite")
    CliRunner().invoke(factchecks, ["import", str(feed), "--db", db], catch_exceptions=False)
    near = _confidence(db, "Wind turbines cause cancer, a post said in January 2021.")
    later = _confidence(db, "Wind turbines cause cancer, a post said in January 2024.")  # years after the check
    assert near > later + 0.2
    # a publication date stands in for the dates the text names
    text = "Wind turbines cause cancer, a blog claims."
    assert _confidence(db, text, "--date", "2021-01-02") > _confidence(db, text) > _confidence(db, text, "--date", "2027-01-02")
    bad = CliRunner().invoke(factchecks, ["search", text, "--db", db, "--date", "last week"])
    assert bad.exit_code != 0 and "--date 'last week' is not a date" in bad.output
