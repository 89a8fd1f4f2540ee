"""The output formats every reporting command offers, by name."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from auditor.model import Report

# format name -> (module under auditor.report, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("json", "json"),
    "html": ("html", "html"),
    "text": ("text", "txt"),
}


def renderer(name: str) -> Callable[[Report], str]:
    """Return the render function of format `name`."""
    module, _ = FORMATS[name]
    render: Callable[[Report], str] = import_module(f"auditor.report.{module}").render
    return render


def extension(name: str) -> str:
    """Return the file extension of format `name`."""
    return FORMATS[name][1]
