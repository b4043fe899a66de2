"""What the fuzz tests share: one deterministic Hypothesis profile, the strategies, the bounds.

Bounds (docs/input.md, *Limits*): reading an input costs at most SECONDS_PER_MB per MB
plus READ_SECONDS; a whole ``check`` adds at most CHECK_SECONDS, the analysis of one
article at its work limit (100,000 characters, 400 sentences) on a busy 2-core machine.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    derandomize=True, deadline=None, database=None, print_blob=True,
    suppress_health_check=list(HealthCheck),
)
SECONDS_PER_MB = 2.0
READ_SECONDS = 3.0
CHECK_SECONDS = 45.0


def bound(size: int, constant: float) -> float:
    """Seconds allowed for an input of ``size`` bytes."""
    return SECONDS_PER_MB * size / 2**20 + constant


@contextmanager
def within(seconds: float, what: str):
    started = time.monotonic()
    yield
    took = time.monotonic() - started
    assert took <= seconds, f"{what} took {took:.1f} s, over its bound of {seconds:.1f} s"


WORDS = st.sampled_from([
    "the", "council", "said", "on", "Monday", "that", "«", "»", '"', "—", "voted", "€4m", "42", "%",
    "according", "to", "Reuters", "le", "maire", "a", "déclaré", "что", "сказал", "Hà", "Nội", "。",
    "!", "?", ".", ",", "\n", "\n\n", "\t", "http://example.org/x", "a@b.c", "x" * 300, "\u200b", "\u202e",
])
PROSE = st.lists(WORDS, max_size=80).map(" ".join)
TEXT = st.one_of(PROSE, st.text(max_size=400), st.text(alphabet=st.characters(codec="utf-8"), max_size=400))

TAGS = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "<script>", "</script>", "<style>", "<!--", "-->",
    "<html lang='fr'>", "<head>", "<title>", "</title>", "<table><td>", "<", ">", "&amp;", "&#0;", "&#x110000;",
    "<![CDATA[", "<meta charset='rot13'>", "<meta charset=\"utf-8\">", "<time datetime='2024-02-30'>",
    "<meta property='article:published_time' content='99999-01-01'>", "<svg>", "<noscript>", "<?xml?>",
])
HTML = st.lists(st.one_of(TAGS, PROSE, st.text(max_size=30)), max_size=40).map("".join)

CHARSETS = st.sampled_from([
    None, "utf-8", "cp1252", "latin1", "koi8-r", "shift_jis", "utf-16", "utf-7", "undefined", "rot13",
    "base64", "idna", "punycode", "unicode_escape", "hex", "zlib", "", "\x00", "utf-8\r\n", "x" * 300,
])
ENCODINGS = st.sampled_from(["utf-8", "cp1252", "utf-16-le", "utf-16", "koi8-r", "latin-1"])
BYTES = st.one_of(
    st.binary(max_size=3000),
    st.tuples(TEXT, ENCODINGS).map(lambda pair: pair[0].encode(pair[1], errors="replace")),
    st.tuples(HTML, ENCODINGS).map(lambda pair: pair[0].encode(pair[1], errors="replace")),
)

JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), JSON_VALUES),
        "text": st.one_of(TEXT, JSON_VALUES),
        "html": st.one_of(HTML, JSON_VALUES),
        "url": st.one_of(st.just("https://user:pw@news.example/a"), st.text(max_size=40)),
        "title": TEXT, "date": st.one_of(st.dates().map(str), st.text(max_size=12)),
        "lang": st.one_of(st.sampled_from(["fr", "pt-BR", "zz", "français!"]), st.text(max_size=8)),
    },
)
HOSTILE_LINES = st.sampled_from([
    "[" * 50_000, '{"a":' * 20_000 + "1" + "}" * 20_000, '{"id": ' + "9" * 5000 + ', "text": "x"}',
    '{"id": 1e999, "text": "x"}', '{"text": NaN}', "\ufeff{}", "{", "", "   ", "null", '"text"',
])
BATCH_LINES = st.lists(st.one_of(RECORDS.map(json.dumps), HOSTILE_LINES, st.text(max_size=60)), min_size=1, max_size=6)

TIMEOUTS = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "1e300", "0", "-1", "1e-300", "", " ", "20", "0x10", "1_0", "٣"]),
    st.floats().map(repr), st.integers().map(str), st.text(max_size=8),
)
FORMATS = st.one_of(st.sampled_from(["text", "json", "md", "html", "JSON", "pdf", ""]), st.text(max_size=6))
