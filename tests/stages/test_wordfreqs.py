"""Word frequencies read in place from tables built from wordfreq's lists: the same
numbers as wordfreq's own dict, the table built once, a damaged table rebuilt, an
unwritable folder only meaning the list in memory."""

from __future__ import annotations

import pytest
from wordfreq import get_frequency_dict

from claimscope import filecache
from claimscope.stages import wordfreqs


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(filecache, "folder", lambda name: tmp_path / name)
    wordfreqs.frequencies.cache_clear()
    yield tmp_path / "wordfreq"
    wordfreqs.frequencies.cache_clear()


def test_the_same_frequencies_as_wordfreq(folder):
    expected = get_frequency_dict("en", wordlist="large")
    words = sorted(expected)[::97] + ["the", "council", "précisemilitants", "zzqqxx", ""]
    table = wordfreqs.frequencies("en")
    assert [table.get(w, 0.0) for w in words] == [expected.get(w, 0.0) for w in words]
    assert [w in table for w in words] == [w in expected for w in words]
    assert len(list(folder.glob("large_en-*.sqlite"))) == 1


def test_a_language_with_only_the_small_list_and_one_with_none(folder):
    expected = get_frequency_dict("da", wordlist="small")
    table = wordfreqs.frequencies("da")
    assert all(table.get(w) == f for w, f in list(expected.items())[::50])
    assert wordfreqs.frequencies("xx") is None


def test_the_table_is_built_once(folder, monkeypatch):
    wordfreqs.frequencies("fr")
    wordfreqs.frequencies.cache_clear()
    monkeypatch.setattr(wordfreqs, "_decode", lambda source: pytest.fail("decoded again"))
    assert wordfreqs.frequencies("fr").get("le", 0.0) > 1e-3


def test_a_damaged_table_is_built_again(folder):
    wordfreqs.frequencies("fr")
    wordfreqs.frequencies.cache_clear()
    (path,) = folder.glob("*.sqlite")
    path.write_bytes(path.read_bytes()[:4096])
    assert wordfreqs.frequencies("fr").get("le", 0.0) > 1e-3
    assert filecache.intact(path)


def test_an_unwritable_folder_means_the_list_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(filecache, "folder", lambda name: blocker / name)
    wordfreqs.frequencies.cache_clear()
    try:
        assert wordfreqs.frequencies("fr").get("le", 0.0) == get_frequency_dict("fr", wordlist="large")["le"]
    finally:
        wordfreqs.frequencies.cache_clear()
