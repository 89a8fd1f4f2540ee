"""How two articles of one event relate: one story copied, versions of one text, or two sources.

The engine decides "versions" (a translation, a rewrite) or "sources" (two outlets) for every
pair it aligns. Before that, shared word 5-grams find copies of one wire story: a `duplicate`
(whole) or a `trimmed-copy` (shortened). Copies and versions of one story count once among an
event's independent sources.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")
SHINGLE = 5
DUPLICATE = 0.9  # share of each article's 5-grams found in the other: the same story
COPY = 0.6  # share of the shorter article's 5-grams found in the longer: a trimmed copy
INDEPENDENT = "sources"
NOT_ALIGNED = "not-aligned"  # a pair of a large event that the engine did not align


def copy_relation(sa: set[tuple[str, ...]], sb: set[tuple[str, ...]]) -> str | None:
    """Return "duplicate" or "trimmed-copy" if one text copies the other (by their shingles)."""
    if not sa or not sb:
        return None
    shared = len(sa & sb)
    in_a, in_b = shared / len(sa), shared / len(sb)
    if min(in_a, in_b) >= DUPLICATE:
        return "duplicate"
    if max(in_a, in_b) >= COPY:
        return "trimmed-copy"
    return None


def shingles(text: str) -> set[tuple[str, ...]]:
    """Return the article's word 5-grams, case-folded."""
    words = [w.casefold() for w in WORD.findall(text)]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def stories(n: int, relations: dict[tuple[int, int], str]) -> list[int]:
    """Return, for each of `n` articles, the index of the first article of its story."""
    story = list(range(n))
    for (i, j), rel in sorted(relations.items()):
        if rel not in (INDEPENDENT, NOT_ALIGNED):
            si, sj = story[i], story[j]
            story = [min(si, sj) if s in (si, sj) else s for s in story]
    return story
