"""Event links: every pair of sentences of two documents that share enough rare content.

A second output of the align stage, many-to-many, next to the 1:1/1:2 sentence alignment that
drives the side-by-side rows and the scores. Two outlets often tell one happening in several
sentences each, worded differently; a sentence pair that shares rare names, numbers, dates or
words (`evidence`, in units of one stem found in just two sentences) is linked whatever else the
alignment chose. Candidates come from the aligner's index of rare stems, never all n x m pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from auditor.align.candidates import postings_of
from auditor.align.match import make_sides, signatures
from auditor.align.similarity import WEIGHTS, Sig, evidence_terms, table_evidence
from auditor.model import Document, EventLink

# Shared rare content that links two sentences (one stem found in at most 7 of the 60
# sentences of two 30-sentence articles reaches it): the highest floor reaching sentence recall
# 0.6 on half 1 of samenews-dev's topics (`benchmarks/bench_damage.py --half 1 --kinds none`).
THRESHOLD = 0.4
# A stem found in more sentences than this on either side links nothing by itself: it keeps the
# pairs linear in the texts' length (at most this squared per stem).
MAX_POSTINGS = 8


def event_links(a: Document, b: Document) -> tuple[EventLink, ...]:
    """Return the sentence pairs of `a` and `b` whose shared rare content reaches the threshold;
    their strength is `evidence`'s, each stem's term looked up once (`evidence_terms`)."""
    sides = make_sides(signatures(a), signatures(b), WEIGHTS)
    if not sides.unit:
        return ()  # no stem is rare: `evidence` is 0 for every pair
    terms = evidence_terms(sides.idf)
    out = []
    for i, js in sorted(_partners(sides.a, sides.b).items()):
        for j in sorted(js):
            strength = table_evidence(sides.a[i], sides.b[j], terms, sides.unit)
            if strength >= THRESHOLD:
                out.append(EventLink(a.id, i, b.id, j, round(strength, 3)))
    return tuple(out)


def _partners(xs: Sequence[Sig], ys: Sequence[Sig]) -> dict[int, set[int]]:
    """Return, by sentence of `xs`, the sentences of `ys` that share a stem of the index found
    in few sentences of each."""
    left = postings_of(xs)
    partners: dict[int, set[int]] = defaultdict(set)
    for w, js in postings_of(ys).items():
        if len(js) <= MAX_POSTINGS and len(is_ := left.get(w, ())) <= MAX_POSTINGS:
            for i in is_:
                partners[i].update(js)
    return partners
