"""Sentences broken in the middle, as MT re-segmentation leaves them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Document, Hit, Severity
from auditor.registry import Context, rule

LAST_WORD = re.compile(r"(\S+)\s*\Z")
FIRST_WORD = re.compile(r"[\"'“‘(]*([^\s,;:]+)")


@rule(
    "B101",
    Severity.ERROR,
    Category.MT_ERROR,
    fires=(
        "They could act if Russia is willing to do so. backtrack on Ukraine.",
        "Rights to make their own agreements. and are therefore non-negotiable.",
    ),
    quiet=(
        "He said so. Then he left.",
        "He paused... then went on.",
        "Apple sold more. iPhone sales rose.",
        "See p. 12 for details.",
    ),
)
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence that starts in lower case right after a full stop.

    Machine translation often breaks one sentence in two, leaving a full stop in the middle
    ("if Russia is willing to do so. backtrack on Ukraine"). The finding spans the stop and
    the words either side; the fix is usually to remove the stop.
    Example: "agreements. and are" -> "agreements and are"
    """
    for prev, cur in zip(doc.sentences, doc.sentences[1:], strict=False):
        before = doc.text[prev.start : prev.end]
        if not before.endswith(".") or before.endswith("..") or "\n" in doc.text[prev.end : cur.start]:
            continue
        first = FIRST_WORD.match(doc.text, cur.start, cur.end)
        last = LAST_WORD.search(before)
        if not first or not last or not _starts_lower(first.group(1)):
            continue
        if len(last.group(1).rstrip(".")) <= 1:
            continue
        start, end = prev.start + last.start(1), first.end(1)
        joined = f"{last.group(1)[:-1]} {first.group(1)}"
        yield Hit(start, end, "Sentence starts in lower case after a full stop: probably one "
                  "sentence broken in two.", suggestion=joined)


def _starts_lower(word: str) -> bool:
    """Return True for a lower-case word that is not a brand such as iPhone or eBay."""
    return word[:1].islower() and word[:1].isalpha() and not any(c.isupper() for c in word[1:])
