"""Writing reports: through links, into devices, with the usual permissions, all or none."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from ci_support import BROKEN, CLEAN, invoke, write

from auditor.report import write as writer
from auditor.report.write import plan_output, write_all


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder with a clean and a broken article."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "clean.txt", CLEAN)
    write(tmp_path / "broken.txt", BROKEN)
    return tmp_path


def test_dev_null_is_written_in_place(desk: Path) -> None:
    result = invoke("check", "broken.txt", "-o", "/dev/null", "-f", "json")
    assert result.exit_code == 1, result.output
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_link_is_written_through_to_its_target(desk: Path) -> None:
    (desk / "out").mkdir()
    write(desk / "out/report.json", "old")
    (desk / "link.json").symlink_to("out/report.json")
    assert invoke("check", "broken.txt", "-o", "link.json", "-f", "json").exit_code == 1
    assert (desk / "link.json").is_symlink()
    assert json.loads((desk / "out/report.json").read_text())["command"] == "check"


def test_a_dangling_link_creates_its_target(desk: Path) -> None:
    (desk / "link.json").symlink_to("new.json")
    assert invoke("check", "broken.txt", "-o", "link.json", "-f", "json").exit_code == 1
    assert (desk / "link.json").is_symlink() and (desk / "new.json").is_file()


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_new_reports_get_0666_minus_the_umask(desk: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        invoke("check", "broken.txt", "-o", "r.json")
    finally:
        os.umask(old)
    assert (desk / "r.json").stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_replaced_report_keeps_its_permissions(desk: Path) -> None:
    write(desk / "r.json", "{}")
    (desk / "r.json").chmod(0o640)
    invoke("check", "broken.txt", "-o", "r.json")
    assert (desk / "r.json").stat().st_mode & 0o777 == 0o640


def test_compare_writes_json_and_html_or_neither(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer._write_temporary
    calls = []

    def second_fails(target: writer.Target, text: str) -> str:
        calls.append(target.path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", target.path)
        return real(target, text)

    monkeypatch.setattr(writer, "_write_temporary", second_fails)
    result = invoke("compare", "clean.txt", "broken.txt")
    assert result.exit_code == 2 and "No space left" in result.stderr
    assert len(calls) == 2
    assert sorted(p.name for p in (desk / "reports").iterdir()) == []


def test_sigterm_while_writing_leaves_no_temporary_file(
    desk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(src: str, dst: str) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(writer.os, "replace", killed)
    targets = [(plan_output(desk / name), "{}") for name in ("a.json", "b.html")]
    with pytest.raises(SystemExit) as stopped:
        write_all(targets)
    assert stopped.value.code == 128 + signal.SIGTERM
    assert sorted(p.name for p in desk.iterdir()) == ["broken.txt", "clean.txt"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_dev_stdout_that_is_a_pipe_is_written_in_place(desk: Path) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "auditor", "check", "broken.txt", "-f", "json"]
    piped = subprocess.run(
        [*command, "-o", "/dev/stdout"], capture_output=True, text=True, timeout=120, check=False
    )
    assert piped.returncode == 1, piped.stderr
    data = json.loads(piped.stdout)  # the report alone: the summary went to stderr
    assert data["files"] == ["broken.txt"] and data["summary"]["error"] >= 1
    assert "in 1 file: 1 error" in piped.stderr
    full = subprocess.run(
        [*command, "-o", "/dev/full"], capture_output=True, text=True, timeout=120, check=False
    )
    assert full.returncode == 2
    assert full.stderr.splitlines() == [
        "audit: error: /dev/full: cannot write report (No space left on device)"
    ]
    assert sorted(p.name for p in desk.iterdir()) == ["broken.txt", "clean.txt"]
