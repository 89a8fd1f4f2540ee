"""Terms that a glossary (built-in or the user's --glossary files) forbids."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from auditor.knowledge.glossary import GlossaryTerm
from auditor.model import Category, Document, Hit, Severity
from auditor.rules.calques import entry_matches
from auditor.rules.registry import Context, rule


@rule(
    "G101",
    Severity.WARNING,
    Category.INCONSISTENCY,
    fires=("Officials met in «Kiev» on Monday.", "The delegation flew on to «Kharkov»."),
    quiet=("Officials met in Kyiv on Monday.", "The menu offered chicken Kiev."),
)
def forbidden_variant(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A variant that a glossary forbids, with the glossary's canonical term.

    The built-in glossary knows a few renamed places; add your house terms as CSV, TSV or TBX
    files with --glossary (columns term, variants, note, severity).

    Why it matters:
        Newsrooms fix the spelling of places, organisations and terms; MT systems and old
        corpora keep producing the variants.
    Example:
        talks in Kiev
    Use instead:
        talks in Kyiv
    Known false positives:
        The variant in a quotation, a historical name or a proper name that contains it ("Kiev
        Chicken"). A variant inside an occurrence of its own term is not flagged.
    """
    for term in ctx.knowledge.glossary if ctx.knowledge else ():
        inside = _occurrences(doc, term)
        for entry, m in entry_matches(doc, term.variants):
            if any(s <= m.start and m.end <= e for s, e in inside):
                continue
            note = f" {term.note}" if term.note else ""
            yield Hit(
                m.start,
                m.end,
                f"The glossary ({Path(entry.source).name}) prefers {term.term!r}.{note}",
                suggestion=m.suggestion,
                severity=entry.severity,
            )


def _occurrences(doc: Document, term: GlossaryTerm) -> list[tuple[int, int]]:
    """Return the spans where the canonical term itself occurs."""
    if doc.text.find(term.term, doc.body_start) < 0:
        return []  # the pattern starts with the term: no need to compile and run it
    # The word-edge check follows the term, so `re` searches the term by its literal prefix.
    edge = rf"(?<!\w(?s:.){{{len(term.term)}}})(?!\w)"
    pattern = re.compile(re.escape(term.term) + edge)
    return [m.span() for m in pattern.finditer(doc.text, doc.body_start)]
