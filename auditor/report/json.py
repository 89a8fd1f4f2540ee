"""The JSON report (format 2): one envelope for every command, one report per compared set.

`run_to_dict` returns plain data. Rendered, the long lists (each document's sentences, the
alignments, the event links) go to the writer as `Records` instead, straight from the model:
building a dict per record cost as much as writing them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from auditor.model import (
    Alignment,
    DiffOp,
    Document,
    EventLink,
    Finding,
    PairDiff,
    Relation,
    Report,
    RuleDoc,
    Sentence,
    Span,
)
from auditor.report import FORMAT_VERSION, summary
from auditor.report.jsontext import Records, dumps
from auditor.report.run import Run, all_findings, baseline_totals


def render(report: Report) -> str:
    """Render one report as indented JSON text (an envelope holding it)."""
    return render_run(Run((report,)))


def render_run(run: Run) -> str:
    """Render a whole run as indented JSON text."""
    return dumps(run_to_dict(run, records=True), end="\n")


def run_to_dict(run: Run, records: bool = False) -> dict[str, Any]:
    """Return the envelope: format, command, signature, rules, counts and the reports.

    With `records`, the reports' long lists are `Records` for the writer, not lists of dicts.
    """
    signature = dict(run.reports[0].signature) if run.reports else {}
    rules: dict[str, RuleDoc] = {}
    for r in run.reports:
        rules.update(r.rules)
    totals = baseline_totals(run)
    return {
        "format": FORMAT_VERSION,
        "command": run.command,
        "signature": signature,
        "files": run.files(),
        "summary": summary(all_findings(run)),
        **({"baseline": totals} if totals else {}),
        "rules": [rule_to_dict(rules[code]) for code in sorted(rules)],
        "reports": [report_to_dict(r, signature, records) for r in run.reports],
    }


def report_to_dict(
    report: Report, signature: Mapping[str, str] | None = None, records: bool = False
) -> dict[str, Any]:
    """Return one report's entry; its signature only when it differs from the envelope's."""
    return {
        **({} if signature == report.signature else {"signature": dict(report.signature)}),
        "documents": [
            document_to_dict(d, report.readability.get(d.id, {}), records) for d in report.documents
        ],
        "alignments": _listed(_alignment_records(report.alignments), records),
        "unaligned": {k: list(v) for k, v in report.unaligned.items()},
        "relations": [_relation(r) for r in report.relations],
        "event_links": _listed(_event_link_records(report.event_links), records),
        **({"pair_diffs": [_pair_diff(p) for p in report.pair_diffs]} if report.pair_diffs else {}),
        "findings": [finding_to_dict(f) for f in report.findings],
        "scores": {
            "chrF": report.scores.chrf,
            "BLEU": report.scores.bleu,
            "TER": report.scores.ter,
        },
        "summary": summary(report.findings),
        "suppressed": report.suppressed,
        **({"baseline": dict(report.baseline)} if report.baseline else {}),
    }


def document_to_dict(
    doc: Document, readability: Mapping[str, float], records: bool = False
) -> dict[str, Any]:
    """Return one document's entry, with its text so the report stands alone.

    A file that could not be read has empty text and says why in `problem`.
    """
    return {
        "id": doc.id,
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "date": doc.date,
        "body_start": doc.body_start,
        "words": doc.words,
        "sentences": _listed(_sentence_records(doc.sentences), records),
        "readability": dict(readability),
        "text": doc.text,
        **({"problem": doc.problem} if doc.problem is not None else {}),
    }


def _listed(records: Records, kept: bool) -> Records | list[Any]:
    """Return the records as they are for the writer when `kept`, else as plain data."""
    return records if kept else records.filled()


def _sentence_records(sentences: Sequence[Sentence]) -> Records:
    """Return each sentence's span with its grade and word count, as records."""
    skeleton = {"index": None, "start": None, "end": None, "grade": None, "words": None}
    fields = attrgetter("index", "start", "end", "grade", "words")
    return Records([skeleton] * len(sentences), list(chain.from_iterable(map(fields, sentences))))


def _alignment_records(alignments: Sequence[Alignment]) -> Records:
    """Return each alignment's entry, with its word-level difference and the scores it has, as
    records (one skeleton per shape)."""
    shapes: dict[tuple[Any, ...], dict[str, Any]] = {}
    skeletons: list[dict[str, Any]] = []
    scalars: list[Any] = []
    op_fields = attrgetter("tag", "a_start", "a_end", "b_start", "b_end")
    for al in alignments:
        sides = al.sentences.values()
        chrf, bleu = al.chrf is not None, al.bleu is not None
        shape = (tuple(al.sentences), tuple(map(len, sides)), chrf, bleu, len(al.diff))
        skeleton = shapes.get(shape)
        if skeleton is None:
            skeleton = shapes[shape] = _alignment_skeleton(*shape)
        skeletons.append(skeleton)
        scalars += chain.from_iterable(sides)
        scalars += (al.score, al.kind)
        if chrf:
            scalars.append(al.chrf)
        if bleu:
            scalars.append(al.bleu)
        scalars += chain.from_iterable(map(op_fields, al.diff))
    return Records(skeletons, scalars)


def _alignment_skeleton(
    docs: tuple[str, ...], sizes: tuple[int, ...], chrf: bool, bleu: bool, ops: int
) -> dict[str, Any]:
    """Return the skeleton of an alignment entry: its sides' sizes, which scores it has."""
    skeleton: dict[str, Any] = {
        "sentences": {doc: [None] * size for doc, size in zip(docs, sizes, strict=True)},
        "score": None,
        "kind": None,
    }
    if chrf:
        skeleton["chrF"] = None
    if bleu:
        skeleton["BLEU"] = None
    if ops:
        skeleton["diff"] = [{"op": None, "a": [None, None], "b": [None, None]}] * ops
    return skeleton


def _event_link_records(links: Sequence[EventLink]) -> Records:
    """Return each event link's two documents, their sentences and the evidence, as records."""
    skeleton = {"docs": [None, None], "sentences": [None, None], "evidence": None}
    fields = attrgetter("a", "b", "i", "j", "evidence")
    return Records([skeleton] * len(links), list(chain.from_iterable(map(fields, links))))


def _pair_diff(p: PairDiff) -> dict[str, Any]:
    """Return the word differences of two documents other than the first."""
    return {"sentences": {k: list(v) for k, v in p.sentences.items()}, "diff": _diff(p.diff)}


def _diff(ops: Sequence[DiffOp]) -> list[dict[str, Any]]:
    """Return word-level difference ops as character spans in the two documents."""
    return [{"op": op.tag, "a": [op.a_start, op.a_end], "b": [op.b_start, op.b_end]} for op in ops]


def _relation(r: Relation) -> dict[str, Any]:
    """Return how one document relates to the first: versions or sources, and why."""
    return {
        "docs": [r.a, r.b],
        "relation": r.relation,
        "forced": r.forced,
        "evidence": dict(r.evidence),
    }


def span_to_dict(span: Span) -> dict[str, Any]:
    """Return a related span's entry with the lines and columns of its ends."""
    return {
        "doc": span.doc,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """Return one finding's entry."""
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "doc": f.doc,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "evidence": f.evidence,
        "message": f.message,
        "suggestion": f.suggestion,
        "safe": f.safe,
        "related": [span_to_dict(s) for s in f.related],
        "confidence": f.confidence,
        "fingerprint": f.fingerprint,
    }


def rule_to_dict(rule: RuleDoc) -> dict[str, Any]:
    """Return a rule's documentation entry."""
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "doc": rule.doc,
        "examples": [e if isinstance(e, str) else list(e) for e in rule.examples],
    }
