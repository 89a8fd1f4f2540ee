"""The JSON report contract, checked on the seed pair and through the Python API."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import compare, to_dict
from auditor.engine import audit
from auditor.read.decode import document_from_text
from auditor.read.lines import LineIndex
from auditor.report.json import render

FINDING_KEYS = {
    "rule", "name", "category", "severity", "doc", "start", "end", "line", "column",
    "end_line", "end_column", "evidence", "message", "suggestion", "safe", "related",
    "confidence", "fingerprint",
}  # fmt: skip
READABILITY_KEYS = {
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "dale_chall_readability_score", "difficult_words",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_envelope(seed_paths: list[Path]) -> dict[str, Any]:
    """Return the seed pair's JSON file: the envelope holding one report."""
    data: dict[str, Any] = json.loads(render(compare(*seed_paths)))
    return data


@pytest.fixture(scope="module")
def seed_report(seed_envelope: dict[str, Any]) -> dict[str, Any]:
    """Return the seed pair's report as the JSON file holds it."""
    (report,) = seed_envelope["reports"]
    assert isinstance(report, dict)
    return report


def texts(report: dict[str, Any]) -> dict[str, str]:
    """Return each document's text as read from its path."""
    return {d["id"]: Path(d["path"]).read_text(encoding="utf-8") for d in report["documents"]}


def test_top_level_shape(seed_envelope: dict[str, Any], seed_report: dict[str, Any]) -> None:
    assert seed_envelope["format"] == 2
    assert seed_envelope["command"] == "compare"
    for key in ("audit", "nltk", "sacrebleu", "textstat", "chrF", "BLEU", "TER", "config"):
        assert seed_envelope["signature"][key]
    assert seed_envelope["signature"]["chrF"].startswith("nrefs:1|")
    assert seed_envelope["summary"] == seed_report["summary"]
    assert seed_envelope["files"] == [d["path"] for d in seed_report["documents"]]
    assert set(seed_report["scores"]) == {"chrF", "BLEU", "TER"}
    assert all(isinstance(v, float) for v in seed_report["scores"].values())
    assert set(seed_report["summary"]) == {"error", "warning", "info"}
    assert sum(seed_report["summary"].values()) == len(seed_report["findings"])


def test_documents_carry_hash_date_sentences_and_readability(seed_report: dict[str, Any]) -> None:
    import hashlib

    assert [d["id"] for d in seed_report["documents"]] == ["a", "b"]
    for doc in seed_report["documents"]:
        raw = Path(doc["path"]).read_bytes()
        assert doc["sha256"] == hashlib.sha256(raw).hexdigest()
        assert doc["date"] in {"2022-01-10", "2022-01-11"}
        assert set(doc["readability"]) == READABILITY_KEYS
        assert 0 < doc["readability"]["flesch_kincaid_grade"] < 30
        text = raw.decode("utf-8")
        for s in doc["sentences"]:
            assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]] != ""
            assert "date 20" not in text[s["start"] : s["end"]]


def test_every_finding_round_trips_its_offsets(seed_report: dict[str, Any]) -> None:
    by_id = texts(seed_report)
    assert seed_report["findings"], "the seeds have known problems"
    for f in seed_report["findings"]:
        assert set(f) == FINDING_KEYS
        text = by_id[f["doc"]]
        assert text[f["start"] : f["end"]] == f["evidence"]
        assert (f["line"], f["column"]) == LineIndex(text).position(f["start"])
        assert f["severity"] in {"error", "warning", "info"}
        assert f["category"] in {"mt-error", "inconsistency", "fluency", "readability"}
        assert 0 <= f["confidence"] <= 1
        for r in f["related"]:
            assert by_id[r["doc"]][r["start"] : r["end"]] == r["text"]


def test_alignments_reference_existing_sentences(seed_report: dict[str, Any]) -> None:
    counts = {d["id"]: len(d["sentences"]) for d in seed_report["documents"]}
    assert seed_report["alignments"]
    for al in seed_report["alignments"]:
        assert set(al["sentences"]) == {"a", "b"}
        assert 0 <= al["score"] <= 1
        for doc_id, indices in al["sentences"].items():
            assert all(0 <= i < counts[doc_id] for i in indices)
    for doc_id, indices in seed_report["unaligned"].items():
        aligned = {i for al in seed_report["alignments"] for i in al["sentences"][doc_id]}
        assert not aligned & set(indices)


def test_api_dict_equals_the_json_file(
    seed_paths: list[Path], seed_envelope: dict[str, Any]
) -> None:
    assert json.loads(json.dumps(to_dict(compare(*seed_paths)))) == seed_envelope


WORDS = st.sampled_from(
    ["the", "talks", "Geneva", "ended", ".", ". .", ",", " ,", "and", "so.", "backtrack",
     "“", "”", "\n", "\r\n", "\n\n", "  ", "U.S.", "100,000", "___", "é"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map(" ".join))
def test_generated_text_findings_round_trip(text: str) -> None:
    doc = document_from_text(text)
    report = audit([doc])
    index = LineIndex(text)
    for f in report.findings:
        assert text[f.start : f.end] == f.evidence
        assert (f.line, f.column) == index.position(f.start)


GOLDEN_FINDINGS = Path(__file__).parent / "golden" / "seeds-findings.json"


def golden_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Return what a reviewer checks of each finding: rule, span, evidence, message, fix."""
    keys = ("rule", "name", "severity", "doc", "start", "end", "line", "column", "evidence")
    return [
        {
            **{k: f[k] for k in keys},
            "message": f["message"],
            "suggestion": f["suggestion"],
            "related": [{k: r[k] for k in ("doc", "start", "end", "text")} for r in f["related"]],
        }
        for f in report["findings"]
    ]


def test_golden_seed_findings(seed_report: dict[str, Any]) -> None:
    """The seed pair's findings, reviewed; refresh with UPDATE_GOLDEN=1 and review the diff."""
    got = json.dumps(golden_findings(seed_report), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN_FINDINGS.write_text(got, encoding="utf-8")
    assert got == GOLDEN_FINDINGS.read_text(encoding="utf-8"), (
        "seed findings differ from tests/golden/seeds-findings.json "
        "(UPDATE_GOLDEN=1 pytest tests/test_report_json.py to accept, then review the diff)"
    )
