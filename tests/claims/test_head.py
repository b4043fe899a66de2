"""Heads: save/load round trip, choosing the head, clear errors."""

import numpy as np
import pytest

from claimscope.checkworthy.head import Head, load_head
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


def test_a_named_head_is_loaded(tmp_path):
    small_head().save(tmp_path / "h.npz")
    assert load_head(tmp_path / "h.npz").name == "tiny"


def test_shipped_head_is_the_default_even_beside_a_trained_one(monkeypatch, tmp_path):
    small_head().save(tmp_path / "clef.npz")
    monkeypatch.setattr("claimscope.checkworthy.head.user_head_path", lambda: tmp_path / "clef.npz")
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


def _toy_rows(n=60, seed=0):
    """Unit vectors in 8 dimensions whose label follows the first coordinate, plus
    two hand features of which only the first carries the label."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 2
    vectors = rng.normal(size=(n, 8)).astype(np.float32)
    vectors[:, 0] += np.where(labels == 1, 2.0, -2.0)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    feats = np.stack([labels + rng.normal(scale=0.5, size=n), rng.normal(size=n)], axis=1)
    return vectors, feats.astype(np.float32), labels


def test_feature_weight_zero_drops_the_hand_features():
    from claimscope.checkworthy.train import fit

    vectors, feats, labels = _toy_rows()
    head = fit(vectors, feats, labels, name="t", trained_on="toy", feature_weight=0.0)
    assert np.all(np.isinf(head.feat_scale))
    assert np.allclose(head.layers[0][0][8:], 0.0)
    shifted = head.scores(vectors, feats + 100.0)
    assert np.allclose(shifted, head.scores(vectors, feats))
    weighted = fit(vectors, feats, labels, name="t", trained_on="toy", feature_weight=0.1)
    assert np.allclose(weighted.feat_scale, (feats.std(0) + 1e-6) / 0.1)


def test_neighbour_memory_scores_and_survives_a_round_trip(tmp_path):
    from claimscope.checkworthy.train import fit, with_neighbours

    vectors, feats, labels = _toy_rows()
    head = fit(vectors, feats, labels, name="t", trained_on="toy", feature_weight=0.0)
    knn = with_neighbours(head, vectors, labels, vectors, feats, k=5)
    logits = knn.neighbour_logits(vectors)
    assert logits[labels == 1].mean() > 0 > logits[labels == 0].mean()
    assert knn.mix[0] == 0.5 and knn.mix[1] > 0
    assert f1(labels, knn.scores(vectors, feats) >= 0.5) > 0.9
    knn.save(tmp_path / "k.npz")
    again = Head.load(tmp_path / "k.npz")
    assert again.neighbours == 5 and again.memory.shape == (60, 8)
    assert np.allclose(again.scores(vectors, feats), knn.scores(vectors, feats), atol=1e-3)


def test_tune_picks_the_candidate_best_on_dev():
    from claimscope.checkworthy.train import tune

    train, dev = _toy_rows(seed=1), _toy_rows(seed=2)
    head = tune(train, dev, name="own", trained_on="toy",
                candidates=((1.0, 0.0, 0), (1.0, 0.1, 0), (1.0, 0.0, 5)))
    assert head.name.startswith("own:c=1,features=")
    assert f1(dev[2], head.scores(dev[0], dev[1]) >= 0.5) > 0.9
