"""T102 (an office a country's government does not have) and N105 (a name without its
possessive), and the governments knowledge file they read."""

from __future__ import annotations

from rule_helpers import run

from auditor.knowledge.governments import load_governments
from auditor.knowledge.titles import load_titles


def test_every_government_is_headed_by_one_of_its_own_checked_offices() -> None:
    book, titles = load_governments(), load_titles()
    canonical = {office.canonical for office in titles.offices.values()}
    assert book.checked <= canonical and book.leaders <= book.checked
    for word, government in book.by_name.items():
        assert government.head in government.offices, word
        assert government.offices <= book.checked, word


def test_a_head_of_government_title_is_fixed_with_the_countrys_head() -> None:
    (f,) = run(("Talks began. Austria's Prime Minister Karl Nehammer arrived.",), "T102")
    assert (f.evidence, f.suggestion) == ("Prime Minister", "Chancellor")
    assert "Austria" in f.message and "chancellor" in f.message


def test_a_head_of_state_title_gets_no_fix() -> None:
    (f,) = run(("Japanese President Fumio Kishida spoke on Monday.",), "T102")
    assert (f.evidence, f.suggestion) == ("President", None)


def test_offices_the_country_has_or_a_country_not_listed_stay_quiet() -> None:
    quiet = (
        "British Chancellor George Osborne presented the budget.",
        "Chinese Premier Li Qiang and Chinese President Xi Jinping met.",
        "Bavarian Prime Minister Markus Soeder spoke.",
        "Toyota's American Vice President Jack Hollis spoke.",
        "the german prime minister arrived.",
    )
    for text in quiet:
        assert run((text,), "T102") == [], text


def test_a_possessive_name_written_bare_is_fixed_from_the_same_text() -> None:
    text = "The Veterans' Affairs office opened. Later Veterans Affairs staff left."
    (f,) = run((text,), "N105")
    assert (f.evidence, f.suggestion) == ("Veterans Affairs", "Veterans' Affairs")


def test_a_possessive_name_of_a_version_is_evidence_but_not_of_an_independent_source() -> None:
    a = "The Workers' Party of Korea held a congress in Pyongyang on Monday."
    b = "The Workers Party of Korea held a congress in Pyongyang on Monday."
    (f,) = run((a, b), "N105")
    assert (f.doc, f.suggestion) == ("b", "Workers' Party")
    other = "Officials of the Workers Party said the vote was close and the count went on."
    assert run((a, other), "N105") == []
