"""Group articles into events: MinHash LSH candidates, a tf-idf score, cohesive average linkage.

No pair of articles is compared unless the index proposes it, so the cost grows with the number
of articles and the size of the events, not with the square of the corpus. Settings were chosen
on same-event news (benchmarks/bench_corpus.py) and are general: no list of events or names.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date

NUM_PERM = 64
KEY_TERMS = 80  # the rarest shared terms of an article that go into the index
LSH_THRESHOLD = 0.08  # Jaccard of key-term sets at which two articles become candidates
SIMILAR = 0.12  # tf-idf cosine of a candidate pair, and mean cross cosine of two events, to merge
COHESION = 0.5  # share of the events' inner similarity their cross similarity must reach
COPY_CAP = 0.6  # a pair counts at most this similar: copies of one story are no tighter an event
DATE_WINDOW = 3  # days between two dated articles of one event
KIND_WEIGHT = {"n": 1.0, "#": 1.0, "w": 0.5}  # names and numbers tell events apart more than words

Vector = dict[str, float]


@dataclass(frozen=True)
class Item:
    """What grouping knows of an article: its key, date and term counts."""

    key: str
    date: str | None
    terms: Mapping[str, int]


def group(items: Sequence[Item]) -> list[tuple[str, ...]]:
    """Return the events: tuples of article keys, each sorted, in order of their first key."""
    weights = idf(items)
    vectors = {it.key: vector(it.terms, weights) for it in items}
    dates = {it.key: it.date for it in items}
    scored = []
    for a, b in candidates(items, weights):
        score = cosine(vectors[a], vectors[b])
        if score >= SIMILAR and within_window(dates[a], dates[b]):
            scored.append((score, a, b))
    scored.sort(key=lambda e: (-e[0], e[1], e[2]))
    return link([it.key for it in items], scored, vectors, dates)


def idf(items: Sequence[Item]) -> dict[str, float]:
    """Weight each term by its rarity in the corpus."""
    df: Counter[str] = Counter()
    for it in items:
        df.update(it.terms.keys())
    n = len(items) + 1
    return {t: math.log(n / c) * KIND_WEIGHT[t[0]] for t, c in df.items()}


def vector(counts: Mapping[str, int], weights: Mapping[str, float]) -> Vector:
    """Return the unit tf-idf vector of an article (sublinear term frequency)."""
    v = {t: (1 + math.log(c)) * weights[t] for t, c in counts.items() if weights[t] > 0}
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {t: x / norm for t, x in v.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Return the cosine of two unit vectors."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(x * large.get(t, 0.0) for t, x in small.items())


def key_terms(terms: Iterable[str], weights: Mapping[str, float], n: int) -> list[str]:
    """Return the article's `KEY_TERMS` most telling terms that some other article also has."""
    single = math.log(n + 1) - 1e-9  # the weight of a term only one article has, before KIND_WEIGHT
    shared = [t for t in terms if weights[t] < single * KIND_WEIGHT[t[0]]]
    return sorted(shared, key=lambda t: (-weights[t], t))[:KEY_TERMS]


def candidates(items: Sequence[Item], weights: Mapping[str, float]) -> set[tuple[str, str]]:
    """Return the pairs of keys (a < b) whose key terms collide in the MinHash LSH index."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    permutations = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations
    pairs: set[tuple[str, str]] = set()
    for it in items:
        keys = key_terms(it.terms, weights, len(items))
        if not keys:
            continue
        mh = MinHash(num_perm=NUM_PERM, permutations=permutations, scheme="affine32")
        mh.update_batch([k.encode("utf-8") for k in keys])
        pairs.update((min(it.key, other), max(it.key, other)) for other in lsh.query(mh))
        lsh.insert(it.key, mh)
    return pairs


def within_window(a: str | None, b: str | None, days: int = DATE_WINDOW) -> bool:
    """Return True if either date is unknown or the two are at most `days` apart."""
    if a is None or b is None:
        return True
    return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days) <= days


def link(
    keys: Sequence[str],
    scored: Iterable[tuple[float, str, str]],
    vectors: Mapping[str, Vector],
    dates: Mapping[str, str | None],
) -> list[tuple[str, ...]]:
    """Merge events along the strongest links while the merged event stays cohesive.

    Two events merge when their dates fit one window, their average cross similarity reaches
    `SIMILAR`, and it is at least `COHESION` times the average similarity inside them: two
    tight groups that resemble each other only loosely are two events of one kind (two
    earthquakes, two product launches), not one.
    """
    members = {k: [k] for k in keys}
    inner = dict.fromkeys(keys, 0.0)  # sum of the similarities of each two members
    event_of = {k: k for k in keys}
    for _, a, b in scored:
        ea, eb = event_of[a], event_of[b]
        if ea == eb:
            continue
        cross = _cross(members[ea], members[eb], vectors, dates)
        if cross is None or not _cohesive(cross, members[ea], members[eb], inner[ea], inner[eb]):
            continue
        keep, gone = min(ea, eb), max(ea, eb)
        inner[keep] = inner[ea] + inner[eb] + cross
        members[keep].extend(members.pop(gone))
        del inner[gone]
        for k in members[keep]:
            event_of[k] = keep
    return sorted((tuple(sorted(m)) for m in members.values()), key=lambda m: m[0])


def _cross(
    a: list[str], b: list[str], vectors: Mapping[str, Vector], dates: Mapping[str, str | None]
) -> float | None:
    """Return the summed similarity of two events' cross pairs; None if their dates differ."""
    if not all(within_window(dates[x], dates[y]) for x in a for y in b):
        return None
    return sum(min(cosine(vectors[x], vectors[y]), COPY_CAP) for x in a for y in b)


def _cohesive(cross: float, a: list[str], b: list[str], inner_a: float, inner_b: float) -> bool:
    """Return True if the cross similarity is high enough, alone and against the insides."""
    mean = cross / (len(a) * len(b))
    pairs = (len(a) * (len(a) - 1) + len(b) * (len(b) - 1)) // 2
    inside = (inner_a + inner_b) / pairs if pairs else 0.0
    return mean >= SIMILAR and mean >= COHESION * inside
