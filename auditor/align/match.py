"""Cross-source sentence alignment: candidates, calibrated scores, 1:1 and 1:2 matching.

Two regimes. Texts that are line-by-line parallel (an MT output and its reference, one segment
per line) are aligned on the diagonal, line with line, unless the scores show the lines are not
in parallel order. Other texts (two outlets' articles) are aligned freely, in any order:
candidate pairs come from an inverted index of rare stems, each is scored by
`auditor.similarity`, and two passes link them. "Same" links: groups (1:1, and 1:2 or 2:1 of
adjacent sentences that score clearly better together) whose score reaches the threshold, best
first, each sentence used once. "Related" links: among the sentences left, pairs that are each
other's best partner by shared rare content, above the floors documented in `Weights`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from auditor.align.candidates import candidates
from auditor.align.similarity import (
    WEIGHTS,
    Idf,
    Sig,
    Weights,
    evidence,
    forget,
    idf_table,
    join,
    pair_score,
)
from auditor.align.similarity import signature as sentence_signature
from auditor.align.wordiff import word_diff
from auditor.collector import paused
from auditor.model import Alignment, Document
from auditor.read.lines import NEWLINE

MERGE_FLOOR = 0.1  # both 1:1 parts of a 1:2 "same" merge must be candidates scoring this much
MERGE_GAIN = 0.05  # a merge must beat every 1:1 pair inside it by this much
# Line-parallel texts go on the diagonal unless the evidence says the lines are reordered: the
# diagonal's total score must reach this share of the best one-to-one assignment's total.
PARALLEL_SHARE = 0.8
MAX_SCORED = 2000  # sacrebleu chrF/BLEU per alignment (~0.5 ms each) only up to this many groups

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class AlignResult:
    """Aligned groups and the sentences of each document with no counterpart."""

    alignments: tuple[Alignment, ...]
    unaligned: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class Group:
    """Sentence indices of the two sides, their score and the kind of link."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    kind: str = "same"
    weight: float = 0.0  # what the pass that made the group ranks by (score or evidence)


@dataclass(frozen=True)
class Sides:
    """Both documents' sentence signatures and the rarity of stems over both."""

    a: tuple[Sig, ...]
    b: tuple[Sig, ...]
    idf: Idf
    weights: Weights
    unit: float  # IDF of a stem found in two sentences: the unit of `evidence`

    def pair(self, a: Sequence[int], b: Sequence[int]) -> tuple[Sig, Sig]:
        """Return the signatures of a-sentences `a` and b-sentences `b`, each read as one."""
        return join([self.a[i] for i in a]), join([self.b[j] for j in b])

    def score(self, a: Sequence[int], b: Sequence[int]) -> float:
        """Return the pair score of the two passages."""
        return pair_score(*self.pair(a, b), self.idf, self.weights)

    def evidence(self, a: Sequence[int], b: Sequence[int]) -> float:
        """Return the rare content the two passages share."""
        return evidence(*self.pair(a, b), self.idf, self.unit)


@lru_cache(maxsize=4)
def signatures(doc: Document) -> tuple[Sig, ...]:
    """Return the signature of every sentence of the document (kept for the fact links)."""
    return tuple(sentence_signature(doc.sentence_text(i)) for i in range(len(doc.sentences)))


def make_sides(xs: tuple[Sig, ...], ys: tuple[Sig, ...], weights: Weights) -> Sides:
    """Return the two sides with IDF measured over both."""
    return Sides(xs, ys, idf_table(xs + ys), weights, math.log((len(xs) + len(ys) + 1) / 2))


def align(
    a: Document, b: Document, *, parallel: bool | None = None, weights: Weights = WEIGHTS
) -> AlignResult:
    """Align the sentences of `a` and `b`; `parallel` True forces, False forbids the diagonal."""
    with paused():
        return finish(a, b, groups(a, b, parallel, weights))


def groups(a: Document, b: Document, parallel: bool | None, weights: Weights) -> list[Group]:
    """Return the aligned groups; what was built to find them is freed on return."""
    sides = make_sides(signatures(a), signatures(b), weights)
    try:
        found = None if parallel is False else diagonal(a, b, sides, forced=parallel is True)
        return match(sides) if found is None else found
    finally:
        forget()


def match(sides: Sides) -> list[Group]:
    """Align freely: "same" groups above the threshold, then "related" ones among the rest."""
    found = sorted(candidates(sides.a, sides.b, sides.idf))  # a sentence's pairs come together
    scored = {(i, j): sides.score((i,), (j,)) for i, j in found}
    threshold = sides.weights.threshold
    same = [Group((i,), (j,), s, weight=s) for (i, j), s in scored.items() if s >= threshold]
    kept = greedy(same + merges(sides, scored))
    return kept + related(sides, scored, kept)


def merges(sides: Sides, scored: Mapping[tuple[int, int], float]) -> list[Group]:
    """Return 1:2 and 2:1 groups of adjacent sentences that score clearly above their parts."""
    found: dict[Pair, Group] = {}
    for (i, j), s in scored.items():
        if s < MERGE_FLOOR:
            continue
        for a, b in neighbours(i, j):
            parts = [scored.get((x, y), 0.0) for x in a for y in b]
            if (a, b) in found or min(parts) < MERGE_FLOOR:
                continue
            m = sides.score(a, b)
            if m >= sides.weights.threshold and m >= max(parts) + MERGE_GAIN:
                found[a, b] = Group(a, b, m, weight=m)
    return list(found.values())


def neighbours(i: int, j: int) -> tuple[Pair, ...]:
    """Return the 1:2 and 2:1 groups that contain the pair (i, j)."""
    return (((i,), (j, j + 1)), ((i,), (j - 1, j)), ((i, i + 1), (j,)), ((i - 1, i), (j,)))


def related(
    sides: Sides, scored: Mapping[tuple[int, int], float], kept: Iterable[Group]
) -> list[Group]:
    """Link sentences left unaligned to their mutual best partner by shared rare content."""
    used_a = {i for g in kept for i in g.a}
    used_b = {j for g in kept for j in g.b}
    weights = sides.weights
    strength = {
        (i, j): sides.evidence((i,), (j,))
        for (i, j), s in scored.items()
        if i not in used_a and j not in used_b and s >= weights.weak_floor
    }
    best_b = _best(strength, 0)
    best_a = _best(strength, 1)
    groups = []
    for i, j in strength:
        if best_b[i] == j and best_a[j] == i:
            single = _related_group(sides, (i,), (j,))
            groups.append(single)
            groups += _related_merges(sides, strength, single)
    return greedy([g for g in groups if _trusted(g, sides)])


def _trusted(g: Group, sides: Sides) -> bool:
    """Return True for strong shared evidence, or weak evidence at the same place in long texts.

    Weak evidence (a single rare word, a low score) is trusted only where position agrees,
    which is informative only when both texts have enough sentences for chance to be unlikely.
    """
    w = sides.weights
    if g.weight >= w.related_evidence and g.score >= w.related_floor:
        return True
    if min(len(sides.a), len(sides.b)) < w.weak_min_sentences or g.weight < w.weak_evidence:
        return False
    place_a = (g.a[0] + g.a[-1]) / 2 / max(1, len(sides.a) - 1)
    place_b = (g.b[0] + g.b[-1]) / 2 / max(1, len(sides.b) - 1)
    return g.score >= w.weak_floor and abs(place_a - place_b) <= w.weak_window


def _related_merges(
    sides: Sides, strength: Mapping[tuple[int, int], float], single: Group
) -> list[Group]:
    """Return 1:2 and 2:1 extensions of a related pair that say clearly more of the same."""
    (i,), (j,) = single.a, single.b
    out = []
    for a, b in neighbours(i, j):
        if all((x, y) in strength for x in a for y in b):
            g = _related_group(sides, a, b)
            if g.score >= single.score + MERGE_GAIN:
                out.append(g)
    return out


def _related_group(sides: Sides, a: tuple[int, ...], b: tuple[int, ...]) -> Group:
    """Return a "related" group ranked by the rare content its sides share."""
    return Group(a, b, sides.score(a, b), "related", sides.evidence(a, b))


def _best(strength: Mapping[tuple[int, int], float], side: int) -> dict[int, int]:
    """Return each sentence's strongest partner; ties go to the nearer, then the earlier one."""
    best: dict[int, tuple[float, int, int]] = {}
    for pair, e in strength.items():
        me, other = pair[side], pair[1 - side]
        key = (-e, abs(me - other), other)
        if me not in best or key < best[me]:
            best[me] = key
    return {me: key[2] for me, key in best.items()}


def _rank(g: Group) -> tuple[float, int, float, int]:
    """Order groups best first; every tie-break is symmetric in the two sides."""
    offset = abs(sum(g.a) / len(g.a) - sum(g.b) / len(g.b))
    return (-g.weight, len(g.a) + len(g.b), offset, sum(g.a) + sum(g.b))


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


def line_groups(doc: Document) -> list[tuple[int, ...]] | None:
    """Return the sentences of each non-empty line, or None if a sentence runs across lines."""
    starts = [doc.body_start] + [m.end() for m in NEWLINE.finditer(doc.text, doc.body_start)]
    out: dict[int, list[int]] = {}
    for s in doc.sentences:
        first = bisect.bisect_right(starts, s.start) - 1
        if bisect.bisect_right(starts, s.end - 1) - 1 != first:
            return None
        out.setdefault(first, []).append(s.index)
    return [tuple(v) for _, v in sorted(out.items())]


def diagonal(a: Document, b: Document, sides: Sides, *, forced: bool) -> list[Group] | None:
    """Return the diagonal line by line if the texts are parallel; forced, sentence by sentence."""
    la, lb = line_groups(a), line_groups(b)
    if la is not None and lb is not None and len(la) == len(lb) >= 2:
        pairs = list(zip(la, lb, strict=True))
    elif forced:
        pairs = [((i,), (i,)) for i in range(min(len(sides.a), len(sides.b)))]
    else:
        return None
    groups = [Group(x, y, sides.score(x, y)) for x, y in pairs]
    if forced or in_parallel_order(sides, pairs, groups):
        return groups
    return None


def in_parallel_order(sides: Sides, pairs: Sequence[Pair], diag: Sequence[Group]) -> bool:
    """Return True unless a free one-to-one assignment of the lines scores clearly higher."""
    lines = make_sides(
        tuple(join([sides.a[i] for i in x]) for x, _ in pairs),
        tuple(join([sides.b[j] for j in y]) for _, y in pairs),
        sides.weights,
    )
    found = candidates(lines.a, lines.b, lines.idf) | {(k, k) for k in range(len(pairs))}
    options = [Group((i,), (j,), s, weight=s) for i, j in found if (s := lines.score((i,), (j,)))]
    best = sum(g.score for g in greedy(options))
    return sum(g.score for g in diag) >= PARALLEL_SHARE * best


def finish(a: Document, b: Document, groups: Sequence[Group]) -> AlignResult:
    """Turn groups into alignments with word differences and, for small texts, sentence scores."""
    from auditor.measure.scores import sentence_bleu, sentence_chrf

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
                chrf=round(sentence_chrf(hyp, ref), 2) if scored else None,
                bleu=round(sentence_bleu(hyp, ref), 2) if scored else None,
                kind=g.kind,
            )
        )
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    unaligned = {
        a.id: tuple(i for i in range(len(a.sentences)) if i not in used_a),
        b.id: tuple(j for j in range(len(b.sentences)) if j not in used_b),
    }
    return AlignResult(tuple(out), unaligned)
