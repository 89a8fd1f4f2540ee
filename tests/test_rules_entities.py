"""Entity rules: names of a translation with no counterpart in its reference, and the reverse."""

from __future__ import annotations

from rule_helpers import SEEDS, run

from auditor.config import Config
from auditor.engine import audit
from auditor.mentions.namewords import common_words, fold, similar, unmatched
from auditor.model import Finding, Severity
from auditor.read.decode import document_from_text, read_document

REF = "Officials met on Monday.\n{}\nThe talks will resume in May."


def parallel(ref_line: str, mt_line: str, select: str = "E") -> list[Finding]:
    """Audit a three-line reference and translation, line by line, keeping findings on b."""
    docs = [
        document_from_text(REF.format(ref_line), "a", "ref.txt"),
        document_from_text(REF.format(mt_line), "b", "mt.txt"),
    ]
    report = audit(docs, Config(select=(select,), parallel=True, preview=True))
    return [f for f in report.findings if f.doc == "b"]


def test_substituted_name_points_at_it_and_suggests_the_reference_name() -> None:
    (f,) = parallel(
        "Spanish expert Julio Rios said the economy would recover.",
        "Spanish expert Julio Riaz said the economy would recover.",
    )
    assert (f.rule, f.evidence, f.severity, f.suggestion) == (
        "E101",
        "Julio Riaz",
        Severity.WARNING,
        "Julio Rios",
    )
    assert [(r.doc, r.text) for r in f.related] == [("a", "Julio Rios")]
    assert f.line == 2


def test_renamed_organisation_is_one_finding_on_the_whole_name() -> None:
    (f,) = parallel(
        "The report was published by the Economic Observer on Friday.",
        "The report was published by the Economic Watch Network on Friday.",
    )
    assert f.evidence == "Economic Watch Network" and f.severity is Severity.WARNING


def test_a_lone_added_word_is_only_info() -> None:
    (f,) = parallel(
        "The airship entered the airspace by accident, the ministry said.",
        "The airship entered U.S. airspace by accident, the ministry said.",
    )
    assert (f.rule, f.evidence, f.severity) == ("E101", "U.S", Severity.INFO)


def test_a_lone_name_standing_for_other_words_is_a_warning_unless_they_are_a_pronoun() -> None:
    (f,) = parallel(
        "The issues faced by fund investors are about to be resolved.",
        "These problems of Christianity are about to be resolved.",
    )
    assert (f.rule, f.evidence, f.severity) == ("E101", "Christianity", Severity.WARNING)
    (g,) = parallel(
        "The plan, he said, would be ready next year.",
        "The plan, Morgenthau said, would be ready next year.",
    )
    assert (g.evidence, g.severity) == ("Morgenthau", Severity.INFO)
    (h,) = parallel(  # a place named more precisely; "China" is a common word too ("china")
        "The government protested to the US Embassy in China on Friday.",
        "The government protested to the US Embassy in Beijing on Friday.",
    )
    assert (h.evidence, h.severity) == ("US Embassy in Beijing", Severity.INFO)


def test_a_name_differing_only_in_its_kind_of_place_is_only_info() -> None:
    found = parallel(
        "The new prices in Henan Area took effect.",
        "The new prices in Henan Province took effect.",
    )
    assert [(f.rule, f.evidence, f.severity) for f in found] == [
        ("E101", "Henan Province", Severity.INFO)
    ]
    (f,) = parallel(
        "The new prices in Henan Area took effect.",
        "The new prices in Sichuan Province took effect.",
    )
    assert (f.evidence, f.severity) == ("Sichuan Province", Severity.WARNING)


def test_variants_of_one_name_are_not_findings() -> None:
    pairs = [
        ("The Chinese PLA took part.", "The People's Liberation Army of China took part."),
        ("Exports from the United States to Britain fell.", "U.S. exports to the UK fell."),
        ("He works for Chinanews in Beijing.", "He works for China News in Beijing."),
        ("They built a remote LAN at city level.", "They built a wireless local area network."),
        ("Officials in Zhengzhou agreed.", "Officials in Zhenzhou's city hall agreed."),
        ("She thanked the Chinese government.", "She thanked the government of China."),
        ("The Rev. John F. Johnston was charged.", "The Rev. John Johnston was charged."),
        (
            "Progress Software plans to acquire DataDirect Technologies for cash.",
            "Progress Software Corp. is acquiring DataDirect Technologies Ltd. for cash.",
        ),
    ]
    for ref, mt in pairs:
        assert parallel(ref, mt) == [], (ref, mt)


def test_dropped_name_points_at_the_words_that_replaced_it() -> None:
    (f,) = parallel(
        "According to Xinhua, the rescue team saved four people in Hatay.",
        "According to reports, the rescue team saved four people in Hatay.",
    )
    assert (f.rule, f.evidence, f.severity) == ("E102", "reports", Severity.WARNING)
    assert [(r.doc, r.text) for r in f.related] == [("a", "Xinhua")]


def test_a_lone_dropped_name_with_nothing_or_a_pronoun_in_its_place_is_only_info() -> None:
    hatay = "The rescue team saved four people in the city on Friday."
    cases = [  # reference, translation, evidence (the sentence when nothing replaced it), severity
        ("The rescue team saved four people in the city of Hatay on Friday.", hatay, hatay, "info"),
        ("It will be ready, Rios said.", "It will be ready, he said.", "he", "info"),
        (
            "It will be ready, Rios said.",
            "It will be ready, the minister said.",
            "the minister",
            "warning",
        ),
        (  # a whole name of several words gone
            "The team filed a motion in Forsyth Superior Court on Monday.",
            "The team filed a motion on Monday.",
            "The team filed a motion on Monday.",
            "warning",
        ),
    ]
    for ref, mt, evidence, severity in cases:
        (f,) = parallel(ref, mt)
        assert (f.rule, f.evidence, f.severity.value) == ("E102", evidence, severity), ref


def test_a_dropped_acronym_alone_is_only_info() -> None:
    (f,) = parallel(
        "CCTV news: implants are the best choice for many patients.",
        "Implants are the best choice for many patients.",
    )
    assert (f.rule, f.severity) == ("E102", Severity.INFO)


def test_a_name_shortened_with_nothing_in_its_place_is_only_info() -> None:
    (f,) = parallel(
        "On Friday, Shaquille O'Neal signed a new contract with the team.",
        "On Friday, O'Neal signed a new contract with the team.",
    )
    assert (f.rule, f.severity) == ("E102", Severity.INFO)
    (h,) = parallel(  # a middle initial is part of the name it stands in
        "On Friday, Michael J. Gansas signed a new contract with the team.",
        "On Friday, Gansas signed a new contract with the team.",
    )
    assert (h.rule, h.severity, h.related[0].text) == ("E102", Severity.INFO, "Michael J. Gansas")
    (g,) = parallel(
        "On Friday, Shaquille O'Neal signed a new contract with the team.",
        "On Friday, the player signed a new contract with the team.",
    )
    assert (g.rule, g.severity) == ("E102", Severity.WARNING)  # all of it gone: a warning


def test_capitals_by_position_and_title_case_headlines_are_not_names() -> None:
    common = common_words()
    text = 'He said: "Markets rose." Henan Province Sets Prices for Dental Implants'
    assert unmatched(text, (0, len(text)), "prices rose", (0, 11), common) == []


def test_folding_and_similarity() -> None:
    assert fold("U.S.") == "us" and fold("CBEX's") == "cbex" and fold("LANs") == "lan"
    assert similar("china", "chinese") and similar("zhengzhou", "zhenzhou")
    assert not similar("brinkin", "blinken") and not similar("rios", "riaz")


def test_two_outlets_articles_are_not_versions_of_each_other() -> None:
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(SEEDS)]
    assert audit(docs, Config(select=("E",))).findings == ()


def test_a_single_text_is_quiet() -> None:
    assert run(("Spanish expert Julio Rios said the economy would recover.",), "E") == []
