"""Lines of a text: breaks (LF, CRLF, CR), line starts and ends, 1-based positions."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

NEWLINE = re.compile(r"\r\n|\r|\n")


def crosses_line(text: str, start: int, end: int) -> bool:
    """Return True if text[start:end] holds a line break (LF, CRLF or CR)."""
    return NEWLINE.search(text, start, end) is not None


def line_start(text: str, pos: int) -> int:
    """Return the offset where the line containing `pos` starts (in log time)."""
    index = line_index(text)
    return index.starts[index.line_of(pos)]


def line_end(text: str, pos: int) -> int:
    """Return the offset where the line containing `pos` ends (before its line break)."""
    index = line_index(text)
    line = index.line_of(pos)
    return index.breaks[line] if line < len(index.breaks) else len(text)


class LineIndex:
    """Convert offsets into 1-based line and column numbers (CRLF, CR and LF all end lines)."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in NEWLINE.finditer(text)]
        self.breaks = [start for start, _ in spans]
        self.starts = [0] + [end for _, end in spans]

    def line_of(self, offset: int) -> int:
        """Return the 0-based number of the line holding `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of `offset`."""
        line = self.line_of(offset)
        return line + 1, offset - self.starts[line] + 1


@lru_cache(maxsize=16)
def line_index(text: str) -> LineIndex:
    """Return the line index of `text`, built once per text."""
    return LineIndex(text)
