"""Offices a country's government does not have: "German Prime Minister", "British President"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.knowledge.governments import Government, GovernmentBook
from auditor.model import Category, Document, Hit, Severity, TitleMention
from auditor.rules.registry import Context, rule

# The words right before a title: up to two capitalised words (or "U.S."), a possessive "'s"
# allowed, and what stands before them (an organisation's possessive makes the title its own).
QUALIFIER = re.compile(
    r"(?P<before>\S*)\s*(?<![\w.])(?P<word>(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*?)(?:['’]s)?\s+\Z"
)
POSSESSIVE = re.compile(r"['’]s\Z")


@rule(
    "T102",
    Severity.WARNING,
    Category.MT_ERROR,
    level="preview",
    fires=(
        "German «Prime Minister» Olaf Scholz arrived in Paris on Monday.",
        "The talks were led by U.S. «Prime Minister» Joe Biden.",
        "British «President» Boris Johnson spoke to reporters.",
    ),
    quiet=(
        "German Chancellor Olaf Scholz arrived in Paris on Monday.",
        "Russia's Prime Minister Mikhail Mishustin spoke. Chinese Premier Li Qiang listened.",
        "Nissan's Japanese President Hiroto Saikawa resigned.",
        "Prime Minister Olaf Scholz arrived.",
        "Spanish President Mariano Rajoy spoke.",
    ),
)
def office_not_in_government(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An official given an office their country's government does not have.

    A title of the government offices in the governments knowledge file (president, prime
    minister, chancellor and their deputies), capitalised before a person's name and qualified
    by a country ("German", "U.S.", "Russia's"), names an office that country has never had
    since 1945. Where the wrong title names a head of government, the country's head of
    government is the fix.

    Why it matters:
        Machine translation renders a foreign office by the one the reader's country has:
        Germany's chancellor becomes its "prime minister", a monarchy gets a "president".
    Example:
        German Prime Minister Olaf Scholz
    Use instead:
        German Chancellor Olaf Scholz
    Known false positives:
        A foreign national holding an office elsewhere ("the German President of the
        Commission" is read as a domain and stays quiet, but other wordings may not); countries
        missing from the knowledge file are never judged.
    """
    book = ctx.knowledge.governments if ctx.knowledge else GovernmentBook()
    for m in ctx.mentions_of(doc.id, TitleMention):
        found = _country(doc.text, m, book)
        if found is None or m.office in found[1].offices:
            continue
        qualifier, government = found
        fix = government.head if m.office in book.leaders else None
        leads = f": the {qualifier} government is led by a {government.head}" if fix else ""
        yield Hit(
            m.start,
            m.end,
            f"There is no {qualifier} {m.office}{leads}. The title “{m.text}” is probably "
            "another office translated by the one the target language knows best.",
            suggestion=fix.title() if fix and m.text[:1].isupper() else fix,
            confidence=0.6,
        )


def _country(text: str, m: TitleMention, book: GovernmentBook) -> tuple[str, Government] | None:
    """Return the country word qualifying title `m` and its government, if the rule judges it."""
    if m.office not in book.checked or not m.text[:1].isupper() or " of " in m.text:
        return None
    if text.startswith(" of ", m.end):
        return None
    q = QUALIFIER.search(text, max(0, m.start - 40), m.start)
    if q is None or POSSESSIVE.search(q["before"]):
        return None
    words = q["word"].split()
    for qualifier in (" ".join(words), words[-1]):
        government = book.of(qualifier)
        if government:
            return qualifier, government
    return None
