"""The desk store on both backends: analyses, history, statuses, decisions, API keys."""

from __future__ import annotations

import pytest

from claimscope.web.desk import DeskStore
from claimscope.web.errors import NotFound


def report(title: str, flags: tuple[str, ...] = ()) -> dict:
    """A minimal report (written for these tests) with a match and a sourcing chain."""
    return {
        "article": {"meta": {"title": title, "source": "-", "url": None}, "text": title},
        "language": {"main": "fr"},
        "sourcing": [{"flags": [{"kind": kind, "reason": "test"} for kind in flags]}],
        "matches": [{"factcheck_id": "fc-1", "text": title, "claim": "A claim.", "confidence": 0.9,
                     "verdict": "false", "article_date": None}],
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path):
    location = str(tmp_path / "desk.sqlite") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = DeskStore(location)
    yield store
    store.close()


def test_analyses_decisions_and_history(desk):
    first = desk.add_analysis(report("Élections : le taux de participation_record", ("known_disinformation",)))
    second = desk.add_analysis(report("Le budget\x00 a doublé"))
    items, total = desk.history()
    assert total == 2 and [i["id"] for i in items] == [second, first]
    assert [i["id"] for i in desk.history(flag="known_disinformation")[0]] == [first]
    assert [i["id"] for i in desk.history(query="participation_r")[0]] == [first]
    assert desk.history(query="%")[1] == 0 and desk.history(query="BUDGET")[1] == 1
    assert [i["id"] for i in desk.history(limit=1, offset=1)[0]] == [first]
    desk.set_status(first, 0, "checking", "first note")
    desk.set_status(first, 0, "checked", "second note")
    desk.decide(first, "fc-1", "rejected")
    desk.decide(first, "fc-1", "confirmed")
    stored = desk.analysis(first)
    assert stored["statuses"][0]["status"] == "checked" and stored["statuses"][0]["note"] == "second note"
    assert stored["decisions"]["fc-1"]["decision"] == "confirmed"
    assert desk.history()[0][1]["confirmed"] == 1 and desk.history()[0][1]["checked"] == 1
    assert [(a, f, d) for a, f, d, _, _ in desk.decisions()] == [(first, "fc-1", "confirmed")]
    with pytest.raises(NotFound):
        desk.analysis("missing")
    with pytest.raises(NotFound):
        desk.set_status("missing", 0, "checked", "")


def test_keys_are_stored_hashed_and_revocable(desk):
    key_id, key = desk.create_key("Ana")
    assert desk.key_id(key) == key_id and desk.key_id(key + "x") is None and desk.key_id("nonsense") is None
    assert [k.name for k in desk.keys()] == ["Ana"]
    assert desk.revoke_key(key_id) and not desk.revoke_key(key_id)
    assert desk.key_id(key) is None and desk.keys()[0].revoked_at
