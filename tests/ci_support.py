"""Shared pieces of the CI-mode tests: sample texts, a CLI runner and a fake rule."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from auditor.cli import app
from auditor.model import Category, Document, Hit, Severity, Span
from auditor.rules.registry import RULES, Context, Rule

CLEAN = "Officials met in Geneva on Monday. The talks lasted eight hours.\n"
BROKEN = (
    "Officials met in Geneva. They said the talks would go on if Russia is willing to do so. "
    "backtrack on Ukraine.\n"
)
BROKEN_SENTENCE = "They said the talks would go on if Russia is willing to do so."
WARNING_ONLY = "Officials met in Geneva on Monday . The talks lasted eight hours.\n"

runner = CliRunner()


def invoke(*args: str) -> Result:
    """Run the `audit` command line in this process."""
    return runner.invoke(app, list(args))


def write(path: Path, text: str) -> Path:
    """Write UTF-8 text (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sample_desk(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in `folder` with a broken, a clean and a warning-only article."""
    monkeypatch.chdir(folder)
    write(folder / "broken.txt", BROKEN)
    write(folder / "clean.txt", CLEAN)
    write(folder / "warn.txt", WARNING_ONLY)
    return folder


def one_line_error(result: Result, *needles: str) -> str:
    """Assert the run failed with exit 2 and one stderr line containing `needles`."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _long_words(doc: Document, ctx: Context, *, max_letters: int = 12) -> Iterator[Hit]:
    """Flag words longer than `max_letters` letters, citing the other documents' first word."""
    related = tuple(Span(d.id, 0, 1, d.text[:1]) for d in ctx.others(doc))
    start = None
    for i, ch in enumerate(doc.text + " "):
        if ch.isalpha():
            start = i if start is None else start
            continue
        if start is not None and i - start > max_letters:
            yield Hit(start, i, f"Word longer than {max_letters} letters.", related=related)
        start = None


@pytest.fixture()
def fake_rule(monkeypatch: pytest.MonkeyPatch) -> Rule:
    """Register R999 (long words, with an option and related spans) for one test."""
    import auditor.rules  # noqa: F401  (register the real rules first)

    fake = Rule(
        "R999", "long-word", Category.READABILITY, Severity.WARNING, _long_words, "text", (), ()
    )
    monkeypatch.setitem(RULES, "R999", fake)
    return fake
