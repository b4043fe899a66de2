"""The learned chooser: scoring, choosing, saving, fitting and held-out scores."""

import pytest

from claimscope.errors import InputError
from claimscope.ranker import Ranker, fit, leave_one_group_out


def test_score_and_best_pick_the_highest_candidate():
    ranker = Ranker("t", {"after_cue": 2.0, "pronoun": -1.0}, bias=0.5)
    assert ranker.score({"after_cue": 1, "unknown": 9}) == 2.5
    assert ranker.best([{"pronoun": 1}, {"after_cue": 1}, {}]) == 1
    assert ranker.best([{}, {}]) == 0  # a tie keeps the first
    assert ranker.best([]) is None
    assert 0.9 < ranker.probability({"after_cue": 1}) < 1.0


def test_save_and_load_round_trip(tmp_path):
    ranker = Ranker("speaker", {"a": 1.25, "b": -0.5, "zero": 0.0}, 0.1, "dev", {"c": 1.0})
    path = tmp_path / "r.json"
    ranker.save(path)
    loaded = Ranker.load(path)
    assert loaded.weights == {"a": 1.25, "b": -0.5}
    assert (loaded.name, loaded.bias, loaded.trained_on) == ("speaker", 0.1, "dev")


def test_load_refuses_other_files(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"weights": {}}')
    with pytest.raises(InputError):
        Ranker.load(path)
    with pytest.raises(InputError):
        Ranker.load(tmp_path / "missing.json")


def test_fit_learns_the_signal_and_held_out_scores_follow_it():
    pytest.importorskip("sklearn")
    rows, labels, groups = [], [], []
    for g in range(6):
        rows += [{"named": 1, "near": 1}, {"pronoun": 1}, {"named": 1}]
        labels += [1, 0, 0]
        groups += [f"a{g}"] * 3
    ranker = fit(rows, labels, name="t", trained_on="toy")
    assert ranker.best(rows[:3]) == 0
    held = leave_one_group_out(rows, labels, groups, name="t", trained_on="toy")
    assert all(held[i] > max(held[i + 1], held[i + 2]) for i in range(0, 18, 3))
    with pytest.raises(InputError):
        fit([{"a": 1}], [1], name="t", trained_on="toy")
