"""Broken sentences: lower-case starts after a stop (B101) and verbless fragments (B102)."""

from __future__ import annotations

from pathlib import Path

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Finding
from auditor.read.decode import document_from_text, read_document


def findings(text: str, code: str) -> list[Finding]:
    """Audit one text with one rule."""
    return list(audit([document_from_text(text)], Config(select=(code,))).findings)


def test_lowercase_start_spans_the_stop_and_suggests_joining() -> None:
    text = "Rights to make their own agreements. and are therefore non-negotiable."
    [f] = findings(text, "B101")
    assert text[f.start : f.end] == f.evidence == "agreements. and"
    assert f.suggestion == "agreements and"


def test_lowercase_start_after_abbreviation_is_not_flagged() -> None:
    assert findings("He said disclosing a C.I.A. officer was a serious matter.", "B101") == []
    assert findings("They sold pens, paper etc. and other things.", "B101") == []


def test_lowercase_start_on_a_new_line_is_not_flagged() -> None:
    assert findings("First segment ends here.\nsecond segment starts low.", "B101") == []


def test_verbless_fragment_is_the_whole_sentence() -> None:
    text = (
        "They discussed a relaunch of the old accord, which has now lapsed. Treaty on "
        "conventional forces within reach. She also said more talks were planned."
    )
    [f] = findings(text, "B102")
    assert f.evidence == "Treaty on conventional forces within reach."
    assert f.severity.value == "warning" and f.suggestion is None


def test_fragment_needs_sentences_on_both_sides_in_the_same_paragraph() -> None:
    assert findings("He spoke. Treaty on conventional forces within reach.", "B102") == []
    text = "He spoke.\nTreaty on conventional forces within reach.\nShe left."
    assert findings(text, "B102") == []


def test_full_sentences_with_hidden_verbs_are_not_fragments() -> None:
    for middle in (
        "Andrew Smith and Kerry Jones plan to divorce.",
        "The ministers of both countries want more time.",
        "Their talks resumed on the border question.",
    ):
        assert findings(f"He spoke on Monday. {middle} She left at noon.", "B102") == []


def test_seed_fragments_are_found(seed_paths: list[Path]) -> None:
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(seed_paths)]
    report = audit(docs, Config(select=("B",)))
    found = {(f.doc, f.rule, f.evidence) for f in report.findings}
    assert ("a", "B101", "so. backtrack") in found
    assert ("a", "B101", "notice. run") in found
    assert ("b", "B101", "placement. missiles") in found
    assert ("b", "B102", "Treaty on nuclear forces within reach.") in found
    assert all(f.rule != "B102" or f.doc == "b" for f in report.findings)


def test_fragment_cut_at_an_initial_is_a_segmentation_artefact() -> None:
    text = "The stars arrived at the gala. Hynix chief executive E.J. Woo condemned it. She left."
    assert findings(text, "B102") == []
