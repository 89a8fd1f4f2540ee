"""The `audit compare` command: outputs, exit codes and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()

CLEAN_A = " date 2022-01-10\n\nOfficials met in Geneva on Monday. The talks lasted eight hours.\n"
CLEAN_B = " date 2022-01-10\n\nThe talks lasted eight hours. Officials met in Geneva on Monday.\n"
BROKEN = (
    "Officials met in Geneva. They said the talks would go on if Russia is willing to do so. "
    "backtrack on Ukraine.\n"
)


@pytest.fixture()
def in_tmp(tmp_path: Path) -> Path:
    """Run the test inside an empty working directory."""
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def write(path: Path, text: str) -> Path:
    """Write UTF-8 text and return the path."""
    path.write_text(text, encoding="utf-8")
    return path


def test_default_run_writes_json_and_html_under_reports(in_tmp: Path) -> None:
    a, b = write(in_tmp / "a.txt", CLEAN_A), write(in_tmp / "b.txt", CLEAN_B)
    result = runner.invoke(app, ["compare", str(a), str(b)])
    assert result.exit_code == 0, result.output
    json_path, html_path = in_tmp / "reports/a--b.json", in_tmp / "reports/a--b.html"
    assert json.loads(json_path.read_text())["format"] == 2
    assert html_path.read_text().startswith("<!doctype html>")
    assert "reports/a--b.json" in result.output and "0 errors" in result.output


def test_finding_at_fail_on_exits_one_and_never_exits_zero(in_tmp: Path) -> None:
    a, b = write(in_tmp / "a.txt", BROKEN), write(in_tmp / "b.txt", CLEAN_B)
    out = in_tmp / "r.json"
    failing = runner.invoke(app, ["compare", str(a), str(b), "-o", str(out)])
    assert failing.exit_code == 1
    assert "B101" in failing.output and "«so. backtrack»" in failing.output
    rules = {f["rule"] for f in json.loads(out.read_text())["reports"][0]["findings"]}
    assert "B101" in rules
    never = runner.invoke(app, ["compare", str(a), str(b), "-o", str(out), "--fail-on", "never"])
    assert never.exit_code == 0


def test_output_dash_writes_the_chosen_format_to_stdout_only(in_tmp: Path) -> None:
    a, b = write(in_tmp / "a.txt", BROKEN), write(in_tmp / "b.txt", CLEAN_B)
    result = runner.invoke(
        app, ["compare", str(a), str(b), "-f", "text", "-o", "-", "--fail-on", "never"]
    )
    assert result.exit_code == 0
    assert f"{a}:1:" in result.stdout and "B101" in result.stdout
    assert not (in_tmp / "reports").exists()


def test_output_file_gets_exactly_one_format(in_tmp: Path) -> None:
    a, b = write(in_tmp / "a.txt", CLEAN_A), write(in_tmp / "b.txt", CLEAN_B)
    result = runner.invoke(app, ["compare", str(a), str(b), "-f", "html", "-o", "out/r.html"])
    assert result.exit_code == 0
    assert (in_tmp / "out/r.html").read_text().startswith("<!doctype html>")
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == ["r.html"]


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("DIR", "directory"),
    "empty": (b"", "empty"),
    "whitespace": (b" \n \r\n\t", "empty"),
    "binary": (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", "binary"),
    "bad-utf16": (b"\xff\xfe\x00\xd8a\x00", "utf-16"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_two_and_no_report(in_tmp: Path, kind: str) -> None:
    content, problem = BAD_INPUTS[kind]
    bad = in_tmp / "bad.txt"
    if content == "DIR":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    good = write(in_tmp / "good.txt", CLEAN_A)
    result = runner.invoke(app, ["compare", str(good), str(bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and problem in lines[0].lower()
    assert "Traceback" not in result.output
    assert not (in_tmp / "reports").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "only-one.txt"],
        ["compare", "a.txt", "b.txt", "--fail-on", "sometimes"],
        ["compare", "a.txt", "b.txt", "--format", "pdf"],
        ["compare", "a.txt", "b.txt", "--no-such-flag"],
        ["explain", "Z999"],
    ],
)
def test_usage_errors_exit_two(in_tmp: Path, args: list[str]) -> None:
    write(in_tmp / "a.txt", CLEAN_A)
    write(in_tmp / "b.txt", CLEAN_B)
    write(in_tmp / "only-one.txt", CLEAN_A)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_inputs_are_never_modified(in_tmp: Path) -> None:
    raw = b"\xef\xbb\xbf date 2022-01-10\r\n\r\nA meeting in Vienna. .\r\n"
    a = in_tmp / "a.txt"
    a.write_bytes(raw)
    b = write(in_tmp / "b.txt", CLEAN_B)
    runner.invoke(app, ["compare", str(a), str(b)])
    assert a.read_bytes() == raw


def test_failed_write_leaves_no_partial_report(in_tmp: Path) -> None:
    a, b = write(in_tmp / "a.txt", CLEAN_A), write(in_tmp / "b.txt", CLEAN_B)
    (in_tmp / "blocked").write_text("a file where a folder should be")
    result = runner.invoke(app, ["compare", str(a), str(b), "-o", "blocked/r.json"])
    assert result.exit_code == 2
    assert "blocked" in result.stderr and "cannot write report" in result.stderr
    assert list(in_tmp.glob("**/*.json")) == []
    assert list(in_tmp.glob("**/*.tmp")) == []


def test_rules_lists_every_registered_rule() -> None:
    from auditor.rules.registry import all_rules

    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert listed == set(all_rules())


def test_explain_shows_documentation_and_examples() -> None:
    result = runner.invoke(app, ["explain", "B101"])
    assert result.exit_code == 0
    assert "lowercase-sentence-start" in result.stdout and "Fires on:" in result.stdout
    by_name = runner.invoke(app, ["explain", "lowercase-sentence-start"])
    assert by_name.stdout == result.stdout
