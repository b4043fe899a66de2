"""Imports: idempotent, updating, duplicate-aware, resumable, strict; export round trip."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest

from claimscope.errors import ImportFormatError
from claimscope.factchecks import ImportOptions, Mapping, export, import_sources
from claimscope.store import open_store


def _review(n: int, rating: str = "False", **extra) -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": f"https://checks.example/{n}",
            "claimReviewed": f"Claim number {n} about a flooded city.", "inLanguage": "en",
            "author": {"@type": "Organization", "name": "Example Checks"},
            "reviewRating": {"@type": "Rating", "alternateName": rating}, **extra}


def _write(path, reviews) -> str:
    path.write_text(json.dumps(reviews), encoding="utf-8")
    return str(path)


def test_reimport_changes_nothing_and_an_updated_review_updates(store, tmp_path):
    feed = _write(tmp_path / "feed.json", [_review(n) for n in range(5)])
    first = import_sources(store, [feed])
    assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
    seq = store.max_seq()
    again = import_sources(store, [feed])
    assert (again.added, again.updated, again.unchanged, again.ids) == (0, 0, 5, [])
    assert store.max_seq() == seq
    changed = [_review(n) for n in range(5)]
    changed[2] = _review(2, rating="Mostly True")
    update = import_sources(store, [_write(tmp_path / "feed2.json", changed)])
    assert (update.added, update.updated, update.unchanged) == (0, 1, 4)
    record = store.get(update.ids[0])
    assert (record.rating, record.verdict) == ("Mostly True", "mostly_true")
    assert [r.id for _, r in store.changed_since(seq)] == update.ids
    assert store.count() == 5


def test_duplicate_ids_in_one_source_keep_the_first(store, tmp_path):
    feed = _write(tmp_path / "feed.json", [_review(1), _review(1, rating="True"), _review(2)])
    summary = import_sources(store, [feed], ImportOptions(chunk_size=1))
    assert (summary.added, summary.skipped, dict(summary.skip_reasons)) == (2, 1, {"duplicate_id": 1})
    assert store.get(summary.ids[0]).rating == "False"


def test_on_committed_gets_every_chunk_of_touched_ids(store, tmp_path):
    feed = _write(tmp_path / "feed.json", [_review(n) for n in range(7)])
    calls, progress = [], []
    summary = import_sources(store, [feed], ImportOptions(chunk_size=3), on_committed=calls.append,
                             progress=lambda source, n: progress.append(n))
    assert [len(c) for c in calls] == [3, 3, 1]
    assert progress == [3, 6, 7]
    assert [i for c in calls for i in c] == summary.ids


def test_an_interrupted_import_resumes_after_the_last_committed_chunk(store, tmp_path):
    feed = _write(tmp_path / "feed.json", [_review(n) for n in range(10)])

    def crash(ids):
        raise KeyboardInterrupt  # the process dies right after a commit

    with pytest.raises(KeyboardInterrupt):
        import_sources(store, [feed], ImportOptions(chunk_size=4), on_committed=crash)
    assert store.count() == 4
    assert store.imports()[0].status == "running"
    summary = import_sources(store, [feed], ImportOptions(chunk_size=4))
    assert summary.runs[0]["resumed_from"] == 4
    assert (summary.added, summary.unchanged, store.count()) == (10, 0, 10)
    assert store.imports()[0].status == "done"
    assert len(store.imports()) == 1


def test_strict_fails_before_writing_and_nothing_is_lost(store, tmp_path):
    import_sources(store, [_write(tmp_path / "a.json", [_review(100)])])
    bad = _write(tmp_path / "b.json", [_review(1), {"@type": "ClaimReview", "url": "https://x.example"}])
    with pytest.raises(ImportFormatError, match="record 2 is malformed .missing_claim"):
        import_sources(store, [bad], ImportOptions(strict=True))
    assert store.count() == 1
    lenient = import_sources(store, [bad])
    assert (lenient.added, dict(lenient.skip_reasons)) == (1, {"missing_claim": 1})


def test_a_folder_imports_every_file_and_reports_unreadable_ones(store, tmp_path):
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "a.json", [_review(1)])
    _write(tmp_path / "sub" / "b.json", [_review(2)])
    (tmp_path / "sub" / "broken.json").write_text('{"@type": "ClaimReview", ', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    summary = import_sources(store, [str(tmp_path)])
    assert summary.added == 2
    assert len(summary.failed) == 1 and "broken.json is not valid JSON" in summary.failed[0]


def test_unknown_format_and_missing_source_are_clear_errors(store, tmp_path):
    with pytest.raises(ImportFormatError, match="unknown format"):
        import_sources(store, ["x"], ImportOptions(format="xml"))
    with pytest.raises(ImportFormatError, match="does not exist"):
        import_sources(store, [str(tmp_path / "missing.json")])


FULL = {
    "@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/full",
    "identifier": "case-77", "claimReviewed": "A bridge collapsed in the capital yesterday.",
    "datePublished": "2022-06-01", "inLanguage": "fr", "name": "Le pont ne s'est pas effondré",
    "description": "Une vieille photo.", "image": ["https://checks.example/i1.jpg", "https://checks.example/i2.jpg"],
    "keywords": "pont, photo", "spatialCoverage": [{"@type": "Country", "name": "France"}],
    "author": {"@type": "Organization", "name": "Vérif Exemple", "url": "https://verif.example"},
    "creator": {"@type": "Person", "name": "C. Reporter"},
    "reviewRating": {"@type": "Rating", "alternateName": "Faux", "ratingValue": 1, "bestRating": 5, "worstRating": 1},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Un compte anonyme"},
                     "datePublished": "2022-05-30", "inLanguage": ["French"],
                     "appearance": [{"@type": "CreativeWork", "url": "https://social.example/1"},
                                    {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": "Site X"}}]},
}


def test_export_then_import_into_a_fresh_store_reproduces_every_field(store, tmp_path):
    vclaim = {"vclaim_id": "v-1", "vclaim": "A cat was elected mayor.", "title": "Cat?", "subtitle": "Story.",
              "date": "5 March 2012", "author": "R. Writer"}
    (tmp_path / "v.jsonl").write_text(json.dumps(vclaim) + "\n", encoding="utf-8")
    cases = ("date,id,title,countries,keywords,languages,outlets\n"
             "2017-11-14,https://euvsdisinfo.example/r/1/,Invented claim,Russia+US,A+B,French,Outlet\n")
    (tmp_path / "c.csv").write_text(cases, encoding="utf-8")
    import_sources(store, [_write(tmp_path / "full.json", [FULL, _review(5)])])
    import_sources(store, [str(tmp_path / "v.jsonl")], ImportOptions(mapping=Mapping(constants={"publisher": "Snopes"})))
    import_sources(store, [str(tmp_path / "c.csv")])
    original = sorted((r for batch in store.iter_batches() for r in batch), key=lambda r: r.id)
    assert len(original) == 4
    buffer = io.StringIO()
    assert export(store, buffer) == 4
    (tmp_path / "export.json").write_text(buffer.getvalue(), encoding="utf-8")
    with open_store(tmp_path / "fresh.sqlite") as fresh:
        summary = import_sources(fresh, [str(tmp_path / "export.json")])
        assert (summary.added, summary.skipped, dict(summary.warnings)) == (4, 0, {})
        copied = sorted((r for batch in fresh.iter_batches() for r in batch), key=lambda r: r.id)
    assert copied == original  # every field but import_id/raw (not compared)
    full = next(r for r in copied if r.source_ref == "case-77")
    assert dataclasses.asdict(full)["outlets"] == ("Site X",) and full.review_author == "C. Reporter"


def test_export_jsonl_and_filters(store, tmp_path):
    import_sources(store, [_write(tmp_path / "f.json", [_review(1), _review(2, rating="True")])])
    buffer = io.StringIO()
    assert export(store, buffer, "jsonl", verdict="true") == 1
    line = json.loads(buffer.getvalue())
    assert line["reviewRating"]["alternateName"] == "True" and line["itemReviewed"]["@type"] == "Claim"
    assert line["author"] == {"@type": "Organization", "name": "Example Checks"}
