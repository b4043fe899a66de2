"""A small fact-check store built from the project's own example fact-checks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimscope import cli
from tests.conftest import REPO

EXAMPLES = REPO / "examples" / "factchecks" / "claimreviews.json"

# Written for these tests: an article repeating example fact-check 4's claim.
ARTICLE = (
    "Defence ministry says drone images prove US forces helped Islamic State\n\n"
    "The Russian defence ministry published images on Tuesday that, it said, prove the United States "
    "helped Islamic State fighters leave Abu Kamal in Syria.\n\n"
    "Researchers replied within hours that one of the pictures was a screenshot from a video game."
)
PLAIN = "The bakery on the corner opened a second shop on Friday.\n\nIts owner said the queue reached the station."


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> str:
    """A store (and its search index) holding the five example fact-checks."""
    db = tmp_path_factory.mktemp("store") / "factchecks.sqlite"
    result = CliRunner().invoke(cli.main, ["factchecks", "import", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return str(db)
