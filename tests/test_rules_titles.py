"""Title conflicts: the odd title, its evidence, the suggested fix and the severity."""

from __future__ import annotations

from rule_helpers import run, seed_findings

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Severity
from auditor.read.decode import document_from_text


def test_odd_title_out_is_an_error_with_evidence_and_fix() -> None:
    a = "Deputy Secretary of State Ann Lee met Ivan Petrov."
    b = "Deputy Secretary of State Ann Lee spoke. Later Under Secretary of State Ann Lee left."
    (f,) = run((a, b), "T101")
    assert (f.doc, f.evidence, f.severity) == ("b", "Under Secretary of State", Severity.ERROR)
    assert f.suggestion == "Deputy Secretary of State"
    assert {(r.doc, r.text) for r in f.related} == {
        ("a", "Deputy Secretary of State"),
        ("b", "Deputy Secretary of State"),
    }


def test_one_against_one_is_a_warning_on_both_with_fix_only_for_the_second() -> None:
    found = run(("General Ann Lee spoke.", "Lieutenant General Ann Lee spoke."), "T101")
    assert {(f.doc, f.severity, f.suggestion) for f in found} == {
        ("a", Severity.WARNING, None),
        ("b", Severity.WARNING, "General"),
    }


def test_one_source_against_another_offers_each_the_others_title_to_check() -> None:
    a = "General Ann Lee, the army chief, inspected the troops in Kabul on Monday."
    b = "Lieutenant General Ann Lee, who leads the army, visited soldiers near Kabul."
    docs = [document_from_text(t, d, f"{d}.txt") for t, d in ((a, "a"), (b, "b"))]
    found = audit(docs, Config(select=("T101",), relation="sources")).findings
    assert {(f.doc, f.evidence, f.suggestion, f.safe) for f in found} == {
        ("a", "General", "Lieutenant General", False),
        ("b", "Lieutenant General", "General", False),
    }
    assert all(f.message.endswith("check both before changing either.") for f in found)


def test_different_people_with_one_surname_are_not_compared() -> None:
    assert run(("Minister Ann Lee spoke. Deputy Minister Bo Lee left.",), "T101") == []


def test_seeds_flag_both_wrong_titles_and_not_the_consistent_ones() -> None:
    found = [f for f in seed_findings() if f.rule == "T101"]
    assert sorted((f.doc, f.evidence) for f in found) == [
        ("b", "Assistant Secretary of State"),
        ("b", "Under Secretary of State"),
    ]
    assert all(f.suggestion == "Deputy Secretary of State" for f in found)


def test_a_name_set_off_by_commas_after_its_title_is_the_titled_person() -> None:
    a = "Foreign Secretary Jack Straw denied the claims on Monday."
    b = "The Deputy Foreign Secretary, Jack Straw, denied the claims on Monday."
    assert {(f.doc, f.evidence) for f in run((a, b), "T101")} == {
        ("a", "Foreign Secretary"),
        ("b", "Deputy Foreign Secretary"),
    }
    c = "The Foreign Secretary, Jack Straw, denied the claims on Monday."
    assert run((a, c), "T101") == []
    d = "The minister, Straw, and the party, Labour, denied the claims on Monday."
    assert run((a, d), "T101") == []  # one name word: not a full name


def test_a_second_role_joined_by_and_keeps_the_name_for_the_first_title() -> None:
    a = "Multifoods chairman and chief executive officer Gary Costley said so."
    b = "Vice chairman and CEO Gary Costley said so in a statement."
    assert {(f.doc, f.evidence) for f in run((a, b), "T101")} == {
        ("a", "chairman"),
        ("b", "Vice chairman"),
    }
    c = "The vice chairman and two directors Gary Costley named resigned."
    assert run((a, c), "T101") == []  # "two directors" is no role of one person


def test_an_honorific_between_title_and_name_and_a_possessive_before_the_title() -> None:
    a = "Georgia needs the money, said Dr. Melinda Rowe, Chatham County's health director."
    b = "Georgia needs the money, said county deputy health director Dr. Melinda Rowe."
    assert {(f.doc, f.evidence) for f in run((a, b), "T101")} == {
        ("a", "health director"),
        ("b", "deputy health director"),
    }
    c = "The move follows word that Christopher Galvin, the company's chairman, would retire."
    d = "The move follows the exit of Christopher Galvin, the company's vice chairman."
    assert {(f.doc, f.evidence) for f in run((c, d), "T101")} == {
        ("a", "chairman"),
        ("b", "vice chairman"),
    }


def test_a_name_set_off_after_the_title_wins_over_a_place_before_it() -> None:
    a = "In Damascus, Syrian Information Minister Ahmad al-Hassan called the charges baseless."
    b = "In Damascus, the Syrian Deputy Information Minister, Ahmed al-Hassan, dismissed them."
    found = run((a, b), "T101")
    assert {(f.doc, f.evidence) for f in found} == {
        ("a", "Information Minister"),
        ("b", "Deputy Information Minister"),
    }
    assert "Damascus" not in " ".join(f.message for f in found)
    assert run((a, b.replace("Ahmed", "Mahmoud")), "T101") == []  # another first name


def test_an_office_named_on_another_rung_in_the_sentence_saying_the_same_thing_conflicts() -> None:
    a = "The Kelby club board met on Monday and chose a new president for the coming season."
    b = "On Monday the Kelby club board met and chose a new vice president for the coming season."
    found = {(f.doc, f.evidence, f.suggestion, f.severity) for f in run((a, b), "T101")}
    assert found == {  # read as a version of the first: the first is never changed
        ("a", "president", None, Severity.WARNING),
        ("b", "vice president", "president", Severity.WARNING),
    }
    c = "On Monday the Kelby club board met and chose a new president for the coming season."
    assert run((a, c), "T101") == []
    d = "President Ann Lee and the club board met in Kelby on Monday to plan the coming season."
    e = "Vice President Ivan Petrov and the club board met in Kelby on Monday to plan the season."
    assert run((d, e), "T101") == []  # two named people: judged by person


def test_a_senator_is_not_a_representative() -> None:
    a = "Senator Clinton would seek to politicize the nomination, the governor said."
    b = "Representative Clinton would seek to politicize the nomination, the governor said."
    docs = [document_from_text(t, d, f"{d}.txt") for t, d in ((a, "a"), (b, "b"))]
    found = audit(docs, Config(select=("T101",), relation="sources")).findings
    assert {(f.doc, f.evidence, f.suggestion) for f in found} == {
        ("a", "Senator", "Representative"),
        ("b", "Representative", "Senator"),
    }
