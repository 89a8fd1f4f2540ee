"""Read a JSON report (format 2) back into a run of reports that renders like the live one."""

from __future__ import annotations

from collections.abc import Mapping
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
    Scores,
    Sentence,
    Severity,
    Span,
)
from auditor.report import FORMAT_VERSION
from auditor.report.run import Run

Data = Mapping[str, Any]
SCORE_NAMES = ("chrF", "BLEU", "TER")


class ReportFormatError(ValueError):
    """A JSON report this version cannot read; the message says why."""


def run_from_dict(data: Data, fail_on: str = "error") -> Run:
    """Return the run a format-2 envelope holds."""
    if data.get("format") != FORMAT_VERSION:
        raise ReportFormatError(
            f"expected a format {FORMAT_VERSION} report, not {data.get('format')!r}"
        )
    rules = {r["code"]: rule_from_dict(r) for r in data.get("rules", [])}
    signature = data.get("signature", {})
    reports = tuple(report_from_dict(r, signature, rules) for r in data["reports"])
    return Run(reports, fail_on, data.get("command", "compare"))


def report_from_dict(
    data: Data, signature: Mapping[str, str], rules: Mapping[str, RuleDoc]
) -> Report:
    """Return one report of an envelope (its own signature, if any, wins)."""
    signature = data.get("signature", signature)
    scores = data["scores"]
    return Report(
        signature=dict(signature),
        documents=tuple(document_from_dict(d) for d in data["documents"]),
        readability={d["id"]: dict(d["readability"]) for d in data["documents"]},
        alignments=tuple(alignment_from_dict(a) for a in data["alignments"]),
        unaligned={k: tuple(v) for k, v in data["unaligned"].items()},
        findings=tuple(finding_from_dict(f) for f in data["findings"]),
        scores=Scores(
            scores["chrF"],
            scores["BLEU"],
            scores["TER"],
            {k: signature[k] for k in SCORE_NAMES if k in signature},
        ),
        suppressed=data.get("suppressed", 0),
        baseline=dict(data.get("baseline", {})),
        rules=dict(rules),
        relations=tuple(relation_from_dict(r) for r in data.get("relations", [])),
        pair_diffs=tuple(PairDiff(_sentences(p), _diff(p)) for p in data.get("pair_diffs", [])),
        event_links=tuple(event_link_from_dict(e) for e in data.get("event_links", [])),
    )


def document_from_dict(data: Data) -> Document:
    """Return a document with its text, sentences and measures."""
    return Document(
        id=data["id"],
        path=data["path"],
        text=data["text"],
        sha256=data["sha256"],
        encoding=data["encoding"],
        date=data["date"],
        body_start=data["body_start"],
        sentences=tuple(
            Sentence(s["index"], s["start"], s["end"], s.get("grade"), s.get("words"))
            for s in data["sentences"]
        ),
        words=data.get("words"),
        problem=data.get("problem"),
    )


def alignment_from_dict(data: Data) -> Alignment:
    """Return an alignment with its word-level difference."""
    return Alignment(
        sentences=_sentences(data),
        score=data["score"],
        diff=_diff(data),
        chrf=data.get("chrF"),
        bleu=data.get("BLEU"),
        kind=data.get("kind", "same"),
    )


def _sentences(data: Data) -> dict[str, tuple[int, ...]]:
    """Return the sentences of each document an alignment or a pair diff joins."""
    return {k: tuple(v) for k, v in data["sentences"].items()}


def _diff(data: Data) -> tuple[DiffOp, ...]:
    """Return the word-level difference ops of an alignment or a pair diff."""
    return tuple(DiffOp(op["op"], *op["a"], *op["b"]) for op in data.get("diff", []))


def event_link_from_dict(data: Data) -> EventLink:
    """Return an event link between two documents' sentences."""
    (a, b), (i, j) = data["docs"], data["sentences"]
    return EventLink(a, i, b, j, data["evidence"])


def relation_from_dict(data: Data) -> Relation:
    """Return how one document relates to the first, with its evidence."""
    a, b = data["docs"]
    return Relation(a, b, data["relation"], dict(data["evidence"]), data.get("forced", False))


def span_from_dict(data: Data) -> Span:
    """Return a related span."""
    return Span(
        data["doc"],
        data["start"],
        data["end"],
        data.get("text", ""),
        data.get("line", 0),
        data.get("column", 0),
        data.get("end_line", 0),
        data.get("end_column", 0),
    )


def finding_from_dict(data: Data) -> Finding:
    """Return a finding."""
    return Finding(
        rule=data["rule"],
        name=data["name"],
        category=data["category"],
        severity=Severity(data["severity"]),
        doc=data["doc"],
        start=data["start"],
        end=data["end"],
        line=data["line"],
        column=data["column"],
        end_line=data["end_line"],
        end_column=data["end_column"],
        evidence=data["evidence"],
        message=data["message"],
        suggestion=data["suggestion"],
        safe=data.get("safe", False),
        related=tuple(span_from_dict(s) for s in data["related"]),
        confidence=data["confidence"],
        fingerprint=data["fingerprint"],
    )


def rule_from_dict(data: Data) -> RuleDoc:
    """Return a rule's documentation."""
    return RuleDoc(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        severity=Severity(data["severity"]),
        summary=data["summary"],
        doc=data["doc"],
        examples=tuple(e if isinstance(e, str) else tuple(e) for e in data.get("examples", [])),
    )
