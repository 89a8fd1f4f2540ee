"""Cross-source sentence alignment (placeholder: greedy content-word overlap)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from auditor.model import Alignment, Document
from auditor.text import word_spans


@dataclass(frozen=True)
class AlignResult:
    """Aligned groups and the sentences of each document with no counterpart."""

    alignments: tuple[Alignment, ...]
    unaligned: dict[str, tuple[int, ...]]


def _words(doc: Document, index: int) -> set[str]:
    """Return the lower-cased words of a sentence longer than three letters."""
    s = doc.sentences[index]
    return {doc.text[a:b].lower() for a, b in word_spans(doc.text, s.start, s.end) if b - a > 3}


def align(a: Document, b: Document, *, parallel: bool | None = None) -> AlignResult:
    """Align the sentences of `a` and `b` by shared words (1:1, greedy)."""
    index: dict[str, list[int]] = defaultdict(list)
    b_words = [_words(b, j) for j in range(len(b.sentences))]
    for j, words in enumerate(b_words):
        for w in words:
            index[w].append(j)
    pairs: list[tuple[float, int, int]] = []
    for i in range(len(a.sentences)):
        aw = _words(a, i)
        shared: dict[int, int] = defaultdict(int)
        for w in aw:
            for j in index.get(w, ()):
                shared[j] += 1
        for j, n in shared.items():
            score = n / max(1, min(len(aw), len(b_words[j])))
            pairs.append((score, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j in sorted(pairs, reverse=True):
        if score < 0.5 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append(Alignment({a.id: (i,), b.id: (j,)}, round(score, 3)))
    out.sort(key=lambda al: al.sentences[a.id][0])
    unaligned = {
        a.id: tuple(i for i in range(len(a.sentences)) if i not in used_a),
        b.id: tuple(j for j in range(len(b.sentences)) if j not in used_b),
    }
    return AlignResult(tuple(out), unaligned)
