"""Fuzzing the fact-check import and every output of what it stores (issue 12, data side).

Hypothesis writes hostile ClaimReview JSON-LD (plain and microdata-style), CSV and JSONL
feeds and option values; each example is imported into a real SQLite store. Properties:

- no exception escapes: an import gives a summary or one clear ImportFormatError line;
- nothing is lost or counted twice: added + updated + unchanged + skipped = records in the feed,
  and importing the feed again adds and updates nothing;
- nothing stored is interpreted on the way out: terminal commands print no control
  character, Markdown holds no raw HTML, link, image or code syntax, the HTML report no
  element or attribute that came from the data, the JSON-LD export no ``<``.

Deterministic (``derandomize``) and bounded: about half a minute on the reference machine.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

import lxml.html
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope import report
from claimscope.cli_factchecks import factchecks
from claimscope.errors import ImportFormatError
from claimscope.factchecks import ImportOptions, Mapping, export, import_sources
from claimscope.model import Article, Document, Match, Meta, Sentence, StageRun
from claimscope.render import render
from claimscope.store import open_store

FUZZ = settings(
    derandomize=True, database=None, deadline=None, max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = [
    "\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\u202e", "\r", "\x08", "[/x]", "[bold red]",
    "[link=https://evil.example]here[/link]", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))", "![i](https://evil.example/i.png)", "```", "`code`", "*em*", "_u_", "|",
    "&lt;b&gt;", "</script>", "javascript:alert(1)", "data:text/html,<b>x</b>", "\u2028", "\x85", "\ufeff",
    "2021-02-30", "False", "Faux", "Mostly true", "9" * 400, "1e999", "NaN", "  ", "é", "中文", "😀",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=6).map("".join)
NUMBER = st.one_of(st.integers(-10**450, 10**450), st.floats(), st.sampled_from(["3", "high", "1e400", ""]))
URL = st.one_of(
    st.sampled_from(["https://checks.example/a", "http://x.example/b?c=d", "javascript:alert(1)",
                     " JaVa\tScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "example.org/p", ""]),
    HOSTILE_TEXT,
)
ANY = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBER, HOSTILE_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(HOSTILE_TEXT, inner, max_size=3)),
    max_leaves=8,
)


CLAIM = st.one_of(HOSTILE_TEXT.map(lambda t: "A claim " + t), HOSTILE_TEXT, ANY)


def _maybe(strategy):
    return st.one_of(strategy, st.none(), ANY)


CLAIMREVIEW = st.fixed_dictionaries(
    {"@type": st.sampled_from(["ClaimReview", "http://schema.org/ClaimReview", ["ClaimReview", "Review"]]),
     "claimReviewed": CLAIM},
    optional={
        "url": _maybe(URL),
        "author": _maybe(st.fixed_dictionaries({"@type": st.just("Organization"), "name": HOSTILE_TEXT,
                                                "url": URL})),
        "reviewRating": _maybe(st.fixed_dictionaries({}, optional={
            "alternateName": HOSTILE_TEXT, "ratingValue": NUMBER, "bestRating": NUMBER, "worstRating": NUMBER})),
        "datePublished": _maybe(HOSTILE_TEXT),
        "inLanguage": _maybe(HOSTILE_TEXT),
        "image": _maybe(st.lists(URL, max_size=3)),
        "keywords": _maybe(HOSTILE_TEXT),
        "itemReviewed": _maybe(st.fixed_dictionaries({"@type": st.just("Claim")}, optional={
            "appearance": st.lists(st.fixed_dictionaries({"url": URL}), max_size=3),
            "author": st.fixed_dictionaries({"name": HOSTILE_TEXT})})),
    },
)


def _microdata(review: dict) -> dict:
    """The same review as a microdata-style node: values in lists, under ``properties``."""
    return {"type": ["http://schema.org/ClaimReview"],
            "properties": {k: [v] for k, v in review.items() if k != "@type"}}


FEED = st.lists(st.tuples(CLAIMREVIEW, st.booleans()), min_size=1, max_size=8)
COLUMNS = ["claim", "rating", "rating_value", "publisher", "review_url", "review_date", "keywords", "image_urls"]
CSV_TEXT = st.lists(st.one_of(st.sampled_from([p for p in PIECES if "\x00" not in p]), st.text(max_size=12)),
                    max_size=4).map("".join)
CSV_ROWS = st.lists(st.lists(CSV_TEXT, min_size=len(COLUMNS), max_size=len(COLUMNS)), min_size=1, max_size=8)
JSONL_LINE = st.one_of(
    st.fixed_dictionaries({"claim": CLAIM}, optional={c: _maybe(HOSTILE_TEXT) for c in COLUMNS[1:]}),
    CLAIMREVIEW,
    st.lists(ANY, max_size=2),
    HOSTILE_TEXT.map(lambda t: "{" + t.replace("\n", " ").replace("\r", " ")),  # a broken line
)
OPTIONS = st.builds(
    ImportOptions,
    chunk_size=st.integers(1, 4),
    mapping=st.builds(Mapping, list_sep=st.sampled_from(["|", ";", ",", "+", "é", "\x1b", "||"])),
)


def _import(path: Path, options: ImportOptions, records: int) -> Path:
    """Import ``path`` into a fresh store; assert the counts; the database's path."""
    db = path.parent / "store.sqlite"
    with open_store(db) as store:
        try:
            summary = import_sources(store, [str(path)], options)
        except ImportFormatError as err:  # the whole file refused: one clear line, nothing stored
            assert "\n" not in err.message and store.count() == 0
            return db
        counted = summary.added + summary.updated + summary.unchanged + summary.skipped
        assert counted == records, (counted, records, summary.as_dict())
        assert sum(summary.skip_reasons.values()) == summary.skipped
        assert store.count() == summary.added
        assert [run.status for run in store.imports()] == ["done"]
        again = import_sources(store, [str(path)], options)  # idempotent: nothing new, nothing lost
        assert (again.added, again.updated, again.unchanged) == (0, 0, summary.added + summary.updated)
        assert again.skipped == summary.skipped and store.count() == summary.added
    return db


def _assert_outputs_inert(db: Path) -> None:
    """Every way out of the store: CLI text and JSON, the three report formats, JSON-LD export."""
    with open_store(db) as store:
        records = store.list(50)
        exported = io.StringIO()
        export(store, exported)
    assert "<" not in exported.getvalue() and json.loads(exported.getvalue()) is not None
    runner = CliRunner()
    commands = [["list"], ["stats"], ["list", "--json"], ["search", "a b c e 1 x"]]
    commands += [["show", r.id, "--raw"] for r in records[:2]]
    for args in commands:
        result = runner.invoke(factchecks, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)
        assert not CONTROL.search(result.output), (args, result.output)
    if records:
        _assert_report_inert(records)


def _assert_report_inert(records) -> None:
    text = "Une phrase assez longue pour le rapport. Fin."
    matches = tuple(
        Match(r.id, r.claim, r.verdict, r.rating, r.publisher, r.review_date, r.review_url, 0.9, 0, 0, 40,
              "matching@1")
        for r in records[:5]
    )
    first = records[0]
    doc = Document(
        article=Article(text=text, meta=Meta(title=first.claim, site_name=first.publisher, author=first.rating)),
        language="fr", sentences=(Sentence(0, 40, 0, "fr"), Sentence(41, len(text), 0, "fr")),
        stages=(StageRun("segment", "1"), StageRun("matching", "1")), matches=matches,
    )
    view = report.build(doc)
    for fmt in ("text", "md", "html", "json"):
        assert not CONTROL.search(render(view, fmt).replace("\n", "").replace("\t", "")), fmt
    markdown = render(view, "md")
    assert "<" not in markdown  # HTML only ever as entities
    assert not re.search(r"(?<!\\)[\[\]`]", markdown.replace("```", ""))  # no link, image or code syntax
    page = lxml.html.document_fromstring(render(view, "html"))
    assert not page.xpath("//script | //img | //iframe | //a | //object | //embed")
    assert not [a for e in page.iter() for a in e.attrib if a.lower().startswith("on")]


@FUZZ
@given(feed=FEED, options=OPTIONS, as_graph=st.booleans())
def test_claimreview_json_ld(feed, options, as_graph):
    reviews = [_microdata(r) if micro else r for r, micro in feed]
    data = {"@context": "https://schema.org", "@graph": reviews} if as_graph else reviews
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        _assert_outputs_inert(_import(path, options, len(reviews)))


@FUZZ
@given(reviews=st.lists(CLAIMREVIEW, min_size=1, max_size=5))
def test_claimreview_in_a_web_page(reviews):
    blocks = "".join(  # "</" written "<\/" (as JSON allows) so no string closes its block
        '<script type="application/ld+json">' + json.dumps(r).replace("</", "<\\/") + "</script>" for r in reviews
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(f"<html><head>{blocks}</head><body><p>Page.</p></body></html>", encoding="utf-8")
        _import(path, ImportOptions(), len(reviews))


@FUZZ
@given(rows=CSV_ROWS, options=OPTIONS)
def test_csv_feed(rows, options):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)  # a bare CR would end a row
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        _assert_outputs_inert(_import(path, options, len(rows)))


@FUZZ
@given(lines=st.lists(JSONL_LINE, min_size=1, max_size=8), options=OPTIONS)
def test_jsonl_feed(lines, options):
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_text(text, encoding="utf-8")
        _assert_outputs_inert(_import(path, options, len(lines)))


OPTION_VALUE = st.one_of(
    st.sampled_from(["", "0", "-1", "99999999999999999999", "1e300", "nan", "inf", "2024-13-45", "2024-01-31",
                     "not-a-date", "claim=", "=x", "claim=Aussage", "colour=red", "\x1b[2J", "[/x]", "auto", "csv"]),
    st.text(max_size=10),
)


@settings(derandomize=True, database=None, deadline=None, max_examples=40)
@given(value=OPTION_VALUE, option=st.sampled_from([
    ("import", "--list-sep"), ("import", "--map"), ("import", "--set"), ("import", "--chunk-size"),
    ("import", "--format"), ("list", "--offset"), ("list", "--limit"), ("list", "--verdict"),
    ("search", "--since"), ("search", "--limit"), ("search", "--lang"), ("stats", "--top"),
    ("export", "--format"), ("list", "--publisher"),
]))
def test_option_values_never_crash(value, option):
    command, flag = option
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "o.sqlite"
        feed = Path(tmp) / "f.csv"
        feed.write_text("claim,keywords\nA claim about the tides.,a|b\n", encoding="utf-8")
        with open_store(db) as store:
            import_sources(store, [str(feed)])
        args = {"import": ["import", str(feed), "--no-index"], "search": ["search", "tides"]}.get(command, [command])
        result = CliRunner().invoke(factchecks, [*args, flag, value, "--db", str(db)])
    assert result.exit_code in (0, 1, 2), (option, value, result.exit_code, result.output)
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert not CONTROL.search(result.output.replace("\n", "")), (option, value, result.output)


BROKEN_FILES = st.sampled_from([
    ("x.json", "{"), ("x.json", "[" * 50_000), ("x.json", json.dumps({"claims": "no"})), ("x.json", ""),
    ("x.html", "<p>No structured data.</p>"), ("x.csv", "no,such,column\n1,2,3\n"),
    ("x.json", '{"ratingValue": ' + "9" * 5000 + "}"), ("x.jsonl", "\n\n"),
])


@FUZZ
@given(files=st.lists(st.one_of(FEED, BROKEN_FILES), min_size=1, max_size=5))
def test_a_folder_goes_on_past_broken_files(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        records = broken = 0
        for n, item in enumerate(files):
            if isinstance(item, tuple):
                name, content = item
                (folder / f"{n}-{name}").write_text(content, encoding="utf-8")
                broken += 1
            else:
                (folder / f"{n}-feed.json").write_text(json.dumps([r for r, _ in item]), encoding="utf-8")
                records += len(item)
        with open_store(Path(tmp) / "f.sqlite") as store:
            try:
                summary = import_sources(store, [str(folder)])
            except ImportFormatError:  # a folder of one file is that file: its error
                assert len(files) == 1 and broken == 1
                return
            assert len(summary.failed) == broken
            assert summary.added + summary.updated + summary.unchanged + summary.skipped == records
            assert {run.status for run in store.imports()} <= {"done"}
