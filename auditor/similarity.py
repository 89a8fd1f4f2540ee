"""Sentence similarity for alignment: profiles, features and one calibrated pair score."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:['’]\w+)*")
TOKEN = re.compile(r"\w+|[^\w\s]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CHAR_ORDERS = (2, 3, 4, 5)
WORD_ORDERS = (1, 2, 3)

# English function words: they say nothing about what a sentence reports. General grammar, not
# tuned to any text; rarity weighting (IDF) takes care of the rest.
STOPWORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here of to in on at
    by for with from as into onto upon about over under after before since until while during
    through between among against without within is are was were be been being am do does did
    done doing have has had having will would shall should can could may might must not no
    it its it's he him his she her hers they them their theirs we us our ours you your yours i
    me my mine who whom whose which what when where why how all any both each either neither
    few more most other some such only own same too very just also even still again further
    once up down out off said says say told according one ones
    """.split()
)
CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)


@dataclass(frozen=True)
class Profile:
    """What the pair score needs from one side: stems, n-grams, anchors, length."""

    stems: Mapping[str, int]
    grams: tuple[frozenset[str], ...]
    phrases: tuple[frozenset[str], ...]
    anchors: frozenset[str]
    numbers: frozenset[str]
    length: int


@dataclass(frozen=True)
class Weights:
    """Logistic weights of the pair score and the alignment threshold, fitted on MSRP.

    Fitted by `python benchmarks/bench_align.py --fit`: Newton's method on all 4,076 pairs of
    ../shared/data/msrp-train.jsonl, with features computed inside 20-pair documents so that
    rarity is measured as at run time (10-fold cross-validated refits score the same accuracy,
    so the weights do not memorise the corpus). The score is then P(the two sides report the
    same thing), as news editors labelled MSRP pairs; 0.5 maximises accuracy there, so it is the
    threshold. Signs and sizes follow the evidence: overlap of rare words and of characters
    counts for, figures on one side only count against, and the coverage features reward a
    longer side that is mostly made of the shorter one (extra clauses mean extra facts).
    """

    bias: float = -5.785
    # IDF-weighted cosine of content-word stems: rare shared words count most.
    words: float = 1.818
    # Mean Dice of character 2-5-grams: inflections, compounds and spelling variants.
    chars: float = 0.0
    # Dice of names, numbers and dates: shared specifics mean the same event.
    anchors: float = 0.0
    # Share of numbers found on one side only, when both sides give numbers.
    numbers_differ: float = -0.375
    # 1 when a number appears on one side only: a figure added or dropped.
    numbers_one_side: float = -0.28
    # Shorter over longer length in characters: a much longer side adds facts.
    length_ratio: float = 2.368
    # Share of the longer side's word 1-3-grams found in the other: word order and phrasing.
    word_cover: tuple[float, float, float] = (3.727, 0.0, 0.0)
    # Share of the longer side's character 2-5-grams found in the other.
    char_cover: tuple[float, float, float, float] = (2.025, 0.0, 0.0, 0.0)
    threshold: float = 0.5

    def coefficients(self) -> tuple[float, ...]:
        """Return the feature weights in the order `features` returns values."""
        return (
            self.words,
            self.chars,
            self.anchors,
            self.numbers_differ,
            self.numbers_one_side,
            self.length_ratio,
            *self.word_cover,
            *self.char_cover,
        )


WEIGHTS = Weights()


def stem(word: str) -> str:
    """Return a light stem: lower case, no possessive, common inflections removed."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl, keep in (("ies", "y", 3), ("sses", "ss", 3), ("ing", "", 4), ("ed", "", 4)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            return w[: -len(suffix)] + repl
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def profile(text: str) -> Profile:
    """Build the profile of one sentence (or several joined)."""
    stems: Counter[str] = Counter()
    anchors: set[str] = set()
    numbers = {m.group().replace(",", "") for m in NUMBER.finditer(text)}
    for k, m in enumerate(WORD.finditer(text)):
        word = m.group()
        if any(ch.isdigit() for ch in word):
            continue
        key = stem(word)
        if key in CALENDAR or (word[0].isupper() and key not in STOPWORDS and k > 0):
            anchors.add(key)
        if key not in STOPWORDS and len(key) > 1:
            stems[key] += 1
    stems.update(numbers)
    squeezed = "".join(text.lower().split())
    grams = tuple(
        frozenset(squeezed[i : i + n] for i in range(len(squeezed) - n + 1)) for n in CHAR_ORDERS
    )
    toks = TOKEN.findall(text.lower())
    phrases = tuple(
        frozenset(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)) for n in WORD_ORDERS
    )
    return Profile(
        dict(stems), grams, phrases, frozenset(anchors | numbers), frozenset(numbers), len(squeezed)
    )


def merge(profiles: Sequence[Profile]) -> Profile:
    """Return the profile of adjacent sentences read as one."""
    if len(profiles) == 1:
        return profiles[0]
    stems: Counter[str] = Counter()
    for p in profiles:
        stems.update(p.stems)
    return Profile(
        dict(stems),
        _unions([p.grams for p in profiles]),
        _unions([p.phrases for p in profiles]),
        frozenset().union(*(p.anchors for p in profiles)),
        frozenset().union(*(p.numbers for p in profiles)),
        sum(p.length for p in profiles),
    )


def _unions(sets: Sequence[tuple[frozenset[str], ...]]) -> tuple[frozenset[str], ...]:
    """Return the order-by-order unions of several profiles' n-gram sets."""
    return tuple(frozenset().union(*column) for column in zip(*sets, strict=True))


def idf_table(profiles: Iterable[Profile]) -> dict[str, float]:
    """Return log(N / df) for every stem over the sentences of both texts."""
    df: Counter[str] = Counter()
    n = 0
    for p in profiles:
        df.update(p.stems.keys())
        n += 1
    return {w: math.log((n + 1) / c) for w, c in df.items()}


def _norm(p: Profile, idf: Mapping[str, float]) -> float:
    """Return the length of the profile's TF-IDF vector."""
    return math.sqrt(sum((c * idf.get(w, 0.0)) ** 2 for w, c in p.stems.items()))


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    """Return 2|x & y| / (|x| + |y|), 0 when both are empty."""
    total = len(x) + len(y)
    return 2 * len(x & y) / total if total else 0.0


def _cover(x: frozenset[str], y: frozenset[str]) -> float:
    """Return the share of the larger set found in the other, 0 when both are empty."""
    larger = max(len(x), len(y))
    return len(x & y) / larger if larger else 0.0


def features(x: Profile, y: Profile, idf: Mapping[str, float]) -> tuple[float, ...]:
    """Return the pair's features, in `Weights.coefficients` order; symmetric in x and y."""
    shared = sorted(x.stems.keys() & y.stems.keys())
    dot = sum((x.stems[w] * idf.get(w, 0.0)) * (y.stems[w] * idf.get(w, 0.0)) for w in shared)
    norms = _norm(x, idf) * _norm(y, idf)
    words = dot / norms if norms else 0.0
    chars = sum(_dice(gx, gy) for gx, gy in zip(x.grams, y.grams, strict=True)) / len(x.grams)
    union = x.numbers | y.numbers
    differ = len(x.numbers ^ y.numbers) / len(union) if x.numbers and y.numbers else 0.0
    longer = max(x.length, y.length)
    ratio = min(x.length, y.length) / longer if longer else 1.0
    one_side = 1.0 if x.numbers ^ y.numbers else 0.0
    return (
        words,
        chars,
        _dice(x.anchors, y.anchors),
        differ,
        one_side,
        ratio,
        *(_cover(px, py) for px, py in zip(x.phrases, y.phrases, strict=True)),
        *(_cover(gx, gy) for gx, gy in zip(x.grams, y.grams, strict=True)),
    )


def combine(values: Sequence[float], weights: Weights = WEIGHTS) -> float:
    """Return the logistic combination of a pair's features, in [0, 1]."""
    coefs = weights.coefficients()
    z = weights.bias + sum(w * v for w, v in zip(coefs, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def pair_score(
    x: Profile, y: Profile, idf: Mapping[str, float], weights: Weights = WEIGHTS
) -> float:
    """Return the calibrated probability that x and y report the same thing."""
    return combine(features(x, y, idf), weights)
