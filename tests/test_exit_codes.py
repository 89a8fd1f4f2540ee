"""The exit-code contract of every command: 0 clean, 1 findings at --fail-on, 2 errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from ci_support import CLEAN, invoke, one_line_error, sample_desk, write

# (arguments, expected exit code); files: clean.txt, broken.txt, warn.txt, base.json
CONTRACT = [
    (["check", "clean.txt"], 0),
    (["check", "broken.txt"], 1),
    (["check", "clean.txt", "broken.txt"], 1),
    (["check", "warn.txt"], 0),
    (["check", "warn.txt", "--fail-on", "warning"], 1),
    (["check", "broken.txt", "--fail-on", "never"], 0),
    (["check", "broken.txt", "--exit-zero"], 0),
    (["check", "broken.txt", "--against", "clean.txt"], 1),
    (["check", "broken.txt", "--baseline", "base.json"], 0),
    (["check", "clean.txt", "--baseline", "base.json"], 0),
    (["check", "broken.txt", "--baseline", "base.json", "--strict-baseline"], 0),
    (["compare", "clean.txt", "warn.txt"], 0),
    (["compare", "broken.txt", "clean.txt"], 1),
    (["compare", "broken.txt", "clean.txt", "--exit-zero"], 0),
    (["compare", "warn.txt", "clean.txt", "--fail-on", "info"], 1),
    (["baseline", "broken.txt", "-o", "other.json"], 0),
    (["rules"], 0),
    (["explain", "B101"], 0),
]


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in a folder with the sample articles and a baseline of broken.txt."""
    sample_desk(tmp_path, monkeypatch)
    assert invoke("baseline", "broken.txt", "-o", "base.json").exit_code == 0
    return tmp_path


@pytest.mark.parametrize(("args", "code"), CONTRACT, ids=[" ".join(a) for a, _ in CONTRACT])
def test_exit_code_contract(desk: Path, args: list[str], code: int) -> None:
    result = invoke(*args, "-q") if args[0] in ("check", "compare") else invoke(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


def test_stale_baseline_with_strict_flag_exits_one(desk: Path) -> None:
    write(desk / "broken.txt", CLEAN)
    args = ["check", "broken.txt", "--baseline", "base.json"]
    assert invoke(*args).exit_code == 0
    assert invoke(*args, "--strict-baseline").exit_code == 1


# (arguments, words the one-line error must contain)
ERRORS = [
    (["check", "missing.txt"], ["missing.txt", "no such file"]),
    (["check", "clean.txt", "--against", "missing.txt"], ["missing.txt"]),
    (["check", "clean.txt", "--fail-on", "sometimes"], ["--fail-on"]),
    (["check", "clean.txt", "-f", "pdf"], ["pdf"]),
    (["check", "clean.txt", "--config", "nowhere.toml"], ["nowhere.toml"]),
    (["check", "clean.txt", "--config", "bad.toml"], ["bad.toml", "'colour'"]),
    (["check", "clean.txt", "--baseline", "missing.json"], ["missing.json"]),
    (["compare", "clean.txt"], ["two files"]),
    (["compare", "clean.txt", "missing.txt"], ["missing.txt"]),
    (["compare", "clean.txt", "warn.txt", "--config", "bad.toml"], ["'colour'"]),
    (["baseline", "missing.txt"], ["missing.txt"]),
    (["baseline", "clean.txt", "--config", "bad.toml"], ["'colour'"]),
    (["explain", "Z999"], ["Z999"]),
]


@pytest.mark.parametrize(("args", "needles"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_errors_exit_two_with_one_line_and_write_nothing(
    desk: Path, args: list[str], needles: list[str]
) -> None:
    write(desk / "bad.toml", 'colour = "red"\n')
    before = sorted(p.name for p in desk.iterdir())
    out = ["-o", "out.json"] if args[0] != "explain" else []
    one_line_error(invoke(*args, *out), *needles)
    assert sorted(p.name for p in desk.iterdir()) == before


def test_usage_errors_from_the_parser_exit_two(desk: Path) -> None:
    assert invoke("check").exit_code == 2
    assert invoke("check", "clean.txt", "--no-such-flag").exit_code == 2
    assert invoke("no-such-command").exit_code == 2
