"""Candidate sentence pairs from an inverted index of rare stems (never all n x m pairs)."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from auditor.similarity import Profile

PER_SENTENCE = 3  # best partners kept for each sentence, in each direction
MIN_COMMON = 20  # a stem in more sentences than max(this, COMMON_ROOT * sqrt(n)) is not indexed
COMMON_ROOT = 2.0


def candidates(
    xs: Sequence[Profile], ys: Sequence[Profile], idf: Mapping[str, float]
) -> set[tuple[int, int]]:
    """Return pairs (i, j) among each side's best partners of the other; symmetric by design."""
    forward = _best(xs, ys, idf)
    backward = _best(ys, xs, idf)
    return forward | {(i, j) for j, i in backward}


def _postings(ys: Sequence[Profile]) -> dict[str, list[int]]:
    """Index the sentences of `ys` by stem, leaving out stems too common to tell them apart."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(ys):
        for w in p.stems:
            postings[w].append(j)
    cap = max(MIN_COMMON, int(COMMON_ROOT * math.sqrt(len(ys))))
    return {w: js for w, js in postings.items() if len(js) <= cap}


def _norms(ps: Sequence[Profile], idf: Mapping[str, float]) -> list[float]:
    """Return each profile's IDF vector length over its distinct stems (1 when empty)."""
    return [math.sqrt(math.fsum(idf[w] ** 2 for w in p.stems)) or 1.0 for p in ps]


def _best(
    xs: Sequence[Profile], ys: Sequence[Profile], idf: Mapping[str, float]
) -> set[tuple[int, int]]:
    """Return, for each sentence of `xs`, its best-scoring partners in `ys` by shared stems."""
    postings = _postings(ys)
    norms = _norms(ys, idf)
    out: set[tuple[int, int]] = set()
    for i, p in enumerate(xs):
        acc: dict[int, float] = defaultdict(float)
        for w in sorted(p.stems):
            weight = idf[w] ** 2
            for j in postings.get(w, ()):
                acc[j] += weight
        ranked = heapq.nsmallest(
            PER_SENTENCE, acc.items(), key=lambda t: (-t[1] / norms[t[0]], abs(t[0] - i), t[0])
        )
        out.update((i, j) for j, _ in ranked)
    return out
