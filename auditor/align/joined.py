"""Word differences between documents other than the first, joined through the first's sentences.

The engine aligns each document with the first. To show the differences against another
document, the report needs, for each two others, the word differences of their sentences that
align with the same sentences of the first (one row of the report).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from auditor.align.wordiff import word_diff
from auditor.model import Alignment, Document, PairDiff, joined_by_first


def joined_diffs(docs: Sequence[Document], alignments: Sequence[Alignment]) -> tuple[PairDiff, ...]:
    """Diff each two other documents' sentences aligned with the same sentences of the first.

    Pairs that some alignment already links directly are left out: their alignments hold the
    word differences.
    """
    if len(docs) < 3:
        return ()
    direct = {frozenset(al.sentences) for al in alignments}
    by_id = {d.id: d for d in docs}
    others = [d.id for d in docs[1:]]
    out: list[PairDiff] = []
    for group, _ in joined_by_first(alignments, docs[0].id):
        present = [d for d in others if group.get(d)]
        for x, y in combinations(present, 2):
            if frozenset((x, y)) not in direct:
                out.append(_pair_diff(by_id[x], sorted(group[x]), by_id[y], sorted(group[y])))
    return tuple(out)


def _pair_diff(a: Document, mine: list[int], b: Document, theirs: list[int]) -> PairDiff:
    """Return the word differences of sentences `mine` of `a` and `theirs` of `b`."""
    spans_a = [(a.sentences[i].start, a.sentences[i].end) for i in mine]
    spans_b = [(b.sentences[j].start, b.sentences[j].end) for j in theirs]
    return PairDiff(
        {a.id: tuple(mine), b.id: tuple(theirs)}, word_diff(a.text, spans_a, b.text, spans_b)
    )
