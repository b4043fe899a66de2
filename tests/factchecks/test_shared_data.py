"""Done-when figures on real data: CLEF 2022 vclaims (JSONL mapping) and the EUvsDisinfo cases."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimscope.cli_factchecks import factchecks
from claimscope.factchecks import ImportOptions, Mapping, import_sources

SNOPES = Mapping(constants={"publisher": "Snopes", "publisher_site": "https://www.snopes.com", "language": "en"})


def test_vclaims_and_euvsdisinfo_import_exactly_once(store, shared_dir):
    vclaims = str(shared_dir / "data/claim-retrieval/clef2022-t2a-en/vclaims.jsonl")
    cases = str(shared_dir / "data/disinfo/euvsdisinfo-cases-2015-2021.csv")
    first = import_sources(store, [vclaims], ImportOptions(mapping=SNOPES))
    second = import_sources(store, [cases])
    assert (first.added, first.skipped) == (14_231, 0)
    assert (second.added, second.skipped) == (10_892, 0)
    assert store.count() == 25_123

    again = [import_sources(store, [vclaims], ImportOptions(mapping=SNOPES)), import_sources(store, [cases])]
    assert [(s.added, s.updated, s.unchanged) for s in again] == [(0, 0, 14_231), (0, 0, 10_892)]

    stats = store.stats()
    assert stats["by_publisher"] == {"Snopes": 14_231, "EUvsDisinfo": 10_892}
    assert stats["by_verdict"] == {"unrated": 14_231, "disinformation": 10_892}
    assert stats["by_language"] == {"en": 25_123}
    hit = store.search("Images prove that the US is helping Daesh", 1)[0][0]
    assert hit.review_date == "2017-11-14" and hit.publisher == "EUvsDisinfo"

    shown = CliRunner().invoke(factchecks, ["stats", "--db", store.location, "--json"])
    assert json.loads(shown.output)["by_verdict"] == stats["by_verdict"]
    table = CliRunner().invoke(factchecks, ["stats", "--db", store.location]).output
    assert "25,123 fact-checks" in table and "EUvsDisinfo" in table and "by language" in table
