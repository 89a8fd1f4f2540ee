"""Settings of one run as a frozen Config (file loading lives in `load_config`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from auditor.model import Severity

FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration problem; the message names the key."""


@dataclass(frozen=True)
class Config:
    """Which rules run, at what severity, with what settings, and when a run fails."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"
    glossary: tuple[str, ...] = ()
    parallel: bool | None = None

    def digest(self) -> str:
        """Return a stable hash of the settings, for the report signature."""
        data = json.dumps(asdict(self), sort_keys=True, default=str)
        return "sha256:" + hashlib.sha256(data.encode()).hexdigest()[:16]


def fails(severity: Severity, fail_on: str) -> bool:
    """Return True if a finding of `severity` reaches the `fail_on` threshold."""
    if fail_on == "never":
        return False
    return severity.rank >= Severity(fail_on).rank
