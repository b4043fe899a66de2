"""Hostile inputs: each gives a clear message or a counted skip, never a crash, never data loss."""

from __future__ import annotations

import json
import os

import pytest

from claimscope.errors import ImportFormatError
from claimscope.factchecks import import_sources

GOOD = {"@type": "ClaimReview", "url": "https://checks.example/keep", "claimReviewed": "Stored before the attack.",
        "author": {"@type": "Organization", "name": "Example"}, "reviewRating": {"alternateName": "False"}}


@pytest.fixture
def seeded(store, tmp_path):
    """A store that already holds one record, which no hostile import may lose."""
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    import_sources(store, [str(path)])
    yield store
    assert store.count() >= 1 and store.get(store.list(1000)[-1].id) is not None
    assert any(r.claim == "Stored before the attack." for r in store.list(1000))


def _file(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return str(path)


@pytest.mark.parametrize("name,content,message", [
    ("truncated.json", json.dumps([GOOD, GOOD])[:-30], "is not valid JSON .* at line 1, column"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("huge-string.json", json.dumps("x" * 10_000_000), "no fact-check records"),
    ("empty.json", "", "cannot tell the format|no fact-check records|not valid JSON"),
    ("nothing.html", "<html><body><p>No structured data here.</p></body></html>", "has no JSON-LD"),
    ("other.json", json.dumps({"@type": "NewsArticle", "headline": "Not a review"}), "no fact-check records"),
    ("binary.json", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 50, "PNG|binary"),
    ("api.json", json.dumps({"claims": "not a list"}), "no fact-check records"),
])
def test_unreadable_files_give_one_clear_line(seeded, tmp_path, name, content, message):
    with pytest.raises(ImportFormatError, match=message) as info:
        import_sources(seeded, [_file(tmp_path, name, content)])
    assert "\n" not in str(info.value) and len(str(info.value)) < 400


def test_google_api_flag_on_a_non_api_file(seeded, tmp_path):
    with pytest.raises(ImportFormatError, match="not a Fact Check Tools API response"):
        from claimscope.factchecks import ImportOptions

        import_sources(seeded, [_file(tmp_path, "x.json", json.dumps(GOOD))], ImportOptions(format="google-api"))


def test_malformed_records_are_skipped_with_reasons(seeded, tmp_path):
    records = [
        {**GOOD, "url": "https://checks.example/1", "claimReviewed": 12345},  # a number: kept as text
        {**GOOD, "url": "https://checks.example/2", "claimReviewed": {"nested": ["object"]}},  # no usable claim
        {**GOOD, "url": "https://checks.example/3", "claimReviewed": "x" * 10_000_001},  # 10 MB string
        {**GOOD, "url": "https://checks.example/4", "datePublished": "the 45th of Nevember"},  # bad date: kept
        {**GOOD, "url": "https://checks.example/5", "reviewRating": {"alternateName": "Zebra"}},  # unknown rating
        {**GOOD, "url": "https://checks.example/6", "reviewRating": {"ratingValue": "high", "bestRating": []}},
        {**GOOD, "url": "https://checks.example/7", "itemReviewed": "just a string", "image": 42},
        {**GOOD, "url": "https://checks.example/8", "datePublished": "2021-02-30"},
        {**GOOD, "url": "https://checks.example/6"},  # duplicate of #6 (same URL and claim)
    ]
    summary = import_sources(seeded, [_file(tmp_path, "mixed.json", json.dumps(records))])
    assert summary.added == 6
    assert dict(summary.skip_reasons) == {"missing_claim": 1, "too_long": 1, "duplicate_id": 1}
    assert summary.warnings["bad_date:review_date"] == 2
    assert summary.warnings["unknown_rating"] == 1
    assert summary.warnings["bad_number:rating_value"] == 1
    assert any("10,000,001 characters" in e for e in summary.examples)


def test_jsonl_with_broken_lines_keeps_the_good_ones(seeded, tmp_path):
    lines = [json.dumps({"claim": "First good line.", "publisher": "P"}), '{"claim": "cut off', "[1, 2]",
             "[" * 50_000 + "]" * 50_000, json.dumps({"claim": "Last good line.", "publisher": "P"})]
    summary = import_sources(seeded, [_file(tmp_path, "x.jsonl", "\n".join(lines))])
    assert summary.added == 2
    assert dict(summary.skip_reasons) == {"bad_json": 2, "wrong_type": 1}


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_other_encodings_are_decoded(seeded, tmp_path, encoding):
    text = "claim,rating,publisher,language\nLe café coûte 10 €.,Faux,Vérif,fr\n"
    summary = import_sources(seeded, [_file(tmp_path, "x.csv", text.encode(encoding))])
    assert summary.added == 1
    assert any(r.claim == "Le café coûte 10 €." for r in seeded.list(10))


def test_csv_rows_with_too_many_cells_are_skipped(seeded, tmp_path):
    text = "claim,rating\nGood row.,False\nBad,row,with,extra\n"
    summary = import_sources(seeded, [_file(tmp_path, "x.csv", text)])
    assert (summary.added, dict(summary.skip_reasons)) == (1, {"wrong_columns": 1})


def test_a_400_digit_rating_loses_nothing(store, tmp_path):
    huge = int("9" * 400)  # float(huge) raises OverflowError
    records = [{**GOOD, "url": f"https://checks.example/n{n}", "reviewRating": {"ratingValue": value}}
               for n, value in enumerate([1, huge, 5])]
    folder = tmp_path / "in"
    folder.mkdir()
    _file(folder, "a.json", json.dumps(records))
    _file(folder, "b.json", json.dumps({**GOOD, "url": "https://checks.example/other"}))
    summary = import_sources(store, [str(folder)])
    assert (summary.added, summary.skipped, summary.failed) == (4, 0, [])
    assert summary.warnings["bad_number:rating_value"] == 1
    assert [run.status for run in store.imports()] == ["done", "done"]


def test_a_value_no_check_foresaw_skips_only_its_record(store, tmp_path, monkeypatch):
    from claimscope.factchecks import importer

    real_build = importer.build

    def build(fields, raw=None):
        if "second" in (fields.get("claim") or ""):
            raise OverflowError("int too large to convert to float")
        return real_build(fields, raw)

    monkeypatch.setattr(importer, "build", build)
    claims = ["First claim kept.", "The second claim breaks.", "Third claim kept."]
    records = [{**GOOD, "url": f"https://checks.example/v{n}", "claimReviewed": c} for n, c in enumerate(claims)]
    summary = import_sources(store, [_file(tmp_path, "v.json", json.dumps(records))])
    assert (summary.added, dict(summary.skip_reasons)) == (2, {"bad_value": 1})
    assert any("OverflowError" in e for e in summary.examples)
    assert store.imports()[0].status == "done"


def test_a_file_whose_reading_breaks_keeps_its_records_and_the_folder_goes_on(store, tmp_path, monkeypatch):
    from claimscope.factchecks import importer

    real_read = importer.read

    def read(text, fmt, name, mapping=None):
        for number, candidate in enumerate(real_read(text, fmt, name, mapping)):
            if "broken" in name and number == 2:
                raise RecursionError("maximum recursion depth exceeded")
            yield candidate

    monkeypatch.setattr(importer, "read", read)
    folder = tmp_path / "in"
    folder.mkdir()
    _file(folder, "a-broken.json", json.dumps([{**GOOD, "url": f"https://checks.example/b{n}"} for n in range(5)]))
    _file(folder, "b-fine.json", json.dumps({**GOOD, "url": "https://checks.example/fine"}))
    summary = import_sources(store, [str(folder)], importer.ImportOptions(chunk_size=1))
    assert summary.added == 3 and store.count() == 3
    assert len(summary.failed) == 1 and "a-broken.json: reading stopped after record 2" in summary.failed[0]
    assert {run.source.rsplit("/", 1)[-1]: run.status for run in store.imports()} == {
        "a-broken.json": "failed", "b-fine.json": "done"}


def test_twenty_microdata_reviews_are_twenty_records(store, tmp_path):
    nodes = [{"type": ["http://schema.org/ClaimReview"], "properties": {
        "claimReviewed": [f"Microdata claim number {n} about the harbour."], "url": [f"https://checks.example/m{n}"],
        "author": [{"type": ["http://schema.org/Organization"], "properties": {"name": ["Example"]}}],
        "reviewRating": [{"type": ["http://schema.org/Rating"], "properties": {"alternateName": ["False"]}}],
    }} for n in range(20)]
    summary = import_sources(store, [_file(tmp_path, "micro.json", json.dumps({"items": nodes}))])
    assert (summary.added, summary.skipped, store.count(), len(store.imports())) == (20, 0, 20, 1)


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>x</script>",
    "vbscript:msgbox(1)",
])
def test_active_urls_are_not_kept(store, tmp_path, url):
    record = {**GOOD, "url": url, "image": [url, "https://img.example/1.jpg"],
              "itemReviewed": {"@type": "Claim", "appearance": [{"url": url}, {"url": "https://seen.example/p"}]},
              "author": {"@type": "Organization", "name": "Example", "url": url}}
    summary = import_sources(store, [_file(tmp_path, "u.json", json.dumps(record))])
    stored = store.list(1)[0]
    assert (stored.review_url, stored.publisher_site) == (None, None)
    assert stored.image_urls == ("https://img.example/1.jpg",) and stored.appearances == ("https://seen.example/p",)
    assert summary.warnings["unsafe_url:review_url"] == 1 and summary.warnings["unsafe_url:image_urls"] == 1


def test_a_source_over_the_size_limit_is_refused_before_reading(store, tmp_path, monkeypatch):
    from claimscope.factchecks import importer

    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: 200 MB on paper, nothing read
        handle.truncate(200 * 2**20)
    with pytest.raises(ImportFormatError, match="larger than the 64 MiB limit"):
        import_sources(store, [str(big)])
    monkeypatch.setattr(importer, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(ImportFormatError, match="larger than the 0 MiB limit"):
        import_sources(store, ["/dev/zero"])  # no size on disk: read up to the limit only
    assert store.count() == 0 and store.imports() == []


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory is read from /proc")
def test_a_huge_csv_cell_is_skipped_in_bounded_memory(tmp_path):
    import subprocess
    import sys

    from claimscope.factchecks.formats import MAX_CELL

    path = tmp_path / "cell.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("claim,keywords\nFirst row about tides.,a|b\n")
        handle.write("x" * (40 * 2**20) + ",c\n")  # 40 MB: the old reader peaked at ~13 bytes per byte
        handle.write("Last row about tides.,d\n")
    code = (  # VmHWM: this process's peak; ru_maxrss would include the forking parent's
        "import json, re, sys\n"
        "from claimscope.factchecks import import_sources\n"
        "from claimscope.store import open_store\n"
        "with open_store(sys.argv[2]) as store:\n"
        "    s = import_sources(store, [sys.argv[1]])\n"
        "peak = int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "print(json.dumps([s.added, dict(s.skip_reasons), peak]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path), str(tmp_path / "m.sqlite")],
                          capture_output=True, text=True, timeout=300)
    added, reasons, peak_kb = json.loads(done.stdout)
    assert (added, reasons) == (2, {"too_long": 1}) and MAX_CELL < 40 * 2**20
    assert peak_kb < 350 * 1024, f"peak {peak_kb // 1024} MB"


@pytest.mark.parametrize("strict", [False, True])
def test_a_reader_breaking_before_the_run_is_one_clear_error(store, tmp_path, monkeypatch, strict):
    from claimscope.factchecks import importer

    def read(text, fmt, name, mapping=None):
        yield from []
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(importer, "read", read)
    with pytest.raises(ImportFormatError, match="cannot be read .RecursionError.*nothing imported"):
        import_sources(store, [_file(tmp_path, "r.json", json.dumps(GOOD))], importer.ImportOptions(strict=strict))
    assert store.count() == 0 and store.imports() == []
