"""Reading the CLEF CheckThat! splits: no training text is a copy of an evaluation text."""

from claimscope.checkworthy.clef import clean, load_all


def test_splits_are_deduplicated(shared_dir):
    datasets = load_all(shared_dir / "data" / "checkworthiness")
    assert {d.key for d in datasets} >= {"2024.en", "2024.es", "2022.ar", "2022.tr"}
    test = {ex.text for d in datasets for ex in d.splits["dev-test"]}
    dev = {ex.text for d in datasets for ex in d.splits["dev"]}
    for d in datasets:
        train = {ex.text for ex in d.splits["train"]}
        assert not train & (test | dev), d.key
        assert not {ex.text for ex in d.splits["dev"]} & test, d.key
        assert all(ex.label in (0, 1) for s in d.splits.values() for ex in s)
    by_key = {d.key: d for d in datasets}
    assert len(by_key["2024.en"].splits["train"]) > 20000
    assert by_key["2022.ar"].splits["dev-test"] and by_key["2024.ar"].splits["train"]


def test_clean_drops_links_and_collapses_spaces():
    assert clean(" Vaccines  arrived https://t.co/x today\n") == "Vaccines arrived today"
