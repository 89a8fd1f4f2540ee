"""Name rules: variants across sources, non-canonical names, mangled treaty names."""

from __future__ import annotations

from rule_helpers import run, seed_findings

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Finding
from auditor.read.decode import document_from_text
from auditor.rules.names import one_word_apart


def between_sources(*texts: str) -> list[Finding]:
    """Run N101 on independent sources (the relation forced, as a user would)."""
    docs = [document_from_text(t, chr(ord("a") + i), f"ex{i}.txt") for i, t in enumerate(texts)]
    return list(audit(docs, Config(select=("N101",), relation="sources")).findings)


def test_word_level_distance() -> None:
    assert one_word_apart(
        ["strategic", "security", "dialogue"], ["strategic", "stability", "dialogue"]
    )
    assert one_word_apart(["baltic", "trade", "forum"], ["baltic", "free", "trade", "forum"])
    assert not one_word_apart(["european", "council"], ["european", "commission"])
    assert not one_word_apart(["china", "electronic", "group"], ["china", "electronics", "group"])


def test_noncanonical_name_suggests_the_spelling_used_in_the_text() -> None:
    (f,) = run(("Inspectors from the International Atomic Agency came.",), "N102")
    assert f.evidence == "International Atomic Agency"
    assert f.suggestion == "International Atomic Energy Agency"
    assert f.message == f"Looks like {f.suggestion!r} with a word added or missing."


def test_national_prefix_is_not_a_spurious_word() -> None:
    a = "The US Department of Commerce listed five firms."
    b = "The Department of Commerce listed five firms."
    assert run((a, b), "N10") == []


def test_mangled_treaty_spans_the_fragment_across_the_false_break() -> None:
    text = (
        "They want a relaunch of the Intermediary, which has now lapsed. "
        "Treaty on nuclear forces soon."
    )
    (f,) = run((text,), "N103")
    assert f.evidence == "Intermediary, which has now lapsed. Treaty on nuclear forces"
    assert f.suggestion == "Intermediate-Range Nuclear Forces Treaty"


def test_seeds_find_the_dialogue_the_osce_and_the_inf_treaty() -> None:
    found = {(f.rule, f.doc, f.evidence) for f in seed_findings() if f.rule.startswith("N")}
    assert found == {
        ("N101", "a", "Strategic Security Dialogue"),
        ("N101", "b", "Strategic Stability Dialogue"),
        ("N102", "a", "Multilateral Organization for Security and Cooperation in Europe"),
        ("N103", "b", "Intermediary, which has now disappeared. Treaty on nuclear forces"),
    }


def test_seed_dialogue_names_offer_each_other_to_check_when_nothing_says_which_is_right() -> None:
    found = [f for f in seed_findings() if f.rule == "N101"]
    assert [(f.doc, f.suggestion, f.safe) for f in found] == [
        ("a", "Strategic Stability Dialogue", False),
        ("b", "Strategic Security Dialogue", False),
    ]
    assert all("check both before changing either" in f.message for f in found)


def test_two_sources_name_variant_offers_the_other_name_to_check() -> None:
    a = "Talks at the Northern Energy Dialogue went on late into the night."
    b = "The Northern Climate Dialogue talks went on late into the night, officials said."
    found = between_sources(a, b)
    assert {(f.doc, f.evidence, f.suggestion, f.safe) for f in found} == {
        ("a", "Northern Energy Dialogue", "Northern Climate Dialogue", False),
        ("b", "Northern Climate Dialogue", "Northern Energy Dialogue", False),
    }
    (f,) = [f for f in found if f.doc == "b"]
    assert f.message == (
        "Called 'Northern Climate Dialogue' here but 'Northern Energy Dialogue' in the other "
        "source (ex0.txt): one word differs, so one of the two names is probably wrong; nothing "
        "here says which source is right: check both before changing either."
    )


def test_majority_of_sources_names_the_fix_for_the_odd_one_out() -> None:
    odd = "Talks at the Northern Energy Dialogue went on late into the night."
    most = "The Northern Climate Dialogue talks went on late into the night, officials said."
    found = between_sources(odd, most, most)
    fixes = {(f.doc, f.suggestion) for f in found if f.doc == "a"}
    assert fixes == {("a", "Northern Climate Dialogue")}
    assert all(f.suggestion is None for f in found if f.doc != "a")


def names_of(text: str) -> list[str]:
    """Return the multi-word names the fact links read in a text."""
    from auditor.align.namelinks import find_names

    return [n.mention.text for n in find_names(document_from_text(text))]


def test_a_name_ends_at_its_closing_mark_and_before_a_day() -> None:
    assert "Hunger Games" in names_of("Gary Ross Won't Direct 'Hunger Games' Sequel")
    assert "Hunger Games" in names_of("He will direct ‘The Hunger Games’ sequel.")
    assert "Indian Navy" in names_of("For the fourth time, the Indian Navy on Saturday won.")


def test_a_body_named_at_the_start_of_a_longer_name_is_a_name_too() -> None:
    headline = "The Kelby Games Director Ana Ruiz Still In Talks For The Sequel\n\nShe talks."
    assert names_of(headline)[0] == "Kelby Games"  # a title-case headline runs names together
    assert names_of("The Kelby Games Committee met.") == ["Kelby Games", "Kelby Games Committee"]


def test_a_quoted_name_is_compared_whatever_its_closing_mark() -> None:
    a = "Gary Ross is in talks with Lionsgate to direct the ‘Hunger Games’ sequel ‘Catching Fire’."
    b = "Gary Ross is in talks with Lionsgate to direct the 'Central Games' sequel 'Catching Fire'."
    found = {(f.doc, f.evidence, f.suggestion) for f in between_sources(a, b)}
    assert ("b", "Central Games", "Hunger Games") in found


def test_a_text_using_both_forms_is_flagged_alone_and_its_own_form_is_the_fix() -> None:
    a = (
        "Lionsgate confirmed the sequel. Gary Ross is in negotiations to direct 'The Hunger "
        "Games' sequel 'Catching Fire' for the studio."
    )
    b = (
        "'The Central Games' sequel is in negotiations with director Gary Ross. The studio "
        "says 'The Hunger Games' made more money than expected."
    )
    (f,) = between_sources(a, b)
    assert (f.doc, f.evidence, f.suggestion) == ("b", "Central Games", "Hunger Games")
    assert "check both" not in f.message  # the text itself uses the other form


def test_another_award_in_one_text_is_another_thing() -> None:
    a = "Ellen DeGeneres will host the Academy Awards in March, the academy said on Friday."
    b = (
        "Ellen DeGeneres will host the Academy Awards in March, the academy said on Friday. "
        "She also drew praise as a two-time Emmy Awards host, the academy said."
    )
    assert between_sources(a, b) == []
    c = "Assistant chief fire officer Peter Guest said the building could not be saved."
    d = "The building could not be saved, said Mr Guest, the assistant chief fire officer."
    assert between_sources(c, d) == []


def test_a_version_that_merges_two_names_of_its_reference_takes_the_reference_form() -> None:
    a = (
        "The Beijing Stock Exchange opened in 2021. Shares of the firm will list on the Beijing "
        "Financial Exchange next week, the company said."
    )
    b = (
        "The Beijing Stock Exchange opened in 2021. Shares of the firm will list on the Beijing "
        "Stock Exchange next week, the company said."
    )
    docs = [document_from_text(t, d, f"{d}.txt") for t, d in ((a, "a"), (b, "b"))]
    report = audit(docs, Config(select=("N101",), relation="versions"))
    found = {(f.doc, f.evidence, f.suggestion) for f in report.findings}
    assert ("b", "Beijing Stock Exchange", "Beijing Financial Exchange") in found
    assert all(f.suggestion is None for f in report.findings if f.doc == "a")


CLOSEST_A = (
    "Hosting the show is a tough job. On Friday, the organization behind the Academy Awards "
    "named Australian actor Hugh Jackman as the host of February's annual show. Critics were "
    "surprised that the Academy Awards chose a singer."
)
CLOSEST_B = (
    "Jackman was announced Friday as the host of the 81st Central Awards, a marked departure "
    "from comedians. The ceremony is held in Los Angeles every year."
)


def test_closest_sentences_compare_their_only_award_without_shared_neighbours() -> None:
    found = {(f.doc, f.evidence, f.suggestion) for f in between_sources(CLOSEST_A, CLOSEST_B)}
    assert ("b", "Central Awards", "Academy Awards") in found
    # a name the other source does not repeat is no evidence against this one
    once = CLOSEST_A.replace("that the Academy Awards chose", "by the choice of")
    assert between_sources(once, CLOSEST_B) == []


def test_a_person_is_not_compared_as_a_body_without_shared_neighbours() -> None:
    a = CLOSEST_A.replace("the Academy Awards", "Philip Schiller")
    b = CLOSEST_B.replace("81st Central Awards", "keynote by Mark Schiller")
    assert between_sources(a, b) == []


def test_a_sentence_naming_both_words_tells_two_bodies_apart() -> None:
    a = CLOSEST_A.replace("the Academy Awards", "the FLDS, an offshoot of the Mormon Church,")
    b = CLOSEST_B.replace("81st Central Awards", "FLDS Church")
    assert between_sources(a, b) == []


def test_british_and_american_spellings_of_one_name_are_one_name() -> None:
    a = "The warship escorted five vessels through the Internationally Recognised Transit Corridor."
    b = "The warship escorted five vessels through the Internationally Recognized Transit Corridor."
    assert between_sources(a, b) == []


def test_a_titled_person_is_not_a_name_one_word_from_the_full_name() -> None:
    a = "Alexander Haig was Nixon's chief of staff and later President Reagan's secretary of state."
    b = "Alexander Haig was Nixon's chief of staff and Ronald Reagan's secretary of state."
    assert between_sources(a, b) == []


def test_a_name_of_another_kind_in_the_sentence_does_not_tell_two_names_apart() -> None:
    a = "Xi will award the Medal of Friendship to five guests, the Medal of National Honor to ten."
    b = "Xi will award the Order of Friendship to five guests, the Medal of National Honor to ten."
    found = {(f.doc, f.evidence, f.suggestion) for f in between_sources(a, b)}
    assert ("b", "Order of Friendship", "Medal of Friendship") in found


def test_a_name_is_compared_with_its_counterpart_not_with_another_of_its_kind() -> None:
    a = "Floods hit towns along the Changjiang River, and the Yellow River rose, officials said."
    b = "Floods hit towns along the Yangtze River, and the Yellow River rose, officials said."
    found = {(f.doc, f.evidence, f.suggestion) for f in between_sources(a, b)}
    assert found == {
        ("a", "Changjiang River", "Yangtze River"),
        ("b", "Yangtze River", "Changjiang River"),
    }


def test_closest_pairs_are_each_sentences_strongest_event_link_and_the_openings() -> None:
    from auditor.align.namelinks import closest_pairs
    from auditor.model import EventLink

    a, b = (document_from_text("One. Two. Three.", d) for d in "ab")
    links = [EventLink("a", 0, "b", 1, 1.0), EventLink("a", 1, "b", 1, 2.0)]
    links += [EventLink("a", 1, "b", 2, 3.0), EventLink("c", 0, "b", 2, 9.0)]
    assert closest_pairs(links, a, b) == {(0, 1), (1, 1), (1, 2)}
    assert closest_pairs(links, b, a) == {(1, 0), (1, 1), (2, 1)}
    # the openings are counterparts once any event link joins them, however weak
    links += [EventLink("b", 0, "a", 0, 0.5), EventLink("b", 0, "a", 1, 5.0)]
    assert (0, 0) in closest_pairs(links, a, b)


def test_closest_pairs_among_some_sentences_are_those_of_all_pairs() -> None:
    from itertools import product

    from auditor.align.namelinks import closest_pairs
    from auditor.model import EventLink

    a, b = (document_from_text("One. Two. Three. Four.", d) for d in "ab")
    links = [
        EventLink("a", i, "b", j, float((i * 7 + j * 3) % 5))
        for i, j in product(range(4), range(4))
    ]
    links += [EventLink("b", 1, "a", 0, 9.0)]
    every = closest_pairs(links, a, b)
    for xs, ys in product([{0}, {1, 2}, {0, 3}, set()], [{0}, {2, 3}, {1}]):
        want = {(i, j) for i, j in every if i in xs and j in ys}
        assert closest_pairs(links, a, b, (xs, ys)) == want


def test_two_headlines_compare_their_only_body_of_a_kind() -> None:
    a = (
        "The Kelby Games Director Ana Ruiz Still In Negotiations\n\n"
        "Lionsgate said on Monday that Ana Ruiz is back in talks to direct the sequel.\n\n"
        "The Kelby Games made 600 million dollars around the world."
    )
    b = (
        "Ana Ruiz back in talks to direct 'The Brisk Games' sequel\n\n"
        "The first film made 600 million dollars. Ruiz adapted 'The Kelby Games' book herself."
    )
    # each headline's strongest link is a sentence of the other article's body
    (f,) = between_sources(a, b)
    assert (f.doc, f.evidence, f.suggestion) == ("b", "Brisk Games", "Kelby Games")


def test_the_kind_alone_is_the_short_name_of_the_texts_only_body_of_that_kind() -> None:
    a = (
        "For the third time this month, the Irish Navy on Sunday foiled a raid off Cork and held "
        "14 smugglers.\n\nThe smugglers were handed to the police in Cork."
    )
    b = (
        "In another blow to the smugglers working the coast, a Welsh Navy patrol boat stopped a "
        "raid off Cork and seized 14 men.\n\nThe boat had been at sea for a week, a Navy "
        "spokesman said. The Navy will hand the men to the police."
    )
    # "a Navy spokesman", "The Navy": the Welsh Navy again, no surname (as "Clinton said" is)
    found = {(f.doc, f.evidence) for f in between_sources(a, b)}
    assert found == {("a", "Irish Navy"), ("b", "Welsh Navy")}
    # each name used once, and nothing repeats either: no evidence that one body is meant
    once = b.replace("a Navy spokesman", "a spokesman").replace("The Navy will", "They will")
    assert between_sources(a, once) == []
    # a text that names two navies does not say which one "the Navy" is
    two = b.replace("The Navy will", "The Welsh Navy and the Scottish Navy will")
    assert between_sources(a, two) == []


def test_two_texts_using_both_forms_name_two_bodies() -> None:
    from auditor.align.namelinks import find_names, link_names

    a = "The Strategic Security Dialogue met in Geneva on Monday with ten delegations."
    b = "The Strategic Stability Dialogue met in Geneva on Monday with ten delegations."
    both = " Separately, the Strategic {} Dialogue issued a statement."

    def links(x: str, y: str) -> list[tuple[str, str]]:
        docs = [document_from_text(t, i, f"{i}.txt") for i, t in (("a", x), ("b", y))]
        names = {d.id: find_names(d) for d in docs}
        found = link_names(docs[0], docs[1], names, lambda i, j: "same")
        return [(k.a.text, k.b.text) for k in found]

    assert links(a, b) == [("Strategic Security Dialogue", "Strategic Stability Dialogue")]
    assert links(a + both.format("Stability"), b + both.format("Security")) == []


def test_word_texts_and_capitalised_agree_with_the_word_scan() -> None:
    """The shortcuts of N103 find what a scan of the whole body finds, on random texts."""
    import random

    from auditor.mentions.people import WORD_TOKEN
    from auditor.rules.names import _capitalised, _word_texts, _words_in

    pieces = ["The", "treaty", "J.", "x-The", "9The", "The-9", "The'", "ThE", "\u212aEY", "ſ"]
    pieces += ["²ab", "in-depth", "’s", "-", ".", ",", " ", " ", "\n", "In", "Index"]
    kinds = ["the", "in", "key"]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(40))
        found = [(m.start(), m.group()) for m in WORD_TOKEN.finditer(text)]
        starts = {m.start() for m in _capitalised(kinds).finditer(text)}
        assert {s for s, w in found if w[0].isupper() and w.lower() in kinds} <= starts
        for lo in range(0, len(text), 7):
            for hi in range(lo, len(text), 5):
                texts = [w for s, w in found if lo <= s < hi and w[0].isalpha()]
                assert _word_texts(text, lo, hi, 0) == texts
                assert [w[2] for w in _words_in(text, lo, hi, 0)] == texts
