"""`audit rules` and `audit explain`: the registered rules and their documentation."""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer

from auditor.commands.usage import fail


def rules() -> None:
    """List the registered rules."""
    from auditor.rules.registry import all_rules

    for r in all_rules().values():
        typer.echo(
            f"{r.code}  {r.name:<32} {r.category.value:<14} {r.severity.value:<8} "
            f"{r.level:<8} {r.summary}"
        )


def explain(code: Annotated[str, typer.Argument(help="A rule code (P101) or name.")]) -> None:
    """Show a rule's documentation, settings and examples."""
    from auditor.rules.registry import find_rule

    r = find_rule(code)
    if r is None:
        fail(f"unknown rule {code!r} (see `audit rules`)")
    typer.echo(f"{r.code} {r.name} ({r.category.value}, {r.severity.value}, {r.level})")
    for heading, text in r.doc_sections.items():
        typer.echo(f"\n{heading}\n" + textwrap.indent(text, "  "))
    if r.options:
        typer.echo("\nOptions:")
        for name, default in r.options.items():
            typer.echo(f"  {name} = {default!r}")
    typer.echo("\nFires on: (« » mark the spans it flags)")
    for ex in r.fires:
        typer.echo(f"  {ex!r}")
    typer.echo("Stays quiet on:")
    for ex in r.quiet:
        typer.echo(f"  {ex!r}")
