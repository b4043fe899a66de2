"""Ingest: turn a path, standard input, a URL, raw bytes or a JSONL batch record into an Article.

The public surface is below; inputs, limits, URL safety rules and every error
message are documented in docs/input.md. trafilatura is imported only for HTML.
"""

from .batch import BatchItem, read_batch
from .addresses import address_refusal
from .fetch import MAX_REDIRECTS, Fetched, fetch, without_credentials
from .html import from_html
from .load import from_bytes, load
from .text import MAX_BYTES, decode_bytes, from_text, normalize_text

__all__ = [
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "BatchItem",
    "Fetched",
    "address_refusal",
    "decode_bytes",
    "fetch",
    "from_bytes",
    "from_html",
    "from_text",
    "load",
    "normalize_text",
    "read_batch",
    "without_credentials",
]
