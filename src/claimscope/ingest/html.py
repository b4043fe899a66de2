"""HTML to an article: main text and metadata with trafilatura, plain lxml as fallback.

trafilatura is imported only when an HTML input arrives, so plain-text loading stays cheap.
"""

from __future__ import annotations

import logging
import re

from ..errors import InputError
from ..model import Article, Meta
from .text import normalize_text

# What a page starts with when it is HTML (the WHATWG sniffing table, plus XHTML).
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<!--|<(?:html|head|body|script|iframe|h1|div|"
    r"font|table|a|style|title|b|br|p|meta|article|section|main)[\s>/])",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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
    Malformed HTML falls back to a plain lxml text extraction; a page without any
    text raises :class:`InputError`.
    """
    from trafilatura.utils import load_html

    tree = _quietly(load_html, html)
    lang = _html_lang(tree)
    extracted = _quietly(_extract, tree, url) if tree is not None else None
    text = _body_text(extracted.body) if extracted is not None and extracted.body is not None else ""
    if not text.strip():
        text = _quietly(_lxml_text, html) or ""
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"no article text found in {name}: give the article's own page, or its text")
    meta = _meta(extracted) if extracted is not None else _quietly(_fallback_meta, html, url) or {}
    return Article(text=text, meta=Meta(url=url, lang=lang, content_type="html", **meta))


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


def _meta(doc) -> dict:
    date = doc.date if isinstance(doc.date, str) and _ISO_DATE.fullmatch(doc.date) else None
    return {
        "title": _clean(doc.title),
        "date": date,
        "site_name": _clean(doc.sitename),
        "author": _clean(doc.author),
        "canonical_url": _clean(doc.url),
    }


def _fallback_meta(html: str, url: str | None) -> dict:
    from trafilatura.metadata import extract_metadata

    return _meta(extract_metadata(html, default_url=url))


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


def _lxml_text(html: str) -> str:
    """Visible text of a page with lxml alone: one block per paragraph-like element."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        element.text = "\n\n" + (element.text or "")
    paragraphs = re.split(r"\n\s*\n", root.text_content())
    blocks = ("\n".join(" ".join(line.split()) for line in p.split("\n") if line.strip()) for p in paragraphs)
    return "\n\n".join(block for block in blocks if block)
