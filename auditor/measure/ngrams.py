"""sacrebleu's chrF and BLEU segment statistics, computed faster; the same statistics.

sacrebleu counts each segment's n-grams into Counters and intersects them in a Python loop,
n-gram by n-gram: at 10,000 aligned segments that is most of a compare's scoring. These
functions return the very lists sacrebleu's `_compute_segment_statistics` returns for one
reference (hypothesis, reference and matched n-grams per order for chrF, which counts characters
only as `CHRF()` does; lengths, matched and total n-grams per order for BLEU), with the
preprocessing of the metric object, but take a segment equal to its reference as all matched,
count apart only the n-grams that touch the part where the two differ (an n-gram inside the
prefix or the suffix both share is in both counts, and min(a + c, b + c) = c + min(a, b)), and
match those as sets when one side has none twice (each shared one counts once), intersecting
Counters' keys as sets otherwise. BLEU's default `13a` tokenizer pads punctuation with one
`str.translate` (sacrebleu's `re.sub` makes a Python call per match, nearly one per word). The
scores stay sacrebleu's: the statistics go to the metric's own `_aggregate_and_compute`. Tests
compare tokens, statistics and scores with sacrebleu's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from typing import Any


# sacrebleu's TokenizerRegexp pads each of these characters with spaces (its first rule,
# `([\{-\~\[-\` -\&\(-\+\:-\@\/])` -> ` \1 `); its other rules look at neighbours and stay regexes.
def _padded(c: str) -> str:
    """Return an ASCII character as that first rule writes it: padded or kept."""
    punctuation = "{" <= c <= "~" or "[" <= c <= "`" or " " <= c <= "&" or "(" <= c <= "+"
    return f" {c} " if punctuation or ":" <= c <= "@" or c == "/" else c


# The rule as one `str.translate` table. It holds every ASCII character, the unchanged ones
# too: `str.translate` takes one missing from it for a failed lookup (an exception raised and
# caught), which doubles its time.
PADDED = str.maketrans({c: _padded(c) for c in map(chr, range(128))})
REGEX_RULES = (
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
)


def chrf_stats(chrf: Any, hypothesis: str, reference: str) -> list[int]:
    """Return sacrebleu's chrF statistics of one segment against one reference (characters only)."""
    hyp = _chrf_chars(chrf, hypothesis)
    ref = hyp if reference == hypothesis else _chrf_chars(chrf, reference)
    orders = range(1, chrf.char_order + 1)
    if hyp == ref:  # every n-gram matched (most aligned segments of two versions)
        return [count for n in orders for count in [max(0, len(hyp) - n + 1)] * 3]
    ends = _shared_ends(hyp, ref)
    stats: list[int] = []
    for n in orders:
        hyp_count, ref_count = max(0, len(hyp) - n + 1), max(0, len(ref) - n + 1)
        matched = _matched_around(hyp, ref, n, ends, _char_grams) if hyp_count and ref_count else 0
        stats += [hyp_count if ref_count else 0, ref_count, matched]
    return stats


def _chrf_chars(chrf: Any, segment: str) -> str:
    """Return a segment after chrF's preprocessing, whitespace left out as `CHRF()` does."""
    text = str(chrf._preprocess_segment(segment))
    return text if chrf.whitespace else "".join(text.split())


def bleu_stats(bleu: Any, hypothesis: str, reference: str) -> list[int]:
    """Return sacrebleu's BLEU statistics of one segment against one reference."""
    hyp = _bleu_tokens(bleu, hypothesis)
    ref = hyp if reference == hypothesis else _bleu_tokens(bleu, reference)
    order = bleu.max_ngram_order
    total = [max(0, len(hyp) - n + 1) for n in range(1, order + 1)]
    if hyp == ref:
        correct = list(total)
    else:
        ends = _shared_ends(hyp, ref)
        correct = [_matched_around(hyp, ref, n, ends, _word_grams) for n in range(1, order + 1)]
    return [len(hyp), len(ref), *correct, *total]


def _bleu_tokens(bleu: Any, segment: str) -> list[str]:
    """Return the tokens of a segment after BLEU's preprocessing (13a tokenized faster)."""
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    if type(bleu.tokenizer) is not Tokenizer13a:
        return str(bleu._preprocess_segment(segment)).split()
    text = segment.lower() if bleu.lowercase else segment
    return tokenize_13a(text.rstrip()).split()


@lru_cache(maxsize=2**16)
def tokenize_13a(line: str) -> str:
    """Return `line` tokenized as sacrebleu's `Tokenizer13a` does."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
        line = line.replace("&gt;", ">")
    line = f" {line} ".translate(PADDED)
    for pattern, replacement in REGEX_RULES:
        line = pattern.sub(replacement, line)
    return " ".join(line.split())


def _shared_ends(hyp: Sequence[Hashable], ref: Sequence[Hashable]) -> tuple[int, int]:
    """Return the lengths of the prefix and the suffix both share, together at most the shorter."""
    most = min(len(hyp), len(ref))
    head = 0
    while head < most and hyp[head] == ref[head]:
        head += 1
    tail = 0
    while tail < most - head and hyp[-1 - tail] == ref[-1 - tail]:
        tail += 1
    return head, tail


def _matched_around(
    hyp: Sequence[Any],
    ref: Sequence[Any],
    n: int,
    ends: tuple[int, int],
    grams: Callable[[Any, int], Sequence[Hashable]],
) -> int:
    """Return the n-grams the two share: those inside the shared ends, plus the clipped matches
    of those that touch the part between them."""
    inside_head, inside_tail = max(0, ends[0] - n + 1), max(0, ends[1] - n + 1)
    middle_hyp = hyp[inside_head : len(hyp) - inside_tail]
    middle_ref = ref[inside_head : len(ref) - inside_tail]
    shared = inside_head + inside_tail
    if len(middle_hyp) < n or len(middle_ref) < n:
        return shared
    return shared + _matched(grams(middle_hyp, n), grams(middle_ref, n))


def _matched(hyp: Sequence[Hashable], ref: Sequence[Hashable]) -> int:
    """Return the number of n-grams the two share, each counted at most as often as in both.

    When one side has no n-gram twice, each shared n-gram counts once: the size of the two
    sets' intersection, without counting (most middles of two versions are a few words)."""
    hyp_set, ref_set = set(hyp), set(ref)
    common = hyp_set & ref_set
    if len(hyp_set) == len(hyp) or len(ref_set) == len(ref):
        return len(common)
    hyp_count, ref_count = Counter(hyp), Counter(ref)
    return sum(map(min, map(hyp_count.__getitem__, common), map(ref_count.__getitem__, common)))


def _char_grams(text: str, n: int) -> Sequence[str]:
    """Return the character n-grams of a text, in order."""
    if n == 1:
        return text
    return [text[i : i + n] for i in range(len(text) - n + 1)]


def _word_grams(words: Sequence[str], n: int) -> Sequence[Hashable]:
    """Return the word n-grams of a token list, in order."""
    if n == 1:
        return words
    return list(zip(*(words[k:] for k in range(n)), strict=False))
