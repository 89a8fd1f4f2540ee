"""The `audit corpus` command's work: run, print the summary, return the exit code."""

from __future__ import annotations

from pathlib import Path

import typer

from auditor.config import Config
from auditor.corpus.outputs import failing
from auditor.corpus.progress import Progress
from auditor.corpus.run import Options, Outcome, run_corpus
from auditor.report import counted


def run_command(
    paths: list[str],
    output: Path,
    config: Config,
    since: str | None,
    scheduler: str | None,
    workers: int | None,
    suppressions: Path | None,
    quiet: bool,
) -> int:
    """Run the corpus mode; return 2 if articles were skipped, else 1 or 0 by --fail-on."""
    from auditor.ci.suppress import load_suppressions

    dismissed = load_suppressions(suppressions) if suppressions else frozenset()
    options = Options(tuple(paths), output, config, since, scheduler, workers, dismissed)
    outcome = run_corpus(options, None if quiet else Progress.for_terminal())
    if not quiet:
        typer.echo(summary_text(outcome))
    for b in outcome.bad:
        typer.echo(f"audit: error: {b.message}", err=True)
    if outcome.bad:
        return 2
    return 1 if failing(outcome.events, config.fail_on) else 0


def summary_text(outcome: Outcome) -> str:
    """Return the terminal summary of a corpus run."""
    found = tuple(f for e in outcome.events if e.report for f in e.report.findings)
    counts = counted(found)
    articles = sum(len(e.entries) for e in outcome.events)
    multi = sum(1 for e in outcome.events if len(e.entries) > 1)
    lines = [
        f"{articles} articles, {len(outcome.events)} events ({multi} with several articles), "
        f"{len(outcome.bad)} skipped",
        f"audited {outcome.audited} events, {outcome.reused} unchanged since the last run",
        f"{len(found)} finding{'' if len(found) == 1 else 's'}: {counts}",
        *(f"wrote {p}" for p in outcome.written),
    ]
    return "\n".join(lines)
