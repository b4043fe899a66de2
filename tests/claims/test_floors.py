"""Check-worthiness quality gates (bench/eval_checkworthiness.py, floors in bench/floors.json).

The news gate embeds our 252 sentences (seconds). The CLEF gates embed about 63,000
CheckThat! texts: about 20-30 minutes on 2 idle cores with a cold embedding cache
(claimscope.embed.cache_path()), about a minute with a warm one.
"""

from eval_checkworthiness import evaluate_clef, evaluate_news

from tests.conftest import floor

CLEF_METRICS = (
    "checkworthy.2024.en.f1",
    "checkworthy.2024.es.f1",
    "checkworthy.2024.ar.f1",
    "checkworthy.2024.nl.f1",
    "checkworthy.2022.avg.f1",
    "checkworthy.news.clef_head.f1",
)


def test_news_floor():
    metrics = evaluate_news()
    assert metrics["checkworthy.news.news_head.f1"] >= floor("checkworthy.news.news_head.f1")


def test_clef_floors(shared_dir):
    metrics = evaluate_clef(shared_dir / "data" / "checkworthiness")
    for name in CLEF_METRICS:
        assert metrics[name] >= floor(name), name
