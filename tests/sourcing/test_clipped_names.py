"""Two words of a name meet the clipped compound another mention writes for them
(stages/sourcing/names.py ``same_name``)."""

from __future__ import annotations

from claimscope.stages.sourcing.names import same_name
from tests.sourcing.test_chain import chain_of, make


def test_a_clipped_compound_is_the_same_name():
    assert same_name("Минобороны Эстонии", "Министерство обороны Эстонии")
    assert same_name("Госдума", "Государственная дума")
    assert same_name("Минздрав", "Министерство здравоохранения")


def test_other_names_stay_apart():
    assert not same_name("Минобороны", "Министерство финансов")
    assert not same_name("Министерство обороны", "Министерство транспорта")
    assert not same_name("Минфин", "МВД")


def test_one_body_under_both_forms_is_one_hop():
    text = ("Мост закроют в пятницу, сообщило Минобороны Эстонии. "
            "Об этом пишет агентство Балтийский Вестник со ссылкой на Министерство обороны Эстонии.")
    doc = make(text, [("Минобороны Эстонии", "сообщило", "Мост закроют в пятницу", False),
                      ("агентство Балтийский Вестник", "пишет", "Об этом", False)], lang="ru")
    hops, _, _ = chain_of(doc)
    assert sum("обороны" in h.casefold() for h in hops) == 1
