"""Punctuation garbled by machine translation: doubled stops, stray spaces, residue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Category, Document, Hit, Severity
from auditor.registry import Context, rule

DOUBLED_PERIOD = re.compile(r"(?<![.\w])\.[ \t\u00a0]*\.(?!\.)|(?<=\w)\.[ \t\u00a0]+\.(?!\.)")
SPACE_BEFORE = re.compile(r"(?<=[\w”’)\"])[ \t\u00a0]+([,.;:!?])(?![\w.,;:!?])")


@rule(
    "P101",
    Severity.ERROR,
    Category.FLUENCY,
    fires=("They met in Vienna. .", "He left.. Then she spoke."),
    quiet=("He paused... then spoke.", "The U.S. team left.", "Version 1.2 shipped."),
)
def doubled_period(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Two full stops where one belongs.

    MT systems and re-segmentation leave a second full stop behind ("Europe. ."), which
    readers see at once. An ellipsis ("...") is not flagged.
    Example: "a meeting in Vienna. ." -> "a meeting in Vienna."
    """
    for m in DOUBLED_PERIOD.finditer(doc.text, doc.body_start):
        yield Hit(m.start(), m.end(), "Doubled full stop.", suggestion=".")


@rule(
    "P102",
    Severity.WARNING,
    Category.FLUENCY,
    fires=("Monday January 10, 2022 . Denis Balibouse", "He said , then left."),
    quiet=("He said, then left.", "Ratio 3 : 2 is fine? No.", "Version .5 shipped."),
)
def space_before_punctuation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A space before a comma, full stop, colon, semicolon, question or exclamation mark.

    English puts no space there; a stray space is typical of MT output and of text pasted
    from another typographic tradition. Spaced ratios such as "3 : 2" are not flagged.
    Example: "January 10, 2022 . Denis" -> "January 10, 2022. Denis"
    """
    for m in SPACE_BEFORE.finditer(doc.text, doc.body_start):
        if m.group(1) == ":" and _is_ratio(doc.text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), f"Space before {m.group(1)!r}.", suggestion=m.group(1))


def _is_ratio(text: str, start: int, end: int) -> bool:
    """Return True for a spaced ratio or score such as "3 : 2"."""
    return text[start - 1 : start].isdigit() and text[end : end + 2].strip()[:1].isdigit()
