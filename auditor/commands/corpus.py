"""`audit corpus`: group a feed's articles into events and audit each event (see corpus/)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from auditor.commands.options import (
    ConfigOpt,
    ExitZeroOpt,
    ExtendSelectOpt,
    FailOnOpt,
    GlossaryOpt,
    IgnoreOpt,
    PreviewOpt,
    QuietOpt,
    SelectOpt,
)
from auditor.commands.usage import fail, guarded


def corpus(
    paths: Annotated[
        list[str], typer.Argument(help="Folders of .txt/.md articles, JSON Lines feeds, or URLs.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Output folder (also holds the state).")
    ] = Path("audit-corpus"),
    since: Annotated[
        str | None, typer.Option(help="Leave out articles dated before YYYY-MM-DD.")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address, e.g. tcp://host:8786 (default: DASK_SCHEDULER_ADDRESS, "
            "else local worker processes)."
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Local worker processes (default: all cores).")
    ] = None,
    suppressions: Annotated[
        Path | None, typer.Option(help="Dismiss these findings now and in every later run.")
    ] = None,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    exit_zero: ExitZeroOpt = False,
    quiet: QuietOpt = False,
    glossary: GlossaryOpt = None,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
) -> None:
    """Group a feed's articles into events and audit each event across all its sources."""
    from auditor.commands.selection import rules_chosen
    from auditor.commands.settings import settings
    from auditor.corpus.cli import run_command

    s = settings(None, None, fail_on, config, exit_zero=exit_zero, quiet=quiet)
    if since is not None and not _iso_date(since):
        fail(f"--since must be a date written YYYY-MM-DD, not {since!r}")
    chosen = rules_chosen(s.config, preview, None, (select, extend_select, ignore), glossary)
    code = guarded(
        lambda: run_command(paths, output, chosen, since, scheduler, workers, suppressions, quiet)
    )
    raise typer.Exit(code=0 if code == 1 and exit_zero else code)


def _iso_date(text: str) -> bool:
    """Return True for a date written YYYY-MM-DD."""
    from auditor.corpus.feed import valid_date

    return len(text) == 10 and valid_date(text)
