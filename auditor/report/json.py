"""The JSON report: the contract every other rendering derives from."""

from __future__ import annotations

import json
from typing import Any

from auditor.model import Alignment, Document, Finding, Relation, Report, Span
from auditor.report import FORMAT_VERSION, summary


def report_to_dict(report: Report) -> dict[str, Any]:
    """Return the report as plain data in the documented format."""
    return {
        "format": FORMAT_VERSION,
        "signature": dict(report.signature),
        "documents": [_document(d, report.readability.get(d.id, {})) for d in report.documents],
        "alignments": [_alignment(a) for a in report.alignments],
        "unaligned": {k: list(v) for k, v in report.unaligned.items()},
        "relations": [_relation(r) for r in report.relations],
        "findings": [finding_to_dict(f) for f in report.findings],
        "scores": {
            "chrF": report.scores.chrf,
            "BLEU": report.scores.bleu,
            "TER": report.scores.ter,
        },
        "summary": summary(report.findings),
        "suppressed": report.suppressed,
        **({"baseline": dict(report.baseline)} if report.baseline else {}),
    }


def render(report: Report) -> str:
    """Render the report as indented JSON text."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"


def _document(doc: Document, readability: dict[str, float] | Any) -> dict[str, Any]:
    """Return one document's entry."""
    return {
        "id": doc.id,
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "date": doc.date,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in doc.sentences],
        "readability": dict(readability),
    }


def _alignment(al: Alignment) -> dict[str, Any]:
    """Return one alignment's entry, with its word-level difference and scores."""
    out: dict[str, Any] = {
        "sentences": {k: list(v) for k, v in al.sentences.items()},
        "score": al.score,
        "kind": al.kind,
    }
    if al.chrf is not None:
        out["chrF"] = al.chrf
    if al.bleu is not None:
        out["BLEU"] = al.bleu
    if al.diff:
        out["diff"] = [
            {"op": op.tag, "a": [op.a_start, op.a_end], "b": [op.b_start, op.b_end]}
            for op in al.diff
        ]
    return out


def _relation(r: Relation) -> dict[str, Any]:
    """Return how one document relates to the first: versions or sources, and why."""
    return {
        "docs": [r.a, r.b],
        "relation": r.relation,
        "forced": r.forced,
        "evidence": dict(r.evidence),
    }


def span_to_dict(span: Span) -> dict[str, Any]:
    """Return a related span's entry."""
    return {"doc": span.doc, "start": span.start, "end": span.end, "text": span.text}


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """Return one finding's entry."""
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "doc": f.doc,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "evidence": f.evidence,
        "message": f.message,
        "suggestion": f.suggestion,
        "safe": f.safe,
        "related": [span_to_dict(s) for s in f.related],
        "confidence": f.confidence,
        "fingerprint": f.fingerprint,
    }
