"""The decoded simplemma dictionaries kept on disk (lemmas.py): the same lemmas as
simplemma's own, a damaged file never trusted."""

import simplemma
from simplemma.strategies import DefaultStrategy

from claimscope.stages.attribution.lemmas import _DiskCachedDictionaries, lemma, lemmas

WORDS = ["testified", "reacts", "children", "went", "better", "unheardofword"]


def lemmas_with(factory) -> list[str]:
    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    return [lemmatizer.lemmatize(w, "en") for w in WORDS]


def test_cached_dictionary_gives_simplemma_lemmas(tmp_path):
    expected = [simplemma.lemmatize(w, lang="en") for w in WORDS]
    first = _DiskCachedDictionaries(tmp_path)
    assert lemmas_with(first) == expected
    path = first.path("en")
    assert path.exists() and path.parent == tmp_path
    assert lemmas_with(_DiskCachedDictionaries(tmp_path)) == expected  # read back from the file


def test_damaged_file_is_rebuilt(tmp_path):
    factory = _DiskCachedDictionaries(tmp_path)
    expected = dict(factory.get_dictionary("en"))
    path = factory.path("en")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    again = _DiskCachedDictionaries(tmp_path)
    assert dict(again.get_dictionary("en")) == expected
    path.write_bytes(b"\x00\x01")  # truncated
    assert dict(_DiskCachedDictionaries(tmp_path).get_dictionary("en")) == expected
    assert path.stat().st_size > 1000  # written whole again


def test_an_unwritable_folder_only_means_decoding(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    expected = [simplemma.lemmatize(w, lang="en") for w in WORDS]
    assert lemmas_with(_DiskCachedDictionaries(blocker / "lemmas")) == expected


def test_a_language_without_a_dictionary_keeps_its_words():
    # simplemma has no Vietnamese dictionary: a rule asking for lemmas gets the words back
    assert lemma("vi", "Nói") == "nói"
    assert lemmas("vi", "kể") == ("kể",)
