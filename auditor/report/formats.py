"""The output formats every reporting command offers, by name."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from auditor.model import Report
from auditor.report.run import Run, render_text

# format name -> (module under auditor.report, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "json": ("json", "json"),
    "html": ("html", "html"),
    "text": ("text", "txt"),
    "jsonl": ("jsonl", "jsonl"),
    "sarif": ("sarif", "sarif"),
    "junit": ("junit", "xml"),
    "github": ("github", "txt"),
}

# Renderings of a `check` run (one report per file) for formats whose module renders one report.
CHECK_RENDERERS: dict[str, Callable[[Run], str]] = {"text": render_text}


def renderer(name: str) -> Callable[[Report], str]:
    """Return the render function of format `name`."""
    module, _ = FORMATS[name]
    render: Callable[[Report], str] = import_module(f"auditor.report.{module}").render
    return render


def renders(name: str, command: str, files: int) -> bool:
    """Return True if format `name` can render a run of `command` over `files` files."""
    module = import_module(f"auditor.report.{FORMATS[name][0]}")
    return (
        hasattr(module, "render_run") or command != "check" or name in CHECK_RENDERERS or files == 1
    )


def render_run(name: str, run: Run) -> str:
    """Render a whole run in format `name`."""
    module = import_module(f"auditor.report.{FORMATS[name][0]}")
    if hasattr(module, "render_run"):
        text: str = module.render_run(run)
        return text
    if run.command == "check" and name in CHECK_RENDERERS:
        return CHECK_RENDERERS[name](run)
    (report,) = run.reports
    return renderer(name)(report)


def extension(name: str) -> str:
    """Return the file extension of format `name`."""
    return FORMATS[name][1]
