"""The plain-text rendering: one line per finding."""

from __future__ import annotations

from auditor.model import Report
from auditor.report.escape import shown


def render(report: Report) -> str:
    """Render one line per finding: `path:line:col: CODE [severity] message`."""
    lines = []
    for f in report.findings:
        path = shown(report.document(f.doc).path)
        where = f"{path}:{f.line}:{f.column}"
        lines.append(f"{where}: {f.rule} [{f.severity.value}] {shown(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
