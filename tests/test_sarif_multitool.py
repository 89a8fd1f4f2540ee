"""SARIF accepted by Microsoft's SARIF multitool with no errors and no warnings.

`.ci/run` installs `@microsoft/sarif-multitool` into `.ci/node_modules`; `SARIF_MULTITOOL`
names another copy. Locally the test is skipped when the tool is absent; under CI it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ci_support import BROKEN, CLEAN, invoke, write

ROOT = Path(__file__).resolve().parent.parent

ODD_NAMES = ("with space.txt", "50% #1, final.txt")


def multitool() -> str | None:
    """Return the path of the multitool, or None when it is not installed."""
    given = os.environ.get("SARIF_MULTITOOL")
    local = ROOT / ".ci" / "node_modules" / ".bin" / "sarif-multitool"
    return given or (str(local) if local.exists() else shutil.which("sarif-multitool"))


def problems(tool: str, logs: list[Path], out: Path) -> list[dict[str, Any]]:
    """Validate the logs; return the multitool's errors and warnings."""
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    args = [tool, "validate", *map(str, logs), "-o", str(out), "--log", "ForceOverwrite"]
    subprocess.run(args, env=env, capture_output=True, timeout=300, check=False)
    results: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0][
        "results"
    ]
    return [r for r in results if r.get("level", "warning") in ("error", "warning")]


def no_home(result: dict[str, Any]) -> bool:
    """Return True for the multitool's warning that the tool has no `informationUri`.

    The project declares no public URL yet (pyproject's `[project.urls]`), and an invented one
    would be false; once one is declared, the SARIF carries it and this warning must not appear.
    """
    return result["message"].get("id") == "Warning_ProvideToolnformationUri"  # (sic)


def sarif(out: Path, *args: str) -> Path:
    """Run an `audit` command writing SARIF to `out`."""
    result = invoke(*args, "-f", "sarif", "-o", str(out), "--exit-zero")
    assert result.exit_code == 0, result.output
    return out


def test_multitool_accepts_every_kind_of_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = multitool()
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install @microsoft/sarif-multitool (see .ci/run)")
        pytest.skip("@microsoft/sarif-multitool is not installed (.ci/run installs it)")
    desk = tmp_path / "desk, #2 (50%)"
    odd = [write(desk / name, BROKEN) for name in ODD_NAMES]
    clean = write(desk / "clean.txt", CLEAN)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    logs = [
        # absolute paths outside the working directory, odd characters in every part
        sarif(work / "outside.sarif", "check", *map(str, odd)),
        # related locations and fixes in another file
        sarif(work / "compare.sarif", "compare", str(odd[0]), str(clean)),
        sarif(work / "clean.sarif", "check", str(clean)),
    ]
    monkeypatch.chdir(desk)
    logs.append(sarif(work / "relative.sarif", "check", *ODD_NAMES, "--against", "clean.txt"))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    logs.append(sarif(work / "workspace.sarif", "check", *ODD_NAMES))
    (desk / "folder").mkdir()
    unread = invoke("check", "clean.txt", "folder", "-f", "sarif", "-o", str(work / "unread.sarif"))
    assert unread.exit_code == 2, unread.output  # a file that cannot be read: I101
    logs.insert(0, work / "unread.sarif")
    found = problems(tool, logs, tmp_path / "validation.sarif")
    assert [(r["ruleId"], r["message"]) for r in found if not no_home(r)] == []
    driver = json.loads(logs[0].read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]
    assert len([r for r in found if no_home(r)]) == (0 if "informationUri" in driver else len(logs))
    results = json.loads(logs[-1].read_text(encoding="utf-8"))["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {
        "desk%2C%20%232%20%2850%25%29/with%20space.txt",
        "desk%2C%20%232%20%2850%25%29/50%25%20%231%2C%20final.txt",
    }
