"""`audit check`: check each article on its own, or against the other sources of its event."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.commands.options import (
    AgainstOpt,
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
from auditor.commands.usage import fail, guarded, usage_error

if TYPE_CHECKING:
    from auditor.ci.progress import Stages
    from auditor.config import Config
    from auditor.model import Report


def check(
    files: Annotated[list[Path], typer.Argument(help="Incoming articles to check, one by one.")],
    against: AgainstOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    strict_baseline: StrictBaselineOpt = False,
    exit_zero: ExitZeroOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    glossary: GlossaryOpt = None,
    suppressions: SuppressionsOpt = None,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    preview: PreviewOpt = False,
    relation: RelationOpt = None,
) -> None:
    """Check each article on its own, or against the other sources of the same event."""
    from auditor.ci.progress import Stages, stages_for
    from auditor.commands.outputs import finish, plan
    from auditor.commands.selection import rules_chosen
    from auditor.commands.settings import settings
    from auditor.report.formats import renders
    from auditor.report.run import Run

    fmt = fmt or ("text" if output in (None, "-") else None)
    s = settings(
        fmt, output or "-", fail_on, config, baseline, strict_baseline, exit_zero, quiet, verbose
    )
    if s.fmt and not renders(s.fmt, "check", len(files)):
        usage_error(f"format {s.fmt} renders one file; use json, jsonl, sarif, junit, github, text")
    run_config = rules_chosen(
        s.config, preview, relation, (select, extend_select, ignore), glossary
    )
    sources = guarded(partial(against_sources, against))
    targets = plan(s, "check", [*files, *sources, *run_config.glossary, suppressions])
    stages = stages_for([*files, *sources], quiet=quiet) if len(files) == 1 else Stages(None)
    reports = guarded(lambda: check_reports(files, sources, run_config, suppressions, stages))
    if len(reports) == 1 and reports[0].documents[0].problem is not None:
        stages.clear()
        refuse_unread(reports)
    finish(Run(tuple(reports), s.config.fail_on, "check"), s, targets, stages)


def against_sources(against: list[Path] | None) -> tuple[str, ...]:
    """Return the source files named by --against (folders expanded)."""
    from auditor.ci.batch import expand_sources

    return expand_sources(against or [])


def check_reports(
    files: list[Path],
    sources: tuple[str, ...],
    config: Config,
    suppressions: Path | None = None,
    stages: Stages | None = None,
) -> list[Report]:
    """Check the files, each against the sources, over all cores (one file: its stages shown).

    A file that cannot be read gets the report of an unread document; `check` of several
    files reports it with the others, `check` of one file and `baseline` refuse it.
    """
    from auditor.ci.batch import check_files
    from auditor.ci.progress import Stages
    from auditor.ci.suppress import load_suppressions

    stages = stages or Stages(None)
    dismissed = load_suppressions(suppressions) if suppressions else frozenset()
    with stages:
        paths = [str(p) for p in files]
        return check_files(paths, sources, config, dismissed=dismissed, progress=stages)


def refuse_unread(reports: Sequence[Report]) -> None:
    """Fail with one line on the first file that could not be read, if any."""
    doc = next((d for r in reports for d in r.documents if d.problem is not None), None)
    if doc is not None:
        fail(f"{doc.path}: {doc.problem}")
