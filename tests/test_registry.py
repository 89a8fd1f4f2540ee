"""Meta-tests: every registered rule is documented, well coded and proven by its examples."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import audit, unread
from auditor.model import DOC_SECTIONS, Category, Finding, Severity, doc_sections
from auditor.read.decode import document_from_text
from auditor.rules.registry import (
    CODE_PATTERN,
    INPUT,
    Example,
    Rule,
    all_rules,
    example_texts,
    mark,
    marked_spans,
    select,
)

RULES = all_rules()


def findings_of(example: Example, code: str) -> list[Finding]:
    """Run one rule on an example (one text or several sources, «» marks removed)."""
    texts = example_texts(example)
    docs = [document_from_text(t, chr(ord("a") + i), f"ex{i}.txt") for i, t in enumerate(texts)]
    return list(audit(docs, Config(select=(code,), preview=True)).findings)


def codes_found(example: Example, code: str) -> set[str]:
    """Run one rule on an example (one text or several sources) and return the codes found."""
    return {f.rule for f in findings_of(example, code)}


def test_codes_are_unique_and_well_formed() -> None:
    assert RULES, "no rules registered"
    for code, r in RULES.items():
        assert CODE_PATTERN.match(code) and r.code == code
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


TEXT_RULES = {code: r for code, r in RULES.items() if r.scope != INPUT}


@pytest.mark.parametrize("rule", TEXT_RULES.values(), ids=list(TEXT_RULES))
def test_rule_is_documented_with_examples(rule: Rule) -> None:
    assert rule.summary and len(rule.doc.splitlines()) >= 2, "docstring needs a summary and body"
    assert rule.fires and rule.quiet, "every rule needs examples that fire and that stay quiet"
    assert isinstance(rule.category, Category) and isinstance(rule.severity, Severity)
    assert rule.scope in {"text", "sources"}
    if rule.scope == "sources":
        assert all(isinstance(ex, tuple) for ex in rule.fires), "cross-source examples are tuples"


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_documentation_has_every_section(rule: Rule) -> None:
    sections = rule.doc_sections
    assert list(sections) == list(DOC_SECTIONS), (
        f"{rule.code} lacks {set(DOC_SECTIONS) - set(sections)}"
    )
    assert sections["What it finds"].splitlines()[0] == rule.summary


def test_input_rules_report_only_unread_files_and_are_never_selected() -> None:
    inputs = [r for r in RULES.values() if r.scope == INPUT]
    assert [(r.code, r.category) for r in inputs] == [("I101", Category.INPUT)]
    report = unread("gone.txt", "no such file")
    assert [(f.rule, f.line, f.column, f.message) for f in report.findings] == [
        ("I101", 1, 1, "Not read: no such file.")
    ]
    assert not findings_of("A text that reads fine.", "I101")
    assert "I101" not in {r.code for r in select(("ALL",), preview=True)}


def test_doc_sections_split_on_headings_and_dedent() -> None:
    doc = "Finds a thing.\n\nMore detail.\n\nWhy it matters:\n    Because.\n    Really.\n"
    doc += "Example:\n    a"
    assert doc_sections(doc) == {
        "What it finds": "Finds a thing.\n\nMore detail.",
        "Why it matters": "Because.\nReally.",
        "Example": "a",
    }


CASES = [(r.code, ex, True) for r in RULES.values() for ex in r.fires] + [
    (r.code, ex, False) for r in RULES.values() for ex in r.quiet
]


@pytest.mark.parametrize(("code", "example", "fires"), CASES)
def test_rule_examples(code: str, example: Example, fires: bool) -> None:
    found = code in codes_found(example, code)
    assert found is fires, f"{code} {'did not fire' if fires else 'fired'} on {example!r}"


SPAN_CASES = [(r.code, ex) for r in RULES.values() for ex in r.fires]


@pytest.mark.parametrize(("code", "example"), SPAN_CASES)
def test_rule_flags_exactly_the_marked_spans(code: str, example: Example) -> None:
    expected = marked_spans(example)
    assert expected, f"{code}: mark the span the example must flag with «»"
    found = {(ord(f.doc) - ord("a"), f.start, f.end) for f in findings_of(example, code)}
    assert found == expected, f"{code} flagged {found}, the example marks {expected}"


@pytest.mark.parametrize(
    ("code", "example"), [(r.code, e) for r in RULES.values() for e in r.quiet]
)
def test_quiet_examples_mark_nothing(code: str, example: Example) -> None:
    assert marked_spans(example) == set()


def test_marked_spans_are_offsets_into_the_bare_text() -> None:
    example = ("No mark here.", "He left«..» «Then «she» spoke».")
    assert example_texts(example) == ("No mark here.", "He left.. Then she spoke.")
    assert marked_spans(example) == {(1, 7, 9), (1, 10, 24), (1, 15, 18)}
    assert mark("A b. C d. E f.", "C") == "A b. «C d.» E f."
    assert mark("A b. C d", "C") == "A b. «C d»"


def test_select_and_ignore_work_by_prefix() -> None:
    chosen = {r.code for r in select(("P",), ("P102",), preview=True)}
    assert chosen == {c for c in RULES if c.startswith("P") and c != "P102"}
    assert {r.code for r in select(("ALL",), preview=True)} == set(TEXT_RULES)
