"""Readability for people: scores side by side, hardest sentences, an inline SVG chart."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditor.model import Document, Report
from auditor.report.cards import doc_label, sentence_anchor
from auditor.report.rows import Difficulty

HARD_COUNT = 3
HARD_GRADE = 12.0
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 150, 30, 20, 6

# metric -> (label, how to read it)
METRICS = {
    "flesch_reading_ease": ("Flesch reading ease", "0–100, higher is easier"),
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", "school years needed"),
    "gunning_fog": ("Gunning fog", "school years needed"),
    "smog_index": ("SMOG index", "school years needed"),
    "coleman_liau_index": ("Coleman–Liau index", "school years needed"),
    "dale_chall_readability_score": ("Dale–Chall score", "9+ is hard"),
    "difficult_words": ("Difficult words", "count"),
}


@dataclass(frozen=True)
class Bar:
    """One sentence's bar in the chart, linked to the sentence."""

    x: str
    y: str
    width: str
    height: str
    cls: str
    title: str
    href: str


@dataclass(frozen=True)
class Tick:
    """A horizontal grid line with its grade label."""

    y: str
    label: str


@dataclass(frozen=True)
class HardSentence:
    """One of the hardest sentences of a document, with a link to it."""

    href: str
    number: int
    grade: str
    text: str


@dataclass(frozen=True)
class Chart:
    """The difficulty chart and hardest sentences of one document."""

    label: str
    path: str
    summary: str
    view_box: str
    left: int
    right: int
    label_x: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    hardest: tuple[HardSentence, ...]


@dataclass(frozen=True)
class MetricRow:
    """One readability score of every document."""

    label: str
    hint: str
    values: tuple[str, ...]


def difficulty(report: Report) -> Difficulty:
    """Take every sentence's grade and pick each document's hardest ones."""
    grades = {d.id: [s.grade or 0.0 for s in d.sentences] for d in report.documents}
    return Difficulty(grades, {d: hardest(g) for d, g in grades.items()})


def hardest(grades: Sequence[float]) -> frozenset[int]:
    """Return the indices of the hardest sentences: the top few at or above HARD_GRADE."""
    ranked = sorted(range(len(grades)), key=lambda i: (-grades[i], i))
    return frozenset(i for i in ranked[:HARD_COUNT] if grades[i] >= HARD_GRADE)


def metric_rows(
    readability: Mapping[str, Mapping[str, float]], docs: Sequence[str]
) -> list[MetricRow]:
    """Return one row per readability score with every document's value."""
    names = list(dict.fromkeys(n for d in docs for n in readability.get(d, {})))
    return [
        MetricRow(
            *METRICS.get(name, (name.replace("_", " "), "")),
            tuple(_number(readability.get(d, {}).get(name)) for d in docs),
        )
        for name in names
    ]


def _number(value: float | None) -> str:
    """Format a score for display."""
    if value is None:
        return "–"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def chart(doc: Document, grades: Sequence[float], hard: frozenset[int]) -> Chart:
    """Return the bar chart of sentence difficulty along one document."""
    top = max(20.0, math.ceil(max(grades, default=0.0) / 5) * 5)
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    step = plot_w / max(1, len(grades))
    bars = []
    for i, g in enumerate(grades):
        h = max(0.0, min(g, top)) / top * plot_h
        cls = "bar hard" if i in hard else "bar"
        title = f"Sentence {i + 1}: grade {g:.1f}"
        x = LEFT + i * step + step * 0.1
        bars.append(
            Bar(
                f"{x:.1f}",
                f"{TOP + plot_h - h:.1f}",
                f"{step * 0.8:.1f}",
                f"{h:.1f}",
                cls,
                title,
                "#" + sentence_anchor(doc.id, i),
            )
        )
    ticks = [
        Tick(f"{TOP + plot_h - v / top * plot_h:.1f}", f"{v:.0f}")
        for v in range(0, int(top) + 1, 5)
    ]
    return Chart(
        doc_label(doc.id),
        doc.path,
        _summary(grades),
        f"0 0 {WIDTH} {HEIGHT}",
        LEFT,
        WIDTH,
        LEFT - 4,
        tuple(bars),
        tuple(ticks),
        _hardest(doc, grades, hard),
    )


def _hardest(
    doc: Document, grades: Sequence[float], hard: frozenset[int]
) -> tuple[HardSentence, ...]:
    """Return the hardest sentences, hardest first."""
    return tuple(
        HardSentence(
            "#" + sentence_anchor(doc.id, i), i + 1, f"{grades[i]:.1f}", doc.sentence_text(i)
        )
        for i in sorted(hard, key=lambda i: (-grades[i], i))
    )


def _summary(grades: Sequence[float]) -> str:
    """Describe the chart in words (its text alternative)."""
    if not grades:
        return "No sentences."
    ordered = sorted(grades)
    median = ordered[len(ordered) // 2]
    worst = max(range(len(grades)), key=lambda i: grades[i])
    return (
        f"{len(grades)} sentences; median grade {median:.1f}; "
        f"hardest: sentence {worst + 1}, grade {grades[worst]:.1f}."
    )
