"""Words and tokens of a text as spans, and the normal form used for keys."""

from __future__ import annotations

import re

from auditor.knowledge.lexicon import TOKEN, WORD, lexicon

# Two characters that one WORD can hold side by side (its inner - ' ’ . stand between letters).
WORD_PAIR = re.compile(r"\w[\w'’.-]|[\w'’.-]\w")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return spans of words (letters/digits, with inner hyphens and apostrophes)."""
    stop = len(text) if end is None else end
    return [m.span() for m in WORD.finditer(text, start, stop)]


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """Return the number of words `word_spans` finds, without building their spans."""
    return len(WORD.findall(text, start, len(text) if end is None else end))


def word_edge(text: str, at: int) -> bool:
    """Return True if no word runs across offset `at`: a character on one side is no word's."""
    return at == 0 or WORD_PAIR.match(text, at - 1) is None


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return spans of words and single punctuation marks."""
    stop = len(text) if end is None else end
    return [m.span() for m in TOKEN.finditer(text, start, stop)]


QUOTES = lexicon().quotes
QUOTE_FOLD = str.maketrans(
    dict.fromkeys(QUOTES.open_double + QUOTES.close_double + QUOTES.low_double, '"')
    | dict.fromkeys(QUOTES.curly_single, "'")
    | {"\u00a0": " "}
)


def normalise(text: str) -> str:
    """Fold case, quotes and whitespace so that cosmetic edits do not change a key."""
    folded = text.casefold().translate(QUOTE_FOLD)
    return " ".join(folded.split())
