"""Files that could not be read, reported in place of their findings (as ruff's E902)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Category, Document, Hit, Severity
from auditor.rules.registry import INPUT, Context, rule


@rule("I101", Severity.ERROR, Category.INPUT, scope=INPUT)
def unreadable_file(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A file that could not be read: missing, not a regular file, too large, empty or not text.

    In a `check` of several files the others are audited as usual and each file that could
    not be read is reported by this rule, at line 1, column 1, in every output format; the run
    then exits with status 2. The rule is not selected like the others: it cannot be turned
    off, and a baseline never accepts it.

    Why it matters:
        A file silently left out looks like a file with nothing to fix; one bad name in a
        long list must neither hide the others' findings nor pass unnoticed.
    Example:
        audit check a.txt drafts/ b.txt   (drafts/ is a folder: "is a directory, not a
        regular file")
    Use instead:
        Name regular text files (UTF-8, UTF-16 or UTF-32, or a legacy code page) of at most
        50 MB; `--against` takes folders.
    Known false positives:
        None: the file really could not be read when the run looked at it.
    """
    if doc.problem is not None:
        yield Hit(0, 0, f"Not read: {doc.problem}.")
