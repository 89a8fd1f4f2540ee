"""Cross-source sentence alignment: candidates, calibrated scores, 1:1 and 1:2 matching.

Two regimes. Texts that are line-by-line parallel (an MT output and its reference, one segment
per line) are aligned on the diagonal, line with line. Other texts (two outlets' articles) are
aligned freely, in any order: candidate pairs come from an inverted index of rare stems, each is
scored by `auditor.similarity`, adjacent sentences may merge (1:2, 2:1) when the merged passage
scores clearly better, and a greedy pass keeps the best-scoring groups, each sentence used once.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditor.candidates import candidates
from auditor.model import Alignment, Document
from auditor.similarity import WEIGHTS, Profile, Weights, idf_table, merge, pair_score, profile
from auditor.text import NEWLINE
from auditor.wordiff import word_diff

MERGE_FLOOR = 0.1  # both 1:1 parts of a 1:2 merge must be candidates scoring at least this
MERGE_GAIN = 0.05  # a merge must beat every 1:1 pair inside it by this much
PARALLEL_WINS = 0.6  # share of lines whose diagonal pair beats its neighbours ...
PARALLEL_RATIO = 2.0  # ... and total diagonal score over total best-neighbour score: parallel
MAX_SCORED = 2000  # sacrebleu chrF/BLEU per alignment (~0.3 ms each) only up to this many groups


@dataclass(frozen=True)
class AlignResult:
    """Aligned groups and the sentences of each document with no counterpart."""

    alignments: tuple[Alignment, ...]
    unaligned: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Group:
    """Sentence indices of the two sides that report the same thing, with their score."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


@dataclass(frozen=True)
class Sides:
    """Both documents' sentence profiles and the rarity of stems over both."""

    a: tuple[Profile, ...]
    b: tuple[Profile, ...]
    idf: Mapping[str, float]
    weights: Weights

    def score(self, a: Sequence[int], b: Sequence[int]) -> float:
        """Return the pair score of a-sentences `a` read together against b-sentences `b`."""
        x = merge([self.a[i] for i in a])
        y = merge([self.b[j] for j in b])
        return pair_score(x, y, self.idf, self.weights)


def align(
    a: Document, b: Document, *, parallel: bool | None = None, weights: Weights = WEIGHTS
) -> AlignResult:
    """Align the sentences of `a` and `b`; `parallel` True forces, False forbids the diagonal."""
    pa = tuple(profile(a.sentence_text(i)) for i in range(len(a.sentences)))
    pb = tuple(profile(b.sentence_text(j)) for j in range(len(b.sentences)))
    sides = Sides(pa, pb, idf_table(pa + pb), weights)
    groups = None if parallel is False else diagonal(a, b, sides, forced=parallel is True)
    if groups is None:
        groups = match(sides)
    return finish(a, b, groups)


def match(sides: Sides) -> list[Group]:
    """Align freely: score candidates, add 1:2 merges, keep the best groups greedily."""
    scored = {(i, j): sides.score((i,), (j,)) for i, j in candidates(sides.a, sides.b, sides.idf)}
    threshold = sides.weights.threshold
    groups = [Group((i,), (j,), s) for (i, j), s in scored.items() if s >= threshold]
    groups += merges(sides, scored)
    return greedy(groups)


def merges(sides: Sides, scored: Mapping[tuple[int, int], float]) -> list[Group]:
    """Return 1:2 and 2:1 groups of adjacent sentences that score clearly above their parts."""
    found: dict[tuple[tuple[int, ...], tuple[int, ...]], Group] = {}
    for (i, j), s in scored.items():
        if s < MERGE_FLOOR:
            continue
        for a, b in (
            ((i,), (j, j + 1)),
            ((i,), (j - 1, j)),
            ((i, i + 1), (j,)),
            ((i - 1, i), (j,)),
        ):
            parts = [scored.get((x, y), 0.0) for x in a for y in b]
            if (a, b) in found or min(parts) < MERGE_FLOOR:
                continue
            m = sides.score(a, b)
            if m >= sides.weights.threshold and m >= max(parts) + MERGE_GAIN:
                found[a, b] = Group(a, b, m)
    return list(found.values())


def _rank(g: Group) -> tuple[float, int, float, int]:
    """Order groups best first; every tie-break is symmetric in the two sides."""
    offset = abs(sum(g.a) / len(g.a) - sum(g.b) / len(g.b))
    return (-g.score, len(g.a) + len(g.b), offset, sum(g.a) + sum(g.b))


def greedy(groups: Sequence[Group]) -> list[Group]:
    """Keep groups best first, skipping any that reuses a sentence."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for g in sorted(groups, key=lambda g: (*_rank(g), sorted((g.a, g.b)))):
        if used_a.isdisjoint(g.a) and used_b.isdisjoint(g.b):
            used_a.update(g.a)
            used_b.update(g.b)
            kept.append(g)
    return kept


def lines(doc: Document) -> list[int]:
    """Return the start offsets of the non-empty lines of the document's body."""
    starts = [doc.body_start] + [m.end() for m in NEWLINE.finditer(doc.text, doc.body_start)]
    ends = [*starts[1:], len(doc.text)]
    return [s for s, e in zip(starts, ends, strict=True) if doc.text[s:e].strip()]


def line_groups(a: Document, b: Document) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Pair line k of `a` with line k of `b`, joining lines a sentence runs across."""
    la, lb = lines(a), lines(b)
    joined: set[int] = set()  # line k is joined to line k + 1
    owner: list[tuple[list[int], list[int]]] = [([], []) for _ in la]
    for doc, starts, side in ((a, la, 0), (b, lb, 1)):
        for s in doc.sentences:
            first = max(0, bisect.bisect_right(starts, s.start) - 1)
            last = max(0, bisect.bisect_right(starts, s.end - 1) - 1)
            joined.update(range(first, last))
            owner[first][side].append(s.index)
    out: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    ga: list[int] = []
    gb: list[int] = []
    for k, (sa, sb) in enumerate(owner):
        ga += sa
        gb += sb
        if k not in joined:
            if ga and gb:
                out.append((tuple(ga), tuple(gb)))
            ga, gb = [], []
    return out


def diagonal(a: Document, b: Document, sides: Sides, *, forced: bool) -> list[Group] | None:
    """Return the diagonal line by line if the texts are parallel; forced, sentence by sentence."""
    n_lines = len(lines(a))
    if n_lines >= 2 and n_lines == len(lines(b)):
        pairs = line_groups(a, b)
    elif forced:
        pairs = [((i,), (i,)) for i in range(min(len(sides.a), len(sides.b)))]
    else:
        return None
    groups = [Group(x, y, sides.score(x, y)) for x, y in pairs]
    if forced or (len(groups) >= 2 and _diagonal_wins(sides, groups)):
        return groups
    return None


def _diagonal_wins(sides: Sides, groups: Sequence[Group]) -> bool:
    """Return True if the diagonal pairs mostly beat, and on average double, their neighbours."""
    wins = 0
    rival_total = 0.0
    for k, g in enumerate(groups):
        near = [h for h in groups[max(0, k - 1) : k + 2] if h is not g]
        rival = max([sides.score(g.a, h.b) for h in near] + [sides.score(h.a, g.b) for h in near])
        wins += g.score >= rival
        rival_total += rival
    diagonal_total = sum(g.score for g in groups)
    return wins >= PARALLEL_WINS * len(groups) and diagonal_total >= PARALLEL_RATIO * rival_total


def finish(a: Document, b: Document, groups: Sequence[Group]) -> AlignResult:
    """Turn groups into alignments with word differences and, for small texts, sentence scores."""
    from auditor import metrics

    scored = len(groups) <= MAX_SCORED
    out = []
    for g in sorted(groups, key=lambda g: (g.a[0], g.b[0])):
        spans_a = [(a.sentences[i].start, a.sentences[i].end) for i in g.a]
        spans_b = [(b.sentences[j].start, b.sentences[j].end) for j in g.b]
        ref = " ".join(a.text[s:e] for s, e in spans_a)
        hyp = " ".join(b.text[s:e] for s, e in spans_b)
        out.append(
            Alignment(
                sentences={a.id: g.a, b.id: g.b},
                score=round(g.score, 4),
                diff=word_diff(a.text, spans_a, b.text, spans_b),
                chrf=round(metrics.sentence_chrf(hyp, ref), 2) if scored else None,
                bleu=round(metrics.sentence_bleu(hyp, ref), 2) if scored else None,
            )
        )
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    unaligned = {
        a.id: tuple(i for i in range(len(a.sentences)) if i not in used_a),
        b.id: tuple(j for j in range(len(b.sentences)) if j not in used_b),
    }
    return AlignResult(tuple(out), unaligned)
