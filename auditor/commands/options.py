"""The options the commands share, as annotated types."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="Output format: json, jsonl, sarif, junit, github, text or html."
    ),
]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file ('-' for stdout).")
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 when a finding reaches: error, warning, info, never (default: config, error).",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Settings file (default: audit.toml or pyproject.toml above)."),
]
BaselineOpt = Annotated[
    Path | None, typer.Option("--baseline", help="Report only findings not in this baseline.")
]
StrictBaselineOpt = Annotated[
    bool, typer.Option("--strict-baseline", help="Exit 1 when baseline entries no longer match.")
]
ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when findings reach --fail-on.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also print the config used and per-file counts.")
]
PreviewOpt = Annotated[
    bool, typer.Option("--preview", help="Also run preview rules (not yet proven stable).")
]
RelationOpt = Annotated[
    str | None,
    typer.Option(
        "--relation",
        help="How the texts relate: versions (of one text) or sources (independent); "
        "default: config, else detected.",
    ),
]
AgainstOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--against", help="Other sources for the same event (files or folders; several may follow)."
    ),
]
SelectOpt = Annotated[
    str | None,
    typer.Option("--select", help="Rule code prefixes to run, comma-separated (replaces config)."),
]
ExtendSelectOpt = Annotated[
    str | None,
    typer.Option("--extend-select", help="Rule code prefixes to run as well, comma-separated."),
]
IgnoreOpt = Annotated[
    str | None, typer.Option("--ignore", help="Rule code prefixes to skip, comma-separated.")
]
GlossaryOpt = Annotated[
    list[Path] | None,
    typer.Option("--glossary", help="Glossary file (CSV, TSV or TBX); repeatable."),
]
SuppressionsOpt = Annotated[
    Path | None,
    typer.Option("--suppressions", help="A suppressions file exported from an HTML report."),
]
