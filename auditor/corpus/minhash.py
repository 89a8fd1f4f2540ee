"""MinHash LSH over whole arrays: every article's signature and every band's buckets at once.

The permutations, the input hash and the band layout are datasketch's (`MinHash` with the
"affine32" scheme, `MinHashLSH` fitted to the threshold), so the buckets are exactly those of
inserting and querying the articles one by one; numpy does the work for all of them together
(tests/test_corpus_read.py checks the signatures and the pairs against datasketch's own).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's finalizer, datasketch's pre-mix
UNDATED = -1  # the day of an article without a date


def term_hashes(terms: Sequence[str]) -> Any:
    """Return datasketch's 32-bit SHA1 hash of each term, as a uint32 array."""
    import numpy as np
    from datasketch.hashfunc import sha1_hash32

    return np.fromiter((sha1_hash32(t.encode("utf-8")) for t in terms), np.uint32, len(terms))


def permuted(hashes: Any, num_perm: int, used: int) -> Any:
    """Return the first `used` of datasketch's `num_perm` affine32 permutations of each hash."""
    import numpy as np
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=1, scheme="affine32").permutations[:, :used]
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in FMIX32)
    h = hashes.astype(np.uint32)
    h = (h ^ (h >> s1)) * m1
    h = (h ^ (h >> s2)) * m2
    h = h ^ (h >> s3)
    return h[:, None] * a[None, :] + b[None, :]  # uint32 arithmetic: wraps modulo 2**32


def signatures(rows: Any, values: Any) -> tuple[Any, Any]:
    """Return the articles that have key terms and their signatures (the minimum per column).

    `rows` gives the article of each key term, ascending; `values` its permuted hashes.
    """
    import numpy as np

    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    return rows[starts], np.minimum.reduceat(values, starts, axis=0)


def band_pairs(
    articles: Any, signature: Any, bands: tuple[int, int], days: Any, window: int
) -> Any:
    """Return the pairs of articles (smaller row first) that share a bucket of some band and are
    dated at most `window` days apart, or one of them undated; a pair may repeat.

    Inside a bucket the dated articles are sorted by day and each meets only the next few, so the
    cost grows with the articles of each window, not with the square of a bucket.
    """
    import numpy as np

    found = [np.zeros((0, 2), dtype=np.int64)]
    b, r = bands
    day = days[articles]
    dated = day != UNDATED
    for k in range(b):
        _, bucket = distinct(signature[:, k * r : (k + 1) * r])
        kept = dated
        order = np.lexsort((articles[kept], day[kept], bucket[kept]))
        found.extend(_runs(bucket[kept][order], day[kept][order], articles[kept][order], window))
        kept = np.isin(bucket, bucket[~dated])  # buckets with an undated article: every two
        order = np.lexsort((articles[kept], bucket[kept]))
        same = np.zeros(int(kept.sum()), dtype=np.int64)
        undated = _runs(bucket[kept][order], same, articles[kept][order], window)
        found.extend(p[(days[p[:, 0]] == UNDATED) | (days[p[:, 1]] == UNDATED)] for p in undated)
    return np.concatenate(found)


def _runs(buckets: Any, days: Any, articles: Any, window: int) -> list[Any]:
    """Return every two articles of a bucket at most `window` days apart (sorted by bucket, then
    day), as arrays of (smaller row, larger row)."""
    import numpy as np

    out = []
    step = 1
    at = np.arange(len(buckets) - 1)
    while at.size:
        at = at[at + step < len(buckets)]
        at = at[(buckets[at] == buckets[at + step]) & (days[at + step] - days[at] <= window)]
        a, b = articles[at], articles[at + step]
        out.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
        step += 1
    return out


def distinct(values: Any) -> tuple[Any, Any]:
    """Return the distinct rows of a 2-D array (values of a 1-D one), sorted, and the place of each
    among them: `np.unique` with `return_inverse`, by sorting (numpy 2.4's unique hashes, 100
    times slower on millions of integers)."""
    import numpy as np

    table = values.reshape(len(values), -1)
    order = np.lexsort(table.T[::-1])
    ranked = table[order]
    new = np.r_[True, (ranked[1:] != ranked[:-1]).any(axis=1)]
    place = np.empty(len(values), dtype=np.int64)
    place[order] = np.cumsum(new) - 1
    return ranked[new].reshape(-1, *values.shape[1:]), place
