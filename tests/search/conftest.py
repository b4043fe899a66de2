"""Search fixtures: every test that takes ``open_search`` or ``store_location`` runs on
SQLite and on PostgreSQL + pgvector."""

from __future__ import annotations

import pytest

from claimscope.search.index import SearchIndex
from tests.store.conftest import BACKENDS, store_location  # noqa: F401  (a pytest fixture)
from tests.store.pg import create_database, drop_database


@pytest.fixture(params=BACKENDS)
def open_search(request, tmp_path):
    """``open_search(embedder, name="s", **options)``: the search index called ``name`` of
    this test on the backend (a SQLite file, or a PostgreSQL database); the same name
    opens the same index again. Indexes still open at the end are closed."""
    opened, databases = [], {}

    def open_index(embedder, name: str = "s", **options):
        if request.param == "sqlite":
            index = SearchIndex(tmp_path / f"{name}.search.sqlite", embedder, **options)
        else:
            from claimscope.search.pg_index import PostgresSearchIndex

            if name not in databases:
                databases[name] = create_database(request.getfixturevalue("postgres_server"))
            index = PostgresSearchIndex(databases[name], embedder, **options)
        opened.append(index)
        return index

    open_index.backend = request.param
    yield open_index
    for index in opened:
        index.close()
    for url in databases.values():
        drop_database(request.getfixturevalue("postgres_server"), url)
