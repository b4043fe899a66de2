"""End-to-end: the desk in a real headless Chromium (Debian's ``chromium``, installed by
``make setup-test``), driven by Playwright over a real server. Screenshots of each page
go to test-output/web/."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import REPO
from tests.web.conftest import FRENCH_QUERY, HOSTILE, MATCHED_ARTICLE, article, make_app, ready
from tests.web.server import Server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = REPO / "test-output" / "web"

sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(web_db, tmp_path_factory):
    app = ready(make_app(web_db, tmp_path_factory.mktemp("e2e") / "desk.sqlite"))
    key = app.state.services.desk.create_key("browser")[1]
    with Server(app) as running:
        running.key = key
        yield running


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromium"):
        pytest.fail("chromium is not installed: run `make setup-test` (it installs Debian's chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    yield from signed_in(browser, server)


def signed_in(browser, server):
    """A signed-in tab that fails the test on any dialog (alert, confirm...) or anything
    the Content-Security-Policy blocked (inline script or style)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    tab.on("console", lambda msg: msg.type == "error" and tab.errors.append(msg.text))
    tab.goto(server.url + "/signin")
    tab.fill("#key", server.key)
    tab.click("button[type=submit]")
    tab.wait_for_url(server.url + "/")
    yield tab
    assert tab.dialogs == [], f"a dialog opened: {tab.dialogs}"
    assert not [e for e in tab.errors if "Content Security Policy" in e], tab.errors
    context.close()


def shot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def paste(tab, server, text: str) -> None:
    tab.goto(server.url + "/")
    tab.fill("#text", text)
    tab.click("#analyze-button")
    tab.wait_for_url("**/analyses/*", timeout=120_000)


def test_untranslated_captions_are_highlighted_with_their_language(page, server):
    text = article("cereales-fr.txt")
    paste(page, server, text)
    marks = page.locator("mark.untranslated_fragment[data-lang]")
    assert marks.count() >= 1
    assert {marks.nth(i).get_attribute("data-lang") for i in range(marks.count())} == {"vi"}
    assert marks.first.inner_text().strip() in text
    # The detail line follows the keyboard focus.
    marks.first.focus()
    assert "Untranslated fragment (vi)" in page.locator("#detail").inner_text()
    assert page.locator("#main-language").inner_text() == "fr"
    # Keyboard: the first Tab reaches the skip link, which leads to the content.
    page.reload()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    shot(page, "report")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(page, "report-phone")


def test_follow_a_matched_fact_check_confirm_it_and_see_it_in_history(page, server):
    paste(page, server, MATCHED_ARTICLE)
    match = page.locator("li.match", has_text="2017-11-14")
    assert "Bellingcat" in match.inner_text()
    match.locator("a.factcheck-link").click()
    page.wait_for_url("**/factchecks/**")
    assert "Bellingcat" in page.locator("#factcheck").inner_text()
    shot(page, "factcheck")
    page.go_back()
    page.locator("li.match", has_text="2017-11-14").get_by_role("button", name="Confirm").click()
    assert page.locator("li.match", has_text="2017-11-14").locator(".decision.confirmed").count() == 1
    shot(page, "report-confirmed")
    claim = page.locator("ol.claims > li").first
    claim.locator("select").select_option("checked")
    claim.locator("input[name=note]").fill("ministry called back")
    claim.get_by_role("button", name="Save").click()
    claim = page.locator("ol.claims > li").first
    assert claim.locator("select").input_value() == "checked"
    assert claim.locator("input[name=note]").input_value() == "ministry called back"
    page.goto(server.url + "/history?flag=known_disinformation")
    row = page.locator("#history tbody tr").first
    assert "1 confirmed" in row.inner_text() and "1 checked" in row.inner_text()
    assert "known disinformation" in row.inner_text()
    shot(page, "history")
    exported = page.request.get(server.url + "/export.jsonl").text()
    assert '"decision": "confirmed"' in exported


def test_search_fact_checks_in_french_finds_the_english_record(page, server):
    page.goto(server.url + "/factchecks")
    page.fill("#q", FRENCH_QUERY)
    page.click("#search-form button[type=submit]")
    first = page.locator("#hits li").first
    assert first.get_attribute("lang") == "en" and "2017-11-14" in first.inner_text()
    shot(page, "factcheck-search")


def test_upload_an_html_file(page, server, tmp_path):
    html = ("<!doctype html><html lang='fr'><head><meta charset='windows-1252'><title>Le marché de Noël rouvre</title>"
            "</head><body><article><h1>Le marché de Noël rouvre</h1><p>La mairie a annoncé que le marché "
            "accueillera 120 exposants, soit deux fois plus qu'en 2022.</p><p>Selon l'adjoint au commerce, "
            "les chalets seront chauffés à l'énergie solaire.</p></article></body></html>")
    upload = tmp_path / "marche.html"
    upload.write_bytes(html.encode("cp1252"))
    page.goto(server.url + "/")
    page.set_input_files("#file", str(upload))
    page.click("#analyze-button")
    page.wait_for_url("**/analyses/*", timeout=120_000)
    assert "Le marché de Noël rouvre" in page.locator("h1").inner_text()
    assert "120 exposants" in page.locator("#article").inner_text()
    shot(page, "upload")


def test_a_private_address_is_refused_with_a_clear_message(page, server):
    page.goto(server.url + "/")
    page.fill("#url", "http://192.168.1.10/story")
    page.click("#analyze-button")
    message = page.locator("#job-error")
    message.wait_for(timeout=60_000)
    assert "E200" in message.inner_text() and "private" in message.inner_text()
    shot(page, "private-url")


def test_hostile_text_is_inert_in_every_page(page, server):
    paste(page, server, HOSTILE)
    shot(page, "hostile-report")
    assert page.evaluate("document.querySelectorAll('#article script, #article img, #article svg').length") == 0
    assert "<script>" in page.locator("#article").inner_text()
    page.goto(server.url + "/history")
    assert page.locator("#history script").count() == 0
    page.goto(server.url + "/factchecks?q=taxes+fall")
    hit = page.locator("#hits a.claim-link").first
    assert "<script>" in hit.inner_text()
    hit.click()
    page.wait_for_url("**/factchecks/**")
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("#factcheck script, #factcheck img, #factcheck b").count() == 0
    shot(page, "hostile-factcheck")
    assert page.errors == []
