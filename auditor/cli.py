"""The `audit` command line: thin commands that parse, call the engine, write and exit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from auditor.config import FAIL_ON, Config, ConfigError, fails
from auditor.text import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Find probable machine-translation errors and inconsistencies between texts.",
    pretty_exceptions_enable=False,
)

FormatOpt = Annotated[
    str | None, typer.Option("--format", "-f", help="Output format: json, html or text.")
]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file ('-' for stdout).")
]
FailOnOpt = Annotated[
    str, typer.Option("--fail-on", help="Exit 1 when a finding reaches: error, warning, info, never.")
]


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with code 2."""
    typer.echo(f"audit: error: {message}", err=True)
    raise typer.Exit(code=2)


@app.command()
def compare(
    files: Annotated[list[Path], typer.Argument(help="Two or more texts that report the same event.")],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = "error",
    suppressions: Annotated[
        Path | None, typer.Option(help="A suppressions file exported from an HTML report.")
    ] = None,
    parallel: Annotated[
        bool, typer.Option("--parallel", help="Treat the texts as line-by-line parallel.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Compare texts that report the same event and write the report."""
    from auditor.report.formats import FORMATS

    if len(files) < 2:
        fail("compare needs at least two files (use `audit check` for one)")
    if fmt is not None and fmt not in FORMATS:
        fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on not in FAIL_ON:
        fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if output is not None and fmt is None:
        fmt = _format_from_suffix(output)
    config = Config(fail_on=fail_on, parallel=True if parallel else None)
    report = _run(files, config, suppressions)
    try:
        written = _write(report, files, fmt, output)
    except OSError as exc:
        fail(f"{exc.filename or output}: cannot write report ({exc.strerror or exc})")
    if not quiet and output != "-":
        from auditor.report.text import terminal_summary

        typer.echo(terminal_summary(report, written), nl=False)
    if any(fails(f.severity, config.fail_on) for f in report.findings):
        raise typer.Exit(code=1)


def _run(files: list[Path], config: Config, suppressions: Path | None):  # type: ignore[no-untyped-def]
    """Read the files and audit them, turning input and config problems into exit 2."""
    from auditor.engine import audit
    from auditor.suppress import load_suppressions
    from auditor.text import read_document

    try:
        docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(files)]
        dismissed = load_suppressions(suppressions) if suppressions else frozenset()
        return audit(docs, config, suppressions=dismissed)
    except (InputError, ConfigError) as exc:
        fail(str(exc))


def _format_from_suffix(output: str) -> str:
    """Guess the format from the output file's extension (JSON when unknown)."""
    from auditor.report.formats import FORMATS, extension

    suffix = Path(output).suffix.lstrip(".").lower()
    return next((name for name in FORMATS if extension(name) == suffix), "json")


def _write(report, files: list[Path], fmt: str | None, output: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    """Write the report where asked; by default JSON and HTML under reports/."""
    from auditor.io import write_atomic
    from auditor.report.formats import extension, renderer

    if output is not None:
        write_atomic(output, renderer(fmt or "json")(report))
        return [] if output == "-" else [output]
    stem = "--".join(p.stem for p in files)
    written = []
    for name in [fmt] if fmt else ["json", "html"]:
        path = Path("reports") / f"{stem}.{extension(name)}"
        write_atomic(path, renderer(name)(report))
        written.append(str(path))
    return written


@app.command()
def rules() -> None:
    """List the registered rules."""
    from auditor.registry import all_rules

    for r in all_rules().values():
        typer.echo(f"{r.code}  {r.name:<32} {r.category.value:<14} {r.severity.value:<8} {r.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code (P101) or name.")]) -> None:
    """Show a rule's documentation, settings and examples."""
    from auditor.registry import find_rule

    r = find_rule(code)
    if r is None:
        fail(f"unknown rule {code!r} (see `audit rules`)")
    typer.echo(f"{r.code} {r.name} ({r.category.value}, {r.severity.value})\n")
    typer.echo(r.doc)
    if r.options:
        typer.echo("\nOptions:")
        for name, default in r.options.items():
            typer.echo(f"  {name} = {default!r}")
    typer.echo("\nFires on:")
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
