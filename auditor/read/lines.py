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
    """Return the offset where the line containing `pos` starts."""
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def line_end(text: str, pos: int) -> int:
    """Return the offset where the line containing `pos` ends (before its line break)."""
    m = NEWLINE.search(text, pos)
    return m.start() if m else len(text)


class LineIndex:
    """Convert offsets into 1-based line and column numbers (CRLF, CR and LF all end lines)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of `offset`."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@lru_cache(maxsize=16)
def line_index(text: str) -> LineIndex:
    """Return the line index of `text`, built once per text."""
    return LineIndex(text)
