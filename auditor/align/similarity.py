"""Sentence similarity for alignment: compact signatures, pair features and the calibrated score.

Everything the alignment decides with lives here, next to the reasoning behind it: the features
of a sentence pair, the logistic weights that turn them into P(same meaning), the threshold for a
"same" link and the floors for a "related" (same-event) link.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from operator import mul

from auditor.knowledge.lexicon import lexicon

WORD = re.compile(r"\w+(?:['’]\w+)*")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SENTENCES_CACHED = 32768  # n-gram sets kept per sentence: all of two 10,000-sentence texts
ANCHOR = 1.5  # how much more a shared name, date or number weighs in `evidence`
CHAR_ORDER = 3  # character n-grams compared (chrF-like); 3 alone fits MSRP as well as 2-6

LEX = lexicon()
STOPWORDS = LEX.word_set("stopwords")  # say nothing about what a sentence reports
CALENDAR = LEX.calendar


@dataclass(frozen=True, slots=True)
class Sig:
    """What the pair features need from one sentence; small, no n-gram sets are kept."""

    words: tuple[str, ...]  # stems of every word, in order (n-gram matches, LCS, length)
    content: frozenset[str]  # stems of content words and numbers (rarity-weighted overlap)
    anchors: frozenset[str]  # names (capitalised inside the sentence), dates and numbers
    numbers: frozenset[str]
    chars: str  # lower-cased text without whitespace (character n-grams, identity)


@dataclass(frozen=True)
class Weights:
    """The pair score: logistic weights over `features`, fitted on MSRP, and the link floors.

    Fitted by `python benchmarks/bench_align.py --fit`: L2-regularised logistic regression
    (Newton's method, numpy in the benchmark only) on the 4,060 pairs of
    ../shared/data/msrp-train.jsonl that fill 203 groups of 20, features computed inside each
    group's two documents so that rarity (IDF) is measured as at run time. The benchmark
    refits on the training folds of a 10-fold cross-validation and reports the held-out
    accuracy, so these weights are not judged on the pairs they were fitted on.

    The score is P(the two sides say the same thing), as news editors labelled MSRP pairs
    (paraphrases of each other, or translations); 0.5 maximises accuracy, so it is the
    threshold of a "same" link. Weights are left unconstrained: features overlap (n-gram F,
    LCS, chrF all measure shared wording) so single weights may come out negative while the
    whole rises with overlap. The one property alignment needs from monotony, that a sentence
    matches itself best, is guaranteed by a rule instead: identical text (case and spacing
    aside) scores 1.0 and anything else at most `ceiling`, and ties go to the nearer position.

    A "related" link joins sentences still unaligned after the "same" links when they report
    the same event in different words or detail (two outlets' accounts): each must be the
    other's best partner by shared rare content (`evidence`, in units of one stem found in
    just two sentences), and then either the evidence is strong (at least `related_evidence`,
    about two distinctive shared words, with a score of at least `related_floor`) or weak but
    placed alike (at least `weak_evidence` and `weak_floor`, both texts of at least
    `weak_min_sentences` sentences, relative positions within `weak_window`: credit lines,
    closing paragraphs). On MSRP groups, where sentences of different pairs come from
    different stories, evidence floors from 1 to 3 and score floors from 0.02 to 0.1 all keep
    links across stories at 0.2-0.3% while linking 94-99% of same-story pairs; MSRP cannot
    tell same-story sentences about different facts apart (its negatives are same-story), so
    the floors sit at the conservative end of that range, and were checked by reading the
    seed alignment (`bench_align.py --seeds`), not fitted to it.
    """

    bias: float = -5.636
    # In `FEATURES` order. Largest: word-order overlap (LCS), chrF, the worse-covered side's
    # unigram and bigram share. Negative weights on correlated overlaps (bigram max(P, R),
    # trigram F, shared anchors) temper double counting; differing numbers count against;
    # the small positive length term offsets LCS / longer for a side with an extra clause.
    coefficients: tuple[float, ...] = (
        *(2.765, 3.926, -0.472),  # unigram F, min(P, R), max(P, R)
        *(0.499, 2.893, -4.028),  # bigram F, min(P, R), max(P, R)
        -3.926,  # trigram F
        *(1.068, -0.123),  # idf cosine, idf cover of the larger side
        3.657,  # char 3-gram F
        *(4.565, -0.769),  # LCS / longer, LCS / shorter
        0.213,  # log(1 + |length difference|)
        *(-0.114, -0.635),  # numbers on one side, differing numbers / 3
        -0.563,  # shared anchors / 4
    )
    threshold: float = 0.5
    ceiling: float = 0.999
    related_floor: float = 0.05
    related_evidence: float = 2.0
    weak_floor: float = 0.01
    weak_evidence: float = 1.0
    weak_window: float = 0.05
    weak_min_sentences: int = 10


# Names of `features`' values, in order. n-gram statistics are over word stems (stop words
# included: "not", "no" and word order matter for meaning), multiset matches for orders 1-2.
FEATURES = (
    "unigram F",  # BLEU-like word matches, harmonic mean of precision and recall
    "unigram min(P, R)",  # the side with more unmatched words
    "unigram max(P, R)",  # one side contained in the other
    "bigram F",
    "bigram min(P, R)",
    "bigram max(P, R)",
    "trigram F",
    "idf cosine",  # content words weighted by rarity in the two texts
    "idf cover of the larger side",  # share of the rarer-word mass that both sides have
    "char 3-gram F",  # chrF-like: inflections, compounds, spelling variants
    "LCS / longer",  # words in the same order
    "LCS / shorter",
    "log(1 + |length difference|)",  # in words: one side adds or drops a clause
    "numbers on one side",  # 1 if a number appears on one side only (MSRP negatives)
    "differing numbers / 3",  # how many numbers differ, capped at 3
    "shared anchors / 4",  # shared names, dates and numbers, capped at 4
)

WEIGHTS = Weights()


@lru_cache(maxsize=65536)
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


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, bool, bool, bool]:
    """Return a word's key, whether it is content, a date word, or capitalised content."""
    key = word.replace(",", "") if word[0].isdigit() else stem(word)
    content = key not in STOPWORDS and (len(key) >= 2 or key.isdigit())
    return key, content, content and key in CALENDAR, content and word[0].isupper()


def signature(text: str) -> Sig:
    """Return the signature of one sentence (or several read as one)."""
    found = list(map(_word, WORD.findall(text)))
    content = {key for key, kept, _, _ in found if kept}
    anchors = {w[0] for k, w in enumerate(found) if w[2] or (w[3] and k > 0)}
    numbers = frozenset(n.replace(",", "") for n in NUMBER.findall(text))
    chars = "".join(text.lower().split())
    words = tuple([w[0] for w in found])
    return Sig(words, frozenset(content), frozenset(anchors | numbers), numbers, chars)


def join(sigs: Sequence[Sig]) -> Sig:
    """Return the signature of adjacent sentences read as one."""
    if len(sigs) == 1:
        return sigs[0]
    return Sig(
        tuple(w for s in sigs for w in s.words),
        frozenset().union(*(s.content for s in sigs)),
        frozenset().union(*(s.anchors for s in sigs)),
        frozenset().union(*(s.numbers for s in sigs)),
        "".join(s.chars for s in sigs),
    )


class Idf(dict[str, float]):
    """The IDF of each content stem, with the IDF sums of each set of stems once computed."""

    def __init__(self, values: Iterable[tuple[str, float]]) -> None:
        super().__init__(values)
        self.kept: dict[frozenset[str], tuple[float, float]] = {}

    def sums(self, stems: frozenset[str]) -> tuple[float, float]:
        """Return the sum of the squared IDF and the sum of the IDF of the stems (exact)."""
        found = self.kept.get(stems)
        if found is None:
            values = [self.get(w, 0.0) for w in stems]
            found = self.kept[stems] = math.fsum([v * v for v in values]), math.fsum(values)
        return found


def idf_table(sigs: Iterable[Sig]) -> Idf:
    """Return log((N + 1) / df) for every content stem over the sentences of both texts."""
    df: Counter[str] = Counter()
    n = 0
    for s in sigs:
        df.update(s.content)
        n += 1
    return Idf((w, math.log((n + 1) / c)) for w, c in df.items())


@lru_cache(maxsize=SENTENCES_CACHED)
def _ngrams(words: tuple[str, ...]) -> tuple[frozenset[object], ...]:
    """Return the word 1-, 2- and 3-grams as sets, a repeated n-gram as (n-gram, repeat number).

    The size of the intersection of two such sets is the clipped (multiset) match count.
    Cached: a sentence is in several candidate pairs.
    """
    return tuple(
        _multiset(list(grams))
        for grams in (words, pairwise(words), zip(words, words[1:], words[2:], strict=False))
    )


def forget() -> None:
    """Free the per-sentence n-gram sets, word positions and character n-grams of a pair."""
    for cached in (_ngrams, _positions, _char_grams):
        cached.cache_clear()


def _multiset(grams: list[object]) -> frozenset[object]:
    """Return the items as a set in which the k-th repeat of an item (k >= 1) is (item, k)."""
    unique = frozenset(grams)
    if len(unique) == len(grams):
        return unique
    counts = Counter(grams)
    return unique.union([(g, k) for g, c in counts.items() if c > 1 for k in range(1, c)])


def _matches(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[float, ...]:
    """Return unigram F, min(P, R), max(P, R), the same for bigrams, and trigram F; symmetric.

    n-gram matches are clipped (each counts as often as on the side with fewer of it).
    """
    out: list[float] = []
    for n, gx, gy in zip((1, 2, 3), _ngrams(x), _ngrams(y), strict=True):
        nx, ny, m = max(0, len(x) - n + 1), max(0, len(y) - n + 1), len(gx & gy)
        if not nx or not ny:
            out += (0.0, 0.0, 0.0)
        else:
            out += (2 * m / (nx + ny), m / max(nx, ny), m / min(nx, ny))
    return *out[:6], out[6]


def lcs(x: tuple[str, ...], y: Sequence[str]) -> int:
    """Return the length of the longest common subsequence (bit-parallel, Hyyrö 2004)."""
    mask = _positions(x).get
    full = (1 << len(x)) - 1
    v = full
    for w in y:
        u = v & mask(w, 0)
        v = ((v + u) | (v - u)) & full
    return len(x) - v.bit_count()


@lru_cache(maxsize=SENTENCES_CACHED)
def _positions(x: tuple[str, ...]) -> dict[str, int]:
    """Return each word's positions in `x` as the bits of an integer (cached per sentence)."""
    masks: dict[str, int] = {}
    for k, w in enumerate(x):
        masks[w] = masks.get(w, 0) | (1 << k)
    return masks


def char_f(x: str, y: str, n: int = CHAR_ORDER) -> float:
    """Return the F-score (Dice) of the two strings' distinct character n-grams."""
    gx, gy = _char_grams(x, n), _char_grams(y, n)
    total = len(gx) + len(gy)
    return 2 * len(gx & gy) / total if total else 0.0


@lru_cache(maxsize=SENTENCES_CACHED)
def _char_grams(text: str, n: int) -> frozenset[str]:
    """Return the distinct character n-grams of a text (cached per sentence)."""
    return frozenset(map("".join, zip(*(text[k:] for k in range(n)), strict=False)))


def _rarity(x: Sig, y: Sig, idf: Idf) -> tuple[float, float]:
    """Return the IDF cosine of the content stems and the shared share of the larger mass.

    Sums are exact (`math.fsum`): they do not depend on the order a set is read in, which
    changes with the interpreter's string hashing from run to run. A sentence's own sums are
    computed once, however many candidates it meets.
    """
    (sq_x, mass_x), (sq_y, mass_y) = idf.sums(x.content), idf.sums(y.content)
    shared = [idf.get(w, 0.0) for w in x.content & y.content]
    sq = math.fsum([v * v for v in shared])
    cosine = sq / math.sqrt(sq_x * sq_y) if sq_x and sq_y else 0.0
    larger = max(mass_x, mass_y)
    return cosine, math.fsum(shared) / larger if larger else 0.0


def features(x: Sig, y: Sig, idf: Idf) -> tuple[float, ...]:
    """Return the pair's features, in `FEATURES` order; every one is symmetric in x and y."""
    common = lcs(x.words, y.words)
    nx, ny = len(x.words), len(y.words)
    differ = x.numbers ^ y.numbers
    return (
        *_matches(x.words, y.words),
        *_rarity(x, y, idf),
        char_f(x.chars, y.chars),
        common / max(nx, ny, 1),
        common / max(min(nx, ny), 1),
        math.log1p(abs(nx - ny)),
        1.0 if differ else 0.0,
        min(len(differ), 3) / 3,
        min(len(x.anchors & y.anchors), 4) / 4,
    )


def combine(values: Sequence[float], weights: Weights = WEIGHTS) -> float:
    """Return the logistic combination of a pair's features, in [0, 1]."""
    if len(values) != len(weights.coefficients):
        raise ValueError("one weight per feature")
    z = weights.bias + sum(map(mul, weights.coefficients, values))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def pair_score(x: Sig, y: Sig, idf: Idf, weights: Weights = WEIGHTS) -> float:
    """Return P(x and y say the same thing): 1.0 for identical text, else at most the ceiling."""
    if x.chars == y.chars and x.chars:
        return 1.0
    return min(weights.ceiling, combine(features(x, y, idf), weights))


def evidence(x: Sig, y: Sig, idf: Mapping[str, float], unit: float) -> float:
    """Return the rarity the two sides share, in units of one stem found in two sentences.

    Sum over shared content stems of (IDF / `unit`) squared, `unit` being the IDF of a stem in
    just two sentences of the texts; names, dates and numbers count `ANCHOR` times. Rare shared
    specifics weigh most, words common in the texts little, whatever the texts' length. The
    sum is exact, whatever order the shared stems are read in.
    """
    shared = x.content & y.content
    if not shared or not unit:
        return 0.0
    ax, ay = x.anchors, y.anchors  # a name, date or number on either side
    weighed = [idf.get(w, 0.0) ** 2 * (ANCHOR if w in ax or w in ay else 1.0) for w in shared]
    return math.fsum(weighed) / unit**2


def evidence_terms(idf: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """Return each stem's term in `evidence`, plain and as an anchor, for the many pairs that
    one `idf` measures (`table_evidence`)."""
    plain = {w: v**2 for w, v in idf.items()}
    return plain, {w: v * ANCHOR for w, v in plain.items()}


def table_evidence(
    x: Sig, y: Sig, terms: tuple[Mapping[str, float], Mapping[str, float]], unit: float
) -> float:
    """Return `evidence(x, y, idf, unit)` from the `evidence_terms` of `idf` (`unit` not 0)."""
    plain, anchor = terms
    ax, ay = x.anchors, y.anchors
    shared = x.content & y.content
    return math.fsum([anchor[w] if w in ax or w in ay else plain[w] for w in shared]) / unit**2
