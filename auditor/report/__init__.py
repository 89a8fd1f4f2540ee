"""Renderings of a report: JSON (the contract), text, HTML and CI formats."""

from __future__ import annotations

from auditor.model import Finding, Severity

FORMAT_VERSION = 2


def summary(findings: tuple[Finding, ...]) -> dict[str, int]:
    """Count findings by severity, most severe first."""
    return {s.value: sum(1 for f in findings if f.severity is s) for s in reversed(Severity)}


def counted(findings: tuple[Finding, ...]) -> str:
    """Say how many findings of each severity there are: "2 errors, 1 warning, 0 infos"."""
    return ", ".join(count_of(n, s) for s, n in summary(findings).items())


def count_of(n: int, severity: str) -> str:
    """Return "1 error", "2 warnings", "0 infos"."""
    return f"{n} {severity}" if n == 1 else f"{n} {severity}s"
