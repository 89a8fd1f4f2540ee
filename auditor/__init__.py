"""audit: find probable machine-translation errors and inconsistencies between texts."""

from __future__ import annotations

from pathlib import Path

from auditor.config import Config
from auditor.model import Finding, Report, Severity

__version__ = "0.1.0"
DISTRIBUTION = "newsroom-audit"  # the name on the package index; the command is `audit`
__all__ = ["Config", "Finding", "Report", "Severity", "__version__", "audit", "compare"]


def compare(*paths: str | Path, config: Config | None = None) -> Report:
    """Read and compare texts that report the same event; return the report."""
    from auditor.engine import audit as run
    from auditor.read.decode import read_document

    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(paths)]
    return run(docs, config)


def audit(*paths: str | Path, config: Config | None = None) -> Report:
    """Read and audit one or more texts; alias of `compare` that accepts a single text."""
    return compare(*paths, config=config)
