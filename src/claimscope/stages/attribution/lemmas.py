"""Word lemmas (simplemma), so that a table keyed by lemma matches every inflection:
"reacted", "testifies" -> "react", "testify"; "передаёт" -> "передавать".

A language simplemma does not cover (Vietnamese, which does not inflect) has no
lemmas: its tables list the verb forms themselves. A language's dictionary is loaded
on first use, then a lookup costs about a microsecond. Decoding simplemma's compressed
dictionary is slow (0.15 s for English, 1.2 s for Russian on a quiet machine), so the
decoded dictionary is kept on disk (``lemmas/`` in the user cache directory, one
marshal file per language and simplemma version, with a CRC-32 of its bytes), which
loads about three times faster; the same dictionary, so the same lemmas. A file that
does not match its checksum is never used: the dictionary is decoded again and the
file rewritten. A folder that cannot be written only means decoding every time.
"""

from __future__ import annotations

import marshal
import os
import zlib
from functools import lru_cache
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    MappingStrToByteString,
    _load_dictionary_from_disk,
)

_SUPPORTED = frozenset(SUPPORTED_LANGUAGES)


class _DiskCachedDictionaries(CachingDictionaryFactory):
    """simplemma's dictionaries, decoded once and then read back from the cache folder."""

    def __init__(self, folder: Path | None = None):
        super().__init__()
        self.folder = folder

    def path(self, lang: str) -> Path:
        from platformdirs import user_cache_dir

        folder = self.folder or Path(user_cache_dir("claimscope")) / "lemmas"
        size = (DATA_FOLDER / f"{lang}.plzma").stat().st_size  # a changed data file gives a new name
        return folder / f"{lang}-simplemma{simplemma.__version__}-{size}.marshal"

    def _get_dictionary_uncached(self, lang: str) -> MappingStrToByteString:
        if lang not in _SUPPORTED:
            raise ValueError(f"Unsupported language: {lang}")
        path = self.path(lang)
        found = _read(path)
        if found is None:
            found = _load_dictionary_from_disk(lang)
            _write(path, found)
        return MappingStrToByteString(found)


def _read(path: Path) -> dict[bytes, bytes] | None:
    try:
        data = path.read_bytes()
        if len(data) < 4 or zlib.crc32(data[4:]) != int.from_bytes(data[:4], "big"):
            return None
        found = marshal.loads(data[4:])
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def _write(path: Path, dictionary: dict[bytes, bytes]) -> None:
    try:
        body = marshal.dumps(dictionary)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache: the dictionary is decoded again next time


_LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_DiskCachedDictionaries()))


def supported(lang: str) -> bool:
    return lang in _SUPPORTED


@lru_cache(maxsize=200_000)
def lemma(lang: str, word: str) -> str:
    """The lemma of ``word`` (lower-cased; the word itself when unknown)."""
    return _LEMMATIZER.lemmatize(word.lower(), lang).lower()
