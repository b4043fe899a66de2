"""Keep a SearchIndex in step with a fact-check Store.

The index lives next to the store's SQLite file (``factchecks.sqlite`` →
``factchecks.search.sqlite``). ``sync`` asks the store for every record written after
the last change number the index has seen (``Store.changed_since``), indexes those
batch by batch and saves the change number after each batch, so indexing is
incremental, survives restarts and resumes after an interruption. Large indexes
(``SearchIndex.ann_threshold`` records and more) save their HNSW graph at the end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from claimscope.embed import Embedder, default_embedder
from claimscope.errors import StoreError
from claimscope.model import FactCheck
from claimscope.search.index import SearchIndex
from claimscope.search.records import SearchRecord


def index_path(store_location: str) -> Path:
    """Where the search index of the store at ``store_location`` lives."""
    if "://" in store_location:
        raise StoreError(f"no search index beside {store_location}: only a SQLite store path has one")
    path = Path(store_location)
    return path.with_name(path.stem + ".search.sqlite")


def to_record(fc: FactCheck) -> SearchRecord:
    """The searchable fields of a stored fact-check."""
    return SearchRecord(
        id=fc.id,
        claim=fc.claim,
        title=fc.title or "",
        keywords=tuple(fc.keywords) + tuple(fc.countries),
        date=fc.review_date or fc.claim_date or "",
        lang=fc.language or "",
    )


def open_index(store, embedder: Embedder | None = None) -> SearchIndex:
    """The search index beside ``store`` (created empty when missing); a PostgreSQL
    store's index lives in its own database (``pg_index.PostgresSearchIndex``)."""
    from claimscope.store.postgres import PostgresStore

    if isinstance(store, PostgresStore):
        from claimscope.search.pg_index import PostgresSearchIndex

        return PostgresSearchIndex(store, embedder or default_embedder())
    return SearchIndex(index_path(store.location), embedder or default_embedder())


def index_exists(store) -> bool:
    """Whether ``store`` has a search index: a file beside it, or rows in its PostgreSQL database."""
    from claimscope.store.postgres import PostgresStore

    if isinstance(store, PostgresStore):
        from claimscope.search.pg_index import has_index

        return has_index(store)
    return index_path(store.location).exists()


def drop_index(store) -> None:
    """Delete the search index of ``store`` (it is built again by the next ``sync``)."""
    from claimscope.store.postgres import PostgresStore

    if isinstance(store, PostgresStore):
        from claimscope.search import pg_index

        pg_index.drop_index(store)
    else:
        index_path(store.location).unlink(missing_ok=True)


def open_for_matching(location: str, embedder: Embedder | None = None) -> tuple | None:
    """The store at ``location`` and its index, or None when there is nothing to match
    (no such file, no index beside it, or, on PostgreSQL, nothing indexed yet). An
    index that cannot be used raises StoreError."""
    from claimscope.store import open_store
    from claimscope.store.postgres import is_postgres_url

    if not is_postgres_url(location) and (
        "://" in location or not Path(location).is_file() or not index_path(location).is_file()
    ):
        return None
    store = open_store(location, create=False)
    try:
        index = open_index(store, embedder)
    except StoreError:
        store.close()
        raise
    if is_postgres_url(location) and len(index) == 0:
        index.close()
        store.close()
        return None
    return store, index


def sync(store, index: SearchIndex, progress: Callable[[int], None] | None = None, batch: int = 256) -> int:
    """Index every record the store changed since the last sync; returns how many.

    Ends with ``index.flush()``, which saves the HNSW graph of a large index."""
    done = 0
    seq = index.get_meta("store_seq", 0)
    while True:
        changed = store.changed_since(seq, limit=batch)
        if not changed:
            index.flush()
            return done
        index.upsert([to_record(fc) for _, fc in changed], progress=progress)
        seq = changed[-1][0]
        index.set_meta("store_seq", seq)
        done += len(changed)
