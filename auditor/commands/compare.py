"""`audit compare`: audit texts that report the same event together and write the report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.commands.options import (
    BaselineOpt,
    ConfigOpt,
    ExitZeroOpt,
    ExtendSelectOpt,
    FailOnOpt,
    FormatOpt,
    GlossaryOpt,
    IgnoreOpt,
    OutputOpt,
    PreviewOpt,
    QuietOpt,
    RelationOpt,
    SelectOpt,
    StrictBaselineOpt,
    SuppressionsOpt,
    VerboseOpt,
)
from auditor.commands.usage import guarded, usage_error

if TYPE_CHECKING:
    from auditor.ci.progress import Stages
    from auditor.config import Config
    from auditor.model import Report


def compare(
    files: Annotated[
        list[Path], typer.Argument(help="Two or more texts that report the same event.")
    ],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    strict_baseline: StrictBaselineOpt = False,
    exit_zero: ExitZeroOpt = False,
    suppressions: SuppressionsOpt = None,
    parallel: Annotated[
        bool, typer.Option("--parallel", help="Treat the texts as line-by-line parallel.")
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    glossary: GlossaryOpt = None,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
    relation: RelationOpt = None,
) -> None:
    """Compare texts that report the same event and write the report."""
    from auditor.ci.progress import stages_for
    from auditor.commands.outputs import finish, plan, report_stem
    from auditor.commands.selection import rules_chosen
    from auditor.commands.settings import settings
    from auditor.report.run import Run

    if len(files) < 2:
        usage_error("compare needs at least two files (use `audit check` for one)")
    s = settings(fmt, output, fail_on, config, baseline, strict_baseline, exit_zero, quiet, verbose)
    run_config = replace(
        rules_chosen(s.config, preview, relation, (select, extend_select, ignore), glossary),
        parallel=True if parallel else None,
    )
    inputs = [*files, suppressions, *run_config.glossary]
    targets = plan(s, report_stem(files), inputs)
    stages = stages_for(files, quiet=quiet)
    report = guarded(lambda: _compare(files, run_config, suppressions, stages))
    finish(Run((report,), run_config.fail_on, "compare"), s, targets, stages)


def _compare(
    files: list[Path], config: Config, suppressions: Path | None, stages: Stages
) -> Report:
    """Read the files and audit them together (the stage line is cleared if that fails)."""
    from auditor.ci.suppress import load_suppressions
    from auditor.engine import audit
    from auditor.read.decode import read_document

    with stages:
        stages("reading")
        docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(files)]
        dismissed = load_suppressions(suppressions) if suppressions else frozenset()
        return audit(docs, config, suppressions=dismissed, progress=stages)
