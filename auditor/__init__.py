"""audit: find probable machine-translation errors and inconsistencies between texts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.config import Config
    from auditor.model import Finding, Report, Severity

__version__ = "0.1.0"
__all__ = [
    "Config",
    "Finding",
    "Report",
    "Severity",
    "__version__",
    "audit",
    "compare",
    "from_dict",
    "to_dict",
]


def __getattr__(name: str) -> Any:
    """Import the public data types on first use, so `import auditor.cli` stays light."""
    if name == "Config":
        from auditor.config import Config

        return Config
    if name in ("Finding", "Report", "Severity"):
        from auditor import model

        return getattr(model, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")


def compare(*paths: str | Path, config: Config | None = None) -> Report:
    """Read and compare texts that report the same event; return the report."""
    from auditor.engine import audit as run
    from auditor.read.decode import read_document

    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(paths)]
    return run(docs, config)


def audit(*paths: str | Path, config: Config | None = None) -> Report:
    """Read and audit one or more texts; alias of `compare` that accepts a single text."""
    return compare(*paths, config=config)


def to_dict(report: Report) -> dict[str, Any]:
    """Return the report as the JSON file holds it (a format-2 envelope)."""
    from auditor.report.json import run_to_dict
    from auditor.report.run import Run

    return run_to_dict(Run((report,)))


def from_dict(data: dict[str, Any]) -> Report:
    """Return the one report a JSON envelope holds (`audit compare`'s)."""
    from auditor.report.load import run_from_dict

    (report,) = run_from_dict(data).reports
    return report
