"""Every input format and JSON-LD shape reads into the same FactCheck fields."""

from __future__ import annotations

import json

import pytest

from claimscope.errors import ImportFormatError
from claimscope.factchecks.formats import Mapping, detect_format
from tests.factchecks.conftest import parse

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/moon-cheese",
    "claimReviewed": "The Moon is made of cheese.",
    "datePublished": "2021-04-01T09:30:00+02:00",
    "inLanguage": "en-GB",
    "author": {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example"},
    "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": "1", "bestRating": "5",
                     "worstRating": "1"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A. Blogger"},
        "datePublished": "2021-03-30",
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/1"}],
    },
    "image": {"@type": "ImageObject", "url": "https://checks.example/moon.jpg"},
}


def _one(text: str, name: str = "input.json", **kwargs):
    records, skipped = parse(text, name, **kwargs)
    assert len(records) == 1 and not skipped, (records, skipped)
    return records[0]


def test_single_claimreview_object_gives_every_field():
    record = _one(json.dumps(REVIEW))
    assert record.claim == "The Moon is made of cheese."
    assert (record.verdict, record.rating) == ("false", "False")
    assert (record.rating_value, record.rating_best, record.rating_worst) == (1.0, 5.0, 1.0)
    assert record.review_date == "2021-04-01" and record.claim_date == "2021-03-30"
    assert record.language == "en"
    assert (record.publisher, record.publisher_site) == ("Example Checks", "https://checks.example")
    assert record.claimant == "A. Blogger"
    assert record.appearances == ("https://social.example/post/1",)
    assert record.image_urls == ("https://checks.example/moon.jpg",)
    assert record.review_url == "https://checks.example/moon-cheese"
    assert json.loads(record.raw)["claimReviewed"] == record.claim
    assert record.id.startswith("fc-")


@pytest.mark.parametrize("shape", [
    lambda r: [r, {**r, "url": "https://checks.example/other"}],
    lambda r: {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, r, {**r, "url": "https://checks.example/other"}]},
    lambda r: {"@type": "NewsArticle", "mainEntity": {"review": [r, {**r, "url": "https://checks.example/other"}]}},
    lambda r: {"@type": "DataFeed", "dataFeedElement": [{"@type": "DataFeedItem", "item": [r]},
                                                       {"@type": "DataFeedItem", "item": [{**r, "url": "https://checks.example/other"}]}]},
])
def test_lists_graphs_nesting_and_datafeeds(shape):
    records, skipped = parse(json.dumps(shape(REVIEW)))
    assert [r.review_url for r in records] == ["https://checks.example/moon-cheese", "https://checks.example/other"]
    assert not skipped


def test_datafeed_format_flag_requires_a_feed():
    feed = {"@type": "DataFeed", "dataFeedElement": [{"item": [REVIEW]}]}
    assert len(parse(json.dumps(feed), fmt="datafeed")[0]) == 1
    with pytest.raises(ImportFormatError, match="dataFeedElement"):
        parse(json.dumps(REVIEW), fmt="datafeed")


@pytest.mark.parametrize("alternate", ["Faux", ["Faux"], {"@value": "Faux"}, [{"@value": "Faux", "@language": "fr"}]])
def test_alternate_name_as_string_list_or_value_object(alternate):
    review = {**REVIEW, "inLanguage": "fr", "reviewRating": {"@type": "Rating", "alternateName": alternate}}
    record = _one(json.dumps(review))
    assert (record.rating, record.verdict) == ("Faux", "false")


def test_type_as_url_and_list_and_rating_as_plain_text():
    review = {**REVIEW, "@type": ["http://schema.org/ClaimReview"], "reviewRating": "Misleading"}
    assert _one(json.dumps(review)).verdict == "misleading"


def test_microdata_properties_nesting():
    node = {
        "type": ["http://schema.org/ClaimReview"],
        "properties": {
            "claimReviewed": ["Eating carrots gives night vision."],
            "url": ["https://checks.example/carrots"],
            "author": [{"type": ["http://schema.org/Organization"], "properties": {"name": ["Example Checks"]}}],
            "reviewRating": [{"type": ["http://schema.org/Rating"], "properties": {"alternateName": ["Mostly False"]}}],
            "itemReviewed": [{"type": ["http://schema.org/Claim"], "properties": {"author": [
                {"type": ["http://schema.org/Person"], "properties": {"name": ["A. Pilot"]}}]}}],
        },
    }
    record = _one(json.dumps({"microdata": [node]}))
    assert (record.claim, record.verdict, record.publisher, record.claimant) == (
        "Eating carrots gives night vision.", "mostly_false", "Example Checks", "A. Pilot")


def test_numeric_rating_only():
    review = {**REVIEW, "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1}}
    record = _one(json.dumps(review))
    assert (record.rating, record.verdict) == (None, "mostly_true")


def test_html_page_with_json_ld_and_one_broken_block():
    page = f"""<!doctype html><html><head><title>x</title>
    <script type="application/ld+json">{{"@type": "Organization", "name": broken</script>
    <script type="application/ld+json">{json.dumps(REVIEW)}</script>
    <script type="APPLICATION/LD+JSON"><!-- {json.dumps({**REVIEW, "url": "https://checks.example/2"})} --></script>
    </head><body><p>text</p></body></html>"""
    records, skipped = parse(page, "page.html")
    assert [r.review_url for r in records] == ["https://checks.example/moon-cheese", "https://checks.example/2"]
    assert skipped == ["bad_json_ld"]


def test_google_fact_check_tools_response():
    response = {"claims": [{
        "text": "Drinking bleach cures the flu.", "claimant": "A forum post", "claimDate": "2020-03-01T00:00:00Z",
        "claimReview": [
            {"publisher": {"name": "Example Checks", "site": "checks.example"}, "url": "https://checks.example/b",
             "title": "No, bleach does not cure flu", "reviewDate": "2020-03-02T00:00:00Z",
             "textualRating": "False", "languageCode": "en"},
            {"publisher": {"name": "Vérif", "site": "verif.example"}, "url": "https://verif.example/b",
             "textualRating": "Faux", "languageCode": "fr"},
        ]}], "nextPageToken": "abc"}
    records, skipped = parse(json.dumps(response), "api.json")
    assert detect_format("api.json", json.dumps(response)) == "claimreview"
    assert [(r.publisher, r.verdict, r.language) for r in records] == [
        ("Example Checks", "false", "en"), ("Vérif", "false", "fr")]
    assert records[0].claimant == "A forum post" and records[0].claim_date == "2020-03-01"
    assert records[0].title == "No, bleach does not cure flu"
    assert len(parse(json.dumps(response), fmt="google-api")[0]) == 2


def test_csv_with_default_columns_and_list_cells():
    text = ("claim,rating,url,publisher,date,language,appearances,keywords\n"
            "Bananas are radioactive.,Mostly True,https://checks.example/banana,Example Checks,2019-05-05,en,"
            "https://a.example/1|https://a.example/2,food|physics\n")
    record = _one(text, "feed.csv")
    assert (record.claim, record.verdict, record.review_date) == ("Bananas are radioactive.", "mostly_true", "2019-05-05")
    assert record.appearances == ("https://a.example/1", "https://a.example/2")
    assert record.keywords == ("food", "physics")


def test_csv_with_explicit_mapping_constants_and_semicolons():
    text = "Behauptung;Bewertung;Link\nDer Mond ist aus Käse.;Falsch;https://checks.example/k\n"
    mapping = Mapping({"claim": "Behauptung", "rating": "Bewertung", "review_url": "Link"},
                      {"publisher": "Beispiel", "language": "de"})
    record = _one(text, "feed.csv", mapping=mapping)
    assert (record.claim, record.verdict, record.publisher, record.language) == (
        "Der Mond ist aus Käse.", "false", "Beispiel", "de")


def test_csv_quoted_cells_may_span_lines():
    text = 'claim,rating\r\n"A claim\nover two lines, with a comma.",False\r\nSecond claim.,True\r\n'
    records, skipped = parse(text, "feed.csv")
    assert [r.claim for r in records] == ["A claim\nover two lines, with a comma.", "Second claim."]
    assert not skipped


def test_csv_without_a_claim_column_is_refused():
    with pytest.raises(ImportFormatError, match="--map claim=COLUMN"):
        parse("a,b\n1,2\n", "feed.csv")


def test_jsonl_with_vclaim_style_keys_and_claimreview_lines():
    lines = [
        {"vclaim_id": "vclaim-x-1", "vclaim": "A cat was elected mayor.", "title": "Cat Mayor?",
         "subtitle": "A small town story.", "date": "26 May 2015", "author": "R. Writer"},
        REVIEW,
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n"
    records, skipped = parse(text, "claims.jsonl", mapping=Mapping(constants={"publisher": "Example"}))
    first = records[0]
    assert (first.claim, first.title, first.summary, first.review_date, first.review_author, first.source_ref) == (
        "A cat was elected mayor.", "Cat Mayor?", "A small town story.", "2015-05-26", "R. Writer", "vclaim-x-1")
    assert (first.verdict, first.publisher) == ("unrated", "Example")
    assert records[1].verdict == "false"


def test_euvsdisinfo_csv_is_detected_and_mapped():
    text = ("date,id,title,countries,keywords,languages,outlets\n"
            "2017-11-14,https://euvsdisinfo.example/report/x/,Pictures prove a made-up thing,"
            "Russia+US,Daesh+Syrian War,French+Russian,Outlet One+Outlet Two\n")
    assert detect_format("cases.csv", text) == "euvsdisinfo"
    record = _one(text, "cases.csv")
    assert (record.claim, record.verdict, record.rating, record.publisher) == (
        "Pictures prove a made-up thing", "disinformation", "Disinformation", "EUvsDisinfo")
    assert record.review_url == "https://euvsdisinfo.example/report/x/"
    assert (record.countries, record.keywords, record.languages, record.outlets) == (
        ("Russia", "US"), ("Daesh", "Syrian War"), ("French", "Russian"), ("Outlet One", "Outlet Two"))
    assert record.title is None and record.source_ref is None


@pytest.mark.parametrize("name,text,fmt", [
    ("x.html", "<html></html>", "html"), ("x", "<!doctype html><p>", "html"), ("x.jsonl", "{}\n", "jsonl"),
    ("x", '{"a": 1}\n{"b": 2}\n', "jsonl"), ("x", '[{"a": 1}]', "claimreview"), ("x.json", "{}", "claimreview"),
    ("x", "claim,rating\na,b\n", "csv"),
])
def test_detect_format(name, text, fmt):
    assert detect_format(name, text) == fmt


def test_undetectable_format_says_what_to_do():
    with pytest.raises(ImportFormatError, match="--format"):
        detect_format("notes.txt", "just some words")


def test_json_ld_graph_references_by_id_are_resolved():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "https://checks.example/#org", "name": "Example Checks",
         "url": "https://checks.example", "logo": {"@id": "https://checks.example/#logo"},
         "subOrganization": {"@id": "https://checks.example/#org"}},  # a cycle
        {"@type": "WebPage", "@id": "https://checks.example/p", "mainEntity": {"@id": "https://checks.example/#cr"}},
        {"@type": "ClaimReview", "@id": "https://checks.example/#cr", "url": "https://checks.example/p",
         "claimReviewed": "Tap water is dyed blue.", "author": {"@id": "https://checks.example/#org"},
         "itemReviewed": {"@id": "https://checks.example/#claim"},
         "reviewRating": {"@type": "Rating", "alternateName": "False"}},
        {"@type": "Claim", "@id": "https://checks.example/#claim", "author": {"@type": "Person", "name": "A. User"}},
    ]}
    record = _one(json.dumps(graph))
    assert (record.publisher, record.publisher_site, record.claimant) == (
        "Example Checks", "https://checks.example", "A. User")
