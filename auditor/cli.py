"""The `audit` command line: the typer app, with the commands of `auditor.commands` on it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from auditor.collector import ending
from auditor.commands.baseline import baseline
from auditor.commands.check import check
from auditor.commands.coercion import PlainCommand
from auditor.commands.compare import compare
from auditor.commands.corpus import corpus
from auditor.commands.render import render
from auditor.commands.rules import explain, rules
from auditor.commands.usage import OneLineErrors

app = typer.Typer(
    cls=OneLineErrors,
    add_completion=False,
    no_args_is_help=True,
    help="Find probable machine-translation errors and inconsistencies between texts.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: formatting it with rich imports rich (3x `import typer`)
)
for command in (compare, check, baseline, render, corpus, rules, explain):
    app.command(cls=PlainCommand)(command)


def version(value: bool) -> None:
    """Print the version and exit (for --version)."""
    if value:
        from auditor import __version__
        from auditor.model import DISTRIBUTION

        typer.echo(f"audit {__version__} ({DISTRIBUTION})")
        raise typer.Exit()


@app.callback()
def main_options(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Find probable machine-translation errors and inconsistencies between texts."""


def main() -> None:
    """Run the command line."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        ending()
