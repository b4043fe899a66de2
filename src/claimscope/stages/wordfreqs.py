"""Word frequencies from wordfreq's bundled lists, read in place from SQLite tables.

The garbled-sentence checks (``fusions.py``, ``garbled.py``, ``gender.py``) ask how
frequent a word is. Importing wordfreq (it brings langcodes, regex and ftfy) and
decoding a language's list into a dict of 300,000 words or more cost about 0.3 s of CPU
per process. Instead, each language's list is decoded once, from wordfreq's own data
file (a gzipped msgpack list of buckets of words), into an SQLite table kept in the
cache folder (``wordfreq/``, named by the data file's hash and checked as
``claimscope.filecache`` says); lookups read it in place and each word's answer is
remembered. The frequencies are wordfreq's: a word in bucket ``i`` of the list has
frequency ``10 ** (-i / 100)``, as ``wordfreq.get_frequency_dict`` gives. A folder that
cannot be written only means decoding the list into memory.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

from .. import filecache
from ..threads import SharedConnection

LISTS = ("large", "small")  # wordfreq's lists, the first a language has is used


def data_folder() -> Path | None:
    """wordfreq's data folder (found without importing wordfreq), or None."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


class WordFrequencies:
    """word -> frequency (0.0 for a word the list lacks, as ``get`` says), like a dict."""

    def __init__(self, table: Path | None = None, words: dict[str, int] | None = None):
        self._db = SharedConnection(str(table)) if table is not None else None
        self._buckets = words  # the whole list in memory, when no table could be written
        self._known: dict[str, float | None] = {}

    def get(self, word: str, default: float | None = None) -> float | None:
        found = self._known.get(word, False)
        if found is False:
            if self._db is not None:
                row = self._db.execute("SELECT b FROM w WHERE k = ?", (word,)).fetchone()
                bucket = row[0] if row else None
            else:
                bucket = self._buckets.get(word)
            found = self._known[word] = None if bucket is None else 10 ** (-bucket / 100)
        return default if found is None else found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@lru_cache(maxsize=None)
def frequencies(lang: str) -> WordFrequencies | None:
    """The word list of ``lang`` (wordfreq's large list, else its small one), or None."""
    data = data_folder()
    for size in LISTS:
        source = data / f"{size}_{lang}.msgpack.gz" if data else None
        if source is not None and source.is_file():
            return _open(source)
    return None


def _open(source: Path) -> WordFrequencies:
    with source.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()[:16]
    path = filecache.folder("wordfreq") / f"{source.name.split('.')[0]}-{digest}.sqlite"
    if filecache.intact(path):
        return WordFrequencies(path)
    words = _decode(source)
    table = "CREATE TABLE w (k TEXT PRIMARY KEY, b INTEGER NOT NULL) WITHOUT ROWID"
    if filecache.keep_table(path, table, "INSERT INTO w VALUES (?, ?)", sorted(words.items())):
        return WordFrequencies(path)
    return WordFrequencies(words=words)


def _decode(source: Path) -> dict[str, int]:
    """word -> bucket of a wordfreq data file ("cBpack": a header, then bucket i holds
    the words of frequency 10 ** (-i / 100); a word listed twice keeps its last bucket)."""
    import msgpack

    with gzip.open(source, "rb") as f:
        header, *buckets = msgpack.load(f, raw=False)
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{source} is not a wordfreq list (header {header!r})")
    return {word: i for i, bucket in enumerate(buckets) for word in bucket}
