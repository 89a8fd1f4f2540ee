"""Sentence pairs of two versions of one text: a translation and its reference, line by line.

Rules that compare what two sentences say word by word (every name, every number) only make
sense when one text is a version of the other. Two outlets' articles about the same event leave
out and add details freely, so these rules look only at documents whose alignment covers most
sentences of both sides, in order, and compare each document with the first one (the reference).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from auditor.model import Document
from auditor.rules.registry import Context


@dataclass(frozen=True)
class Pair:
    """A passage of the checked document and the passage of the reference aligned with it."""

    start: int
    end: int
    ref: Document
    ref_start: int
    ref_end: int

    @property
    def ref_span(self) -> tuple[int, int]:
        """Return the reference passage as (start, end)."""
        return self.ref_start, self.ref_end


def version_pairs(doc: Document, ctx: Context) -> Iterator[Pair]:
    """Yield the aligned passages of `doc` and the reference, if `doc` is a version of it."""
    ref = ctx.docs[0]
    if doc.id == ref.id:
        return
    if not ctx.versions(ref, doc):
        return
    groups = [al for al in ctx.alignments if al.sentences.get(ref.id) and al.sentences.get(doc.id)]
    for al in groups:
        mine, theirs = al.sentences[doc.id], al.sentences[ref.id]
        yield Pair(
            doc.sentences[mine[0]].start,
            doc.sentences[mine[-1]].end,
            ref,
            ref.sentences[theirs[0]].start,
            ref.sentences[theirs[-1]].end,
        )
