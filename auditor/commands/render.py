"""`audit render`: render a stored JSON report in any format, without the original files."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from auditor.commands.options import FailOnOpt, FormatOpt, OutputOpt
from auditor.commands.usage import guarded, usage_error


def render(
    report: Annotated[Path, typer.Argument(help="A JSON report written by audit (format 1 or 2).")],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
) -> None:
    """Render a stored JSON report in any format, without the original files."""
    from auditor.ci.stored import load_run
    from auditor.commands.outputs import write_or_fail
    from auditor.commands.settings import checked_fail_on, checked_format, format_from_suffix
    from auditor.report.formats import render_run, renders
    from auditor.report.write import plan_output

    fmt = checked_format(fmt) or (format_from_suffix(output) if output not in (None, "-") else None)
    checked_fail_on(fail_on)
    fmt = fmt or "text"
    target = guarded(partial(plan_output, output or "-", [str(report)]))
    run = guarded(lambda: load_run(report, fail_on or "error"))
    if not renders(fmt, run.command, len(run.reports)):
        usage_error(f"format {fmt} renders one file; use json, jsonl, sarif, junit, github or text")
    write_or_fail([(target, render_run(fmt, run))])
