"""The evaluation's fact-check store: Snopes (CLEF 2022 2A vclaims) and EUvsDisinfo
cases in a real SQLite store with its search index, as a newsroom would import them.

Snopes records carry no verdict here (the CLEF files have none): they are ``unrated``.
EUvsDisinfo cases are disinformation by definition of the database. ``source_ref`` is
the id the source gives (vclaim_id, case URL), which the article annotations use.
Built once beside the embedding cache and reused (``open_corpus``).
"""

from __future__ import annotations

from claimscope.embed import Embedder, cache_path
from claimscope.factchecks.record import content_hash
from claimscope.model import FactCheck
from claimscope.settings import Settings
from claimscope.search.sync import open_index, sync
from claimscope.store.sqlite import SQLiteStore
from retrieval_data import clef2022_records, euvsdisinfo_records

VERSION = 1


def factchecks() -> list[FactCheck]:
    out = [FactCheck(id=f"snopes:{r.id}", claim=r.claim, title=r.title or None, summary=r.subtitle or None,
                     publisher="Snopes", review_date=r.date or None, language="en", source_ref=r.id)
           for r in clef2022_records()]
    out += [FactCheck(id=r.id, claim=r.claim, verdict="disinformation", publisher="EUvsDisinfo",
                      review_url=r.id, review_date=r.date or None, language="en", keywords=r.keywords,
                      source_ref=r.id)
            for r in euvsdisinfo_records()]
    return out


def open_corpus(embedder: Embedder):
    """(store, index) over both corpora, built on first use."""
    path = cache_path(Settings.from_env().embedding_cache).with_name(f"eval-factchecks-v{VERSION}.sqlite")
    store = SQLiteStore(path)
    if store.count() == 0:
        records = factchecks()
        run = store.start_import("eval corpus", f"eval-corpus-v{VERSION}", "eval")
        for start in range(0, len(records), 2000):
            chunk = [(r, content_hash(r)) for r in records[start:start + 2000]]
            store.write_chunk(run.id, chunk, start + len(chunk), {"stored": start + len(chunk)})
        store.finish_import(run.id, {"stored": len(records)})
    index = open_index(store, embedder)
    sync(store, index)
    return store, index
