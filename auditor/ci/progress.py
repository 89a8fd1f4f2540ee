"""A progress line for long runs (many or large files), on stderr only when it is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

MIN_FILES = 10  # fewer files finish before a progress line helps
MIN_BYTES = 5_000_000  # unless they are this large together


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
    out.write("\r\033[K")
    out.flush()
