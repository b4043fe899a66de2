"""The JSON API in-process over ASGI: analyses, desk decisions, fact-checks, errors, access."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import FRENCH_QUERY, HOSTILE, MATCHED_ARTICLE, article, make_app


def analyse(client, auth, text: str, **extra) -> dict:
    response = client.post("/api/v1/analyses", json={"text": text, **extra}, headers=auth)
    assert response.status_code == 201, response.text
    return response.json()


def error_of(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code
    return error["message"]


@pytest.fixture(scope="module")
def matched(client, auth) -> dict:
    return analyse(client, auth, MATCHED_ARTICLE)


def test_a_short_text_is_analysed_at_once_and_stored_under_its_permalink(client, auth):
    view = analyse(client, auth, article("cereales-fr.txt"))
    report = view["report"]
    assert report["schema"] == "claimscope.report/1" and report["language"]["main"] == "fr"
    fragments = [f for f in report["findings"] if f["kind"] == "untranslated_fragment"]
    assert [f["lang"] for f in fragments] == ["vi"]
    assert view["permalink"] == f"/analyses/{view['id']}"
    assert client.get(f"/api/v1/analyses/{view['id']}").json() == view
    page = client.get(view["permalink"])
    assert page.status_code == 200 and 'data-lang="vi"' in page.text


def test_a_job_is_queued_then_done(client, auth):
    response = client.post("/api/v1/analyses", json={"text": article("election-en.txt"), "mode": "job"}, headers=auth)
    assert response.status_code == 202
    job = response.json()
    for _ in range(600):
        job = client.get(f"/api/v1/jobs/{job['id']}").json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done", job
    assert client.get(f"/api/v1/analyses/{job['analysis_id']}").status_code == 200


def test_desk_decisions_are_kept_shown_in_history_and_exported(client, auth, matched):
    match = next(m for m in matched["matches"] if m["review_date"] == "2017-11-14")
    assert match["publisher"] == "Bellingcat" and match["decision"] is None
    url = f"/api/v1/analyses/{matched['id']}/matches/{match['factcheck_id']}"
    assert client.put(url, json={"decision": "confirmed"}, headers=auth).status_code == 200
    claim = matched["claims"][0]
    url = f"/api/v1/analyses/{matched['id']}/claims/{claim['sentence']}"
    assert client.put(url, json={"status": "checking", "note": "call the ministry"}, headers=auth).status_code == 200
    view = client.get(f"/api/v1/analyses/{matched['id']}").json()
    assert next(m for m in view["matches"] if m["factcheck_id"] == match["factcheck_id"])["decision"] == "confirmed"
    assert view["claims"][0]["status"] == "checking" and view["claims"][0]["note"] == "call the ministry"
    history = client.get("/api/v1/analyses", params={"flag": "known_disinformation"}).json()
    row = next(item for item in history["items"] if item["id"] == matched["id"])
    assert row["confirmed"] == 1 and "known_disinformation" in row["flags"]
    lines = [json.loads(line) for line in client.get("/api/v1/decisions").text.splitlines()]
    assert {"analysis_id": matched["id"], "factcheck_id": match["factcheck_id"], "decision": "confirmed"}.items() \
        <= next(line for line in lines if line["analysis_id"] == matched["id"]).items()


def test_history_is_newest_first_and_paginated(client, auth):
    first, second = analyse(client, auth, "Premier article.\n\nLe port a exporté 3 millions de tonnes."), \
        analyse(client, auth, "Second article.\n\nLe port a exporté 4 millions de tonnes.")
    page = client.get("/api/v1/analyses", params={"per_page": 1}).json()
    assert page["items"][0]["id"] == second["id"] and page["total"] >= 2
    assert client.get("/api/v1/analyses", params={"per_page": 1, "page": 2}).json()["items"][0]["id"] == first["id"]
    assert client.get("/api/v1/analyses", params={"q": "Second article"}).json()["total"] == 1


def test_fact_checks_are_searched_in_any_language_and_filtered(client):
    items = client.get("/api/v1/factchecks", params={"q": FRENCH_QUERY}).json()["items"]
    assert items and items[0]["language"] == "en" and items[0]["review_date"] == "2017-11-14"
    record = client.get(f"/api/v1/factchecks/{items[0]['id']}").json()
    assert record["publisher"] == "Bellingcat"
    assert client.get("/api/v1/factchecks", params={"q": FRENCH_QUERY, "lang": "fr"}).json()["items"] == []
    listed = client.get("/api/v1/factchecks", params={"publisher": "PolitiFact", "until": "2014-01-01"}).json()["items"]
    assert {r["review_date"] for r in listed} == {"2009-08-10", "2013-12-12"}


def test_a_claimreview_draft_is_prefilled_from_the_claim(client, matched):
    claim = matched["claims"][0]
    response = client.get(f"/api/v1/analyses/{matched['id']}/claims/{claim['sentence']}/claimreview")
    assert response.headers["content-type"].startswith("application/ld+json")
    draft = response.json()
    assert draft["@type"] == "ClaimReview" and draft["claimReviewed"] == claim["text"]
    assert draft["reviewRating"]["alternateName"] == ""


def test_writes_need_a_live_key(client, app, auth):
    body = {"text": "Un texte."}
    assert "API key" in error_of(client.post("/api/v1/analyses", json=body), 401, "E702")
    error_of(client.post("/api/v1/analyses", json=body, headers={"Authorization": "Bearer csk_00000000_nope"}), 401, "E702")
    desk = app.state.services.desk
    key_id, key = desk.create_key("short-lived")
    assert desk.revoke_key(key_id)
    error_of(client.post("/api/v1/analyses", json=body, headers={"X-API-Key": key}), 401, "E702")


def test_bad_requests_get_a_clear_4xx(client, auth):
    post = client.post
    error_of(post("/api/v1/analyses", content=b"text=hello", headers={**auth, "content-type": "text/plain"}), 415, "E707")
    assert "JSON" in error_of(post("/api/v1/analyses", content=b"{nope", headers={**auth, "content-type": "application/json"}), 422, "E701")
    error_of(post("/api/v1/analyses", json={"text": "x", "colour": "red"}, headers=auth), 422, "E701")
    assert "exactly one" in error_of(post("/api/v1/analyses", json={}, headers=auth), 422, "E701")
    error_of(post("/api/v1/analyses", json={"text": "   "}, headers=auth), 422, "E100")
    error_of(client.get("/api/v1/analyses/unknown"), 404, "E703")
    error_of(client.get("/api/v1/jobs/unknown"), 404, "E703")
    error_of(client.get("/api/v1/factchecks/unknown"), 404, "E703")
    error_of(client.get("/api/v1/factchecks", params={"since": "yesterday"}), 422, "E701")
    error_of(client.get("/api/v1/analyses", params={"per_page": 1000}), 422, "E701")
    error_of(client.put("/api/v1/analyses/unknown/claims/0", json={"status": "checked"}, headers=auth), 404, "E703")
    error_of(client.put("/api/v1/analyses/unknown/claims/0", json={"status": "done"}, headers=auth), 422, "E701")
    error_of(client.get("/api/v1/nowhere"), 404, "E703")


def test_a_private_address_is_refused(client, auth):
    response = client.post("/api/v1/analyses", json={"url": "http://127.0.0.1:9/admin"}, headers=auth)
    assert "private" in error_of(response, 422, "E200") or "loopback" in response.text


def test_an_oversized_body_is_refused_before_it_is_read(web_db, tmp_path):
    app = make_app(web_db, tmp_path / "desk.sqlite", max_body=1000)
    key = app.state.services.desk.create_key("t")[1]
    with TestClient(app) as client:
        response = client.post("/api/v1/analyses", json={"text": "mot " * 1000}, headers={"X-API-Key": key})
        error_of(response, 413, "E704")


def test_writes_are_rate_limited_per_key(web_db, tmp_path):
    app = make_app(web_db, tmp_path / "desk.sqlite", write_rate=2)
    key = app.state.services.desk.create_key("t")[1]
    with TestClient(app) as client:
        answers = [client.put("/api/v1/analyses/x/claims/0", json={"status": "checked"},
                              headers={"X-API-Key": key}) for _ in range(3)]
    assert [a.status_code for a in answers] == [404, 404, 429]
    assert answers[-1].headers["retry-after"] == "60" and answers[-1].json()["error"]["code"] == "E705"


def test_private_reads_need_a_key(web_db, tmp_path):
    app = make_app(web_db, tmp_path / "desk.sqlite", private_reads=True)
    key = app.state.services.desk.create_key("t")[1]
    with TestClient(app) as client:
        error_of(client.get("/api/v1/analyses"), 401, "E702")
        assert client.get("/api/v1/analyses", headers={"X-API-Key": key}).status_code == 200


def test_every_answer_carries_the_security_headers(client):
    for path in ("/", "/api/v1/analyses", "/static/desk.css", "/nowhere"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_form_posts_need_the_csrf_token(client, matched):
    response = client.post(f"/analyses/{matched['id']}/status", data={"sentence": 0, "status": "checked"})
    assert response.status_code == 403 and "E706" in response.text


def test_hostile_text_is_escaped_in_the_page(client, auth):
    view = analyse(client, auth, HOSTILE)
    html = client.get(view["permalink"]).text
    assert "<script>alert" not in html and "onerror=\"alert" not in html and "<svg onload" not in html
    assert "&lt;script&gt;alert" in html and "\u202e" not in html and "\\u202e" in html


def test_a_streamed_body_over_the_limit_is_cut_off(web_db, tmp_path):
    app = make_app(web_db, tmp_path / "desk.sqlite", max_body=1000)
    key = app.state.services.desk.create_key("t")[1]

    def chunks():  # no Content-Length: the limit applies as the body streams in
        yield b'{"text": "'
        for _ in range(100):
            yield b"mot " * 10
        yield b'"}'

    with TestClient(app) as client:
        response = client.post("/api/v1/analyses", content=chunks(),
                               headers={"X-API-Key": key, "content-type": "application/json"})
        error_of(response, 413, "E704")
