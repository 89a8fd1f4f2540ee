"""Calques (C101) from the knowledge file and the built-in glossary (G101)."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.knowledge.glossary import builtin_calques
from auditor.model import Finding, Severity
from auditor.read.decode import document_from_text


def findings(text: str, code: str = "C101") -> list[Finding]:
    """Audit one text with one rule."""
    return list(audit([document_from_text(text)], Config(select=(code,))).findings)


@pytest.mark.parametrize(
    ("text", "evidence", "suggestion"),
    [
        ("He has lived there since three years.", "since", "for"),
        ("Reporters made a photo of them.", "made", "took"),
        ("Talks in the frame of the accord.", "in the frame of", "within the framework of"),
        ("They discussed about the plan.", "discussed about", "discussed"),
        ("According to me, it failed.", "According to me", "In my opinion"),
        ("He assisted at the ceremony.", "assisted", "attended"),
        ("The actual president resigned.", "actual", "current"),
        ("She shared the informations.", "informations", "information"),
        ("It depends of the weather.", "depends of", "depends on"),
    ],
)
def test_calque_evidence_and_suggestion(text: str, evidence: str, suggestion: str) -> None:
    [f] = findings(text)
    assert f.evidence == evidence == text[f.start : f.end]
    assert f.suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "He has lived there for three years.",
        "Since two years ago he lives there.",
        "They made sport of his accent.",
        "The actual number is higher.",
        "Prices depend on supply.",
        "She gave a conference call on Monday.",
        "The eventual winner was announced.",
    ],
)
def test_idiomatic_english_is_quiet(text: str) -> None:
    assert findings(text) == []


def test_type_compound_is_info_without_suggestion() -> None:
    [f] = findings("They held “trade-type” bilateral talks on Monday.")
    assert f.evidence == "trade-type" and f.severity is Severity.INFO and f.suggestion is None


def test_every_builtin_calque_has_a_note_and_a_known_severity() -> None:
    entries = builtin_calques()
    assert len(entries) >= 30
    assert all(e.note and e.severity in Severity for e in entries)


def test_builtin_glossary_suggests_current_place_names() -> None:
    [f] = findings("Troops left Kharkov on Monday.", "G101")
    assert (f.evidence, f.suggestion, f.severity) == ("Kharkov", "Kharkiv", Severity.INFO)
