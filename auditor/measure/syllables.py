"""Syllable counts as textstat 0.7.8 makes them, from data that loads in milliseconds.

textstat counts a word's syllables with the first pronunciation of the CMU pronouncing
dictionary, else with pyphen's en_US hyphenation points plus one. Parsing the whole CMU
dictionary costs most of a second per process, pyphen's patterns a tenth; here the counts come
from `knowledge/syllables.txt` (generated from the same dictionary by
`python -m auditor.measure.build_syllables`; a test checks it is current) and the hyphenation
points from pyphen's own pattern file, parsed lazily, with pyphen's algorithm.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path

SYLLABLES_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "syllables.txt"
HYPHENATION = "hyph_en_US.dic"  # the file pyphen uses for textstat's "en_US"
DIGITS = b"0123456789"
HEX = re.compile(r"\^{2}([0-9a-f]{2})")
NONZERO = re.compile("[1-9]").search
LEFT = RIGHT = 2  # pyphen's defaults, which textstat keeps: no break within 2 letters of an end


@cache
def _table() -> list[str]:
    """Return the dictionary's lines, `word count`, sorted by word (and so as strings too).

    A word's line is found by bisection on `word + " "`: no word holds a space or a character
    below it, so the lines sort as their words. Splitting into lines is a third of the cost of
    splitting into words and counts.
    """
    return SYLLABLES_FILE.read_text(encoding="utf-8").splitlines()


def dictionary_syllables(word: str) -> int | None:
    """Return the syllables of a lower-case word in the CMU dictionary, or None if absent."""
    lines, key = _table(), word + " "
    k = bisect.bisect_left(lines, key)
    return int(lines[k][len(key) :]) if k < len(lines) and lines[k].startswith(key) else None


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Return textstat's syllable count of one lower-case word."""
    known = dictionary_syllables(word)
    return known if known is not None else len(hyphenation_points(word)) + 1


@cache
def _patterns() -> tuple[dict[str, str], int]:
    """Return pyphen's en_US patterns keyed by their letters, and the longest key's length.

    The keys lose their digits in one pass over the file's UTF-8 bytes (ASCII digits are never
    part of a longer character): `str.translate` deleting characters line by line was half of
    the parse, about 10 ms of every run that hyphenates a word.
    """
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyphen")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / HYPHENATION
    lines = [
        HEX.sub(lambda m: chr(int(m.group(1), 16)), line) if "^^" in line else line
        for line in map(str.strip, path.read_text(encoding="utf-8").split("\n")[1:])
        if line and not line.startswith(("%", "#")) and "HYPHENMIN" not in line  # as pyphen
    ]
    kept = [line for line in lines if NONZERO(line)]  # pyphen skips patterns of zeros only
    keys = "\n".join(kept).encode().translate(None, DIGITS).decode().split("\n")
    patterns = dict(zip(keys, kept, strict=True))
    return patterns, max(len(key) for key in patterns)


@cache
def _values(pattern: str) -> tuple[int, tuple[int, ...]]:
    """Return a pattern's offset and its values between the first and last non-zero one."""
    values: list[int] = []
    digit = ""
    for c in pattern:
        if c.isdigit():
            digit = c
        else:
            values.append(int(digit or "0"))
            digit = ""
    if digit:
        values.append(int(digit))
    start = next(k for k, v in enumerate(values) if v)
    end = len(values) - next(k for k, v in enumerate(reversed(values)) if v)
    return start, tuple(values[start:end])


def hyphenation_points(word: str) -> list[int]:
    """Return pyphen's hyphenation positions of `word` with textstat's settings (Liang)."""
    patterns, maxlen = _patterns()
    pointed = f".{word.lower()}."
    references = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        for j in range(i + 1, min(i + maxlen, len(pointed)) + 1):
            pattern = patterns.get(pointed[i:j])
            if pattern is None:
                continue
            offset, values = _values(pattern)
            for k, v in enumerate(values, start=i + offset):
                references[k] = max(references[k], v)
    right = len(word) - RIGHT
    return [k - 1 for k, r in enumerate(references) if r % 2 and LEFT <= k - 1 <= right]
