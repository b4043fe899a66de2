"""HTML to an article: main text and metadata with trafilatura, a streaming tag reader as fallback.

trafilatura is imported only when an HTML input arrives, so plain-text loading stays cheap.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from ..errors import InputError
from ..model import Article, Meta
from .fetch import without_credentials
from .text import normalize_text

# What a page starts with when it is HTML (the WHATWG sniffing table, plus XHTML).
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<!--|<(?:html|head|body|script|iframe|h1|div|"
    r"font|table|a|style|title|b|br|p|meta|article|section|main)[\s>/])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_HTML_CHARS = 2_000_000  # of markup read from a page: the extractor's time grows faster than the page
MAX_HTML_CHARS = 2_000_000  # of markup read from a page: the extractor's time grows faster than the page
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
               "section", "article", "header", "footer", "figcaption", "dd", "dt", "table", "ul", "ol")
_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_LINE_TAGS = ("item", "row")  # trafilatura elements that start a new line inside a block
_CONTAINER_TAGS = ("quote", "div", "section")  # trafilatura elements that may hold blocks

for _name in ("trafilatura", "htmldate"):  # their warnings would reach stderr unless the app set up logging
    logging.getLogger(_name).addHandler(logging.NullHandler())


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts with markup (the doctype or a typical tag)."""
    return _HTML_START.match(text[:1024]) is not None


def meta_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (``<meta charset>``), if any."""
    found = _META_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii") if found else None


def from_html(html: str, url: str | None = None, *, name: str = "the HTML input") -> Article:
    """An article from an HTML page: its main text and metadata.

    The main text comes from trafilatura (no comments, no tables, no navigation),
    one paragraph per block separated by blank lines, line breaks (``<br>``, list
    items) kept as single newlines. Metadata: title, date (YYYY-MM-DD, via
    htmldate), site name, author, canonical URL and the ``<html lang>`` attribute.
    Malformed or deeply nested HTML falls back to a plain streaming text extraction; a
    page without any text raises :class:`InputError`. Of a larger page, only the first
    :data:`MAX_HTML_CHARS` characters are read, and ``Article.notices`` says so.
    """
    from trafilatura.utils import load_html

    notices: tuple[str, ...] = ()
    if len(html) > MAX_HTML_CHARS:
        cut = html.rfind("<", MAX_HTML_CHARS // 2, MAX_HTML_CHARS)  # before a tag, when one is near
        cut = cut if cut > 0 else MAX_HTML_CHARS
        notices = (
            f"only the first {cut:,} of {len(html):,} characters of the page's HTML were read (the limit "
            f"is {MAX_HTML_CHARS:,}, see docs/input.md): save the article's text and check that",
        )
        html = html[:cut]
    tree = _quietly(load_html, html)
    lang = _html_lang(tree)
    extracted = _quietly(_extract, tree, url) if tree is not None else None
    text = _body_text(extracted.body) if extracted is not None and extracted.body is not None else ""
    if not text.strip():
        text = _quietly(_plain_text, html) or ""
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"no article text found in {name}: give the article's own page, or its text")
    meta = _meta(extracted, tree) if extracted is not None else _quietly(_fallback_meta, html, url) or {}
    return Article(text=text, meta=Meta(url=url, lang=lang, content_type="html", **meta), notices=notices)


def _quietly(function, *args):
    """``function(*args)``, or None when the parser chokes on malformed markup."""
    try:
        return function(*args)
    except Exception:  # noqa: BLE001 - lxml/trafilatura raise many types on broken pages
        return None


def _extract(tree, url):
    from trafilatura import bare_extraction

    return bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False
    )


def _html_lang(tree) -> str | None:
    if tree is None:
        return None
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.strip().split("-")[0].lower() or None


def _meta(doc, tree) -> dict:
    return {
        "title": _clean(doc.title),
        "date": _date(doc.date, tree),
        "site_name": _clean(doc.sitename),
        "author": _clean(doc.author),
        "canonical_url": without_credentials(_clean(doc.url) or "") or None,
    }


def _fallback_meta(html: str, url: str | None) -> dict:
    from trafilatura.metadata import extract_metadata

    return _meta(extract_metadata(html, default_url=url), None)


def _date(value, tree) -> str | None:
    """The page's date, unless it is htmldate's guess from a bare year.

    htmldate's extensive search turns a lone year (a copyright line, a number in the
    text) into 1 January of that year; such a date is kept only when the page's own
    date markup (meta tags, ``<time>``, structured data) says so too.
    """
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    if not value.endswith("-01-01"):
        return value
    from htmldate import find_date

    marked = _quietly(lambda: find_date(tree, extensive_search=False, original_date=True)) if tree is not None else None
    return value if marked == value else None


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _body_text(body) -> str:
    """trafilatura's extracted tree as text: blocks separated by a blank line."""
    return "\n\n".join(block for block in _blocks(body) if block)


def _blocks(element):
    for child in element:
        if child.tag in _CONTAINER_TAGS and any(grand.tag in ("p", "head", "list", "quote") for grand in child):
            yield from _blocks(child)
        else:
            yield _inline(child).strip()


def _inline(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline(child))
            if child.tag in _LINE_TAGS:
                parts.append("\n")
        parts.append(child.tail or "")
    lines = ("".join(parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _plain_text(html: str) -> str:
    """Visible text of a page, read as a stream of tags (so any nesting depth works).

    One block per paragraph-like element, ``<br>`` a line break, the content of
    scripts, styles, ``<head>`` and the like dropped.
    """
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    paragraphs = re.split(r"\n\s*\n", "".join(reader.parts))
    blocks = ("\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip()) for p in paragraphs)
    return "\n\n".join(block for block in blocks if block)


class _TextReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside dropped elements

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.hidden = 0  # an unclosed <head> ends here
        elif tag in _DROP_TAGS:
            self.hidden += 1
        self._break(tag)

    def handle_startendtag(self, tag, attrs):
        self._break(tag)

    def handle_endtag(self, tag):
        if tag in _DROP_TAGS and self.hidden:
            self.hidden -= 1
        self._break(tag)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    def _break(self, tag):
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
