"""The aligned text as rows: sentences side by side in the first document's reading order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditor.model import Alignment, Document, Joined, PairDiff, Report, joined_by_first
from auditor.report.cards import FindingView, doc_label, finding_ids, sentence_anchor
from auditor.report.segments import (
    Mark,
    Ref,
    Segment,
    diff_marks,
    finding_marks,
    ref_position,
    split,
)

# sentence index -> offset -> markers placed there
Refs = dict[int, dict[int, list[Ref]]]
# doc id -> sentence indices of one row
Group = dict[str, set[int]]


@dataclass(frozen=True)
class SentenceView:
    """One sentence cut into segments, with its difficulty."""

    anchor: str
    number: int
    segments: tuple[Segment, ...]
    grade: str
    hard: bool
    para: bool


@dataclass(frozen=True)
class Cell:
    """One document's sentences in a row (none when the row is only in other sources)."""

    label: str
    sentences: tuple[SentenceView, ...]
    cards: tuple[FindingView, ...]


@dataclass(frozen=True)
class Row:
    """Sentences that report the same thing, or a sentence found in one source only."""

    id: str
    aligned: bool
    note: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Difficulty:
    """Sentence grades of each document and the sentences counted as hardest."""

    grades: Mapping[str, Sequence[float]]
    hard: Mapping[str, frozenset[int]]


def build_rows(report: Report, views: Sequence[FindingView], difficulty: Difficulty) -> list[Row]:
    """Return the rows of the aligned text, with each finding's card under its row."""
    order = [d.id for d in report.documents]
    layout = _layout(report, order)
    against = diff_views(report)
    marks: dict[str, list[Mark]] = {d: [] for d in order}
    for v in against:
        for d, found in diff_marks(linked_diffs(report), order, v).items():
            marks[d].extend(found)
    refs: dict[str, Refs] = {d: defaultdict(lambda: defaultdict(list)) for d in order}
    home: dict[str, tuple[str, int]] = {}
    for n, (fid, f) in enumerate(finding_ids(report), 1):
        marks[f.doc].extend(finding_marks([(fid, f)]))
        pos = ref_position(report.document(f.doc), f.start, f.end)
        if pos is not None:
            refs[f.doc][pos[0]][pos[1]].append(Ref(fid, n, f.severity.value))
            home[fid] = (f.doc, pos[0])
    rows = []
    for n, (group, alignments) in enumerate(layout, 1):
        cells = []
        for d in order:
            indices = sorted(group.get(d, ()))
            mine = {(d, i) for i in indices}
            cards = tuple(v for v in views if home.get(v.id) in mine)
            doc = report.document(d)
            cells.append(_cell(doc, indices, marks[d], against, refs[d], difficulty, cards))
        rows.append(Row(f"r{n}", bool(alignments), _note(group, alignments, order), tuple(cells)))
    return rows


def diff_views(report: Report) -> list[str]:
    """Return the documents the word differences can be shown against, the first by default.

    Every document, when the report holds differences between documents other than the first.
    """
    order = [d.id for d in report.documents]
    if any(order[0] not in x.sentences and len(x.sentences) == 2 for x in linked_diffs(report)):
        return order
    return order[:1]


def linked_diffs(report: Report) -> list[Alignment | PairDiff]:
    """Return everything that holds word differences of two documents."""
    return [*report.alignments, *report.pair_diffs]


def _cell(
    doc: Document,
    indices: list[int],
    marks: list[Mark],
    against: list[str],
    refs: Refs,
    difficulty: Difficulty,
    cards: tuple[FindingView, ...],
) -> Cell:
    """Return one document's cell of a row, with the cards of the findings placed in it."""
    grades = difficulty.grades.get(doc.id, ())
    sentences = []
    for k, i in enumerate(indices):
        s = doc.sentences[i]
        segments = split(doc.text, s.start, s.end, marks, refs.get(i, {}), against)
        grade = f"{grades[i]:.1f}" if i < len(grades) else ""
        hard = i in difficulty.hard.get(doc.id, frozenset())
        para = k > 0 and doc.new_paragraph(indices[k - 1], i)
        sentences.append(
            SentenceView(sentence_anchor(doc.id, i), i + 1, tuple(segments), grade, hard, para)
        )
    return Cell(doc_label(doc.id), tuple(sentences), cards)


# How the gutter names a link: same meaning (paraphrase, translation) or the same event told
# with other words or details (see auditor/align.py).
KIND_LABEL = {"same": "same meaning", "related": "same event"}


def _note(group: Group, alignments: list[Alignment], order: list[str]) -> str:
    """Describe a row: how well its sentences match, or which source alone has it."""
    if not alignments:
        present = [doc_label(d) for d in order if d in group]
        return "no match" if len(present) > 1 else f"only in {present[0]}"
    best = max(alignments, key=lambda al: al.score)
    parts = [f"{KIND_LABEL.get(best.kind, best.kind)} {best.score:.2f}"]
    chrf = [al.chrf for al in alignments if al.chrf is not None]
    if chrf:
        parts.append(f"chrF {max(chrf):.1f}")
    return " · ".join(parts)


def _layout(report: Report, order: list[str]) -> list[Joined]:
    """Return aligned groups and single sentences in the first document's reading order."""
    entries = joined_by_first(report.alignments, order[0])
    shown = {(d, i) for group, _ in entries for d, idx in group.items() for i in idx}
    for doc in report.documents:
        entries += [
            ({doc.id: {s.index}}, []) for s in doc.sentences if (doc.id, s.index) not in shown
        ]
    anchored = {
        (d, i): min(group[order[0]])
        for group, _ in entries
        if group.get(order[0])
        for d, idx in group.items()
        for i in idx
    }
    ordered = sorted(entries, key=lambda e: _place(e[0], order, anchored))
    return _merge_unmatched(ordered)


def _place(group: Group, order: list[str], anchored: dict[tuple[str, int], int]) -> tuple[int, ...]:
    """Sort key: a group's first-document sentence, else after its predecessor's row.

    Sentences with no aligned predecessor go just before their successor's row instead.
    """
    if group.get(order[0]):
        return (min(group[order[0]]), 0, 0, 0)
    pos, doc_id = next((p, d) for p, d in enumerate(order) if group.get(d))
    j = min(group[doc_id])
    earlier = (anchored[(doc_id, i)] for i in range(j - 1, -1, -1) if (doc_id, i) in anchored)
    before = next(earlier, None)
    if before is not None:
        return (before, 1, pos, j)
    later = (v for (d, i), v in sorted(anchored.items()) if d == doc_id and i > j)
    return (next(later, 1 << 30), -1, pos, j)


def _merge_unmatched(entries: list[Joined]) -> list[Joined]:
    """Merge runs of consecutive unaligned sentences into one row, as a side-by-side diff does."""
    out: list[Joined] = []
    for group, alignments in entries:
        if not alignments and out and not out[-1][1]:
            for doc_id, indices in group.items():
                out[-1][0].setdefault(doc_id, set()).update(indices)
        else:
            out.append(({d: set(i) for d, i in group.items()}, alignments))
    return out
