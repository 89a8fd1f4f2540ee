"""Punctuation: doubled stops, spacing, quotation marks, residue, doubled words, joins."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Finding
from auditor.read.decode import document_from_text, read_document


def findings(text: str, code: str) -> list[Finding]:
    """Audit one text with one rule (preview rules too)."""
    config = Config(select=(code,), preview=True)
    return list(audit([document_from_text(text)], config).findings)


def fix(text: str, f: Finding) -> str:
    """Apply a finding's suggestion to the text."""
    assert f.suggestion is not None
    return text[: f.start] + f.suggestion + text[f.end :]


@pytest.mark.parametrize(
    ("code", "text", "fixed"),
    [
        ("P101", "They met in Vienna. .", "They met in Vienna."),
        ("P101", "He left.. Then she spoke.", "He left. Then she spoke."),
        ("P102", "He said , then left.", "He said, then left."),
        ("P103", "“We will find solutions, “Lee said.", "“We will find solutions,” Lee said."),
        ("P103", "“We will find solutions,“ Lee said.", "“We will find solutions,” Lee said."),
        (
            "P103",
            "Critics loved his movie “Ted“ and its sequel.",
            "Critics loved his movie “Ted” and its sequel.",
        ),
        ("P104", "“Not without NATO. ” She left.", "“Not without NATO.” She left."),
        ("P104", "He said “ we stay” and left.", "He said “we stay” and left."),
        ("P106", "They agreed to to meet.", "They agreed to meet."),
        ("P107", "The talks ended.Both left.", "The talks ended. Both left."),
    ],
)
def test_suggestion_repairs_the_text(code: str, text: str, fixed: str) -> None:
    [f] = findings(text, code)
    assert text[f.start : f.end] == f.evidence
    assert fix(text, f) == fixed


def test_spaced_ellipsis_is_neither_doubled_nor_spaced() -> None:
    text = "AFI's 100 Years . . . 100 Heroes was shown."
    assert findings(text, "P101") == [] and findings(text, "P102") == []


def test_misplaced_quote_needs_an_attribution_after_it() -> None:
    assert findings('He said: "It is over. "I love this city," he added.', "P103") == []
    assert len(findings("“It is over, “she said.", "P103")) == 1


@pytest.mark.parametrize("verb", ["replied", "warned", "asked", "said"])
def test_misplaced_quote_knows_every_speech_verb(verb: str) -> None:
    text = f"“We will find solutions, “Lee {verb} on Monday."
    [f] = findings(text, "P103")
    assert (f.evidence, f.suggestion) == (", “", ",” ")
    assert findings(text, "P108") == []


def test_unclosed_quotation_points_at_the_opening_mark() -> None:
    text = "“We will stay, she said.\n\nThe talks ended."
    [f] = findings(text, "P108")
    assert (f.start, f.evidence) == (0, "“")


def test_quotation_that_closes_on_a_later_line_is_not_unclosed() -> None:
    text = '"We will stay.\nWe will not give up," she said.'
    assert findings(text, "P108") == []


def test_stray_closing_quote_is_flagged() -> None:
    [f] = findings("The talks ended.” Both sides left.", "P108")
    assert f.evidence == "”" and "no quotation open" in f.message


def test_residue_covers_markup_entities_and_mojibake() -> None:
    text = "It was &quot;over&quot; on <i>Monday</i>; donâ€™t ___"
    evidence = [f.evidence for f in findings(text, "P105")]
    assert evidence == ["&quot;", "&quot;", "<i>", "</i>", "â€™", "___"]


def test_doubled_capitalised_names_and_numbers_are_allowed() -> None:
    assert findings("Fang Fang won 6 6 games in Walla Walla.", "P106") == []


def test_seed_punctuation_findings(seed_paths: list[Path]) -> None:
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(seed_paths)]
    report = audit(docs, Config(select=("P",)))
    found = {(f.doc, f.rule, f.evidence) for f in report.findings}
    assert found == {
        ("a", "P101", ". ."),
        ("a", "P105", "___"),
        ("b", "P102", " ."),
        ("b", "P103", ", “"),
        ("b", "P104", ". ”"),
    }
