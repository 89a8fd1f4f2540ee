"""A stored JSON report reads back into reports that render exactly like the live ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import compare, from_dict, to_dict
from auditor.engine import audit
from auditor.model import Report
from auditor.read.decode import document_from_text
from auditor.report.formats import FORMATS, render_run
from auditor.report.load import ReportFormatError, run_from_dict
from auditor.report.run import Run


@pytest.fixture(scope="module")
def seed_run(seed_paths: list[Path]) -> Run:
    """Return the live run of the seed pair."""
    return Run((compare(*seed_paths),))


def stored(run: Run) -> dict[str, Any]:
    """Return the run as its JSON file holds it."""
    data: dict[str, Any] = json.loads(render_run("json", run))
    return data


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_stored_seed_report_renders_like_the_live_one(seed_run: Run, fmt: str) -> None:
    loaded = run_from_dict(stored(seed_run))
    assert render_run(fmt, loaded) == render_run(fmt, seed_run)


def test_stored_seed_report_equals_the_live_report(seed_run: Run) -> None:
    (live,) = seed_run.reports
    back = from_dict(json.loads(json.dumps(to_dict(live))))
    assert back.documents == live.documents
    assert back.findings == live.findings
    assert back.alignments == live.alignments
    assert back.rules == live.rules
    assert back.scores == live.scores
    assert back.signature == live.signature


def test_report_carries_grades_words_and_related_positions(seed_run: Run) -> None:
    (report,) = seed_run.reports
    for doc in report.documents:
        assert doc.words and all(s.grade is not None and s.words for s in doc.sentences)
    related = [s for f in report.findings for s in f.related]
    assert related and all(s.line >= 1 and s.column >= 1 for s in related)
    assert all((s.end_line, s.end_column) >= (s.line, s.column) for s in related)
    assert {f.rule for f in report.findings} <= set(report.rules)


def test_check_envelope_round_trips_with_one_report_per_file(tmp_path: Path) -> None:
    from auditor.ci.batch import check_files
    from auditor.config import Config

    paths = []
    for i, text in enumerate(["The talks ended. and they left.", "Officials met in Geneva."]):
        paths.append(str(tmp_path / f"{i}.txt"))
        Path(paths[-1]).write_text(text, encoding="utf-8")
    run = Run(tuple(check_files(paths, (), Config(), jobs=1)), command="check")
    data = stored(run)
    assert data["command"] == "check" and data["files"] == paths
    assert [r["documents"][0]["path"] for r in data["reports"]] == paths
    assert stored(run_from_dict(data)) == data


def test_other_formats_are_refused() -> None:
    with pytest.raises(ReportFormatError, match="format 2"):
        run_from_dict({"format": 3, "reports": []})


WORDS = st.sampled_from(
    ["the", "talks", "Geneva", "ended", ".", ". .", ",", "and", "so.", "President", "Lee",
     "“", "”", "\n", "\r\n", "\n\n", "U.S.", "100,000", "2022", "é", "said", "said:"]
)  # fmt: skip
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join).filter(str.strip)


@settings(max_examples=25, deadline=None)
@given(TEXTS, TEXTS)
def test_generated_reports_round_trip(a: str, b: str) -> None:
    report = audit([document_from_text(a, "a", "a.txt"), document_from_text(b, "b", "b.txt")])
    data = json.loads(json.dumps(to_dict(report)))
    back: Report = from_dict(data)
    assert to_dict(back) == data
    assert back.findings == report.findings and back.documents == report.documents
    run, loaded = Run((report,)), Run((back,))
    for fmt in ("html", "sarif", "text"):
        assert render_run(fmt, loaded) == render_run(fmt, run)
