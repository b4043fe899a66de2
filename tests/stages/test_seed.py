"""The reference article (../shared/seed): every translation trace the issue names is found."""

from __future__ import annotations

import pytest

from tests.stages.helpers import run


@pytest.fixture
def seed(shared_dir):
    path = shared_dir / "seed" / "albu-kamal-fr.txt"
    return run(path.read_text(encoding="utf-8"))


def _lines(doc):
    return [line.strip() for line in doc.text.split("\n") if line.strip()]


def _by_kind(doc, kind):
    return [f for f in doc.findings if f.kind == kind]


def test_main_language_is_french(seed):
    assert seed.language == "fr"


def test_vietnamese_captions_are_untranslated_with_whole_line_spans(seed):
    captions = [line for line in _lines(seed) if "Ảnh:" in line]
    assert len(captions) == 2
    found = _by_kind(seed, "untranslated_fragment")
    assert [seed.text[f.start : f.end] for f in found] == captions
    assert all(f.lang == "vi" and f.label == "beside_translation" for f in found)
    assert all("French translation" in f.reason for f in found)


def test_english_dateline_is_foreign(seed):
    dateline = next(line for line in _lines(seed) if line.startswith("November"))
    (found,) = _by_kind(seed, "foreign_dateline")
    assert seed.text[found.start : found.end] == dateline
    assert found.lang == "en" and found.value == "2017-11-14"


def test_garbled_sentence_is_reported(seed):
    (found,) = _by_kind(seed, "garbled_sentence")
    span = seed.text[found.start : found.end]
    assert span.startswith("« Ce plan précise")
    assert "précisemilitants" in found.reason


def test_related_news_is_boilerplate(seed):
    (found,) = _by_kind(seed, "boilerplate")
    assert seed.text[found.start : found.end] == "NOUVELLES CONNEXES"
    assert found.label == "related_links"


def test_credit_line(seed):
    (found,) = _by_kind(seed, "credit_line")
    assert seed.text[found.start : found.end] == "Selon Kienthuc.net.vn"
    assert found.value == "Kienthuc.net.vn"


def test_every_finding_names_its_stage(seed):
    assert {f.stage for f in seed.findings} == {"language@1", "traces@1"}
