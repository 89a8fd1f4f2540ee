"""The command line users of ruff and Vale expect: version, stdin, selection, several sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ci_support import BROKEN, WARNING_ONLY, invoke, runner, sample_desk, write

from auditor import __version__
from auditor.cli import app


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a folder with a broken, a clean and a warning-only article."""
    return sample_desk(tmp_path, monkeypatch)


def check_json(*args: str) -> dict[str, Any]:
    """Run `audit check ... -f json -o -` and return the parsed envelope."""
    result = invoke("check", *args, "-f", "json", "-o", "-", "--exit-zero")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rules_found(data: dict[str, Any]) -> set[str]:
    """Return the rule codes of every finding of a JSON envelope."""
    return {f["rule"] for r in data["reports"] for f in r["findings"]}


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip().startswith(f"audit {__version__}")


def test_against_takes_several_files(desk: Path) -> None:
    data = check_json("broken.txt", "--against", "clean.txt", "warn.txt")
    assert [d["path"] for d in data["reports"][0]["documents"]] == [
        "broken.txt",
        "clean.txt",
        "warn.txt",
    ]
    assert len(data["reports"]) == 1


def test_standard_input_is_checked(desk: Path) -> None:
    result = runner.invoke(app, ["check", "-", "-f", "text"], input=BROKEN)
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:") and "B101 [error]" in result.stdout


def test_select_extend_select_and_ignore(desk: Path) -> None:
    files = ("broken.txt", "warn.txt")
    assert rules_found(check_json(*files)) == {"B101", "P102"}
    assert rules_found(check_json(*files, "--select", "p")) == {"P102"}
    assert rules_found(check_json(*files, "--select", "P", "--extend-select", "B1")) == {
        "B101",
        "P102",
    }
    assert rules_found(check_json(*files, "--ignore", "B101,P")) == set()
    result = invoke("check", *files, "--select", "Z9")
    assert result.exit_code == 2 and "'Z9' matches no rule" in result.stderr


def test_check_honours_suppressions_and_glossary(desk: Path) -> None:
    finding = check_json("broken.txt")["reports"][0]["findings"][0]
    entry = {"rule": finding["rule"], "fingerprint": finding["fingerprint"], "note": ""}
    write(desk / "dismissed.json", json.dumps({"format": 1, "suppressions": [entry]}))
    report = check_json("broken.txt", "--suppressions", "dismissed.json")["reports"][0]
    assert report["findings"] == [] and report["suppressed"] == 1
    write(desk / "terms.tsv", "term\tvariants\nGenève\tGeneva\n")
    assert rules_found(check_json("clean.txt", "--glossary", "terms.tsv")) == {"G101"}


def test_formats_are_case_insensitive_and_extensions_must_be_known(desk: Path) -> None:
    assert invoke("check", "broken.txt", "-f", "JSON", "-o", "-").stdout.startswith("{")
    result = invoke("check", "broken.txt", "-o", "report.out")
    assert result.exit_code == 2 and "give --format" in result.stderr
    assert not (desk / "report.out").exists()


def test_same_named_files_get_distinct_reports(desk: Path) -> None:
    write(desk / "one" / "story.txt", BROKEN)
    write(desk / "two" / "story.txt", WARNING_ONLY)
    result = invoke("compare", "one/story.txt", "two/story.txt", "--exit-zero")
    assert result.exit_code == 0, result.output
    assert (desk / "reports" / "one_story--two_story.json").exists()


def test_summary_counts_files_and_says_how_many_more(desk: Path) -> None:
    write(desk / "many.txt", "\n\n".join([BROKEN] * 7))
    result = invoke("compare", "many.txt", "clean.txt", "--exit-zero")
    assert result.stdout.startswith("7 findings in 2 files: 7 errors")
    assert "  and 2 more\n" in result.stdout
    assert result.stdout.count("B101 [error]") == 5


def test_verbose_and_text_use_words_not_python(desk: Path) -> None:
    base = write(desk / "base.json", "")
    invoke("baseline", "broken.txt", "-o", str(base))
    result = invoke("check", "broken.txt", "--baseline", str(base), "-v")
    assert "broken.txt: 0 findings (baseline: 1 matched, 0 stale)" in result.stderr
    assert "{" not in result.stderr
    text = invoke("check", "warn.txt", "clean.txt", "-f", "text").stdout
    assert "P102 [warning]" in text


def test_corpus_takes_the_rule_selection(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    out = tmp_path / "out"
    args = ["corpus", str(corpus), "-o", str(out), "--workers", "1", "-q", "--exit-zero"]
    result = invoke(*args, "--select", "F,C", "--ignore", "F")
    assert result.exit_code == 2, result.output  # the example holds two unreadable articles
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["rule"] for line in lines} - {None} == {"C101"}  # F101 without
    assert "--glossary" in invoke("corpus", "--help").stdout
