"""How E5Encoder cuts texts into runs: similar lengths together, little padding."""

from types import SimpleNamespace

from claimscope.encoder.engine import E5Encoder


def runs(lengths: list[int]) -> list[list[int]]:
    windows = [(i, [5] * n) for i, n in enumerate(lengths)]
    return E5Encoder._batches(SimpleNamespace(BATCH_TOKENS=512, MAX_PADDING=0.1), windows)


def test_runs_stay_under_the_padding_share_and_the_token_budget():
    lengths = [3, 8, 12, 15, 22, 30, 31, 33, 35, 47, 60, 61, 90, 120, 7, 34, 36, 34]
    found = runs(lengths)
    assert sorted(w for run in found for w in run) == list(range(len(lengths)))
    for run in found:
        widths = [lengths[w] + 2 for w in run]
        assert max(widths) * len(run) <= 512
        if len(run) > 1:
            assert max(widths) * len(run) <= 1.1 * sum(widths)


def test_equal_lengths_fill_a_run():
    assert [len(run) for run in runs([30] * 20)] == [16, 4]  # 32 tokens each: 16 per 512
