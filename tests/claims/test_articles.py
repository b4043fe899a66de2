"""Training rows from articles annotated by another hand (checkworthy.articles), on
invented articles in the format of GUIDE.md."""

import json

from claimscope.checkworthy.articles import article_rows

DEV = (
    "River floods cut off three villages\n"
    "By Ann Grey | Valley Post | 2 May 2022\n"
    "The river rose 3 metres overnight and cut the only road to three villages, the county said.\n"
    "Residents spent the morning moving furniture upstairs.\n"
    "Will the dam hold?\n"
    "Share: Mastodon | Bluesky"
)
TEST = "Council approves budget\nThe council approved a budget of 12 million euros on Monday."


def _write(tmp_path):
    rows = [
        {"id": "en-01", "split": "dev", "text": DEV,
         "checkworthy": ["The river rose 3 metres overnight and cut the only road to three villages, the county said.",
                         "River floods cut off three villages"]},
        {"id": "en-02", "split": "test", "text": TEST,
         "checkworthy": ["The council approved a budget of 12 million euros on Monday."]},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dev_prose_sentences_with_gold_labels(tmp_path):
    texts, langs, labels = article_rows(_write(tmp_path), "dev")
    # headline, byline, question and share line are ruled out by their shape
    assert texts == [
        "The river rose 3 metres overnight and cut the only road to three villages, the county said.",
        "Residents spent the morning moving furniture upstairs.",
    ]
    assert labels == [1, 0]
    assert langs == ["en", "en"]


def test_other_split_is_not_read(tmp_path):
    texts, _, labels = article_rows(_write(tmp_path), "test")
    assert texts == ["The council approved a budget of 12 million euros on Monday."] and labels == [1]


def test_news_head_trains_with_articles(tmp_path, capsys):
    import pytest

    from claimscope.checkworthy.head import Head
    from claimscope.checkworthy.train import main
    from tests.conftest import REPO

    news = str(REPO / "devsets" / "checkworthy" / "news.jsonl")
    main(["--news", news, "--articles", str(_write(tmp_path)), "--out", str(tmp_path / "news.npz")])
    assert "shared/data/articles" in Head.load(tmp_path / "news.npz").trained_on
    with pytest.raises(SystemExit) as stop:
        main(["--news", news, "--articles", str(tmp_path / "absent.jsonl"), "--out", str(tmp_path / "x.npz")])
    assert stop.value.code == 2 and "Traceback" not in capsys.readouterr().err
