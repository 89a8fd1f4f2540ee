"""Baselines: accept today's findings, report only new ones, count and fail on stale entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_support import BROKEN, BROKEN_SENTENCE, CLEAN, invoke, one_line_error, write

TWICE = f"{BROKEN_SENTENCE} backtrack now.\n\n{BROKEN_SENTENCE} backtrack now.\n"


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder with one broken article and its baseline."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", BROKEN)
    result = invoke("baseline", "a.txt", "-o", "audit-baseline.json")
    assert result.exit_code == 0, result.output
    assert "recorded" in result.stdout
    return tmp_path


def check(*args: str) -> tuple[int, dict[str, Any]]:
    """Run `audit check` with JSON output; return the exit code and the JSON."""
    result = invoke("check", *args, "-f", "json", "-o", "out.json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(Path("out.json").read_text())


def test_baseline_records_findings_keyed_by_rule_and_sentence(desk: Path) -> None:
    data = json.loads((desk / "audit-baseline.json").read_text())
    entry = next(e for e in data["entries"] if e["rule"] == "B101")
    assert entry["path"] == "a.txt" and entry["count"] == 1
    assert entry["fingerprint"].startswith("B101:") and entry["evidence"] == "so. backtrack"


def test_known_findings_are_hidden_and_the_run_passes(desk: Path) -> None:
    code, data = check("a.txt", "--baseline", "audit-baseline.json")
    assert code == 0
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert data["baseline"]["stale"] == 0 and data["baseline"]["matched"] >= 1


def test_edits_elsewhere_keep_the_baseline_matching(desk: Path) -> None:
    write(desk / "a.txt", "A new opening paragraph.\n\n" + BROKEN.replace("Geneva", "Vienna"))
    code, data = check("a.txt", "--baseline", "audit-baseline.json")
    assert code == 0 and data["baseline"]["stale"] == 0


def test_new_findings_are_reported_and_fail(desk: Path) -> None:
    write(desk / "a.txt", BROKEN + "\nThe envoys left on Monday. and did not return.\n")
    code, data = check("a.txt", "--baseline", "audit-baseline.json")
    assert code == 1
    (finding,) = data["reports"][0]["findings"]
    assert finding["evidence"] == "Monday. and"


def test_identical_findings_need_one_entry_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    once = f"{BROKEN_SENTENCE} backtrack now.\n"
    write(tmp_path / "a.txt", once)
    invoke("baseline", "a.txt")
    write(tmp_path / "a.txt", TWICE)
    code, data = check("a.txt", "--baseline", "audit-baseline.json")
    assert code == 1 and data["baseline"] == {"matched": 1, "stale": 0}
    invoke("baseline", "a.txt")
    counts = [e["count"] for e in json.loads(Path("audit-baseline.json").read_text())["entries"]]
    assert 2 in counts
    assert check("a.txt", "--baseline", "audit-baseline.json")[0] == 0


def test_fixed_findings_are_stale_and_strict_baseline_fails(desk: Path) -> None:
    write(desk / "a.txt", CLEAN)
    code, data = check("a.txt", "--baseline", "audit-baseline.json")
    assert code == 0 and data["baseline"]["stale"] >= 1
    strict = invoke("check", "a.txt", "--baseline", "audit-baseline.json", "--strict-baseline")
    assert strict.exit_code == 1 and "stale" in strict.stderr
    report_only = ["--strict-baseline", "--exit-zero"]
    assert (
        invoke("check", "a.txt", "--baseline", "audit-baseline.json", *report_only).exit_code == 0
    )


def test_entries_for_files_not_in_the_run_are_not_stale(desk: Path) -> None:
    write(desk / "b.txt", CLEAN)
    strict = invoke("check", "b.txt", "--baseline", "audit-baseline.json", "--strict-baseline")
    assert strict.exit_code == 0


def test_baseline_paths_are_relative_to_the_baseline_file(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (desk / "sub").mkdir()
    monkeypatch.chdir(desk / "sub")
    result = invoke(
        "check", "../a.txt", "--baseline", "../audit-baseline.json", "--strict-baseline"
    )
    assert result.exit_code == 0, result.output


def test_compare_accepts_a_baseline(desk: Path) -> None:
    write(desk / "b.txt", CLEAN)
    args = ["compare", "a.txt", "b.txt", "-o", "r.json", "--baseline", "audit-baseline.json"]
    assert invoke(*args).exit_code == 0
    assert json.loads((desk / "r.json").read_text())["baseline"]["matched"] >= 1


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "no such file"), ("{", "not a baseline"), ('{"entries": [{"path": 1}]}', "entries")],
)
def test_bad_baseline_file_is_exit_two(desk: Path, content: str | None, problem: str) -> None:
    if content is not None:
        write(desk / "bad.json", content)
    result = invoke("check", "a.txt", "--baseline", "bad.json", "-o", "never.json")
    one_line_error(result, "bad.json", problem)
    assert not (desk / "never.json").exists()
