"""Every language table loads; a broken or missing table is a clear InputError."""

import json

import pytest
from eval_attribution import LANGS

from claimscope.errors import InputError
from claimscope.stages.attribution import tables


@pytest.mark.parametrize("lang", LANGS)
def test_table_loads_with_cues(lang):
    table = tables.load_table(lang)
    assert table.language == lang
    assert table.raw["verbs"] and table.raw["prepositions"] and table.raw["anonymous"]


def test_every_listed_language_has_a_table_and_dev_set():
    assert set(LANGS) <= set(tables.available_languages())


@pytest.fixture
def table_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "TABLES", tmp_path)
    tables.available_languages.cache_clear()
    tables.load_table.cache_clear()
    yield tmp_path
    tables.available_languages.cache_clear()
    tables.load_table.cache_clear()


def test_missing_table_is_an_input_error(table_dir):
    with pytest.raises(InputError, match="no attribution table"):
        tables.load_table("xx")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"language": "xx", "verbs": "said"}), "must be lists"),
        (json.dumps({"language": "xx", "anonymous": ["(unclosed"]}), "bad pattern"),
        (json.dumps({"language": "xx", "verb_shape": "(ed"}), "bad pattern"),
        (json.dumps({"language": "xx", "colon_labels": "update"}), "must be lists"),
    ],
)
def test_broken_table_is_an_input_error(table_dir, content, message):
    (table_dir / "xx.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        tables.load_table("xx")

