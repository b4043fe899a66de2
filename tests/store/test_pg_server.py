"""The test set-up's own PostgreSQL: version 16 with pgvector; without one, tests fail and say how to fix it."""

import os
import subprocess
import sys

import psycopg

from tests.conftest import REPO


def test_the_test_server_is_postgresql_16_with_pgvector(postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert conn.execute("SHOW server_version_num").fetchone()[0].startswith("16")
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        assert conn.execute("SELECT '[1,2]'::vector <#> '[3,4]'::vector").fetchone()[0] == -11


def test_an_unreachable_server_fails_the_tests_with_a_fix(tmp_path):
    env = {**os.environ, "CLAIMSCOPE_TEST_PG": "postgresql://nobody@127.0.0.1:1/none"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "t"),
         f"{__file__}::test_the_test_server_is_postgresql_16_with_pgvector"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode != 0 and "1 error" in done.stdout and "skipped" not in done.stdout
    assert "To fix: install the test dependencies" in done.stdout
