"""analyze_many batches articles (one embedding call, one index search for them all) and
gives every article the report analyze gives it."""

from __future__ import annotations

import pytest

from claimscope import Analyzer, Article, Meta, Settings
from claimscope.pipeline import MAX_SENTENCES
from tests.library.test_threads import ARTICLES

LONG = " ".join(f"Sentence number {i} says the ferry left at {i % 12} o'clock." for i in range(MAX_SENTENCES + 20))


@pytest.fixture(scope="module")
def analyzer(example_db):
    with Analyzer(Settings(db=example_db)) as shared:
        yield shared


def test_batches_leave_every_report_unchanged(analyzer):
    articles = [*ARTICLES, Article(LONG, Meta(date="2020-01-01")), "", ARTICLES[0]]
    alone = [analyzer.analyze(a).data for a in articles]
    together = [r.data for r in analyzer.analyze_many(articles, batch=4)]
    assert together == alone
    assert together[0]["matches"] and len(together[-3]["sentences"]) == MAX_SENTENCES
    assert together[-3]["notices"][0].startswith("only the first")


def test_a_failing_article_in_a_batch_is_recorded_and_the_others_kept(analyzer, monkeypatch, tmp_path):
    import json

    from claimscope import read_batch

    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps({"text": t}) for t in ["Calm text.", "Please explode.", "Calm again."]),
                     encoding="utf-8")
    triage = analyzer.pipeline.stages[-1]
    real = type(triage).__call__

    def fragile(self, doc):
        if "explode" in doc.text:
            raise ZeroDivisionError("a bug")
        return real(self, doc)

    monkeypatch.setattr(type(triage), "__call__", fragile)
    rows = list(analyzer.analyze_records(read_batch(batch), batch=3))
    assert ["report" in r for r in rows] == [True, False, True]
    assert rows[1]["error"]["code"] == "internal"
