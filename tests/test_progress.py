"""The progress line: on a terminal for long runs, never when stderr is a file or pipe."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from auditor.ci.progress import MIN_FILES, STAGE_BYTES, Stages, shown_progress, stages_for


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


def test_stages_name_each_stage_on_one_line_then_clear_it() -> None:
    out = Terminal()
    stages = Stages(out)
    stages("aligning")
    stages("applying rules")
    stages.clear()
    text = out.getvalue()
    assert re.fullmatch(
        r"\r\033\[Kaudit: aligning \(\d+\.\d s\)\r\033\[Kaudit: applying rules \(\d+\.\d s\)"
        r"\r\033\[K",
        text,
    ), text
    stages.clear()  # nothing shown: nothing more written
    assert out.getvalue() == text


def test_a_failure_inside_the_stages_clears_the_line_before_the_error() -> None:
    out = Terminal()
    try:
        with Stages(out) as stages:
            stages("reading")
            raise OSError("unreadable")
    except OSError:
        pass
    assert out.getvalue().endswith("\r\033[K")
    finished = Terminal()
    with Stages(finished) as stages:
        stages("reading")
    assert not finished.getvalue().endswith("\r\033[K")  # the run's summary clears it


def test_stages_only_for_long_input_on_a_terminal(tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("One line.\n", encoding="utf-8")
    large.write_text("x" * STAGE_BYTES, encoding="utf-8")
    for paths, stream, live in [
        ([large], Terminal(), True),
        ([small, small], Terminal(), False),
        (["-"], Terminal(), False),
        ([tmp_path / "missing.txt"], Terminal(), False),
        ([large], io.StringIO(), False),
    ]:
        stages = stages_for(paths, stream)
        assert stages_for(paths, stream, quiet=True).out is None
        stages("reading")
        assert ("audit: reading" in stream.getvalue()) is live, (paths, live)


def long_article(path: Path) -> Path:
    """Write an article long enough for the stage line (sentences that vary, no seed text)."""
    towns = ["Arden", "Bexley", "Corran", "Dunmore", "Elston", "Farley", "Garvin"]
    lines = []
    n = 0
    while sum(map(len, lines)) < STAGE_BYTES + 10_000:
        n += 1
        town = towns[n % len(towns)]
        lines.append(
            f"The council of {town} approved {n} new projects on Monday, officials said. "
            f"Mayor Jane Holt told reporters the vote in {town} was close.\n\n"
        )
    path.write_text("".join(lines), encoding="utf-8")
    return path


def run_audit(args: list[str], cwd: Path, *, tty: bool) -> tuple[str, str]:
    """Run `audit` with stderr on a pseudo-terminal (or a pipe); return stdout and stderr."""
    command = [sys.executable, "-m", "auditor", *args]
    if not tty:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
        return done.stdout, done.stderr
    main, side = pty.openpty()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=side)
    os.close(side)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    stdout = child.communicate(timeout=600)[0]
    return stdout.decode(), seen.decode()


def test_a_long_check_names_its_stages_on_a_terminal_only(tmp_path: Path) -> None:
    long_article(tmp_path / "long.txt")
    args = ["check", "long.txt", "-o", "out.json", "--exit-zero"]
    stdout, stderr = run_audit(args, tmp_path, tty=True)
    stages = re.findall(r"audit: ([a-z ]+) \(\d+\.\d s\)", stderr)
    assert stages == [
        "reading",
        "measuring",
        "aligning",
        "finding mentions",
        "linking facts",
        "applying rules",
        "scoring",
        "writing",
    ]
    assert stderr.endswith("\r\033[K")  # the line is gone before the summary
    assert "\033" not in stdout and "wrote out.json" in stdout
    report = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert "audit: reading" not in report and "\033" not in report
    piped_out, piped_err = run_audit(args, tmp_path, tty=False)
    assert piped_err == "" and piped_out == stdout
