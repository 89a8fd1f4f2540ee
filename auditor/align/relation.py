"""The relation of two texts: versions of one text, or independent sources on one event.

A translation, its reference, a round trip or another MT output of the same source carry every
detail over: nearly every sentence has a counterpart, in the same order, of about the same
length, and the names and numbers of each linked pair are the same. Two outlets' articles about
one event add, drop and reorder details, and even where their sentences align one to one (close
paraphrases) each side names people, places and figures the other does not. The relation is
decided from that evidence, measured on the alignment, never from coverage alone:

- `coverage`: the smaller share of either text's sentences in a "same" link;
- `order`: the share of those links that keep the first text's order (longest increasing run);
- `length_ratio`: the shorter text's words over the longer's;
- `mean_score`: the mean calibrated score of the "same" links;
- `anchors_kept`: over the names, dates and numbers of linked sentences, the share found on
  both sides of their link (content carried over, not merely the same topic);
- `one_sided`: the share of the texts' distinct names and numbers found in one text only.

`decide` asks for versions' coverage, order and length, and content carried over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from auditor.align.match import signatures
from auditor.align.similarity import Sig
from auditor.model import Alignment, Document, Relation

VERSIONS = "versions"
SOURCES = "sources"
RELATIONS = (VERSIONS, SOURCES)


@dataclass(frozen=True)
class Thresholds:
    """The least evidence a pair of versions shows.

    Measured on the calibration sets: every MQM reference/MT document pair has coverage 1.0,
    order 1.0 and a length ratio of at least 0.7; among the ECB+ same-event pairs the highest
    coverage is below 0.6 and half differ in length by more than 0.6. Close paraphrases put
    into documents of parallel paragraphs (MSRP) reach the versions side on every one of
    these, and on `mean_score`, `anchors_kept` and `one_sided` they overlap MT output (whose
    names are often spelled or dropped differently: the very errors the version rules find).
    Weak MT output scores low on average but keeps its names and numbers; two outlets'
    articles that happen to have as many paragraphs, aligned line by line, do neither (ECB+
    pairs: mean score at most 0.15 with at most 0.38 of anchors kept), so a version must reach
    one of `mean_score` and `anchors_kept`. `one_sided` is reported, not decided on. The user
    can force the relation.
    """

    coverage: float = 0.8
    order: float = 0.9
    length_ratio: float = 0.6
    mean_score: float = 0.2
    anchors_kept: float = 0.4


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Evidence:
    """What the alignment of two texts shows about their relation."""

    coverage: float
    order: float
    length_ratio: float
    mean_score: float
    anchors_kept: float
    one_sided: float

    def as_dict(self) -> dict[str, float]:
        """Return the evidence rounded for the report."""
        return {k: round(v, 3) for k, v in asdict(self).items()}


def relate(
    a: Document,
    b: Document,
    alignments: Sequence[Alignment],
    *,
    forced: str | None = None,
    thresholds: Thresholds = THRESHOLDS,
) -> Relation:
    """Return the relation of `b` to `a` from their alignment, or the one the user forced."""
    found = measure(a, b, alignments)
    chosen = forced or decide(found, thresholds)
    return Relation(a.id, b.id, chosen, found.as_dict(), forced=forced is not None)


def decide(evidence: Evidence, t: Thresholds = THRESHOLDS) -> str:
    """Return "versions" when every piece of evidence says so, else "sources".

    Content must be carried over too: links that score low on average and keep few of their
    names and numbers are two texts laid out alike (paragraph for paragraph), not one text."""
    versions = (
        evidence.coverage >= t.coverage
        and evidence.order >= t.order
        and evidence.length_ratio >= t.length_ratio
        and (evidence.mean_score >= t.mean_score or evidence.anchors_kept >= t.anchors_kept)
    )
    return VERSIONS if versions else SOURCES


def measure(a: Document, b: Document, alignments: Sequence[Alignment]) -> Evidence:
    """Measure the evidence on the "same" links between `a` and `b`."""
    links = [
        al
        for al in alignments
        if al.kind == "same" and al.sentences.get(a.id) and al.sentences.get(b.id)
    ]
    sig_a, sig_b = signatures(a), signatures(b)
    words_a = sum(len(s.words) for s in sig_a)
    words_b = sum(len(s.words) for s in sig_b)
    return Evidence(
        coverage=min(_covered(links, a), _covered(links, b)),
        order=_in_order(links, a.id, b.id),
        length_ratio=min(words_a, words_b) / max(words_a, words_b, 1),
        mean_score=sum(al.score for al in links) / len(links) if links else 0.0,
        anchors_kept=_anchors_kept(links, a.id, b.id, sig_a, sig_b),
        one_sided=_one_sided(sig_a, sig_b),
    )


def _covered(links: Sequence[Alignment], doc: Document) -> float:
    """Return the share of the document's sentences inside a link."""
    if not doc.sentences:
        return 0.0
    return sum(len(al.sentences[doc.id]) for al in links) / len(doc.sentences)


def _in_order(links: Sequence[Alignment], a: str, b: str) -> float:
    """Return the share of links in the longest run that keeps both texts' order."""
    if not links:
        return 0.0
    order = [al.sentences[b][0] for al in sorted(links, key=lambda al: al.sentences[a][0])]
    tails: list[int] = []
    for x in order:
        k = _bisect_left(tails, x)
        tails[k : k + 1] = [x]
    return len(tails) / len(order)


def _bisect_left(values: list[int], x: int) -> int:
    """Return the first position whose value is not below `x`."""
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _anchors(sigs: Sequence[Sig], indices: Sequence[int]) -> frozenset[str]:
    """Return the names, dates and numbers of the given sentences."""
    return frozenset().union(*(sigs[i].anchors for i in indices))


def _anchors_kept(
    links: Sequence[Alignment], a: str, b: str, sig_a: Sequence[Sig], sig_b: Sequence[Sig]
) -> float:
    """Return the share of linked sentences' anchors found on both sides of their link."""
    kept = total = 0
    for al in links:
        x, y = _anchors(sig_a, al.sentences[a]), _anchors(sig_b, al.sentences[b])
        kept += 2 * len(x & y)
        total += len(x) + len(y)
    return kept / total if total else 1.0


def _one_sided(sig_a: Sequence[Sig], sig_b: Sequence[Sig]) -> float:
    """Return the share of the texts' distinct anchors found in one text only."""
    x = _anchors(sig_a, range(len(sig_a)))
    y = _anchors(sig_b, range(len(sig_b)))
    both = x | y
    return len(x ^ y) / len(both) if both else 0.0
