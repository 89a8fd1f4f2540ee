"""sacrebleu's chrF and BLEU segment statistics, computed faster; the same statistics.

sacrebleu counts each segment's n-grams into Counters and intersects them in a Python loop,
n-gram by n-gram: at 10,000 aligned segments that is most of a compare's scoring. These
functions return the very lists sacrebleu's `_compute_segment_statistics` returns for one
reference (hypothesis, reference and matched n-grams per order for chrF, which counts characters
only as `CHRF()` does; lengths, matched and total n-grams per order for BLEU), with the
preprocessing of the metric object, but intersect the Counters' keys as sets and take a segment
equal to its reference as all matched. The scores stay sacrebleu's: the statistics go to the
metric's own `_aggregate_and_compute`. Tests compare statistics and scores with sacrebleu's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any


def chrf_stats(chrf: Any, hypothesis: str, reference: str) -> list[int]:
    """Return sacrebleu's chrF statistics of one segment against one reference (characters only)."""
    hyp, ref = chrf._preprocess_segment(hypothesis), chrf._preprocess_segment(reference)
    if not chrf.whitespace:
        hyp, ref = "".join(hyp.split()), "".join(ref.split())
    stats: list[int] = []
    for n in range(1, chrf.char_order + 1):
        hyp_count, ref_count = max(0, len(hyp) - n + 1), max(0, len(ref) - n + 1)
        if hyp == ref:
            matched = hyp_count
        elif hyp_count and ref_count:
            matched = _matched(_char_grams(hyp, n), _char_grams(ref, n))
        else:
            matched = 0
        stats += [hyp_count if ref_count else 0, ref_count, matched]
    return stats


def bleu_stats(bleu: Any, hypothesis: str, reference: str) -> list[int]:
    """Return sacrebleu's BLEU statistics of one segment against one reference."""
    hyp = bleu._preprocess_segment(hypothesis).split()
    ref = bleu._preprocess_segment(reference).split()
    order = bleu.max_ngram_order
    total = [max(0, len(hyp) - n + 1) for n in range(1, order + 1)]
    if hyp == ref:
        correct = list(total)
    else:
        correct = [_matched(_word_grams(hyp, n), _word_grams(ref, n)) for n in range(1, order + 1)]
    return [len(hyp), len(ref), *correct, *total]


def _matched(hyp: Counter[Any], ref: Counter[Any]) -> int:
    """Return the number of n-grams the two counts share (each counted at most in both)."""
    common = hyp.keys() & ref.keys()
    return sum(map(min, map(hyp.__getitem__, common), map(ref.__getitem__, common)))


def _char_grams(text: str, n: int) -> Counter[str]:
    """Count the character n-grams of a text."""
    if n == 1:
        return Counter(text)
    return Counter([text[i : i + n] for i in range(len(text) - n + 1)])


def _word_grams(words: Sequence[str], n: int) -> Counter[Hashable]:
    """Count the word n-grams of a token list."""
    if n == 1:
        return Counter(words)
    return Counter(zip(*(words[k:] for k in range(n)), strict=False))
