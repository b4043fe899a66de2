"""The reference article: chain, independent sources, flags, and Sputnik's imported rating."""

from __future__ import annotations

from claimscope.model import Article
from claimscope.outlets.ratings import RatingsDB
from claimscope.pipeline import Pipeline
from claimscope.stages.attribution import AttributionStage
from claimscope.stages.claims import ClaimsStage
from claimscope.stages.language import Language
from claimscope.stages.matching import Matching
from claimscope.stages.segment import Segment
from claimscope.stages.sourcing import Sourcing
from claimscope.stages.traces import Traces
from claimscope.stages.triage import Triage


def test_seed_chain(shared_dir, tmp_path):
    text = (shared_dir / "seed" / "albu-kamal-fr.txt").read_text(encoding="utf-8")
    with RatingsDB(tmp_path / "ratings.sqlite") as db:
        db.import_file(shared_dir / "data" / "domain-ratings" / "domain_pc1.csv")
        stages = [Segment(), Language(), Traces(), AttributionStage(), ClaimsStage(), Sourcing(ratings=db),
                  Matching(), Triage()]
        doc = Pipeline(stages).run(Article(text))
    (chain,) = doc.sourcing
    article, credit, agency, speaker = chain.hops
    assert article.kind == "article"
    assert (credit.name, credit.outlet_id, credit.domain) == ("Kienthuc.net.vn", None, "kienthuc.net.vn")
    assert text[credit.start:credit.end] == "Kienthuc.net.vn"
    assert (agency.outlet_id, agency.ownership) == ("sputnik", "state_controlled")
    assert "Sputnik" in text[agency.start:agency.end]
    assert speaker.kind == "speaker" and "ministère russe de la Défense" in speaker.name
    assert "ministère russe de la Défense" in text[speaker.start:speaker.end]
    assert chain.independent_sources == 1
    kinds = {f.kind for f in chain.flags}
    assert {"single_source", "state_media_origin", "self_interested_source",
            "untranslated_fragment", "machine_translation_artifact"} <= kinds
    (rating,) = agency.ratings
    assert rating.domain == "sputniknews.com" and rating.source.startswith("Lin et al. 2023")
    assert 2 <= len(doc.triage) <= 3 and "Sputnik" in doc.triage[0]
