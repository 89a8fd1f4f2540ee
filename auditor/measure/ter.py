"""sacrebleu's TER with a faster edit distance inside its shift search; same edits, same score.

sacrebleu's TER tries up to 1,000 word shifts per segment and runs its beam edit distance on
each, in pure Python over rows of (cost, operation) tuples: a third of the CPU of a cold compare
of two seed articles. `FastTER` keeps sacrebleu's tokenizer, candidate shifts
(`lib_ter._find_shifted_pairs` under `_shift`'s filters, order and limits), ranking, signature
and scoring, and replaces only the edit distances. The current hypothesis, whose trace places
the shifts, goes through `BeamDistance`: the same beam around the diagonal, the same preference
among operations, the same prefix cache, over plain rows of costs and operations. The shifted
candidates need only their costs, which `shifted_costs` computes for all of one step's
candidates at once with numpy, row by row within the same beam (a cell is the least of the same
three moves, so the costs are the same). Tests check that the edit counts equal sacrebleu's own
on random word lists, past the beam and on the seeds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics.lib_ter import (
    _BEAM_WIDTH,
    _FLIP_OPS,
    _INT_INFINITY,
    _MAX_CACHE_SIZE,
    _MAX_SHIFT_CANDIDATES,
    _find_shifted_pairs,
    _perform_shift,
    trace_to_alignment,
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
        rows = self.rows(words)
        return rows[-1][0][-1], _trace(rows, len(words), len(self.ref))

    def rows(self, words: Sequence[str]) -> list[Row]:
        """Return the rows of the matrix of `words`, the first one included."""
        rows = self._cached(words)
        ratio, beam = _beam(len(words), len(self.ref))
        for i in range(len(rows), len(words) + 1):
            rows.append(self._row(rows[-1][0], words, i, ratio, beam))
        self._remember(words, rows)
        return rows

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


def _beam(hyp_len: int, ref_len: int) -> tuple[float, int]:
    """Return sacrebleu's length ratio and beam half-width for a hypothesis and a reference."""
    ratio = ref_len / hyp_len if hyp_len else 1
    return ratio, math.ceil(ratio / 2 + _BEAM_WIDTH) if ratio / 2 > _BEAM_WIDTH else _BEAM_WIDTH


def _band(i: int, hyp_len: int, ref_len: int, ratio: float, beam: int) -> tuple[int, int]:
    """Return the columns [lo, hi) that row `i` computes within the beam."""
    diagonal = math.floor(i * ratio)
    hi = ref_len + 1 if i == hyp_len else min(ref_len + 1, diagonal + beam)
    return max(0, diagonal - beam), hi


def edit_rate(hyp: list[str], ref: list[str]) -> tuple[int, int]:
    """Return the edits (shifts included) and the reference length, as sacrebleu's TER does."""
    if hyp == ref:  # a distance of 0 that no shift can lessen: sacrebleu finds no edit either
        return 0, len(ref)
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


def _shift(
    hyp: list[str], ref: list[str], distance: BeamDistance, checked: int
) -> tuple[int, list[str], int]:
    """Return sacrebleu's best shift of `hyp` (gain, shifted words) and the candidates checked.

    The candidates, their filters, their order and the limit are `lib_ter._shift`'s; their edit
    distances are computed together by `shifted_costs`.
    """
    rows = distance.rows(hyp)
    flipped = _trace(rows, len(hyp), len(ref)).translate(_FLIP_OPS)  # rewrite ref into hyp
    align, ref_err, hyp_err = trace_to_alignment(flipped)
    ranks: list[tuple[int, int, int]] = []  # length, -start in hyp, -target: sacrebleu's ties
    shifted: list[list[str]] = []
    for start_h, start_r, length in _find_shifted_pairs(hyp, ref):
        if not any(hyp_err[start_h : start_h + length]):
            continue
        if not any(ref_err[start_r : start_r + length]):
            continue
        if start_h <= align[start_r] < start_h + length:
            continue
        previous = -1
        for offset in range(-1, length):
            if start_r + offset == -1:
                target = 0
            elif start_r + offset in align:
                target = align[start_r + offset] + 1
            else:
                break
            if target == previous:
                continue
            previous = target
            ranks.append((length, -start_h, -target))
            shifted.append(_perform_shift(hyp, start_h, length, target))
            checked += 1
        if checked >= _MAX_SHIFT_CANDIDATES:
            break
    if not shifted:
        return 0, hyp, checked
    before = rows[-1][0][-1]
    costs = shifted_costs(shifted, ref, hyp, rows)
    ranked = zip(costs, ranks, shifted, strict=True)
    best = max((before - cost, *rank, words) for cost, rank, words in ranked)
    return best[0], best[-1], checked


def shifted_costs(
    candidates: list[list[str]], ref: Sequence[str], hyp: Sequence[str], rows: list[Row]
) -> list[int]:
    """Return the beam edit distance of each candidate, all computed together row by row.

    The candidates are shifts of `hyp`, so have its length; the rows up to the first word where
    any candidate differs from it are its `rows`. A cell is the
    least of the diagonal (0 for a match, 1 for a substitution), the cell above plus one and
    the cell to the left plus one; the last is a running minimum along the row.
    """
    import numpy as np

    hyp_len, ref_len = len(candidates[0]), len(ref)
    ratio, beam = _beam(hyp_len, ref_len)
    words = {w: n for n, w in enumerate(ref)}
    ids = np.array([[words.get(w, -1) for w in c] for c in candidates], dtype=np.int64)
    ref_ids = np.array([words[w] for w in ref], dtype=np.int64)
    changed = (ids != np.array([words.get(w, -1) for w in hyp], dtype=np.int64)).any(axis=0)
    first = int(changed.argmax()) if changed.any() else hyp_len
    up = np.tile(np.array(rows[first][0], dtype=np.int64), (len(candidates), 1))
    for i in range(first + 1, hyp_len + 1):
        lo, hi = _band(i, hyp_len, ref_len, ratio, beam)
        row = np.full_like(up, INF)
        start = max(lo, 1)
        diagonal = up[:, start - 1 : hi - 1] + (ids[:, i - 1 : i] != ref_ids[start - 1 : hi - 1])
        cells = np.minimum(diagonal, up[:, start:hi] + 1)
        if lo == 0:  # the first column: deletions only
            row[:, 0] = up[:, 0] + 1
            cells = np.concatenate([row[:, :1], cells], axis=1)
        steps = np.arange(cells.shape[1])
        cells = np.minimum.accumulate(cells - steps, axis=1) + steps
        row[:, hi - cells.shape[1] : hi] = np.minimum(cells, INF)
        up = row
    return [int(cost) for cost in up[:, ref_len]]


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
