"""Fact links between sources: the same quantity, date or weekday however the sentence is worded."""

from __future__ import annotations

from rule_helpers import run

from auditor.align.facts import link_facts
from auditor.align.match import align
from auditor.align.published import publication_date
from auditor.config import Config
from auditor.engine import audit
from auditor.knowledge.titles import load_titles
from auditor.mentions.extract import extract_mentions
from auditor.model import FactLink
from auditor.read.decode import document_from_text

A = (
    "The storm reached the coast late on Sunday. Rescue teams worked through the night. "
    "Officials said the storm destroyed 40 houses in the fishing port of Kelby."
)
B = (
    "Dozens of families lost their homes. In the fishing port of Kelby, the storm destroyed "
    "45 houses, the mayor told reporters. The storm reached the coast on Monday."
)


def links(*texts: str) -> list[FactLink]:
    """Return the fact links between texts (documents a, b, ...)."""
    docs = [document_from_text(t, chr(ord("a") + i)) for i, t in enumerate(texts)]
    mentions = {d.id: extract_mentions(d) for d in docs}
    alignments = align(docs[0], docs[1]).alignments
    return list(link_facts(docs, mentions, alignments, load_titles()))


def test_same_quantity_and_happening_link_across_different_wording() -> None:
    found = {(k.kind, k.a.text, k.b.text) for k in links(A, B)}
    assert ("number", "40", "45") in found
    assert ("weekday", "Sunday", "Monday") in found


def test_two_sources_offer_each_others_value_to_check_a_version_the_reference() -> None:
    found = {(f.rule, f.doc, f.evidence, f.suggestion, f.safe) for f in run((A, B), "F10")}
    # two independent sources: each is offered the other's value, never as a safe fix
    assert ("F101", "b", "45", "40", False) in found
    assert ("F101", "a", "40", "45", False) in found
    assert ("F102", "b", "Monday", "Sunday", False) in found
    (f,) = [f for f in run((A, B), "F101") if f.doc == "b"]
    assert f.message == (
        "'45' here, but the other source (ex0.txt) says '40' for the same quantity; nothing "
        "here says which source is right: check both before changing either."
    )
    docs = [document_from_text(t, d) for t, d in ((A, "a"), (B, "b"))]
    report = audit(docs, Config(select=("F10",), relation="versions"))
    found = {(f.rule, f.doc, f.evidence, f.suggestion) for f in report.findings}
    assert ("F101", "b", "45", "40") in found
    assert ("F102", "b", "Monday", "Sunday") in found
    assert ("F101", "a", "40", None) in found  # the reference is never changed to its version
    assert all("check both" not in f.message for f in report.findings)


def test_different_quantities_never_link() -> None:
    a = "Smith scored 23 points as the Hawks won 98-90 in Denver on Friday night."
    b = "Jones scored five points during a 15-2 run as the Hawks won in Denver at 9:30 p.m."
    assert [k for k in links(a, b) if k.kind == "number"] == []
    assert run((a, b), "F101") == []


def test_a_count_is_not_a_time_or_an_age() -> None:
    a = "Police said the gunman, 61, fired 12 shots at the office party in Vancouver."
    b = "Police said the gunman, 64, fired at 12 o'clock at the office party in Vancouver."
    assert run((a, b), "F101") == []


def test_the_date_at_the_top_is_the_publication_date() -> None:
    a = "Sunday, July 21, 2013\n\nThe storm reached the coast of Kelby on Saturday night."
    b = "Monday, July 22, 2013\n\nThe storm reached the coast of Kelby on Saturday night."
    assert run((a, b), "F102") == []
    doc = document_from_text(a)
    assert str(publication_date(doc, extract_mentions(doc))) == "2013-07-21"


def test_stamps_and_datelines_are_publication_dates_not_events() -> None:
    a = "Storm hits Kelby posted at 10:04 am on July 21, 2013\n\nThe storm reached Kelby."
    b = "KELBY, July 22, 2013 (Wire) - The storm reached Kelby on Saturday night."
    assert run((a, b), "F102") == []
    doc = document_from_text(b)
    assert str(publication_date(doc, extract_mentions(doc))) == "2013-07-22"


def test_a_date_in_a_sentence_at_the_top_is_an_event() -> None:
    a = "The storm reached Kelby in March, officials said.\n\nIt was the worst in years."
    b = "In April, the storm reached Kelby, officials said.\n\nIt was the worst in years."
    assert [(f.doc, f.evidence) for f in run((a, b), "F102")] == [("a", "March"), ("b", "April")]


def test_the_odd_one_out_among_three_sources() -> None:
    c = (
        "Kelby's harbour front was hit hardest. Late on Sunday the storm reached the coast, and "
        "by morning officials counted 40 destroyed houses in the fishing port."
    )
    found = [f for f in run((A, B, c), "F102") if f.doc == "b"]
    assert len(found) == 1
    assert "2 of 2 other independent sources" in found[0].message
    assert found[0].suggestion == "Sunday"
    # a light edit of A is a version of A's text, not a third source
    edit = A.replace("late on Sunday", "on Sunday evening")
    (f,) = [f for f in run((A, B, edit), "F102") if f.doc == "b"]
    assert "the other source (ex0.txt) says 'Sunday'" in f.message


def test_an_age_links_with_the_age_next_to_the_same_words() -> None:
    a = "A 61-year-old man was charged with murder after the shooting at the Vancouver party."
    b = "Police say a 64-year-old man was charged with murder after the Vancouver shooting."
    found = {(f.rule, f.evidence, f.suggestion) for f in run((a, b), "F101") if f.doc == "b"}
    assert found == {("F101", "64-year", "61-year")}
    d = "Police say 64 people were charged with murder after the Vancouver shooting."
    assert run((a, d), "F101") == []


def test_an_age_after_a_name_belongs_to_that_name() -> None:
    a = "Helen Sharkey, 31, and Gene Foster, 44, pleaded guilty on Tuesday to securities fraud."
    b = "Former executives Helen Sharkey, 41, and Gene Foster, 44, pleaded guilty to fraud."
    assert {f.evidence for f in run((a, b), "F101") if f.doc == "b"} == {"41"}
    c = "The victims, 61-year-old Kathryn Gomes and 48-year-old Robin Mendes, were found."
    d = "The bodies of Katherine Gomes, 61, and Robyn Mendes, 48, were found on Tuesday."
    assert run((c, d), "F101") == []  # each age linked to its own name, and they agree
    e = "In Washington, 45 people marched on Tuesday."
    f = "In Washington, 40 people marched on Tuesday."
    assert {x.evidence for x in run((e, f), "F101") if x.doc == "b"} == {"40 people"}


def test_aligned_sentences_link_their_one_number_whatever_noun_it_counts() -> None:
    a = (
        "President Bush signed a waiver exempting 22 nations from these sanctions because they "
        "had signed but not yet ratified the immunity agreement."
    )
    b = (
        "President Bush signed a waiver exempting 32 countries because they had signed but not "
        "yet ratified immunity agreements."
    )
    assert {(f.doc, f.evidence) for f in run((a, b), "F101")} == {("a", "22"), ("b", "32")}


def test_one_changed_number_in_a_list_of_aligned_sentences_links() -> None:
    a = "Pricing is $29 for Messaging, $89 for Collaboration and $35 for Learning per user."
    b = "Messaging is $39, Collaboration is $89, and Learning is $35 per user."
    assert {f.evidence for f in run((a, b), "F101") if f.doc == "b"} == {"$39"}
    c = "Messaging is $39, Collaboration is $99, and Learning is $35 per user."
    assert run((a, c), "F101") == []  # two changed: another price list, not one fact changed
    d = "He trains for three hours a day to heal faster, and has lost 17 kilograms since May."
    e = "He trains for three hours a day to heal faster and has lost 27 kilos since May."
    assert {f.evidence for f in run((d, e), "F101") if f.doc == "b"} == {"27"}  # one noun
    g = "He trains for three hours a day to heal faster, and has lost 17 games since May."
    assert run((g, e), "F101") == []  # games are not kilos


def test_years_counted_are_not_a_year_alone() -> None:
    a = "Hiller was suspended from her job at the Kraft plant, where she had worked for 15 years."
    b = "She opened fire in the Kraft plant in Philadelphia, where she had worked for 18 years."
    assert {(f.evidence, f.suggestion) for f in run((a, b), "F101") if f.doc == "b"} == {
        ("18 years", "15 years")  # two sources: the other's value, to check
    }


def test_sentences_saying_the_same_thing_link_their_counts_whatever_the_place() -> None:
    a = (
        "A fire-bomb attack on a bank in Greece killed at least three people as police fought "
        "pitched battles with striking protesters furious at spending cuts."
    )
    b = (
        "A fire-bomb attack on a bank in Athens left at least four people dead as police "
        "fought pitched battles with striking protesters furious at spending cuts."
    )
    assert {(f.evidence, f.suggestion) for f in run((a, b), "F101") if f.doc == "b"} == {
        ("four people", "three people")
    }


def test_the_aligned_sentence_outweighs_a_weekday_elsewhere() -> None:
    a = (
        "Mob boss Vincent Gigante, who avoided jail for decades by wandering the streets in a "
        "bathrobe and feigning mental illness, died Monday in prison. The Gigante family "
        "buried the mob boss on Tuesday in the Bronx."
    )
    b = (
        "Vincent Gigante, the mob boss who avoided jail for decades by wandering the streets "
        "in a bathrobe, feigning mental illness, died Tuesday in prison, officials said."
    )
    found = {(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"}
    assert found == {("Tuesday", "Monday")}  # two sources: the other's value, to check


def test_a_weekday_before_the_speech_verb_dates_the_happening() -> None:
    a = "The 4.2-magnitude quake was recorded at 9:27 a.m. Sunday, according to the USGS."
    b = "The 4.2-magnitude quake near Cobb was recorded at 9:27 a.m. Monday, the USGS said."
    assert [(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"] == [
        ("Monday", "Sunday")
    ]


def test_a_weekday_is_compared_with_the_other_sources_date() -> None:
    a = "The quake struck the island of Qeshm on March 10, 2013, injuring five people."
    b = "The quake struck the island of Qeshm on Monday, injuring five people."
    assert [(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"] == [
        ("Monday", "Sunday")
    ]
    assert run((a, b.replace("Monday", "Sunday")), "F102") == []


def test_a_date_without_its_year_takes_it_from_the_dateline() -> None:
    a = " date 2013-03-12\n\nThe quake struck the island of Qeshm on March 10, injuring five."
    b = "The quake struck the island of Qeshm on Monday, injuring five people."
    assert [(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"] == [
        ("Monday", "Sunday")
    ]
    undated = a.split("\n\n", 1)[1]
    assert run((undated, b), "F102") == []


def test_a_count_the_text_restates_with_the_other_sources_value_is_an_error_with_a_fix() -> None:
    a = "A 61-year-old man was charged with murder after the shooting at the Vancouver party."
    b = (
        "64-year-old Vancouver man charged with murder after office party shooting\n\n"
        "A 61-year-old Vancouver man was charged with murder on Saturday, police said."
    )
    (f,) = [f for f in run((a, b), "F101") if f.doc == "b"]
    assert (f.evidence, f.suggestion, f.severity) == ("64-year", "61-year", "error")
    assert "as this text does elsewhere" in f.message
    # several numbers of one list differing are another scope, not the same count restated
    c = "The navy seized 14 rifles, 31 magazines and 923 rounds from the boat, officers said."
    d = (
        "The navy seized six rifles, 12 magazines and 300 rounds from the boat.\n\n"
        "In five operations it has seized 14 rifles, 31 magazines and 923 rounds, officers said."
    )
    found = [f for f in run((c, d), "F101") if f.doc == "b"]
    assert {(f.evidence, f.suggestion) for f in found} == {
        ("six", "14"),
        ("12", "31"),
        ("300", "923"),
    }
    assert all("check both" in f.message and not f.safe for f in found)  # not restated: unsettled


def test_a_month_alone_after_a_dating_word_is_compared() -> None:
    a = "Sir Jeremy Greenstock is scheduled to lead a Security Council mission in mid-May."
    b = "Sir Jeremy Greenstock is due to lead a week-long Security Council mission in mid-June."
    assert {f.doc for f in run((a, b), "F102")} == {"a", "b"}


def number_links(a: str, b: str) -> set[tuple[str, str]]:
    """Return the (a, b) texts of the number links between two texts."""
    return {(k.a.text, k.b.text) for k in links(a, b) if k.kind == "number"}


def test_what_a_number_counts_after_its_noun_links_differently_worded_sentences() -> None:
    a = (
        "Protesters hurled stones at police in Kelby on Monday. Riots over harsh new taxes left "
        "three bank workers dead and engulfed the streets of Kelby, as angry protesters tried "
        "to storm parliament."
    )
    b = (
        "The prime minister denounced what he called the murder of four bank workers killed "
        "when their building was torched during protests in Kelby against harsh new taxes."
    )
    assert ("three", "four") in number_links(a, b)
    assert any(f.evidence == "four" for f in run((a, b), "F101"))


def test_a_thing_given_several_values_in_one_text_is_several_things() -> None:
    a = "Apple in Cupertino showed the 11-inch model and the 13-inch model of its new laptop."
    b = "Apple in Cupertino showed its new laptop, with the 15-inch model arriving in June."
    assert number_links(a, b) == set()


def test_a_distance_links_by_the_place_it_is_measured_from() -> None:
    a = "The quake in Kelby struck 14 miles north-northeast of Healdsburg at a depth of 1 mile."
    b = "The Kelby quake struck 17 miles northeast of Healdsburg, with a depth of 2 miles."
    assert ("14 miles", "17 miles") in number_links(a, b)
    c = "The Kelby quake struck 13 miles east of Cloverdale and two miles east of Cobb."
    d = "The Kelby quake struck three miles east of Geyserville and 4 miles west of Cobb."
    assert ("13 miles", "three miles") not in number_links(c, d)


def test_the_ends_of_a_range_are_not_one_value() -> None:
    a = "Hewlett-Packard will pay $24 to $26 per share for the Kelby software maker."
    b = "The $25-per-share price that Hewlett-Packard pays for the Kelby software maker is high."
    assert run((a, b), "F101") == []


def test_a_verb_in_another_tense_governs_the_same_count() -> None:
    a = "A gunman shot four people at an accounting firm in Kelby on Monday morning."
    b = "Police in Kelby arrested a man suspected of shooting three people at an accounting firm."
    assert ("four people", "three people") in number_links(a, b)


def test_a_subject_named_in_the_other_sentence_is_no_other_subject() -> None:
    a = "The Hawks of Kelby offered free-agent first baseman Mark Teixeira an eight-year contract."
    b = "The Hawks have made a nine-year contract offer to Mark Teixeira, the Kelby Times said."
    assert ("eight-year", "nine-year") in number_links(a, b)
    c = "Smith signed a four-year contract with the Kelby Hawks on Friday, the team said."
    d = "On Friday the Kelby Hawks announced that Jones signed a five-year contract."
    assert ("four-year", "five-year") not in number_links(c, d)


def test_a_count_after_the_name_of_what_it_measures_links_to_one_before_it() -> None:
    a = "The only new hardware at the Kelby show was an upgrade for the 17-inch MacBook Pro."
    b = "For me the new MacBook Pro 15-inch is the most exciting thing shown at the Kelby show."
    assert ("17", "15") in number_links(a, b)


def test_a_count_worded_alike_is_not_explained_away_by_an_agreeing_value_elsewhere() -> None:
    a = "Police in Kelby said the deaths of two women found in a home on Tuesday were homicides."
    b = (
        "A Kelby man accused of murdering three women will be arraigned on Wednesday. Police "
        "found the bodies of two women in an apartment."
    )
    found = {(f.doc, f.evidence, f.suggestion) for f in run((a, b), "F101")}
    assert ("b", "three", "two") in found


def fixes_in_b(a: str, b: str) -> set[tuple[str, str | None]]:
    """Return the dates and weekdays F102 flags in b, with their suggestions."""
    return {(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"}


def test_two_happenings_of_one_story_never_link_however_many_names_they_share() -> None:
    a = (
        "A jury convicted polygamist sect leader Warren Jeffs of child sexual assault Thursday "
        "in a case stemming from two young followers."
    )
    b = (
        "Polygamist sect leader Warren Jeffs was sentenced to life in a Texas prison on "
        "Tuesday following his conviction on child sexual assault charges."
    )
    assert run((a, b), "F102") == []
    upheld = (
        "A Norwalk Superior Court judge on Thursday upheld a jury's recommendation that "
        "convicted cop killer Jose Luis Orozco die for his crimes."
    )
    ordered = (
        "A Norwalk jury on Tuesday ordered execution for a gang member convicted of murdering "
        "a Los Angeles County deputy."
    )
    assert run((upheld, ordered), "F102") == []  # "Norwalk" next to both: still two happenings
    c = b.replace("Tuesday", "Monday").replace("Polygamist", "Defiant polygamist")
    assert fixes_in_b(b, c) == {("Monday", "Tuesday")}


def test_one_verb_and_its_participants_date_one_happening_however_worded() -> None:
    a = (
        "Police have no suspects yet. A bomb exploded at an Oregon bank in Woodburn late Friday "
        "killing a police officer and a bomb technician."
    )
    b = (
        "A bomb exploded Saturday at a West Coast Bank branch in Woodburn, killing a Woodburn "
        "police officer and critically injuring the chief. The FBI offered a reward."
    )
    assert fixes_in_b(a, b) == {("Saturday", "Friday")}


def test_distances_from_two_places_are_two_quantities() -> None:
    a = (
        "A magnitude 4.6 earthquake shook Lake County on Thursday. The quake was centered "
        "seventy-five miles north of San Francisco, the survey said."
    )
    b = (
        "The earthquake struck Lake County early Thursday. The survey reported that the quake "
        "was centered about 3 miles southwest of Cobb."
    )
    assert run((a, b), "F101") == []
    # from one place, two distances disagree
    c = b.replace("3 miles southwest of Cobb", "3 miles north of San Francisco")
    assert {f.evidence for f in run((a, c), "F101")} == {"seventy-five miles", "3 miles"}


def test_one_verb_whose_doer_undergoes_the_other_dates_two_happenings() -> None:
    a = (
        "A gunman shot a store clerk on Thursday in Denver, police said. The clerk, 54, had "
        "worked at the store for ten years."
    )
    b = (
        "Police shot the gunman on Friday in Denver after a chase; he had killed a store clerk. "
        "The suspect was taken to hospital."
    )
    # the two lead sentences align as one, yet the gunman shoots in one and is shot in the other
    assert fixes_in_b(a, b) == set()
    # the same doer, or the same undergoer told in the passive, is one shooting
    same_doer = b.replace("Police shot the gunman on Friday", "A gunman shot a clerk on Friday")
    assert fixes_in_b(a, same_doer) == {("Friday", "Thursday")}
    passive = b.replace("Police shot the gunman on Friday", "A clerk was shot by a gunman Friday")
    assert fixes_in_b(a, passive) == {("Friday", "Thursday")}


def test_a_weekday_after_said_and_its_place_dates_the_saying() -> None:
    a = "Two sect leaders have been arrested, British Columbia's attorney general said Wednesday."
    b = (
        "Blackmore and Oler were arrested by police on Tuesday, Attorney General Wally Oppal "
        "said at a news conference Thursday."
    )
    assert fixes_in_b(a, b) == {("Thursday", "Wednesday")}


def test_a_weekday_links_with_the_one_of_two_in_a_sentence_that_dates_its_happening() -> None:
    a = (
        "An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran's "
        "southern coast on Sunday, followed by several aftershocks on Monday."
    )
    b = (
        "An earthquake of magnitude 5.6 shook the island of Qeshm and caused damage to "
        "buildings in villages on Monday, ISNA news agency reported."
    )
    assert fixes_in_b(a, b) == {("Monday", "Sunday")}
    assert fixes_in_b(a, b.replace("Monday", "Sunday")) == set()


def test_a_time_of_day_next_to_two_weekdays_does_not_make_them_one_happening() -> None:
    a = (
        "Police found the body of a 28-year-old woman in a New Bedford apartment. She had last "
        "been seen Saturday morning, prosecutors said."
    )
    b = (
        "Gomes faces arraignment in New Bedford District Court on Wednesday morning on two "
        "murder charges. He is held without bail in the New Bedford jail."
    )
    assert run((a, b), "F102") == []


def test_a_date_opening_the_sentence_before_said_is_compared_as_before() -> None:
    a = 'On April 11, Mayor Bart Peterson said it was "inconceivable" that the base would reopen.'
    b = "On April 21, Mayor Bart Peterson conceded that the fate of the base was sealed."
    assert fixes_in_b(a, b) == {("April 21", "April 11")}


def test_a_possessive_weekday_links_with_the_happening_its_sentence_tells() -> None:
    a = (
        "A fired accountant shot and killed a receptionist and wounded two managers Monday at "
        "the Troy office building, police said."
    )
    b = (
        "When Tuesday's violence at the Troy office building had concluded, the receptionist "
        "was shot dead and two managers were wounded."
    )
    assert fixes_in_b(a, b) == {("Tuesday", "Monday")}
    assert fixes_in_b(a, b.replace("Tuesday", "Monday")) == set()


def test_the_one_changed_number_of_sentences_saying_the_same_thing_links_whatever_its_form() -> (
    None
):
    a = "Kelby Air Flight 412 landed in Oslo at 6:15 a.m. with 90 passengers after a 3-1 vote."
    pairs = {
        "Kelby Air Flight 421 landed in Oslo at 6:15 a.m. with 90 passengers after a 3-1 vote.": (
            "421",
            "412",
        ),
        "Kelby Air Flight 412 landed in Oslo at 7:15 a.m. with 90 passengers after a 3-1 vote.": (
            "7",
            "6",
        ),
        "Kelby Air Flight 412 landed in Oslo at 6:15 a.m. with 90 passengers after a 4-1 vote.": (
            "4",
            "3",
        ),
    }
    for b, fix in pairs.items():
        assert {(f.evidence, f.suggestion) for f in run((a, b), "F101") if f.doc == "b"} == {fix}
    c = "The regulator said the firm restated its results for 2001, 2002 and 2003 in March."
    d = "In March, the firm restated its 2001, 2002 and 2008 results, the regulator said."
    assert {(f.evidence, f.suggestion) for f in run((c, d), "F102") if f.doc == "b"} == {
        ("2008", "2003")
    }


def test_a_number_left_over_stands_by_its_own_words_and_form() -> None:
    a = "Of the 23 sailors detained, 12 are Greek and 11 are Turkish, the coast guard said."
    b = "The coast guard boarded two of the patrol boats and held 12 Greek and 11 Turkish men."
    assert run((a, b), "F101") == []  # sailors are not boats
    c = "The ferry left Kelby at 9 a.m. with 40 cars and 120 passengers on board, police said."
    d = "Police said the ferry left Kelby with 8 cars and 120 passengers on board at 9 a.m."
    assert {f.evidence for f in run((c, d), "F101") if f.doc == "b"} == {"8"}
    e = "The ferry left Kelby at 9 a.m. and docked at 11 a.m. in Oslo, police said."
    h = "Police said the ferry left Kelby at 8 a.m. and docked at 10 a.m. in Oslo."
    assert run((e, h), "F101") == []  # two changed: another scope
    f = "The ferry left Kelby at 10 a.m. with 40 cars and 120 passengers on board, police said."
    g = "Police said the ferry left Kelby with 120 passengers and 11 trucks on board."
    assert run((f, g), "F101") == []  # a time of day is not a count


def test_a_day_no_month_has_is_compared_with_the_other_sources_day() -> None:
    a = "The judge refused to postpone the trial date of Sept. 29, the lawyers said."
    b = "The lawyers said the judge refused to postpone the Sept. 39 trial date."
    assert {(f.evidence, f.suggestion) for f in run((a, b), "F102") if f.doc == "b"} == {
        ("Sept. 39", "Sept. 29")
    }


def test_one_noun_of_a_happening_links_its_dates_in_sentences_sharing_little_else() -> None:
    a = "An earthquake shook a thinly populated valley in Oregon on Sunday, toppling chimneys."
    b = (
        "Power came back to the farms after a blackout caused by the quake, which struck on "
        "Monday with a force of 5.1."
    )
    assert fixes_in_b(a, b) == {("Monday", "Sunday")}
    assert fixes_in_b(a, b.replace("Monday", "Sunday")) == set()
    recorded = "The 5.1 tremor was recorded at about 6:10 a.m. Monday by seismologists."
    assert fixes_in_b(a, recorded) == {("Monday", "Sunday")}
    began = "The shallow quake began in the early hours of Monday, waking the valley."
    assert fixes_in_b(a, began) == {("Monday", "Sunday")}
    handed = "Volunteers handed out blankets in the valley on Monday after the quake."
    assert fixes_in_b(a, handed) == set()


def test_shootings_named_by_a_noun_link_with_a_list_of_predicates_that_tell_them() -> None:
    a = (
        "A fired clerk returned Thursday evening, gunned down two co-workers and left a guard "
        "wounded with shots to the arm."
    )
    b = "The shootings happened shortly after 9 p.m. Friday."
    assert fixes_in_b(a, b) == {("Friday", "Thursday")}
    assert fixes_in_b(a, b.replace("Friday", "Thursday")) == set()
    assert fixes_in_b(a, b.replace("shootings", "robbery")) == set()  # another happening
    assert fixes_in_b(a, "The clerk was fired on Friday, a manager said.") == set()


def test_a_death_dates_the_happening_it_was_part_of() -> None:
    a = (
        "Riots over new taxes left two guards dead and engulfed the streets of Kelby on Monday, "
        "as angry dockers tried to storm the town hall."
    )
    b = (
        "Two people died when a Kelby customs office went up in flames Tuesday as thousands of "
        "dockers marched against the new taxes."
    )
    assert fixes_in_b(a, b) == {("Tuesday", "Monday")}
    assert fixes_in_b(a, b.replace("Tuesday", "Monday")) == set()


def test_a_choice_named_or_announced_is_one_happening() -> None:
    a = (
        "The gala is a tough job for any host. On Friday, the board behind the Kelby Film "
        "Awards named the singer Ana Ruiz as the host of the gala."
    )
    b = (
        "She sings and acts on stage. Ana Ruiz was announced Saturday as the host of the Kelby "
        "Film Awards, a marked change from comedians."
    )
    assert fixes_in_b(a, b) == {("Saturday", "Friday")}
    assert fixes_in_b(a, b.replace("Saturday", "Friday")) == set()


def test_the_other_sources_weekday_is_the_fix_however_many_ways_it_gives_it() -> None:
    a = "The shallow quake began before dawn on Thursday, March 14, 2013, near Kelby."
    b = "Kelby was shaken awake early Friday by a shallow quake that startled residents."
    assert fixes_in_b(a, b) == {("Friday", "Thursday")}


def test_ages_of_two_sentences_aligned_with_one_are_compared_together() -> None:
    a = (
        "Police in Kelby said on Sunday that a 23-year-old man has been charged with the "
        "murders of his mother and sister. John Carver is due in court over the murders of "
        "Alice Carver, 58, and Kate Carver, 20."
    )
    b = (
        "Police in Kelby said on Sunday that 26-year-old John Carver has been charged with the "
        "murder of his 58-year-old mother, Alice Carver, and his sister, Kate Carver, 20."
    )
    found = {(f.evidence, f.suggestion) for f in run((a, b), "F101") if f.doc == "b"}
    assert found == {("26-year", "23-year")}
    assert run((a, b.replace("26-year", "23-year")), "F101") == []


def test_two_people_of_one_family_are_not_one_age() -> None:
    a = "Alice Carver, 58, was found dead at her Kelby home; her son John Carver was charged."
    b = "John Carver, 26, was charged over the death of his mother Alice Carver at her Kelby home."
    assert run((a, b), "F101") == []
    c = a.replace("son John Carver", "son John Carver, 23,")
    assert {(f.doc, f.evidence) for f in run((c, b), "F101")} == {("a", "23"), ("b", "26")}
    d = "Mr Carver, 72, was charged over the death of his mother Alice at her Kelby home."
    e = "John Carver, 62, was charged over the death of his mother Alice at her Kelby home."
    assert {(f.doc, f.evidence) for f in run((e, d), "F101")} == {("a", "62"), ("b", "72")}


def test_a_text_that_restates_a_count_with_two_values_contradicts_itself() -> None:
    a = (
        "After weeks of speculation about Macworld, Apple took the wraps off its updated iTunes "
        "software and unveiled a 17-inch MacBook Pro on Tuesday. Its new battery can run for up "
        "to eight hours on a charge."
    )
    b = (
        "Apple on Tuesday launched a refresh of the 10-inch MacBook Pro, giving its largest "
        "laptop an eight-hour battery. Analysts had expected the refresh of the 17-inch MacBook "
        "Pro for months."
    )
    assert {(f.doc, f.evidence, f.suggestion) for f in run((a, b), "F101")} == {
        ("a", "17", "10"),
        ("b", "10", "17"),
    }
    assert run((a, b.replace("10-inch", "17-inch")), "F101") == []
    c = (
        "Apple on Tuesday launched a refresh of the 13-inch MacBook Pro, which costs $1,199. "
        "The 15-inch MacBook Pro, which costs $1,799, gets an eight-hour battery."
    )
    assert run((a, c), "F101") == []  # two models, each with its price


def test_a_currency_sign_and_its_word_are_one_unit() -> None:
    a = "Four thieves made off with watches worth €2 million on Monday."
    b = "Four thieves made off with watches worth 2 million euros on Monday."
    assert run((a, b), "F101") == []
    c = b.replace("2 million", "5 million")
    assert {f.evidence for f in run((a, c), "F101") if f.doc == "b"} == {"5 million euros"}


def test_amounts_in_two_units_of_measure_are_converted_never_changed() -> None:
    a = "In July, a masked gunman stole jewellery worth $136 million from a hotel in Cannes."
    b = "In July, an armed man stole jewellery worth €103 million from a hotel in Cannes."
    assert run((a, b), "F101") == []
    c = "The tourism industry has developed rapidly over the past two decades, the minister said."
    d = "The tourism industry has been developing rapidly in the past 20 years, the minister said."
    assert run((c, d), "F101") == []
    e = "The store will sell the goods of firms with sales of at least 5 million rubles."
    h = "The store will sell the goods of firms with sales of at least 500 million roubles."
    assert {f.evidence for f in run((e, h), "F101") if f.doc == "b"} == {"500 million roubles"}


def test_numbers_of_sentences_each_aligned_elsewhere_are_not_linked_by_shared_words() -> None:
    a = (
        "Four robbers rammed a car into a Paris jewellery store early on Monday and made off "
        "with jewellery worth 2 million euros, police said. In July, a masked gunman stole "
        "diamonds worth $136 million from the Carlton hotel in Cannes."
    )
    b = (
        "Four men rammed their car into a jewellery store in central Paris on Monday, police "
        "said. The men grabbed luxury watches estimated at €2 million. At the end of July, an "
        "armed man made off with jewellery worth €103 million from the Carlton hotel in Cannes."
    )
    assert run((a, b), "F101") == []
