"""Every language table is complete and well-formed."""

from __future__ import annotations

import pytest

from claimscope.stages.grammar import GRAMMAR_REASONS
from claimscope.langdata import REQUIRED_KEYS, common, language_name, table, tables
from claimscope.stages.furniture_rules import BOILERPLATE_PHRASES

PAGE_WORDS = {
    "share", "subscribe", "donate", "counter", "tags", "reading_time", "disclaimer", "translation", "about", "author",
    "cookie", "vague_sources", "news", "more", "navigation", "press_release", "published",
}

REQUIRED = ("fr", "en", "es", "de", "pt", "it", "ru", "vi", "pl", "ar")


def test_the_required_languages_have_tables():
    assert set(REQUIRED) <= set(tables())


@pytest.mark.parametrize("lang", sorted(tables()))
def test_table_shape(lang):
    t = table(lang)
    assert set(REQUIRED_KEYS) <= set(t)
    assert t["lang"] == lang and language_name(lang) == t["name"]
    assert sorted(set(t["months"].values())) == list(range(1, 13))
    assert all(1 <= n <= 12 for n in t["month_abbreviations"].values())
    assert set(t["date_orders"]) <= {"dm", "md"} and t["date_orders"]
    assert set(t["numeric_date_orders"]) <= {"dmy", "mdy", "ymd"}
    assert all(len(pair) == 2 for pair in t["quote_pairs"])
    assert set(t["boilerplate"]) <= set(BOILERPLATE_PHRASES)
    assert t["boilerplate"]["related_links"] and t["credit_cues"] and t["caption_cues"]
    assert set(t["page_words"]) == PAGE_WORDS and all(t["page_words"].values())
    for markers in [*t["boilerplate"].values(), *t["page_words"].values()]:
        assert all(m == m.casefold() for m in markers), "markers and page words are stored casefolded"
    assert set(t.get("grammar", {})) <= set(GRAMMAR_REASONS) - {"calque"}


def test_common_table():
    c = common()
    assert "AFP" in c["agencies"] and "facebook" in c["social_networks"]
    assert all(len(group) >= 1 for group in c["confusable_groups"])


def test_unknown_language():
    assert table("xx") is None and table(None) is None and language_name("xx") == "xx"
