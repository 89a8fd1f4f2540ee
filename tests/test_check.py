"""`audit check`: each article on its own or against sources, many files over a process pool."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import BROKEN, CLEAN, WARNING_ONLY, invoke, one_line_error, write

from auditor import to_dict
from auditor.ci.batch import check_files, expand_sources
from auditor.config import Config
from auditor.model import InputError


def articles(folder: Path, n: int) -> list[str]:
    """Write `n` articles, alternately broken and clean, and return their paths."""
    texts = [BROKEN, CLEAN, WARNING_ONLY]
    return [str(write(folder / f"{i:02}.txt", texts[i % 3])) for i in range(n)]


def test_pool_and_sequential_runs_give_the_same_reports_in_input_order(tmp_path: Path) -> None:
    paths = articles(tmp_path, 7)[::-1]
    sequential = check_files(paths, (), Config(), jobs=1)
    pooled = check_files(paths, (), Config(), jobs=2)
    assert [r.documents[0].path for r in pooled] == paths
    assert [to_dict(r) for r in pooled] == [to_dict(r) for r in sequential]
    broken = [r for r in pooled if r.documents[0].text == BROKEN]
    assert broken and all("B101" in {f.rule for f in r.findings} for r in broken)


def test_against_makes_the_article_document_a_and_reports_only_its_findings(
    tmp_path: Path,
) -> None:
    article = write(tmp_path / "incoming.txt", CLEAN)
    sources = tmp_path / "sources"
    write(sources / "wire.txt", BROKEN)
    write(sources / "notes.md", CLEAN)
    write(sources / "image.png", "not text")
    (report,) = check_files([str(article)], expand_sources([sources]), Config())
    assert [d.id for d in report.documents] == ["a", "b", "c"]
    assert report.documents[0].path == str(article)
    assert sorted(Path(d.path).name for d in report.documents[1:]) == ["notes.md", "wire.txt"]
    assert report.alignments  # the sources were aligned with the article
    assert all(f.doc == "a" for f in report.findings)
    assert "B101" not in {f.rule for f in report.findings}


def test_a_checked_file_is_not_compared_with_itself(tmp_path: Path) -> None:
    folder = tmp_path / "event"
    paths = articles(folder, 3)
    reports = check_files(paths, expand_sources([folder]), Config(), jobs=1)
    for path, report in zip(paths, reports, strict=True):
        others = [d.path for d in report.documents[1:]]
        assert len(others) == 2 and path not in others


def test_folder_without_texts_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.txt or \.md"):
        expand_sources([tmp_path / "empty"])


def test_check_json_has_one_report_per_file_in_input_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = articles(tmp_path, 3)
    result = invoke("check", *paths, "-f", "json", "-o", "out.json")
    assert result.exit_code == 1
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["command"] == "check" and data["files"] == paths
    assert [r["documents"][0]["path"] for r in data["reports"]] == paths
    assert data["summary"]["error"] == sum(r["summary"]["error"] for r in data["reports"])


def test_one_unreadable_file_among_many_is_reported_with_the_others_and_exits_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = articles(tmp_path, 4)  # several workers: the unread report crosses processes
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = invoke("check", *paths[:2], str(bad), *paths[2:], "-o", "out.json", "-q")
    one_line_error(result, str(bad), "binary")
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["files"] == [*paths[:2], str(bad), *paths[2:]]
    problems = [r["documents"][0].get("problem") for r in data["reports"]]
    assert [p is not None for p in problems] == [False, False, True, False, False]
    assert [f["rule"] for f in data["reports"][2]["findings"]] == ["I101"]
    assert all(r["documents"][0]["text"] for i, r in enumerate(data["reports"]) if i != 2)


def test_text_output_goes_to_stdout_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", BROKEN)
    result = invoke("check", "a.txt")
    assert result.exit_code == 1
    assert any(
        line.startswith("a.txt:1:") and "B101" in line for line in result.stdout.splitlines()
    )
    assert "1 file:" in result.stderr
    assert not (tmp_path / "reports").exists()


def test_check_help_imports_no_heavy_library() -> None:
    probe = (
        "import sys\nfrom auditor.cli import app\n"
        "for cmd in (['check', '--help'], ['baseline', '--help']):\n"
        "    try:\n        app(cmd)\n    except SystemExit:\n        pass\n"
        "print([m for m in ('nltk', 'sacrebleu', 'textstat', 'jinja2') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "--against" in out.stdout and "--baseline" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_verbose_names_the_config_and_counts_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "audit.toml", 'fail-on = "warning"\n')
    paths = articles(tmp_path, 2)
    result = invoke("check", *paths, "-v", "-o", "out.json")
    assert f"config: {tmp_path / 'audit.toml'}" in result.stderr
    assert all(f"{p}: " in result.stderr for p in paths)
    quiet = invoke("check", *paths, "-q", "-o", "out.json")
    assert quiet.stdout == "" and quiet.stderr == ""
