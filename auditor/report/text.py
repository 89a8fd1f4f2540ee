"""The plain-text rendering: one line per finding."""

from __future__ import annotations

from auditor.model import Report


def render(report: Report) -> str:
    """Render one line per finding: `path:line:col: CODE message`."""
    lines = []
    for f in report.findings:
        path = report.document(f.doc).path
        lines.append(f"{path}:{f.line}:{f.column}: {f.rule} {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")
