"""Command-line conveniences shared by the commands: rule selection and repeated options."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from auditor.config import Config
from auditor.usage import usage_error

MULTI_VALUE = ("--against",)  # options that take every following value up to the next option


def spread(args: Sequence[str]) -> list[str]:
    """Return args with `--against a b c` spelled as `--against a --against b --against c`."""
    out: list[str] = []
    taking: str | None = None  # the option whose values are being read
    for arg in args:
        if arg.startswith("-"):
            taking = None
        elif taking is not None and out[-1] != taking:
            out.append(taking)  # a further value: repeat the option before it
        out.append(arg)
        if arg.split("=", 1)[0] in MULTI_VALUE:
            taking = arg.split("=", 1)[0]
    return out


def prefixes(value: str | None, option: str) -> tuple[str, ...]:
    """Return the comma-separated rule code prefixes of an option; unknown ones exit 2."""
    from auditor.rules.registry import all_rules

    if value is None:
        return ()
    codes = tuple(p.strip().upper() for p in value.split(",") if p.strip())
    for p in codes:
        if p != "ALL" and not any(code.startswith(p) for code in all_rules()):
            usage_error(f"{option}: {p!r} matches no rule (see `audit rules`)")
    return codes


def selected(
    config: Config, select: str | None, extend_select: str | None, ignore: str | None
) -> Config:
    """Apply --select (replaces), --extend-select and --ignore (add) to the config."""
    chosen = prefixes(select, "--select") or config.select
    return replace(
        config,
        select=(*chosen, *prefixes(extend_select, "--extend-select")),
        ignore=(*config.ignore, *prefixes(ignore, "--ignore")),
    )
