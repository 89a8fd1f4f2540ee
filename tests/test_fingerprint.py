"""Fingerprints survive edits elsewhere in the sentence; keys of the first form still match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_support import invoke, write

from auditor.ci.fingerprint import LegacyKeys, fingerprint, is_legacy
from auditor.engine import audit
from auditor.read.decode import document_from_text

SENTENCE = (
    "Officials in the northern province of Kherson told reporters on Monday that the convoy "
    "had reached the city , and aid workers said the the roads were open."
)


def keys(text: str) -> dict[str, str]:
    """Return rule -> fingerprint of the findings of `text`."""
    report = audit([document_from_text(text)])
    return {f.rule: f.fingerprint for f in report.findings}


def test_an_edit_elsewhere_in_the_sentence_keeps_the_key() -> None:
    before = keys(SENTENCE)
    assert {"P102", "P106"} <= set(before)
    after = keys(SENTENCE.replace("northern province of Kherson", "southern region of Odesa"))
    assert after["P102"] == before["P102"] and after["P106"] == before["P106"]
    moved = keys("A new first sentence. " + SENTENCE.replace("Monday", "Tuesday"))
    assert moved["P102"] == before["P102"]


def test_an_edit_of_the_words_themselves_changes_the_key() -> None:
    before = keys(SENTENCE)
    assert keys(SENTENCE.replace("the city ,", "the town ,"))["P102"] != before["P102"]


def test_the_key_ignores_case_quotes_and_spacing() -> None:
    assert keys(SENTENCE.replace("  ", " ").replace(" the city", "  The city")) == keys(SENTENCE)


def test_keys_of_a_long_sentence_read_only_a_window() -> None:
    long = "word " * 50_000 + "end , here."
    doc = document_from_text(long)
    start = long.index(" ,")
    assert fingerprint("P102", doc, start, start + 2) == fingerprint(
        "P102", document_from_text("x " * 10 + long[start - 30 :]), 10 * 2 + 30, 10 * 2 + 32
    )


def legacy_form(path: Path, text: str) -> dict[str, str]:
    """Return new fingerprint -> first-form fingerprint of the findings of `text`."""
    report = audit([document_from_text(text, path=str(path))])
    old = LegacyKeys({d.id: d for d in report.documents})
    return {f.fingerprint: old.of(f) for f in report.findings}


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_old_baselines_match_and_update_rewrites_them(desk: Path) -> None:
    article = write(desk / "a.txt", SENTENCE + "\n")
    assert invoke("baseline", "a.txt", "-o", "base.json").exit_code == 0
    data = json.loads((desk / "base.json").read_text())
    old = legacy_form(article, SENTENCE + "\n")
    for entry in data["entries"]:
        entry["fingerprint"] = old[entry["fingerprint"]]
        assert is_legacy(entry["fingerprint"])
    write(desk / "base.json", json.dumps(data))
    result = invoke("check", "a.txt", "--baseline", "base.json", "--strict-baseline")
    assert result.exit_code == 0, result.output
    assert "baseline: 2 matched, 0 stale" in result.stderr
    assert invoke("baseline", "a.txt", "--update", "-o", "base.json").exit_code == 0
    entries = json.loads((desk / "base.json").read_text())["entries"]
    assert len(entries) == 2 and not any(is_legacy(e["fingerprint"]) for e in entries)
    assert invoke("check", "a.txt", "--baseline", "base.json").exit_code == 0


def test_old_suppressions_still_dismiss(desk: Path) -> None:
    article = write(desk / "a.txt", SENTENCE + "\n")
    old = legacy_form(article, SENTENCE + "\n")
    entries = [{"rule": k.split(":")[0], "fingerprint": v} for k, v in old.items()]
    write(desk / "s.json", json.dumps({"format": 1, "suppressions": entries}))
    result = invoke("check", "a.txt", "--suppressions", "s.json", "-f", "json", "-o", "-")
    assert result.exit_code == 0
    report = json.loads(result.stdout)["reports"][0]
    assert report["findings"] == [] and report["suppressed"] == 2
