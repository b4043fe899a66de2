"""A relay after an unregistered outlet and a source named again by a demonstrative
(docs/sourcing.md). Articles are our own."""

from claimscope.model import Article
from claimscope.pipeline import Pipeline
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage
from claimscope.stages.language import Language
from claimscope.stages.segment import Segment
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.traces import Traces


def chain(text: str) -> list[str]:
    stages = [Segment(), Language(), Traces(), AttributionStage(), ClaimsStage(), Sourcing()]
    doc = Pipeline(stages).run(Article(text))
    return [h.name for h in doc.sourcing[0].hops]


def test_relay_after_an_unregistered_outlet_follows_it():
    names = chain(
        "В США готовят новый пакет санкций\n\n"
        "Вашингтон готовит новый пакет санкций против российских банков, пишет Вестник Полесья "
        "со ссылкой на Госдепартамент.\n\n"
        "По данным издания, решение может быть принято уже в марте. В Белом доме эту информацию "
        "не комментируют."
    )
    assert names[1] == "Вестник Полесья"
    assert names[2:] == ["Госдепартамент"]


def test_a_demonstrative_source_takes_its_first_full_mention():
    names = chain(
        "Le vaccin retiré en secret des pharmacies ?\n\n"
        "Le site Le Réveil Libre affirme que le vaccin contre la grippe a été discrètement retiré de "
        "plusieurs pharmacies de Lyon. Le site cite un médecin de l'hôpital qui souhaite garder "
        "l'anonymat.\n\n"
        "Selon ce médecin, « des dizaines de patients ont eu des réactions graves ». L'agence "
        "régionale de santé dément toute décision de retrait."
    )
    assert names[-1] == "un médecin de l'hôpital"


def test_unnamed_sources_end_with_their_complements():
    names = chain(
        "Neue Gerüchte um das Freibad\n\n"
        "Nach Presseberichten soll das Freibad der Stadt im Sommer nur an drei Tagen pro Woche öffnen. "
        "Die Stadtverwaltung äußerte sich bislang nicht zu den Plänen."
    )
    assert names[-1] == "Presseberichten"
