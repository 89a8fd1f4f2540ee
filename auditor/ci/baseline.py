"""Baselines: the findings a team has accepted, so later runs report only new ones."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor.ci.fingerprint import LegacyKeys, is_legacy
from auditor.ci.jsonlist import read_json_list
from auditor.model import Category, Finding, InputError, Report

BASELINE_FORMAT = 1

# (path relative to the baseline file, finding fingerprint) -> how many such findings
Key = tuple[str, str]


@dataclass(frozen=True)
class Baseline:
    """Accepted findings as a multiset of (path, fingerprint) keys."""

    entries: Mapping[Key, int]
    root: str


def relative_key(path: str, root: str) -> str:
    """Return `path` relative to `root` with forward slashes."""
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def baseline_document(reports: Iterable[Report], root: str, scope: str | None) -> dict[str, Any]:
    """Return the baseline file contents recording every finding of `reports`."""
    counts: Counter[Key] = Counter()
    first: dict[Key, Finding] = {}
    for report in reports:
        for f in _in_scope(report, scope):
            key = (relative_key(report.document(f.doc).path, root), f.fingerprint)
            counts[key] += 1
            first.setdefault(key, f)
    entries = [
        {
            "path": path,
            "rule": first[(path, fp)].rule,
            "fingerprint": fp,
            "count": counts[(path, fp)],
            "evidence": first[(path, fp)].evidence,
            "message": first[(path, fp)].message,
        }
        for path, fp in sorted(counts)
    ]
    return {"format": BASELINE_FORMAT, "tool": "audit", "entries": entries}


def render_baseline(document: Mapping[str, Any]) -> str:
    """Render baseline contents as stable, indented JSON."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; raise InputError naming the file when it is not one."""
    p = Path(path)
    entries = read_json_list(p, "a baseline file", "entries")
    if not all(_valid(e) for e in entries):
        raise InputError(
            f"{p}: not a baseline file (each of its 'entries' needs a path, fingerprint and count)"
        )
    counts: Counter[Key] = Counter()
    for e in entries:
        counts[(e["path"], e["fingerprint"])] += e["count"]
    return Baseline(entries=dict(counts), root=str(p.resolve().parent))


def _valid(entry: Any) -> bool:
    """Return True for an entry with a path, a fingerprint and a positive count."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("fingerprint"), str)
        and type(entry.get("count")) is int
        and entry["count"] > 0
    )


def _in_scope(report: Report, scope: str | None) -> list[Finding]:
    """Return the findings on document `scope`, or all findings when it is None."""
    return [f for f in report.findings if scope is None or f.doc == scope]


def apply_baseline(report: Report, baseline: Baseline, scope: str | None = None) -> Report:
    """Drop findings the baseline accepts; count matched and stale entries.

    Only entries for the files whose findings this report covers (document `scope`, or all
    documents when None) can match or be stale; entries for other files are left alone.
    """
    kept, accepted, budget = _match(report, baseline, scope)
    paths = [d.path for d in report.documents if scope is None or d.id == scope]
    covered = {relative_key(p, baseline.root) for p in paths}
    stale = sum(n for (path, _), n in budget.items() if path in covered)
    counts = {"matched": len(accepted), "stale": stale}
    return replace(report, findings=tuple(kept), baseline=counts)


def _match(
    report: Report, baseline: Baseline, scope: str | None
) -> tuple[list[Finding], list[Finding], Counter[Key]]:
    """Split the findings into those the baseline does not and does accept; return the rest.

    A finding matches an entry by its fingerprint, or by its first-form fingerprint for entries
    written before fingerprints kept only a little context; an unread file's never matches.
    """
    budget = Counter(baseline.entries)
    old = LegacyKeys({d.id: d for d in report.documents})
    legacy = any(is_legacy(fp) for _, fp in budget)
    kept: list[Finding] = []
    accepted: list[Finding] = []
    for f in report.findings:
        path = relative_key(report.document(f.doc).path, baseline.root)
        keys = [(path, f.fingerprint), *([(path, old.of(f))] if legacy else [])]
        key = next((k for k in keys if budget[k] > 0), None)
        if (scope is None or f.doc == scope) and key is not None and f.category != Category.INPUT:
            budget[key] -= 1
            accepted.append(f)
        else:
            kept.append(f)
    return kept, accepted, budget


def updated_baseline(
    reports: Iterable[Report], baseline: Baseline, root: str, scope: str | None
) -> dict[str, Any]:
    """Return the baseline rewritten with current fingerprints, keeping only entries found."""
    accepted = [replace(r, findings=tuple(_match(r, baseline, scope)[1])) for r in reports]
    return baseline_document(accepted, root, scope)


def stale_total(reports: Collection[Report]) -> int:
    """Return the number of stale baseline entries over a run."""
    return sum(r.baseline.get("stale", 0) for r in reports)
