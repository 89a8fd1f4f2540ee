"""The end of a reporting command: plan the outputs, apply the baseline, write, summarise, exit."""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from auditor.ci.progress import Stages
from auditor.collector import paused
from auditor.commands.settings import Settings
from auditor.commands.usage import fail, guarded
from auditor.model import fails
from auditor.report.escape import shown
from auditor.report.run import Run

if TYPE_CHECKING:
    from auditor.report.write import Target


def report_stem(files: list[Path]) -> str:
    """Return the default report name of compared files, unique for same-named files."""
    stems = [p.stem for p in files]
    if len(set(stems)) < len(stems):
        stems = [p.with_suffix("").as_posix().strip("./").replace("/", "_") for p in files]
    return "--".join(stems)


def plan(s: Settings, stem: str, inputs: list[Path | str | None]) -> list[tuple[Target, str]]:
    """Return where the run's outputs go and in what format, refusing any that is an input."""
    from auditor.report.formats import extension
    from auditor.report.write import plan_output

    if s.output is not None:
        wanted = [(s.output, s.fmt or "json")]
    else:
        names = [s.fmt] if s.fmt else ["json", "html"]
        wanted = [(str(Path("reports") / f"{stem}.{extension(n)}"), n) for n in names]
    sources = [str(p) for p in (*inputs, s.baseline, s.config.source) if p is not None]
    return [(guarded(partial(plan_output, path, sources)), fmt) for path, fmt in wanted]


def finish(
    run: Run, s: Settings, targets: list[tuple[Target, str]], stages: Stages | None = None
) -> NoReturn:
    """Apply the baseline, write the outputs, print the summary and exit with the contract.

    A file that could not be read gets a line on stderr and makes the exit code 2.
    """
    from auditor.ci.baseline import stale_total
    from auditor.report.formats import render_run
    from auditor.report.run import run_summary

    run = replace(_apply_baseline(run, s), seconds=time.monotonic() - s.started)
    stages = stages or Stages(None)
    stages("writing")
    with paused():
        outputs = [(target, render_run(fmt, run)) for target, fmt in targets]
    stages.clear()
    write_or_fail(outputs)
    written = [t.path for t, _ in targets if t.kind != "stdout"]
    for doc in run.unread():
        typer.echo(f"audit: error: {shown(f'{doc.path}: {doc.problem}')}", err=True)
    if s.verbose:
        _explain_run(run, s)
    if not s.quiet:
        on_stdout = any(t.kind == "stdout" for t, _ in targets)
        typer.echo(run_summary(run, written, brief=not written), nl=False, err=on_stdout)
    failing = any(fails(f.severity, run.fail_on) for _, f in run.findings())
    stale = s.strict_baseline and stale_total(run.reports) > 0
    if run.unread():
        raise typer.Exit(code=2)
    raise typer.Exit(code=1 if (failing or stale) and not s.exit_zero else 0)


def write_or_fail(outputs: list[tuple[Target, str]]) -> None:
    """Write all the outputs or none; a failure is a one-line error and exit 2."""
    from auditor.report.write import write_all

    try:
        write_all(outputs)
    except OSError as exc:
        path = exc.filename or ", ".join(t.path for t, _ in outputs)
        fail(f"{path}: cannot write report ({exc.strerror or exc})")


def _apply_baseline(run: Run, s: Settings) -> Run:
    """Drop the findings the baseline accepts and count its stale entries."""
    from auditor.ci.baseline import apply_baseline, load_baseline

    if s.baseline is None:
        return run
    base = guarded(partial(load_baseline, s.baseline))
    scope = "a" if run.command == "check" else None
    return replace(run, reports=tuple(apply_baseline(r, base, scope) for r in run.reports))


def _explain_run(run: Run, s: Settings) -> None:
    """Print the config file used and one line per file (for -v)."""
    typer.echo(f"config: {s.config.source or 'defaults'}", err=True)
    for r in run.reports:
        counts = ", ".join(f"{n} {key}" for key, n in r.baseline.items())
        extra = f" (baseline: {counts})" if r.baseline else ""
        typer.echo(f"{shown(r.documents[0].path)}: {len(r.findings)} findings{extra}", err=True)
