"""Importing from a URL goes through claimscope's safe fetcher (a loopback server here)."""

from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest

from claimscope.errors import FetchError
from claimscope.factchecks import ImportOptions, import_sources

REVIEW = {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/page",
          "claimReviewed": "A statue was moved overnight.", "author": {"@type": "Organization", "name": "Example"},
          "reviewRating": {"@type": "Rating", "alternateName": "False"}}


@pytest.fixture
def server(tmp_path):
    (tmp_path / "check.html").write_text(
        f'<html><head><script type="application/ld+json">{json.dumps(REVIEW)}</script></head></html>',
        encoding="utf-8")
    (tmp_path / "feed.json").write_text(json.dumps([REVIEW]), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_fact_check_page_url_is_fetched_and_read(store, server):
    summary = import_sources(store, [f"{server}/check.html"], ImportOptions(allow_private_urls=True))
    assert summary.added == 1 and summary.runs[0]["format"] == "html"
    assert store.list(1)[0].claim == "A statue was moved overnight."


def test_a_json_feed_url_is_fetched_and_read(store, server):
    summary = import_sources(store, [f"{server}/feed.json"], ImportOptions(allow_private_urls=True))
    assert summary.added == 1
    assert store.list(1)[0].claim == "A statue was moved overnight."


def test_private_addresses_are_refused_by_default(store, server):
    with pytest.raises(FetchError, match="loopback"):
        import_sources(store, [f"{server}/check.html"])
    assert store.count() == 0
