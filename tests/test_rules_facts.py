"""Fact rules: numbers and dates across aligned sentences, weekdays against dates."""

from __future__ import annotations

from rule_helpers import run, seed_findings

from auditor.model import Severity


def test_number_mismatch_points_at_the_number_and_its_counterpart() -> None:
    a = "Russia has massed around 100,000 troops near the border of Ukraine."
    b = "Russia has massed around 10,000 troops near the border of Ukraine."
    found = run((a, b), "F101")
    f = next(f for f in found if f.doc == "b")
    assert (f.evidence, f.suggestion, f.severity) == (
        "10,000 troops",
        "100,000 troops",
        Severity.ERROR,
    )
    assert [(r.doc, r.text) for r in f.related] == [("a", "100,000 troops")]


def test_equal_amounts_in_other_notations_are_quiet() -> None:
    a = "The nearly eight-hour meeting ended with 100,000 troops still at the border."
    b = "The nearly 8 hour meeting ended with 100 thousand troops still at the border."
    assert run((a, b), "F10") == []


def test_date_mismatch_and_partial_agreement() -> None:
    a = "Biden and Putin met in Geneva in June 2021 for a summit."
    assert run((a, "Biden and Putin met in Geneva in June for a summit."), "F102") == []
    (f,) = [
        f
        for f in run((a, "Biden and Putin met in Geneva in July 2021 for a summit."), "F102")
        if f.doc == "b"
    ]
    assert f.evidence == "July 2021" and f.suggestion == "June 2021"


def test_weekday_against_adjacent_date_and_dateline_year() -> None:
    (f,) = run((" date 2022-01-11\n\nThe talks opened on Tuesday, 10 January, in Geneva.",), "F103")
    assert (f.evidence, f.suggestion) == ("Tuesday", "Monday")
    assert run((" date 2022-01-11\n\nThe talks opened on Monday in Geneva.",), "F103") == []


def test_seeds_keep_consistent_facts_quiet() -> None:
    assert [f for f in seed_findings() if f.rule.startswith("F")] == []


def test_majority_counts_independent_sources_once() -> None:
    from auditor.config import Config
    from auditor.engine import audit
    from auditor.read.decode import document_from_text

    texts = (
        "Russia has massed around 100,000 troops near the border of Ukraine, officials said.",
        "Russia has massed around 100,000 troops near the border of Ukraine, officials said today.",
        "Officials say Russia has massed 100,000 troops near the border with Ukraine.",
        "Russia has massed around 10,000 troops near the border of Ukraine.",
    )
    docs = [document_from_text(t, "abcd"[i], f"ex{i}.txt") for i, t in enumerate(texts)]
    every = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    config = Config(select=("F101",), relation="sources")

    def message(copies: list[tuple[int, int]]) -> str:
        (f,) = [f for f in audit(docs, config, pairs=every, copies=copies).findings if f.doc == "d"]
        assert f.severity == Severity.ERROR
        return f.message

    assert "3 of 3 other independent sources say '100,000 troops'" in message([])
    # a republished copy of one story is one source, not two
    assert "2 of 2 other independent sources say '100,000 troops'" in message([(0, 1)])
