"""Hard-wrapped plain text: detect it and join its lines into paragraphs.

A file is hard-wrapped when the lines that continue a paragraph are full (the next line's first
word would not have fitted within the widest line, as an editor wrapping at 72 columns leaves
them) and mostly do not end a sentence. Text with one sentence or segment per line, as
translation data has, keeps its lines.
"""

from __future__ import annotations

import re

from auditor.read.lines import NEWLINE
from auditor.read.segment import SENTENCE_END

FIRST_WORD = re.compile(r"[ \t]*\S*")

MAX_WIDTH = 160  # wider lines are paragraphs on one line, not wrapped text
MIN_WIDTH = 20  # nobody wraps prose narrower than this
MIN_CONTINUED = 2  # lines that continue a paragraph needed to judge
FULL_SHARE = 0.8  # at least this share of continued lines are full
SENTENCE_END_SHARE = 0.5  # at most this share of continued lines end a sentence


def continued_lines(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """Return (start, end, break end) of each non-blank line followed by a non-blank line."""
    lines, pos = [], start
    for m in NEWLINE.finditer(text, start):
        lines.append((pos, m.start(), m.end()))
        pos = m.end()
    lines.append((pos, len(text), len(text)))
    filled = [bool(text[s:e].strip()) for s, e, _ in lines]
    return [line for i, line in enumerate(lines[:-1]) if filled[i] and filled[i + 1]]


def is_hard_wrapped(text: str, start: int = 0) -> bool:
    """Return True if the lines after `start` are wrapped at a common width."""
    continued = continued_lines(text, start)
    if len(continued) < MIN_CONTINUED:
        return False
    lines = [text[s:e].rstrip() for s, e, _ in continued]
    width = max(len(line) for line in lines)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return False
    following = [_first_word(text, after) for _, _, after in continued]
    full = sum(1 for line, word in zip(lines, following, strict=True) if len(line) + word >= width)
    ends = sum(1 for line in lines if line[-1:] in SENTENCE_END)
    return full >= FULL_SHARE * len(lines) and ends <= SENTENCE_END_SHARE * len(lines)


def _first_word(text: str, pos: int) -> int:
    """Return the length of the first word at or after `pos` on its line."""
    m = FIRST_WORD.match(text, pos)
    return len(m.group().lstrip()) if m else 0


def unwrap(text: str, start: int = 0) -> str:
    """Return `text` with the line breaks inside paragraphs after `start` turned into spaces."""
    out = list(text)
    for _, end, after in continued_lines(text, start):
        out[end:after] = " " * (after - end)
    return "".join(out)
