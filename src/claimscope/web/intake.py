"""What the desk is given to analyse — pasted text or HTML, an uploaded file, a URL —
turned into a loader the analysis job calls (reading and fetching happen in the
analysis worker process, so a loader must pickle). The URL goes through the SSRF-safe fetcher: private and
local addresses are refused unless the server was started to allow them."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from ..ingest import from_bytes, from_html, from_text, load
from ..model import Article
from .config import WebConfig
from .errors import BadRequest

_HTTP_URL = re.compile(r"https?://", re.IGNORECASE)


def checked(value: str, name: str) -> str:
    """``value`` when it can be stored as UTF-8 (no lone surrogates), else BadRequest."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest(f"{name} holds characters that are not valid Unicode (lone surrogates)") from None
    return value


def loader(config: WebConfig, *, text: str | None = None, html: str | None = None,
           upload: bytes | None = None, filename: str = "", url: str | None = None) -> Callable[[], Article]:
    """The loader of the one input given; BadRequest when none or several are."""
    given = [name for name, value in (("text", text), ("html", html), ("file", upload), ("url", url)) if value]
    if len(given) != 1:
        raise BadRequest("give exactly one of text, html, file or url" + (f" (got {', '.join(given)})" if given else ""))
    if text:
        return partial(from_text, checked(text, "text"), name="the pasted text")
    if html:
        return partial(from_html, checked(html, "html"), name="the pasted HTML")
    if upload:
        name = checked(filename, "the file name") or "the uploaded file"
        kind = "html" if name.lower().endswith((".html", ".htm", ".xhtml")) else None
        return partial(from_bytes, upload, name=name, source=name, kind=kind)
    url = checked(url.strip(), "url")
    if not _HTTP_URL.match(url):
        raise BadRequest("url must start with http:// or https://")
    return partial(load, url, allow_private=config.allow_private_urls, timeout=config.fetch_timeout)
