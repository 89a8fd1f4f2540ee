"""Suppressions: findings an editor dismissed, keyed by rule and normalised-sentence hash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditor.ci.jsonlist import read_json_list
from auditor.model import InputError


def load_suppressions(path: str | Path) -> frozenset[str]:
    """Read a suppressions file and return the fingerprints it dismisses."""
    entries = read_json_list(path, "a suppressions file", "suppressions")
    if not all(_valid(e) for e in entries):
        raise InputError(f"{path}: not a suppressions file (every entry needs a 'fingerprint')")
    return frozenset(e["fingerprint"] for e in entries)


def _valid(entry: Any) -> bool:
    """Return True for an entry with a string fingerprint."""
    return isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)
