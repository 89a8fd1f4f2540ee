"""Every output format of compare and check: jsonl, junit, github, text, json."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from ci_support import BROKEN, invoke, sample_desk, write

from auditor.report.formats import FORMATS
from auditor.report.github import escape_data, escape_property


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a folder with a broken, a clean and a warning-only article."""
    return sample_desk(tmp_path, monkeypatch)


def run(*args: str) -> str:
    """Run a command writing to stdout; return what it wrote."""
    result = invoke(*args, "-o", "-", "--exit-zero")
    assert result.exit_code == 0, result.output
    return result.stdout


FILES = ("broken.txt", "clean.txt", "warn.txt")


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"html"}))
def test_every_format_renders_check_and_compare(desk: Path, fmt: str) -> None:
    assert "B101" in run("check", *FILES, "-f", fmt)
    assert "B101" in run("compare", "broken.txt", "clean.txt", "-f", fmt)


def test_html_renders_one_checked_file_but_refuses_several(desk: Path) -> None:
    assert run("check", "broken.txt", "-f", "html").startswith("<!doctype html>")
    result = invoke("check", *FILES, "-f", "html")
    assert result.exit_code == 2 and "renders one file" in result.stderr


def test_jsonl_is_one_finding_per_line_with_its_path(desk: Path) -> None:
    lines = run("check", *FILES, "-f", "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["path"] for r in records} == {"broken.txt", "warn.txt"}
    data = json.loads(run("check", *FILES, "-f", "json"))
    assert len(records) == sum(len(r["findings"]) for r in data["reports"])
    for r in records:
        text = Path(r["path"]).read_text(encoding="utf-8")
        assert text[r["start"] : r["end"]] == r["evidence"]


def test_text_is_path_line_column_code_message(desk: Path) -> None:
    lines = run("check", *FILES, "-f", "text").splitlines()
    assert lines and all(line.split(":")[0] in FILES for line in lines)
    path, line, column, rest = lines[0].split(":", 3)
    assert (path, line) == ("broken.txt", "1") and int(column) > 0
    assert rest.split()[0] in {"B101", "P101", "P102"}


def test_junit_has_a_case_per_file_and_one_failure_at_fail_on(desk: Path) -> None:
    root = ET.fromstring(run("check", *FILES, "-f", "junit"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert list(cases) == list(FILES)
    (failure,) = cases["broken.txt"].findall("failure")
    assert failure.get("message", "").startswith("1 finding at or above error; first: B101")
    assert "evidence: so. backtrack" in (failure.text or "")
    assert not cases["clean.txt"].findall("failure")
    assert not cases["warn.txt"].findall("failure")
    assert "warn.txt:1:" in (root.findtext("testsuite/system-out") or "")
    strict = ET.fromstring(run("check", *FILES, "-f", "junit", "--fail-on", "warning"))
    warn = next(c for c in strict.iter("testcase") if c.get("name") == "warn.txt")
    assert [f.get("type", "").split()[0] for f in warn.findall("failure")] == ["P102"]
    suite = strict.find("testsuite")
    assert suite is not None and (suite.get("tests"), suite.get("failures")) == ("3", "2")


def test_junit_gives_each_file_one_failure_listing_all_its_findings(desk: Path) -> None:
    write(desk / "twice.txt", f"{BROKEN}\n{BROKEN}")
    root = ET.fromstring(run("check", "twice.txt", "-f", "junit"))
    (failure,) = root.iter("failure")
    assert failure.get("message", "").startswith("2 findings at or above error; first: B101")
    places = [line.split(":")[:2] for line in (failure.text or "").splitlines()]
    assert [p for p in places if p[0] == "twice.txt"] == [["twice.txt", "1"], ["twice.txt", "3"]]


@pytest.mark.parametrize("command", [("check", *FILES), ("compare", "broken.txt", "warn.txt")])
def test_junit_is_valid_against_the_ant_junit_schema(desk: Path, command: tuple[str]) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "fixtures" / "junit.xsd")))
    for fail_on in ("error", "warning", "never"):
        document = etree.fromstring(run(*command, "-f", "junit", "--fail-on", fail_on).encode())
        assert schema.validate(document), schema.error_log


def test_github_commands_annotate_lines_with_levels(desk: Path) -> None:
    lines = run("check", *FILES, "-f", "github").splitlines()
    error = next(line for line in lines if "B101" in line)
    assert error.startswith("::error file=broken.txt,line=1,col=")
    assert ",endLine=1,endColumn=" in error and ",title=B101 lowercase-sentence-start::" in error
    assert any(line.startswith("::warning file=warn.txt,") for line in lines)


def test_github_paths_are_relative_to_the_workspace(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(desk / "desk" / "a.txt", BROKEN)
    monkeypatch.chdir(desk / "desk")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(desk))
    line = run("check", "a.txt", "--against", str(desk / "clean.txt"), "-f", "github")
    assert line.startswith("::error file=desk/a.txt,line=1,")


def test_github_escaping_keeps_commands_on_one_line() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("dir:a,b/x%.txt") == "dir%3Aa%2Cb/x%25.txt"


def test_format_is_guessed_from_the_output_extension(desk: Path) -> None:
    invoke("check", *FILES, "-o", "out.sarif")
    invoke("check", *FILES, "-o", "out.xml")
    assert json.loads((desk / "out.sarif").read_text())["version"] == "2.1.0"
    assert ET.parse(desk / "out.xml").getroot().tag == "testsuites"
