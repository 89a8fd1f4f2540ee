"""`audit render` rebuilds every format from a stored JSON report, without the original files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()


@pytest.fixture
def stored(tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Compare copies of the seeds, keep the JSON and HTML, then delete the copies."""
    monkeypatch.chdir(tmp_path)
    copies = [Path(shutil.copy(p, tmp_path / p.name)) for p in seed_paths]
    result = runner.invoke(app, ["compare", *map(str, copies), "-q", "--exit-zero"])
    assert result.exit_code == 0, result.output
    for p in copies:
        p.unlink()
    (json_path,) = (tmp_path / "reports").glob("*.json")
    return json_path


def render(*args: str) -> str:
    """Run `audit render` and return its output (it must succeed)."""
    result = runner.invoke(app, ["render", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_html_from_a_stored_report_equals_the_live_page(stored: Path) -> None:
    out = stored.parent / "again.html"
    render(str(stored), "-o", str(out))
    assert out.read_bytes() == stored.with_suffix(".html").read_bytes()


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "junit", "github", "jsonl"])
def test_every_format_renders_without_the_files(stored: Path, fmt: str) -> None:
    text = render(str(stored), "--format", fmt)
    assert text.strip()
    if fmt == "json":
        assert json.loads(text) == json.loads(stored.read_text(encoding="utf-8"))


def test_formats_in_any_case_and_unknown_ones_are_usage_errors(stored: Path) -> None:
    assert render(str(stored), "--format", "SARIF") == render(str(stored), "--format", "sarif")
    result = runner.invoke(app, ["render", str(stored), "--format", "nope"])
    assert result.exit_code == 2
    assert "unknown format 'nope'" in result.stderr and "audit render --help" in result.stderr


def downgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Return a format-2 compare envelope as format 1 wrote it (no text, no new fields)."""
    (report,) = data["reports"]
    docs = [
        {k: d[k] for k in ("id", "path", "sha256", "encoding", "date", "readability")}
        | {"sentences": [{k: s[k] for k in ("index", "start", "end")} for s in d["sentences"]]}
        for d in report["documents"]
    ]
    findings = [
        {k: v for k, v in f.items() if k not in ("end_line", "end_column", "safe")}
        | {"related": [{k: r[k] for k in ("doc", "start", "end", "text")} for r in f["related"]]}
        for f in report["findings"]
    ]
    kept = ("alignments", "unaligned", "relations", "scores", "summary", "suppressed")
    return (
        {"format": 1, "signature": data["signature"], "documents": docs}
        | {k: report[k] for k in kept}
        | {"findings": findings}
    )


def test_format_1_reads_its_text_from_the_unchanged_files(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert (
        runner.invoke(app, ["compare", *map(str, seed_paths), "-q", "--exit-zero"]).exit_code == 0
    )
    (json_path,) = (tmp_path / "reports").glob("*.json")
    old = tmp_path / "old.json"
    old.write_text(json.dumps(downgrade(json.loads(json_path.read_text()))), encoding="utf-8")
    for fmt in ("text", "github"):
        assert render(str(old), "--format", fmt) == render(str(json_path), "--format", fmt)
    # format 1 did not say which suggestions are safe, so its SARIF offers no fixes
    sarif = [json.loads(render(str(p), "--format", "sarif")) for p in (old, json_path)]
    for log in sarif:
        for result in log["runs"][0]["results"]:
            result.pop("fixes", None)
    assert sarif[0] == sarif[1]
    html = render(str(old), "--format", "html")
    assert html == json_path.with_suffix(".html").read_text(encoding="utf-8")


def test_format_1_with_a_changed_file_is_one_line_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The talks ended in Geneva.\n", encoding="utf-8")
    b.write_text("The talks ended in Geneva on Monday.\n", encoding="utf-8")
    assert runner.invoke(app, ["compare", "a.txt", "b.txt", "-q", "-o", "r.json"]).exit_code == 0
    old = tmp_path / "old.json"
    old.write_text(json.dumps(downgrade(json.loads((tmp_path / "r.json").read_text()))))
    a.write_text("Edited since.\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(old)])
    assert result.exit_code == 2
    assert "a.txt: changed since the format 1 report was written" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [("{", "not an audit JSON report"), ('{"format": 9, "reports": []}', "format 2")],
)
def test_bad_report_files_are_one_line_exit_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["render", str(bad)])
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_render_never_overwrites_its_input(stored: Path) -> None:
    before = stored.read_bytes()
    result = runner.invoke(app, ["render", str(stored), "-o", str(stored)])
    assert result.exit_code == 2 and stored.read_bytes() == before
