"""`make demo` shows the product whole: the example article matches an example fact-check."""

from __future__ import annotations

import re

from click.testing import CliRunner

from claimscope import cli
from tests.conftest import REPO


def test_the_demo_commands_show_a_match(tmp_path):
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    example = re.search(r"^EXAMPLE \?= (\S+)", makefile, re.M).group(1)
    assert "factchecks import examples/factchecks/claimreviews.json --db $(DEMO_DB)" in makefile
    db = str(tmp_path / "demo.sqlite")
    runner = CliRunner()
    imported = runner.invoke(cli.main, ["factchecks", "import", str(REPO / "examples/factchecks/claimreviews.json"),
                                        "--db", db])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(cli.main, ["check", str(REPO / example), "--db", db, "-f", "md"])
    assert checked.exit_code == 0, checked.output
    assert "## Already fact-checked (1)" in checked.stdout and "Bellingcat" in checked.stdout
    assert "already fact-checked as false" in checked.stdout
