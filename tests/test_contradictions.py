"""Injected contradictions between paraphrase documents are found; the clean pair is quiet.

Constructed text, laid out as the MSRP paraphrase documents of the precision benchmark: two
documents of ten paragraphs, each paragraph of B a paraphrase of the same paragraph of A. One
number, weekday, month, year or title of B is changed at a time.
"""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Document, Report
from auditor.read.decode import document_from_text

PAIRS = (
    (
        "The storm killed 12 people in the northern province on Monday, officials said.",
        "Officials said 12 people died in the northern province when the storm hit on Monday.",
    ),
    (
        "President Maria Lopez will visit Berlin in March to discuss trade.",
        "In March, President Maria Lopez is due in Berlin for talks on trade.",
    ),
    (
        "The company said its profit rose to 450 million dollars in the third quarter.",
        "Third-quarter profit climbed to 450 million dollars, the company said.",
    ),
    (
        "Secretary of State John Miller arrived in Tokyo on Tuesday for a two-day visit.",
        "Secretary of State John Miller landed in Tokyo on Tuesday, starting a two-day visit.",
    ),
    (
        "About 3,000 workers walked off the job at the plant in June.",
        "Some 3,000 employees at the plant went on strike in June.",
    ),
    (
        "The bridge, which opened in 1998, carries 80,000 vehicles a day.",
        "Opened in 1998, the bridge is used by 80,000 vehicles every day.",
    ),
    (
        "Governor Anna Schultz signed the budget bill on Friday after weeks of debate.",
        "After weeks of debate, Governor Anna Schultz signed the budget bill on Friday.",
    ),
    (
        "The team won 4-2 on Saturday and moved to 25 points in the league table.",
        "A 4-2 win on Saturday lifted the team to 25 points in the league table.",
    ),
    (
        "Police arrested 7 suspects in raids across the city in October.",
        "In October police detained 7 suspects during raids across the city.",
    ),
    (
        "Minister Paul Okafor said the new airport would open in 2026.",
        "The new airport will open in 2026, Minister Paul Okafor said.",
    ),
)
CHANGES = (
    ("12 people", "13 people"),
    ("450", "540"),
    ("80,000", "60,000"),
    ("25 points", "28 points"),
    ("7 suspects", "9 suspects"),
    ("3,000", "4,000"),
    ("two-day", "three-day"),
    ("Monday", "Sunday"),
    ("Tuesday", "Wednesday"),
    ("Friday", "Thursday"),
    ("Saturday", "Sunday"),
    ("March", "April"),
    ("June", "July"),
    ("October", "November"),
    ("2026", "2027"),
    ("1998", "1996"),
    ("Secretary of State", "Deputy Secretary of State"),
    ("President", "Vice President"),
    ("Minister", "Deputy Minister"),
    ("Governor", "Lieutenant Governor"),
)
RELATIONS = (None, "sources")


def document(paragraphs: list[str], doc_id: str) -> Document:
    """Build a document of paragraphs."""
    return document_from_text("\n\n".join(paragraphs), doc_id, f"{doc_id}.txt")


def flagged(report: Report, doc: Document) -> set[int]:
    """Return the paragraphs of `doc` with an error or warning finding."""
    return {
        doc.text.count("\n\n", 0, f.start)
        for f in report.findings
        if f.doc == doc.id and f.severity.value in ("error", "warning")
    }


def injected(old: str, new: str) -> tuple[int, Document]:
    """Return the paragraph changed and document B with `old` replaced by `new` there."""
    seconds = [b for _, b in PAIRS]
    k = next(i for i, b in enumerate(seconds) if old in b)
    seconds[k] = seconds[k].replace(old, new, 1)
    return k, document(seconds, "b")


@pytest.mark.parametrize("relation", RELATIONS)
def test_the_clean_paraphrase_documents_are_quiet(relation: str | None) -> None:
    a, b = document([x for x, _ in PAIRS], "a"), document([y for _, y in PAIRS], "b")
    report = audit([a, b], Config(relation=relation))
    assert flagged(report, a) | flagged(report, b) == set()


@pytest.mark.parametrize("relation", RELATIONS)
def test_nine_in_ten_injected_contradictions_are_found(relation: str | None) -> None:
    a = document([x for x, _ in PAIRS], "a")
    found = []
    for old, new in CHANGES:
        k, b = injected(old, new)
        found.append(k in flagged(audit([a, b], Config(relation=relation)), b))
    assert sum(found) >= 0.9 * len(CHANGES), [
        c for c, ok in zip(CHANGES, found, strict=True) if not ok
    ]
