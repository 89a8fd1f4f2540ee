"""Write a corpus run's outputs into a staging folder, then swap them into the output folder."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from auditor.corpus.events import Event, relation_rows
from auditor.corpus.feed import Bad
from auditor.corpus.pages import needs_page
from auditor.model import Report, fails
from auditor.report import summary
from auditor.report.formats import render_run
from auditor.report.json import finding_to_dict
from auditor.report.run import Run

EVENTS = "events.jsonl"
FINDINGS = "findings.jsonl"
SARIF = "audit.sarif"
JUNIT = "audit.junit.xml"
INDEX = "index.html"
REPORTS = "events"
OUTPUTS = (EVENTS, FINDINGS, SARIF, JUNIT, INDEX, REPORTS)


def open_staging(folder: Path) -> Path:
    """Return an empty staging folder inside `folder`, where the run writes before the swap."""
    staging = folder / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / REPORTS).mkdir(parents=True)
    return staging


def write_pages(staging: Path, pages: Iterable[tuple[str, str]]) -> None:
    """Write an event's pages (rendered by the worker that audited it) into staging."""
    for name, text in pages:
        _write(staging / REPORTS / name, text)


def keep_pages(folder: Path, staging: Path, event_id: str, report: Report | None) -> bool:
    """Link an unchanged event's pages from the last run into staging; False if one is missing."""
    if report is None:
        return True
    names = [f"{event_id}.json"] + ([f"{event_id}.html"] if needs_page(report) else [])
    return all(_keep(folder / REPORTS / name, staging / REPORTS / name) for name in names)


def write_outputs(
    folder: Path, staging: Path, events: Sequence[Event], bad: Sequence[Bad], fail_on: str
) -> list[str]:
    """Write the run-wide outputs next to the staged pages, then move them all in; return them."""
    from auditor.corpus.index import render_index

    reports = tuple(e.report for e in events if e.report is not None)
    _write(staging / EVENTS, "".join(_line(event_row(e)) for e in events))
    _write(staging / FINDINGS, findings_lines(events, bad))
    _write(staging / SARIF, _render_run("sarif", reports, fail_on))
    _write(staging / JUNIT, _render_run("junit", reports, fail_on))
    linked = {e.id for e in events if needs_page(e.report)}
    _write(staging / INDEX, render_index(events, bad, linked))
    swap(staging, folder)
    return [str(folder / name) for name in OUTPUTS]


def _keep(old: Path, new: Path) -> bool:
    """Link a file of the last run into staging (copy it without hard links); False if none."""
    try:
        os.link(old, new)
    except FileNotFoundError:
        return False
    except FileExistsError:
        return True
    except OSError:  # a file system without hard links
        shutil.copyfile(old, new)
    return True


def event_row(event: Event) -> dict[str, Any]:
    """Return the events.jsonl record of an event."""
    found = event.report.findings if event.report else ()
    return {
        "event": event.id,
        "articles": [
            {
                "id": e.article.key,
                "path": e.article.path,
                "source": e.article.source or None,
                "date": e.article.date,
                **({"title": e.article.title} if e.article.title else {}),
                **({"url": e.article.url} if e.article.url else {}),
            }
            for e in event.entries
        ],
        "sources": event.sources,
        "dates": event.dates,
        "independent": event.independent,
        "relations": relation_rows(event),
        "summary": summary(tuple(found)),
    }


def findings_lines(events: Sequence[Event], bad: Sequence[Bad]) -> str:
    """Return findings.jsonl: one finding per line with its event and article; input errors."""
    lines = [
        _line({"event": None, "article": b.key, "path": b.path, **input_error(b.message)})
        for b in bad
    ]
    for event in events:
        if event.report is None:
            continue
        keys = {d.id: e.article for d, e in zip(event.report.documents, event.entries, strict=True)}
        for f in event.report.findings:
            article = keys[f.doc]
            row = {"event": event.id, "article": article.key, "path": article.path}
            lines.append(_line({**row, "source": article.source or None, **finding_to_dict(f)}))
    return "".join(lines)


def input_error(message: str) -> dict[str, Any]:
    """Return the fields of an input-error line (an article that was skipped)."""
    return {"rule": None, "name": "input-error", "severity": "error", "message": message}


def failing(events: Sequence[Event], fail_on: str) -> bool:
    """Return True if any finding reaches `fail_on`."""
    return any(fails(f.severity, fail_on) for e in events if e.report for f in e.report.findings)


def _render_run(name: str, reports: tuple[Report, ...], fail_on: str) -> str:
    """Render every event's report as one SARIF log or JUnit suite."""
    return render_run(name, Run(reports, fail_on, "corpus"))


def swap(staging: Path, folder: Path) -> None:
    """Move the staged outputs over the old ones; the events folder is swapped whole."""
    old = folder / ".old-events"
    shutil.rmtree(old, ignore_errors=True)
    if (folder / REPORTS).exists():
        os.replace(folder / REPORTS, old)
    os.replace(staging / REPORTS, folder / REPORTS)
    for name in OUTPUTS:
        if name != REPORTS:
            os.replace(staging / name, folder / name)
    shutil.rmtree(old, ignore_errors=True)
    staging.rmdir()


def _write(path: Path, text: str) -> None:
    """Write a staged file."""
    path.write_text(text, encoding="utf-8", newline="\n")


def _line(record: dict[str, Any]) -> str:
    """Return one JSON Lines record."""
    return json.dumps(record, ensure_ascii=False) + "\n"
