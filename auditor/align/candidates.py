"""Candidate sentence pairs from an inverted index of rare stems (never all n x m pairs)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.align.similarity import Sig

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

PER_SENTENCE = 2  # best partners kept for each sentence, in each direction
MIN_COMMON = 30  # a stem in more sentences than max(this, sqrt(n)) is not indexed: too common
BLOCK = 1 << 20  # shared-stem hits scored at once (bounds the memory of `_best`)


def candidates(
    xs: Sequence[Sig], ys: Sequence[Sig], idf: Mapping[str, float]
) -> set[tuple[int, int]]:
    """Return pairs (i, j) among each side's best partners of the other, and identical texts.

    Symmetric by construction: swapping the sides transposes the set.
    """
    forward = _best(xs, ys, idf)
    backward = _best(ys, xs, idf)
    return forward | {(i, j) for j, i in backward} | _identical(xs, ys)


def _identical(xs: Sequence[Sig], ys: Sequence[Sig]) -> set[tuple[int, int]]:
    """Return the pairs whose texts are identical (case and spacing aside)."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(ys):
        where[y.chars].append(j)
    return {(i, j) for i, x in enumerate(xs) for j in where.get(x.chars, ())}


def postings_of(ys: Sequence[Sig]) -> dict[str, list[int]]:
    """Index the sentences of `ys` by stem, leaving out stems too common to tell them apart."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(ys):
        for w in y.content:
            postings[w].append(j)
    cap = max(MIN_COMMON, int(math.sqrt(len(ys))))
    return {w: js for w, js in postings.items() if len(js) <= cap}


def _best(xs: Sequence[Sig], ys: Sequence[Sig], idf: Mapping[str, float]) -> set[tuple[int, int]]:
    """Return, for each sentence of `xs`, its best partners in `ys` by IDF cosine of stems.

    The score of a pair is the sum of the squared IDF of the indexed stems the two share, added
    in sorted stem order, over the norm of the `ys` sentence; ties go to the partner reached
    first in that order. Computed with numpy, a block of `xs` sentences at a time.
    """
    import numpy as np

    postings = postings_of(ys)
    squares = {w: v**2 for w, v in idf.items()}
    number = {w: k for k, w in enumerate(postings)}
    index = _Index(
        sizes=np.array([len(js) for js in postings.values()], dtype=np.int64),
        flat=np.array([j for js in postings.values() for j in js], dtype=np.int64),
        weight=np.array([squares[w] for w in postings]),
        inverse=np.array(
            [1.0 / (math.sqrt(math.fsum(map(squares.__getitem__, y.content))) or 1.0) for y in ys]
        ),
    )
    found = [[number[w] for w in sorted(x.content) if w in number] for x in xs]
    rows = np.repeat(np.arange(len(xs)), np.array([len(f) for f in found], dtype=np.int64))
    stems = np.array([k for f in found for k in f], dtype=np.int64)
    load = np.bincount(rows, weights=index.sizes[stems], minlength=len(xs))
    block = (np.cumsum(load) // BLOCK)[rows]
    cuts = np.flatnonzero(np.diff(block)) + 1
    out: set[tuple[int, int]] = set()
    for r, s in zip(np.split(rows, cuts), np.split(stems, cuts), strict=True):
        out |= _top(r, s, index)
    return out


@dataclass(frozen=True)
class _Index:
    """Postings of the indexed stems, concatenated, with each stem's weight and each norm."""

    sizes: npt.NDArray[np.int64]  # sentences per stem
    flat: npt.NDArray[np.int64]  # the sentences of every stem, stem after stem
    weight: npt.NDArray[np.float64]  # squared IDF per stem
    inverse: npt.NDArray[np.float64]  # 1 / IDF norm per sentence

    @property
    def starts(self) -> npt.NDArray[np.int64]:
        """Return where each stem's sentences start in `flat`."""
        return self.sizes.cumsum() - self.sizes


def _top(
    rows: npt.NDArray[np.int64], stems: npt.NDArray[np.int64], index: _Index
) -> set[tuple[int, int]]:
    """Return the best `PER_SENTENCE` partners of each row from its (row, stem) hits."""
    import numpy as np

    if not len(rows):
        return set()
    sizes = index.sizes[stems]
    offsets = np.arange(int(sizes.sum()), dtype=np.int64) + np.repeat(
        index.starts[stems] - (np.cumsum(sizes) - sizes), sizes
    )
    m = len(index.inverse)
    keys = np.repeat(rows, sizes) * m + index.flat[offsets]
    order = np.argsort(keys, kind="stable")  # a pair's hits stay in stem order: same sums
    keys = keys[order]
    new = np.r_[True, keys[1:] != keys[:-1]]
    hits = np.repeat(index.weight[stems], sizes)[order]
    score = np.bincount(new.cumsum() - 1, weights=hits).astype(np.float64, copy=False)
    pairs, first = keys[new], order[new]  # first: where the pair was reached (the tie-break)
    score *= index.inverse[pairs % m]
    out: set[tuple[int, int]] = set()
    for k in _leaders(pairs // m, score, first):
        out.update(zip((pairs[k] // m).tolist(), (pairs[k] % m).tolist(), strict=True))
    return out


def _leaders(
    row: npt.NDArray[np.int64], score: npt.NDArray[np.float64], first: npt.NDArray[np.int64]
) -> Iterator[npt.NDArray[np.int64]]:
    """Yield, `PER_SENTENCE` times, the position of each row's highest score (earliest first).

    `row` is sorted; scores are positive; a row with fewer entries stops yielding positions.
    """
    import numpy as np

    score = score.copy()
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    lengths = np.diff(np.r_[starts, len(row)])
    for _ in range(PER_SENTENCE):
        top = np.repeat(np.maximum.reduceat(score, starts), lengths)
        tied = np.where(score == top, first, first.max() + 1)
        earliest = np.repeat(np.minimum.reduceat(tied, starts), lengths)
        pick = np.flatnonzero((tied == earliest) & (top >= 0))
        yield pick
        score[pick] = -1.0
