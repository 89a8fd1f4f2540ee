"""The progress line: on a terminal for long runs, never when stderr is a file or pipe."""

from __future__ import annotations

import io

from auditor.ci.progress import MIN_FILES, shown_progress


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Return True."""
        return True


def test_many_files_on_a_terminal_show_a_line_that_is_cleared() -> None:
    out = Terminal()
    items = list(range(MIN_FILES))
    assert list(shown_progress(iter(items), [1_000_000] * MIN_FILES, out)) == items
    text = out.getvalue()
    assert f"\raudit: checked {MIN_FILES}/{MIN_FILES} files (10.0 MB)" in text
    assert text.endswith("\r\033[K")


def test_silent_when_not_a_terminal_or_short() -> None:
    pipe = io.StringIO()
    assert list(shown_progress(iter(range(50)), [10] * 50, pipe)) == list(range(50))
    assert pipe.getvalue() == ""
    short = Terminal()
    assert list(shown_progress(iter([1, 2]), [10, 10], short)) == [1, 2]
    assert short.getvalue() == ""


def test_a_few_large_files_show_progress() -> None:
    out = Terminal()
    list(shown_progress(iter([1, 2]), [3_000_000, 3_000_000], out))
    assert "checked 2/2 files (6.0 MB)" in out.getvalue()
