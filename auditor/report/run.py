"""A run of one command: its reports, the paths they cover, and renderings of the whole run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from auditor.model import Document, Finding, Report, Span
from auditor.report import counted
from auditor.report.escape import shown

SHOWN = 5  # worst findings the summary lists


@dataclass(frozen=True)
class Run:
    """The reports of one run; `check` has one per file and reports document "a" of each."""

    reports: tuple[Report, ...]
    fail_on: str = "error"
    command: str = "compare"
    seconds: float = 0.0

    def findings(self) -> Iterator[tuple[Report, Finding]]:
        """Yield every finding with its report, in input order."""
        for report in self.reports:
            for f in report.findings:
                yield report, f

    def unread(self) -> list[Document]:
        """Return the documents that could not be read (each says why in `problem`)."""
        return [d for r in self.reports for d in r.documents if d.problem is not None]

    def files(self) -> list[str]:
        """Return the paths this run reports on, in input order."""
        if self.command == "check":
            return [r.document("a").path for r in self.reports]
        return [d.path for r in self.reports for d in r.documents]


def display_path(path: str, root: str | None = None) -> str:
    """Return `path` relative to `root` (the working directory) when inside it, with `/`."""
    cwd = os.getcwd()
    return _relative(path, root or cwd, cwd)


@lru_cache(maxsize=65536)
def _relative(path: str, root: str, cwd: str) -> str:
    """Return `display_path` of a path from `cwd`, once per path, root and working directory (a
    run places every finding of a file by it)."""
    absolute = os.path.normpath(os.path.join(cwd, path))
    rel = os.path.relpath(absolute, root)
    return Path(absolute if rel.startswith("..") else rel).as_posix()


def workspace() -> str:
    """Return the folder CI paths are relative to: $GITHUB_WORKSPACE when set, else the cwd."""
    return os.environ.get("GITHUB_WORKSPACE") or os.getcwd()


def all_findings(run: Run) -> tuple[Finding, ...]:
    """Return the findings of every report of the run."""
    return tuple(f for _, f in run.findings())


def render_text(run: Run) -> str:
    """Render one line per finding over every report: `path:line:col: CODE message`."""
    from auditor.report.text import render

    return "".join(render(r) for r in run.reports)


def baseline_totals(run: Run) -> dict[str, int]:
    """Sum the baseline counts (matched, stale) over the reports."""
    totals: dict[str, int] = {}
    for r in run.reports:
        for key, n in r.baseline.items():
            totals[key] = totals.get(key, 0) + n
    return totals


def run_summary(run: Run, written: list[str], *, brief: bool = False) -> str:
    """Return the terminal summary: counts, worst findings, suppressed and baseline counts, paths.

    `brief` leaves out the worst findings (when the report itself went to the terminal).
    """
    found = all_findings(run)
    counts = counted(found)
    files = len(run.files())
    finding = "finding" if len(found) == 1 else "findings"
    lines = [f"{len(found)} {finding} in {files} file{'s' if files != 1 else ''}: {counts}"]
    ranked = [] if brief else sorted(run.findings(), key=lambda rf: -rf[1].severity.rank)
    lines.extend(
        shown(f"  {r.document(f.doc).path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}]")
        + shown(f" {f.message}")
        + f" «{shown(f.evidence)}»"
        for r, f in ranked[:SHOWN]
    )
    if len(ranked) > SHOWN:
        lines.append(f"  and {len(ranked) - SHOWN} more")
    suppressed = sum(r.suppressed for r in run.reports)
    if suppressed:
        lines.append(f"  ({suppressed} suppressed)")
    totals = baseline_totals(run)
    if totals:
        matched, stale = totals.get("matched", 0), totals.get("stale", 0)
        lines.append(f"  baseline: {matched} matched, {stale} stale (no longer found)")
    lines.extend(f"wrote {shown(p)}" for p in written)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Place:
    """A span of a file with 1-based start and end positions (the end is exclusive)."""

    path: str
    start: int
    end: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Located:
    """A finding with its place and the places of its related spans."""

    finding: Finding
    place: Place
    related: tuple[tuple[Place, str], ...]


def located(run: Run, root: str | None = None) -> Iterator[Located]:
    """Yield every finding of the run with its spans' places (paths relative to `root`)."""
    for report in run.reports:
        place = partial(_place, report, root=root)
        for f in report.findings:
            related = tuple((place(s.doc, s), s.text) for s in f.related)
            yield Located(f, place(f.doc, f), related)


def _place(report: Report, doc_id: str, span: Finding | Span, root: str | None) -> Place:
    """Return the place of a finding or related span in one of the report's documents."""
    path = display_path(report.document(doc_id).path, root)
    return Place(path, span.start, span.end, span.line, span.column, span.end_line, span.end_column)
