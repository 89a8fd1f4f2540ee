"""Group articles into events: MinHash LSH candidates, a tf-idf score, cohesive average linkage.

No pair of articles is compared unless the index proposes it, so the cost grows with the number
of articles and the size of the events, not with the square of the corpus. Settings were chosen
on same-event news (benchmarks/bench_corpus.py) and are general: no list of events or names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from itertools import chain
from typing import Any

from auditor.corpus.minhash import (
    UNDATED,
    band_pairs,
    distinct,
    permuted,
    signatures,
    term_hashes,
)

NUM_PERM = 64
KEY_TERMS = 80  # the rarest shared terms of an article that go into the index
LSH_THRESHOLD = 0.08  # Jaccard of key-term sets at which two articles become candidates
SIMILAR = 0.12  # tf-idf cosine of a candidate pair, and mean cross cosine of two events, to merge
COHESION = 0.5  # share of the events' inner similarity their cross similarity must reach
COPY_CAP = 0.6  # a pair counts at most this similar: copies of one story are no tighter an event
DATE_WINDOW = 3  # days between two dated articles of one event
KIND_WEIGHT = {"n": 1.0, "#": 1.0, "w": 0.5}  # names and numbers tell events apart more than words

Similar = Callable[[Sequence[str], Sequence[str]], float]


@dataclass(frozen=True)
class Item:
    """What grouping knows of an article: its key, date and term counts."""

    key: str
    date: str | None
    terms: Mapping[str, int]


@dataclass(frozen=True)
class Feed:
    """The articles as arrays: keys, days, and each article's term ids and counts in a row.

    Article i's terms are `ids[starts[i]:starts[i + 1]]`, in the order of its counts; a term's
    id is its place in `terms` (in order of first use), `kind` its `KIND_WEIGHT`.
    """

    keys: list[str]
    dates: list[str | None]
    days: Any
    terms: list[str]
    kind: Any
    ids: Any
    counts: Any
    starts: Any


def arrays(items: Sequence[Item]) -> Feed:
    """Lay the articles' terms out as arrays (one pass over every term of the feed)."""
    import numpy as np

    starts = np.cumsum([0, *(len(it.terms) for it in items)], dtype=np.int64)
    terms = list(dict.fromkeys(chain.from_iterable(it.terms for it in items)))
    column = {t: j for j, t in enumerate(terms)}
    found = map(column.__getitem__, chain.from_iterable(it.terms for it in items))
    ids = np.fromiter(found, np.int64, int(starts[-1]))
    counts = np.fromiter(chain.from_iterable(it.terms.values() for it in items), np.int64, len(ids))
    dates = [it.date for it in items]
    return _feed([it.key for it in items], dates, terms, ids, counts, starts)


def from_ids(
    keys: list[str], dates: list[str | None], vocabulary: Sequence[str], rows: Sequence[Any]
) -> Feed:
    """Lay out articles given as (term ids, counts) arrays over a larger vocabulary exactly as
    `arrays` lays out their term counts: the terms renumbered in order of first use."""
    import numpy as np

    starts = np.cumsum([0, *(len(ids) for ids, _ in rows)], dtype=np.int64)
    flat = np.concatenate([np.zeros(0, np.int64), *(ids for ids, _ in rows)]).astype(np.int64)
    counts = np.concatenate([np.zeros(0, np.int64), *(c for _, c in rows)]).astype(np.int64)
    order = np.argsort(flat, kind="stable")
    ranked = flat[order]
    first = np.r_[True, ranked[1:] != ranked[:-1]][: len(ranked)]
    used = ranked[first][np.argsort(order[first])]  # in order of first use
    renumber = np.zeros(len(vocabulary), dtype=np.int64)
    renumber[used] = np.arange(len(used))
    terms = [vocabulary[j] for j in used.tolist()]
    return _feed(keys, dates, terms, renumber[flat], counts, starts)


def _feed(
    keys: list[str], dates: list[str | None], terms: list[str], ids: Any, counts: Any, starts: Any
) -> Feed:
    """Return the feed of these arrays, with the articles' days and the terms' kinds."""
    import numpy as np

    days = [Date.fromisoformat(d).toordinal() if d else UNDATED for d in dates]
    return Feed(
        keys=keys,
        dates=dates,
        days=np.array(days, dtype=np.int64),
        terms=terms,
        kind=np.array([KIND_WEIGHT[t[0]] for t in terms]),
        ids=ids,
        counts=counts,
        starts=starts,
    )


def group(items: Sequence[Item]) -> list[tuple[str, ...]]:
    """Return the events: tuples of article keys, each sorted, in order of their first key."""
    return events(arrays(items))


def events(feed: Feed) -> list[tuple[str, ...]]:
    """Return the events of a feed laid out as arrays (see `group`)."""
    import numpy as np

    weights = idf(feed)
    matrix = vectors(feed, weights)
    earlier, later = candidates(feed, weights).T
    by_key = np.argsort(np.argsort(np.array(feed.keys, dtype=object)))
    swap = by_key[earlier] > by_key[later]  # each pair as (smaller key, larger key)
    rows_a, rows_b = np.where(swap, later, earlier), np.where(swap, earlier, later)
    scores = row_cosines(matrix, rows_a, rows_b)
    kept = scores >= SIMILAR
    keys = feed.keys
    scored = [
        (float(score), keys[a], keys[b])
        for score, a, b in zip(scores[kept], rows_a[kept], rows_b[kept], strict=True)
    ]
    scored.sort(key=lambda e: (-e[0], e[1], e[2]))
    row = {k: i for i, k in enumerate(keys)}
    return link(keys, scored, cross_sum(matrix, row), dict(zip(keys, feed.dates, strict=True)))


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


def idf(feed: Feed) -> Any:
    """Weight each term by its rarity in the corpus (an array by term id)."""
    import numpy as np

    df = np.bincount(feed.ids, minlength=len(feed.terms))
    n = len(feed.keys) + 1
    logs = np.array([math.log(n / c) if c else 0.0 for c in range(int(df.max(initial=0)) + 1)])
    return logs[df] * feed.kind


def vectors(feed: Feed, weights: Any) -> Any:
    """Return the unit tf-idf vectors of the articles (sublinear term frequency) as CSR rows."""
    import numpy as np
    from scipy.sparse import csr_matrix

    data = (1 + np.log(feed.counts.astype(np.float64))) * weights[feed.ids]
    shape = (len(feed.keys), max(len(feed.terms), 1))
    matrix = csr_matrix((data, feed.ids, feed.starts), shape=shape)
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


def key_terms(feed: Feed, weights: Any) -> tuple[Any, Any]:
    """Return each article's `KEY_TERMS` most telling terms that some other article also has,
    as (article, term id) arrays sorted by article: heaviest first, then by term."""
    import numpy as np

    single = math.log(len(feed.keys) + 1) - 1e-9  # a term only one article has, before its kind
    shared = weights < single * feed.kind
    by_term = np.array(sorted(np.flatnonzero(shared).tolist(), key=feed.terms.__getitem__), int)
    order = by_term[np.argsort(-weights[by_term], kind="stable")]  # heaviest, then by term
    rank = np.zeros(len(feed.terms), dtype=np.int64)
    rank[order] = np.arange(len(order))
    article = np.repeat(np.arange(len(feed.keys)), np.diff(feed.starts))
    telling = shared[feed.ids]
    key = np.sort(article[telling] * max(len(order), 1) + rank[feed.ids[telling]])
    rows, ids = np.divmod(key, max(len(order), 1))
    place = np.arange(len(rows)) - np.searchsorted(rows, rows)
    return rows[place < KEY_TERMS], order[ids[place < KEY_TERMS]]


def candidates(feed: Feed, weights: Any) -> Any:
    """Return the pairs of articles (row numbers, earlier first) whose key terms collide in the
    MinHash LSH index and whose dates are at most `DATE_WINDOW` days apart (or one is undated),
    as an array of shape (pairs, 2).

    Inside each bucket a dated article meets only the articles of the days within the window of
    its own, and the undated, so a feed that grows day by day costs in proportion to its size,
    not its square. The signatures and buckets of all articles are computed at once (see
    `minhash`).
    """
    import numpy as np
    from datasketch import MinHashLSH

    bands = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # fitted to the threshold
    rows, ids = key_terms(feed, weights)
    if not len(rows):
        return np.zeros((0, 2), dtype=np.int64)
    used, position = distinct(ids)
    values = permuted(term_hashes([feed.terms[j] for j in used]), NUM_PERM, bands.b * bands.r)
    articles, signature = signatures(rows, values[position.ravel()])
    pairs = band_pairs(articles, signature, (bands.b, bands.r), feed.days, DATE_WINDOW)
    n = len(feed.keys)
    code, _ = distinct(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([code // n, code % n], axis=1)


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
