"""Golden report for the reference article (../shared/seed/albu-kamal-fr.txt).

The golden file pins the report's shape without any of the article's text (the seed
is third-party text and must not be copied here): the text's SHA-256, the main
language, and every finding's kind, label, language, offsets and stage.
Refresh after an intended change with ``pytest tests/test_golden_seed.py --refresh-golden``.
"""

from __future__ import annotations

import hashlib
import json

from claimscope import Analyzer, Settings, ingest
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "albu-kamal-fr.json"


def projection(view: dict) -> dict:
    return {
        "text_sha256": hashlib.sha256(view["article"]["text"].encode("utf-8")).hexdigest(),
        "language": view["language"]["main"],
        "sentences": len(view["sentences"]),
        "stages": view["stages"],
        "findings": [
            {k: f[k] for k in ("kind", "label", "lang", "start", "end", "stage")}
            for f in view["findings"]
        ],
        "attributions": [
            [a["cue_start"], a["speaker_start"], a["speaker_entity"], a["direct"], a["anonymous"]]
            for a in view.get("attributions", [])
        ],
        "checkworthy_sentences": [c["sentence"] for c in view.get("claims", []) if c["checkworthy"]],
        "chains": [
            {"hops": [h["name"] for h in chain["hops"]], "independent": chain["independent_sources"],
             "flags": sorted(f["kind"] for f in chain["flags"])}
            for chain in view.get("sourcing", [])
        ],
    }


def analyze(path) -> dict:
    with Analyzer(Settings(matching=False)) as analyzer:
        return analyzer.analyze(ingest.load(str(path))).data


def test_seed_report_matches_golden(shared_dir, refresh_golden):
    view = analyze(shared_dir / "seed" / "albu-kamal-fr.txt")
    got = projection(view)
    if refresh_golden:
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run pytest with --refresh-golden to create it"
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_report_has_the_six_expected_traces(shared_dir):
    view = analyze(shared_dir / "seed" / "albu-kamal-fr.txt")
    text = view["article"]["text"]
    assert view["language"]["main"] == "fr"
    by_kind: dict[str, list[dict]] = {}
    for f in view["findings"]:
        by_kind.setdefault(f["kind"], []).append(f)
    vietnamese = [f for f in by_kind.get("untranslated_fragment", []) if f["lang"] == "vi"]
    captions = [line for line in text.splitlines() if "Ảnh:" in line]
    assert len(captions) == 2
    assert sorted(f["text"] for f in vietnamese) == sorted(c.strip() for c in captions)
    assert any(f["text"].startswith("November 14, 2017") for f in by_kind["foreign_dateline"])
    assert any(f["text"].startswith("« Ce plan précise") for f in by_kind["garbled_sentence"])
    assert any("NOUVELLES CONNEXES" in f["text"] for f in by_kind["boilerplate"])
    assert any(f["text"].startswith("Selon Kienthuc.net.vn") for f in by_kind["credit_line"])
