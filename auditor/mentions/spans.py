"""Which spans of a text contain a position: answered by bisection, not by scanning them all."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Spans (start, end), possibly overlapping, indexed for containment queries."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        """Return True if some span (a, b) has a <= start and end <= b."""
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Return True if some span (a, b) shares a character with [start, end)."""
        k = bisect.bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start

    def covers(self, position: int) -> bool:
        """Return True if some span (a, b) has a <= position < b."""
        return self.contains(position, position + 1)
