"""The pre-commit hook and the README's GitHub Actions lines run as documented."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import BROKEN, CLEAN, write

from auditor.config import load_config

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def env() -> dict[str, str]:
    """Return an environment whose PATH finds the installed `audit` first."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def hook() -> dict[str, str]:
    """Read the one hook of .pre-commit-hooks.yaml (flat `key: value` lines)."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pairs = re.findall(r"^[-\s]+(\w+): (.+)$", text, re.MULTILINE)
    return dict(pairs)


def readme_block(language: str, after: str) -> str:
    """Return the first ```language block of the README after the heading `after`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(after) :]
    match = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_hook_entry_runs_audit_check_on_the_staged_files(tmp_path: Path) -> None:
    spec = hook()
    assert spec["id"] == "audit" and spec["language"] == "python"
    assert re.search(spec["files"], "story.md") and not re.search(spec["files"], "photo.png")
    broken, clean = write(tmp_path / "broken.txt", BROKEN), write(tmp_path / "clean.md", CLEAN)
    entry = spec["entry"].split()
    assert shutil.which(entry[0], path=env()["PATH"]) is not None
    failing = subprocess.run(
        [*entry, str(broken), str(clean)], capture_output=True, text=True, env=env(), cwd=tmp_path
    )
    assert failing.returncode == 1 and "B101" in failing.stdout
    passing = subprocess.run(
        [*entry, str(clean)], capture_output=True, text=True, env=env(), cwd=tmp_path
    )
    assert passing.returncode == 0, passing.stderr


def test_readme_local_hook_matches_the_published_hook() -> None:
    block = readme_block("yaml", "pre-commit:")
    local = dict(re.findall(r"^\s+-? ?(\w+): (.+)$", block, re.MULTILINE))
    assert local["repo"] == "local" and local["language"] == "system"
    published = hook()
    assert (local["id"], local["entry"], local["files"]) == (
        published["id"],
        published["entry"],
        published["files"],
    )


def test_readme_workflow_lines_are_the_ones_that_work(tmp_path: Path) -> None:
    workflow = readme_block("yaml", "## CI")
    assert re.search(r"^\s*- run: pip install \.$", workflow, re.MULTILINE)
    commands = re.findall(r"^\s*- run: (audit .+)$", workflow, re.MULTILINE)
    assert len(commands) == 2
    (tmp_path / "articles").mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, tmp_path / "articles" / seed.name)
    sarif_step, annotate_step = (
        subprocess.run(["bash", "-c", c], capture_output=True, text=True, env=env(), cwd=tmp_path)
        for c in commands
    )
    assert sarif_step.returncode == 0, sarif_step.stderr
    sarif = json.loads((tmp_path / "audit.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    assert annotate_step.returncode == 1
    assert any(
        line.startswith("::error file=articles/") for line in annotate_step.stdout.splitlines()
    )


def test_readme_configuration_example_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "terms.tsv", "term\tpreferred\n")
    config = load_config(write(tmp_path / "audit.toml", readme_block("toml", "## Configuration")))
    assert config.fail_on == "warning" and config.ignore == ("R",)
    assert config.per_file and config.per_file[0].ignore == ("P102",)
