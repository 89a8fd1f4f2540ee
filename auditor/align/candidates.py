"""Candidate sentence pairs from an inverted index of rare stems (never all n x m pairs)."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from auditor.align.similarity import Sig

PER_SENTENCE = 2  # best partners kept for each sentence, in each direction
MIN_COMMON = 30  # a stem in more sentences than max(this, sqrt(n)) is not indexed: too common


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


def _postings(ys: Sequence[Sig]) -> dict[str, list[int]]:
    """Index the sentences of `ys` by stem, leaving out stems too common to tell them apart."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, y in enumerate(ys):
        for w in y.content:
            postings[w].append(j)
    cap = max(MIN_COMMON, int(math.sqrt(len(ys))))
    return {w: js for w, js in postings.items() if len(js) <= cap}


def _best(xs: Sequence[Sig], ys: Sequence[Sig], idf: Mapping[str, float]) -> set[tuple[int, int]]:
    """Return, for each sentence of `xs`, its best partners in `ys` by IDF cosine of stems."""
    postings = _postings(ys)
    squares = {w: v**2 for w, v in idf.items()}
    inverse = [1.0 / (math.sqrt(math.fsum(squares[w] for w in y.content)) or 1.0) for y in ys]
    out: set[tuple[int, int]] = set()
    for i, x in enumerate(xs):
        acc: dict[int, float] = defaultdict(float)
        for w in sorted(x.content):
            weight = squares[w]
            for j in postings.get(w, ()):
                acc[j] += weight
        scores = {j: s * inverse[j] for j, s in acc.items()}
        out.update((i, j) for j in heapq.nlargest(PER_SENTENCE, scores, key=scores.__getitem__))
    return out
