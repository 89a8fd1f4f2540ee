"""Group articles into events: MinHash LSH candidates, a tf-idf score, cohesive average linkage.

No pair of articles is compared unless the index proposes it, so the cost grows with the number
of articles and the size of the events, not with the square of the corpus. Settings were chosen
on same-event news (benchmarks/bench_corpus.py) and are general: no list of events or names.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

NUM_PERM = 64
KEY_TERMS = 80  # the rarest shared terms of an article that go into the index
LSH_THRESHOLD = 0.08  # Jaccard of key-term sets at which two articles become candidates
SIMILAR = 0.12  # tf-idf cosine of a candidate pair, and mean cross cosine of two events, to merge
COHESION = 0.5  # share of the events' inner similarity their cross similarity must reach
COPY_CAP = 0.6  # a pair counts at most this similar: copies of one story are no tighter an event
DATE_WINDOW = 3  # days between two dated articles of one event
SPAN = 2 * DATE_WINDOW + 1  # days per LSH index: an article's window meets at most two spans
KIND_WEIGHT = {"n": 1.0, "#": 1.0, "w": 0.5}  # names and numbers tell events apart more than words

Similar = Callable[[Sequence[str], Sequence[str]], float]


@dataclass(frozen=True)
class Item:
    """What grouping knows of an article: its key, date and term counts."""

    key: str
    date: str | None
    terms: Mapping[str, int]


def group(items: Sequence[Item]) -> list[tuple[str, ...]]:
    """Return the events: tuples of article keys, each sorted, in order of their first key."""
    import numpy as np

    weights = idf(items)
    matrix = vectors(items, weights)
    row = {it.key: i for i, it in enumerate(items)}
    dates = {it.key: it.date for it in items}
    pairs = sorted(candidates(items, weights))
    rows_a = np.array([row[a] for a, _ in pairs], dtype=np.int64)
    rows_b = np.array([row[b] for _, b in pairs], dtype=np.int64)
    scores = row_cosines(matrix, rows_a, rows_b)
    scored = [
        (float(score), a, b)
        for (a, b), score in zip(pairs, scores, strict=True)
        if score >= SIMILAR and within_window(dates[a], dates[b])
    ]
    scored.sort(key=lambda e: (-e[0], e[1], e[2]))
    return link([it.key for it in items], scored, cross_sum(matrix, row), dates)


def cross_sum(matrix: Any, row: Mapping[str, int]) -> Similar:
    """Return the function that sums the capped cosines of the cross pairs of two lists of
    articles, on dense blocks of only the columns they use (never a copy of the whole matrix)."""
    import numpy as np

    def similar(xs: Sequence[str], ys: Sequence[str]) -> float:
        rows = [row[k] for k in (*xs, *ys)]
        spans = [(matrix.indptr[r], matrix.indptr[r + 1]) for r in rows]
        columns = np.concatenate([matrix.indices[a:b] for a, b in spans])
        used, position = np.unique(columns, return_inverse=True)
        dense = np.zeros((len(rows), len(used)))
        lengths = [b - a for a, b in spans]
        dense[np.repeat(np.arange(len(rows)), lengths), position.ravel()] = np.concatenate(
            [matrix.data[a:b] for a, b in spans]
        )
        block = dense[: len(xs)] @ dense[len(xs) :].T
        return float(np.minimum(block, COPY_CAP).sum())

    return similar


def idf(items: Sequence[Item]) -> dict[str, float]:
    """Weight each term by its rarity in the corpus."""
    df: Counter[str] = Counter()
    for it in items:
        df.update(it.terms.keys())
    n = len(items) + 1
    return {t: math.log(n / c) * KIND_WEIGHT[t[0]] for t, c in df.items()}


def vectors(items: Sequence[Item], weights: Mapping[str, float]) -> Any:
    """Return the unit tf-idf vectors of the articles (sublinear term frequency) as CSR rows."""
    import numpy as np
    from scipy.sparse import csr_matrix

    column: dict[str, int] = {}
    weight: list[float] = []
    indptr, indices, counts = [0], [], []
    for it in items:
        for t, c in it.terms.items():
            j = column.get(t)
            if j is None:
                if weights[t] <= 0:
                    continue
                j = column[t] = len(weight)
                weight.append(weights[t])
            indices.append(j)
            counts.append(c)
        indptr.append(len(indices))
    cols = np.array(indices, dtype=np.int64)
    data = (1 + np.log(np.array(counts, dtype=np.float64))) * np.array(weight)[cols]
    shape = (len(items), max(len(column), 1))
    matrix = csr_matrix((data, cols, np.array(indptr)), shape=shape)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1 / norms[:, None]))


def row_cosines(matrix: Any, rows_a: Any, rows_b: Any, chunk: int = 50_000) -> Any:
    """Return the cosine of each pair of rows (unit vectors), a chunk of pairs at a time."""
    import numpy as np

    out = [
        np.asarray(
            matrix[rows_a[i : i + chunk]].multiply(matrix[rows_b[i : i + chunk]]).sum(axis=1)
        ).ravel()
        for i in range(0, len(rows_a), chunk)
    ]
    return np.concatenate(out) if out else np.zeros(0)


def key_terms(terms: Iterable[str], rank: Mapping[str, int]) -> list[str]:
    """Return the article's `KEY_TERMS` most telling terms that some other article also has
    (`rank` orders the shared terms, see `shared_ranks`)."""
    return sorted((t for t in terms if t in rank), key=rank.__getitem__)[:KEY_TERMS]


def shared_ranks(weights: Mapping[str, float], n: int) -> dict[str, int]:
    """Rank the terms that more than one of `n` articles have: heaviest first, then by term."""
    single = math.log(n + 1) - 1e-9  # the weight of a term only one article has, before KIND_WEIGHT
    shared = [t for t, w in weights.items() if w < single * KIND_WEIGHT[t[0]]]
    return {t: i for i, t in enumerate(sorted(shared, key=lambda t: (-weights[t], t)))}


def candidates(items: Sequence[Item], weights: Mapping[str, float]) -> set[tuple[str, str]]:
    """Return the pairs of keys (a < b) whose key terms collide in the MinHash LSH index.

    The index is kept per span of `SPAN` publication days: a dated article meets only the
    articles of the (at most two) spans that hold the days within `DATE_WINDOW` of its own, and
    the undated, so a feed that grows day by day costs in proportion to its size, not its
    square; pairs further apart than the window are left out when scored. Each term is hashed
    once for the whole feed.
    """
    from datasketch import MinHash, MinHashLSH
    from datasketch.hashfunc import sha1_hash32

    by_span: dict[int | None, Any] = {}
    permutations = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations
    first = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    bands = (first.b, first.r)  # fitted to the threshold once (an integral), then reused
    rank = shared_ranks(weights, len(items))
    hashes = {t: sha1_hash32(t.encode("utf-8")) for t in rank}
    pairs: set[tuple[str, str]] = set()
    for it in items:
        keys = key_terms(it.terms, rank)
        if not keys:
            continue
        mh = MinHash(
            num_perm=NUM_PERM, permutations=permutations, scheme="affine32", hashfunc=hashes.get
        )
        mh.update_batch(keys)
        day = Date.fromisoformat(it.date).toordinal() if it.date else None
        for span in _spans_near(day, by_span):
            found = by_span[span].query(mh)
            pairs.update((min(it.key, other), max(it.key, other)) for other in found)
        own = None if day is None else day // SPAN
        if own not in by_span:
            by_span[own] = MinHashLSH(num_perm=NUM_PERM, params=bands)
        by_span[own].insert(it.key, mh)
    return pairs


def _spans_near(day: int | None, indexed: Mapping[int | None, Any]) -> list[int | None]:
    """Return the indexed spans an article of `day` may share an event with (all if undated)."""
    if day is None:
        return list(indexed)
    near = dict.fromkeys([None, (day - DATE_WINDOW) // SPAN, (day + DATE_WINDOW) // SPAN])
    return [s for s in near if s in indexed]


def within_window(a: str | None, b: str | None, days: int = DATE_WINDOW) -> bool:
    """Return True if either date is unknown or the two are at most `days` apart."""
    if a is None or b is None:
        return True
    return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days) <= days


def link(
    keys: Sequence[str],
    scored: Iterable[tuple[float, str, str]],
    similar: Similar,
    dates: Mapping[str, str | None],
) -> list[tuple[str, ...]]:
    """Merge events along the strongest links while the merged event stays cohesive.

    Two events merge when their dates fit one window, their average cross similarity reaches
    `SIMILAR`, and it is at least `COHESION` times the average similarity inside them: two
    tight groups that resemble each other only loosely are two events of one kind (two
    earthquakes, two product launches), not one. `similar` sums the similarities (each at most
    `COPY_CAP`) of the cross pairs of two lists of articles.
    """
    members = {k: [k] for k in keys}
    inner = dict.fromkeys(keys, 0.0)  # sum of the similarities of each two members
    event_of = {k: k for k in keys}
    for _, a, b in scored:
        ea, eb = event_of[a], event_of[b]
        if ea == eb or not _dated_alike(members[ea], members[eb], dates):
            continue
        cross = similar(members[ea], members[eb])
        if not _cohesive(cross, members[ea], members[eb], inner[ea], inner[eb]):
            continue
        keep, gone = min(ea, eb), max(ea, eb)
        inner[keep] = inner[ea] + inner[eb] + cross
        members[keep].extend(members.pop(gone))
        del inner[gone]
        for k in members[keep]:
            event_of[k] = keep
    return sorted((tuple(sorted(m)) for m in members.values()), key=lambda m: m[0])


def _dated_alike(a: list[str], b: list[str], dates: Mapping[str, str | None]) -> bool:
    """Return True if every two dated articles of the two events fit one window."""
    return all(within_window(dates[x], dates[y]) for x in a for y in b)


def _cohesive(cross: float, a: list[str], b: list[str], inner_a: float, inner_b: float) -> bool:
    """Return True if the cross similarity is high enough, alone and against the insides."""
    mean = cross / (len(a) * len(b))
    pairs = (len(a) * (len(a) - 1) + len(b) * (len(b) - 1)) // 2
    inside = (inner_a + inner_b) / pairs if pairs else 0.0
    return mean >= SIMILAR and mean >= COHESION * inside
