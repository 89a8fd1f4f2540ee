"""Cut sentences into segments at every mark boundary: findings, word differences, markers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from auditor.model import Alignment, Document, Finding, PairDiff

DIFF_CLASS = {"replace": "diff-changed", "delete": "diff-only", "insert": "diff-only"}
DIFF_TITLE = {
    "diff-changed": "worded differently in the other source",
    "diff-only": "not in the other source",
}


@dataclass(frozen=True)
class Mark:
    """A span of a document to highlight: a finding (key = its id) or a word difference.

    A word difference's `view` is the document it is a difference against.
    """

    start: int
    end: int
    cls: str
    key: str = ""
    rank: int = 0
    view: str = ""


@dataclass(frozen=True)
class Ref:
    """A numbered marker after a finding's words, linking to its card."""

    id: str
    number: int
    severity: str


@dataclass(frozen=True)
class Segment:
    """A run of text with one set of marks; `refs` are markers shown right after it."""

    text: str
    cls: str
    title: str
    findings: str
    refs: tuple[Ref, ...] = ()
    views: str = ""  # with several views: "a:diff-changed b:diff-only,diff-changed", as data-vs


def finding_marks(findings: Iterable[tuple[str, Finding]]) -> list[Mark]:
    """Return one mark per finding, keyed by the finding's id."""
    return [
        Mark(f.start, f.end, f"f f-{f.severity.value}", fid, f.severity.rank) for fid, f in findings
    ]


def diff_marks(
    diffs: Iterable[Alignment | PairDiff], order: Sequence[str], against: str
) -> dict[str, list[Mark]]:
    """Return each document's word-difference marks against the document `against`.

    Each other document is marked where it differs from `against`, and `against` where it
    differs from any other.
    """
    out: dict[str, list[Mark]] = {d: [] for d in order}
    for item in diffs:
        ids = [d for d in order if d in item.sentences]
        if len(ids) != 2 or against not in ids:
            continue
        for op in item.diff:
            cls = DIFF_CLASS.get(op.tag)
            if cls is None:
                continue
            for doc_id, start, end in (
                (ids[0], op.a_start, op.a_end),
                (ids[1], op.b_start, op.b_end),
            ):
                if end > start:
                    out[doc_id].append(Mark(start, end, cls, view=against))
    return out


def ref_position(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """Return the sentence and offset where a finding's marker goes (after its last words)."""
    if not doc.sentences:
        return None
    touched = [s for s in doc.sentences if s.start < end and start < s.end]
    touched += [s for s in doc.sentences if start == end and s.start <= start <= s.end]
    if touched:
        last = max(touched, key=lambda s: s.index)
        return last.index, min(max(end, last.start), last.end)
    after = next((s for s in doc.sentences if s.start >= start), None)
    if after is not None:
        return after.index, after.start
    last = doc.sentences[-1]
    return last.index, last.end


def split(
    text: str,
    start: int,
    end: int,
    marks: Sequence[Mark],
    refs: dict[int, list[Ref]],
    views: Sequence[str] = ("",),
) -> list[Segment]:
    """Cut text[start:end] into segments at every mark boundary; attach markers by offset.

    Word differences show against the first of `views`; with several, each segment also says
    its differences against each.
    """
    inside = [m for m in marks if m.start < end and start < m.end]
    cuts = sorted(
        {start, end} | {min(max(p, start), end) for m in inside for p in (m.start, m.end)}
    )
    out: list[Segment] = []
    if refs.get(start):
        out.append(Segment("", "", "", "", tuple(refs[start])))
    for x, y in pairwise(cuts):
        covering = [m for m in inside if m.start < y and x < m.end]
        out.append(_segment(text[x:y], covering, tuple(refs.get(y, ())), views))
    return out


def _segment(
    text: str, covering: list[Mark], refs: tuple[Ref, ...], views: Sequence[str]
) -> Segment:
    """Return one segment with the classes and finding ids of the marks covering it."""
    findings = sorted((m for m in covering if m.key), key=lambda m: -m.rank)
    diffs = {v: _classes(covering, v) for v in views}
    classes = [*diffs[views[0]]]
    if findings:
        classes.append(findings[0].cls)
    if len(findings) > 1:
        classes.append("f-many")
    title = DIFF_TITLE.get(classes[0], "") if diffs[views[0]] else ""
    shown = " ".join(f"{v}:{','.join(c)}" for v, c in diffs.items() if c) if len(views) > 1 else ""
    return Segment(text, " ".join(classes), title, " ".join(m.key for m in findings), refs, shown)


def _classes(covering: list[Mark], view: str) -> list[str]:
    """Return the word-difference classes of the marks of one view, each once."""
    return [*dict.fromkeys(m.cls for m in covering if not m.key and m.view == view)]
