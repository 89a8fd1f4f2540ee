"""The HTML report: plain data prepared here, rendered by a logic-free Jinja2 template."""

from __future__ import annotations

from typing import Any

from auditor.model import Report
from auditor.report import summary


def prepare(report: Report) -> dict[str, Any]:
    """Return the rows and cells the template loops over."""
    docs = report.documents
    rows = []
    for al in report.alignments:
        rows.append(
            {
                "score": f"{al.score:.2f}",
                "cells": [
                    " ".join(d.sentence_text(i) for i in al.sentences.get(d.id, ())) for d in docs
                ],
            }
        )
    findings = [
        {
            "rule": f.rule,
            "name": f.name,
            "severity": f.severity.value,
            "where": f"{report.document(f.doc).path}:{f.line}:{f.column}",
            "evidence": f.evidence,
            "message": f.message,
            "suggestion": f.suggestion or "",
        }
        for f in report.findings
    ]
    return {
        "title": " vs ".join(d.path for d in docs),
        "documents": [{"id": d.id, "path": d.path, "date": d.date or ""} for d in docs],
        "summary": summary(report.findings),
        "findings": findings,
        "rows": rows,
    }


def render(report: Report) -> str:
    """Render the report as one self-contained HTML page."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("auditor", "report/templates"),
        autoescape=True,
        undefined=StrictUndefined,
    )
    return env.get_template("report.html.j2").render(**prepare(report))
