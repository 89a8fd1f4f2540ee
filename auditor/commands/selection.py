"""The rules a run applies, from --preview, --relation, --select/--extend-select/--ignore and
--glossary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from auditor.commands.usage import usage_error
from auditor.config import Config

Selection = tuple[str | None, str | None, str | None]  # --select, --extend-select, --ignore


def rules_chosen(
    config: Config,
    preview: bool,
    relation: str | None,
    selection: Selection,
    glossary: list[Path] | None,
) -> Config:
    """Apply --preview, --relation, --select/--extend-select/--ignore and --glossary."""
    chosen = selected(rule_mode(config, preview, relation), *selection)
    return replace(chosen, glossary=chosen.glossary + tuple(str(p) for p in glossary or ()))


def rule_mode(config: Config, preview: bool, relation: str | None) -> Config:
    """Apply --preview and --relation to the config; a bad relation is a usage error."""
    from auditor.config import RELATIONS

    if relation is not None and relation not in RELATIONS:
        usage_error(f"--relation must be one of {', '.join(RELATIONS)}, not {relation!r}")
    return replace(config, preview=preview or config.preview, relation=relation or config.relation)


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
