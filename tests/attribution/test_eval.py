"""Quality gates on our own data: the attribution dev set per language and the seed article
(floors in bench/floors.json). These are regression tests to run after any attribution change;
the PolNeAR test split, held out, is in test_polnear.py."""

import pytest
from eval_attribution import LANGS, analyse, eval_devset

from tests.conftest import floor


@pytest.mark.parametrize("lang", LANGS)
def test_devset_speaker_f1(lang):
    metrics = eval_devset(lang)
    assert metrics[f"attribution.dev.{lang}.source_f1"] >= floor(
        "attribution.dev.speaker_f1"
    )


def test_seed_article_speakers(shared_dir):
    text = (shared_dir / "seed" / "albu-kamal-fr.txt").read_text(encoding="utf-8")
    _, found = analyse(text, "fr")
    speakers = [
        (text[a.speaker_start : a.speaker_end], a.speaker_entity)
        for a in found
        if a.speaker_start is not None
    ]
    ministry = {
        entity
        for mention, entity in speakers
        if "ministère russe de la Défense" in mention
    }
    assert len(ministry) == 1
    assert (
        sum(entity in ministry for _, entity in speakers) >= 4
    )  # incl. "l'armée russe"
    assert any(
        entity == "Sputnik" and "Sputnik" in mention for mention, entity in speakers
    )
    assert any(mention == "Kienthuc.net.vn" for mention, _ in speakers)


@pytest.mark.parametrize("lang", LANGS)
def test_devset_entities(lang):
    metrics = eval_devset(lang)
    assert metrics[f"attribution.dev.{lang}.entity_pairs"] >= floor(
        "attribution.dev.entity_pairs"
    )
