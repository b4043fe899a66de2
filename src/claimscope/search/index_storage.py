"""The search index's storage: one SQLite file with the records, their vectors and FTS5 text.

``IndexStorage`` keeps, in its own SQLite file (by convention next to the fact-check
store, ``<store>.search.sqlite``): a row per record with a digest of its indexed text,
the record's embedding, and an FTS5 table. ``upsert`` only embeds records whose text
changed (identical passages once), commits batch by batch (an interrupted indexing run
resumes where it stopped) and the index survives restarts. Up to ``ann_threshold``
records, vectors are loaded into memory on open for exact search (with the collection
moments the previous open of the same vectors saved, blob ``dense_moments``); from there on the
dense side is an int8 HNSW graph (``AnnIndex``) saved beside the SQLite file
(``<store>.search.usearch``, written by ``flush``) and memory-mapped on open; it is
rebuilt from the stored vectors only when missing or stale. Searching is the part
``SearchIndex`` adds (index.py).
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Self, Sequence

import numpy as np

from claimscope.embed import Embedder
from claimscope.errors import StoreError
from claimscope.search.aliases import AliasTable, default_aliases
from claimscope.search.dense import AnnIndex, DenseIndex
from claimscope.search.fusion import FusionWeights
from claimscope.search.lexical import LexicalIndex
from claimscope.search.records import PASSAGE_FORMAT, SearchRecord, lexical_text, passage_text
from claimscope.search.verify import Verifier
from claimscope.threads import ProcessPool, SharedConnection

ANN_THRESHOLD = 200_000  # from this many records on, approximate (HNSW) dense search

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    key INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, digest TEXT NOT NULL,
    date TEXT NOT NULL, lang TEXT NOT NULL, entities TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (key INTEGER PRIMARY KEY, v BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (k TEXT PRIMARY KEY, v BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS records_date ON records (date);
"""


@dataclass(frozen=True, slots=True)
class RecordMeta:
    """A record's id, date, language and entities, kept in memory for every record."""

    id: str
    date: str
    lang: str
    entities: frozenset[str]

    @classmethod
    def of(cls, rid: str, date: str, lang: str, entities: str) -> "RecordMeta":
        """A record's metadata, sharing equal dates, languages and entity sets (a
        million records' metadata stays in a few hundred MB)."""
        return cls(rid, sys.intern(date), sys.intern(lang), _entity_set(entities))


@lru_cache(maxsize=65536)
def _entity_set(entities: str) -> frozenset[str]:
    return frozenset(entities.split())


def record_digest(record: SearchRecord) -> str:
    """A digest of what the index keeps of ``record``: a changed digest means a changed record."""
    text = "\x00".join([passage_text(record), lexical_text(record), record.date, record.lang])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class IndexStorage:
    """Fact-check records, their vectors and their text, persisted in one SQLite file.

    ``ann_threshold``: from this many records on, dense search is approximate (int8
    HNSW, ``<path minus .sqlite>.usearch`` beside the SQLite file); below, exact.
    ``close`` ends its threads and closes the file.
    """

    def __init__(
        self,
        path: str | Path,
        embedder: Embedder,
        weights: FusionWeights | None = None,
        aliases: AliasTable | None = None,
        ann_threshold: int = ANN_THRESHOLD,
    ):
        self.embedder = embedder
        self.ann_threshold = ann_threshold
        self.ann_path = None if str(path) == ":memory:" else Path(path).with_suffix(".usearch")
        self._ann_dirty = False
        self.weights = weights or FusionWeights()
        self.aliases = aliases or default_aliases()
        try:
            self.db = SharedConnection(str(path))  # guarded: searches may run on many threads
            self.db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the search index {path}: {exc}; check the path") from exc
        self._check_model()
        self.lexical = LexicalIndex(self.db)
        self.dense: DenseIndex | AnnIndex = DenseIndex(embedder.dim)
        self._meta: dict[int, RecordMeta] = {}
        self._words: dict[int, frozenset[str]] = {}  # record key -> its query_tokens, as searches meet it
        self._verifier: Verifier | None | bool = False  # False: not looked for yet (``verifier``)
        self._worker = ProcessPool(1, "claimscope-bm25")
        self._embedding = ProcessPool(1, "claimscope-index")
        self._load()

    def _check_model(self) -> None:
        """Refuse vectors made by another embedder or from another passage format."""
        made_by = f"{self.embedder.name}, passage format {PASSAGE_FORMAT}"
        row = self.db.execute("SELECT v FROM meta WHERE k = 'model'").fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES ('model', ?)", (made_by,))
        elif row[0] != made_by:
            raise StoreError(
                f"the search index was built with {row[0]}, not {made_by}; "
                "run `claimscope factchecks reindex --rebuild`"
            )

    def _load(self) -> None:
        rows = self.db.execute("SELECT key, id, date, lang, entities FROM records")
        intern, entity_set = sys.intern, _entity_set  # ``RecordMeta.of``, inlined: 25,000 rows and more
        self._meta = {key: RecordMeta(rid, intern(date), intern(lang), entity_set(ents)) for key, rid, date, lang, ents in rows}
        if len(self._meta) >= self.ann_threshold:
            self.dense = self._open_ann()
            return
        saved = self._saved_moments()
        for keys, vectors in self._stored_vectors():
            self.dense.add(keys, vectors, moments=saved is None)
        if saved is not None:
            self.dense.set_moments(saved)
        else:
            self._save_moments()
        if self.ann_path and self.ann_path.exists():  # the collection shrank below the threshold
            self.ann_path.unlink()

    def _saved_moments(self) -> bytes | None:
        """The exact index's moments as the last open computed them from the same vectors
        (computing them again costs about a second for 25,000 records), or None."""
        row = self.db.execute("SELECT v FROM blobs WHERE k = 'dense_moments'").fetchone()
        current = self.get_meta("dense_moments_version", -1) == self.get_meta("vectors_version")
        return row[0] if row and current else None

    def _save_moments(self) -> None:
        """Keep the moments just computed for the next open (a read-only file: not kept)."""
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO blobs VALUES ('dense_moments', ?)", (self.dense.moments_bytes(),))
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('dense_moments_version', ?)",
                                (str(self.get_meta("vectors_version")),))
        except sqlite3.Error:
            pass

    def _stored_vectors(self, chunk: int = 50_000) -> Iterable[tuple[list[int], np.ndarray]]:
        """Every stored (keys, vectors), ``chunk`` rows at a time."""
        last = -1
        while True:
            rows = self.db.execute("SELECT key, v FROM vectors WHERE key > ? ORDER BY key LIMIT ?", (last, chunk)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            vectors = np.frombuffer(b"".join(v for _, v in rows), dtype=np.float32)
            yield [k for k, _ in rows], vectors.reshape(len(rows), self.embedder.dim)

    def _vectors_of(self, keys: list[int]) -> np.ndarray:
        """The stored (exact, float32) vectors of ``keys``, in order."""
        found: dict[int, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT key, v FROM vectors WHERE key IN ({marks})", chunk))
        return np.frombuffer(b"".join(found[k] for k in keys), dtype=np.float32).reshape(len(keys), self.embedder.dim)

    def _open_ann(self) -> AnnIndex:
        """The saved HNSW index when it is current, else one rebuilt from the stored vectors."""
        moments = self.db.execute("SELECT v FROM blobs WHERE k = 'moments'").fetchone()
        current = self.get_meta("ann_version", -1) == self.get_meta("vectors_version")
        if self.ann_path and self.ann_path.exists() and moments and current:
            try:
                ann = AnnIndex.open(self.ann_path, self.embedder.dim, moments[0])
                if len(ann) == len(self._meta):
                    return ann
            except (RuntimeError, ValueError, OSError):
                pass  # unreadable or foreign: rebuild
        ann = AnnIndex(self.embedder.dim)
        for keys, vectors in self._stored_vectors():
            ann.add(keys, vectors)
        self.dense, self._ann_dirty = ann, True
        self.flush()
        return ann

    def flush(self) -> None:
        """Save the HNSW index beside the SQLite file if it changed (``sync`` calls this;
        without it, the next open rebuilds the graph from the stored vectors)."""
        if not (self._ann_dirty and self.ann_path and isinstance(self.dense, AnnIndex)):
            return
        self.dense.save(self.ann_path)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO blobs VALUES ('moments', ?)", (self.dense.moments_bytes(),))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('ann_version', ?)", (str(self.get_meta("vectors_version")),))
        self._ann_dirty = False

    def _changed(self) -> None:
        """Bookkeeping after a write: new vectors version (inside the caller's transaction)."""
        self.db.execute(
            "INSERT INTO meta VALUES ('vectors_version', '1') "
            "ON CONFLICT(k) DO UPDATE SET v = CAST(v AS INTEGER) + 1"
        )
        self._ann_dirty = isinstance(self.dense, AnnIndex)

    def __len__(self) -> int:
        return len(self._meta)

    def close(self) -> None:
        """Shut the index's worker threads down and close its SQLite file."""
        self._worker.shutdown()
        self._embedding.shutdown()
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get_meta(self, key: str, default: int = 0) -> int:
        """An integer bookkeeping value stored with the index (e.g. the last store change)."""
        row = self.db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return int(row[0]) if row else default

    def set_meta(self, key: str, value: int) -> None:
        """Save an integer bookkeeping value."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))

    def _digests(self) -> dict[str, str]:
        """{record id: digest of its indexed text} for every indexed record."""
        return dict(self.db.execute("SELECT id, digest FROM records"))

    def upsert(
        self,
        records: Iterable[SearchRecord],
        batch_size: int = 64,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Index new or changed records (unchanged ones are skipped); returns how many.

        Each batch is embedded while the previous one is written; a passage identical to
        one met earlier in the call is not embedded again. In HNSW mode, ``flush`` saves
        the graph afterwards.
        """
        known = self._digests()
        todo = [r for r in records if known.get(r.id) != record_digest(r)]
        chunks = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
        repeated = {t for t, n in Counter(passage_text(r) for r in todo).items() if n > 1}
        seen: dict[str, np.ndarray] = {}  # vectors of the repeated passages
        pending = self._embedding.submit(self._embed, chunks[0], repeated, seen) if chunks else None
        for n, chunk in enumerate(chunks):
            vectors = pending.result()
            if n + 1 < len(chunks):
                pending = self._embedding.submit(self._embed, chunks[n + 1], repeated, seen)
            self._write(chunk, vectors)
            if progress:
                progress(len(chunk))
        return len(todo)

    def _embed(self, chunk: Sequence[SearchRecord], repeated: set[str], seen: dict[str, np.ndarray]) -> np.ndarray:
        """Passage vectors of ``chunk``, each distinct passage embedded once; vectors of
        ``repeated`` passages are kept in ``seen`` for later chunks."""
        texts = [passage_text(r) for r in chunk]
        fresh = [t for t in dict.fromkeys(texts) if t not in seen]
        vectors = dict(zip(fresh, self.embedder.embed_passages(fresh)))
        seen.update((t, v) for t, v in vectors.items() if t in repeated)
        return np.asarray([vectors.get(t, seen.get(t)) for t in texts], dtype=np.float32).reshape(len(texts), self.embedder.dim)

    def _write(self, chunk: Sequence[SearchRecord], vectors: np.ndarray) -> None:
        keys = []
        with self.db:
            for record, vec in zip(chunk, vectors):
                entities = " ".join(sorted({m.entity for m in self.aliases.find(passage_text(record))}))
                self.db.execute(
                    "INSERT INTO records (id, digest, date, lang, entities) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET digest = excluded.digest, date = excluded.date, "
                    "lang = excluded.lang, entities = excluded.entities",
                    (record.id, record_digest(record), record.date, record.lang, entities),
                )
                key = self.db.execute("SELECT key FROM records WHERE id = ?", (record.id,)).fetchone()[0]
                self.db.execute("INSERT OR REPLACE INTO vectors VALUES (?, ?)", (key, vec.astype(np.float32).tobytes()))
                self._meta[key] = RecordMeta.of(record.id, record.date, record.lang, entities)
                self._words.pop(key, None)
                keys.append(key)
            self.lexical.add(
                (k, passage_text(r), " ".join(r.keywords)) for k, r in zip(keys, chunk)
            )
            self._changed()
        self.dense.add(keys, vectors)
        if isinstance(self.dense, DenseIndex) and len(self.dense) >= self.ann_threshold:
            ann = AnnIndex(self.embedder.dim)
            ann.add(*self.dense.items())
            self.dense, self._ann_dirty = ann, True

    def remove(self, ids: Iterable[str]) -> int:
        """Drop records by id; returns how many were indexed."""
        wanted = set(ids)
        keys = [k for k, m in self._meta.items() if m.id in wanted]
        with self.db:
            self.db.executemany("DELETE FROM records WHERE key = ?", [(k,) for k in keys])
            self.db.executemany("DELETE FROM vectors WHERE key = ?", [(k,) for k in keys])
            self.lexical.remove(keys)
            self._changed()
        self.dense.remove(keys)
        for k in keys:
            del self._meta[k]
            self._words.pop(k, None)
        return len(keys)
