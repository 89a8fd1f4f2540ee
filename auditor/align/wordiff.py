"""Word-level difference of two aligned passages, as character spans in each text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from auditor.model import DiffOp
from auditor.read.tokens import token_spans

Spans = Sequence[tuple[int, int]]


def tokens(text: str, sentences: Spans) -> list[tuple[int, int]]:
    """Return the word and punctuation spans of the given sentence spans, in order."""
    return [span for start, end in sentences for span in token_spans(text, start, end)]


def word_diff(
    text_a: str, sentences_a: Spans, text_b: str, sentences_b: Spans
) -> tuple[DiffOp, ...]:
    """Diff the tokens of two passages with difflib; equal spans have identical text."""
    if len(sentences_a) == len(sentences_b) == 1:
        same = _same_sentence(text_a, sentences_a[0], text_b, sentences_b[0])
        if same is not None:
            return same
    ta, tb = tokens(text_a, sentences_a), tokens(text_b, sentences_b)
    words_a = [text_a[s:e] for s, e in ta]
    words_b = [text_b[s:e] for s, e in tb]
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in _opcodes(words_a, words_b):
        if tag == "equal":
            ops.extend(_equal_runs(text_a, ta, i1, text_b, tb, j1, i2 - i1))
        else:
            ops.append(DiffOp(tag, *_span(ta, i1, i2), *_span(tb, j1, j2)))
    return tuple(ops)


def _same_sentence(
    text_a: str, span_a: tuple[int, int], text_b: str, span_b: tuple[int, int]
) -> tuple[DiffOp, ...] | None:
    """Return the diff of two identical sentences (one equal run), or None if they differ."""
    (sa, ea), (sb, eb) = span_a, span_b
    if text_a[sa:ea] != text_b[sb:eb]:
        return None
    toks = token_spans(text_a, sa, ea)
    if not toks:
        return ()
    start, end = toks[0][0], toks[-1][1]
    return (DiffOp("equal", start, end, start - sa + sb, end - sa + sb),)


def _opcodes(a: list[str], b: list[str]) -> Sequence[tuple[str, int, int, int, int]]:
    """Return difflib's opcodes turning `a` into `b` (one "equal" run when they are the same)."""
    if a == b:
        return [("equal", 0, len(a), 0, len(b))] if a else []
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _span(toks: Spans, i1: int, i2: int) -> tuple[int, int]:
    """Return the character span of tokens i1..i2, or an empty span where they would be."""
    if i1 < i2:
        return toks[i1][0], toks[i2 - 1][1]
    if i1 < len(toks):
        return toks[i1][0], toks[i1][0]
    end = toks[-1][1] if toks else 0
    return end, end


def _equal_runs(
    text_a: str, ta: Spans, i: int, text_b: str, tb: Spans, j: int, n: int
) -> Iterator[DiffOp]:
    """Yield equal ops over n matching tokens, cut wherever the spacing between them differs."""
    first = 0
    for k in range(1, n):
        gap_a = text_a[ta[i + k - 1][1] : ta[i + k][0]]
        gap_b = text_b[tb[j + k - 1][1] : tb[j + k][0]]
        if gap_a != gap_b:
            yield DiffOp(
                "equal", ta[i + first][0], ta[i + k - 1][1], tb[j + first][0], tb[j + k - 1][1]
            )
            first = k
    yield DiffOp("equal", ta[i + first][0], ta[i + n - 1][1], tb[j + first][0], tb[j + n - 1][1])
