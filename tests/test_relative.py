"""Relative days ("yesterday", "today") resolved against the article's own publication date."""

from __future__ import annotations

import random

from rule_helpers import run

from auditor.align.published import publication_date
from auditor.align.relative import _last_reaches, _spans, relative_days
from auditor.mentions.extract import extract_mentions
from auditor.model import WeekdayMention
from auditor.read.decode import document_from_text

DATED = " date 2013-07-23\n\n"  # a Tuesday
A = "The fire broke out at the Waitrose store in Wellington on Sunday, the police said."
B = "The fire broke out at the Waitrose store in Wellington yesterday, the police said."


def resolved(text: str) -> list[tuple[str, str]]:
    """Return each relative day of a text with the date it resolves to."""
    doc = document_from_text(text, "a")
    mentions = extract_mentions(doc)
    return [(m.text, m.key) for m in relative_days(doc, mentions, publication_date(doc, mentions))]


def test_relative_days_resolve_against_the_publication_date() -> None:
    text = (
        DATED + "It burned yesterday. Crews stay tonight and leave tomorrow. Last night it rained."
    )
    assert resolved(text) == [
        ("yesterday", "2013-07-22"),
        ("tonight", "2013-07-23"),
        ("tomorrow", "2013-07-24"),
        ("Last night", "2013-07-22"),
    ]


def test_the_date_line_at_the_top_dates_the_article() -> None:
    assert resolved("Tuesday, July 23, 2013\n\nThe store burned yesterday.") == [
        ("yesterday", "2013-07-22")
    ]


def test_no_publication_date_no_resolution() -> None:
    assert resolved("The store burned yesterday.") == []


def test_quotations_names_and_possessives_are_not_the_articles_day() -> None:
    text = (
        DATED + '"We lost everything today," the owner said. She told USA Today about it. '
        "Today's shoppers were elsewhere. Today, the store is shut."
    )
    assert resolved(text) == [("Today", "2013-07-23")]


def test_yesterday_is_compared_with_the_other_sources_weekday_of_the_same_happening() -> None:
    found = run((DATED + B, A), "F102")
    assert [(f.doc, f.evidence, f.suggestion) for f in found] == [
        ("a", "yesterday", None),
        ("b", "Sunday", "Monday"),
    ]
    assert "'yesterday' (Monday 2013-07-22) here" in found[0].message
    assert run((DATED + B, A.replace("Sunday", "Monday")), "F102") == []


def test_yesterday_is_compared_with_the_other_sources_date() -> None:
    a = A.replace("on Sunday", "on July 21, 2013")
    found = run((DATED + B, a), "F102")
    assert [(f.doc, f.evidence, f.suggestion) for f in found] == [
        ("a", "yesterday", None),
        ("b", "July 21, 2013", None),
    ]
    assert run((DATED + B, a.replace("21", "22")), "F102") == []


def test_an_undated_article_or_another_happening_stays_silent() -> None:
    assert run((A, B), "F102") == []
    other = "The Waitrose store in Wellington reopened yesterday, the police said."
    assert run((A, DATED + other), "F102") == []


def test_a_relative_day_next_to_its_stated_date_leaves_the_date_to_be_compared() -> None:
    text = DATED + "It caught fire yesterday (July 21st). It reopens today Thursday, July 25."
    assert resolved(text) == []


def test_nearby_mentions_are_found_by_bisection_as_by_a_scan_of_all() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in rng.sample(range(300), rng.randint(0, 12))]
        index = _spans(WeekdayMention(a, b, "x" * (b - a), "x", 0) for a, b in spans)
        for upto, pos in ((rng.randint(0, 340), rng.randint(-20, 340)) for _ in range(20)):
            scanned = any(a <= upto and b > pos for a, b in spans)
            assert _last_reaches(index, upto, pos) == scanned
