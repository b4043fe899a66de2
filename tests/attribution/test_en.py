from tests.attribution.util import by_cue, run, speakers_of


def test_quote_split_and_pronoun():
    _, found = run(
        [
            '"We will not negotiate," the foreign minister said, "and we will bring them home."',
            "He added that talks had failed.",
        ],
        "en",
    )
    said = by_cue(found, "said")
    assert said["speaker"] == "the foreign minister" and said["direct"]
    assert "bring them home" in said["content"]
    assert by_cue(found, "added")["entity"] == said["entity"]


def test_according_to_nested_and_anonymous_officials():
    _, found = run(
        [
            "According to the Associated Press, the governor told reporters that the bridge would reopen.",
            "Officials said repairs had cost more than expected.",
        ],
        "en",
    )
    outer, inner = by_cue(found, "According to"), by_cue(found, "told")
    assert outer["speaker"] == "the Associated Press"
    assert (
        inner["speaker"] == "the governor"
        and inner["content"] == "the bridge would reopen"
    )
    assert found[inner["nested_in"]] == outer
    assert by_cue(found, "said")["anonymous"]


def test_numbered_sources_familiar_with_talks_are_anonymous():
    _, found = run(
        [
            "Two diplomats familiar with the talks said the deal was close.",
            "Local residents told broadcaster NTV that buildings swayed.",
        ],
        "en",
    )
    assert by_cue(found, "said")["anonymous"]
    told = by_cue(found, "told")
    assert told["speaker"] == "Local residents" and told["anonymous"]  # a sentence-initial capital names nobody


def test_double_apostrophe_quote_then_inverted_speaker():
    _, found = run(["''We are anxious,'' said another Twitter user, Jo Bayer."], "en")
    said = by_cue(found, "said")
    assert said["speaker"] == "another Twitter user, Jo Bayer"
    assert said["content"] == "We are anxious," and said["direct"]


def test_participle_citing_and_coordinated_verb_keep_the_subject():
    _, found = run(
        [
            "\u201cIt is a reflection of anger,\u201d McCain said, citing low growth.",
            "In an interview, Trump doubled down and said the judge was biased.",
        ],
        "en",
    )
    assert by_cue(found, "citing")["speaker"] == "McCain"
    assert by_cue(found, "said")["speaker"] == "McCain"
    second = [a for a in found if a["cue"] == "said"][1]
    assert second["speaker"] == "Trump"


def test_pledged_delegates_is_no_cue():
    _, found = run(["Clinton leads Sanders by 271 pledged delegates."], "en")
    assert not found


def test_possessive_names_the_speaker_of_a_noun_cue():
    _, found = run(
        ["Politifact checked Donald Trump’s claim that crime was rising."], "en"
    )
    claim = by_cue(found, "claim")
    assert claim["speaker"] == "Donald Trump’s" and claim["entity"] == "Donald Trump"
    assert claim["content"] == "crime was rising"


def test_adverb_before_a_participle_is_no_speaker():
    _, found = run(
        ["Obama’s aides were complimentary, perhaps recognizing that it worked."], "en"
    )
    assert by_cue(found, "recognizing")["speaker"] != "perhaps"


def test_dash_credit_after_a_quotation():
    _, found = run(
        [
            "\u201cWe are ashamed of this debate.\u201d \u2015 Sonya Herridge",
            "Republicans \u2014 Paul Ryan and others \u2014 disagreed.",
        ],
        "en",
    )
    assert [(a["cue"], a["speaker"]) for a in found] == [("\u2015", "Sonya Herridge")]
    assert found[0]["content"] == "We are ashamed of this debate." and found[0]["direct"]


def test_colon_at_sentence_end_takes_the_quotation_below():
    text = 'Trump answered at length.\n\nHe said:\n\n"We have a situation in our cities."'
    from claimscope.model import Article, Document
    from claimscope.stages.attribution import AttributionStage
    from claimscope.stages.segment import Segment

    doc = AttributionStage()(Segment()(Document(Article(text), language="en")))
    said = next(a for a in doc.attributions if text[a.cue_start : a.cue_end] == "said")
    assert text[said.content_start : said.content_end] == "We have a situation in our cities."


def test_long_inverted_speaker_after_a_quotation():
    _, found = run(
        [
            "“The county cannot pay for this on its own,” said the treasurer who drafted the budget last spring.",
            "“Our roads are crumbling,” said Dana Whitfield of the regional transport board.",
        ],
        "en",
    )
    assert by_cue(found, "said")["speaker"].startswith("the treasurer who drafted")
    second = [a for a in found if a["speaker"] and "Whitfield" in a["speaker"]]
    assert second and second[0]["content"] == "Our roads are crumbling,"


def test_participle_takes_the_subject_after_an_opening_adverbial():
    _, found = run(
        [
            "At a rally in Tulsa, Mayor Ellen Voss attacked the plan, calling it a giveaway to developers.",
            "The retired engineer wrote to the council, warning that the levee would fail.",
            "The senator answered the critics by citing new figures from the treasury.",
        ],
        "en",
    )
    assert by_cue(found, "calling")["speaker"] == "Mayor Ellen Voss"
    assert by_cue(found, "warning")["speaker"] == "The retired engineer"
    assert by_cue(found, "citing")["speaker"] == "The senator"


def test_quoted_nickname_before_the_verb_is_no_inversion():
    _, found = run(
        ["Tom Reyes, a blogger nicknamed “Redpen,” stated that the files were genuine."],
        "en",
    )
    stated = by_cue(found, "stated")
    assert stated["speaker"].startswith("Tom Reyes")
    assert stated["content"] == "the files were genuine"


def test_colon_labels_name_no_speaker():
    sentences = ["Update: The council approved the budget on Monday night.",
                 "Mayor Voss: “We kept our promise to the voters.”"]
    assert speakers_of(sentences, "en", ":") == ["Mayor Voss"]


def test_mixed_curly_and_straight_quotation_marks_pair():
    _, found = run(
        ["“Our roads are crumbling,\" the mayor said.", "\"We will rebuild them,” she added."],
        "en",
    )
    said, added = by_cue(found, "said"), by_cue(found, "added")
    assert said["direct"] and said["content"] == "Our roads are crumbling,"
    assert added["direct"] and added["speaker"] == "she"


def test_complementizer_after_a_clause_of_its_own_stays_in_the_content():
    _, found = run(["The mayor said she was pleased that the bridge reopened early."], "en")
    assert by_cue(found, "said")["content"] == "she was pleased that the bridge reopened early"


def test_noun_cue_needs_an_owner():
    sentences = ["Voters noticed his opposition to the tunnel project.",
                 "There was broad opposition to the tunnel project."]
    assert speakers_of(sentences, "en", "opposition to") == ["his"]


def test_opening_poll_phrase_runs_to_its_comma():
    _, found = run(
        ["In a Harbor Times poll released Monday, 48 percent of residents backed the levy."],
        "en",
    )
    poll = by_cue(found, "In")
    assert poll["speaker"] == "a Harbor Times poll released Monday"
    assert poll["content"].startswith("48 percent")


def test_reduced_passive_takes_its_agent():
    _, found = run(
        ["As reported by the Harbor Times, the levy raised twice the expected sum."],
        "en",
    )
    reported = by_cue(found, "reported")
    assert reported["speaker"] == "the Harbor Times"
    assert reported["content"].startswith("the levy raised")


def test_sentence_opening_inversion():
    _, found = run(
        ["The levy passed.", "Said Mayor Voss, “We kept our promise to the voters.”"],
        "en",
    )
    said = by_cue(found, "Said")
    assert said["speaker"] == "Mayor Voss" and said["direct"]


def test_reduced_passive_closing_the_sentence_reports_the_clause_before():
    _, found = run(["The pool will close in August, as reported by the county paper."], "en")
    paper = by_cue(found, "reported")
    assert (paper["speaker"], paper["content"]) == ("the county paper", "The pool will close in August")


def test_she_stands_for_a_person_not_the_body_that_spoke_since():
    _, found = run(["Rosa Vidal has run the harbour for ten years.", "The ministry says the pier is safe.",
                    "She disagrees, saying the cracks are growing."], "en")
    assert by_cue(found, "saying")["entity"] == "Rosa Vidal"


def test_a_cue_after_a_hypothetical_modal_reports_nothing():
    _, found = run(["That is exactly what a hired crowd would say."], "en")
    assert not found


def test_asking_someone_not_to_do_something_is_a_request():
    _, found = run(['"We were never told," a tenant said, asking us not to print her name.'], "en")
    assert [a["cue"] for a in found] == ["said"]


def test_fear_with_a_bare_object_is_a_stance_not_a_report():
    _, found = run(["Local bakers fear a flood of cheap imports."], "en")
    assert not found
    _, found = run(["Local bakers fear that cheap imports will flood the market."], "en")
    assert by_cue(found, "fear")["content"] == "cheap imports will flood the market"
