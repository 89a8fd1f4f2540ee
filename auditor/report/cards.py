"""Findings as the report shows them: one card beside the text and one row in the table."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.model import Finding, Report, Span


@dataclass(frozen=True)
class RelatedView:
    """A span of another source that supports a finding."""

    label: str
    text: str
    href: str
    line: int


@dataclass(frozen=True)
class FindingView:
    """Everything the card and the table row of one finding show."""

    id: str
    number: int
    rule: str
    name: str
    category: str
    severity: str
    severity_label: str
    rank: int
    label: str
    path: str
    line: int
    column: int
    evidence: str
    message: str
    fix: str
    delete: bool
    related: tuple[RelatedView, ...]
    fingerprint: str
    confidence: str


def doc_label(doc_id: str) -> str:
    """Return the short label of a document ("a" -> "A")."""
    return doc_id.upper()


def sentence_anchor(doc_id: str, index: int) -> str:
    """Return the element id of a sentence in the aligned text."""
    return f"s-{doc_id}-{index}"


def finding_ids(report: Report) -> list[tuple[str, Finding]]:
    """Number the findings in report order: F1, F2, ..."""
    return [(f"F{n}", f) for n, f in enumerate(report.findings, 1)]


def finding_views(report: Report) -> list[FindingView]:
    """Return the view of every finding, in report order."""
    return [_view(report, fid, n, f) for n, (fid, f) in enumerate(finding_ids(report), 1)]


def _view(report: Report, fid: str, number: int, f: Finding) -> FindingView:
    """Return the view of one finding."""
    return FindingView(
        id=fid,
        number=number,
        rule=f.rule,
        name=f.name,
        category=f.category,
        severity=f.severity.value,
        severity_label=f.severity.value,
        rank=f.severity.rank,
        label=doc_label(f.doc),
        path=report.document(f.doc).path,
        line=f.line,
        column=f.column,
        evidence=f.evidence,
        message=f.message,
        fix=f.suggestion or "",
        delete=f.suggestion == "",
        related=tuple(_related(report, s) for s in f.related),
        fingerprint=f.fingerprint,
        confidence=f"{f.confidence:.0%}",
    )


def _related(report: Report, span: Span) -> RelatedView:
    """Return a supporting span with its text and a link to its sentence."""
    doc = report.document(span.doc)
    sentence = doc.sentence_at(span.start)
    href = f"#{sentence_anchor(doc.id, sentence.index)}" if sentence else ""
    text = span.text or doc.text[span.start : span.end]
    return RelatedView(doc_label(doc.id), text, href, span.line)
