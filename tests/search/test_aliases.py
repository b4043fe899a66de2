"""The entity alias tables: every language file loads, names resolve across languages."""

import json
from importlib import resources

import pytest

from claimscope.search.aliases import AliasTable, default_aliases

LANGS = ["en", "fr", "es", "de", "pt", "it", "ru", "vi", "pl", "uk", "ar"]


def _table(lang):
    path = resources.files("claimscope") / "data" / "aliases" / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_table_entities_exist_in_english(lang):
    english = _table("en")
    for entity, names in _table(lang).items():
        if entity.startswith("_"):
            continue
        assert entity in english, f"{lang}.json: {entity} has no English names"
        assert names and all(isinstance(n, str) and n.strip() for n in names)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Les images montrent que Washington aide l'EI en Syrie.", "EI"),
        ("Le groupe Daech a revendiqué l'attaque.", "Daech"),
        ("США помогают ИГИЛ", "ИГИЛ"),
        ("Mỹ giúp Nhà nước Hồi giáo tự xưng", "Nhà nước Hồi giáo tự xưng"),
        ("Die Terrormiliz IS zieht sich zurück.", "Terrormiliz IS"),
        ("Kämpfer des IS flohen.", "IS"),
        ("Rosja wspiera walkę z Państwem Islamskim", "Państwem Islamskim"),
        ("El Estado Islámico perdió la ciudad.", "Estado Islámico"),
    ],
)
def test_islamic_state_names(text, name):
    found = [m for m in default_aliases().find(text) if m.entity == "islamic_state"]
    assert [text[m.start : m.end] for m in found] == [name]


def test_stemmed_names_take_case_endings():
    text = "Заявление Путина о Крыме"
    assert {m.entity for m in default_aliases().find(text)} == {"putin", "crimea"}


def test_acronyms_are_case_sensitive_and_ignored_in_shouting():
    aliases = default_aliases()
    assert not [m for m in aliases.find("this is it") if m.entity == "islamic_state"]
    assert aliases.find("THIS IS FAKE NEWS FROM THE US") == []


def test_expand_adds_english_names_only_for_foreign_mentions():
    aliases = default_aliases()
    assert "Daesh" in aliases.expand("Washington aide l'EI")
    assert aliases.expand("Trump visited Paris") == "Trump visited Paris"


def test_longest_name_wins():
    table = AliasTable({"en": {"x": ["New York"], "y": ["New York Times"]}})
    assert [m.entity for m in table.find("the New York Times said")] == ["y"]


def test_missing_english_table_is_an_error():
    with pytest.raises(ValueError):
        AliasTable({"fr": {"x": ["X"]}})


def test_names_english_shares_are_expanded_only_for_other_languages():
    table = default_aliases()
    vietnamese = "Đoàn xe chở các tay súng IS tháo chạy khỏi Albu Kamal."
    assert "Daesh" in table.expand(vietnamese, "vi")
    assert table.expand(vietnamese) == vietnamese  # language unknown: "IS" may be English
    english = "IS fighters fled the town."
    assert table.expand(english, "en") == english
