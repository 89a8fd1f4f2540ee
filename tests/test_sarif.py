"""SARIF 2.1.0 output: valid against the official schema, with stable rules and fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_support import BROKEN, BROKEN_SENTENCE, CLEAN, fake_rule, invoke, write
from jsonschema.validators import validator_for

from auditor.config import Config
from auditor.engine import audit
from auditor.read.decode import document_from_text
from auditor.report.run import Run
from auditor.report.sarif import render_run
from auditor.rules.registry import INPUT, STABLE, Rule, all_rules

__all__ = ["fake_rule"]

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def validate(log: dict[str, Any]) -> None:
    """Fail with every schema violation listed."""
    validator = validator_for(SCHEMA)(SCHEMA)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def sarif_of(tmp_path: Path, *files: Path) -> dict[str, Any]:
    """Run `audit check` with SARIF output and return the parsed log."""
    out = tmp_path / "out.sarif"
    result = invoke("check", *map(str, files), "-f", "sarif", "-o", str(out), "--exit-zero")
    assert result.exit_code == 0, result.output
    log: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return log


def test_check_output_is_valid_sarif_with_rule_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    log = sarif_of(
        tmp_path, write(tmp_path / "news" / "a.txt", BROKEN), write(tmp_path / "b.txt", CLEAN)
    )
    validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    # The rules the run applied: every stable rule (preview rules need --preview; I101 only
    # reports a file that could not be read).
    applied = [c for c, r in all_rules().items() if r.level == STABLE and r.scope != INPUT]
    assert [r["id"] for r in rules] == applied
    b101 = rules[[r["id"] for r in rules].index("B101")]
    assert b101["name"] == "lowercase-sentence-start"
    assert b101["shortDescription"]["text"] and "full stop" in b101["help"]["text"]
    assert b101["defaultConfiguration"]["level"] == "error"
    result = next(r for r in run["results"] if r["ruleId"] == "B101")
    assert rules[result["ruleIndex"]]["id"] == "B101"
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/a.txt"


def test_region_is_one_based_with_end_and_character_offsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = "Title line\r\n\r\n" + BROKEN
    log = sarif_of(tmp_path, write(tmp_path / "a.txt", text))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "B101")
    region = result["locations"][0]["physicalLocation"]["region"]
    evidence = result["properties"]["evidence"]
    start = region["charOffset"]
    assert text[start : start + region["charLength"]] == evidence
    line_start = text.index("Officials")
    assert region["startLine"] == 3 and region["endLine"] == 3
    assert region["startColumn"] == start - line_start + 1
    assert region["endColumn"] == region["startColumn"] + len(evidence)


def test_fingerprints_survive_edits_elsewhere_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = write(tmp_path / "a.txt", BROKEN)
    before = sarif_of(tmp_path, article)["runs"][0]["results"]
    write(article, "A new first paragraph was added.\n\n" + BROKEN.replace("Geneva", "Vienna"))
    after = sarif_of(tmp_path, article)["runs"][0]["results"]
    key = "auditFingerprint/v1"
    assert [r["partialFingerprints"][key] for r in before if r["ruleId"] == "B101"] == [
        r["partialFingerprints"][key] for r in after if r["ruleId"] == "B101"
    ]
    line = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert 3 in line


def test_repeated_findings_get_distinct_fingerprints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = f"{BROKEN_SENTENCE} backtrack now.\n\n{BROKEN_SENTENCE} backtrack now.\n"
    results = sarif_of(tmp_path, write(tmp_path / "a.txt", text))["runs"][0]["results"]
    prints = [
        r["partialFingerprints"]["auditFingerprint/v1"] for r in results if r["ruleId"] == "B101"
    ]
    assert len(prints) == 2 and len(set(prints)) == 2


def test_related_spans_and_fixes_are_valid_sarif(fake_rule: Rule) -> None:
    a = document_from_text("Extraordinarily long words abound.", "a", "a.txt")
    b = document_from_text("Short words here.", "b", "b.txt")
    report = audit([a, b], Config(select=("R999", "B101")))
    log = json.loads(render_run(Run((report,))))
    validate(log)
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "R999" and result["level"] == "warning"
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "b.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 1
    assert related["message"]["text"] == "S"


def test_suggestions_become_sarif_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    log = sarif_of(tmp_path, write(tmp_path / "a.txt", BROKEN))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "B101")
    change = result["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["insertedContent"]["text"] == "so backtrack"


def test_clean_run_is_valid_sarif_with_no_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    log = sarif_of(tmp_path, write(tmp_path / "a.txt", CLEAN))
    validate(log)
    assert [r for r in log["runs"][0]["results"] if r["level"] == "error"] == []


def test_only_safe_suggestions_become_sarif_fixes() -> None:
    a = document_from_text("The Joint Economic Commission met. They met. Then left.", "a", "a.txt")
    b = document_from_text("The Joint Trade Commission met. They met.. Then left.", "b", "b.txt")
    report = audit([a, b], Config(select=("N101", "P101")))
    by_rule = {f.rule: f for f in report.findings if f.doc == "b"}
    assert by_rule["P101"].safe and by_rule["N101"].suggestion and not by_rule["N101"].safe
    results = json.loads(render_run(Run((report,))))["runs"][0]["results"]
    fixes = {(r["ruleId"], "fixes" in r) for r in results}
    assert ("P101", True) in fixes and ("N101", False) in fixes
