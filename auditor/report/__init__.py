"""Renderings of a report: JSON (the contract), text, HTML and CI formats."""

from __future__ import annotations

from auditor.model import Finding, Severity

FORMAT_VERSION = 2


def summary(findings: tuple[Finding, ...]) -> dict[str, int]:
    """Count findings by severity, most severe first."""
    return {s.value: sum(1 for f in findings if f.severity is s) for s in reversed(Severity)}
