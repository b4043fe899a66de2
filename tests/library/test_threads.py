"""One analyzer shared by 8 threads gives the reports of a sequential run; a forked
child makes its own connections and threads; close() ends the analyzer's threads."""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from claimscope import Analyzer, Article, Meta, Settings
from tests.library.conftest import ARTICLE, PLAIN

# Written for these tests.
ARTICLES = [
    Article(ARTICLE, Meta(date="2017-11-14")),
    PLAIN,
    "Le conseil municipal a voté mardi un budget de 40 millions d'euros.\n\n"
    "« Nous avons protégé les écoles », a déclaré la maire, selon l'AFP.",
    "Die Regierung will die Steuer auf Diesel im nächsten Jahr senken, berichtet die Zeitung.\n\n"
    "Kritiker sagen, das Geld fehle dann für Schulen.",
    "Officials said the bridge would reopen in May. A spokesman for the ministry told Reuters "
    "that repairs cost 3 million dollars.",
    "El ministro de Sanidad afirmó que los hospitales tienen camas suficientes, según la agencia EFE.",
]


@pytest.fixture(scope="module")
def analyzer(example_db):
    with Analyzer(Settings(db=example_db, embed_workers=2)) as shared:
        yield shared


def test_eight_threads_give_the_reports_of_a_sequential_run(analyzer):
    expected = [analyzer.analyze(a).data for a in ARTICLES]
    assert expected[0]["matches"]

    def one_thread(shift: int) -> list[dict]:
        order = [(i + shift) % len(ARTICLES) for i in range(len(ARTICLES))] * 2
        got = {i: analyzer.analyze(ARTICLES[i]).data for i in order}
        return [got[i] for i in range(len(ARTICLES))]

    with ThreadPoolExecutor(8) as pool:
        runs = list(pool.map(one_thread, range(8)))
    for run in runs:
        assert run == expected


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_analyzes_with_its_own_connections_and_threads(analyzer):
    expected = analyzer.analyze(ARTICLES[0]).data
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report what it finds, then leave at once
        try:
            data = json.dumps(analyzer.analyze(ARTICLES[0]).data).encode()
        except BaseException as exc:  # noqa: BLE001 - the parent shows it
            data = json.dumps({"error": repr(exc)}).encode()
        os.write(write, data)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        child = json.loads(pipe.read())
    os.waitpid(pid, 0)
    assert child == json.loads(json.dumps(expected))


def test_close_ends_the_threads_the_analyzer_started(example_db):
    before = {t.ident for t in threading.enumerate()}
    analyzer = Analyzer(Settings(db=example_db, embed_workers=2))
    analyzer.analyze(ARTICLES[0])
    started = [t for t in threading.enumerate() if t.ident not in before]
    assert started
    analyzer.close()
    for thread in started:
        thread.join(timeout=10)
    assert not [t for t in started if t.is_alive()]
