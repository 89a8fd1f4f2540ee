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
Counters' keys as sets otherwise. BLEU's default `13a` tokenizer pads punctuation with
`str.replace` and `str.split` (sacrebleu's `re.sub` with group references makes a Python call
per match, nearly one per word). The scores stay sacrebleu's: the statistics go to the metric's
own score (`auditor.measure.scores`). Tests compare tokens, statistics and scores with sacrebleu's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any


# sacrebleu's TokenizerRegexp pads each of these characters with spaces (its first rule,
# `([\{-\~\[-\` -\&\(-\+\:-\@\/])` -> ` \1 `); its other rules look at neighbours (below).
def _padded(c: str) -> str:
    """Return an ASCII character as that first rule writes it: padded or kept."""
    punctuation = "{" <= c <= "~" or "[" <= c <= "`" or " " <= c <= "&" or "(" <= c <= "+"
    return f" {c} " if punctuation or ":" <= c <= "@" or c == "/" else c


# The characters that rule pads, the space left out: padding it changes only how many spaces
# separate the tokens, and the other rules look at whether a neighbour is a digit. Padding them
# one `str.replace` each, those in the line only, is faster than a `str.translate` to strings.
PADDED = tuple(c for c in map(chr, range(33, 128)) if _padded(c) != c)
# Its other rules, `([^0-9])([\.,])` -> `\1 \2 `, `([\.,])([^0-9])` -> ` \1 \2` and `([0-9])(-)` ->
# `\1 \2 `: a period or a comma is padded unless between two digits, a dash after a digit. When
# two points touch, the matches of the first two rules overlap and `re.sub` leaves some out:
# then `re.split` returns the text between the matches and each match's groups, found as
# `re.sub` finds them, and the point (the first group or the second) is padded.
DIGITS = frozenset("0123456789")
POINT_AFTER = re.compile(r"([^0-9])([\.,])")
POINT_BEFORE = re.compile(r"([\.,])([^0-9])")
POINT_PADDED = {".": " . ", ",": " , "}


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
    line = f" {line} "
    for c in PADDED:
        if c in line:
            line = line.replace(c, f" {c} ")
    if "." in line or "," in line:
        line = _pad_points(line)
    if "-" in line:
        parts = line.split("-")  # a dash is no digit: a match of `([0-9])(-)` overlaps none
        dashes = [" - " if part[-1:] in DIGITS else "-" for part in parts[:-1]]
        line = "".join(_interleave(parts, dashes))
    return " ".join(line.split())


def _pad_points(line: str) -> str:
    """Pad the periods and commas of a line (spaced at both ends) as 13a's rules do."""
    if ".." in line or ".," in line or ",." in line or ",," in line:
        parts = POINT_AFTER.split(line)
        parts[2::3] = map(POINT_PADDED.__getitem__, parts[2::3])
        parts = POINT_BEFORE.split("".join(parts))
        parts[1::3] = map(POINT_PADDED.__getitem__, parts[1::3])
        return "".join(parts)
    for point, padded in POINT_PADDED.items():
        texts = line.split(point)  # no two points touch: no text is empty
        between = [
            point if before[-1] in DIGITS and after[0] in DIGITS else padded
            for before, after in pairwise(texts)
        ]
        line = "".join(_interleave(texts, between))
    return line


def _interleave(texts: list[str], between: list[str]) -> list[str]:
    """Return the texts with one of `between` (one fewer) between each two."""
    out = texts + between
    out[::2], out[1::2] = texts, between
    return out


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
