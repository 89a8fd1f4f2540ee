"""An audited event's pages, rendered where it was audited, and the slim report the run keeps.

A worker renders an event's JSON report (and its HTML page when it has a finding at warning or
above) and sends back the pages with a slim report: findings and document paths, without texts,
alignments or rule documentation. The driver writes the pages and keeps only slim reports, so
its memory does not grow with the text of the feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache

from auditor.model import Report, RuleDoc, Severity
from auditor.report.formats import render_run
from auditor.report.run import Run


def render_pages(event_id: str, report: Report, fail_on: str) -> tuple[tuple[str, str], ...]:
    """Return the event's pages as (file name, text): its JSON report, and HTML if it needs one."""
    run = Run((report,), fail_on, "corpus")
    pages = [(f"{event_id}.json", render_run("json", documented(run)))]
    if needs_page(report):
        pages.append((f"{event_id}.html", render_run("html", run)))
    return tuple(pages)


def documented(run: Run) -> Run:
    """Keep in an event's stored report the documentation of the rules it found something with
    (the whole set is in the SARIF log; repeating it for every event would dwarf the reports)."""
    (report,) = run.reports
    fired = {f.rule for f in report.findings}
    rules = {code: doc for code, doc in report.rules.items() if code in fired}
    return replace(run, reports=(replace(report, rules=rules),))


def needs_page(report: Report | None) -> bool:
    """Return True if the report has a finding at warning or above (it gets its own page)."""
    worst = worst_severity(report)
    return worst is not None and worst.rank >= Severity.WARNING.rank


def worst_severity(report: Report | None) -> Severity | None:
    """Return the most severe finding's severity, if any."""
    found = report.findings if report else ()
    return max((f.severity for f in found), key=lambda s: s.rank, default=None)


def dismiss(report: Report, dismissed: frozenset[str]) -> Report:
    """Leave out the findings an editor dismissed, counting them as suppressed."""
    kept = tuple(f for f in report.findings if f.fingerprint not in dismissed)
    gone = len(report.findings) - len(kept)
    if not gone:
        return report
    return replace(report, findings=kept, suppressed=report.suppressed + gone)


def slim(report: Report) -> Report:
    """Return the report without texts, alignments and rule documentation (see `with_rules`)."""
    return replace(
        report,
        documents=tuple(replace(d, text="", sentences=(), prose=None) for d in report.documents),
        readability={},
        alignments=(),
        unaligned={},
        rules={},
        pair_diffs=(),
        event_links=(),
    )


def with_rules(report: Report, codes: Iterable[str]) -> Report:
    """Give a slim report back the documentation of the rules it applied (shared, not copied)."""
    return replace(report, rules=rule_docs(tuple(codes)))


@cache
def rule_docs(codes: tuple[str, ...]) -> Mapping[str, RuleDoc]:
    """Return the documentation of these rules; one mapping per set of rules, shared by events."""
    from auditor.engine import rule_doc
    from auditor.rules.registry import all_rules

    rules = all_rules()
    return {code: rule_doc(rules[code]) for code in codes}
