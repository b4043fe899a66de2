"""End-to-end on real data, read at run time from ../shared (skipped when it is absent):
the reference article pasted into the desk over a store of the real EUvsDisinfo cases
(and Snopes claims), in headless Chromium. Its two Vietnamese captions are highlighted
with their language, the 2017-11-14 EUvsDisinfo case is matched and followed, confirmed,
and shown in history."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.web.conftest import make_app, ready
from tests.web.server import Server
from tests.web.test_browser import browser, paste, shot, signed_in  # noqa: F401 - the browser fixture

SEED = REPO.parent / "shared" / "seed" / "albu-kamal-fr.txt"


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory):
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent: the shared evaluation data is not on this machine")
    from eval_retrieval import cached_embedder
    from factcheck_corpus import open_corpus

    store, index = open_corpus(cached_embedder())  # built (and embedded) on first use
    location = store.location
    index.close()
    store.close()
    app = ready(make_app(location, tmp_path_factory.mktemp("reference") / "desk.sqlite"))
    key = app.state.services.desk.create_key("reference")[1]
    with Server(app) as running:
        running.key = key
        yield running


@pytest.fixture
def tab(browser, shared_server):  # noqa: F811 - the browser fixture imported above
    yield from signed_in(browser, shared_server)


def test_the_reference_article_against_the_real_euvsdisinfo_cases(tab, shared_server):
    text = SEED.read_text(encoding="utf-8")
    paste(tab, shared_server, text)
    marks = tab.locator("mark.untranslated_fragment[data-lang]")
    assert marks.count() == 2
    assert {marks.nth(i).get_attribute("data-lang") for i in range(2)} == {"vi"}
    match = tab.locator("li.match", has_text="2017-11-14").first
    assert "EUvsDisinfo" in match.inner_text()
    shot(tab, "reference-report")
    match.locator("a.factcheck-link").click()
    tab.wait_for_url("**/factchecks/**")
    assert "EUvsDisinfo" in tab.locator("#factcheck").inner_text()
    tab.go_back()
    match = tab.locator("li.match", has_text="2017-11-14").first
    match.get_by_role("button", name="Confirm").click()
    assert match.locator(".decision.confirmed").count() == 1
    tab.goto(shared_server.url + "/history?flag=known_disinformation")
    row = tab.locator("#history tbody tr").first
    assert "1 confirmed" in row.inner_text() and "known disinformation" in row.inner_text()
    shot(tab, "reference-history")
