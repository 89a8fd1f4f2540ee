"""Calques and false friends from the knowledge file, with the idiomatic wording."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from auditor.knowledge.glossary import Entry
from auditor.knowledge.patterns import Match
from auditor.mentions.spans import SpanIndex
from auditor.model import Category, Document, Hit, Severity
from auditor.rules.registry import Context, rule


@rule(
    "C101",
    Severity.WARNING,
    Category.MT_ERROR,
    fires=(
        "He has lived in Geneva «since» three years.",
        "The talks took place «in the frame of» the new agreement.",
        "Officials «discussed about» the missile deployments.",
        "Reporters «made» a photo of the delegations.",
    ),
    quiet=(
        "He has lived in Geneva for three years.",
        "He has lived in Geneva since 2019, two years after the war.",
        "They made sport of his accent.",
        "The talks took place within the framework of the new agreement.",
    ),
)
def calque(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A literal translation or false friend listed in the calques knowledge file.

    The knowledge file (auditor/knowledge/calques.tsv) gives the idiomatic wording; extend it
    with your own glossary files (--glossary).

    Why it matters:
        Machine translation renders idioms word by word ("since three years" for depuis trois
        ans, "in the frame of" for dans le cadre de) and picks false friends ("actual" for
        current). Readers notice at once.
    Example:
        since three years
    Use instead:
        for three years
    Known false positives:
        A calque quoted on purpose (in an article about language), and the rare context where
        the literal wording is idiomatic English.
    """
    entries = ctx.knowledge.calques if ctx.knowledge else ()
    for entry, m in entry_matches(doc, entries):
        note = f" {entry.note}" if entry.note else ""
        yield Hit(
            m.start,
            m.end,
            f"Probable calque.{note}",
            suggestion=m.suggestion,
            severity=entry.severity,
            confidence=0.8 if entry.severity is Severity.WARNING else 0.5,
        )


def entry_matches(doc: Document, entries: Iterable[Entry]) -> Iterator[tuple[Entry, Match]]:
    """Yield each entry's matches in the body of `doc`, the first entry winning a span.

    One entry's matches never overlap each other, so each is checked (by bisection) against
    the spans taken by the entries before it only; O(m log m) for m matches.
    """
    taken: list[tuple[int, int]] = []  # disjoint, in text order
    index = SpanIndex(taken)
    for entry in entries:
        kept = [
            m
            for m in entry.pattern.finditer(doc.text, doc.body_start)
            if not index.overlaps(m.start, m.end)
        ]
        if kept:
            taken = sorted([*taken, *((m.start, m.end) for m in kept)])  # two runs: merged
            index = SpanIndex(taken)
        for m in kept:
            yield entry, m
