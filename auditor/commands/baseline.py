"""`audit baseline`: record the current findings so later runs report only new ones."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from auditor.commands.options import (
    AgainstOpt,
    ConfigOpt,
    ExtendSelectOpt,
    GlossaryOpt,
    IgnoreOpt,
    QuietOpt,
    SelectOpt,
    SuppressionsOpt,
)
from auditor.commands.usage import guarded


def baseline(
    files: Annotated[list[Path], typer.Argument(help="The articles whose findings to accept.")],
    against: AgainstOpt = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the baseline.")
    ] = Path("audit-baseline.json"),
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    glossary: GlossaryOpt = None,
    suppressions: SuppressionsOpt = None,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Rewrite the baseline at -o with current fingerprints, dropping stale entries "
            "and adding no new findings.",
        ),
    ] = False,
) -> None:
    """Record the current findings of `audit check` so later runs report only new ones."""
    from auditor.ci.baseline import (
        baseline_document,
        load_baseline,
        render_baseline,
        updated_baseline,
    )
    from auditor.commands.check import against_sources, check_reports, refuse_unread
    from auditor.commands.outputs import write_or_fail
    from auditor.commands.selection import rules_chosen
    from auditor.commands.settings import settings
    from auditor.report.write import plan_output

    s = settings(None, None, None, config)
    run_config = rules_chosen(s.config, False, None, (select, extend_select, ignore), glossary)
    sources = guarded(partial(against_sources, against))
    inputs = [*files, *sources, *run_config.glossary, s.config.source, suppressions]
    target = guarded(partial(plan_output, output, [str(p) for p in inputs if p]))
    reports = guarded(lambda: check_reports(files, sources, run_config, suppressions))
    refuse_unread(reports)
    root = str(output.resolve().parent)
    if update:
        old = guarded(partial(load_baseline, output))
        document = updated_baseline(reports, old, root, scope="a")
    else:
        document = baseline_document(reports, root, scope="a")
    write_or_fail([(target, render_baseline(document))])
    if not quiet:
        count = sum(e["count"] for e in document["entries"])
        typer.echo(f"recorded {count} findings ({len(document['entries'])} entries) in {output}")
