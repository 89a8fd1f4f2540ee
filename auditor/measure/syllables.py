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
DIGITS = str.maketrans("", "", "0123456789")
HEX = re.compile(r"\^{2}([0-9a-f]{2})")
NONZERO = re.compile("[1-9]").search
LEFT = RIGHT = 2  # pyphen's defaults, which textstat keeps: no break within 2 letters of an end


@cache
def _table() -> tuple[list[str], list[str]]:
    """Return the dictionary's words, sorted, and their syllable counts (as digit strings)."""
    tokens = SYLLABLES_FILE.read_text(encoding="utf-8").split()
    return tokens[0::2], tokens[1::2]


def dictionary_syllables(word: str) -> int | None:
    """Return the syllables of a lower-case word in the CMU dictionary, or None if absent."""
    words, counts = _table()
    k = bisect.bisect_left(words, word)
    return int(counts[k]) if k < len(words) and words[k] == word else None


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Return textstat's syllable count of one lower-case word."""
    known = dictionary_syllables(word)
    return known if known is not None else len(hyphenation_points(word)) + 1


@cache
def _patterns() -> tuple[dict[str, str], int]:
    """Return pyphen's en_US patterns keyed by their letters, and the longest key's length."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyphen")
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / HYPHENATION
    patterns: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").split("\n")[1:]:
        line = line.strip()
        if not line or line.startswith(("%", "#")) or "HYPHENMIN" in line:  # as pyphen
            continue
        if "^^" in line:
            line = HEX.sub(lambda m: chr(int(m.group(1), 16)), line)
        if NONZERO(line):  # patterns of zeros only are skipped, as pyphen does
            patterns[line.translate(DIGITS)] = line
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
