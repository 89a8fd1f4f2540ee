"""The `audit` command line: thin commands that parse, call the engine, write and exit."""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from auditor.config import FAIL_ON, Config, ConfigError
from auditor.model import InputError, Report, fails
from auditor.report.escape import shown
from auditor.report.run import Run
from auditor.usage import OneLineErrors, usage_error

if TYPE_CHECKING:
    from auditor.report.write import Target

T = TypeVar("T")

app = typer.Typer(
    cls=OneLineErrors,
    add_completion=False,
    no_args_is_help=True,
    help="Find probable machine-translation errors and inconsistencies between texts.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: formatting it with rich imports rich (3x `import typer`)
)

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


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with code 2."""
    typer.echo(f"audit: error: {shown(message)}", err=True)
    raise typer.Exit(code=2)


@dataclass(frozen=True)
class Settings:
    """The options every reporting command shares, validated, with the loaded config."""

    config: Config
    fmt: str | None
    output: str | None
    baseline: Path | None = None
    strict_baseline: bool = False
    exit_zero: bool = False
    quiet: bool = False
    verbose: bool = False
    started: float = field(default_factory=time.monotonic)


def settings(
    fmt: str | None,
    output: str | None,
    fail_on: str | None,
    config_path: Path | None,
    baseline: Path | None = None,
    strict_baseline: bool = False,
    exit_zero: bool = False,
    quiet: bool = False,
    verbose: bool = False,
) -> Settings:
    """Validate the shared options and load the config; usage or config errors exit 2."""
    from auditor.config import load_config
    from auditor.report.formats import FORMATS

    fmt = fmt.lower() if fmt is not None else None
    if fmt is not None and fmt not in FORMATS:
        usage_error(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        usage_error(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if output is not None and fmt is None:
        fmt = _format_from_suffix(output)
    config = guarded(lambda: load_config(config_path))
    if fail_on is not None:
        config = replace(config, fail_on=fail_on)
    return Settings(config, fmt, output, baseline, strict_baseline, exit_zero, quiet, verbose)


def rules_chosen(
    config: Config,
    preview: bool,
    relation: str | None,
    selection: tuple[str | None, str | None, str | None],
    glossary: list[Path] | None,
) -> Config:
    """Apply --preview, --relation, --select/--extend-select/--ignore and --glossary."""
    from auditor.cliargs import selected

    chosen = selected(rule_mode(config, preview, relation), *selection)
    return replace(chosen, glossary=chosen.glossary + tuple(str(p) for p in glossary or ()))


def report_stem(files: list[Path]) -> str:
    """Return the default report name of compared files, unique for same-named files."""
    stems = [p.stem for p in files]
    if len(set(stems)) < len(stems):
        stems = [p.with_suffix("").as_posix().strip("./").replace("/", "_") for p in files]
    return "--".join(stems)


def rule_mode(config: Config, preview: bool, relation: str | None) -> Config:
    """Apply --preview and --relation to the config; a bad relation exits 2."""
    from auditor.config import RELATIONS

    if relation is not None and relation not in RELATIONS:
        fail(f"--relation must be one of {', '.join(RELATIONS)}, not {relation!r}")
    return replace(config, preview=preview or config.preview, relation=relation or config.relation)


def guarded(action: Callable[[], T]) -> T:
    """Run `action`, turning input and config problems into a one-line error and exit 2."""
    try:
        return action()
    except (InputError, ConfigError) as exc:
        fail(str(exc))


@app.command()
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
    if len(files) < 2:
        usage_error("compare needs at least two files (use `audit check` for one)")
    s = settings(fmt, output, fail_on, config, baseline, strict_baseline, exit_zero, quiet, verbose)
    run_config = replace(
        rules_chosen(s.config, preview, relation, (select, extend_select, ignore), glossary),
        parallel=True if parallel else None,
    )
    inputs = [*files, suppressions, *run_config.glossary]
    targets = plan(s, report_stem(files), inputs)
    report = guarded(lambda: _compare(files, run_config, suppressions))
    finish(Run((report,), run_config.fail_on, "compare"), s, targets)


def _compare(files: list[Path], config: Config, suppressions: Path | None) -> Report:
    """Read the files and audit them together."""
    from auditor.ci.suppress import load_suppressions
    from auditor.engine import audit
    from auditor.read.decode import read_document

    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(files)]
    dismissed = load_suppressions(suppressions) if suppressions else frozenset()
    return audit(docs, config, suppressions=dismissed)


@app.command()
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
    from auditor.report.formats import renders

    fmt = fmt or ("text" if output in (None, "-") else None)
    s = settings(
        fmt, output or "-", fail_on, config, baseline, strict_baseline, exit_zero, quiet, verbose
    )
    if s.fmt and not renders(s.fmt, "check", len(files)):
        usage_error(f"format {s.fmt} renders one file; use json, jsonl, sarif, junit, github, text")
    run_config = rules_chosen(
        s.config, preview, relation, (select, extend_select, ignore), glossary
    )
    sources = guarded(partial(_sources, against))
    targets = plan(s, "check", [*files, *sources, *run_config.glossary, suppressions])
    reports = guarded(lambda: _check(files, sources, run_config, suppressions))
    finish(Run(tuple(reports), s.config.fail_on, "check"), s, targets)


def _sources(against: list[Path] | None) -> tuple[str, ...]:
    """Return the source files named by --against (folders expanded)."""
    from auditor.ci.batch import expand_sources

    return expand_sources(against or [])


def _check(
    files: list[Path], sources: tuple[str, ...], config: Config, suppressions: Path | None = None
) -> list[Report]:
    """Check the files, each against the sources, over all cores."""
    from auditor.ci.batch import check_files
    from auditor.ci.suppress import load_suppressions

    dismissed = load_suppressions(suppressions) if suppressions else frozenset()
    return check_files([str(p) for p in files], sources, config, dismissed=dismissed)


@app.command(name="baseline")
def baseline_command(
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
    from auditor.report.write import plan_output

    s = settings(None, None, None, config)
    run_config = rules_chosen(s.config, False, None, (select, extend_select, ignore), glossary)
    sources = guarded(partial(_sources, against))
    inputs = [*files, *sources, *run_config.glossary, s.config.source, suppressions]
    target = guarded(partial(plan_output, output, [str(p) for p in inputs if p]))
    reports = guarded(lambda: _check(files, sources, run_config, suppressions))
    root = str(output.resolve().parent)
    if update:
        old = guarded(partial(load_baseline, output))
        document = updated_baseline(reports, old, root, scope="a")
    else:
        document = baseline_document(reports, root, scope="a")
    _write_or_fail([(target, render_baseline(document))])
    if not quiet:
        count = sum(e["count"] for e in document["entries"])
        typer.echo(f"recorded {count} findings ({len(document['entries'])} entries) in {output}")


@app.command()
def render(
    report: Annotated[Path, typer.Argument(help="A JSON report written by audit (format 1 or 2).")],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
) -> None:
    """Render a stored JSON report in any format, without the original files."""
    from auditor.ci.stored import load_run
    from auditor.report.formats import FORMATS, render_run, renders
    from auditor.report.write import plan_output

    fmt = fmt or (_format_from_suffix(output) if output not in (None, "-") else "text")
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    target = guarded(partial(plan_output, output or "-", [str(report)]))
    run = guarded(lambda: load_run(report, fail_on or "error"))
    if not renders(fmt, run.command, len(run.reports)):
        fail(f"format {fmt} renders one file; use json, jsonl, sarif, junit, github or text")
    _write_or_fail([(target, render_run(fmt, run))])


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


def finish(run: Run, s: Settings, targets: list[tuple[Target, str]]) -> NoReturn:
    """Apply the baseline, write the outputs, print the summary and exit with the contract."""
    from auditor.ci.baseline import stale_total
    from auditor.report.formats import render_run

    run = replace(_apply_baseline(run, s), seconds=time.monotonic() - s.started)
    _write_or_fail([(target, render_run(fmt, run)) for target, fmt in targets])
    written = [t.path for t, _ in targets if t.path != "-"]
    if s.verbose:
        _explain_run(run, s)
    if not s.quiet:
        typer.echo(_summary(run, written), nl=False, err=s.output == "-")
    failing = any(fails(f.severity, run.fail_on) for _, f in run.findings())
    stale = s.strict_baseline and stale_total(run.reports) > 0
    raise typer.Exit(code=1 if (failing or stale) and not s.exit_zero else 0)


def _apply_baseline(run: Run, s: Settings) -> Run:
    """Drop the findings the baseline accepts and count its stale entries."""
    from auditor.ci.baseline import apply_baseline, load_baseline

    if s.baseline is None:
        return run
    base = guarded(partial(load_baseline, s.baseline))
    scope = "a" if run.command == "check" else None
    return replace(run, reports=tuple(apply_baseline(r, base, scope) for r in run.reports))


def _summary(run: Run, written: list[str]) -> str:
    """Return the terminal summary of a run."""
    from auditor.report.run import run_summary

    return run_summary(run, written, brief=not written)


def _explain_run(run: Run, s: Settings) -> None:
    """Print the config file used and one line per file (for -v)."""
    typer.echo(f"config: {s.config.source or 'defaults'}", err=True)
    for r in run.reports:
        counts = ", ".join(f"{n} {key}" for key, n in r.baseline.items())
        extra = f" (baseline: {counts})" if r.baseline else ""
        typer.echo(f"{shown(r.documents[0].path)}: {len(r.findings)} findings{extra}", err=True)


def _format_from_suffix(output: str) -> str | None:
    """Return the format the output file's extension names; an unknown extension exits 2.

    None for `-` and for a folder (which the writer refuses with its own message).
    """
    from auditor.report.formats import FORMATS, extension

    if output == "-" or Path(output).is_dir():
        return None
    suffix = Path(output).suffix.lstrip(".").lower()
    found = next((name for name in FORMATS if extension(name) == suffix), None)
    if found is None:
        known = ", ".join(dict.fromkeys(f".{extension(n)}" for n in FORMATS))
        usage_error(
            f"cannot tell the format of {output!r} from its extension ({known}); give --format"
        )
    return found


def _write_or_fail(outputs: list[tuple[Target, str]]) -> None:
    """Write all the outputs or none; a failure is a one-line error and exit 2."""
    from auditor.report.write import write_all

    try:
        write_all(outputs)
    except OSError as exc:
        path = exc.filename or ", ".join(t.path for t, _ in outputs)
        fail(f"{path}: cannot write report ({exc.strerror or exc})")


@app.command()
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
) -> None:
    """Group a feed's articles into events and audit each event across all its sources."""
    from auditor.corpus.cli import run_command

    s = settings(None, None, fail_on, config, exit_zero=exit_zero, quiet=quiet)
    if since is not None and not _iso_date(since):
        fail(f"--since must be a date written YYYY-MM-DD, not {since!r}")
    code = guarded(
        lambda: run_command(paths, output, s.config, since, scheduler, workers, suppressions, quiet)
    )
    raise typer.Exit(code=0 if code == 1 and exit_zero else code)


def _iso_date(text: str) -> bool:
    """Return True for a date written YYYY-MM-DD."""
    from auditor.corpus.feed import valid_date

    return len(text) == 10 and valid_date(text)


@app.command()
def rules() -> None:
    """List the registered rules."""
    from auditor.rules.registry import all_rules

    for r in all_rules().values():
        typer.echo(
            f"{r.code}  {r.name:<32} {r.category.value:<14} {r.severity.value:<8} "
            f"{r.level:<8} {r.summary}"
        )


@app.command()
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


def main() -> None:
    """Run the command line."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
