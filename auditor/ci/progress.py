"""A progress line for long runs (many or large files), on stderr only when it is a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

T = TypeVar("T")

MIN_FILES = 10  # fewer files finish before a progress line helps
MIN_BYTES = 5_000_000  # unless they are this large together
STAGE_BYTES = 100_000  # one compare or check of this much text takes seconds: name its stages
CLEAR = "\r\033[K"  # back to the start of the line and erase it


def shown_progress(
    items: Iterable[T], sizes: list[int], stream: TextIO | None = None
) -> Iterator[T]:
    """Yield the items, one per file, counting them on one terminal line that is then cleared."""
    out = stream or sys.stderr
    total = len(sizes)
    if not out.isatty() or (total < MIN_FILES and sum(sizes) < MIN_BYTES):
        yield from items
        return
    done = 0
    for n, item in enumerate(items, 1):
        done += sizes[n - 1]
        out.write(f"\raudit: checked {n}/{total} files ({done / 1e6:.1f} MB)")
        out.flush()
        yield item
    out.write(CLEAR)
    out.flush()


class Stages:
    """One terminal line naming the stage a long run is in; cleared before anything is printed."""

    def __init__(self, out: TextIO | None) -> None:
        """Write to `out`, or nothing when it is None."""
        self.out = out
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, stage: str) -> None:
        """Show the stage the run enters, with the time taken so far."""
        if self.out is None:
            return
        seconds = time.monotonic() - self.started
        self.out.write(f"{CLEAR}audit: {stage} ({seconds:.1f} s)")
        self.out.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line, if one is shown."""
        if self.out is not None and self.shown:
            self.out.write(CLEAR)
            self.out.flush()
            self.shown = False

    def __enter__(self) -> Stages:
        """Show stages inside the block; a failure clears the line before its error is printed."""
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Erase the line if the block failed (a finished run clears it when it prints)."""
        if kind is not None:
            self.clear()


def stages_for(
    paths: Sequence[str | Path], stream: TextIO | None = None, *, quiet: bool = False
) -> Stages:
    """Return the stage line of one run over these files: silent unless long and on a terminal.

    `quiet` (-q: nothing but errors) silences it too.
    """
    out = stream or sys.stderr
    if quiet or not out.isatty():
        return Stages(None)
    return Stages(out if sum(_size(p) for p in paths) >= STAGE_BYTES else None)


def _size(path: str | Path) -> int:
    """Return a file's size in bytes; 0 for standard input or a file that cannot be read."""
    try:
        return 0 if str(path) == "-" else Path(path).stat().st_size
    except OSError:
        return 0
