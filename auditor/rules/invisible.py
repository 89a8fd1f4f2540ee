"""Invisible and bidirectional control characters inside article text ("Trojan source")."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Document, Hit, Severity
from auditor.report.escape import BIDI, RUN, describe, needed
from auditor.rules.registry import Context, rule


@rule(
    "U103",
    Severity.WARNING,
    Category.FLUENCY,
    fires=(
        "The talks ended on «\u202e»Monday in Geneva.",
        "Officials discussed the values «\u200b\u200b»of the accord.",
        "Peter Gaynor«\u200e», the acting administrator, spoke first.",
    ),
    quiet=(
        "The talks ended on Monday in Geneva.",
        "The Persian word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 means 'I want'.",
        "She posted \U0001f468\u200d\U0001f469\u200d\U0001f467 with the photo.",
    ),
)
def invisible_character(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Invisible or bidirectional control characters inside the text.

    Bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069) are
    errors; zero-width spaces, word joiners and direction marks are warnings. Joiners and
    marks between letters of scripts that need them (Arabic, Persian, Indic) or inside emoji
    sequences are left alone. The suggestion removes the characters.

    Why it matters:
        An override makes text display in another order than it is stored, so a reader, a
        reviewer and a search index each see something different ("Trojan source"); zero-width
        spaces and direction marks left by copy-paste and MT pipelines split words invisibly
        and break search and spell checking.
    Example:
        the values <U+200B><U+200B>of the accord
    Use instead:
        the values of the accord
    Known false positives:
        A direction mark that right-to-left text quoted in an English sentence needs at its
        edge, next to a Latin letter or a digit.
    """
    text = doc.text
    for m in RUN.finditer(text, doc.body_start):
        if (m.start() == 0 and m.group() == "\ufeff") or needed(text, m.start(), m.end()):
            continue
        bidi = BIDI.search(m.group()) is not None
        names = ", ".join(sorted({describe(c) for c in m.group()}))
        yield Hit(
            m.start(),
            m.end(),
            f"Invisible character{'s' if len(m.group()) > 1 else ''} in the text ({names})"
            + (": it can reorder how the text displays." if bidi else "."),
            suggestion="",
            severity=Severity.ERROR if bidi else Severity.WARNING,
            confidence=0.95,
            safe=not bidi,
        )
