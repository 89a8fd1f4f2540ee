"""GitHub Actions workflow commands that annotate the lines of each finding."""

from __future__ import annotations

from auditor.model import Report, Severity
from auditor.report.escape import shown
from auditor.report.run import Located, Run, located, workspace

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report) -> str:
    """Render one report as workflow commands."""
    return render_run(Run((report,)))


def render_run(run: Run) -> str:
    """Render one `::error file=...,line=...::message` command per finding (workspace paths)."""
    return "".join(command(loc) + "\n" for loc in located(run, workspace()))


def command(loc: Located) -> str:
    """Return the workflow command annotating one finding."""
    f, p = loc.finding, loc.place
    props = {
        "file": p.path,
        "line": p.start_line,
        "col": p.start_column,
        "endLine": p.end_line,
        "endColumn": p.end_column,
        "title": f"{f.rule} {f.name}",
    }
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    message = f.message if f.suggestion is None else f"{f.message} Suggestion: {f.suggestion}"
    return f"::{COMMANDS[f.severity]} {fields}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a command's message: %, line ends (%0A) and other controls (\\x1b)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown(escaped)


def escape_property(text: str) -> str:
    """Escape a command property: as a message, plus the separators : and ,."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
