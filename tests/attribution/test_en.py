from tests.attribution.util import by_cue, run


def test_quote_split_and_pronoun():
    _, found = run(
        [
            '"We will not negotiate," the foreign minister said, "and we will bring them home."',
            "He added that talks had failed.",
        ],
        "en",
    )
    said = by_cue(found, "said")
    assert said["speaker"] == "the foreign minister" and said["direct"]
    assert "bring them home" in said["content"]
    assert by_cue(found, "added")["entity"] == said["entity"]


def test_according_to_nested_and_anonymous_officials():
    _, found = run(
        [
            "According to the Associated Press, the governor told reporters that the bridge would reopen.",
            "Officials said repairs had cost more than expected.",
        ],
        "en",
    )
    outer, inner = by_cue(found, "According to"), by_cue(found, "told")
    assert outer["speaker"] == "the Associated Press"
    assert (
        inner["speaker"] == "the governor"
        and inner["content"] == "the bridge would reopen"
    )
    assert found[inner["nested_in"]] == outer
    assert by_cue(found, "said")["anonymous"]
