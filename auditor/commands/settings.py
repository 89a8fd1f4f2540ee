"""The options every reporting command shares, validated, with the loaded config."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.commands.usage import guarded, usage_error
from auditor.config import FAIL_ON, Config


@dataclass(frozen=True)
class Settings:
    """The options every reporting command shares, validated, with the loaded config."""

    config: Config
    fmt: str | None
    output: str | None
    baseline: Path | None = None
    strict_baseline: bool = False
    exit_zero: bool = False
    quiet: bool = False
    verbose: bool = False
    started: float = field(default_factory=time.monotonic)


def settings(
    fmt: str | None,
    output: str | None,
    fail_on: str | None,
    config_path: Path | None,
    baseline: Path | None = None,
    strict_baseline: bool = False,
    exit_zero: bool = False,
    quiet: bool = False,
    verbose: bool = False,
) -> Settings:
    """Validate the shared options and load the config; usage or config errors exit 2."""
    from auditor.config import load_config

    fmt = checked_format(fmt)
    checked_fail_on(fail_on)
    if output is not None and fmt is None:
        fmt = format_from_suffix(output)
    config = guarded(lambda: load_config(config_path))
    if fail_on is not None:
        config = replace(config, fail_on=fail_on)
    return Settings(config, fmt, output, baseline, strict_baseline, exit_zero, quiet, verbose)


def checked_format(fmt: str | None) -> str | None:
    """Return the format named (any case) in lower case; an unknown one is a usage error."""
    from auditor.report.formats import FORMATS

    fmt = fmt.lower() if fmt is not None else None
    if fmt is not None and fmt not in FORMATS:
        usage_error(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return fmt


def checked_fail_on(fail_on: str | None) -> None:
    """Refuse a --fail-on level that does not exist (a usage error)."""
    if fail_on is not None and fail_on not in FAIL_ON:
        usage_error(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")


def format_from_suffix(output: str) -> str | None:
    """Return the format the output file's extension names; an unknown extension exits 2.

    None for `-` and for a folder (which the writer refuses with its own message).
    """
    from auditor.report.formats import FORMATS, extension

    if output == "-" or Path(output).is_dir():
        return None
    suffix = Path(output).suffix.lstrip(".").lower()
    found = next((name for name in FORMATS if extension(name) == suffix), None)
    if found is None:
        known = ", ".join(dict.fromkeys(f".{extension(n)}" for n in FORMATS))
        usage_error(
            f"cannot tell the format of {output!r} from its extension ({known}); give --format"
        )
    return found
