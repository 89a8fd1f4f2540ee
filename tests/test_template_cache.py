"""Compiled templates are cached in the user's folder; an unusable cache changes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from auditor import compare
from auditor.model import Report
from auditor.report import html
from auditor.report.jinja import cache_folder

SEEDS = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def report() -> Report:
    return compare(*map(str, SEEDS[:2]))


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    """The page rendered with no cache at all."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AUDIT_CACHE_DIR", "")
        return html.render(report)


def test_second_render_reads_the_compiled_template_from_the_cache(
    report: Report, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("AUDIT_CACHE_DIR", raising=False)
    assert html.render(report) == page
    (entry,) = (tmp_path / "newsroom-audit").iterdir()
    assert stat.S_IMODE((tmp_path / "newsroom-audit").stat().st_mode) == 0o700
    written = entry.stat().st_mtime_ns
    assert html.render(report) == page
    assert entry.stat().st_mtime_ns == written  # loaded, not compiled and written again


def test_damaged_entry_is_compiled_again(
    report: Report, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    html.render(report)
    (entry,) = (tmp_path / "cache").iterdir()
    whole = entry.read_bytes()
    for damaged in (whole[: len(bc_magic) + 3], whole[:200], b"j2 not bytecode at all"):
        entry.write_bytes(damaged)  # cut short in its checksum or its code, or not an entry
        assert html.render(report) == page


def test_unusable_folders_turn_the_cache_off(
    report: Report, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # others may write: their bytecode would run as this user
    for folder in (blocker / "cache", blocker, shared):
        monkeypatch.setenv("AUDIT_CACHE_DIR", str(folder))
        assert cache_folder() is None
        assert html.render(report) == page
    assert list(shared.iterdir()) == []
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDIT_CACHE_DIR", "")
    assert cache_folder() is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root writes anywhere")
def test_read_only_folder_only_means_compiling_again(
    report: Report, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o500)
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(folder))
    assert html.render(report) == page
    assert list(folder.iterdir()) == []
