"""A store of the project's example fact-checks plus one record written for these tests;
apps are built per test module on it, each with its own analysis worker process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimscope import cli
from claimscope.web import WebConfig, create_app
from claimscope.web.intake import loader
from claimscope.web.worker import Failed
from tests.conftest import REPO

EXAMPLES = REPO / "examples"
# Written for these tests: a French article repeating example fact-check 4's claim
# (Bellingcat, 2017-11-14), so it is matched and searchable in French.
MATCHED_ARTICLE = (
    "Le ministère russe de la Défense affirme que des images prouvent l'aide américaine à l'État islamique\n\n"
    "Selon le ministère russe de la Défense, des images publiées mardi prouvent que les États-Unis aident "
    "les combattants de l'État islamique près d'Abou Kamal, en Syrie.\n\n"
    "Des chercheurs ont répondu quelques heures plus tard qu'une des photos venait d'un jeu vidéo."
)
FRENCH_QUERY = "Des images du ministère russe de la Défense prouvent que les États-Unis aident l'État islamique"
# Hostile text written for these tests: markup, script URLs, handlers and bidi controls.
HOSTILE = (
    "<script>alert('article')</script> Le maire <img src=x onerror=\"alert('img')\"> a déclaré que "
    "<a href=\"javascript:alert('link')\">les impôts</a> baisseront de 40 % en 2025.\n\n"
    "Selon le ministre \u202eevil\u202c, le budget <svg onload=alert('svg')> a doublé depuis 2019."
)
HOSTILE_FACTCHECK = {
    "@context": "https://schema.org", "@type": "ClaimReview", "identifier": "hostile-1",
    "claimReviewed": "<script>alert('fc')</script> Taxes fall <img src=x onerror=alert('fc-img')> by 40 \u202epercent",
    "url": "javascript:alert('review')", "datePublished": "2024-01-02", "inLanguage": "en",
    "author": {"@type": "Organization", "name": "<b onmouseover=alert('pub')>Desk</b>"},
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
}


def article(name: str) -> str:
    return (EXAMPLES / "articles" / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("web-store")
    hostile = folder / "hostile.json"
    hostile.write_text(json.dumps([HOSTILE_FACTCHECK]), encoding="utf-8")
    db = folder / "factchecks.sqlite"
    for source in (EXAMPLES / "factchecks" / "claimreviews.json", hostile):
        result = CliRunner().invoke(cli.main, ["factchecks", "import", str(source), "--db", str(db)])
        assert result.exit_code == 0, result.output
    return str(db)


def make_app(web_db: str, desk: Path, **options):
    """An app over the test store; its analysis worker starts on its first analysis and
    stops when the app's lifespan ends (or ``app.state.services.close()``)."""
    return create_app(WebConfig(db=web_db, desk_db=str(desk), **options))


def ready(app):
    """``app`` with its worker processes started and each past its first answer, so that
    no test's time limit counts a worker's start (opening its models and index)."""
    services = app.state.services
    services.start()
    for worker in services.catalog.pool.workers:
        with pytest.raises(Failed, match="no fact-check"):
            worker.call(("get", "nothing-here"))
    for worker in services.jobs.pool.workers:
        assert worker.call(loader(services.config, text="Le port a exporté 5 millions de tonnes."))["language"]
    return app


@pytest.fixture(scope="module")
def app(web_db, tmp_path_factory):
    return ready(make_app(web_db, tmp_path_factory.mktemp("desk") / "desk.sqlite"))


@pytest.fixture(scope="module")
def key(app) -> str:
    return app.state.services.desk.create_key("tests")[1]


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def auth(key) -> dict:
    return {"Authorization": f"Bearer {key}"}


