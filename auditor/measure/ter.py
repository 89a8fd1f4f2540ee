"""sacrebleu's TER with a faster edit distance inside its shift search; same edits, same score.

sacrebleu's TER tries up to 1,000 word shifts per segment and runs its beam edit distance on
each, in pure Python over rows of (cost, operation) tuples: a third of the CPU of a cold compare
of two seed articles. `FastTER` keeps sacrebleu's tokenizer, shift search (`lib_ter._shift`),
limits, signature and scoring, and replaces only that edit distance by `BeamDistance`: the same
beam around the diagonal, the same preference among operations, the same prefix cache, over
plain rows of costs and operations (about 2.5x faster). Tests check that the edit counts equal
sacrebleu's own on real MT pairs and on long joined segments.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics.lib_ter import (
    _BEAM_WIDTH,
    _INT_INFINITY,
    _MAX_CACHE_SIZE,
    _MAX_SHIFT_CANDIDATES,
    _shift,
)
from sacrebleu.metrics.ter import TER

INF = _INT_INFINITY
Row = tuple[list[int], list[str]]  # the costs of one row of the matrix and their operations


class BeamDistance:
    """Beam edit distance from a hypothesis to one reference, with sacrebleu's prefix cache."""

    def __init__(self, ref: Sequence[str]) -> None:
        """Start with the row of insertions of the reference and an empty cache."""
        self.ref = ref
        self.first: Row = (list(range(len(ref) + 1)), ["i"] * (len(ref) + 1))
        self.cache: dict[str, Any] = {}  # word -> (cache of the next word, row)
        self.size = 0

    def __call__(self, words: Sequence[str]) -> tuple[int, str]:
        """Return the edit distance and the trace of operations (' ', 's', 'i', 'd')."""
        rows = self._cached(words)
        ratio = len(self.ref) / len(words) if words else 1
        beam = math.ceil(ratio / 2 + _BEAM_WIDTH) if ratio / 2 > _BEAM_WIDTH else _BEAM_WIDTH
        for i in range(len(rows), len(words) + 1):
            rows.append(self._row(rows[-1][0], words, i, ratio, beam))
        self._remember(words, rows)
        return rows[-1][0][-1], _trace(rows, len(words), len(self.ref))

    def _cached(self, words: Sequence[str]) -> list[Row]:
        """Return the first row and the rows cached for the longest known prefix of `words`."""
        node, rows = self.cache, [self.first]
        for word in words:
            if word not in node:
                break
            node, row = node[word]
            rows.append(row)
        return rows

    def _row(self, up: list[int], words: Sequence[str], i: int, ratio: float, beam: int) -> Row:
        """Compute row `i` within the beam; a cell no operation reaches stays (INF, 'x')."""
        width = len(self.ref) + 1
        diagonal = math.floor(i * ratio)
        lo = max(0, diagonal - beam)
        hi = width if i == len(words) else min(width, diagonal + beam)
        costs, ops = [INF] * lo, ["x"] * lo
        left = INF
        if lo == 0:  # the first column: deletions only
            left = up[0] + 1
            costs.append(left)
            ops.append("d")
            lo = 1
        word, corner = words[i - 1], up[lo - 1]
        for above, ref_word in zip(up[lo:hi], self.ref[lo - 1 : hi - 1], strict=True):
            # sacrebleu prefers a match or substitution, then a deletion, then an insertion
            cost, op = (corner, " ") if word == ref_word else (corner + 1, "s")
            if above + 1 < cost:
                cost, op = above + 1, "d"
            if left + 1 < cost:
                cost, op = left + 1, "i"
            if cost >= INF:
                cost, op = INF, "x"
            costs.append(cost)
            ops.append(op)
            left, corner = cost, above
        costs += [INF] * (width - hi)
        ops += ["x"] * (width - hi)
        return costs, ops

    def _remember(self, words: Sequence[str], rows: list[Row]) -> None:
        """Cache the rows of `words` by prefix while the cache has room (as sacrebleu does)."""
        if self.size >= _MAX_CACHE_SIZE:
            return
        node = self.cache
        for word, row in zip(words, rows[1:], strict=True):
            if word not in node:
                node[word] = ({}, row)
                self.size += 1
            node = node[word][0]


def _trace(rows: list[Row], i: int, j: int) -> str:
    """Return the operations on the cheapest path from the last cell back to the first."""
    trace: list[str] = []
    while i > 0 or j > 0:
        op = rows[i][1][j]
        trace.append(op)
        if op in (" ", "s"):
            i, j = i - 1, j - 1
        elif op == "i":
            j -= 1
        elif op == "d":
            i -= 1
        else:
            raise ValueError(f"unknown operation {op!r}")
    return "".join(reversed(trace))


def edit_rate(hyp: list[str], ref: list[str]) -> tuple[int, int]:
    """Return the edits (shifts included) and the reference length, as sacrebleu's TER does."""
    if not ref:
        return len(hyp), 0
    distance = BeamDistance(ref)
    shifts, checked = 0, 0
    while True:
        delta, shifted, checked = _shift(hyp, ref, distance, checked)
        if checked >= _MAX_SHIFT_CANDIDATES or delta <= 0:
            break
        shifts, hyp = shifts + 1, shifted
    return shifts + distance(hyp)[0], len(ref)


class FastTER(TER):
    """sacrebleu's TER (same tokenizer, signature and score) on the faster edit distance."""

    def _compute_segment_statistics(
        self, hypothesis: str, ref_kwargs: dict[str, Any]
    ) -> list[float]:
        """Return the fewest edits over the references and their mean length."""
        words = hypothesis.split()
        refs: list[list[str]] = ref_kwargs["ref_words"]
        results = [edit_rate(words, ref) for ref in refs]
        return [min(e for e, _ in results), sum(n for _, n in results) / len(refs)]
