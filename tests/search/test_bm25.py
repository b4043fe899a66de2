"""BM25 on postings in memory ranks exactly as FTS5 (scores and order), and the saved
postings follow the writes."""

from __future__ import annotations

import sqlite3

import pytest

from claimscope.search import bm25
from claimscope.search.lexical import LexicalIndex

ROWS = [
    (1, "The harbour bridge was closed for repairs after the storm", "Transport"),
    (2, "A storm closed the harbour bridge", "Transport Weather"),
    (3, "A storm closed the harbour bridge", "Transport Weather"),  # the same text: a tie
    (4, "Ministers deny that the bridge repairs were paid twice", "Budget"),
    (5, "Élections reportées : le ministère dément", "Politique"),
    (6, "The storm the storm the storm", ""),
    (7, "Bridges, bridging and bridged roads", "Roads bridge"),
    (8, "Nothing about it here", ""),
]
QUERIES = [
    "the storm closed the bridge",
    "bridge bridges bridging",  # one stem three times
    "elections reportees ministere",  # diacritics removed
    "transport weather",  # tags only
    "the",
    "repairs paid twice by ministers",
    "nothing matches xyzzy",
    "storm_damage bridge",  # FTS5 splits storm_damage: a phrase, searched by FTS5 itself
]


@pytest.fixture
def indexes(tmp_path):
    db = sqlite3.connect(tmp_path / "lex.sqlite")
    fts = LexicalIndex(db, memory=False)
    with db:
        fts.add(ROWS)
    return fts, LexicalIndex(db)


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("k", [2, 3, 100])
def test_memory_ranks_exactly_as_fts5(indexes, query, k):
    fts, memory = indexes
    assert memory.search(query, k) == fts.search(query, k)


def test_ties_keep_fts5s_order(indexes):
    fts, memory = indexes
    found = memory.search("storm closed harbour", 100)
    tied = next(i for i in range(len(found) - 1) if found[i][1] == found[i + 1][1])
    assert found[tied][0] < found[tied + 1][0]
    for k in (tied + 1, tied + 2):  # a cut between or after the tied records
        assert memory.search("storm closed harbour", k) == fts.search("storm closed harbour", k)


def test_postings_follow_writes_and_are_kept_in_the_file(tmp_path, monkeypatch):
    path = tmp_path / "lex.sqlite"
    db = sqlite3.connect(path)
    memory = LexicalIndex(db)
    with db:
        memory.add(ROWS)
    assert memory.search("bridge", 100) == LexicalIndex(db, memory=False).search("bridge", 100)
    with db:
        memory.add([(9, "A new bridge opened", "")])
        memory.remove([1])
    expected = LexicalIndex(db, memory=False).search("bridge", 100)
    assert memory.search("bridge", 100) == expected
    db.close()

    def no_build(*args):
        raise AssertionError("the saved postings were built again")

    monkeypatch.setattr(bm25.Postings, "build", no_build)
    again = LexicalIndex(sqlite3.connect(path))
    assert again.search("bridge", 100) == expected


def test_damaged_saved_postings_are_rebuilt(tmp_path):
    db = sqlite3.connect(tmp_path / "lex.sqlite")
    memory = LexicalIndex(db)
    with db:
        memory.add(ROWS)
    expected = memory.search("storm bridge", 100)
    with db:
        db.execute("UPDATE lexical_saved SET v = ? WHERE k = 'postings'", (b"not an archive",))
    assert LexicalIndex(db).search("storm bridge", 100) == expected
