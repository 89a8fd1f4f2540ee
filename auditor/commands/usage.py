"""Parsing the command line: repeated option values, and errors as one line with exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

import typer
from typer._click import exceptions as errors
from typer._click.core import Context, Parameter
from typer.core import TyperGroup

from auditor.commands.coercion import plain_values

T = TypeVar("T")

MULTI_VALUE = ("--against",)  # options that take every following value up to the next option


class OneLineErrors(TyperGroup):
    """The command group: a usage error is one line naming the help to read, exit 2."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; print usage errors as one line and exit 2."""
        given = spread(sys.argv[1:] if args is None else args)
        try:
            code = super().main(given, prog_name, complete_var, standalone_mode=False, **extra)
        except errors.NoArgsIsHelpError as exc:
            exc.show()
            code = exc.exit_code
        except errors.UsageError as exc:
            typer.echo(usage_line(exc.format_message(), self._command(exc.ctx, args)), err=True)
            code = 2
        except errors.ClickException as exc:
            from auditor.report.escape import shown

            typer.echo(f"audit: error: {shown(exc.format_message())}", err=True)
            code = exc.exit_code
        except typer.Abort:
            code = 130
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def get_params(self, ctx: Context) -> list[Parameter]:
        """Return the group's parameters, `--help` included, with plain coercion."""
        return plain_values(super().get_params(ctx))

    def _command(self, ctx: Context | None, args: Sequence[str] | None) -> str | None:
        """Return the name of the command a usage error is about, if any."""
        if ctx is not None and ctx.parent is not None:
            return ctx.info_name
        given = list(sys.argv[1:] if args is None else args)
        return next((a for a in given if a in self.commands), None)


def spread(args: Sequence[str]) -> list[str]:
    """Return args with `--against a b c` spelled as `--against a --against b --against c`."""
    out: list[str] = []
    taking: str | None = None  # the option whose values are being read
    for arg in args:
        if arg.startswith("-"):
            taking = None
        elif taking is not None and out[-1] != taking:
            out.append(taking)  # a further value: repeat the option before it
        out.append(arg)
        if arg.split("=", 1)[0] in MULTI_VALUE:
            taking = arg.split("=", 1)[0]
    return out


def usage_line(message: str, command: str | None) -> str:
    """Return a usage error as one line with the hint `audit COMMAND --help`."""
    from auditor.report.escape import shown

    hint = " ".join(["audit", *([command] if command else []), "--help"])
    return f"audit: error: {shown(' '.join(message.split()))} (see `{hint}`)"


def usage_error(message: str) -> NoReturn:
    """Stop with a usage error (one line, the command's help named, exit 2)."""
    raise errors.UsageError(message)


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with code 2."""
    from auditor.report.escape import shown

    typer.echo(f"audit: error: {shown(message)}", err=True)
    raise typer.Exit(code=2)


def guarded(action: Callable[[], T]) -> T:
    """Run `action`, turning input and config problems into a one-line error and exit 2."""
    from auditor.config import ConfigError
    from auditor.model import InputError

    try:
        return action()
    except (InputError, ConfigError) as exc:
        fail(str(exc))
