"""Read a stored JSON report back: format 2 as it is, format 1 completed from its files.

Format 1 did not carry the documents' text, sentence grades, end positions or rule
documentation; they are rebuilt from the original files (which must be unchanged) and the
current rule registry (the default selection plus every rule that found something).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from auditor.ci.jsonlist import parse_json
from auditor.model import Document, InputError, Sentence
from auditor.read.files import MAX_BYTES, read_text_file
from auditor.report import FORMAT_VERSION
from auditor.report.json import document_to_dict, rule_to_dict
from auditor.report.load import ReportFormatError, run_from_dict
from auditor.report.run import Run

WHAT = "an audit JSON report"


def load_run(path: str | Path, fail_on: str = "error") -> Run:
    """Return the run a JSON report file holds; InputError names the file and the problem."""
    p = Path(path)
    data = parse_json(read_text_file(p, 4 * MAX_BYTES, what="report"), p, WHAT)
    if not isinstance(data, dict) or ("reports" not in data and data.get("format") != 1):
        raise InputError(f"{p}: not {WHAT} (no 'format' and 'reports')")
    try:
        return run_from_dict(upgrade(data) if data.get("format") == 1 else data, fail_on)
    except ReportFormatError as exc:
        raise InputError(f"{p}: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{p}: not {WHAT} (bad or missing field {exc})") from None


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Return a format-1 report (one report, or a check run) as a format-2 envelope."""
    from auditor.engine import rule_doc
    from auditor.rules.registry import all_rules, select

    reports = data.get("reports", [data])
    rules = all_rules()
    fired = {f["rule"] for r in reports for f in r["findings"]}
    codes = sorted(({r.code for r in select()} | fired) & set(rules))
    return {
        "format": FORMAT_VERSION,
        "command": data.get("command", "compare"),
        "signature": reports[0].get("signature", {}) if reports else {},
        "rules": [rule_to_dict(rule_doc(rules[code])) for code in codes],
        "reports": [_report(r) for r in reports],
    }


def _report(data: dict[str, Any]) -> dict[str, Any]:
    """Return one format-1 report with its documents' text, measures and positions."""
    docs = {d["id"]: _document(d) for d in data["documents"]}
    return {
        **data,
        "documents": [
            document_to_dict(docs[d["id"]], d.get("readability", {})) for d in data["documents"]
        ],
        "findings": [_finding(f, docs) for f in data["findings"]],
    }


def _document(entry: dict[str, Any]) -> Document:
    """Read a document again from its path; it must be the file the report was made from."""
    from auditor.engine import measured
    from auditor.read.decode import read_document

    doc = read_document(entry["path"], entry["id"])
    if doc.sha256 != entry["sha256"]:
        raise InputError(f"{entry['path']}: changed since the format 1 report was written")
    sentences = tuple(Sentence(s["index"], s["start"], s["end"]) for s in entry["sentences"])
    return measured(replace(doc, sentences=sentences))


def _finding(f: dict[str, Any], docs: dict[str, Document]) -> dict[str, Any]:
    """Return a finding with the end position of its span and the positions of related spans."""
    end_line, end_column = _position(docs[f["doc"]], f["end"])
    related = [_related(r, docs) for r in f["related"]]
    return {**f, "end_line": end_line, "end_column": end_column, "related": related}


def _related(span: dict[str, Any], docs: dict[str, Document]) -> dict[str, Any]:
    """Return a related span with the lines and columns of its ends."""
    doc = docs[span["doc"]]
    (line, column), (end_line, end_column) = (
        _position(doc, span["start"]),
        _position(doc, span["end"]),
    )
    return {**span, "line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _position(doc: Document, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of an offset of a document."""
    from auditor.read.lines import line_index

    return line_index(doc.text).position(offset)
