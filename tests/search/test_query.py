"""Tweet cleaning keeps the claim and the author, drops links and signatures."""

from claimscope.search.query import clean_query


def test_signature_link_and_hashtags():
    tweet = (
        "Starlink is active in #Ukraine now pic.twitter.com/abc123 https://t.co/xyz "
        "— Elon Musk (@elonmusk) February 26, 2022"
    )
    assert clean_query(tweet) == "Starlink is active in Ukraine now (Elon Musk)"


def test_camel_case_tags_and_doubled_quotes():
    assert clean_query('"He said ""no"" at the #MetGala2021"') == 'He said "no" at the Met Gala 2021'


def test_plain_text_is_unchanged():
    assert clean_query("  Images prove that the US is helping Daesh ") == "Images prove that the US is helping Daesh"
