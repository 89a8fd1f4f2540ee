"""Everything the HTML template shows, prepared as plain data (the template only loops)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from auditor.model import Category, Finding, Relation, Report, RuleDoc, Scores
from auditor.report import count_of, counted
from auditor.report.cards import FindingView, doc_label, finding_views
from auditor.report.chart import chart, difficulty, metric_rows
from auditor.report.rows import build_rows, diff_views
from auditor.report.segments import DIFF_TITLE

SEVERITIES = ("error", "warning", "info")
SCORE_HINTS = {
    "chrF": "character n-gram overlap, 0–100, higher is closer",
    "BLEU": "word n-gram overlap, 0–100, higher is closer",
    "TER": "edits per reference word, %, lower is closer",
}


@dataclass(frozen=True)
class DocView:
    """One document in the scorecard."""

    label: str
    path: str
    name: str
    date: str
    words: int
    sentences: int
    counts: str


@dataclass(frozen=True)
class Verdict:
    """The verdict at a glance."""

    cls: str
    headline: str
    counts: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class CategoryRow:
    """Findings of one category by severity."""

    name: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class ScoreView:
    """One similarity score of the pair."""

    name: str
    value: str
    hint: str


@dataclass(frozen=True)
class RelationView:
    """How one document relates to the first, and the evidence in words."""

    label: str
    relation: str
    hint: str


@dataclass(frozen=True)
class RuleView:
    """A rule's explanation, from the documentation the report carries."""

    code: str
    name: str
    category: str
    severity: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # heading and paragraphs
    examples: tuple[str, ...]
    count: int


def prepare(report: Report) -> dict[str, Any]:
    """Return the data the template shows."""
    views = finding_views(report)
    graded = difficulty(report)
    ids = [d.id for d in report.documents]
    return {
        "title": " vs ".join(PurePath(d.path).name for d in report.documents),
        "documents": [_document(report, d.id) for d in report.documents],
        "verdict": verdict(report.findings),
        "severities": list(SEVERITIES),
        "categories": category_rows(report.findings),
        "scores": score_views(report.scores) if len(ids) > 1 else [],
        "relations": [relation_view(r) for r in report.relations],
        "metrics": metric_rows(report.readability, ids),
        "brief_metrics": metric_rows(report.readability, ids)[:2],
        "charts": [chart(d, graded.grades[d.id], graded.hard[d.id]) for d in report.documents],
        "rows": build_rows(report, views, graded),
        "findings": views,
        "filters": _filters(views),
        "rules": rule_views(report),
        "signature": sorted(report.signature.items()),
        "has_diff": any(al.diff for al in report.alignments),
        "against": _against(report),
        "diff_titles": sorted(DIFF_TITLE.items()),
        "columns": len(ids),
        "suppressed": report.suppressed,
    }


def _against(report: Report) -> list[tuple[str, str]]:
    """Return the documents the differences can be shown against (none: only the first)."""
    views = diff_views(report)
    if len(views) < 2:
        return []
    return [(v, f"{doc_label(v)} {PurePath(report.document(v).path).name}") for v in views]


def _document(report: Report, doc_id: str) -> DocView:
    """Return one document's scorecard entry."""
    doc = report.document(doc_id)
    counts = counted(tuple(f for f in report.findings if f.doc == doc_id))
    return DocView(
        label=doc_label(doc.id),
        path=doc.path,
        name=PurePath(doc.path).name,
        date=doc.date or "no date",
        words=doc.words or 0,
        sentences=len(doc.sentences),
        counts=counts,
    )


def verdict(findings: Sequence[Finding]) -> Verdict:
    """Say at a glance whether the text can run: errors to fix, warnings to check, or clean."""
    n = {s: sum(1 for f in findings if f.severity.value == s) for s in SEVERITIES}
    counts = tuple((s, s + ("" if n[s] == 1 else "s"), n[s]) for s in SEVERITIES)
    if n["error"]:
        return Verdict("fail", f"{count_of(n['error'], 'error')} to fix before publishing", counts)
    if n["warning"]:
        return Verdict("check", f"No errors; {count_of(n['warning'], 'warning')} to check", counts)
    return Verdict("pass", "No errors or warnings", counts)


def category_rows(findings: Sequence[Finding]) -> list[CategoryRow]:
    """Count findings by category and severity (input errors only when a file was not read)."""
    rows = []
    for cat in Category:
        mine = [f for f in findings if f.category == cat.value]
        if cat is Category.INPUT and not mine:
            continue
        counts = tuple(sum(1 for f in mine if f.severity.value == s) for s in SEVERITIES)
        rows.append(CategoryRow(cat.value, counts, len(mine)))
    return rows


def score_views(scores: Scores) -> list[ScoreView]:
    """Return the pair's chrF, BLEU and TER with how to read them."""
    values = {"chrF": scores.chrf, "BLEU": scores.bleu, "TER": scores.ter}
    return [
        ScoreView(
            name,
            "–" if v is None else f"{v:.1f}",
            SCORE_HINTS[name],
        )
        for name, v in values.items()
    ]


def relation_view(r: Relation) -> RelationView:
    """Describe a relation: what it means, its evidence, and whether the user set it."""
    e = r.evidence
    meaning = "versions of one text" if r.relation == "versions" else "independent sources"
    how = "set by the user" if r.forced else "detected"
    hint = (  # `coverage` and `order` count the links of sentences saying the same thing
        f"{how}: {e['coverage']:.0%} of sentences restate one of the other's, "
        f"{e['order']:.0%} of those in order, length ratio {e['length_ratio']:.2f}"
    )
    label = f"{doc_label(r.b)} and {doc_label(r.a)}"
    return RelationView(label, meaning, hint)


def _filters(views: Sequence[FindingView]) -> dict[str, list[tuple[str, str]]]:
    """Return the choices of each filter: (value, label) of what the findings contain."""
    return {
        "severity": [(s, s) for s in SEVERITIES if any(v.severity == s for v in views)],
        "category": sorted({(v.category, v.category) for v in views}),
        "rule": sorted({(v.rule, f"{v.rule} {v.name}") for v in views}),
    }


def rule_views(report: Report) -> list[RuleView]:
    """Explain every rule that has a finding, from the documentation the report carries."""
    codes = sorted({f.rule for f in report.findings if f.rule in report.rules})
    return [
        _rule_view(report.rules[c], sum(1 for f in report.findings if f.rule == c)) for c in codes
    ]


def _rule_view(rule: RuleDoc, count: int) -> RuleView:
    """Return one rule's explanation."""
    return RuleView(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity.value,
        sections=tuple((h, tuple(paragraphs(t))) for h, t in rule.sections.items()),
        examples=tuple(_example(e) for e in rule.examples[:3]),
        count=count,
    )


def paragraphs(doc: str) -> list[str]:
    """Split a docstring into paragraphs; an "Example:" line starts its own paragraph."""
    text = re.sub(r"\n(?=Examples?:)", "\n\n", doc)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _example(example: str | tuple[str, ...]) -> str:
    """Show an example: one text, or several sources labelled A, B, ..."""
    if isinstance(example, str):
        return example
    return "  ·  ".join(f"{chr(ord('A') + i)}: {t}" for i, t in enumerate(example))
