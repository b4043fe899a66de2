"""Query cleaning: turn a tweet or social post into the sentence a fact-check states.

Removes links, the "— Name (@handle) Month D, YYYY" signature that embedded tweets
carry (keeping the name: who said it matters), splits hashtags and handles into words
("#MetGala2021" -> "Met Gala 2021") and undoes CSV quote doubling.
"""

from __future__ import annotations

import re
from datetime import datetime

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
_SIGNATURE = re.compile(r"\s*[—–]\s*([^—–()]{0,80}?)\s*\(@\w+\)\s*[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _split_tag(match: re.Match) -> str:
    return _CAMEL.sub(" ", match.group(1).replace("_", " "))


def clean_query(text: str) -> str:
    """The claim-bearing text of a social-media post (see module docstring)."""
    text = text.strip()
    if len(text) > 1 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    text = text.replace('""', '"')
    signature = _SIGNATURE.search(text)
    author = ""
    if signature:
        author = signature.group(1).strip()
        text = text[: signature.start()]
    text = _URL.sub(" ", text)
    text = _TAG.sub(_split_tag, text)
    text = " ".join(text.split())
    if author:
        text = f"{text} ({author})" if text else author
    return text


def post_date(text: str) -> str:
    """The ISO date in a tweet's "— Name (@handle) Month D, YYYY" signature, or ""."""
    signature = _SIGNATURE.search(text.strip().rstrip('"'))
    if not signature:
        return ""
    stamp = signature.group(0).rsplit(")", 1)[1].strip()
    try:
        return datetime.strptime(stamp, "%B %d, %Y").date().isoformat()
    except ValueError:
        return ""
