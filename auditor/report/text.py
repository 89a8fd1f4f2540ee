"""Plain-text renderings: one line per finding, and the terminal summary."""

from __future__ import annotations

from auditor.model import Report
from auditor.report import summary, worst

PLURAL = {"error": "errors", "warning": "warnings", "info": "infos"}


def render(report: Report) -> str:
    """Render one line per finding: `path:line:col: CODE message`."""
    lines = []
    for f in report.findings:
        path = report.document(f.doc).path
        lines.append(f"{path}:{f.line}:{f.column}: {f.rule} {f.message}")
    return "\n".join(lines) + ("\n" if lines else "")


def terminal_summary(report: Report, written: list[str]) -> str:
    """Return a short summary: counts by severity, the worst findings, the paths written."""
    counts = summary(report.findings)
    head = ", ".join(f"{n} {PLURAL[sev] if n != 1 else sev}" for sev, n in counts.items())
    lines = [f"{len(report.findings)} findings: {head}"]
    for f in worst(report):
        path = report.document(f.doc).path
        lines.append(f"  {path}:{f.line}:{f.column}: {f.rule} {f.message} «{f.evidence}»")
    if report.suppressed:
        lines.append(f"  ({report.suppressed} suppressed)")
    lines.extend(f"wrote {p}" for p in written)
    return "\n".join(lines) + "\n"
