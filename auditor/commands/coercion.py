"""Plain coercion of str and Path values on the command line, without typer's pydantic adapters.

typer (0.29) coerces every value but a flag through a pydantic `TypeAdapter` built on first
use: importing pydantic and building the adapters costs about 0.15 s of CPU in every command
that takes a file, more than importing typer itself. `plain_values` gives the parameters
annotated `str`, `Path`, `list[str]` or `list[Path]` (no custom parser, no `path_type`) a
coercion that does what typer's adapters do for them: a string stays a string, a path goes
through typer's own `coerce_cli_path` (the same existence, kind and permission checks and
messages); a flag keeps its bool (typer builds an adapter even for an unset `--help`). Any
other annotation or value keeps typer's coercion. The command group and `PlainCommand` apply
it to their parameters, `--help` included, as click lists them. It reads typer's private
modules, so pyproject.toml keeps typer below the next minor release.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._click import Context, Parameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_path
from typer.core import TyperCommand, _TyperParameter

PLAIN = (str, Path, bool)


@dataclass(frozen=True)
class PlainParam(RuntimeParam):
    """Coerce a str, Path or bool value, or a list of them, as typer's adapters do."""

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        """Return the value as the annotation's type (a list of them for a list)."""
        annotation: Any = self.annotation
        if get_origin(annotation) is list:
            (kind,) = get_args(annotation)
            values = value if isinstance(value, list | tuple) else [value]
            return [self._one(v, kind, param, ctx) for v in values]
        return self._one(value, annotation, param, ctx)

    def _one(self, value: Any, kind: type, param: _TyperParameter, ctx: Context) -> Any:
        """Return one value as a bool, a str, or a Path checked by typer's path rules."""
        if kind is bool:
            if isinstance(value, bool):
                return value
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)
        if kind is str:
            return value if isinstance(value, str) else str(value)
        path = value if isinstance(value, Path) else Path(value)
        return coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)


def plain(descriptor: TypeDescriptor) -> bool:
    """Tell whether a parameter is a str, Path or bool (or a list of one) with no extras."""
    annotation: Any = descriptor.annotation
    info = descriptor.parameter_info
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation)
    plain_path = annotation is not Path or info.path_type is None
    return annotation in PLAIN and info.parser is None and plain_path and not descriptor.is_file


def plain_values(params: list[Parameter]) -> list[Parameter]:
    """Give the plain str, Path and bool parameters the coercion above; return them."""
    for param in params:
        if isinstance(param, _TyperParameter) and plain(param.type_descriptor):
            descriptor = param.type_descriptor
            param._runtime_param = PlainParam(descriptor.parameter_info, descriptor.annotation)
    return params


class PlainCommand(TyperCommand):
    """A typer command whose plain parameters skip typer's pydantic adapters."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        """Return the command's parameters, `--help` included, with plain coercion."""
        return plain_values(super().get_params(ctx))
