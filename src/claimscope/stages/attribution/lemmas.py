"""Word lemmas (simplemma), so that a table keyed by lemma matches every inflection:
"reacted", "testifies" -> "react", "testify"; "передаёт" -> "передавать".

A language simplemma does not cover (Vietnamese, which does not inflect) has no
lemmas: its tables list the verb forms themselves. Decoding simplemma's compressed
dictionary is slow (0.15 s for English, 1.2 s for Russian on a quiet machine), and so is
reading a whole decoded one (0.05 s for English, 1.7 s for Polish), so each language's
decoded dictionary is kept on disk as an SQLite table (``lemmas/`` in the user cache
directory, one file per language and simplemma version, checked as
``claimscope.filecache`` says) that lookups read in place: a lookup costs a few
microseconds, and each word's lemma is remembered (``lemma``). The same dictionary, so
the same lemmas. A file that does not match its checksum is never used: the dictionary
is decoded again and the file rewritten. A folder that cannot be written only means
decoding (into memory) every time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    DecodedStrMapping,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)

from ... import filecache
from ...threads import SharedConnection

_SUPPORTED = frozenset(SUPPORTED_LANGUAGES)


class _DiskCachedDictionaries(CachingDictionaryFactory):
    """simplemma's dictionaries, decoded once and then read in place from the cache folder."""

    def __init__(self, folder: Path | None = None):
        super().__init__()
        self.folder = folder

    def path(self, lang: str) -> Path:
        folder = self.folder or filecache.folder("lemmas")
        size = (DATA_FOLDER / f"{lang}.plzma").stat().st_size  # a changed data file gives a new name
        return folder / f"{lang}-simplemma{simplemma.__version__}-{size}.sqlite"

    def _get_dictionary_uncached(self, lang: str) -> DecodedStrMapping:
        if lang not in _SUPPORTED:
            raise ValueError(f"Unsupported language: {lang}")
        path = self.path(lang)
        if filecache.intact(path):
            return _TableDictionary(path)
        decoded = _load_dictionary_from_disk(lang)
        table = "CREATE TABLE d (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID"
        if filecache.keep_table(path, table, "INSERT INTO d VALUES (?, ?)", sorted(decoded.items())):
            return _TableDictionary(path)
        return MappingStrToByteString(decoded)


class _TableDictionary(DecodedStrMapping):
    """A decoded dictionary read in place from its SQLite table (``d``: word, lemma)."""

    __slots__ = ("_db",)

    def __init__(self, path: Path):
        self._db = SharedConnection(str(path))

    def _lookup(self, key: str) -> str | None:
        row = self._db.execute("SELECT v FROM d WHERE k = ?", (key.encode(),)).fetchone()
        return row[0].decode() if row else None

    def __iter__(self):
        return (k.decode() for (k,) in self._db.execute("SELECT k FROM d"))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM d").fetchone()[0]


_DICTIONARIES = _DiskCachedDictionaries()
_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_DICTIONARIES))


def supported(lang: str) -> bool:
    return lang in _SUPPORTED


def listed(lang: str, word: str) -> bool:
    """``word`` (lower-case) is an inflected form simplemma's dictionary of ``lang`` lists
    (a form that is its own lemma may not be listed: "pas")."""
    return supported(lang) and _DICTIONARIES.get_dictionary(lang).get(word) is not None


@lru_cache(maxsize=200_000)
def lemma(lang: str, word: str) -> str:
    """The lemma of ``word`` (lower-cased; the word itself when unknown, or when simplemma
    has no dictionary of ``lang``: Vietnamese)."""
    return _LEMMATIZER.lemmatize(word.lower(), lang).lower() if supported(lang) else word.lower()


def lemmas(
    lang: str,
    word: str,
    participle: re.Pattern | None = None,
    rewrites: tuple[tuple[re.Pattern, str], ...] = (),
    unknown: tuple[tuple[re.Pattern, str], ...] = (),
) -> tuple[str, ...]:
    """The lemmas a verb form may have: its lemma; for a word of the ``participle``
    shape, the lemma of that lemma (simplemma may stop at a participle read as an
    adjective: "révélée" -> "révélé" -> "révéler", "divulgada" -> "divulgado" ->
    "divulgar") and what the table's participle ``rewrites`` make of it ("qualifiée" ->
    "qualifier", "avertie" -> "avertir"), which simplemma reads as a noun or adjective;
    for a word simplemma does not know, what the ``unknown`` rewrites make of it
    ("glisse" -> "glisser")."""
    first = lemma(lang, word)
    found = [first]
    if first == word:
        found += [shape.sub(ending, word) for shape, ending in unknown if shape.search(word)]
    if participle is not None and participle.search(word):
        found.append(lemma(lang, first))
        found += [shape.sub(ending, word) for shape, ending in rewrites if shape.search(word)]
    return tuple(dict.fromkeys(found))
