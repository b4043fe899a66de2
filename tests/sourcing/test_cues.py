"""Every per-language sourcing table is complete and its entries match themselves."""

from __future__ import annotations

import pytest

from claimscope.outlets import cues


@pytest.mark.parametrize("lang", cues.languages())
def test_table_is_complete_and_self_matching(lang):
    data = cues.table(lang)
    for kind in cues.KINDS:
        assert data[kind], f"{lang}: {kind} is empty"
        for entry in data[kind]:
            sample = entry.replace("*", "x")
            assert cues.find(kind, f"« {sample} »", lang), f"{lang}/{kind}: {entry!r} does not match itself"


@pytest.mark.parametrize("lang, kind, text, expected", [
    ("fr", "accusation", "des preuves « accusant » Washington", ["accusant"]),
    ("fr", "accusation", "un accueil chaleureux", []),
    ("en", "primary_material", "in a statement on Monday", ["statement"]),
    ("en", "primary_material", "the reporter asked", []),
    ("ru", "relay_cues", "сообщил RT со ссылкой на ТАСС", ["со ссылкой на"]),
    ("vi", "accusation", "Nga cáo buộc Mỹ hỗ trợ IS", ["cáo buộc", "hỗ trợ IS"]),
    ("zh", "relay_cues", "新华社援引路透社报道", ["援引"]),
])
def test_cues_in_context(lang, kind, text, expected):
    assert [m.group() for m in cues.find(kind, text, lang)] == expected
