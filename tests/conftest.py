"""Shared test fixtures: paths to the repo, its dev sets and ../shared data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.pg import postgres_server, postgres_url  # noqa: F401  (pytest fixtures)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FLOORS = REPO / "bench" / "floors.json"


@pytest.fixture(autouse=True, scope="session")
def _private_user_data(tmp_path_factory):
    """Tests never read or write the user's own data (fact-checks, outlet ratings, models)."""
    home = tmp_path_factory.mktemp("user-data")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_DATA_HOME", str(home))
    patch.setenv("CLAIMSCOPE_DB", str(home / "factchecks.sqlite"))
    patch.setenv("CLAIMSCOPE_RATINGS_DB", str(home / "outlet-ratings.sqlite"))
    yield home
    patch.undo()


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent: evaluation data is not on this machine")
    return SHARED


def floor(name: str) -> float:
    """The pinned floor for metric ``name`` (bench/floors.json)."""
    return float(json.loads(FLOORS.read_text(encoding="utf-8"))[name])


def pytest_addoption(parser):
    parser.addoption(
        "--refresh-golden",
        action="store_true",
        help="Rewrite the golden report files from the current output instead of comparing.",
    )


@pytest.fixture
def refresh_golden(request) -> bool:
    return bool(request.config.getoption("--refresh-golden"))
