"""Heads: save/load round trip, choosing the head, clear errors."""

import numpy as np
import pytest

from claimscope.checkworthy.head import ENV_VAR, Head, load_head
from claimscope.checkworthy.train import best_threshold, f1
from claimscope.errors import InputError


def small_head() -> Head:
    w = np.arange(6, dtype=np.float32).reshape(3, 2) / 10
    layers = ((w, np.zeros(2, np.float32)), (np.ones((2, 1), np.float32), np.array([-1.0], np.float32)))
    return Head("tiny", "hand-made", 0.4, np.zeros(1, np.float32), np.ones(1, np.float32), layers)


def test_round_trip(tmp_path):
    head = small_head()
    head.save(tmp_path / "h.npz")
    again = Head.load(tmp_path / "h.npz")
    vectors, feats = np.ones((2, 2), np.float32), np.array([[1.0], [0.0]], np.float32)
    assert again.name == "tiny" and again.threshold == pytest.approx(0.4)
    assert np.allclose(again.scores(vectors, feats), head.scores(vectors, feats))
    assert np.all((head.scores(vectors, feats) > 0) & (head.scores(vectors, feats) < 1))


def test_environment_variable_chooses_the_head(tmp_path, monkeypatch):
    small_head().save(tmp_path / "h.npz")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "h.npz"))
    assert load_head().name == "tiny"


def test_shipped_head_loads_without_any_data(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr("claimscope.checkworthy.head.user_head_path", lambda: tmp_path / "none.npz")
    head = load_head()
    assert head.name == "news" and head.layers[0][0].shape[0] == 384 + 12


def test_missing_or_broken_head_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_head(tmp_path / "absent.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="cannot read"):
        load_head(tmp_path / "bad.npz")


def test_f1_and_threshold():
    labels = [1, 1, 0, 0]
    assert f1(labels, [1, 0, 0, 0]) == pytest.approx(2 / 3)
    assert f1([0, 0], [0, 0]) == 0.0
    assert best_threshold([0.9, 0.7, 0.6, 0.1], labels) == pytest.approx(0.7)


def test_training_command_errors_are_one_line(tmp_path, capsys):
    from claimscope.checkworthy.train import main

    news = tmp_path / "news.jsonl"
    news.write_text("", encoding="utf-8")
    for argv in (["--clef", str(tmp_path / "absent"), "--news-file", str(news)],
                 ["--clef", str(tmp_path), "--news-file", str(news)],
                 ["--clef", str(tmp_path), "--news-file", str(tmp_path / "absent.jsonl")]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_news_head_trains_from_our_sentences(tmp_path):
    from claimscope.checkworthy.train import main

    from tests.conftest import REPO

    main(["--news", str(REPO / "devsets" / "checkworthy" / "news.jsonl"), "--out", str(tmp_path / "news.npz")])
    assert Head.load(tmp_path / "news.npz").name == "news"
