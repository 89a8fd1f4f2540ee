"""Fact links between sources: the same quantity, date or weekday however the sentence is worded."""

from __future__ import annotations

from rule_helpers import run

from auditor.align.facts import link_facts, publication_date
from auditor.align.match import align
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
    return list(link_facts(docs, mentions, alignments))


def test_same_quantity_and_happening_link_across_different_wording() -> None:
    found = {(k.kind, k.a.text, k.b.text) for k in links(A, B)}
    assert ("number", "40", "45") in found
    assert ("weekday", "Sunday", "Monday") in found


def test_rules_read_the_links_and_suggest_the_other_sources_value() -> None:
    found = {(f.rule, f.doc, f.evidence, f.suggestion) for f in run((A, B), "F10")}
    assert ("F101", "b", "45", "40") in found
    assert ("F102", "b", "Monday", "Sunday") in found


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


def test_the_odd_one_out_among_three_sources() -> None:
    c = A.replace("late on Sunday", "on Sunday evening")
    found = [f for f in run((A, B, c), "F102") if f.doc == "b"]
    assert len(found) == 1
    assert "2 of 2 other sources" in found[0].message and found[0].suggestion == "Sunday"
