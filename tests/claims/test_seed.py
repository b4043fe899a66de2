"""The reference article: its central claims must come out check-worthy."""

import os
from importlib import resources

import pytest

from claimscope.checkworthy.head import Head, shipped_head_path, user_head_path
from claimscope.settings import Settings
from claimscope.model import Article
from claimscope.pipeline import Pipeline
from claimscope.stages import foundation_stages
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage, ranked

# Short phrases that locate the sentences carrying the article's central claims:
# the drone photos, the two refused bombing requests and the "plan américain".
MUST_BE_CHECKWORTHY = ("prises par des drones", "à deux reprises", "plan américain")
NOT_CHECKWORTHY = ("Photo : Sputnik",)


def heads():
    with resources.as_file(shipped_head_path()) as path:
        yield pytest.param(Head.load(path), id="shipped")
    built = Settings.from_env().checkworthy_head or user_head_path()
    if os.path.isfile(built):
        yield pytest.param(Head.load(built), id="built")


@pytest.mark.parametrize("head", list(heads()))
def test_central_claims_are_checkworthy(shared_dir, head):
    text = (shared_dir / "seed" / "albu-kamal-fr.txt").read_text(encoding="utf-8")
    doc = Pipeline([*foundation_stages(), AttributionStage(), ClaimsStage(head=head)]).run(Article(text))
    by_phrase = {}
    for claim in doc.claims:
        for phrase in MUST_BE_CHECKWORTHY + NOT_CHECKWORTHY:
            if phrase in doc.text[claim.start : claim.end]:
                by_phrase[phrase] = claim
    assert set(by_phrase) == set(MUST_BE_CHECKWORTHY + NOT_CHECKWORTHY)
    for phrase in MUST_BE_CHECKWORTHY:
        assert by_phrase[phrase].checkworthy, (phrase, by_phrase[phrase].score)
    for phrase in NOT_CHECKWORTHY:
        assert not by_phrase[phrase].checkworthy, phrase
    ranked_sentences = [c.sentence for c in ranked(doc)]
    assert all(by_phrase[p].sentence in ranked_sentences for p in MUST_BE_CHECKWORTHY)
